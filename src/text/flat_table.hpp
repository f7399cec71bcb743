// Private: a hash table keyed by words, for the text module's per-token lookups. It is open-addressed
// with linear probing and keeps short keys in its slots, so a lookup usually touches one cache line
// instead of walking std::unordered_map's node chain, and it hashes inline. Iteration order is not
// offered: nothing may depend on it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "text/ascii.hpp"

namespace storyline::detail {

// A word of up to eight bytes as an integer that, together with the word's length, identifies it: as
// pack_short_word, but words of one to three bytes are read without a loop ("a" becomes "aaa"; the
// length tells the two apart).
[[nodiscard]] inline std::uint64_t short_word_bits(std::string_view word) noexcept {  // word.size() <= 8
  const std::size_t n = word.size();
  if (n >= 4 || n == 0) return pack_short_word(word);
  const auto byte = [&word](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(word[i])}; };
  return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
}

// A fast, non-cryptographic hash of a word; tables only need its bits to spread well.
[[nodiscard]] inline std::uint64_t hash_short_word(std::uint64_t bits, std::size_t size) noexcept {
  // One multiply, folded so that the low bits (the slot) see all of them.
  const std::uint64_t h = (bits ^ (static_cast<std::uint64_t>(size) << 59)) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}

[[nodiscard]] inline std::uint64_t hash_word(std::string_view s) noexcept {
  const std::size_t n = s.size();
  if (n <= 8) return hash_short_word(short_word_bits(s), n);  // most words
  constexpr std::uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
  constexpr std::uint64_t kMul2 = 0xC2B2AE3D27D4EB4FULL;
  const auto mix = [](std::uint64_t h) {
    h ^= h >> 32;
    h *= kMul1;
    h ^= h >> 29;
    return h;
  };
  const auto load64 = [](const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  std::uint64_t h = static_cast<std::uint64_t>(n) * kMul1;
  for (std::size_t i = 0; i + 8 < n; i += 8) h = mix((h ^ load64(s.data() + i)) * kMul2);
  h ^= load64(s.data() + n - 8) * kMul1;
  return mix(mix(h) * kMul2);
}

// Copies of strings in blocks that never move, so views of them stay valid until clear(). Blocks start
// small and grow, and clear() keeps the first for reuse: tables that are emptied for every article
// then allocate nothing.
class StringArena {
 public:
  std::string_view store(std::string_view text) {
    if (text.empty()) return {};
    return {allocate(text.size(), text), text.size()};
  }

  // Stores `text` after its length (four bytes), for a table that keeps only the address.
  const char* store_with_length(std::string_view text) {
    const auto length = static_cast<std::uint32_t>(text.size());  // words: far below 4 GB
    char* record = allocate(sizeof length + text.size(), text);
    std::memcpy(record, &length, sizeof length);
    return record;
  }

  static std::string_view read_with_length(const char* record) noexcept {
    std::uint32_t length = 0;
    std::memcpy(&length, record, sizeof length);
    return {record + sizeof length, length};
  }

  void clear() noexcept {
    if (m_blocks.size() > 1) m_blocks.resize(1);
    m_used = 0;
    m_capacity = m_blocks.empty() ? 0 : m_first_capacity;
  }

 private:
  static constexpr std::size_t kFirstBlock = 4 * 1024;
  static constexpr std::size_t kMaxBlock = 64 * 1024;

  // Room for `size` bytes whose last text.size() bytes are filled with `text`.
  char* allocate(std::size_t size, std::string_view text) {
    if (m_used + size > m_capacity) {
      const std::size_t grown = m_blocks.empty() ? kFirstBlock : std::min(m_capacity * 2, kMaxBlock);
      m_capacity = std::max(grown, size);
      m_blocks.push_back(std::make_unique_for_overwrite<char[]>(m_capacity));
      if (m_blocks.size() == 1) m_first_capacity = m_capacity;
      m_used = 0;
    }
    char* out = m_blocks.back().get() + m_used;
    m_used += size;
    if (!text.empty()) std::memcpy(out + size - text.size(), text.data(), text.size());
    return out;
  }

  std::vector<std::unique_ptr<char[]>> m_blocks;
  std::size_t m_used = 0;      // in the last block
  std::size_t m_capacity = 0;  // of the last block
  std::size_t m_first_capacity = 0;
};

// Maps words to small values (at most four bytes). A slot is sixteen bytes, four to a cache line, and
// holds keys of up to eight bytes itself, so a lookup of such a key touches one slot and nothing else;
// longer keys are copied into the table.
template <typename Value>
class WordMap {
  static_assert(sizeof(Value) <= 4, "slots have four bytes for the value");

 public:
  // The value stored for `key`, or nullptr. Concurrent finds on a table nobody modifies are safe.
  [[nodiscard]] const Value* find(std::string_view key) const noexcept { return find(key, hash_word(key)); }

  // The same, with `hash` = hash_word(key) computed ahead (see prefetch).
  [[nodiscard]] const Value* find(std::string_view key, std::uint64_t hash) const noexcept {
    if (m_slots.empty()) return nullptr;
    const Probe probe = probe_for(key, hash);
    for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
      const Slot& slot = m_slots[i];
      if (slot.meta == kFree) return nullptr;
      if (matches(slot, probe, key)) return &slot.value;
    }
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }

  // Brings the slot where a key of this hash_word would start its probe into the cache. A table larger
  // than the cache misses on most rare words; hashing a few keys ahead and prefetching hides the wait.
  void prefetch(std::uint64_t hash) const noexcept {
    if (!m_slots.empty()) __builtin_prefetch(&m_slots[hash & m_mask]);
  }

  // Adds `key`, which must be absent.
  Value& insert(std::string_view key, Value value) {
    if ((m_size + 1) * 2 > m_slots.size()) grow();
    const std::uint64_t hash = hash_word(key);
    std::size_t i = hash & m_mask;
    while (m_slots[i].meta != kFree) i = (i + 1) & m_mask;
    return fill(m_slots[i], probe_for(key, hash), key, value);
  }

  // Adds `key` unless it is present (a present key keeps its value); one probe either way. True if added.
  bool insert_if_absent(std::string_view key, Value value) {
    if ((m_size + 1) * 2 > m_slots.size()) grow();
    const std::uint64_t hash = hash_word(key);
    const Probe probe = probe_for(key, hash);
    for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
      Slot& slot = m_slots[i];
      if (slot.meta == kFree) {
        fill(slot, probe, key, value);
        return true;
      }
      if (matches(slot, probe, key)) return false;
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return m_size; }

  // Makes room for `count` keys in all without growing again.
  void reserve(std::size_t count) {
    std::size_t capacity = m_slots.empty() ? kMinCapacity : m_slots.size();
    while (count * 2 > capacity) capacity *= 2;
    if (capacity > m_slots.size()) rehash(capacity);
  }

  // Empties the table and makes room for `count` keys, keeping its memory for reuse unless that is far
  // more than `count` needs (emptying costs time in proportion to the memory, as after a huge article).
  void clear_for(std::size_t count) {
    if (m_slots.size() > 64 * std::max<std::size_t>(count, kMinCapacity)) {
      m_slots = {};
      m_mask = 0;
      m_size = 0;
      m_long_keys.clear();
    } else {
      clear();
    }
    reserve(count);
  }

  // Empties the table; it keeps its slots' memory for reuse.
  void clear() noexcept {
    for (Slot& slot : m_slots) slot.meta = kFree;
    m_size = 0;
    m_long_keys.clear();
  }

 private:
  static constexpr std::uint32_t kFree = 0;
  static constexpr std::uint32_t kLongKey = 10;  // size codes 1-9 are short keys of 0-8 bytes
  static constexpr std::size_t kMinCapacity = 64;
  static_assert(sizeof(const char*) <= sizeof(std::uint64_t));

  struct Slot {
    std::uint64_t key = 0;       // short_word_bits(key), or for a longer key the address of its stored copy
    std::uint32_t meta = kFree;  // 24 bits of the hash, then the size code; kFree when unused
    Value value{};
  };

  // What a key is compared by: its meta, and its bits when short.
  struct Probe {
    std::uint32_t meta;
    std::uint64_t bits;
  };

  static Probe probe_for(std::string_view key, std::uint64_t hash) noexcept {
    const bool is_short = key.size() <= 8;
    const auto code = is_short ? static_cast<std::uint32_t>(key.size() + 1) : kLongKey;
    return {static_cast<std::uint32_t>(hash >> 40) << 8 | code, is_short ? short_word_bits(key) : 0};
  }

  static bool matches(const Slot& slot, const Probe& probe, std::string_view key) noexcept {
    if (slot.meta != probe.meta) return false;
    if ((probe.meta & 0xFF) != kLongKey) return slot.key == probe.bits;
    return StringArena::read_with_length(address(slot)) == key;
  }

  static const char* address(const Slot& slot) noexcept {
    const char* record = nullptr;
    std::memcpy(&record, &slot.key, sizeof record);
    return record;
  }

  Value& fill(Slot& slot, const Probe& probe, std::string_view key, Value value) {
    slot.meta = probe.meta;
    if ((probe.meta & 0xFF) != kLongKey) {
      slot.key = probe.bits;
    } else {
      const char* record = m_long_keys.store_with_length(key);
      slot.key = 0;
      std::memcpy(&slot.key, &record, sizeof record);
    }
    slot.value = value;
    ++m_size;
    return slot.value;
  }

  // The slot's key's hash_word, from what the slot keeps.
  static std::uint64_t hash_of(const Slot& slot) noexcept {
    const std::uint32_t code = slot.meta & 0xFF;
    if (code != kLongKey) return hash_short_word(slot.key, code - 1);
    return hash_word(StringArena::read_with_length(address(slot)));
  }

  void grow() { rehash(m_slots.empty() ? kMinCapacity : m_slots.size() * 2); }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(capacity, Slot{});
    m_mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.meta == kFree) continue;
      std::size_t i = hash_of(slot) & m_mask;
      while (m_slots[i].meta != kFree) i = (i + 1) & m_mask;
      m_slots[i] = slot;
    }
  }

  std::vector<Slot> m_slots;
  std::size_t m_mask = 0;
  std::size_t m_size = 0;
  StringArena m_long_keys;  // copies of keys longer than eight bytes, after their length
};

}  // namespace storyline::detail
