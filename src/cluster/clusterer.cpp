#include "storyline/cluster/clusterer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>

#include "cluster/story_index.hpp"

namespace storyline {
namespace {

using detail::ArticleVector;
using detail::EntityClass;

// Maps entity keys to dense ids. Grows with the vocabulary of the stream, which grows
// far slower than the stream itself.
class Vocabulary {
 public:
  std::uint32_t id(const std::string& key) {
    const auto [it, inserted] = m_ids.try_emplace(key, m_next);
    if (inserted) ++m_next;
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::uint32_t m_next = 0;
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
  std::optional<std::int64_t> started;
};

}  // namespace

struct StoryClusterer::Impl {
  ClusterOptions options;
  double join_threshold = 0.5;
  Analyzer analyzer;
  Sketcher sketcher;
  std::array<Vocabulary, 4> entities;  // one per EntityClass; ids are distinct across them (see vectorise)
  detail::StoryIndex stories;
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
    if (article.published_at) vector.time = article.published_at->time_since_epoch().count();
    return vector;
  }

  void advance_clock(const ArticleVector& vector) {
    if (!vector.time || (clock && *vector.time <= *clock)) return;
    clock = vector.time;
    stories.retire_before(*clock - options.retire_after_seconds);
    CopyGeneration& current = generations.front();
    if (!current.started) current.started = clock;
    if (*clock - *current.started > options.retire_after_seconds) {
      generations.back() = std::move(current);
      generations.front() = new_generation();
      generations.front().started = clock;
    }
  }

  CopyGeneration new_generation() const {
    return CopyGeneration{DedupIndex::create(options.dedup).value(), {}, {}, std::nullopt};
  }

  // The copied article and its story, when the article copies one that is still live.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> find_copy() const {
    for (const CopyGeneration& generation : generations) {
      for (const CopyMatch& match : generation.index.query(sketch)) {
        const std::uint32_t story = generation.story[match.doc];
        if (stories.live(story)) return std::make_pair(generation.position[match.doc], story);
      }
    }
    return std::nullopt;
  }

  std::vector<CandidateScore> score(const ArticleVector& vector) {
    std::vector<CandidateScore> scored;
    for (const std::uint32_t story : stories.candidates(vector, options.query_terms, options.max_candidates)) {
      CandidateScore candidate{story, stories.signals(vector, story), 0.0};
      candidate.probability = options.model.probability(candidate.signals);
      scored.push_back(candidate);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const CandidateScore& a, const CandidateScore& b) {
      return a.probability != b.probability ? a.probability > b.probability : a.story < b.story;
    });
    return scored;
  }

  Result<StoryAssignment> add(const Article& article, bool forced, std::optional<std::uint32_t> forced_story) {
    auto vector = vectorise(article);
    if (!vector) return vector.error();
    advance_clock(*vector);

    StoryAssignment assignment;
    sketcher.sketch(article.text, sketch);
    const auto copy = options.join_duplicates ? find_copy() : std::nullopt;
    if (copy) assignment.duplicate_of = copy->first;
    assignment.candidates = score(*vector);

    if (forced) {
      assignment.opened = !forced_story.has_value();
      assignment.story = forced_story ? *forced_story : stories.open();
      if (!stories.live(assignment.story)) {  // a forced story that had retired comes back as a new one
        assignment.story = stories.open();
        assignment.opened = true;
      }
    } else if (copy) {
      assignment.story = copy->second;
    } else if (!assignment.candidates.empty() && assignment.candidates.front().probability >= join_threshold) {
      assignment.story = assignment.candidates.front().story;
    } else {
      assignment.story = stories.open();
      assignment.opened = true;
    }
    stories.join(assignment.story, *vector, options.query_terms);

    CopyGeneration& current = generations.front();
    current.index.insert(sketch);
    current.story.push_back(assignment.story);
    current.position.push_back(next_position++);
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
  const double threshold = options.join_threshold.value_or(options.model.join_threshold);
  auto impl = std::unique_ptr<Impl>(new Impl{std::move(options), threshold, std::move(analyzer).value(),
                                             Sketcher(resolved), {}, {}, {}, 0, std::nullopt, {}});
  impl->generations.push_back(CopyGeneration{std::move(index).value(), {}, {}, std::nullopt});
  impl->generations.push_back(impl->new_generation());
  return StoryClusterer(std::move(impl));
}

Result<StoryAssignment> StoryClusterer::add(const Article& article) { return m_impl->add(article, false, std::nullopt); }

Result<StoryAssignment> StoryClusterer::add_forced(const Article& article, std::optional<std::uint32_t> story) {
  return m_impl->add(article, true, story);
}

std::size_t StoryClusterer::stories_opened() const noexcept { return m_impl->stories.opened(); }
std::size_t StoryClusterer::active_stories() const noexcept { return m_impl->stories.active(); }

}  // namespace storyline
