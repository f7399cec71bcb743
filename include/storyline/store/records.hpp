// What the store holds, as the library hands it out: each article with its place in the stream and its
// assignment, and the per-story and per-storyline summaries kept up to date as articles arrive.
// docs/store.md documents the same data as SQL tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storyline/ingest/article.hpp"

namespace storyline {

// Where the clusterer put an article. Numbers are the clusterer's own: stories and storylines are numbered
// 0, 1, 2, ... as they open, across every ingest run into the store.
struct StoredAssignment {
  std::uint32_t story = 0;
  std::uint32_t storyline = 0;
  std::optional<std::uint32_t> duplicate_of;  // the stream position of the article this one copies

  friend bool operator==(const StoredAssignment&, const StoredAssignment&) = default;
};

struct StoredArticle {
  // 0, 1, 2, ... in the order the clusterer took the articles: ingest runs in the order they ran, and
  // within a run in publication order.
  std::uint32_t position = 0;
  Article article;  // as ingested; `extra` holds the unknown fields, each value re-serialised as JSON
  StoredAssignment assignment;
};

// One article found by Store::search. `article.text` is left empty (a result list shows titles; the text
// is one Store::find_article away); the other fields are filled. `score` is the negated FTS5 bm25() of the
// article for the query (title weighted twice the text): higher is better, comparable only within one
// search.
struct SearchHit {
  StoredArticle article;
  double score;
};

// Dates are UTC ISO-8601 date-times ("2020-11-09T06:00:00Z"), empty when no article of the group has one.
struct StoryRecord {
  std::uint32_t story = 0;
  std::uint32_t storyline = 0;
  std::uint64_t articles = 0;
  std::string first_published;
  std::string last_published;
  std::string first_article_id;  // the article that opened the story
  std::string title;             // that article's title ("" when it has none)
};

struct StorylineRecord {
  std::uint32_t storyline = 0;
  std::uint64_t stories = 0;
  std::uint64_t articles = 0;
  std::string first_published;
  std::string last_published;
  std::string first_article_id;  // the article that started the storyline
  std::string title;             // that article's title ("" when it has none)
};

// The counts of one `ingest` run, as kept in the store's ingest_runs table.
struct IngestRunCounts {
  std::uint64_t read = 0;             // articles read from the inputs
  std::uint64_t added = 0;            // new articles stored
  std::uint64_t already_present = 0;  // articles whose id the store already held (or that came twice)
  std::uint64_t skipped = 0;          // bad records skipped by the reader
};

}  // namespace storyline
