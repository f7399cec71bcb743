// The "why" of a pair of articles: how two articles relate (copies, the same story, the same storyline,
// or unrelated), a similarity score on SemEval-2022 Task 8's 1-4 "Overall" scale, and the evidence a
// reader can check: the entities and key terms both share, how far apart they were published, how much
// wording they share (word-bigram Jaccard) and how similar their vocabularies are (term cosine).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/dedup/dedup_index.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/link/similarity_model.hpp"
#include "storyline/text/analyze.hpp"

namespace storyline {

enum class Relation : std::uint8_t {
  kDuplicate,      // a copy: the texts share most of their word bigrams (as `storyline dedup` decides)
  kSameStory,      // two reports of one event: very similar content, published close together
  kSameStoryline,  // one long-running thread: the same people, places or organisations and key terms,
                   // but far apart in time or told in different words
  kUnrelated,
};

[[nodiscard]] std::string_view relation_name(Relation relation) noexcept;  // "duplicate", "same_story", ...

struct ComparisonOptions {
  // Copies: word-bigram Jaccard at or above the copy detector's own threshold, so that `similar` calls a
  // pair a duplicate exactly when `dedup` would (up to MinHash's estimation error).
  double duplicate_jaccard = DedupOptions{}.threshold;
  // Two reports of one event are rarely published more than a few days apart; a very similar pair further
  // apart is a later chapter of the same storyline (a follow-up, an anniversary, a trial after a crime).
  double same_story_max_days = 3.0;
  // A storyline needs shared defining entities (people, places, organisations) and shared key terms:
  // entities alone link any two reports that mention one country, terms alone any two on one topic.
  std::size_t storyline_min_entities = 2;
  std::size_t storyline_min_key_terms = 3;
  // Across languages (a German and an English report) few key terms are shared, since the words differ,
  // while names mostly carry over; so more shared defining entities stand in for the terms. 4 is the count
  // that best told related pairs from the rest on SemEval-2022 Task 8's de-en training pairs
  // (docs/similar.md).
  std::size_t storyline_min_entities_across_languages = 4;
  // An article's key terms: its title's terms and its `key_terms` heaviest terms.
  std::size_t key_terms = 20;
  std::size_t max_shared_terms = 10;  // shared key terms listed in the evidence (0: all)
  SimilarityModel model = default_similarity_model();
};

// Errors: kInvalidArgument naming the option (duplicate_jaccard outside (0, 1], a negative or non-finite
// same_story_max_days, key_terms or storyline_min_entities_across_languages 0).
[[nodiscard]] Status validate(const ComparisonOptions& options);

// Entity names both articles mention, by kind, in order of first mention in the first article.
struct SharedEntities {
  std::vector<std::string> people;
  std::vector<std::string> places;
  std::vector<std::string> organisations;
  std::vector<std::string> other;

  [[nodiscard]] std::size_t defining() const noexcept {  // people, places and organisations
    return people.size() + places.size() + organisations.size();
  }
};

struct ComparisonEvidence {
  SharedEntities shared_entities;
  // Key terms of both articles, readable (first surface form, case-folded), heaviest first: ordered by
  // the product of the two articles' weights, which is the term's share of the cosine. Words of the
  // shared entities' names are left out (the entity lists show them).
  std::vector<std::string> shared_terms;
  std::size_t shared_key_terms = 0;  // all shared key terms, names and those beyond max_shared_terms too
  std::optional<double> time_gap_days;  // when both articles have `published`; never negative
  // Each article's language (ISO 639-1): as given by the article, else as detected.
  std::string language_a;
  std::string language_b;

  // Words rarely match across languages, so the verdict leans on shared names there.
  [[nodiscard]] bool across_languages() const noexcept { return language_a != language_b; }
  double jaccard = 0.0;
  double cosine = 0.0;
};

struct Comparison {
  Relation verdict = Relation::kUnrelated;
  double score = kLeastSimilarScore;  // 1 = most similar ... 4 = least similar
  ComparisonEvidence evidence;
  PairSignals signals{};  // what the score was computed from
};

// Not thread-safe (it owns an Analyzer and a Shingler): one ArticleComparer per thread. compare() gives the
// same result for (a, b) as for (b, a), up to the order of the evidence lists, and does not depend on
// what was compared before.
class ArticleComparer {
 public:
  // Errors: as validate(); kInternal when ICU's word-break data is unavailable.
  [[nodiscard]] static Result<ArticleComparer> create(ComparisonOptions options = {});

  ArticleComparer(ArticleComparer&&) noexcept;
  ArticleComparer& operator=(ArticleComparer&&) noexcept;
  ~ArticleComparer();

  [[nodiscard]] const ComparisonOptions& options() const noexcept;

  // Errors: kInvalidUtf8 when a title or text is not valid UTF-8; kInternal when ICU fails.
  [[nodiscard]] Result<Comparison> compare(const Article& a, const Article& b);

 private:
  struct Impl;
  explicit ArticleComparer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
