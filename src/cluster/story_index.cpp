#include "cluster/story_index.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace storyline::detail {
namespace {

constexpr double kEntityPreRankWeight = 0.1;  // an entity counts like a modest term in the pre-ranking

double cosine(const std::vector<std::pair<std::uint32_t, float>>& article, const Centroid& centroid,
              double centroid_norm2) {
  if (article.empty() || centroid_norm2 <= 0.0) return 0.0;
  // Most lookups miss the cache; asking for every term's probe group first lets the misses overlap
  // instead of waiting for each in turn.
  for (const auto& entry : article) centroid.prefetch(entry.first);
  double dot = 0.0;
  for (const auto& [term, weight] : article) {
    if (const auto it = centroid.find(term); it != centroid.end()) dot += static_cast<double>(weight) * it->second;
  }
  return dot / std::sqrt(centroid_norm2);  // the article vector is already unit length
}

void add_vector(Centroid& centroid, double& norm2,
                std::span<const std::pair<std::uint32_t, float>> vector) {
  for (const auto& [term, weight] : vector) {
    float& value = centroid[term];
    // |c + v|^2 = |c|^2 + 2 c.v + |v|^2, kept up to date term by term.
    norm2 += 2.0 * value * weight + static_cast<double>(weight) * weight;
    value += weight;
  }
}

}  // namespace

void StoryIndex::post(Postings& postings, Story& story, bool entity, std::uint32_t key, std::uint32_t story_id) {
  if (story.posted.insert((static_cast<std::uint64_t>(entity) << 32) | key).second) {
    postings[key].push_back(story_id);
  }
}

// Moves a story's entry in a time index from `from` (none: not in it yet) to `to`; an entry changes with
// nearly every join, and moving its node spares an allocation each time.
void StoryIndex::move_time(TimeIndex& index, std::optional<std::int64_t> from, std::int64_t to,
                           std::uint32_t story_id) {
  if (!from) {
    index.emplace(to, story_id);
    return;
  }
  auto node = index.extract({*from, story_id});
  node.value().first = to;
  index.insert(std::move(node));
}

bool StoryIndex::live(std::uint32_t story) const { return live_slot(*this, story) != nullptr; }

void StoryIndex::set_group(std::uint32_t story, std::uint32_t group) { live_at(*this, story).story->group = group; }

std::uint32_t StoryIndex::group(std::uint32_t story) const { return live_at(*this, story).story->group; }

std::vector<std::uint32_t> StoryIndex::candidates(const ArticleVector& article, std::size_t query_terms,
                                                  std::size_t limit) {
  const std::uint64_t lookup = ++m_lookups;
  auto& ranked = m_ranked;  // each story reached, once; its weight is filled in below
  ranked.clear();
  // Retired and closed stories are dropped from a posting list when a lookup walks over them.
  const auto walk = [&](Postings& postings, std::uint32_t key, double weight) {
    const auto it = postings.find(key);
    if (it == postings.end()) return;
    auto& list = it->second;
    std::size_t kept = 0;
    for (const std::uint32_t story : list) {
      Slot* slot = live_slot(*this, story);
      if (slot == nullptr || slot->closed) continue;
      list[kept++] = story;
      if (slot->lookup != lookup) {
        slot->lookup = lookup;
        slot->shared = 0.0;
        ranked.emplace_back(0.0, story);
      }
      slot->shared += weight;
    }
    list.resize(kept);
  };
  const std::size_t terms = std::min(query_terms, article.body.size());
  for (std::size_t i = 0; i < terms; ++i) walk(m_term_postings, article.body[i].first, article.body[i].second);
  for (const auto& [entity, kind] : article.entities) walk(m_entity_postings, entity, kEntityPreRankWeight);

  for (auto& [weight, story] : ranked) weight = live_slot(*this, story)->shared;
  const std::size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::uint32_t> stories;
  stories.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) stories.push_back(ranked[i].second);
  return stories;
}

