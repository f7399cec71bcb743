#include "cluster/story_index.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace storyline::detail {
namespace {

constexpr double kEntityPreRankWeight = 0.1;  // an entity counts like a modest term in the pre-ranking

double cosine(const std::vector<std::pair<std::uint32_t, float>>& article,
              const std::unordered_map<std::uint32_t, float>& centroid, double centroid_norm2) {
  if (article.empty() || centroid_norm2 <= 0.0) return 0.0;
  double dot = 0.0;
  for (const auto& [term, weight] : article) {
    const auto it = centroid.find(term);
    if (it != centroid.end()) dot += static_cast<double>(weight) * it->second;
  }
  return dot / std::sqrt(centroid_norm2);  // the article vector is already unit length
}

void add_vector(std::unordered_map<std::uint32_t, float>& centroid, double& norm2,
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
  if (story.posted.insert((static_cast<std::uint64_t>(entity) << 32) | key).second) postings[key].push_back(story_id);
}

std::vector<std::uint32_t> StoryIndex::candidates(const ArticleVector& article, std::size_t query_terms,
                                                  std::size_t limit) {
  std::unordered_map<std::uint32_t, double>& shared = m_shared;
  shared.clear();
  // Retired and closed stories are dropped from a posting list when a lookup walks over them.
  const auto walk = [&](Postings& postings, std::uint32_t key, double weight) {
    const auto it = postings.find(key);
    if (it == postings.end()) return;
    auto& list = it->second;
    std::size_t kept = 0;
    for (const std::uint32_t story : list) {
      const auto found = m_stories.find(story);
      if (found == m_stories.end() || found->second.closed) continue;
      list[kept++] = story;
      shared[story] += weight;
    }
    list.resize(kept);
  };
  const std::size_t terms = std::min(query_terms, article.body.size());
  for (std::size_t i = 0; i < terms; ++i) walk(m_term_postings, article.body[i].first, article.body[i].second);
  for (const auto& [entity, kind] : article.entities) walk(m_entity_postings, entity, kEntityPreRankWeight);

  std::vector<std::pair<double, std::uint32_t>> ranked;
  ranked.reserve(shared.size());
  for (const auto& [story, weight] : shared) ranked.emplace_back(weight, story);
  const std::size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::uint32_t> stories;
  stories.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) stories.push_back(ranked[i].second);
  return stories;
}

StorySignals StoryIndex::signals(const ArticleVector& article, std::uint32_t story_id) const {
  const Story& story = m_stories.at(story_id);
  StorySignals signals{};
  const auto set = [&](StorySignal signal, double value) { signals[static_cast<std::size_t>(signal)] = value; };
  set(StorySignal::kBodyCosine, cosine(article.body, story.body, story.body_norm2));
  set(StorySignal::kTitleCosine, cosine(article.title, story.title, story.title_norm2));

  std::array<std::size_t, 4> named{};
  std::array<std::size_t, 4> known{};
  std::array<double, 4> entity_dot{};
  for (std::size_t i = 0; i < article.entities.size(); ++i) {
    const auto& [entity, kind] = article.entities[i];
    const auto k = static_cast<std::size_t>(kind);
    ++named[k];
    const auto it = story.entities.find(entity);
    if (it == story.entities.end()) continue;
    ++known[k];
    if (i < article.entity_weights.size()) entity_dot[k] += static_cast<double>(article.entity_weights[i]) * it->second;
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
  const std::uint32_t id = m_next_story++;
  m_stories.emplace(id, Story{});
  return id;
}

void StoryIndex::join(std::uint32_t story_id, const ArticleVector& article, std::size_t query_terms,
                      JoinScope scope) {
  Story& story = m_stories.at(story_id);
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
    if (story.first && !story.closed) m_by_first.erase({*story.first, story_id});
    story.first = article.time;
    if (!story.closed) m_by_first.emplace(*story.first, story_id);
  }
  if (article.time && (!story.latest || *article.time > *story.latest)) {
    if (story.latest) m_by_latest.erase({*story.latest, story_id});
    story.latest = article.time;
    m_by_latest.emplace(*story.latest, story_id);
  }
}

namespace {

// Keeps the `keep` entries of `map` with the largest `weight(value)`; ties by key, so the result does not
// depend on the map's order.
template <typename Map, typename Weight>
void keep_heaviest(Map& map, std::size_t keep, Weight weight) {
  using Entry = std::pair<float, typename Map::key_type>;
  std::vector<Entry> entries;
  entries.reserve(map.size());
  for (const auto& [key, value] : map) entries.emplace_back(weight(value), key);
  const auto heavier = [](const Entry& a, const Entry& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  std::nth_element(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(keep), entries.end(), heavier);
  for (auto it = entries.begin() + static_cast<std::ptrdiff_t>(keep); it != entries.end(); ++it) map.erase(it->second);
}

double squared_norm(const std::unordered_map<std::uint32_t, float>& centroid) {
  double norm2 = 0.0;
  for (const auto& [term, weight] : centroid) norm2 += static_cast<double>(weight) * weight;
  return norm2;
}

}  // namespace

void StoryIndex::cap(Story& story) const {
  if (m_max_terms == 0) return;
  if (story.body.size() > 2 * m_max_terms) {
    keep_heaviest(story.body, m_max_terms, [](float weight) { return weight; });
    story.body_norm2 = squared_norm(story.body);
  }
  if (story.title.size() > 2 * m_max_terms) {
    keep_heaviest(story.title, m_max_terms, [](float weight) { return weight; });
    story.title_norm2 = squared_norm(story.title);
  }
  if (story.entities.size() > 2 * m_max_terms) {
    keep_heaviest(story.entities, m_max_terms, [](float weight) { return weight; });
    story.entity_norm2 = {};
    for (const auto& [entity, weight] : story.entities) {
      story.entity_norm2[entity >> 30] += static_cast<double>(weight) * weight;  // kind: top bits
    }
  }
}

void StoryIndex::close_begun_before(std::int64_t cutoff) {
  while (!m_by_first.empty() && m_by_first.begin()->first < cutoff) {
    m_stories.at(m_by_first.begin()->second).closed = true;
    m_by_first.erase(m_by_first.begin());
  }
}

void StoryIndex::retire_before(std::int64_t cutoff) {
  while (!m_by_latest.empty() && m_by_latest.begin()->first < cutoff) {
    const auto retired = m_stories.find(m_by_latest.begin()->second);
    if (!retired->second.closed && retired->second.first) m_by_first.erase({*retired->second.first, retired->first});
    m_stories.erase(retired);
    m_by_latest.erase(m_by_latest.begin());
    ++m_retired_since_sweep;
  }
  // Lookups clean the posting lists they walk; a full sweep now and then clears the lists nobody walks,
  // so memory follows the live stories.
  if (m_retired_since_sweep > m_stories.size() + 1024) sweep();
}

void StoryIndex::sweep() {
  for (Postings* postings : {&m_term_postings, &m_entity_postings}) {
    for (auto it = postings->begin(); it != postings->end();) {
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&](std::uint32_t s) {
                                  const auto found = m_stories.find(s);
                                  return found == m_stories.end() || found->second.closed;
                                }),
                 list.end());
      if (list.empty()) {
        it = postings->erase(it);
      } else {
        list.shrink_to_fit();
        ++it;
      }
    }
  }
  m_retired_since_sweep = 0;
}

}  // namespace storyline::detail
