#include "storyline/ingest/reader.hpp"

#include <absl/container/flat_hash_set.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "ingest/jsonl_record.hpp"
#include "ingest/line_source.hpp"
#include "ingest/txt_article.hpp"

namespace storyline {

bool json_nesting_exceeds(std::string_view json, std::size_t max_depth) noexcept {
  // Going that deep takes more opening brackets than that, and an article has a handful: counting them is
  // one vectorised pass, where the scan below reads a byte at a time through a state machine.
  std::size_t opening = 0;
  for (const char c : json) opening += static_cast<std::size_t>(c == '[' || c == '{');
  if (opening <= max_depth) return false;
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : json) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

std::size_t ReadSummary::skipped() const noexcept {
  std::size_t total = 0;
  for (const auto& [code, count] : skipped_by_reason) {
    total += count;
  }
  return total;
}

namespace {

namespace fs = std::filesystem;
using detail::Compression;

constexpr std::string_view kStdinName = "<stdin>";

enum class InputKind : std::uint8_t { kJsonLines, kText, kUnsupported };

struct InputFormat {
  InputKind kind = InputKind::kUnsupported;
  Compression compression = Compression::kNone;
};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                    });
}

InputFormat format_of(std::string_view path) noexcept {
  InputFormat format;
  if (ends_with_ignoring_case(path, ".txt")) {
    format.kind = InputKind::kText;
    return format;
  }
  if (ends_with_ignoring_case(path, ".gz")) {
    format.compression = Compression::kGzip;
    path.remove_suffix(3);
  } else if (ends_with_ignoring_case(path, ".zst")) {
    format.compression = Compression::kZstd;
    path.remove_suffix(4);
  }
  for (std::string_view extension : {".jsonl", ".json", ".ndjson"}) {
    if (ends_with_ignoring_case(path, extension)) {
      format.kind = InputKind::kJsonLines;
      return format;
    }
  }
  return InputFormat{};
}

// One read_articles call: the options, the callbacks, the counts and the one JSON parser of the run.
class Reader {
 public:
  Reader(const ReadOptions& options, const ArticleSink& sink, const IssueSink& on_issue)
      : m_options(options), m_sink(sink), m_on_issue(on_issue) {
    m_parser.set_limits(options.max_article_bytes, options.max_line_bytes);
  }

  // An error here ends the whole read: OnError::kFail, or the sink refused an article.
  Status read_input(const std::string& input) {
    if (input == "-") {
      return read_json_lines(input, std::string(kStdinName), Compression::kDetect);
    }
    std::error_code error;
    if (fs::is_directory(input, error)) {
      return read_directory(input);
    }
    const InputFormat format = format_of(input);
    switch (format.kind) {
      case InputKind::kJsonLines: return read_json_lines(input, input, format.compression);
      case InputKind::kText: return read_text(input, input);
      case InputKind::kUnsupported: break;
    }
    return skip(Error{ErrorCode::kUnsupportedFormat,
                      "unsupported input '" + input +
                          "': expected .jsonl, .jsonl.gz, .jsonl.zst, .txt, a directory or -",
                      input, 0});
  }

  [[nodiscard]] ReadSummary take_summary() && { return std::move(m_summary); }

 private:
  Status read_json_lines(const std::string& path, std::string display_name, Compression compression) {
    auto source = detail::LineSource::open(path, std::move(display_name), compression);
    if (!source) {
      return skip(std::move(source).error());
    }
    source->set_max_line_bytes(m_options.max_line_bytes);
    std::string_view line;
    for (;;) {
      auto more = source->next(line);
      if (!more) {
        return skip(std::move(more).error());  // what came before the damage has been delivered
      }
      if (!*more) {
        return {};
      }
      if (const std::size_t size = source->overlong_size(); size > 0) {
        Error error = detail::line_too_long(size, m_options.max_line_bytes);
        error.file = source->display_name();
        error.line = source->line_number();
        if (auto status = skip(std::move(error)); !status) {
          return status;
        }
        continue;
      }
      if (detail::is_blank(line)) {
        continue;  // JSON Lines writers often end files with an empty line
      }
      auto article = m_parser.parse(line);
      if (!article) {
        Error error = std::move(article).error();
        error.file = source->display_name();
        error.line = source->line_number();
        if (auto status = skip(std::move(error)); !status) {
          return status;
        }
        continue;
      }
      if (auto status = deliver(std::move(*article), source->display_name(), source->line_number());
          !status) {
        return status;
      }
    }
  }

  Status read_text(const std::string& path, const std::string& display_name) {
    auto article = detail::read_txt_article(path, display_name);
    if (!article) {
      return skip(std::move(article).error());
    }
    if (const std::size_t size = article->title.size() + article->text.size(); size > m_options.max_article_bytes) {
      Error error = detail::article_too_large(size, m_options.max_article_bytes);
      error.file = display_name;
      return skip(std::move(error));
    }
    return deliver(std::move(*article), display_name, 0);
  }