StorySignals StoryIndex::signals(const ArticleVector& article, std::uint32_t story_id) const {
  const Story& story = *live_at(*this, story_id).story;
  StorySignals signals{};
  const auto set = [&](StorySignal signal, double value) { signals[static_cast<std::size_t>(signal)] = value; };
  set(StorySignal::kBodyCosine, cosine(article.body, story.body, story.body_norm2));
  set(StorySignal::kTitleCosine, cosine(article.title, story.title, story.title_norm2));

  std::array<std::size_t, 4> named{};
  std::array<std::size_t, 4> known{};
  std::array<double, 4> entity_dot{};
  // As in cosine(): the tallies are looked up for every entity, nearly each a cache miss.
  for (const auto& entry : article.entities) story.entities.prefetch(entry.first);
  for (std::size_t i = 0; i < article.entities.size(); ++i) {
    const auto& [entity, kind] = article.entities[i];
    const auto k = static_cast<std::size_t>(kind);
    ++named[k];
    const auto tally = story.entities.find(entity);
    if (tally == story.entities.end()) continue;
    ++known[k];
    if (i < article.entity_weights.size()) entity_dot[k] += static_cast<double>(article.entity_weights[i]) * tally->second;
  }
  const auto overlap = [&](EntityClass kind) {
    const auto k = static_cast<std::size_t>(kind);
    return named[k] == 0 ? 0.0 : static_cast<double>(known[k]) / static_cast<double>(named[k]);
  };
  set(StorySignal::kPersonOverlap, overlap(EntityClass::kPerson));
  set(StorySignal::kPlaceOverlap, overlap(EntityClass::kPlace));
  set(StorySignal::kOrgOverlap, overlap(EntityClass::kOrganisation));
  set(StorySignal::kSharedEntities, std::log1p(static_cast<double>(known[0] + known[1] + known[2] + known[3])));
  if (article.time && story.latest) {
    const double hours = std::abs(static_cast<double>(*article.time - *story.latest)) / 3600.0;
    set(StorySignal::kHoursApart, std::log1p(hours));
    set(StorySignal::kTimeKnown, 1.0);
  }
  set(StorySignal::kStorySize, std::log1p(static_cast<double>(story.size)));
  const auto entity_cosine = [&](EntityClass kind) {
    const auto k = static_cast<std::size_t>(kind);
    return story.entity_norm2[k] > 0.0 ? entity_dot[k] / std::sqrt(story.entity_norm2[k]) : 0.0;
  };
  set(StorySignal::kPersonCosine, entity_cosine(EntityClass::kPerson));
  set(StorySignal::kPlaceCosine, entity_cosine(EntityClass::kPlace));
  set(StorySignal::kOrgCosine, entity_cosine(EntityClass::kOrganisation));
  return signals;
}

std::uint32_t StoryIndex::open() {
  m_slots.push_back(Slot{std::make_unique<Story>()});
  ++m_active;
  return m_next_story++;
}

void StoryIndex::join(std::uint32_t story_id, const ArticleVector& article, std::size_t query_terms,
                      JoinScope scope) {
  Slot& slot = live_at(*this, story_id);
  Story& story = *slot.story;
  ++story.size;
  const std::span<const std::pair<std::uint32_t, float>> body(article.body);
  add_vector(story.body, story.body_norm2, body.first(std::min(scope.body_terms, body.size())));
  if (scope.title) add_vector(story.title, story.title_norm2, article.title);
  for (std::size_t i = 0; i < article.entities.size(); ++i) {
    const auto [entity, kind] = article.entities[i];
    float& tally = story.entities[entity];
    if (i < article.entity_weights.size()) {
      const float weight = article.entity_weights[i];
      story.entity_norm2[static_cast<std::size_t>(kind)] += 2.0 * tally * weight + static_cast<double>(weight) * weight;
      tally += weight;
    }
    if (scope.post) post(m_entity_postings, story, true, entity, story_id);
  }
  const std::size_t terms = scope.post ? std::min(query_terms, article.body.size()) : 0;
  for (std::size_t i = 0; i < terms; ++i) post(m_term_postings, story, false, article.body[i].first, story_id);
  cap(story);
  if (article.time && (!story.first || *article.time < *story.first)) {
    if (!slot.closed) move_time(m_by_first, story.first, *article.time, story_id);
    story.first = article.time;
  }
  if (article.time && (!story.latest || *article.time > *story.latest)) {
    move_time(m_by_latest, story.latest, *article.time, story_id);
    story.latest = article.time;
  }
}

