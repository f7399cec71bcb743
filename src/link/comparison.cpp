#include "storyline/link/comparison.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "storyline/dedup/shingles.hpp"
#include "storyline/text/entities.hpp"

namespace storyline {

std::string_view relation_name(Relation relation) noexcept {
  switch (relation) {
    case Relation::kDuplicate: return "duplicate";
    case Relation::kSameStory: return "same_story";
    case Relation::kSameStoryline: return "same_storyline";
    case Relation::kUnrelated: return "unrelated";
  }
  return "unknown";
}

Status validate(const ComparisonOptions& options) {
  if (!(options.duplicate_jaccard > 0.0 && options.duplicate_jaccard <= 1.0)) {
    return Error{ErrorCode::kInvalidArgument, "duplicate_jaccard must be in (0, 1]"};
  }
  if (!std::isfinite(options.same_story_max_days) || options.same_story_max_days < 0.0) {
    return Error{ErrorCode::kInvalidArgument, "same_story_max_days must be a finite number >= 0"};
  }
  if (options.key_terms == 0) return Error{ErrorCode::kInvalidArgument, "key_terms must be at least 1"};
  if (options.storyline_min_entities_across_languages == 0) {
    // 0 would make any two articles in two languages one storyline.
    return Error{ErrorCode::kInvalidArgument, "storyline_min_entities_across_languages must be at least 1"};
  }
  return {};
}

namespace {

using TermIndex = std::unordered_map<std::string_view, const WeightedTerm*>;

TermIndex index_terms(const std::vector<WeightedTerm>& terms) {
  TermIndex index;
  index.reserve(terms.size());
  for (const WeightedTerm& term : terms) index.emplace(term.term, &term);
  return index;
}

// Cosine computed here with explicit norms rather than trusting that the analyzer's weights are unit
// length: that holds for all terms but not for a truncated list.
double cosine(const std::vector<WeightedTerm>& a, const std::vector<WeightedTerm>& b) {
  if (a.empty() || b.empty()) return 0.0;
  const TermIndex index = index_terms(a);
  double dot = 0.0;
  for (const WeightedTerm& term : b) {
    if (auto it = index.find(term.term); it != index.end()) dot += it->second->weight * term.weight;
  }
  double norm_a = 0.0;
  double norm_b = 0.0;
  for (const WeightedTerm& term : a) norm_a += term.weight * term.weight;
  for (const WeightedTerm& term : b) norm_b += term.weight * term.weight;
  if (norm_a <= 0.0 || norm_b <= 0.0) return 0.0;
  return std::clamp(dot / std::sqrt(norm_a * norm_b), 0.0, 1.0);
}

// An article's key terms: its `limit` heaviest terms and every term of its title, because a headline
// names what the report is about even when the body uses those words only once.
std::vector<std::string_view> key_terms(const Analysis& analysis, std::size_t limit) {
  std::vector<std::string_view> keys;
  for (std::size_t i = 0; i < analysis.terms.size() && i < limit; ++i) keys.push_back(analysis.terms[i].term);
  for (const WeightedTerm& term : analysis.title_terms) keys.push_back(term.term);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

double exact_jaccard(std::vector<std::uint64_t> a, std::vector<std::uint64_t> b) {
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  if (a.empty() && b.empty()) return 0.0;  // two texts without words share nothing worth calling a copy
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

bool is_defining(EntityKind kind) noexcept { return kind != EntityKind::kOther; }

std::string_view last_word(std::string_view key) noexcept {
  const std::size_t space = key.rfind(' ');
  return space == std::string_view::npos ? key : key.substr(space + 1);
}

// Within one article the analyzer already resolves "Pompeo" to "Mike Pompeo"; across two articles one may
// only ever say "Pompeo". A one-word name then matches a person whose full name ends with it. Places are
// left out on purpose: "Korea" must not match "North Korea" (nor "South Korea").
bool is_surname_of(const Entity& short_form, const Entity& full) noexcept {
  return full.kind == EntityKind::kPerson && short_form.kind != EntityKind::kPlace &&
         short_form.kind != EntityKind::kOrganisation && short_form.key.find(' ') == std::string::npos &&
         full.key.find(' ') != std::string::npos && last_word(full.key) == short_form.key;
}

struct EntityMatch {
  const Entity* a = nullptr;
  const Entity* b = nullptr;
};

std::vector<EntityMatch> match_entities(const std::vector<Entity>& a, const std::vector<Entity>& b) {
  std::vector<const Entity*> ordered;
  for (const Entity& entity : a) ordered.push_back(&entity);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Entity* x, const Entity* y) { return x->first_offset < y->first_offset; });
  std::vector<bool> taken(b.size(), false);
  std::vector<EntityMatch> matches;
  for (const Entity* entity : ordered) {
    std::size_t found = b.size();
    for (std::size_t j = 0; j < b.size() && found == b.size(); ++j) {
      if (!taken[j] && b[j].key == entity->key) found = j;
    }
    for (std::size_t j = 0; j < b.size() && found == b.size(); ++j) {
      if (!taken[j] && (is_surname_of(*entity, b[j]) || is_surname_of(b[j], *entity))) found = j;
    }
    if (found == b.size()) continue;
    taken[found] = true;
    matches.push_back({entity, &b[found]});
  }
  return matches;
}

// The kind cues of one article may decide what the other's could not ("Yonhap" alone is `other`; "the
// agency Yonhap" is an organisation), so a decided kind wins over `other`.
EntityKind merged_kind(const Entity& a, const Entity& b) noexcept { return is_defining(a.kind) ? a.kind : b.kind; }

std::size_t count_defining(const std::vector<Entity>& entities) {
  return static_cast<std::size_t>(
      std::count_if(entities.begin(), entities.end(), [](const Entity& e) { return is_defining(e.kind); }));
}

double share_of_smaller(std::size_t shared, std::size_t a, std::size_t b) noexcept {
  const std::size_t smaller = std::min(a, b);
  return smaller == 0 ? 0.0 : std::min(1.0, static_cast<double>(shared) / static_cast<double>(smaller));
}

}  // namespace

struct ArticleComparer::Impl {
  explicit Impl(ComparisonOptions comparison_options)
      : options(std::move(comparison_options)), shingler(DedupOptions{}.shingles) {}

