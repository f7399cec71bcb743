// Private: the scanner behind find_dates (dates.cpp). It reads text as a stream of tokens (words,
// numbers, ordinals, punctuation) and marks the few words a date can be made of (months, weekdays,
// "ago", "last", ...); the recogniser in dates.cpp matches its patterns over that stream.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyline::detail::date_scan {

// Words the recogniser cares about. Everything else in the text is only a boundary.
enum class Word : std::uint8_t {
  kNone,
  kMonth,        // value: 1-12
  kMonthAbbrev,  // value: 1-12; needs a day or a year after it to count
  kWeekday,      // value: 0 (Sunday) - 6
  kCount,        // value: 1-12 ("one" .. "twelve", "a")
  kUnit,         // value: Unit
  kAgo,
  kToday,
  kYesterday,
  kTomorrow,
  kLast,
  kNext,
  kThis,
  kEarlier,
  kLater,
  kEarly,
  kLate,
  kMid,
  kOf,
  kThe,
  kPreposition,  // value: kMonthCue | kYearCue
  kFuture,       // "will", "would", "scheduled": a lone weekday after it in the sentence lies ahead
};

enum Unit : std::uint8_t { kUnitDay, kUnitWeek, kUnitMonth, kUnitYear };

// Which bare expressions a preposition may introduce: "in June" and "in 2019", but "of 2019" only.
constexpr std::uint8_t kMonthCue = 1;
constexpr std::uint8_t kYearCue = 2;
constexpr std::uint8_t kBothCues = kMonthCue | kYearCue;

struct Keyword {
  std::string_view name;
  Word word;
  std::uint8_t value;
};

// The keyword that `lower` (a word already in lower case) is, or null.
const Keyword* find_keyword(std::string_view lower) noexcept;

// Tokens. Words, numbers and ordinals are maximal runs of ASCII letters, digits and non-ASCII bytes,
// so "2018abc" or an accented "Juné" never look like a date; any other ASCII character is a token.

enum class TokenKind : std::uint8_t { kEnd, kWord, kNumber, kOrdinal, kPunct, kOther };

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::kEnd;
  Word word = Word::kNone;
  std::uint8_t value = 0;    // see Word
  bool capitalised = false;  // first letter upper case
  char punct = 0;            // kPunct: the character, with Unicode dashes and apostrophes folded
  std::size_t digits = 0;    // kNumber, kOrdinal
  int number = -1;           // kNumber, kOrdinal: the value when at most four digits
};

// Whether two tokens touch, with nothing between them ("U.S.", "May's").
inline bool glued(const Token& left, const Token& right) noexcept { return left.end == right.begin; }
inline bool is_punct(const Token& token, char c) noexcept {
  return token.kind == TokenKind::kPunct && token.punct == c;
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads the token at or after `pos` and moves `pos` past it.
Token scan_token(std::string_view text, std::size_t& pos) noexcept;

// A bounded look-ahead over the token stream plus the two tokens before it, so each pattern can peek
// a few tokens ahead while the whole scan stays linear and allocation-free.
class TokenWindow {
 public:
  static constexpr std::size_t kSize = 16;

  explicit TokenWindow(std::string_view text) noexcept : m_text(text) {}

  // Tokens past the window's reach read as the end of the text, which no pattern accepts.
  const Token& operator[](std::size_t i) noexcept {
    if (i >= kSize) {
      return m_end;
    }
    while (m_count <= i) {
      m_ring[(m_head + m_count) % kRing] = scan_token(m_text, m_pos);
      ++m_count;
    }
    return m_ring[(m_head + i) % kRing];
  }

  // before(0) is the token just ahead of [0]; kEnd at the start of the text.
  [[nodiscard]] const Token& before(std::size_t i) const noexcept {
    return m_ring[(m_head + kRing - 1 - i) % kRing];
  }

  void advance(std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
      (void)(*this)[0];
      m_head = (m_head + 1) % kRing;
      --m_count;
    }
  }

 private:
  // The ring keeps the two tokens before [0] behind the window, where look-ahead (at most kSize tokens)
  // never reaches, so advancing copies no token.
  static constexpr std::size_t kRing = 2 * kSize;

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::array<Token, kRing> m_ring{};
  std::size_t m_head = 0;
  std::size_t m_count = 0;
  Token m_end{};
};

}  // namespace storyline::detail::date_scan
