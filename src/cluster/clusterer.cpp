#include "storyline/cluster/clusterer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>

#include "cluster/story_index.hpp"

namespace storyline {
namespace {

using detail::ArticleVector;
using detail::EntityClass;

// Maps entity keys to dense ids. Grows with the vocabulary of the stream, which grows far slower than the
// stream itself, but soon outgrows the cache: a Swiss table finds a key in one probe group where
// std::unordered_map walked a node chain.
class Vocabulary {
 public:
  std::uint32_t id(std::string_view key) {
    // Debian's Abseil has its own string_view type, which std::string_view converts to only by hand.
    const absl::string_view lookup(key.data(), key.size());
    if (const auto it = m_ids.find(lookup); it != m_ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(m_ids.size());
    m_ids.emplace(std::string(key), id);
    return id;
  }

 private:
  absl::flat_hash_map<std::string, std::uint32_t> m_ids;
};

EntityClass entity_class(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return EntityClass::kPerson;
    case EntityKind::kPlace: return EntityClass::kPlace;
    case EntityKind::kOrganisation: return EntityClass::kOrganisation;
    case EntityKind::kOther: break;
  }
  return EntityClass::kOther;
}

// Term ids are the analyzer's document-frequency ids: one id per stem for the whole stream.
std::vector<std::pair<std::uint32_t, float>> to_vector(const std::vector<WeightedTerm>& terms, std::size_t limit) {
  const std::size_t keep = std::min(limit, terms.size());
  double norm2 = 0.0;
  for (std::size_t i = 0; i < keep; ++i) norm2 += terms[i].weight * terms[i].weight;
  const double scale = norm2 > 0.0 ? 1.0 / std::sqrt(norm2) : 0.0;
  std::vector<std::pair<std::uint32_t, float>> vector;
  vector.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) {
    vector.emplace_back(terms[i].id, static_cast<float>(terms[i].weight * scale));
  }
  return vector;
}

// Copies are looked up among the articles of the last one or two retirement windows only: the index is
// rebuilt in generations, so its memory follows the window too.
struct CopyGeneration {
  DedupIndex index;
  std::vector<std::uint32_t> story;     // per indexed article
  std::vector<std::uint32_t> position;  // stream position of each indexed article
  std::vector<std::string> id;          // and its id, so callers need not keep every id of the stream
  std::optional<std::int64_t> started;
};

}  // namespace

// Training: which decisions follow the gold labels instead of the model.
struct Forcing {
  bool story_forced = false;
  std::optional<std::uint32_t> story;  // nullopt: a new one
  bool storyline_forced = false;
  std::optional<std::uint32_t> storyline;
};

struct StoryClusterer::Impl {
  static constexpr std::size_t kStorylineProfileTerms = 300;
  static constexpr std::size_t kStorylineArticleTerms = 10;

  Impl(ClusterOptions cluster_options, Analyzer article_analyzer, Sketcher article_sketcher)
      : options(std::move(cluster_options)),
        join_threshold(options.join_threshold.value_or(options.model.join_threshold)),
        analyzer(std::move(article_analyzer)),
        sketcher(std::move(article_sketcher)),
        storyline_threshold(options.storyline_threshold.value_or(options.storyline_model.join_threshold)) {}

  ClusterOptions options;
  double join_threshold = 0.5;
  Analyzer analyzer;
  Sketcher sketcher;
  std::array<Vocabulary, 4> entities;  // one per EntityClass; ids are distinct across them (see vectorise)
  std::array<std::vector<std::uint32_t>, 4> entity_frequency;  // per EntityClass, by entity id: articles naming it
  std::uint32_t articles_seen = 0;
  detail::StoryIndex stories;
  // The same structure one level up: a storyline's articles, all stories. Its profiles are capped, as a
  // storyline can live for years.
  detail::StoryIndex storylines{kStorylineProfileTerms};
  double storyline_threshold = 0.5;
  std::vector<CopyGeneration> generations;  // [0] current, [1] previous
  std::uint32_t next_position = 0;
  std::optional<std::int64_t> clock;  // latest publication time seen
  Sketch sketch;

