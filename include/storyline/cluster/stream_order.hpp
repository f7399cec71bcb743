// Publication order for a stream: the story clusterer takes articles by `published`, and this buffer
// puts a roughly ordered stream into that order without holding all of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "storyline/ingest/article.hpp"

namespace storyline {

// Holds up to `capacity` articles and releases them earliest first (by publication time, input order on
// ties). An article without a date takes the time of the last dated article before it in the input, so
// it keeps its place among its neighbours. Not thread-safe.
class StreamOrder {
 public:
  explicit StreamOrder(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

  // Adds an article; returns the one released to make room, if any.
  std::optional<Article> push(Article&& article) {
    if (article.published_at) m_last_time = article.published_at->time_since_epoch().count();
    m_waiting.emplace(Key{m_last_time, m_next++}, std::move(article));
    if (m_waiting.size() <= m_capacity) return std::nullopt;
    return pop();
  }

  // Releases the earliest article held, or nothing when empty (to drain the buffer at the end).
  std::optional<Article> pop() {
    if (m_waiting.empty()) return std::nullopt;
    auto node = m_waiting.extract(m_waiting.begin());
    return std::move(node.mapped());
  }

 private:
  using Key = std::pair<std::int64_t, std::uint64_t>;
  std::size_t m_capacity;
  std::map<Key, Article> m_waiting;
  std::int64_t m_last_time = std::numeric_limits<std::int64_t>::min();
  std::uint64_t m_next = 0;
};

}  // namespace storyline
