// The JSON shapes of storyline's results: the store's records, articles, timelines and comparisons. The
// CLI (`storyline stories`, `storylines`, `timeline --json`, `similar --json`), the HTTP API and the Python
// module all print these, so that a user can switch between them without a second parser.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "storyline/cluster/timeline.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/store/records.hpp"

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

// {"error": message}
[[nodiscard]] Json error_json(std::string_view message);

// Serialised for the wire. Stored text is valid UTF-8 (the reader checks it); replacing rather than
// throwing keeps a bug from failing a request.
[[nodiscard]] std::string dump(const Json& json);

}  // namespace storyline::json