  Result<ArticleVector> vectorise(const Article& article) {
    auto analysis = analyzer.analyze(article);
    if (!analysis) return analysis.error();
    ArticleVector vector;
    vector.body = to_vector(analysis->terms, options.vector_terms);
    vector.title = to_vector(analysis->title_terms, options.vector_terms);
    for (const Entity& entity : analysis->entities) {
      const EntityClass kind = entity_class(entity.kind);
      // The kind goes in the top two bits, so "Washington" the place and the person are two entities.
      const std::uint32_t id = entities[static_cast<std::size_t>(kind)].id(entity.key);
      vector.entities.emplace_back((static_cast<std::uint32_t>(kind) << 30) | (id & 0x3FFFFFFFU), kind);
    }
    weigh_entities(vector);
    if (article.published_at) vector.time = article.published_at->time_since_epoch().count();
    return vector;
  }

  // An entity named in most articles (a country, a capital) says little about which matter an article
  // belongs to; a rare one (a person, a ship) says much. Weights are smoothed IDFs over the articles so
  // far, this one included, as for terms.
  void weigh_entities(ArticleVector& vector) {
    ++articles_seen;
    std::array<double, 4> norm2{};
    vector.entity_weights.reserve(vector.entities.size());
    for (const auto& [entity, kind] : vector.entities) {
      std::vector<std::uint32_t>& counts = entity_frequency[static_cast<std::size_t>(kind)];
      const std::uint32_t id = entity & 0x3FFFFFFFU;
      if (id >= counts.size()) counts.resize(id + 1, 0);
      const std::uint32_t frequency = ++counts[id];
      const double idf = std::log((1.0 + articles_seen) / (1.0 + frequency)) + 1.0;
      vector.entity_weights.push_back(static_cast<float>(idf));
      norm2[static_cast<std::size_t>(kind)] += idf * idf;
    }
    for (std::size_t i = 0; i < vector.entities.size(); ++i) {
      vector.entity_weights[i] /= static_cast<float>(std::sqrt(norm2[static_cast<std::size_t>(vector.entities[i].second)]));
    }
  }

  void advance_clock(const ArticleVector& vector) {
    if (!vector.time || (clock && *vector.time <= *clock)) return;
    clock = vector.time;
    stories.retire_before(*clock - options.retire_after_seconds);
    if (options.max_story_seconds > 0) stories.close_begun_before(*clock - options.max_story_seconds);
    storylines.retire_before(*clock - options.storyline_retire_after_seconds);
    CopyGeneration& current = generations.front();
    if (!current.started) current.started = clock;
    if (*clock - *current.started > options.retire_after_seconds) {
      generations.back() = std::move(current);
      generations.front() = new_generation();
      generations.front().started = clock;
    }
  }

  CopyGeneration new_generation() const {
    return CopyGeneration{DedupIndex::create(options.dedup).value(), {}, {}, {}, std::nullopt};
  }

  // The copied article and its story, when the article copies one that is still live.
  struct Copy {
    std::uint32_t position;
    std::uint32_t story;
    const std::string* id;
  };
  std::optional<Copy> find_copy() const {
    for (const CopyGeneration& generation : generations) {
      for (const CopyMatch& match : generation.index.query(sketch)) {
        const std::uint32_t story = generation.story[match.doc];
        if (stories.live(story)) return Copy{generation.position[match.doc], story, &generation.id[match.doc]};
      }
    }
    return std::nullopt;
  }