  Status read_directory(const std::string& directory) {
    std::vector<std::string> names;
    std::error_code error;
    fs::directory_iterator it(directory, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      // Hidden files are editor leftovers (.#draft.txt), not articles; other files (a README) are not ours.
      if (name.starts_with('.') || !ends_with_ignoring_case(name, ".txt")) {
        continue;
      }
      std::error_code type_error;
      if (it->is_regular_file(type_error)) {
        names.push_back(name);
      }
    }
    if (error) {
      return skip(Error{ErrorCode::kUnreadableInput, "cannot list directory: " + error.message(), directory, 0});
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      const std::string path = (fs::path(directory) / name).string();
      if (auto status = read_text(path, path); !status) {
        return status;
      }
    }
    return {};
  }

  Status deliver(Article&& article, const std::string& file, std::size_t line) {
    if (m_options.unique_ids && repeats_an_id(article.id)) {
      return skip(Error{ErrorCode::kRepeatedId,
                        "id '" + article.id +
                            "' was read before in this run; ids must be unique (the first "
                            "article with it is kept)",
                        file, line});
    }
    ++m_summary.read;
    return m_sink(std::move(article));
  }

  // Remembers `id` in the current generation; true when it is in either generation. A full generation
  // becomes the previous one, so at least the last ReadOptions::remembered_ids ids are known.
  bool repeats_an_id(const std::string& id) {
    const std::uint64_t hash = XXH3_64bits(id.data(), id.size());
    if (m_previous_ids.contains(hash) || !m_ids.insert(hash).second) return true;
    if (m_ids.size() >= m_options.remembered_ids) {
      m_previous_ids = std::move(m_ids);
      m_ids = {};
    }
    return false;
  }

  // Counts and reports a skipped record or input, or, with OnError::kFail, hands it back to stop the read.
  Status skip(Error error) {
    if (m_options.on_error == OnError::kFail) {
      return error;
    }
    ++m_summary.skipped_by_reason[error.code];
    if (error.code == ErrorCode::kUnreadableInput) {
      ++m_summary.unreadable_inputs;
    }
    if (m_on_issue) {
      m_on_issue(error);
    }
    return {};
  }

  const ReadOptions& m_options;
  const ArticleSink& m_sink;
  const IssueSink& m_on_issue;
  detail::JsonlRecordParser m_parser;
  ReadSummary m_summary;
  absl::flat_hash_set<std::uint64_t> m_ids;  // hashes of the latest ids, with ReadOptions::unique_ids
  absl::flat_hash_set<std::uint64_t> m_previous_ids;  // the generation before
};

}  // namespace

Result<Article> read_article(const std::string& path) {
  const InputFormat format = format_of(path);
  if (format.kind == InputKind::kText) {
    return detail::read_txt_article(path, path);
  }
  if (format.kind != InputKind::kJsonLines || format.compression != Compression::kNone) {
    return Error{ErrorCode::kUnsupportedFormat, "expected a .txt or .json file holding one article", path, 0};
  }
  auto source = detail::LineSource::open(path, path, Compression::kNone);
  if (!source) {
    return std::move(source).error();
  }
  // The whole file is one record, but the lines are kept apart first: a JSON Lines file with several
  // records deserves a clearer message than the parser's complaint about trailing content.
  std::vector<std::string> lines;
  std::size_t first_line = 0;
  std::string_view line;
  for (;;) {
    auto more = source->next(line);
    if (!more) {
      return std::move(more).error();
    }
    if (!*more) {
      break;
    }
    if (detail::is_blank(line)) {
      continue;
    }
    if (lines.empty()) {
      first_line = source->line_number();
    }
    lines.emplace_back(line);
  }
  if (lines.empty()) {
    return Error{ErrorCode::kMalformedJson, "no JSON object: the file is empty or blank", path, 0};
  }
  detail::JsonlRecordParser parser;
  if (lines.size() > 1 && parser.parse(lines.front())) {
    return Error{ErrorCode::kMalformedJson, "more than one record: expected one article per file", path, 0};
  }
  std::string document;
  for (const std::string& text : lines) {
    document += text;
    document += '\n';
  }
  auto article = parser.parse(document);
  if (!article) {
    Error error = std::move(article).error();
    error.file = path;
    error.line = lines.size() == 1 ? first_line : 0;  // parser positions are not line numbers in a joined file
    return error;
  }
  return article;
}

Result<Article> parse_article(std::string_view json, const ReadOptions& limits) {
  // A parser per call keeps this thread-safe; its buffers are small next to the analysis that follows.
  detail::JsonlRecordParser parser;
  parser.set_limits(limits.max_article_bytes, limits.max_line_bytes);
  return parser.parse(json);
}

Result<ReadSummary> read_articles(std::span<const std::string> inputs, const ReadOptions& options,
                                  const ArticleSink& sink, const IssueSink& on_issue) {
  if (inputs.empty()) {
    return Error{ErrorCode::kInvalidArgument, "no inputs given", {}, 0};
  }
  if (!sink) {
    return Error{ErrorCode::kInvalidArgument, "no article sink given", {}, 0};
  }
  Reader reader(options, sink, on_issue);
  for (const std::string& input : inputs) {
    if (auto status = reader.read_input(input); !status) {
      return status.error();
    }
  }
  return std::move(reader).take_summary();
}

}  // namespace storyline
