#include "ingest/jsonl_record.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "storyline/common/timestamp.hpp"
#include "storyline/ingest/reader.hpp"
#include "storyline/text/unicode.hpp"

namespace storyline::detail {

namespace od = simdjson::ondemand;

namespace {

constexpr std::string_view kJsonWhitespace = " \t\n\r";

// The record fields storyline interprets; everything else goes to Article::extra.
enum class Known : std::uint8_t { kId, kText, kTitle, kUrl, kSource, kLang, kPublished };
constexpr std::size_t kKnownCount = 7;
constexpr std::array<std::string_view, kKnownCount> kKnownNames = {"id",     "text", "title",    "url",
                                                                   "source", "lang", "published"};

std::optional<Known> known_field(std::string_view key) noexcept {
  for (std::size_t i = 0; i < kKnownCount; ++i) {
    if (kKnownNames[i] == key) {
      return static_cast<Known>(i);
    }
  }
  return std::nullopt;
}

std::string* string_member(Article& article, Known field) noexcept {
  switch (field) {
    case Known::kId: return &article.id;
    case Known::kText: return &article.text;
    case Known::kTitle: return &article.title;
    case Known::kUrl: return &article.url;
    case Known::kSource: return &article.source;
    case Known::kLang: return &article.lang;
    case Known::kPublished: return &article.published;
  }
  return &article.text;
}

std::string_view trim_json_whitespace_right(std::string_view text) noexcept {
  const std::size_t last = text.find_last_not_of(kJsonWhitespace);
  return last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
}

std::size_t skip_digits(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
  }
  return pos;
}

// The JSON number grammar. On Demand only checks the numbers a program reads, and storyline reads none:
// numbers it keeps are kept as text, which also keeps integers beyond 64 bits and doubles beyond 1e308
// (valid JSON that simdjson's number parser rejects).
bool is_json_number(std::string_view text, bool* is_integer) noexcept {
  std::size_t pos = 0;
  if (pos < text.size() && text[pos] == '-') {
    ++pos;
  }
  if (pos == text.size()) {
    return false;
  }
  if (text[pos] == '0') {
    ++pos;
  } else if (text[pos] >= '1' && text[pos] <= '9') {
    pos = skip_digits(text, pos);
  } else {
    return false;
  }
  *is_integer = pos == text.size();
  if (pos < text.size() && text[pos] == '.') {
    const std::size_t digits = pos + 1;
    pos = skip_digits(text, digits);
    if (pos == digits) {
      return false;
    }
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      ++pos;
    }
    const std::size_t digits = pos;
    pos = skip_digits(text, digits);
    if (pos == digits) {
      return false;
    }
  }
  return pos == text.size();
}

// Checks that `value` is valid JSON all the way down, consuming arrays and objects. On Demand skips
// what a program does not read without validating it, and unknown fields are kept verbatim: without this
// check a record such as {"n": [tru]} would pass, and break whatever later parses the kept text.
simdjson::error_code validate(od::value& value, od::json_type type) noexcept {
  switch (type) {
    case od::json_type::array: {
      od::array array;
      if (auto error = value.get_array().get(array)) {
        return error;
      }
      for (auto element : array) {
        od::value child;
        od::json_type child_type{};
        if (auto error = std::move(element).get(child)) {
          return error;
        }
        if (auto error = child.type().get(child_type)) {
          return error;
        }
        if (auto error = validate(child, child_type)) {
          return error;
        }
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object object;
      if (auto error = value.get_object().get(object)) {
        return error;
      }
      for (auto member : object) {
        od::field field;
        std::string_view key;
        od::json_type child_type{};
        if (auto error = std::move(member).get(field)) {
          return error;
        }
        if (auto error = field.unescaped_key().get(key)) {  // checks the key's escapes
          return error;
        }
        if (auto error = field.value().type().get(child_type)) {
          return error;
        }
        if (auto error = validate(field.value(), child_type)) {
          return error;
        }
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view unescaped;
      return value.get_string().get(unescaped);  // checks escapes and surrogate pairs
    }
    case od::json_type::number: {
      bool is_integer = false;
      return is_json_number(trim_json_whitespace_right(value.raw_json_token()), &is_integer)
                 ? simdjson::SUCCESS
                 : simdjson::NUMBER_ERROR;
    }
    case od::json_type::boolean: {
      const std::string_view token = trim_json_whitespace_right(value.raw_json_token());
      if (token == "true" || token == "false") {
        return simdjson::SUCCESS;
      }
      return token.starts_with('t') ? simdjson::T_ATOM_ERROR : simdjson::F_ATOM_ERROR;
    }
    case od::json_type::null:
      return trim_json_whitespace_right(value.raw_json_token()) == "null" ? simdjson::SUCCESS
                                                                           : simdjson::N_ATOM_ERROR;
  }
  return simdjson::INCORRECT_TYPE;
}

Error record_error(ErrorCode code, std::string reason) { return Error{code, std::move(reason), {}, 0}; }

Error malformed(simdjson::error_code code, std::string_view field = {}) {
  std::string reason = "malformed JSON: ";
  std::string_view message = simdjson::error_message(code);
  if (message.ends_with('.')) {
    message.remove_suffix(1);
  }
  reason += message;
  if (!field.empty()) {
    reason += " (in field '";
    reason += field;
    reason += "')";
  }
  return record_error(ErrorCode::kMalformedJson, std::move(reason));
}

// A value quoted for a message, cut short (at a character boundary) when it is long.
std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t kMaxBytes = 80;
  std::string out = "\"";
  if (text.size() <= kMaxBytes) {
    out += text;
  } else {
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
      --cut;  // do not split a UTF-8 sequence
    }
    out += text.substr(0, cut);
    out += "...";
  }
  out += '"';
  return out;
}

}  // namespace

