// Quality of copy detection with the real library on the labelled data in ../shared (skipped when the data
// is absent):
//  - DedupQuality: pair precision and recall of Deduplicator (default options) on neardup-10k against its
//    gold pairs, scored like ../shared/tools/score-pairs.py; and the exact reference itself checked against
//    plain all-pairs comparison.
//  - DedupFidelity: the pairs DedupIndex reports against the exact truth (quality/exact_jaccard.hpp) at
//    two thresholds, each with the banding chosen for it.
//  - DedupSeeds: the two seed reports are not copies of each other; an edited copy of each is found.
// The data directory is $STORYLINE_DATA_DIR, else shared_dir() / "data"; the seeds are in shared_dir().
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/cli_runner.hpp"
#include "quality/exact_jaccard.hpp"
#include "storyline/dedup/dedup_index.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/dedup/lsh.hpp"
#include "storyline/dedup/minhash.hpp"
#include "storyline/dedup/shingles.hpp"
#include "storyline/ingest/reader.hpp"

namespace {

using storyline::Article;
using storyline::DedupIndex;
using storyline::DedupOptions;
using storyline::Sketch;
using storyline::Sketcher;
using storyline::quality::JaccardPair;
using storyline::quality::ShingleSet;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::filesystem::path data_dir() {
  if (const char* dir = std::getenv("STORYLINE_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
  return storyline::testing::shared_dir() / "data";
}

std::filesystem::path neardup_dir() { return data_dir() / "neardup-10k"; }
std::filesystem::path seeds_file() { return storyline::testing::shared_dir() / "seeds" / "seeds.jsonl"; }

// Reads every article of `path`; a bad record fails the test (the data sets are clean).
std::vector<Article> read_all(const std::filesystem::path& path) {
  std::vector<Article> articles;
  const std::vector<std::string> inputs{path.string()};
  const auto read = storyline::read_articles(
      inputs, storyline::ReadOptions{storyline::OnError::kFail},
      [&](Article&& article) -> storyline::Status {
        articles.push_back(std::move(article));
        return {};
      },
      [](const storyline::Error& error) { ADD_FAILURE() << error.message(); });
  if (!read) ADD_FAILURE() << read.error().message();
  return articles;
}

std::vector<std::string> texts_of(std::span<const Article> articles) {
  std::vector<std::string> texts;
  texts.reserve(articles.size());
  for (const Article& article : articles) texts.push_back(article.text);
  return texts;
}

// neardup-10k, read once per process (ctest runs each test in its own process, so each test reads it once).
struct Neardup {
  std::vector<Article> articles;
  std::map<std::pair<std::string, std::string>, double> gold;  // (smaller id, larger id) -> word-5-gram Jaccard
};

std::pair<std::string, std::string> ordered_pair(std::string a, std::string b) {
  return a < b ? std::pair{std::move(a), std::move(b)} : std::pair{std::move(b), std::move(a)};
}

const Neardup& neardup() {
  static const Neardup corpus = [] {
    Neardup loaded;
    loaded.articles = read_all(neardup_dir() / "docs.jsonl.gz");
    std::ifstream in(neardup_dir() / "gold_pairs.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      const auto record = nlohmann::json::parse(line);
      loaded.gold[ordered_pair(record.at("a").get<std::string>(), record.at("b").get<std::string>())] =
          record.at("jaccard_w5").get<double>();
    }
    return loaded;
  }();
  return corpus;
}

std::string fixed(double value, int digits = 4) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// Exact word-bigram Jaccard of two texts, for reporting the pairs a test disagrees on.
double exact_jaccard_of(const std::string& a, const std::string& b, const storyline::ShingleOptions& options = {}) {
  storyline::Shingler shingler(options);
  const ShingleSet x = storyline::quality::shingle_set(shingler, a);
  const ShingleSet y = storyline::quality::shingle_set(shingler, b);
  return storyline::quality::jaccard<std::uint64_t>(x, y);
}

class DedupQuality : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(neardup_dir() / "docs.jsonl.gz") ||
        !std::filesystem::exists(neardup_dir() / "gold_pairs.jsonl")) {
      GTEST_SKIP() << "neardup-10k not found in " << neardup_dir()
                   << " (set STORYLINE_DATA_DIR or STORYLINE_SHARED_DIR to run the quality tests)";
    }
  }
};

