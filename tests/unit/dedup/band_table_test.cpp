#include "dedup/band_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace storyline {
namespace {

using detail::BandTable;

std::vector<std::uint32_t> docs_of(const BandTable& table, std::uint32_t key) {
  std::vector<std::uint32_t> docs;
  table.for_each(key, [&](std::uint32_t doc) { docs.push_back(doc); });
  std::sort(docs.begin(), docs.end());
  return docs;
}

std::vector<std::uint32_t> docs_of(const std::multimap<std::uint32_t, std::uint32_t>& reference,
                                   std::uint32_t key) {
  std::vector<std::uint32_t> docs;
  const auto [first, last] = reference.equal_range(key);
  for (auto it = first; it != last; ++it) docs.push_back(it->second);
  std::sort(docs.begin(), docs.end());
  return docs;
}

TEST(BandTable, EmptyTableFindsNothing) {
  const BandTable table;
  EXPECT_EQ(table.size(), 0u);
  EXPECT_TRUE(docs_of(table, 0).empty());
  EXPECT_TRUE(docs_of(table, 0xFFFFFFFFU).empty());
}

TEST(BandTable, FindsEveryDocumentOfAKey) {
  BandTable table;
  table.insert(7, 0);
  table.insert(9, 1);
  table.insert(7, 2);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(docs_of(table, 7), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(docs_of(table, 9), (std::vector<std::uint32_t>{1}));
  EXPECT_TRUE(docs_of(table, 8).empty());
}

// Keys from a pool (200 hot keys with about 500 documents each, the rest with a few each), checked
// against a multimap at checkpoints: early ones while everything is still pending, later ones after many
// merges into the sorted array, when a key's documents are split between the sorted array and the pending
// table.
TEST(BandTable, MatchesAMultimapThroughManyMerges) {
  constexpr std::size_t kInserts = 200'000;
  std::mt19937 rng(20190210);
  std::vector<std::uint32_t> pool(20'000);
  for (auto& key : pool) key = static_cast<std::uint32_t>(rng());
  pool[0] = 0;
  pool[1] = 0xFFFFFFFFU;
  const std::set<std::uint32_t> pooled(pool.begin(), pool.end());

  const std::set<std::size_t> checkpoints{1,     2,     63,     64,     65,      1023,    1024,
                                          1025,  1100,  2047,   2048,   4096,    9000,    20000,
                                          40000, 80000, 120000, 160000, 199'999, kInserts};
  BandTable table;
  std::multimap<std::uint32_t, std::uint32_t> reference;
  std::vector<std::uint32_t> recent;  // keys of the last inserts: mostly still pending at a checkpoint
  std::size_t checked = 0;
  for (std::size_t i = 1; i <= kInserts; ++i) {
    const std::size_t slot = rng() % 2 == 0 ? rng() % 200 : rng() % pool.size();
    const std::uint32_t key = pool[slot];
    const auto doc = static_cast<std::uint32_t>(rng() % 0xFFFFFFFFU);  // any document below 2^32 - 1
    table.insert(key, doc);
    reference.emplace(key, doc);
    recent.push_back(key);
    if (recent.size() > 64) recent.erase(recent.begin());
    if (checkpoints.count(i) == 0) continue;

    ASSERT_EQ(table.size(), i);
    std::vector<std::uint32_t> queries = recent;
    for (int q = 0; q < 200; ++q) queries.push_back(pool[rng() % pool.size()]);
    for (int q = 0; q < 20; ++q) {
      const auto absent = static_cast<std::uint32_t>(rng());
      if (pooled.count(absent) == 0) queries.push_back(absent);
    }
    queries.push_back(0);
    queries.push_back(0xFFFFFFFFU);
    for (const std::uint32_t query : queries) {
      ASSERT_EQ(docs_of(table, query), docs_of(reference, query))
          << "key " << query << " after " << i << " inserts";
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000u);
}

TEST(BandTable, HandlesExtremeKeysAndDocuments) {
  BandTable table;
  table.insert(0, 0);
  table.insert(0xFFFFFFFFU, 0xFFFFFFFEU);  // the largest document number an index may hold
  EXPECT_EQ(docs_of(table, 0), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(docs_of(table, 0xFFFFFFFFU), (std::vector<std::uint32_t>{0xFFFFFFFEU}));

  // Enough other entries to merge the first two into the sorted array, then the same keys again, pending.
  for (std::uint32_t doc = 1; doc <= 5000; ++doc) table.insert(doc * 2654435761U, doc);
  table.insert(0, 0xFFFFFFFEU);
  table.insert(0xFFFFFFFFU, 0);
  EXPECT_EQ(docs_of(table, 0), (std::vector<std::uint32_t>{0, 0xFFFFFFFEU}));
  EXPECT_EQ(docs_of(table, 0xFFFFFFFFU), (std::vector<std::uint32_t>{0, 0xFFFFFFFEU}));
  EXPECT_TRUE(docs_of(table, 1).empty());
  EXPECT_TRUE(docs_of(table, 0xFFFFFFFEU).empty());
}

TEST(BandTable, UsesLessThan20BytesPerEntry) {
  constexpr std::uint32_t kInserts = 1'000'000;
  std::mt19937 rng(7);
  BandTable table;
  for (std::uint32_t doc = 0; doc < kInserts; ++doc) table.insert(static_cast<std::uint32_t>(rng()), doc);
  ASSERT_EQ(table.size(), kInserts);
  EXPECT_LT(table.memory_bytes(), std::size_t{20} * kInserts)
      << table.memory_bytes() / kInserts << " bytes per entry";
}

}  // namespace
}  // namespace storyline
