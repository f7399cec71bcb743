#include "ingest/txt_article.hpp"

#include <filesystem>
#include <string_view>
#include <utility>

#include "ingest/jsonl_record.hpp"
#include "ingest/line_source.hpp"

namespace storyline::detail {

namespace {

constexpr std::string_view kBlankCharacters = " \t\r\f\v";

std::string_view trim(std::string_view text) noexcept {
  const std::size_t first = text.find_first_not_of(kBlankCharacters);
  if (first == std::string_view::npos) {
    return {};
  }
  const std::size_t last = text.find_last_not_of(kBlankCharacters);
  return text.substr(first, last - first + 1);
}

}  // namespace

Result<Article> read_txt_article(const std::string& path, const std::string& display_name) {
  auto source = LineSource::open(path, display_name, Compression::kNone);
  if (!source) {
    return std::move(source).error();
  }

  Article article;
  article.id = std::filesystem::path(path).stem().string();
  bool has_title = false;
  // Lines after the last non-blank one are appended as they come but cut off at the end.
  std::size_t text_end = 0;
  std::string_view line;
  for (;;) {
    auto more = source->next(line);
    if (!more) {
      return std::move(more).error();
    }
    if (!*more) {
      break;
    }
    if (auto reason = describe_invalid_utf8(line)) {
      return Error{ErrorCode::kInvalidUtf8, std::move(*reason), display_name, source->line_number()};
    }
    if (!has_title) {
      article.title = trim(line);
      has_title = !article.title.empty();
      continue;
    }
    const bool blank = is_blank(line);
    if (blank && article.text.empty()) {
      continue;  // blank lines between the title and the text
    }
    if (!article.text.empty()) {
      article.text += '\n';
    }
    article.text += line;
    if (!blank) {
      text_end = article.text.size();
    }
  }
  article.text.resize(text_end);

  if (!has_title) {
    return Error{ErrorCode::kMissingField, "no title line: the file is empty or blank", display_name, 0};
  }
  if (article.text.empty()) {
    return Error{ErrorCode::kMissingField, "no text after the title line", display_name, 0};
  }
  return article;
}

}  // namespace storyline::detail