class DedupFidelity : public DedupQuality {};

TEST_F(DedupQuality, NeardupPairPrecisionAndRecall) {
  const Neardup& corpus = neardup();
  ASSERT_EQ(corpus.articles.size(), 10000U);
  ASSERT_FALSE(corpus.gold.empty());

  auto dedup = storyline::Deduplicator::create();
  ASSERT_TRUE(dedup) << dedup.error().message();
  // In batches, as the CLI feeds it; the verdicts do not depend on the batch size.
  constexpr std::size_t kBatch = 1000;
  for (std::size_t begin = 0; begin < corpus.articles.size(); begin += kBatch) {
    const std::size_t end = std::min(corpus.articles.size(), begin + kBatch);
    dedup->add(std::vector<Article>(corpus.articles.begin() + static_cast<std::ptrdiff_t>(begin),
                                    corpus.articles.begin() + static_cast<std::ptrdiff_t>(end)));
  }
  const auto verdicts = dedup->verdicts();
  ASSERT_EQ(verdicts.size(), corpus.articles.size());

  // Groups, then every pair within a group: what score-pairs.py scores.
  std::map<std::uint32_t, std::vector<std::uint32_t>> groups;
  for (std::uint32_t doc = 0; doc < verdicts.size(); ++doc) groups[verdicts[doc].duplicate_of.value_or(doc)].push_back(doc);
  std::set<std::pair<std::string, std::string>> predicted;
  for (const auto& [representative, members] : groups) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        predicted.insert(ordered_pair(verdicts[members[i]].id, verdicts[members[j]].id));
      }
    }
  }

  std::size_t true_positives = 0;
  for (const auto& pair : predicted) true_positives += corpus.gold.contains(pair) ? 1U : 0U;
  const double precision =
      predicted.empty() ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(predicted.size());
  const double recall = static_cast<double>(true_positives) / static_cast<double>(corpus.gold.size());
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;

  std::map<std::string_view, std::pair<std::size_t, std::size_t>> by_bucket;  // found, total
  constexpr std::array<std::pair<double, std::string_view>, 6> kBuckets{
      {{0.3, "0.0-0.3"}, {0.4, "0.3-0.4"}, {0.5, "0.4-0.5"}, {0.6, "0.5-0.6"}, {0.8, "0.6-0.8"}, {1.01, "0.8-1.0"}}};
  for (const auto& [pair, jaccard_w5] : corpus.gold) {
    const auto bucket = std::find_if(kBuckets.begin(), kBuckets.end(), [&](const auto& b) { return jaccard_w5 < b.first; });
    auto& [found, total] = by_bucket[bucket->second];
    ++total;
    found += predicted.contains(pair) ? 1U : 0U;
  }

  std::cout << "neardup-10k, Deduplicator with default options: predicted pairs " << predicted.size()
            << ", gold pairs " << corpus.gold.size() << ", true positives " << true_positives << "\n  precision "
            << fixed(precision) << ", recall " << fixed(recall) << ", F1 " << fixed(f1) << "\n  recall by gold word-5-gram Jaccard:";
  for (const auto& [bucket, counts] : by_bucket) std::cout << ' ' << bucket << ' ' << counts.first << '/' << counts.second;
  std::cout << '\n';
  RecordProperty("pair_precision", fixed(precision));
  RecordProperty("pair_recall", fixed(recall));

  // The disagreements, with their exact word-bigram Jaccard (what the engine estimates).
  std::map<std::string, const Article*> by_id;
  for (const Article& article : corpus.articles) by_id[article.id] = &article;
  const auto bigram_jaccard = [&](const std::pair<std::string, std::string>& pair) {
    return exact_jaccard_of(by_id.at(pair.first)->text, by_id.at(pair.second)->text);
  };
  std::size_t shown = 0;
  for (const auto& [pair, jaccard_w5] : corpus.gold) {
    if (predicted.contains(pair) || shown++ >= 20) continue;
    std::cout << "  missed gold pair " << pair.first << ' ' << pair.second << ": word-5-gram Jaccard "
              << fixed(jaccard_w5) << ", exact word-bigram Jaccard " << fixed(bigram_jaccard(pair)) << '\n';
  }
  shown = 0;
  for (const auto& pair : predicted) {
    if (corpus.gold.contains(pair) || shown++ >= 20) continue;
    std::cout << "  false pair " << pair.first << ' ' << pair.second << ": exact word-bigram Jaccard "
              << fixed(bigram_jaccard(pair)) << '\n';
  }

  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

