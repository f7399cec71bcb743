// One LSH band's table: band key -> the documents with that key. Built for memory (about 11 bytes per
// document) and for a stream of inserts mixed with lookups:
//   - most entries live in one sorted array of (key << 32 | doc), found through a directory indexed by
//     the key's top bits (one short scan instead of a binary search);
//   - new entries go to a small open-addressing hash table, merged into the sorted array once it holds
//     an eighth as many entries (so each entry is moved a bounded number of times on average).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace storyline::detail {

class BandTable {
 public:
  void insert(std::uint32_t key, std::uint32_t doc);

  // A lookup of `key` reads the directory, then the sorted run it points to, and the pending table: three
  // cache misses in a table of millions, one after the other. A caller looking up many keys (one per band)
  // calls the first stage for all of them, then the second, then for_each, so the misses overlap.
  void prefetch_directory(std::uint32_t key) const noexcept {
    if (!m_sorted.empty()) __builtin_prefetch(&m_directory[key >> m_shift]);
  }
  void prefetch_entries(std::uint32_t key) const noexcept {
    if (!m_sorted.empty()) __builtin_prefetch(&m_sorted[m_directory[key >> m_shift]]);
    if (m_pending_count != 0) __builtin_prefetch(&m_pending[slot_of(key, m_pending.size() - 1)]);
  }

  // Calls visit(doc) for every document inserted with `key`, in no particular order.
  template <typename Visit>
  void for_each(std::uint32_t key, Visit&& visit) const {
    if (!m_sorted.empty()) {
      const std::size_t bucket = key >> m_shift;
      for (std::size_t i = m_directory[bucket]; i < m_directory[bucket + 1]; ++i) {
        if (static_cast<std::uint32_t>(m_sorted[i] >> 32) == key) visit(static_cast<std::uint32_t>(m_sorted[i]));
      }
    }
    if (m_pending_count == 0) return;
    const std::size_t mask = m_pending.size() - 1;
    for (std::size_t slot = slot_of(key, mask);; slot = (slot + 1) & mask) {
      const std::uint64_t entry = m_pending[slot];
      if (entry == kEmpty) return;
      if (static_cast<std::uint32_t>(entry >> 32) == key) visit(static_cast<std::uint32_t>(entry) - 1);
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return m_sorted.size() + m_pending_count; }
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  static constexpr std::uint64_t kEmpty = 0;  // pending entries store doc + 1, so no entry is 0

  static std::size_t slot_of(std::uint32_t key, std::size_t mask) noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B1U) >> 7) & mask;
  }
  void merge_pending();
  void grow_pending();

  std::vector<std::uint64_t> m_sorted;       // (key << 32 | doc), ascending
  std::vector<std::uint32_t> m_directory;    // m_directory[b] = first index in m_sorted of bucket b
  unsigned m_shift = 32;                     // bucket = key >> m_shift
  std::vector<std::uint64_t> m_pending;      // open addressing, (key << 32 | doc + 1), power-of-two size
  std::size_t m_pending_count = 0;
};

}  // namespace storyline::detail
