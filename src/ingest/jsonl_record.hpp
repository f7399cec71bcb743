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

// The kTooLarge error of a record of `size` bytes over the line limit `max_line_bytes`.
[[nodiscard]] Error line_too_long(std::size_t size, std::size_t max_line_bytes);
// The kTooLarge error of an article whose title and text together are `size` bytes, over `max_article_bytes`.
[[nodiscard]] Error article_too_large(std::size_t size, std::size_t max_article_bytes);

class JsonlRecordParser {
 public:
  JsonlRecordParser();
  JsonlRecordParser(JsonlRecordParser&&) noexcept;
  JsonlRecordParser& operator=(JsonlRecordParser&&) noexcept;
  JsonlRecordParser(const JsonlRecordParser&) = delete;
  JsonlRecordParser& operator=(const JsonlRecordParser&) = delete;
  ~JsonlRecordParser();

  // Limits for the records parsed after this call (ReadOptions' max_article_bytes and max_line_bytes);
  // the defaults are ReadOptions'.
  void set_limits(std::size_t max_article_bytes, std::size_t max_line_bytes) noexcept;

  // Parses one record; the caller skips blank lines first. Rules (also in reader.hpp): `id` a non-empty
  // string or an integer, `text` a non-empty string, `title`/`url`/`source`/`lang` strings, `published`
  // an ISO-8601 date or date-time; null counts as absent; the last of duplicate keys wins; unknown fields
  // go to Article::extra verbatim. Errors (code and reason only; the caller sets file and line):
  // kInvalidUtf8, kMalformedJson (also for nesting deeper than kMaxJsonDepth), kMissingField,
  // kInvalidField, kTooLarge (over a limit). Not thread-safe.
  [[nodiscard]] Result<Article> parse(std::string_view line);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline::detail