// The reference must be exact: compare it with plain all-pairs comparison, on random sets (small universe,
// so many ties and pairs exactly at the threshold) and on real articles that include planted copies.
TEST_F(DedupQuality, ExactReferenceMatchesAllPairs) {
  const auto all_pairs = [](std::span<const ShingleSet> sets, double threshold) {
    std::vector<JaccardPair> pairs;
    for (std::uint32_t a = 0; a < sets.size(); ++a) {
      for (std::uint32_t b = a + 1; b < sets.size(); ++b) {
        if (sets[a].empty() || sets[b].empty()) continue;
        const double jaccard = storyline::quality::jaccard<std::uint64_t>(sets[a], sets[b]);
        if (jaccard >= threshold) pairs.push_back({a, b, jaccard});
      }
    }
    return pairs;
  };

  std::mt19937_64 random(20240601);
  for (int round = 0; round < 20; ++round) {
    std::vector<ShingleSet> sets(200);
    for (ShingleSet& set : sets) {
      const std::size_t size = random() % 12;
      for (std::size_t k = 0; k < size; ++k) set.push_back(random() % 20);
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
    }
    for (const double threshold : {0.1, 0.25, 1.0 / 3, 0.45, 0.5, 0.6, 2.0 / 3, 0.75, 1.0}) {
      EXPECT_EQ(storyline::quality::exact_jaccard_pairs(std::span<const ShingleSet>(sets), threshold),
                all_pairs(sets, threshold))
          << "round " << round << ", threshold " << threshold;
    }
  }

  // Real text: the first 300 articles plus both sides of the first 150 gold pairs.
  const Neardup& corpus = neardup();
  std::set<std::string> wanted;
  for (std::size_t i = 0; i < std::min<std::size_t>(300, corpus.articles.size()); ++i) wanted.insert(corpus.articles[i].id);
  std::size_t taken = 0;
  for (const auto& [pair, jaccard_w5] : corpus.gold) {
    if (taken++ == 150) break;
    wanted.insert(pair.first);
    wanted.insert(pair.second);
  }
  std::vector<std::string> texts;
  for (const Article& article : corpus.articles) {
    if (wanted.contains(article.id)) texts.push_back(article.text);
  }
  const auto sets = storyline::quality::shingle_sets(texts);
  const std::vector<JaccardPair> candidates = all_pairs(sets, 0.2);  // compared once, filtered per threshold
  for (const double threshold : {0.2, 0.45, 0.6}) {
    std::vector<JaccardPair> expected;
    std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(expected),
                 [&](const JaccardPair& pair) { return pair.jaccard >= threshold; });
    EXPECT_EQ(storyline::quality::exact_jaccard_pairs(std::span<const ShingleSet>(sets), threshold), expected)
        << "threshold " << threshold;
    if (threshold == 0.45) {
      EXPECT_GE(expected.size(), 100U);  // the planted copies are there
    }
  }
}

