#include "dedup/band_table.hpp"

#include <algorithm>
#include <bit>

namespace storyline::detail {
namespace {

constexpr std::size_t kMinPendingLimit = 1024;

}  // namespace

void BandTable::insert(std::uint32_t key, std::uint32_t doc) {
  if ((m_pending_count + 1) * 2 > m_pending.size()) grow_pending();
  const std::size_t mask = m_pending.size() - 1;
  std::size_t slot = slot_of(key, mask);
  while (m_pending[slot] != kEmpty) slot = (slot + 1) & mask;
  m_pending[slot] = (static_cast<std::uint64_t>(key) << 32) | (static_cast<std::uint64_t>(doc) + 1);
  ++m_pending_count;
}

void BandTable::grow_pending() {
  const std::size_t limit = std::max(kMinPendingLimit, m_sorted.size() / 8);
  if (m_pending_count >= limit) {
    merge_pending();
    if ((m_pending_count + 1) * 2 <= m_pending.size()) return;
  }
  std::vector<std::uint64_t> old = std::move(m_pending);
  m_pending.assign(std::max<std::size_t>(64, std::bit_ceil(old.size() * 2)), kEmpty);
  const std::size_t mask = m_pending.size() - 1;
  for (const std::uint64_t entry : old) {
    if (entry == kEmpty) continue;
    std::size_t slot = slot_of(static_cast<std::uint32_t>(entry >> 32), mask);
    while (m_pending[slot] != kEmpty) slot = (slot + 1) & mask;
    m_pending[slot] = entry;
  }
}

void BandTable::merge_pending() {
  std::vector<std::uint64_t> fresh;
  fresh.reserve(m_pending_count);
  for (std::uint64_t& entry : m_pending) {
    if (entry == kEmpty) continue;
    fresh.push_back(entry - 1);  // back to (key << 32 | doc)
    entry = kEmpty;
  }
  m_pending_count = 0;
  std::sort(fresh.begin(), fresh.end());
  const std::size_t old_size = m_sorted.size();
  m_sorted.insert(m_sorted.end(), fresh.begin(), fresh.end());
  std::inplace_merge(m_sorted.begin(), m_sorted.begin() + static_cast<std::ptrdiff_t>(old_size), m_sorted.end());
  m_sorted.shrink_to_fit();

  // About four entries per bucket: a short scan, and a directory of one byte per entry.
  const unsigned bits = std::max(1U, static_cast<unsigned>(std::bit_width(m_sorted.size() / 4)));
  m_shift = 32 - std::min(bits, 31U);
  const std::size_t buckets = std::size_t{1} << (32 - m_shift);
  m_directory.assign(buckets + 1, 0);
  std::size_t i = 0;
  for (std::size_t bucket = 0; bucket <= buckets; ++bucket) {
    while (i < m_sorted.size() && (m_sorted[i] >> 32 >> m_shift) < bucket) ++i;
    m_directory[bucket] = static_cast<std::uint32_t>(i);
  }
}

std::size_t BandTable::memory_bytes() const noexcept {
  return m_sorted.capacity() * sizeof(std::uint64_t) + m_directory.capacity() * sizeof(std::uint32_t) +
         m_pending.capacity() * sizeof(std::uint64_t);
}

}  // namespace storyline::detail
