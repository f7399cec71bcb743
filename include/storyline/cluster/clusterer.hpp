// Online story clustering: each article, in publication order, joins the story (real-world event) it
// reports or opens a new one. Candidate stories come from an inverted index over the article's heaviest
// stems and its entities (never a scan of all stories); each candidate is scored on several signals
// (StorySignal) combined by the learned StoryModel; near-duplicates join their original's story at once.
// Stories quiet for longer than the retirement window leave the index, so memory stays bounded on an
// endless stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storyline/cluster/story_model.hpp"
#include "storyline/common/result.hpp"
#include "storyline/dedup/dedup_index.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/text/analyze.hpp"

namespace storyline {

struct ClusterOptions {
  std::size_t vector_terms = 50;    // heaviest terms kept per article vector
  std::size_t query_terms = 10;     // heaviest terms used to look up candidate stories
  std::size_t max_candidates = 20;  // candidates scored in full, after a cheap pre-ranking
  // Stories whose latest article is older than this (by publication time) are retired. Articles without
  // a date do not move the clock, so an undated stream retires nothing.
  std::int64_t retire_after_seconds = 7 * 24 * 3600;
  // A story is one event: once its first article is older than this, it takes no new articles (copies
  // of its articles still join it) and the matter goes on in a new story, which the storyline links.
  // 0: stories stay open for as long as they are live.
  std::int64_t max_story_seconds = 7 * 24 * 3600;
  bool join_duplicates = true;      // near-duplicates join their original's story without scoring
  DedupOptions dedup;
  StoryModel model = default_story_model();
  std::optional<double> join_threshold;  // overrides model.join_threshold
  // Storylines: each new story continues the live storyline its first article fits best, when the
  // storyline model's probability reaches its threshold, or starts one. A storyline quiet for longer than
  // this is retired (a matter can rest for years: the seeds' summits are 655 days apart).
  std::int64_t storyline_retire_after_seconds = std::int64_t{3} * 365 * 24 * 3600;
  StoryModel storyline_model = default_storyline_model();
  std::optional<double> storyline_threshold;  // overrides storyline_model.join_threshold
};

struct CandidateScore {
  std::uint32_t story = 0;  // the candidate story (or storyline, in StoryAssignment::storyline_candidates)
  StorySignals signals{};
  double probability = 0.0;
};

struct StoryAssignment {
  std::uint32_t story = 0;  // stories are numbered 0, 1, 2, ... in the order they open
  bool opened = false;      // the article opened this story
  std::optional<std::uint32_t> duplicate_of;  // the article (stream position) it copies, when it does
  std::optional<std::string> duplicate_of_id;  // and that article's id
  std::vector<CandidateScore> candidates;     // scored candidates, most probable first
  std::uint32_t storyline = 0;  // the story's storyline; numbered 0, 1, 2, ... in the order they start
  bool storyline_opened = false;  // the article's new story started this storyline
  std::vector<CandidateScore> storyline_candidates;  // when the article opened its story: the storylines
                                                     // scored for it, most probable first
};

// Not thread-safe: one clusterer per stream. Deterministic: the same articles in the same order give the
// same stories.
class StoryClusterer {
 public:
  // Errors: kInvalidArgument for invalid dedup options; kInternal when ICU data is missing.
  [[nodiscard]] static Result<StoryClusterer> create(ClusterOptions options = {});

  StoryClusterer(StoryClusterer&&) noexcept;
  StoryClusterer& operator=(StoryClusterer&&) noexcept;
  ~StoryClusterer();

  // Assigns the next article of the stream. Errors: as Analyzer::analyze.
  [[nodiscard]] Result<StoryAssignment> add(const Article& article);

  // Training support: scores the candidates exactly like add(), then puts the article into `story`
  // (a story number seen before), or into a new story when nullopt, whatever the model says.
  [[nodiscard]] Result<StoryAssignment> add_forced(const Article& article, std::optional<std::uint32_t> story);
  // The same one level up: the article's story is chosen by the model, but when it opens a new story,
  // that story goes into `storyline` (nullopt or retired: a new one), whatever the storyline model says.
  [[nodiscard]] Result<StoryAssignment> add_forced_storyline(const Article& article,
                                                             std::optional<std::uint32_t> storyline);

  [[nodiscard]] std::size_t stories_opened() const noexcept;
  [[nodiscard]] std::size_t active_stories() const noexcept;
  [[nodiscard]] std::size_t storylines_opened() const noexcept;
  [[nodiscard]] std::size_t active_storylines() const noexcept;

 private:
  struct Impl;
  explicit StoryClusterer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