// Runs DedupIndex as a stream (query, then insert, article after article) and compares it with every pair
// whose exact Jaccard is at least `threshold`, at two stages:
//   - the LSH: the pair shares a band (it becomes a candidate). The banding is chosen so this happens with
//     probability >= 0.95 at the threshold itself, so >= 0.95 of the exact pairs must be candidates;
//   - the report: candidates are verified against their 128-permutation estimate, whose standard error is
//     about 0.04, so pairs within that of the threshold go either way by chance (in both directions). The
//     report must find >= 0.95 of the exact pairs at least 0.05 above the threshold; the pairs closer to it
//     are printed, not asserted.
void check_fidelity(double threshold) {
  const Neardup& corpus = neardup();
  ASSERT_EQ(corpus.articles.size(), 10000U);
  // Under AddressSanitizer everything runs 5-10x slower; the first 3,000 articles (about 140 exact pairs at
  // 0.45) still measure the same index and keep the sanitizer job within its time budget.
  const std::size_t count = kSanitized ? std::min<std::size_t>(3000, corpus.articles.size()) : corpus.articles.size();
  const std::span<const Article> articles(corpus.articles.data(), count);

  const std::vector<std::string> texts = texts_of(articles);
  DedupOptions options;
  options.threshold = threshold;
  const std::vector<ShingleSet> sets = storyline::quality::shingle_sets(texts, options.shingles);
  const std::vector<JaccardPair> exact =
      storyline::quality::exact_jaccard_pairs(std::span<const ShingleSet>(sets), threshold);

  auto index = DedupIndex::create(options);
  ASSERT_TRUE(index) << index.error().message();
  Sketcher sketcher(index->options());
  std::vector<Sketch> sketches(texts.size());  // kept to tell why a pair was missed
  std::set<std::pair<std::uint32_t, std::uint32_t>> reported;
  for (std::uint32_t doc = 0; doc < texts.size(); ++doc) {
    sketcher.sketch(texts[doc], sketches[doc]);
    for (const storyline::CopyMatch& match : index->query(sketches[doc])) reported.insert({match.doc, doc});
    index->insert(sketches[doc]);
  }

  const auto shares_band = [&](const JaccardPair& pair) {
    const Sketch& x = sketches[pair.a];
    const Sketch& y = sketches[pair.b];
    for (std::size_t band = 0; band < x.band_keys.size(); ++band) {
      if (x.band_keys[band] == y.band_keys[band]) return true;
    }
    return false;
  };
  const auto candidates = static_cast<std::size_t>(std::count_if(exact.begin(), exact.end(), shares_band));
  const double lsh_fidelity =
      exact.empty() ? 1.0 : static_cast<double>(candidates) / static_cast<double>(exact.size());

  std::size_t found = 0;
  std::vector<JaccardPair> missed;
  // Exact pairs by how far above the threshold they are: [T, T + 0.05), [T + 0.05, T + 0.1), >= T + 0.1.
  std::array<std::pair<std::size_t, std::size_t>, 3> by_margin{};  // found, total
  for (const JaccardPair& pair : exact) {
    const bool hit = reported.contains({pair.a, pair.b});
    auto& [bucket_found, bucket_total] =
        by_margin[pair.jaccard < threshold + 0.05 ? 0 : (pair.jaccard < threshold + 0.1 ? 1 : 2)];
    ++bucket_total;
    if (hit) {
      ++found;
      ++bucket_found;
    } else {
      missed.push_back(pair);
    }
  }
  std::size_t below_threshold = 0;  // reported, but the exact Jaccard is under the threshold
  double lowest_reported = 1.0;
  for (const auto& [a, b] : reported) {
    const double jaccard = storyline::quality::jaccard<std::uint64_t>(sets[a], sets[b]);
    lowest_reported = std::min(lowest_reported, jaccard);
    below_threshold += jaccard < threshold ? 1U : 0U;
  }
  const auto& banding = index->options().banding;
  const double fidelity = exact.empty() ? 1.0 : static_cast<double>(found) / static_cast<double>(exact.size());
  std::cout << "fidelity at threshold " << threshold << " (" << banding.bands << " bands x " << banding.rows
            << " rows, candidate probability at the threshold "
            << fixed(storyline::candidate_probability(banding, threshold)) << "), " << count
            << " articles: exact pairs " << exact.size() << ", LSH candidates among them " << candidates << " ("
            << fixed(lsh_fidelity) << "), reported by the index " << reported.size()
            << ", exact pairs found " << found << " (" << fixed(fidelity) << ")"
            << ", reported pairs under the threshold " << below_threshold << " (lowest exact Jaccard "
            << fixed(lowest_reported) << ")\n  found by exact Jaccard: [T, T+0.05) " << by_margin[0].first << '/'
            << by_margin[0].second << ", [T+0.05, T+0.1) " << by_margin[1].first << '/' << by_margin[1].second
            << ", >= T+0.1 " << by_margin[2].first << '/' << by_margin[2].second << '\n';

  // Why each pair was missed: it never became a candidate (no band in common), or it did and the
  // signature estimate fell under the threshold.
  std::size_t never_candidates = 0;
  std::size_t estimated_under = 0;
  for (const JaccardPair& pair : missed) {
    const bool candidate = shares_band(pair);
    const double estimate = storyline::estimate_jaccard(sketches[pair.a].signature, sketches[pair.b].signature);
    (candidate ? estimated_under : never_candidates) += 1;
    std::cout << "  missed " << articles[pair.a].id << ' ' << articles[pair.b].id << ": exact Jaccard "
              << fixed(pair.jaccard) << ", estimate " << fixed(estimate)
              << (candidate ? ", a candidate but estimated under the threshold" : ", never a candidate (no band in common)")
              << '\n';
  }
  if (!missed.empty()) {
    std::cout << "  missed " << missed.size() << ": " << never_candidates << " never candidates, " << estimated_under
              << " candidates estimated under the threshold\n";
  }
  ::testing::Test::RecordProperty("lsh_fidelity_" + fixed(threshold, 2), fixed(lsh_fidelity));
  ::testing::Test::RecordProperty("reported_fidelity_" + fixed(threshold, 2), fixed(fidelity));

  // Enough exact pairs that the ratios mean something.
  EXPECT_GE(exact.size(), kSanitized ? 50U : 500U);
  EXPECT_GE(lsh_fidelity, 0.95);
  const std::size_t clear_total = by_margin[1].second + by_margin[2].second;
  const std::size_t clear_found = by_margin[1].first + by_margin[2].first;
  ASSERT_GT(clear_total, 0U);
  EXPECT_GE(static_cast<double>(clear_found) / static_cast<double>(clear_total), 0.95);
}

