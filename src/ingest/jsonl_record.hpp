// JSON Lines records: turns one line of a .jsonl file into an Article, or into an Error that says
// precisely what is wrong with it (invalid UTF-8 and where, malformed JSON, a missing or empty required
// field, a field of the wrong type, an unparseable date). One JsonlRecordParser is meant to read a whole
// run: it keeps one simdjson parser and one padded copy buffer and reuses them for every line.
// Also the UTF-8 message shared with the .txt reader.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"

namespace storyline::detail {

// True when `line` holds nothing but spaces, tabs, carriage returns, form feeds or vertical tabs.
[[nodiscard]] bool is_blank(std::string_view line) noexcept;

// "invalid UTF-8 at byte N" (N 1-based, as editors count columns) when `text` is not well-formed UTF-8.
[[nodiscard]] std::optional<std::string> describe_invalid_utf8(std::string_view text);

class JsonlRecordParser {
 public:
  JsonlRecordParser();
  JsonlRecordParser(JsonlRecordParser&&) noexcept;
  JsonlRecordParser& operator=(JsonlRecordParser&&) noexcept;
  JsonlRecordParser(const JsonlRecordParser&) = delete;
  JsonlRecordParser& operator=(const JsonlRecordParser&) = delete;
  ~JsonlRecordParser();

  // Parses one record; the caller skips blank lines first. Rules (also in reader.hpp): `id` a non-empty
  // string or an integer, `text` a non-empty string, `title`/`url`/`source`/`lang` strings, `published`
  // an ISO-8601 date or date-time; null counts as absent; the last of duplicate keys wins; unknown fields
  // go to Article::extra verbatim. Errors (code and reason only; the caller sets file and line):
  // kInvalidUtf8, kMalformedJson, kMissingField, kInvalidField. Not thread-safe.
  [[nodiscard]] Result<Article> parse(std::string_view line);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline::detail
