#include "text/dateline.hpp"

#include <algorithm>
#include <string>

#include "storyline/text/dates.hpp"
#include "storyline/text/unicode.hpp"

namespace storyline::detail {
namespace {

// A credit is found this early or not at all: past it, a bracketed name and a dash are prose.
constexpr std::size_t kCreditWithin = 30;
constexpr std::size_t kLongestAgency = 3;  // "(Agence France-Presse)": words in the brackets

std::string_view trim_spaces(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_dash(std::string_view text) {
  return text == "-" || text == "--" || text == "\u2013" || text == "\u2014";
}

// The text between token `left` and token `left + 1`.
std::string_view gap(std::string_view text, std::span<const Token> tokens, std::size_t left) {
  return text.substr(tokens[left].end(), tokens[left + 1].offset - tokens[left].end());
}

// "(" before token `open`, up to kLongestAgency capitalised words, then ")" and a dash: the token after the
// credit, or `open` when there is none.
std::size_t after_credit(std::string_view text, std::span<const Token> tokens, std::size_t open,
                         std::size_t last) {
  if (open == 0 || trim_spaces(gap(text, tokens, open - 1)) != "(") return open;
  for (std::size_t close = open; close < last && close < open + kLongestAgency; ++close) {
    if (tokens[close].kind != TokenKind::kWord || !starts_with_capital(tokens[close].text)) return open;
    if (close + 1 >= last) return open;
    const std::string_view between = trim_spaces(gap(text, tokens, close));
    if (between.empty() || between == "-") continue;  // "Agence France-Presse" goes on
    if (between.front() != ')') return open;
    return is_dash(trim_spaces(between.substr(1))) ? close + 1 : open;
  }
  return open;
}

// Time zones and weekday abbreviations (dates.hpp), and the half of the day a timestamp names.
bool is_time_word(std::string_view folded) {
  return folded == "am" || folded == "pm" || is_clock_word(folded);
}

bool all_capitals(std::string_view word) {
  std::size_t letters = 0;
  for (const char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// What may come before a credit: a place in capitals first ("BEIRUT", "SAN JUAN, Puerto Rico", "UNITED
// NATIONS | Wed Nov 9, 2011 12:47 pm EST"), then capitalised words, numbers and clock words ("pm"). "The
// mayor (Labour) - who won ..." is prose.
bool dateline_place(std::span<const Token> tokens, std::size_t first, std::size_t open) {
  if (first == open) return true;
  if (!all_capitals(tokens[first].text)) return false;
  for (std::size_t i = first; i < open; ++i) {
    if (tokens[i].kind != TokenKind::kNumber && !starts_with_capital(tokens[i].text) &&
        !is_time_word(case_fold(tokens[i].text))) {
      return false;
    }
  }
  return true;
}

// The token after a leading timestamp ("Thursday 12 May 2005 12.21 BST", "Page last updated at 08:14 GMT,
// Tuesday, 8 November 2011"), or `first`.
std::size_t after_timestamp(std::span<const Token> tokens, std::size_t first, std::size_t last) {
  std::size_t next = first;
  bool number = false;
  bool calendar = false;
  bool stamp_words = false;  // "page", "last", "at": only around "updated" or "published"
  bool updated = false;
  for (; next < last; ++next) {
    if (tokens[next].kind == TokenKind::kNumber) {
      number = true;
      continue;
    }
    const std::string folded = case_fold(tokens[next].text);
    if (is_calendar_word(folded)) {
      calendar = true;
    } else if (folded == "updated" || folded == "published") {
      updated = true;
    } else if (folded == "page" || folded == "last" || folded == "at") {
      stamp_words = true;
    } else if (!is_time_word(folded)) {
      break;
    }
  }
  const bool stamp = number && calendar && next - first >= 3 && (updated || !stamp_words);
  return stamp ? next : first;
}

}  // namespace

std::size_t skip_dateline(std::string_view text, std::span<const Token> tokens, std::size_t first,
                          std::size_t last) {
  last = std::min(last, tokens.size());
  for (std::size_t open = first; open < last && open < first + kCreditWithin; ++open) {
    const std::size_t after = after_credit(text, tokens, open, last);
    if (after != open) return after < last && dateline_place(tokens, first, open) ? after : first;
  }
  const std::size_t after = after_timestamp(tokens, first, last);
  return after < last ? after : first;
}

}  // namespace storyline::detail