  static std::vector<CandidateScore> score(detail::StoryIndex& index, const StoryModel& model,
                                           const ArticleVector& vector, std::size_t query_terms,
                                           std::size_t limit) {
    std::vector<CandidateScore> scored;
    for (const std::uint32_t story : index.candidates(vector, query_terms, limit)) {
      CandidateScore candidate{story, index.signals(vector, story), 0.0};
      candidate.probability = model.probability(candidate.signals);
      scored.push_back(candidate);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const CandidateScore& a, const CandidateScore& b) {
      return a.probability != b.probability ? a.probability > b.probability : a.story < b.story;
    });
    return scored;
  }

  // A new story continues the storyline its first article fits best, or starts one; every article then
  // adds to its storyline's profile, so the storyline follows the matter as it moves on.
  void place_in_storyline(StoryAssignment& assignment, const ArticleVector& vector, const Forcing& forcing) {
    std::uint32_t storyline = 0;
    if (!assignment.opened && storylines.live(stories.group(assignment.story))) {
      storyline = stories.group(assignment.story);
    } else {
      assignment.storyline_candidates = score(storylines, options.storyline_model, vector, options.query_terms,
                                              options.max_candidates);
      const auto& best = assignment.storyline_candidates;
      if (forcing.storyline_forced) {
        if (forcing.storyline && storylines.live(*forcing.storyline)) {
          storyline = *forcing.storyline;
        } else {
          storyline = storylines.open();
          assignment.storyline_opened = true;
        }
      } else if (!best.empty() && best.front().probability >= storyline_threshold) {
        storyline = best.front().story;
      } else {
        storyline = storylines.open();
        assignment.storyline_opened = true;
      }
      stories.set_group(assignment.story, storyline);
    }
    assignment.storyline = storyline;
    detail::JoinScope scope;
    if (!assignment.opened) scope = {.post = false, .body_terms = kStorylineArticleTerms, .title = false};
    storylines.join(storyline, vector, options.query_terms, scope);
  }

  Result<StoryAssignment> add(const Article& article, const Forcing& forcing) {
    const bool forced = forcing.story_forced;
    const std::optional<std::uint32_t>& forced_story = forcing.story;
    auto vector = vectorise(article);
    if (!vector) return vector.error();
    advance_clock(*vector);

    StoryAssignment assignment;
    sketcher.sketch(article.text, sketch);
    const auto copy = options.join_duplicates ? find_copy() : std::nullopt;
    if (copy) {
      assignment.duplicate_of = copy->position;
      assignment.duplicate_of_id = *copy->id;
    }
    assignment.candidates = score(stories, options.model, *vector, options.query_terms, options.max_candidates);

    if (forced) {
      assignment.opened = !forced_story.has_value();
      assignment.story = forced_story ? *forced_story : stories.open();
      if (!stories.live(assignment.story)) {  // a forced story that had retired comes back as a new one
        assignment.story = stories.open();
        assignment.opened = true;
      }
    } else if (copy) {
      assignment.story = copy->story;
    } else if (!assignment.candidates.empty() && assignment.candidates.front().probability >= join_threshold) {
      assignment.story = assignment.candidates.front().story;
    } else {
      assignment.story = stories.open();
      assignment.opened = true;
    }
    stories.join(assignment.story, *vector, options.query_terms);
    place_in_storyline(assignment, *vector, forcing);

    CopyGeneration& current = generations.front();
    current.index.insert(sketch);
    current.story.push_back(assignment.story);
    current.position.push_back(next_position++);
    current.id.push_back(article.id);
    return assignment;
  }
};

StoryClusterer::StoryClusterer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
StoryClusterer::StoryClusterer(StoryClusterer&&) noexcept = default;
StoryClusterer& StoryClusterer::operator=(StoryClusterer&&) noexcept = default;
StoryClusterer::~StoryClusterer() = default;

Result<StoryClusterer> StoryClusterer::create(ClusterOptions options) {
  AnalyzeOptions analyze;
  analyze.top_terms = options.vector_terms;
  analyze.find_dates = false;  // stories are placed by publication time, not by the dates articles mention
  auto analyzer = Analyzer::create(analyze);
  if (!analyzer) return analyzer.error();
  auto index = DedupIndex::create(options.dedup);
  if (!index) return index.error();
  const DedupOptions resolved = index->options();
  options.dedup = resolved;
  auto impl = std::make_unique<Impl>(std::move(options), std::move(analyzer).value(), Sketcher(resolved));
  impl->generations.push_back(CopyGeneration{std::move(index).value(), {}, {}, {}, std::nullopt});
  impl->generations.push_back(impl->new_generation());
  return StoryClusterer(std::move(impl));
}

Result<StoryAssignment> StoryClusterer::add(const Article& article) { return m_impl->add(article, Forcing{}); }

Result<StoryAssignment> StoryClusterer::add_forced(const Article& article, std::optional<std::uint32_t> story) {
  return m_impl->add(article, Forcing{true, story, false, std::nullopt});
}

Result<StoryAssignment> StoryClusterer::add_forced_storyline(const Article& article,
                                                             std::optional<std::uint32_t> storyline) {
  return m_impl->add(article, Forcing{false, std::nullopt, true, storyline});
}

std::size_t StoryClusterer::stories_opened() const noexcept { return m_impl->stories.opened(); }
std::size_t StoryClusterer::active_stories() const noexcept { return m_impl->stories.active(); }
std::size_t StoryClusterer::storylines_opened() const noexcept { return m_impl->storylines.opened(); }
std::size_t StoryClusterer::active_storylines() const noexcept { return m_impl->storylines.active(); }

}  // namespace storyline