Error line_too_long(std::size_t size, std::size_t max_line_bytes) {
  return record_error(ErrorCode::kTooLarge, "record of " + std::to_string(size) + " bytes is over the line limit of " +
                                                std::to_string(max_line_bytes) + " bytes (raise it with --max-line-bytes)");
}

Error article_too_large(std::size_t size, std::size_t max_article_bytes) {
  return record_error(ErrorCode::kTooLarge, "article of " + std::to_string(size) +
                                                " bytes (title + text) is over the limit of " +
                                                std::to_string(max_article_bytes) +
                                                " bytes (raise it with --max-article-bytes)");
}

bool is_blank(std::string_view line) noexcept {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; });
}

std::optional<std::string> describe_invalid_utf8(std::string_view text) {
  const auto offset = find_invalid_utf8(text);
  if (!offset) return std::nullopt;
  return "invalid UTF-8 at byte " + std::to_string(*offset + 1);
}

struct JsonlRecordParser::Impl {
  od::parser parser;
  std::size_t max_article_bytes = ReadOptions{}.max_article_bytes;
  std::size_t max_line_bytes = ReadOptions{}.max_line_bytes;
  std::vector<char> padded;  // the line being parsed, followed by SIMDJSON_PADDING bytes

  Result<Article> parse(std::string_view line);
};

JsonlRecordParser::JsonlRecordParser() : m_impl(std::make_unique<Impl>()) {}
JsonlRecordParser::JsonlRecordParser(JsonlRecordParser&&) noexcept = default;
JsonlRecordParser& JsonlRecordParser::operator=(JsonlRecordParser&&) noexcept = default;
JsonlRecordParser::~JsonlRecordParser() = default;

Result<Article> JsonlRecordParser::parse(std::string_view line) { return m_impl->parse(line); }

void JsonlRecordParser::set_limits(std::size_t max_article_bytes, std::size_t max_line_bytes) noexcept {
  m_impl->max_article_bytes = max_article_bytes;
  m_impl->max_line_bytes = max_line_bytes;
}

