// An article's related coverage in the store: the other articles of its story and those of its
// storyline's other stories, each with the id of the article it copies. The HTTP API's
// GET /articles/{id}/related and the Python module answer with this (json::related_json prints it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/store/records.hpp"
#include "storyline/store/store.hpp"

namespace storyline {

// A related article, without its text (a listing: the text is one Store::find_article away).
struct RelatedArticle {
  StoredArticle article;
  std::string duplicate_of_id;  // the id of the article it copies; empty when none
};

struct RelatedCoverage {
  StoredArticle article;  // the article asked about, with its text
  // In stream order, at most `limit` each; the totals count them all.
  std::vector<RelatedArticle> same_story;
  std::vector<RelatedArticle> same_storyline;  // the storyline's other stories' articles
  std::size_t same_story_total = 0;
  std::size_t same_storyline_total = 0;
};

// The related coverage of the article `id`, or nullopt when the store holds no such article. Reads the
// article's storyline in one SQLite read, so it sees one committed state while an ingest writes.
// Errors: kIoError. Thread-safety: as Store (one Store per thread).
[[nodiscard]] Result<std::optional<RelatedCoverage>> find_related(Store& store, std::string_view id,
                                                                  std::size_t limit);

}  // namespace storyline
