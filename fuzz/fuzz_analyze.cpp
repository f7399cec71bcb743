// Text analysis: the whole Analyzer over an article built from the input (line 1: title, line 2: a
// publication date when it parses as ISO-8601, the rest: text; invalid UTF-8 must come back as an error,
// never a crash), and, on valid UTF-8, the stages one by one: Tokenizer, skip_dateline, find_entities (as
// English and as German), find_dates, entity_key. Invariants: tokens, entities and dates point inside the
// text they came from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "storyline/common/timestamp.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/text/analyze.hpp"
#include "storyline/text/dates.hpp"
#include "storyline/text/entities.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"
#include "text/dateline.hpp"

namespace {

std::string_view take_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = storyline::fuzz::as_view(data, size);

  // The analyzer's document frequencies grow with every article: start afresh now and then so a long
  // campaign measures the code, not an ever-larger table.
  static std::optional<storyline::Analyzer> analyzer;
  static std::size_t analysed = 0;
  if (!analyzer || ++analysed % 1000 == 0) {
    auto created = storyline::Analyzer::create();
    if (!created) std::abort();
    analyzer.emplace(std::move(*created));
  }

  std::string_view rest = input;
  storyline::Article article;
  article.id = "fuzz";
  article.title = std::string(take_line(rest));
  const std::string_view date_line = take_line(rest);
  if (const auto published = storyline::parse_iso8601(date_line)) {
    article.published = std::string(date_line);
    article.published_at = published;
  } else {
    article.text = std::string(date_line) + "\n";
  }
  article.text += std::string(rest);
  if (auto analysis = analyzer->analyze(article)) {
    for (const auto& entity : analysis->entities) {
      if (entity.key.empty() || entity.mentions == 0) std::abort();
    }
  }

  if (storyline::find_invalid_utf8(input)) return 0;  // the stages below take valid UTF-8
  static std::optional<storyline::Tokenizer> tokenizer;
  if (!tokenizer) {
    auto created = storyline::Tokenizer::create();
    if (!created) std::abort();
    tokenizer.emplace(std::move(*created));
  }
  std::vector<storyline::Token> tokens;
  tokenizer->tokenize(input, tokens);
  for (const auto& token : tokens) {
    if (token.end() > input.size() || input.substr(token.offset, token.text.size()) != token.text) std::abort();
  }
  if (storyline::detail::skip_dateline(input, tokens, 0, tokens.size()) > tokens.size()) std::abort();
  for (const std::string_view lang : {"en", "de"}) {  // German reads capitals its own way
    for (const auto& entity : storyline::find_entities(input, tokens, lang)) {
      if (entity.first_offset >= input.size()) std::abort();
    }
  }
  std::optional<storyline::Day> published;
  if (article.published_at) published = std::chrono::floor<std::chrono::days>(*article.published_at);
  for (const auto& mention : storyline::find_dates(input, published)) {
    if (mention.offset > input.size()) std::abort();
  }
  (void)storyline::entity_key(input.substr(0, 256));
  return 0;
}