TEST_F(DedupFidelity, IndexFindsExactPairsAtDefaultThreshold) { check_fidelity(0.45); }

// A second threshold, with the banding choose_banding picks for it: the fidelity is not an accident of one
// threshold's banding.
TEST_F(DedupFidelity, IndexFindsExactPairsAtThreshold060) { check_fidelity(0.6); }

// The two seed reports, and edited copies of them.
class DedupSeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(seeds_file())) {
      GTEST_SKIP() << "seeds not found at " << seeds_file() << " (set STORYLINE_SHARED_DIR to run the seed tests)";
    }
    for (Article& article : read_all(seeds_file())) {
      if (article.published.starts_with("2018")) m_seed2018 = std::move(article);
      if (article.published.starts_with("2020")) m_seed2020 = std::move(article);
    }
    ASSERT_FALSE(m_seed2018.text.empty()) << "no 2018 seed in " << seeds_file();
    ASSERT_FALSE(m_seed2020.text.empty()) << "no 2020 seed in " << seeds_file();
  }

  // Checks that an edited copy of `original` is reported as a copy of it and of nothing else.
  static void expect_copy_found(const Article& original, const Article& other);

  Article m_seed2018;
  Article m_seed2020;
};

std::string lower(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A lightly edited copy, as wire services make them: one sentence (the middle one) moved to the end, every
// 20th word (5 %) replaced by a different word, and a boilerplate line added.
std::string edited_copy(const std::string& text) {
  std::vector<std::string> sentences;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    const bool ends = (text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                      (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])) != 0);
    if (ends || i + 1 == text.size()) {
      sentences.push_back(current);
      current.clear();
    }
  }
  EXPECT_GE(sentences.size(), 3U);
  const auto moved = sentences.begin() + static_cast<std::ptrdiff_t>(sentences.size() / 2);
  std::rotate(moved, moved + 1, sentences.end());

  std::istringstream words_in;
  {
    std::string joined;
    for (const std::string& sentence : sentences) joined += sentence + ' ';
    words_in.str(joined);
  }
  constexpr std::array<std::string_view, 6> kReplacements{"lantern", "orchard", "velvet", "quartz", "meadow", "saddle"};
  std::string copy;
  std::size_t position = 0;
  std::size_t replaced = 0;
  for (std::string word; words_in >> word; ++position) {
    if ((position + 1) % 20 == 0) {
      std::size_t pick = (position / 20) % kReplacements.size();
      if (lower(word) == kReplacements[pick]) pick = (pick + 1) % kReplacements.size();
      word = kReplacements[pick];
      ++replaced;
    }
    copy += word;
    copy += ' ';
  }
  EXPECT_EQ(replaced, position / 20);  // 5 % of the words
  copy += "\nCopyright 2020 Example Newswire. All rights reserved.";
  return copy;
}

