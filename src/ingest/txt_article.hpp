// Plain-text articles: a .txt file is one article whose id is the file name without its extension,
// whose title is the first non-blank line (trimmed) and whose text is every line after it, joined with
// '\n', without the blank lines that open or close it.
#pragma once

#include <string>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"

namespace storyline::detail {

// Reads the article in `path`; errors name `display_name` as the file.
// Errors: kUnreadableInput (the file cannot be opened or read), kInvalidUtf8 (with the line and byte),
// kMissingField (no title line, or no text after it; line 0).
[[nodiscard]] Result<Article> read_txt_article(const std::string& path, const std::string& display_name);

}  // namespace storyline::detail