namespace {

// Keeps the `keep` heaviest entries of `centroid` (ties by id) and returns them, heaviest first. Norms are
// summed over this list rather than over the table, whose order varies from run to run: the same input
// must give the same last bits, and so the same decisions.
std::vector<std::pair<float, std::uint32_t>> keep_heaviest(Centroid& centroid, std::size_t keep) {
  using Entry = std::pair<float, std::uint32_t>;
  std::vector<Entry> entries;
  entries.reserve(centroid.size());
  for (const auto& [id, weight] : centroid) entries.emplace_back(weight, id);
  const auto heavier = [](const Entry& a, const Entry& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  const auto kept = entries.begin() + static_cast<std::ptrdiff_t>(std::min(keep, entries.size()));
  std::partial_sort(entries.begin(), kept, entries.end(), heavier);
  entries.erase(kept, entries.end());
  Centroid trimmed;
  trimmed.reserve(entries.size());
  for (const auto& [weight, id] : entries) trimmed.emplace(id, weight);
  centroid = std::move(trimmed);  // memory fitted to what is kept
  return entries;
}

double squared_norm(const std::vector<std::pair<float, std::uint32_t>>& entries) {
  double norm2 = 0.0;
  for (const auto& [weight, id] : entries) norm2 += static_cast<double>(weight) * weight;
  return norm2;
}

}  // namespace

void StoryIndex::cap(Story& story) const {
  if (m_max_terms == 0) return;
  if (story.body.size() > 2 * m_max_terms) story.body_norm2 = squared_norm(keep_heaviest(story.body, m_max_terms));
  if (story.title.size() > 2 * m_max_terms) story.title_norm2 = squared_norm(keep_heaviest(story.title, m_max_terms));
  if (story.entities.size() > 2 * m_max_terms) {
    story.entity_norm2 = {};
    for (const auto& [weight, entity] : keep_heaviest(story.entities, m_max_terms)) {
      story.entity_norm2[entity >> 30] += static_cast<double>(weight) * weight;  // kind: top bits
    }
  }
}

void StoryIndex::close_begun_before(std::int64_t cutoff) {
  while (!m_by_first.empty() && m_by_first.begin()->first < cutoff) {
    live_at(*this, m_by_first.begin()->second).closed = true;
    m_by_first.erase(m_by_first.begin());
  }
}

void StoryIndex::retire_before(std::int64_t cutoff) {
  while (!m_by_latest.empty() && m_by_latest.begin()->first < cutoff) {
    const std::uint32_t story_id = m_by_latest.begin()->second;
    const Slot& retired = live_at(*this, story_id);
    if (!retired.closed && retired.story->first) m_by_first.erase({*retired.story->first, story_id});
    m_by_latest.erase(m_by_latest.begin());
    retire(story_id);
    ++m_retired_since_sweep;
  }
  // Lookups clean the posting lists they walk; a full sweep now and then clears the lists nobody walks,
  // so memory follows the live stories.
  if (m_retired_since_sweep > m_active + 1024) sweep();
}

void StoryIndex::retire(std::uint32_t story) {
  --m_active;
  if (story < m_first_story) {
    m_stragglers.erase(story);
    return;
  }
  m_slots[story - m_first_story] = Slot{};
  while (!m_slots.empty() && !m_slots.front().story) {
    m_slots.pop_front();
    ++m_first_story;
  }
  compact();
}

void StoryIndex::compact() {
  // Empty slots may outnumber the live ones in the deque by a fixed margin; past it, the front moves
  // out, each live story there to m_stragglers (once: they never come back).
  constexpr std::size_t kSlack = 1024;
  const auto live_in_deque = [&] { return m_active - m_stragglers.size(); };
  while (m_slots.size() > 2 * live_in_deque() + kSlack) {
    if (m_slots.front().story) m_stragglers.emplace(m_first_story, std::move(m_slots.front()));
    m_slots.pop_front();
    ++m_first_story;
  }
}

void StoryIndex::sweep() {
  for (Postings* postings : {&m_term_postings, &m_entity_postings}) {
    for (auto it = postings->begin(); it != postings->end();) {
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&](std::uint32_t s) {
                                  const Slot* slot = live_slot(*this, s);
                                  return slot == nullptr || slot->closed;
                                }),
                 list.end());
      if (list.empty()) {
        postings->erase(it++);  // erasing leaves the other iterators valid
      } else {
        list.shrink_to_fit();
        ++it;
      }
    }
  }
  m_retired_since_sweep = 0;
}

}  // namespace storyline::detail