TEST_F(DedupSeeds, SeedsAreNotCopiesOfEachOther) {
  auto index = DedupIndex::create();
  ASSERT_TRUE(index) << index.error().message();
  Sketcher sketcher(index->options());
  Sketch sketch;
  sketcher.sketch(m_seed2018.text, sketch);
  EXPECT_TRUE(index->query(sketch).empty());
  index->insert(sketch);
  sketcher.sketch(m_seed2020.text, sketch);
  const auto matches = index->query(sketch);
  EXPECT_TRUE(matches.empty()) << "the 2020 seed is reported as a copy of the 2018 seed, similarity "
                               << (matches.empty() ? 0.0 : matches.front().similarity);
  index->insert(sketch);
  std::cout << "seeds 2018 vs 2020: estimated similarity " << fixed(index->compare(0, 1).similarity)
            << ", exact word-bigram Jaccard " << fixed(exact_jaccard_of(m_seed2018.text, m_seed2020.text)) << '\n';
}

void DedupSeeds::expect_copy_found(const Article& original, const Article& other) {
  auto index = DedupIndex::create();
  ASSERT_TRUE(index) << index.error().message();
  Sketcher sketcher(index->options());
  Sketch sketch;
  sketcher.sketch(original.text, sketch);
  const std::uint32_t original_doc = index->insert(sketch);
  sketcher.sketch(other.text, sketch);
  const std::uint32_t other_doc = index->insert(sketch);

  const std::string copy = edited_copy(original.text);
  sketcher.sketch(copy, sketch);
  const auto matches = index->query(sketch);
  const double exact = exact_jaccard_of(original.text, copy);
  const auto found = std::find_if(matches.begin(), matches.end(),
                                  [&](const storyline::CopyMatch& match) { return match.doc == original_doc; });
  ASSERT_NE(found, matches.end()) << "the edited copy of " << original.id << " (published " << original.published
                                  << ") is not reported; exact word-bigram Jaccard " << fixed(exact);
  EXPECT_FALSE(found->exact);
  EXPECT_GE(found->similarity, index->options().threshold);
  EXPECT_TRUE(std::none_of(matches.begin(), matches.end(),
                           [&](const storyline::CopyMatch& match) { return match.doc == other_doc; }))
      << "the edited copy of " << original.id << " is also reported as a copy of " << other.id;
  std::cout << "edited copy of the " << original.published.substr(0, 4) << " seed: estimated similarity "
            << fixed(found->similarity) << ", exact word-bigram Jaccard " << fixed(exact) << '\n';
  ::testing::Test::RecordProperty("similarity_" + original.published.substr(0, 4), fixed(found->similarity));
}

TEST_F(DedupSeeds, EditedCopyOf2020SeedIsFound) { expect_copy_found(m_seed2020, m_seed2018); }

TEST_F(DedupSeeds, EditedCopyOf2018SeedIsFound) { expect_copy_found(m_seed2018, m_seed2020); }

}  // namespace
