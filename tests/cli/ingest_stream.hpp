// A made-up news stream for the ingest tests, and what a store holds of it. Shared by ingest_test.cpp and
// ingest_faults_test.cpp.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "storyline/store/store.hpp"

namespace storyline::testing {

inline std::string article(const std::string& id, const std::string& text, const std::string& published) {
  return nlohmann::json{{"id", id}, {"text", text}, {"published", published}}.dump() + "\n";
}

// A made-up stream: `topics` matters, each with its own names and words, reported over several days.
// Deterministic, so that every run sees the same articles.
inline std::vector<std::string> synthetic_stream(int articles, int topics) {
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  const auto word = [&](std::uint32_t seed, bool name) {
    static const char* const kSyllables[] = {"ka",  "lo", "mer", "tis", "van", "dor",
                                             "bel", "ru", "sen", "pa",  "gri", "ot"};
    std::string w;
    for (int s = 0; s < 3; ++s) w += kSyllables[(seed >> (s * 4)) % 12];
    if (name) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::vector<std::string> lines;
  for (int i = 0; i < articles; ++i) {
    const int topic = static_cast<int>(next() % static_cast<std::uint32_t>(topics));
    std::string text = "Officials in " + word(static_cast<std::uint32_t>(topic) * 7919U, true) + " said ";
    for (int w = 0; w < 40; ++w) {
      const bool own = next() % 3 != 0;
      text += word(own ? static_cast<std::uint32_t>(topic) * 131U + next() % 12 : next() % 4096, false) + ' ';
    }
    text += "according to " + word(static_cast<std::uint32_t>(topic) * 104729U, true) + " " +
            word(static_cast<std::uint32_t>(topic) * 15485863U, true) + ".";
    const int day = 1 + i * 27 / articles;
    char date[32];
    std::snprintf(date, sizeof date, "2021-03-%02dT%02d:%02d:00Z", day, (i / 60) % 24, i % 60);
    lines.push_back(article("s" + std::to_string(i), text, date));
  }
  return lines;
}

inline std::string join(const std::vector<std::string>& lines, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += lines[i];
  return out;
}

using Row =
    std::tuple<std::string, std::uint32_t, std::uint32_t, std::string>;  // id, story, storyline, copy of

// Every stored article in stream order with its assignment, a copy named by id.
inline std::vector<Row> assignments(const std::filesystem::path& db) {
  auto store = Store::open(db.string(), StoreMode::kReadOnly);
  EXPECT_TRUE(store) << store.error().message();
  if (!store) return {};
  std::vector<std::string> ids;
  std::vector<Row> rows;
  EXPECT_TRUE(store->for_each_article([&](const StoredArticle& a) -> Status {
    ids.push_back(a.article.id);
    rows.emplace_back(a.article.id, a.assignment.story, a.assignment.storyline,
                      a.assignment.duplicate_of ? ids[*a.assignment.duplicate_of] : "");
    return {};
  }));
  return rows;
}

}  // namespace storyline::testing
