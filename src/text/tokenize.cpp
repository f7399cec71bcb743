#include "storyline/text/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>

#include "text/ascii.hpp"
#include "text/word_break.hpp"

namespace storyline {
namespace {

// A dot after "U.S", "Mr" or "Gen" abbreviates rather than ends a sentence; telling the two apart
// fully needs a sentence model, and short capitalised words before a dot are mostly abbreviations.
bool is_abbreviation(std::string_view word) noexcept {
  const bool short_capitalised = word.size() <= 3 && word.front() >= 'A' && word.front() <= 'Z';
  return short_capitalised || word.find('.') != std::string_view::npos;
}

// Bytes between two tokens that end a sentence: terminal punctuation or a line break. A closing quote
// or bracket may follow the punctuation ("...," he said." / "(Yonhap)").
bool ends_sentence(std::string_view gap, std::string_view previous_word) noexcept {
  // One pass: gaps are mostly a single space, and this runs for every token.
  bool dot = false;
  for (const char c : gap) {
    if (c == '\n' || c == '!' || c == '?') return true;
    dot = dot || c == '.';
  }
  return dot && !is_abbreviation(previous_word);
}

// Both segmenters report tokens through here, so that sentence starts are decided one way.
void append_token(std::string_view text, std::size_t begin, std::size_t end, TokenKind kind,
                  std::vector<Token>& out) {
  Token token;
  token.text = text.substr(begin, end - begin);
  token.offset = begin;
  token.kind = kind;
  const std::size_t previous_end = out.empty() ? 0 : out.back().end();
  token.sentence_start =
      out.empty() || ends_sentence(text.substr(previous_end, begin - previous_end), out.back().text);
  out.push_back(token);
}

// ICU's root word rules (UAX #29) sort each ASCII character into one of these classes; every other
// ASCII character, whitespace and ':' included, only separates words. '@' counts as a letter in ICU's
// root rules, so "@handle" and "a@b.com" stay whole. Should a new ICU change its rules, tokenize_test,
// which compares the scanner with the ICU it runs against on every short string, says so.
enum class WordBreak : std::uint8_t {
  kOther,
  kLetter,        // A-Z a-z @
  kNumeric,       // 0-9
  kMidNum,        // , ;  joins two digits: "28,500"
  kMidNumLet,     // . '  joins two letters or two digits: "U.S", "don't", "3.5"
  kExtendNumLet,  // _    joins anything: "snake_case", "__"
};

constexpr std::array<WordBreak, 128> kWordBreak = [] {
  std::array<WordBreak, 128> table{};
  const auto set = [&table](char c, WordBreak wb) { table[static_cast<std::size_t>(c)] = wb; };
  for (char c = 'a'; c <= 'z'; ++c) set(c, WordBreak::kLetter);
  for (char c = 'A'; c <= 'Z'; ++c) set(c, WordBreak::kLetter);
  set('@', WordBreak::kLetter);
  for (char c = '0'; c <= '9'; ++c) set(c, WordBreak::kNumeric);
  set(',', WordBreak::kMidNum);
  set(';', WordBreak::kMidNum);
  set('.', WordBreak::kMidNumLet);
  set('\'', WordBreak::kMidNumLet);
  set('_', WordBreak::kExtendNumLet);
  return table;
}();

WordBreak word_break(char c) noexcept { return kWordBreak[static_cast<unsigned char>(c) & 0x7F]; }

bool is_word_part(WordBreak wb) noexcept {
  return wb == WordBreak::kLetter || wb == WordBreak::kNumeric || wb == WordBreak::kExtendNumLet;
}

// One BreakIterator per thread for the reference path; cloning ICU's rules per call would dominate.
icu::BreakIterator* thread_word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_FAILURE(status) ? nullptr : std::move(created);
  }();
  return words.get();
}

void tokenize_icu(icu::BreakIterator& words, std::string_view text, std::vector<Token>& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: ICU then reports native (byte) offsets and no UTF-16 copy is made.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  words.setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return;
  }
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int32_t status_tag = words.getRuleStatus();
    if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    append_token(text, static_cast<std::size_t>(start), static_cast<std::size_t>(end),
                 status_tag < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber : TokenKind::kWord, out);
  }
  utext_close(utext);
}

}  // namespace

namespace detail {

void tokenize_ascii(std::string_view text, std::vector<Token>& out) {
  out.clear();
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    WordBreak previous = word_break(text[i]);
    if (!is_word_part(previous)) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    // ICU tags a word with the status of the last rule that extended it, so the pair of characters it
    // ends with decides: "a1" is a number and "1a" a word; after '_' the character before it decides
    // ("1_" is a number), except that "__" is tagged a word ("1__" too). A lone '_' has no tag at all.
    enum class Tag : std::uint8_t { kNone, kWord, kNumber };
    const auto tag_of = [](WordBreak before, WordBreak last) {
      if (last == WordBreak::kNumeric) return Tag::kNumber;
      if (last == WordBreak::kLetter) return Tag::kWord;
      return before == WordBreak::kNumeric ? Tag::kNumber : Tag::kWord;  // last is '_'
    };
    Tag tag = previous == WordBreak::kLetter    ? Tag::kWord
              : previous == WordBreak::kNumeric ? Tag::kNumber
                                                : Tag::kNone;
    ++i;
    while (i < size) {
      WordBreak next = word_break(text[i]);
      if (next == WordBreak::kLetter) {  // most of a word: take the run of letters at once
        i += detail::ascii_letter_run(text.substr(i), /*at_is_letter=*/true);
        tag = Tag::kWord;
        previous = WordBreak::kLetter;
        if (i == size) break;
        next = word_break(text[i]);
      }
      if (is_word_part(next)) {  // WB5, WB8-WB10, WB13a-b: letters, digits and '_' join in any order
        tag = tag_of(previous, next);
        previous = next;
        ++i;
        continue;
      }
      if ((next != WordBreak::kMidNum && next != WordBreak::kMidNumLet) || i + 1 >= size) break;
      const WordBreak after = word_break(text[i + 1]);
      // WB6-WB7: "don't", "U.S"; WB11-WB12: "28,500", "3.5". The middle character must sit between
      // two letters or two digits, not next to a '_'.
      const bool letters =
          next == WordBreak::kMidNumLet && previous == WordBreak::kLetter && after == WordBreak::kLetter;
      const bool digits = previous == WordBreak::kNumeric && after == WordBreak::kNumeric;
      if (!letters && !digits) break;
      tag = tag_of(next, after);
      previous = after;
      i += 2;
    }
    if (tag == Tag::kNone) continue;
    append_token(text, begin, i, tag == Tag::kNumber ? TokenKind::kNumber : TokenKind::kWord, out);
  }
}

void tokenize_with_icu(std::string_view text, std::vector<Token>& out) {
  icu::BreakIterator* words = thread_word_iterator();
  if (words == nullptr) {
    out.clear();
    return;
  }
  tokenize_icu(*words, text, out);
}

}  // namespace detail

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's rules are language-neutral; dictionary scripts (Thai, CJK) are handled by ICU.
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words) {
    return Error{ErrorCode::kInternal, std::string("ICU word break rules unavailable: ") + u_errorName(status)};
  }
  auto impl = std::make_unique<Impl>();
  impl->words = std::move(words);
  return Tokenizer(std::move(impl));
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) {
  // ICU's rule machine cost about an eighth of an article's analysis; for ASCII text the scanner gives
  // the same tokens (see word_break.hpp).
  if (detail::is_ascii(text)) {
    detail::tokenize_ascii(text, out);
    return;
  }
  tokenize_icu(*m_impl->words, text, out);
}

}  // namespace storyline