Result<Article> JsonlRecordParser::Impl::parse(std::string_view line) {
  // Checked before anything else looks at the bytes: a huge record costs no parse, and one is never cut.
  if (line.size() > max_line_bytes) {
    return line_too_long(line.size(), max_line_bytes);
  }
  if (json_nesting_exceeds(line, kMaxJsonDepth)) {
    return record_error(ErrorCode::kMalformedJson, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                                       " levels (an article needs 2 or 3)");
  }
  if (auto reason = describe_invalid_utf8(line)) return record_error(ErrorCode::kInvalidUtf8, std::move(*reason));

  // simdjson reads up to SIMDJSON_PADDING bytes past the end; the buffer only ever grows.
  const std::size_t needed = line.size() + simdjson::SIMDJSON_PADDING;
  if (padded.size() < needed) {
    padded.resize(std::max(needed, padded.size() + padded.size() / 2));
  }
  std::memcpy(padded.data(), line.data(), line.size());
  std::memset(padded.data() + line.size(), ' ', simdjson::SIMDJSON_PADDING);

  od::document doc;
  if (auto error = parser.iterate(padded.data(), line.size(), padded.size()).get(doc)) {
    return malformed(error);
  }
  od::json_type root_type{};
  if (auto error = doc.type().get(root_type)) {
    return malformed(error);
  }
  if (root_type != od::json_type::object) {
    return record_error(ErrorCode::kMalformedJson, "line is not a JSON object");
  }
  od::object object;
  if (auto error = doc.get_object().get(object)) {
    return malformed(error);
  }

  Article article;
  // Type errors wait until the whole record is read: a later duplicate of the key may replace the value.
  std::array<std::optional<std::string>, kKnownCount> type_errors;
  bool has_id = false;
  bool has_text = false;

  for (auto member : object) {
    od::field field;
    std::string_view key;
    od::json_type type{};
    if (auto error = std::move(member).get(field)) {
      return malformed(error);
    }
    if (auto error = field.unescaped_key().get(key)) {
      return malformed(error);
    }
    od::value& value = field.value();
    if (auto error = value.type().get(type)) {
      return malformed(error, key);
    }

    const std::optional<Known> known = known_field(key);
    if (!known) {
      const std::string_view token = value.raw_json_token();
      if (auto error = validate(value, type)) {
        return malformed(error, key);
      }
      std::string_view json = trim_json_whitespace_right(token);
      if (type == od::json_type::array || type == od::json_type::object) {
        // A container's token is only its opening bracket; it ends where the iterator now stands.
        const char* end = nullptr;
        if (auto error = doc.current_location().get(end)) {
          return malformed(error, key);
        }
        json = trim_json_whitespace_right(std::string_view(token.data(), static_cast<std::size_t>(end - token.data())));
      }
      auto same_name = std::find_if(article.extra.begin(), article.extra.end(),
                                    [key](const ExtraField& extra) { return extra.name == key; });
      if (same_name != article.extra.end()) {
        same_name->json.assign(json);  // the last of duplicate keys wins, in the place of the first
      } else {
        article.extra.push_back(ExtraField{std::string(key), std::string(json)});
      }
      continue;
    }

    const auto index = static_cast<std::size_t>(*known);
    std::string& target = *string_member(article, *known);
    type_errors[index].reset();
    target.clear();
    bool present = false;
    if (type == od::json_type::string) {
      std::string_view text;
      if (auto error = value.get_string().get(text)) {
        return malformed(error, key);
      }
      target.assign(text);
      present = true;
    } else {
      const std::string_view token = trim_json_whitespace_right(value.raw_json_token());
      if (auto error = validate(value, type)) {
        return malformed(error, key);
      }
      bool is_integer = false;
      if (*known == Known::kId && type == od::json_type::number && is_json_number(token, &is_integer) &&
          is_integer) {
        target.assign(token);  // a JSON integer's text is its decimal string
        present = true;
      } else if (type != od::json_type::null) {
        type_errors[index] = *known == Known::kId ? "field 'id' must be a string or an integer"
                                                  : "field '" + std::string(key) + "' must be a string";
      }
    }
    if (*known == Known::kId) {
      has_id = present;
    } else if (*known == Known::kText) {
      has_text = present;
    }
  }
  // A second value after the object ({"a":1} {"b":2}) would otherwise go unnoticed.
  if (const char* rest = nullptr; !doc.current_location().get(rest)) {
    return malformed(simdjson::TRAILING_CONTENT);
  }

  for (auto& type_error : type_errors) {
    if (type_error) {
      return record_error(ErrorCode::kInvalidField, std::move(*type_error));
    }
  }
  if (!has_id) {
    return record_error(ErrorCode::kMissingField, "missing field 'id'");
  }
  if (article.id.empty()) {
    return record_error(ErrorCode::kMissingField, "field 'id' is empty");
  }
  if (!has_text) {
    return record_error(ErrorCode::kMissingField, "missing field 'text'");
  }
  if (article.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {  // nothing to analyse
    return record_error(ErrorCode::kMissingField, "field 'text' is empty");
  }
  if (const std::size_t size = article.title.size() + article.text.size(); size > max_article_bytes) {
    return article_too_large(size, max_article_bytes);
  }
  // An empty `published` is how many exporters say "unknown"; it is treated like an absent one.
  if (!article.published.empty()) {
    article.published_at = parse_iso8601(article.published);
    if (!article.published_at) {
      return record_error(ErrorCode::kInvalidField, "field 'published' is not an ISO-8601 date or date-time: " +
                                                        quoted_excerpt(article.published));
    }
  }
  return article;
}

}  // namespace storyline::detail