  ComparisonOptions options;
  Shingler shingler;
  std::vector<std::uint64_t> shingles_a;
  std::vector<std::uint64_t> shingles_b;

  // Term weights without IDF. Document frequencies from two documents say nothing about a word's rarity in
  // news (every shared word would look common, every other word rare), and they would make the weights
  // depend on which article came first. So each article is analysed by a fresh Analyzer: with one document
  // seen, every term has the same document frequency, IDF is the same constant for all, and the weights
  // reduce to the analyzer's sublinear term frequency, L2-normalised. Stop words are already gone, which
  // removes most of what IDF would have discounted.
  Result<Analysis> analyze_alone(const Article& article) const {
    AnalyzeOptions analyze_options;
    analyze_options.top_terms = 0;  // all terms: the cosine needs the whole vectors
    auto analyzer = Analyzer::create(analyze_options);
    if (!analyzer) return analyzer.error();
    return analyzer->analyze(article);
  }
};

ArticleComparer::ArticleComparer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ArticleComparer::ArticleComparer(ArticleComparer&&) noexcept = default;
ArticleComparer& ArticleComparer::operator=(ArticleComparer&&) noexcept = default;
ArticleComparer::~ArticleComparer() = default;

Result<ArticleComparer> ArticleComparer::create(ComparisonOptions options) {
  if (auto status = validate(options); !status) return status.error();
  // Fail here rather than on the first comparison when ICU's data is missing.
  if (auto analyzer = Analyzer::create(); !analyzer) return analyzer.error();
  return ArticleComparer(std::make_unique<Impl>(std::move(options)));
}

const ComparisonOptions& ArticleComparer::options() const noexcept { return m_impl->options; }

Result<Comparison> ArticleComparer::compare(const Article& a, const Article& b) {
  const ComparisonOptions& options = m_impl->options;
  auto analysis_a = m_impl->analyze_alone(a);
  if (!analysis_a) return analysis_a.error();
  auto analysis_b = m_impl->analyze_alone(b);
  if (!analysis_b) return analysis_b.error();

  Comparison result;
  ComparisonEvidence& evidence = result.evidence;

  // Wording: the copy detector's shingles over the text alone, as `storyline dedup` sees it.
  m_impl->shingler.shingle(a.text, m_impl->shingles_a);
  m_impl->shingler.shingle(b.text, m_impl->shingles_b);
  evidence.jaccard = exact_jaccard(m_impl->shingles_a, m_impl->shingles_b);
  evidence.cosine = cosine(analysis_a->terms, analysis_b->terms);

  // Key terms both share, heaviest first by their share of the cosine.
  const std::vector<std::string_view> keys_a = key_terms(*analysis_a, options.key_terms);
  const std::vector<std::string_view> keys_b = key_terms(*analysis_b, options.key_terms);
  std::vector<std::string_view> shared_keys;
  std::set_intersection(keys_a.begin(), keys_a.end(), keys_b.begin(), keys_b.end(), std::back_inserter(shared_keys));
  const TermIndex terms_a = index_terms(analysis_a->terms);
  const TermIndex terms_b = index_terms(analysis_b->terms);
  struct SharedTerm {
    double weight;
    std::string_view stem;
    const std::string* display;
  };
  std::vector<SharedTerm> shared_terms;
  for (std::string_view stem : shared_keys) {
    const auto in_a = terms_a.find(stem);
    const auto in_b = terms_b.find(stem);
    if (in_a == terms_a.end() || in_b == terms_b.end()) continue;  // a title term is always a term too
    shared_terms.push_back({in_a->second->weight * in_b->second->weight, stem, &in_a->second->display});
  }
  std::sort(shared_terms.begin(), shared_terms.end(), [](const SharedTerm& x, const SharedTerm& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.stem < y.stem;
  });
  // Words of the shared names ("mike", "pompeo"): the entity lists already show them, so the term list
  // is left to say what the names do not.
  std::unordered_set<std::string_view> name_words;
  const std::vector<EntityMatch> matches = match_entities(analysis_a->entities, analysis_b->entities);
  for (const EntityMatch& match : matches) {
    for (const Entity* entity : {match.a, match.b}) {
      std::string_view key = entity->key;
      for (std::size_t space = key.find(' '); !key.empty(); space = key.find(' ')) {
        name_words.insert(key.substr(0, space));
        key = space == std::string_view::npos ? std::string_view() : key.substr(space + 1);
      }
    }
  }
  for (const EntityMatch& match : matches) {
    // The fuller of the two names: one article may only ever say "Pompeo".
    const std::string& name = match.b->name.size() > match.a->name.size() ? match.b->name : match.a->name;
    SharedEntities& shared = evidence.shared_entities;
    switch (merged_kind(*match.a, *match.b)) {
      case EntityKind::kPerson: shared.people.push_back(name); break;
      case EntityKind::kPlace: shared.places.push_back(name); break;
      case EntityKind::kOrganisation: shared.organisations.push_back(name); break;
      case EntityKind::kOther: shared.other.push_back(name); break;
    }
  }

  evidence.shared_key_terms = shared_terms.size();
  for (const SharedTerm& term : shared_terms) {
    if (options.max_shared_terms != 0 && evidence.shared_terms.size() == options.max_shared_terms) break;
    // Keys fold romanisations ("ellery" is "elery"), so the word is looked up as a key too.
    if (!name_words.contains(entity_key(*term.display))) evidence.shared_terms.push_back(*term.display);
  }

  evidence.language_a = analysis_a->lang;
  evidence.language_b = analysis_b->lang;
  if (a.published_at && b.published_at) {
    const auto seconds = std::chrono::abs(*a.published_at - *b.published_at).count();
    evidence.time_gap_days = static_cast<double>(seconds) / 86400.0;
  }

  PairSignals& signals = result.signals;
  signals[static_cast<std::size_t>(PairSignal::kCosine)] = evidence.cosine;
  signals[static_cast<std::size_t>(PairSignal::kTitleCosine)] =
      cosine(analysis_a->title_terms, analysis_b->title_terms);
  signals[static_cast<std::size_t>(PairSignal::kJaccard)] = evidence.jaccard;
  signals[static_cast<std::size_t>(PairSignal::kEntityOverlap)] =
      share_of_smaller(evidence.shared_entities.defining(), count_defining(analysis_a->entities),
                       count_defining(analysis_b->entities));
  signals[static_cast<std::size_t>(PairSignal::kKeyTermOverlap)] =
      share_of_smaller(evidence.shared_key_terms, keys_a.size(), keys_b.size());
  result.score = options.model.score(signals);

  const bool close_in_time = !evidence.time_gap_days || *evidence.time_gap_days <= options.same_story_max_days;
  const std::size_t defining = evidence.shared_entities.defining();
  const bool shares_thread =
      (defining >= options.storyline_min_entities &&
       evidence.shared_key_terms >= options.storyline_min_key_terms) ||
      (evidence.across_languages() && defining >= options.storyline_min_entities_across_languages);
  if (evidence.jaccard >= options.duplicate_jaccard) {
    result.verdict = Relation::kDuplicate;  // a copy stays a copy however late it is republished
  } else if (result.score <= options.model.same_story_score) {
    result.verdict = close_in_time ? Relation::kSameStory : Relation::kSameStoryline;
  } else if (shares_thread) {
    result.verdict = Relation::kSameStoryline;
  } else {
    result.verdict = Relation::kUnrelated;
  }
  return result;
}

}  // namespace storyline
