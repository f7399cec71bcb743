// The JSON shapes of storyline's results: the store's records, articles, timelines and comparisons. The
// CLI (`storyline stories`, `storylines`, `timeline --json`, `similar --json`), the HTTP API and the Python
// module all print these, so that a user can switch between them without a second parser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "storyline/cluster/timeline.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/store/records.hpp"
#include "storyline/store/related.hpp"
#include "storyline/text/analyze.hpp"

namespace storyline::json {

using Json = nlohmann::ordered_json;

// As `storyline stories` / `storyline storylines` print them; dates null when undated.
[[nodiscard]] Json story_json(const StoryRecord& story);
[[nodiscard]] Json storyline_json(const StorylineRecord& storyline);

// An article with its place in the store: id, title, published, url, source, lang (null when absent),
// position, story, storyline, duplicate_of (the id of the original, null when none); with `with_text`
// also text and the input's other fields under "extra".
[[nodiscard]] Json article_json(const StoredArticle& article, std::string_view duplicate_of_id,
                                bool with_text);

// As one line of `storyline timeline --json`: `stories_total` counts the stories before any cut.
[[nodiscard]] Json timeline_json(const Timeline& timeline, std::size_t stories_total);

// As `storyline similar --json`.
[[nodiscard]] Json comparison_json(const Comparison& comparison);

// As one line of `storyline analyze`: language, words, weighted terms, entities and dates.
[[nodiscard]] Json analysis_json(const Analysis& analysis);

// As one line of `storyline dedup`: `original_id` is the id of the group's representative, "" for an
// article that copies nothing (duplicate_of and similarity are then null).
[[nodiscard]] Json copy_verdict_json(const CopyVerdict& verdict, std::string_view original_id);

// As one line of `storyline cluster` and `storyline ingest -o`: id, story, storyline, duplicate_of (the id
// of the copied article, null when "").
[[nodiscard]] Json assignment_json(std::string_view id, std::uint32_t story, std::uint32_t storyline,
                                   std::string_view duplicate_of_id);

// As one item of the answer to POST /articles: the assignment with the article's `status` ("added" or
// "already_present") and stream `position`.
[[nodiscard]] Json ingested_json(std::string_view id, std::string_view status, std::uint32_t position,
                                 const StoredAssignment& assignment, std::string_view duplicate_of_id);

// As one line of `storyline search --json` and one item of GET /search's "results": the article (as
// article_json, without text) and its "score".
[[nodiscard]] Json search_hit_json(const SearchHit& hit, std::string_view duplicate_of_id);

// As GET /articles/{id}/related answers: the article's id, story and storyline, and its related articles
// (as article_json, without text) with their totals.
[[nodiscard]] Json related_json(const RelatedCoverage& related);

// {"error": message}
[[nodiscard]] Json error_json(std::string_view message);

// Serialised for the wire. Stored text is valid UTF-8 (the reader checks it); replacing rather than
// throwing keeps a bug from failing a request.
[[nodiscard]] std::string dump(const Json& json);

}  // namespace storyline::json
