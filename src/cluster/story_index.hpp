// The live stories of a stream and the inverted index that finds candidates among them: postings from
// term and entity ids to the stories containing them, centroids to score against, and a time-ordered set
// to retire quiet stories. The clusterer keeps a second one whose "stories" are storylines. Private to
// the clusterer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "storyline/cluster/story_model.hpp"

namespace storyline::detail {

enum class EntityClass : std::uint8_t { kPerson, kPlace, kOrganisation, kOther };

// One article as the story index sees it. Term and entity ids come from the clusterer's vocabularies.
struct ArticleVector {
  std::vector<std::pair<std::uint32_t, float>> body;   // L2-normalised TF-IDF, heaviest first
  std::vector<std::pair<std::uint32_t, float>> title;  // L2-normalised, heaviest first (may be empty)
  std::vector<std::pair<std::uint32_t, EntityClass>> entities;  // distinct; the id's top two bits are its kind
  // Per entity: its IDF over the stream, L2-normalised over the article's entities of its kind.
  std::vector<float> entity_weights;
  std::optional<std::int64_t> time;  // seconds since the epoch
};

struct Story {
  std::uint32_t size = 0;
  std::unordered_map<std::uint32_t, float> body;  // sum of member vectors
  double body_norm2 = 0.0;
  std::unordered_map<std::uint32_t, float> title;
  double title_norm2 = 0.0;
  std::unordered_map<std::uint32_t, float> entities;  // entity id -> sum of the members' entity_weights
  std::array<double, 4> entity_norm2{};  // squared norm of the weights, by EntityClass
  std::optional<std::int64_t> first;   // publication time of its earliest dated article
  bool closed = false;                 // takes no new articles (too old); still live for its copies
  std::optional<std::int64_t> latest;
  std::uint32_t group = 0;  // the story's storyline (unused in the storyline index itself)
  std::unordered_set<std::uint64_t> posted;  // posting keys holding this story: (is entity << 32) | id
};

// How much of an article a join adds. The storyline index takes a story's first article whole, and of
// its later reports only the heaviest terms and no postings: they repeat the story's vocabulary, and
// the long tail of each would churn the storyline's capped profile and cost a set insertion per term.
struct JoinScope {
  bool post = true;                // its query terms and entities lead to the story from now on
  std::size_t body_terms = SIZE_MAX;  // its heaviest body terms added to the centroid
  bool title = true;               // its title terms added too
};

class StoryIndex {
 public:
  // `max_terms`: when a centroid (or the entity tallies) grows past twice this, it keeps only its
  // `max_terms` heaviest entries. Stories are short-lived and need no cap (0); storylines live for years
  // and would otherwise grow with every article.
  explicit StoryIndex(std::size_t max_terms = 0) : m_max_terms(max_terms) {}

  // Up to `limit` live, open stories sharing a query term or an entity with the article, ranked by the
  // summed weight of what they share (ties by story number).
  [[nodiscard]] std::vector<std::uint32_t> candidates(const ArticleVector& article, std::size_t query_terms,
                                                      std::size_t limit);
  [[nodiscard]] StorySignals signals(const ArticleVector& article, std::uint32_t story) const;

  std::uint32_t open();
  // Adds the article to the story's centroids and tallies.
  void join(std::uint32_t story, const ArticleVector& article, std::size_t query_terms, JoinScope scope = JoinScope{});
  // Retires every story whose latest article is older than `cutoff`.
  void retire_before(std::int64_t cutoff);
  // Closes every story whose first article is older than `cutoff`: it stays live (copies of its articles
  // still find it) but is no longer a candidate, and lookups drop it from the posting lists they walk.
  void close_begun_before(std::int64_t cutoff);

  [[nodiscard]] bool live(std::uint32_t story) const { return m_stories.contains(story); }
  void set_group(std::uint32_t story, std::uint32_t group) { m_stories.at(story).group = group; }
  [[nodiscard]] std::uint32_t group(std::uint32_t story) const { return m_stories.at(story).group; }
  [[nodiscard]] std::size_t opened() const noexcept { return m_next_story; }
  [[nodiscard]] std::size_t active() const noexcept { return m_stories.size(); }

 private:
  using Postings = std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>;
  static void post(Postings& postings, Story& story, bool entity, std::uint32_t key, std::uint32_t story_id);
  void sweep();
  void cap(Story& story) const;

  std::size_t m_max_terms = 0;
  std::unordered_map<std::uint32_t, Story> m_stories;  // live stories only
  Postings m_term_postings;
  Postings m_entity_postings;
  std::set<std::pair<std::int64_t, std::uint32_t>> m_by_latest;  // (latest time, story), dated stories
  std::set<std::pair<std::int64_t, std::uint32_t>> m_by_first;   // (first time, story), dated open stories
  std::unordered_map<std::uint32_t, double> m_shared;  // candidates' scratch, reused across lookups
  std::uint32_t m_next_story = 0;
  std::size_t m_retired_since_sweep = 0;
};

}  // namespace storyline::detail
