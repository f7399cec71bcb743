#include "cli_common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "storyline/cluster/stream_order.hpp"

namespace storyline::cli {

ReadOptions CommonFlags::read_options() const {
  ReadOptions options;
  options.on_error = on_error == "fail" ? OnError::kFail : OnError::kSkip;
  options.max_article_bytes = max_article_bytes;
  options.max_line_bytes = max_line_bytes;
  return options;
}

void add_common_flags(CLI::App& command, CommonFlags& flags) {
  command.add_option("INPUT", flags.inputs,
                     "Articles: .jsonl (.gz, .zst) files, .txt files, directories of .txt files, or - for stdin")
      ->required();
  command.add_option("-o,--output", flags.output, "Write JSON Lines to FILE instead of standard output")
      ->type_name("FILE");
  command.add_option("--on-error", flags.on_error,
                     "Bad records: 'skip' reports and counts them and goes on; 'fail' stops at the first (exit 2)")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  add_limit_flags(command, flags.max_article_bytes, flags.max_line_bytes);
  command.add_flag("-q,--quiet", flags.quiet, "No progress and no summary (bad records are still reported)");
}

void add_limit_flags(CLI::App& command, std::size_t& max_article_bytes, std::size_t& max_line_bytes) {
  command.add_option("--max-article-bytes", max_article_bytes,
                     "Largest article (title + text bytes); larger ones are skipped as 'too large', never cut")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-line-bytes", max_line_bytes,
                     "Longest JSON Lines record in bytes; longer ones are skipped as 'too large', never cut")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

Output::Output(std::FILE* file, std::string path, bool owned) : m_file(file), m_path(std::move(path)), m_owned(owned) {}
Output::Output(Output&& other) noexcept
    : m_file(std::exchange(other.m_file, nullptr)), m_path(std::move(other.m_path)), m_owned(other.m_owned) {}
Output& Output::operator=(Output&& other) noexcept {
  std::swap(m_file, other.m_file);
  std::swap(m_path, other.m_path);
  std::swap(m_owned, other.m_owned);
  return *this;
}
Output::~Output() {
  if (m_owned && m_file != nullptr) std::fclose(m_file);
}

Result<Output> Output::open(const std::string& path) {
  if (path == "-") return Output(stdout, "<stdout>", false);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Error{ErrorCode::kIoError, std::string("cannot create output file: ") + std::strerror(errno), path};
  }
  return Output(file, path, true);
}

Status Output::write_line(std::string_view line) {
  if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size() || std::fputc('\n', m_file) == EOF) {
    return Error{ErrorCode::kIoError, std::string("cannot write output: ") + std::strerror(errno), m_path};
  }
  return {};
}

Status Output::close() {
  const bool failed = std::fflush(m_file) != 0 || std::ferror(m_file) != 0;
  if (m_owned) {
    const bool close_failed = std::fclose(m_file) != 0;
    m_file = nullptr;
    if (failed || close_failed) return Error{ErrorCode::kIoError, "cannot finish writing the output file", m_path};
  }
  if (failed) return Error{ErrorCode::kIoError, std::string("cannot write output: ") + std::strerror(errno), m_path};
  return {};
}

bool Output::is_terminal() const noexcept { return m_file != nullptr && isatty(fileno(m_file)) != 0; }

Progress::Progress(std::string_view verb, bool enabled)
    : m_verb(verb),
      m_enabled(enabled && isatty(STDOUT_FILENO) != 0 && isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()),
      m_last_draw(m_start) {}

void Progress::update(std::size_t items) {
  if (!m_enabled) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - m_last_draw < std::chrono::milliseconds(250)) return;
  m_last_draw = now;
  const double seconds = std::chrono::duration<double>(now - m_start).count();
  std::fprintf(stderr, "\r%s %zu articles (%.0f/s)", m_verb.c_str(), items,
               seconds > 0 ? static_cast<double>(items) / seconds : 0.0);
  std::fflush(stderr);
  m_drawn = true;
}

void Progress::finish() {
  if (m_drawn) std::fputs("\r\033[K", stderr);  // clear the progress line before the summary
  m_drawn = false;
}

void report_issue(const Error& error) { std::cerr << "storyline: " << error.message() << '\n'; }

Result<ReadSummary> read_in_publication_order(std::span<const std::string> inputs, const ReadOptions& options,
                                              std::size_t buffer,
                                              const std::function<Status(const Article&)>& process) {
  StreamOrder order(buffer);
  const auto sink = [&](Article&& article) -> Status {
    if (auto released = order.push(std::move(article))) return process(*released);
    return {};
  };
  auto summary = read_articles(inputs, options, sink, report_issue);
  if (!summary) return summary;
  while (auto released = order.pop()) {
    if (auto status = process(*released); !status) return status.error();
  }
  return summary;
}

ReadOptions unique_ids(ReadOptions options) {
  options.unique_ids = true;
  return options;
}

void print_summary(std::string_view command, const ReadSummary& summary, std::size_t written) {
  std::cerr << "storyline " << command << ": read " << summary.read << " articles, wrote " << written
            << "; skipped " << summary.skipped();
  const char* separator = ": ";
  for (const auto& [code, count] : summary.skipped_by_reason) {
    std::cerr << separator << error_code_name(code) << ' ' << count;
    separator = ", ";
  }
  std::cerr << '\n';
}

int fail(const Error& error, int exit_code) {
  std::cerr << "storyline: " << error.message() << '\n';
  return exit_code;
}

int fail_read(const Error& error) {
  const bool bad_input = error.code != ErrorCode::kIoError && error.code != ErrorCode::kInternal;
  return fail(error, bad_input ? kExitUsage : kExitFailure);
}

}  // namespace storyline::cli
