// Reading articles from the inputs a user names: JSON Lines files (plain, .gz, .zst), standard input
// ("-"), single .txt files and directories of .txt files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"

namespace storyline {

// What to do with a record (or a whole input) that cannot be read.
enum class OnError : std::uint8_t {
  kSkip,  // report it through the issue callback, count it, go on (the default)
  kFail,  // stop at the first bad record and return its Error
};

// JSON deeper than this is rejected before it is parsed (kMalformedJson): an article needs 2 or 3
// levels, and a parser that recurses (nlohmann's DOM) could run out of stack on hostile input.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct ReadOptions {
  OnError on_error = OnError::kSkip;
  // Largest article accepted: bytes of `title` plus `text`. Larger ones are skipped whole (kTooLarge),
  // never truncated. CLI: --max-article-bytes; serve: --max-article-bytes.
  std::size_t max_article_bytes = std::size_t{1} << 20U;  // 1 MiB
  // Longest JSON Lines line (one record) accepted, in bytes; longer ones are skipped whole (kTooLarge).
  // Also the largest JSON object parse_article takes. CLI: --max-line-bytes.
  std::size_t max_line_bytes = std::size_t{4} << 20U;  // 4 MiB
  // Skip (kRepeatedId) an article whose id an earlier article of the read already had: the first is
  // kept. For commands whose output names articles by id (cluster, timeline, dedup), where a second
  // article under one id would make that output ambiguous. The reader remembers a 64-bit hash of the ids
  // of at least the last `remembered_ids` articles (at most twice as many), so memory stays bounded on
  // an endless stream (21 to 26 MiB at a million articles) and a repeat further back is not caught. Two
  // different ids share a hash with odds of about 3 in 10^8 among a million; the second would be
  // reported as a repeat.
  bool unique_ids = false;
  std::size_t remembered_ids = 1'000'000;
};

// True when `json` nests arrays and objects more than `max_depth` levels deep. Brackets inside strings
// (escapes included) do not count; the text need not be valid JSON. Thread-safe.
[[nodiscard]] bool json_nesting_exceeds(std::string_view json, std::size_t max_depth) noexcept;

// What a read did: how many articles it delivered and how many records it skipped, by reason.
struct ReadSummary {
  std::size_t read = 0;
  std::map<ErrorCode, std::size_t> skipped_by_reason;
  std::size_t unreadable_inputs = 0;  // whole files or directories that could not be opened

  [[nodiscard]] std::size_t skipped() const noexcept;
};

// Receives each good article. Returning an error stops the read and makes read_articles return it
// (e.g. when the consumer cannot write its output).
using ArticleSink = std::function<Status(Article&&)>;
// Receives every skipped record or input, with file, line and reason, as it happens.
using IssueSink = std::function<void(const Error&)>;

// Reads every input in order and hands each article to `sink`.
// Input kinds, chosen per path:
//   "-"                      JSON Lines on standard input (gzip or zstd compressed input is detected)
//   *.jsonl, *.json, *.ndjson JSON Lines; also with a .gz or .zst suffix
//   *.txt                    one article: id = file name without extension, title = first non-empty
//                            line, text = the remaining lines
//   a directory              every *.txt file in it (not recursive), in file-name order
// A JSON Lines record needs a non-empty string `id` (a number is accepted and turned into a string) and
// a non-empty string `text`; `title`, `url`, `source`, `lang` must be strings, `published` an ISO-8601
// date or date-time. Other fields are kept in Article::extra.
// Records over ReadOptions' size limits, or nested deeper than kMaxJsonDepth, are skipped whole.
// Errors: with OnError::kFail, the first bad record or unreadable input (kInvalidUtf8, kMalformedJson,
// kMissingField, kInvalidField, kTooLarge, kUnreadableInput, kUnsupportedFormat; kRepeatedId with
// ReadOptions::unique_ids); with kSkip, only an error
// returned by `sink`. Not thread-safe with respect to standard input.
[[nodiscard]] Result<ReadSummary> read_articles(std::span<const std::string> inputs, const ReadOptions& options,
                                                const ArticleSink& sink, const IssueSink& on_issue);

// Reads the one article a file holds, for commands that take articles one by one rather than as a
// stream: a .txt file (read as read_articles reads it), or a .json / .jsonl file holding one JSON object
// with the fields of a JSON Lines record. The object may span several lines (pretty-printed).
// Errors name `path` as the file: kUnreadableInput (cannot be opened or read), kUnsupportedFormat (another
// extension), kInvalidUtf8, kMalformedJson (also for a file with more than one record, or none),
// kMissingField, kInvalidField. Thread-safe.
[[nodiscard]] Result<Article> read_article(const std::string& path);

// Parses one JSON object holding the fields of a JSON Lines record, under the rules of read_articles,
// for front ends that receive articles as JSON rather than as files (the HTTP server). Whitespace and
// newlines inside the object are allowed. `limits` gives max_article_bytes and max_line_bytes (the
// largest `json`); its on_error is not used. Errors carry a code and a reason naming the field, but no
// file: kInvalidUtf8, kMalformedJson (also when `json` is not an object, or nests deeper than
// kMaxJsonDepth), kMissingField, kInvalidField, kTooLarge. Thread-safe.
[[nodiscard]] Result<Article> parse_article(std::string_view json, const ReadOptions& limits = {});

}  // namespace storyline
