// What every storyline subcommand shares: the common flags, output to stdout or a file, progress on a
// terminal, the run summary, and the one place where library errors become messages and exit codes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "storyline/common/result.hpp"
#include "storyline/ingest/reader.hpp"

namespace storyline::cli {

// Exit codes, the same for every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // output could not be written, an input could not be opened, a bug
inline constexpr int kExitUsage = 2;     // bad usage, or a bad record under --on-error=fail

// Flags every command that reads articles takes.
struct CommonFlags {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string on_error = "skip";
  std::size_t max_article_bytes = ReadOptions{}.max_article_bytes;
  std::size_t max_line_bytes = ReadOptions{}.max_line_bytes;
  bool quiet = false;

  [[nodiscard]] ReadOptions read_options() const;
};

// Registers INPUT..., -o/--output, --on-error, --max-article-bytes, --max-line-bytes and --quiet on
// `command`.
void add_common_flags(CLI::App& command, CommonFlags& flags);

// Registers --max-article-bytes and --max-line-bytes (ReadOptions' size limits) on `command`; for the
// commands that take their other flags their own way (ingest).
void add_limit_flags(CLI::App& command, std::size_t& max_article_bytes, std::size_t& max_line_bytes);

// Where JSON Lines go: standard output or the file named by -o.
class Output {
 public:
  // Errors: kIoError when the file cannot be created.
  [[nodiscard]] static Result<Output> open(const std::string& path);
  Output(Output&&) noexcept;
  Output& operator=(Output&&) noexcept;
  ~Output();

  // Errors: kIoError when the write fails (disk full, closed pipe).
  [[nodiscard]] Status write_line(std::string_view line);
  [[nodiscard]] Status close();
  [[nodiscard]] bool is_terminal() const noexcept;

 private:
  Output(std::FILE* file, std::string path, bool owned);
  std::FILE* m_file = nullptr;
  std::string m_path;
  bool m_owned = false;
};

// A one-line, self-overwriting progress report on stderr. Shown only when both stdout and stderr are
// terminals and --quiet is off, so that logs and pipes never receive it.
class Progress {
 public:
  Progress(std::string_view verb, bool enabled);
  void update(std::size_t items);  // cheap to call per item: redraws at most a few times a second
  void finish();

 private:
  std::string m_verb;
  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last_draw;
};

// `options` with ReadOptions::unique_ids set: for the commands whose output names articles by id (cluster,
// timeline, dedup), a second article under an id is skipped and reported. ingest does not set it: its
// store counts a known id as already present, within a run as across runs.
[[nodiscard]] ReadOptions unique_ids(ReadOptions options);

// Prints a skipped record or input: "storyline: data.jsonl:4: malformed JSON: ...".
void report_issue(const Error& error);

// Reads `inputs` and hands each good article to `process` in publication order, put in order within a
// StreamOrder buffer of `buffer` articles (what cluster, timeline and ingest share). Bad records go to
// report_issue. An error from `process` stops the read and is returned.
[[nodiscard]] Result<ReadSummary> read_in_publication_order(std::span<const std::string> inputs,
                                                            const ReadOptions& options, std::size_t buffer,
                                                            const std::function<Status(const Article&)>& process);

// Prints the summary line of a read ("read 3 articles; skipped 3: invalid UTF-8 1, malformed JSON 1, ...").
void print_summary(std::string_view command, const ReadSummary& summary, std::size_t written);

// Maps a failed run to its exit code after printing the error.
[[nodiscard]] int fail(const Error& error, int exit_code);

// The exit code of a read that stopped: 2 for bad input (under --on-error=fail), 1 when the consumer
// failed (output not written, an internal error).
[[nodiscard]] int fail_read(const Error& error);

}  // namespace storyline::cli
