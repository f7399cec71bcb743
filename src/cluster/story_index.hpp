// The live stories of a stream and the inverted index that finds candidates among them: postings from
// term and entity ids to the stories containing them, centroids to score against, and a time-ordered set
// to retire quiet stories. The clusterer keeps a second one whose "stories" are storylines. Private to
// the clusterer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

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

// Term or entity id -> summed weight. Scoring looks each of an article's terms up in the centroids of up
// to twenty stories, most of them absent: an open-addressing table answers from one probe group, where
// std::unordered_map walked a bucket and a node chain (a quarter of clustering time). Its iteration order
// varies from run to run, so nothing may depend on it (see cap()).
using Centroid = absl::flat_hash_map<std::uint32_t, float>;

struct Story {
  std::uint32_t size = 0;
  Centroid body;  // sum of member vectors
  double body_norm2 = 0.0;
  Centroid title;
  double title_norm2 = 0.0;
  Centroid entities;  // entity id -> sum of the members' entity_weights
  std::array<double, 4> entity_norm2{};  // squared norm of the weights, by EntityClass
  std::optional<std::int64_t> first;   // publication time of its earliest dated article
  std::optional<std::int64_t> latest;
  std::uint32_t group = 0;  // the story's storyline (unused in the storyline index itself)
  absl::flat_hash_set<std::uint64_t> posted;  // posting keys holding this story: (is entity << 32) | id
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

  [[nodiscard]] bool live(std::uint32_t story) const;
  void set_group(std::uint32_t story, std::uint32_t group);
  [[nodiscard]] std::uint32_t group(std::uint32_t story) const;
  [[nodiscard]] std::size_t opened() const noexcept { return m_next_story; }
  [[nodiscard]] std::size_t active() const noexcept { return m_active; }
  // Slots held for live stories and the retired ones among them: what the index costs beyond the stories.
  [[nodiscard]] std::size_t slots() const noexcept { return m_slots.size() + m_stragglers.size(); }

 private:
  // Term or entity id -> the stories posted under it. Every candidates() call looks up some twenty keys in
  // tables of tens of thousands, nearly each a cache miss: one probe group here, where std::unordered_map
  // read a bucket and then a node (two thirds of the posting walk's time).
  using Postings = absl::flat_hash_map<std::uint32_t, std::vector<std::uint32_t>>;
  using TimeIndex = std::set<std::pair<std::int64_t, std::uint32_t>>;
  static void post(Postings& postings, Story& story, bool entity, std::uint32_t key, std::uint32_t story_id);
  static void move_time(TimeIndex& index, std::optional<std::int64_t> from, std::int64_t to,
                        std::uint32_t story_id);
  // A story's place in the index. Walking a posting list reads only these, which sit side by side in
  // story order, and not the stories themselves, which are scattered over the heap.
  struct Slot {
    std::unique_ptr<Story> story;  // null once retired
    bool closed = false;           // takes no new articles (too old); still live for its copies
    std::uint64_t lookup = 0;      // the last candidates() call that reached the story
    double shared = 0.0;           // the weight of what it shared with that call's article
  };
  // The slot of the live story numbered `story`, or nullptr when it has retired (or not opened yet).
  template <typename Self>
  [[nodiscard]] static auto* live_slot(Self& self, std::uint32_t story) noexcept {
    if (story < self.m_first_story) {
      const auto straggler = self.m_stragglers.find(story);
      return straggler == self.m_stragglers.end() ? nullptr : &straggler->second;
    }
    const std::uint32_t index = story - self.m_first_story;
    const bool live = index < self.m_slots.size() && self.m_slots[index].story;
    return live ? &self.m_slots[index] : nullptr;
  }
  // The same, for a story that must be live: throws std::out_of_range when it is not.
  template <typename Self>
  [[nodiscard]] static auto& live_at(Self& self, std::uint32_t story) {
    auto* slot = live_slot(self, story);
    if (slot == nullptr) throw std::out_of_range("story " + std::to_string(story) + " is not live");
    return *slot;
  }
  void retire(std::uint32_t story);
  void compact();
  void sweep();
  void cap(Story& story) const;

  std::size_t m_max_terms = 0;
  // Stories by number: numbers are dense and stories retire roughly in the order they open, so a lookup
  // is an index rather than a hash. A retired story leaves an empty slot until every older one has retired
  // too; so that one long-lived story cannot keep the empty slots of everything opened after it, compact()
  // moves the oldest live stories out to m_stragglers once most slots are empty.
  std::deque<Slot> m_slots;
  std::uint32_t m_first_story = 0;  // the number of m_slots.front()
  std::unordered_map<std::uint32_t, Slot> m_stragglers;  // live stories numbered below m_first_story
  std::size_t m_active = 0;         // live stories
  Postings m_term_postings;
  Postings m_entity_postings;
  TimeIndex m_by_latest;  // (latest time, story), dated stories
  TimeIndex m_by_first;   // (first time, story), dated open stories
  std::vector<std::pair<double, std::uint32_t>> m_ranked;  // candidates' scratch, reused across lookups
  std::uint64_t m_lookups = 0;  // candidates() calls so far; numbers Slot::lookup
  std::uint32_t m_next_story = 0;
  std::size_t m_retired_since_sweep = 0;
};

}  // namespace storyline::detail
