#include "storyline/text/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"
#include "text/flat_table.hpp"
#include "text/lexicon.hpp"

namespace storyline {

namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::months;
using std::chrono::year;
using std::chrono::year_month;
using std::chrono::year_month_day;
using std::chrono::years;

// ---------------------------------------------------------------------------------------------------
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

// Sorted for binary search; the static_assert below keeps it that way.
constexpr auto kKeywords = std::to_array<Keyword>({
    {"a", Word::kCount, 1},
    {"after", Word::kPreposition, kYearCue},
    {"ago", Word::kAgo, 0},
    {"apr", Word::kMonthAbbrev, 4},
    {"april", Word::kMonth, 4},
    {"aug", Word::kMonthAbbrev, 8},
    {"august", Word::kMonth, 8},
    {"before", Word::kPreposition, kYearCue},
    {"by", Word::kPreposition, kBothCues},
    {"day", Word::kUnit, kUnitDay},
    {"days", Word::kUnit, kUnitDay},
    {"dec", Word::kMonthAbbrev, 12},
    {"december", Word::kMonth, 12},
    {"due", Word::kFuture, 0},
    {"during", Word::kPreposition, kYearCue},
    {"earlier", Word::kEarlier, 0},
    {"early", Word::kEarly, 0},
    {"eight", Word::kCount, 8},
    {"eleven", Word::kCount, 11},
    {"expected", Word::kFuture, 0},
    {"feb", Word::kMonthAbbrev, 2},
    {"february", Word::kMonth, 2},
    {"five", Word::kCount, 5},
    {"four", Word::kCount, 4},
    {"friday", Word::kWeekday, 5},
    {"from", Word::kPreposition, kYearCue},
    {"in", Word::kPreposition, kBothCues},
    {"jan", Word::kMonthAbbrev, 1},
    {"january", Word::kMonth, 1},
    {"jul", Word::kMonthAbbrev, 7},
    {"july", Word::kMonth, 7},
    {"jun", Word::kMonthAbbrev, 6},
    {"june", Word::kMonth, 6},
    {"last", Word::kLast, 0},
    {"late", Word::kLate, 0},
    {"later", Word::kLater, 0},
    {"mar", Word::kMonthAbbrev, 3},
    {"march", Word::kMonth, 3},
    {"may", Word::kMonth, 5},
    {"mid", Word::kMid, 0},
    {"monday", Word::kWeekday, 1},
    {"month", Word::kUnit, kUnitMonth},
    {"months", Word::kUnit, kUnitMonth},
    {"next", Word::kNext, 0},
    {"nine", Word::kCount, 9},
    {"nov", Word::kMonthAbbrev, 11},
    {"november", Word::kMonth, 11},
    {"oct", Word::kMonthAbbrev, 10},
    {"october", Word::kMonth, 10},
    {"of", Word::kOf, 0},
    {"on", Word::kPreposition, kMonthCue},
    {"one", Word::kCount, 1},
    {"planned", Word::kFuture, 0},
    {"saturday", Word::kWeekday, 6},
    {"scheduled", Word::kFuture, 0},
    {"sep", Word::kMonthAbbrev, 9},
    {"sept", Word::kMonthAbbrev, 9},
    {"september", Word::kMonth, 9},
    {"seven", Word::kCount, 7},
    {"shall", Word::kFuture, 0},
    {"since", Word::kPreposition, kBothCues},
    {"six", Word::kCount, 6},
    {"sunday", Word::kWeekday, 0},
    {"ten", Word::kCount, 10},
    {"the", Word::kThe, 0},
    {"this", Word::kThis, 0},
    {"three", Word::kCount, 3},
    {"thursday", Word::kWeekday, 4},
    {"till", Word::kPreposition, kBothCues},
    {"to", Word::kPreposition, kYearCue},
    {"today", Word::kToday, 0},
    {"tomorrow", Word::kTomorrow, 0},
    {"tuesday", Word::kWeekday, 2},
    {"twelve", Word::kCount, 12},
    {"two", Word::kCount, 2},
    {"until", Word::kPreposition, kBothCues},
    {"wednesday", Word::kWeekday, 3},
    {"week", Word::kUnit, kUnitWeek},
    {"weeks", Word::kUnit, kUnitWeek},
    {"will", Word::kFuture, 0},
    {"would", Word::kFuture, 0},
    {"year", Word::kUnit, kUnitYear},
    {"years", Word::kUnit, kUnitYear},
    {"yesterday", Word::kYesterday, 0},
});
static_assert(std::ranges::is_sorted(kKeywords, {}, &Keyword::name));

// Longer than any keyword: such words are never looked up, and the others pack into two integers.
constexpr std::size_t kMaxKeywordLength = 12;

static_assert(std::ranges::all_of(kKeywords, [](const Keyword& k) {
  return !k.name.empty() && k.name.size() <= kMaxKeywordLength && k.name.front() >= 'a' &&
         k.name.front() <= 'z';
}));

// Every word of an article is looked up, so the lookup avoids string comparisons: a word is packed into
// two integers, hashed into a table where no two keywords collide, and compared with the one keyword it
// may be.
struct PackedWord {
  std::uint64_t low = 0;   // bytes 0-7
  std::uint64_t high = 0;  // bytes 8-15
  std::size_t size = 0;
  friend constexpr bool operator==(const PackedWord&, const PackedWord&) = default;
};

constexpr PackedWord pack_word(std::string_view word) noexcept {  // word.size() <= 16
  PackedWord packed;
  packed.size = word.size();
  for (std::size_t i = 0; i < word.size(); ++i) {
    const std::uint64_t byte = static_cast<unsigned char>(word[i]);
    if (i < 8) {
      packed.low |= byte << (8 * i);
    } else {
      packed.high |= byte << (8 * (i - 8));
    }
  }
  return packed;
}

constexpr auto kPackedKeywords = [] {
  std::array<PackedWord, kKeywords.size()> packed{};
  for (std::size_t i = 0; i < kKeywords.size(); ++i) packed[i] = pack_word(kKeywords[i].name);
  return packed;
}();

constexpr std::size_t kKeywordSlotBits = 10;

constexpr std::size_t keyword_slot(const PackedWord& word, std::uint64_t multiplier) noexcept {
  const std::uint64_t mixed = word.low ^ (word.high * 0x9E3779B97F4A7C15ULL) ^ word.size;
  return static_cast<std::size_t>((mixed * multiplier) >> (64 - kKeywordSlotBits));
}

// The first multiplier of a fixed pseudo-random sequence under which the keywords take distinct slots
// (about one in twenty does).
constexpr std::uint64_t kKeywordMultiplier = [] {
  for (std::uint64_t state = 0x853C49E6748FEA9BULL;;
       state = state * 6364136223846793005ULL + 1442695040888963407ULL) {
    const std::uint64_t multiplier = state | 1;
    std::array<bool, std::size_t{1} << kKeywordSlotBits> used{};
    bool distinct = true;
    for (const PackedWord& keyword : kPackedKeywords) {
      const std::size_t slot = keyword_slot(keyword, multiplier);
      distinct = distinct && !used[slot];
      used[slot] = true;
    }
    if (distinct) return multiplier;
  }
}();

// Slot -> index into kKeywords + 1 (0: no keyword).
constexpr auto kKeywordSlots = [] {
  std::array<std::uint8_t, std::size_t{1} << kKeywordSlotBits> slots{};
  for (std::size_t i = 0; i < kPackedKeywords.size(); ++i) {
    slots[keyword_slot(kPackedKeywords[i], kKeywordMultiplier)] = static_cast<std::uint8_t>(i + 1);
  }
  return slots;
}();
static_assert(kKeywords.size() < 255);

inline const Keyword* find_packed_keyword(const PackedWord& packed) noexcept {
  const std::size_t index = kKeywordSlots[keyword_slot(packed, kKeywordMultiplier)];
  return index != 0 && kPackedKeywords[index - 1] == packed ? &kKeywords[index - 1] : nullptr;
}

const Keyword* find_keyword(std::string_view lower) noexcept {
  if (lower.size() > kMaxKeywordLength) return nullptr;
  return find_packed_keyword(pack_word(lower));
}

// ---------------------------------------------------------------------------------------------------
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

bool glued(const Token& left, const Token& right) noexcept { return left.end == right.begin; }
bool is_punct(const Token& token, char c) noexcept {
  return token.kind == TokenKind::kPunct && token.punct == c;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) noexcept { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_high(char c) noexcept { return static_cast<unsigned char>(c) >= 0x80; }
char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Byte length of the whitespace at `pos`, or 0. News text is full of no-break and thin spaces
// ("June 12,\u00a02018"), which must separate words just like ASCII spaces.
std::size_t space_length(std::string_view text, std::size_t pos) noexcept {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return 1;
  }
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("\xC2\xA0")) {
    return 2;
  }
  if (rest.size() >= 3 && rest.starts_with("\xE2\x80")) {
    const auto third = static_cast<unsigned char>(rest[2]);
    if (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) {
      return 3;
    }
  }
  return 0;
}

// Unicode dashes and right single quotes play the role of '-' and '\'' ("12–14 June", "May’s").
std::pair<std::size_t, char> unicode_punct(std::string_view text, std::size_t pos) noexcept {
  const std::string_view rest = text.substr(pos);
  if (rest.size() < 3 || !rest.starts_with("\xE2\x80")) {
    return {0, 0};
  }
  switch (static_cast<unsigned char>(rest[2])) {
    case 0x93:
    case 0x94:
      return {3, '-'};
    case 0x98:
    case 0x99:
      return {3, '\''};
    default:
      return {0, 0};
  }
}

bool is_ordinal_suffix(std::string_view suffix) noexcept {
  if (suffix.size() != 2) {
    return false;
  }
  const std::array<char, 2> s{to_lower(suffix[0]), to_lower(suffix[1])};
  const std::string_view lower{s.data(), s.size()};
  return lower == "st" || lower == "nd" || lower == "rd" || lower == "th";
}

void classify_word(std::string_view run, Token& token) noexcept {
  token.kind = TokenKind::kWord;
  token.capitalised = is_upper(run.front());
  if (run.size() > kMaxKeywordLength) {
    return;
  }
  // The run is letters only, so setting bit 5 of each of its bytes lower-cases it; packing first keeps
  // the word in registers.
  const auto lower_bits = [](std::size_t bytes) { return 0x2020202020202020ULL >> (8 * (8 - bytes)); };
  PackedWord packed;
  packed.size = run.size();
  const std::size_t head = std::min<std::size_t>(run.size(), 8);
  packed.low = detail::pack_short_word(run.substr(0, head)) | lower_bits(head);
  if (run.size() > 8) packed.high = detail::pack_short_word(run.substr(8)) | lower_bits(run.size() - 8);
  if (const Keyword* keyword = find_packed_keyword(packed)) {
    token.word = keyword->word;
    token.value = keyword->value;
  }
}

void classify_number(std::string_view run, std::size_t digits, Token& token) noexcept {
  token.digits = digits;
  if (digits <= 4) {
    token.number = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      token.number = token.number * 10 + (run[i] - '0');
    }
  }
  if (digits == run.size()) {
    token.kind = TokenKind::kNumber;
  } else if (digits <= 2 && is_ordinal_suffix(run.substr(digits))) {
    token.kind = TokenKind::kOrdinal;
  } else {
    token.kind = TokenKind::kOther;
  }
}

// `letters_only`: the run has no digit and no non-ASCII byte (scan_token knows it already).
void classify_run(std::string_view run, bool letters_only, Token& token) noexcept {
  if (letters_only) {
    classify_word(run, token);
    return;
  }
  std::size_t leading_digits = 0;
  while (leading_digits < run.size() && is_digit(run[leading_digits])) {
    ++leading_digits;
  }
  if (leading_digits > 0 && std::ranges::all_of(run.substr(leading_digits), is_alpha)) {
    classify_number(run, leading_digits, token);
  } else {
    token.kind = TokenKind::kOther;
  }
}

// Reads the token at or after `pos` and moves `pos` past it.
Token scan_token(std::string_view text, std::size_t& pos) noexcept {
  while (pos < text.size()) {
    if (text[pos] == ' ') {  // the usual gap, without a call
      ++pos;
      continue;
    }
    const std::size_t length = space_length(text, pos);
    if (length == 0) {
      break;
    }
    pos += length;
  }
  Token token;
  token.begin = pos;
  token.end = pos;
  if (pos == text.size()) {
    return token;
  }
  const char c = text[pos];
  if (!is_alpha(c) && !is_digit(c) && !is_high(c)) {
    token.kind = TokenKind::kPunct;
    token.punct = c;
    token.end = ++pos;
    return token;
  }
  if (is_high(c)) {  // only a non-ASCII byte can start a Unicode dash or quote
    if (const auto [length, folded] = unicode_punct(text, pos); length > 0) {
      token.kind = TokenKind::kPunct;
      token.punct = folded;
      pos += length;
      token.end = pos;
      return token;
    }
  }
  bool letters_only = true;
  while (pos < text.size()) {
    pos += detail::ascii_letter_run(text.substr(pos), /*at_is_letter=*/false);
    if (pos == text.size()) break;
    const char b = text[pos];
    const bool part_of_run =
        is_digit(b) || (is_high(b) && space_length(text, pos) == 0 && unicode_punct(text, pos).first == 0);
    if (!part_of_run) {
      break;
    }
    letters_only = false;
    ++pos;
  }
  token.end = pos;
  classify_run(text.substr(token.begin, token.end - token.begin), letters_only, token);
  return token;
}

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

// ---------------------------------------------------------------------------------------------------
// Calendar helpers.

std::optional<Day> make_day(int y, unsigned m, unsigned d) noexcept {
  const year_month_day ymd{year{y}, month{m}, std::chrono::day{d}};
  return ymd.ok() ? std::optional<Day>{Day{ymd}} : std::nullopt;
}

Day first_of_month(year_month ym) noexcept { return Day{ym / 1}; }
Day first_of_year(year y) noexcept { return Day{y / 1 / 1}; }

// A day-and-month without a year: the year that puts it nearest the publication day, but no more
// than about six months ahead, since news mostly looks back and only a little forward.
std::optional<Day> nearest_year_day(unsigned m, unsigned d, Day published) noexcept {
  constexpr long kMaxAhead = 183;
  const int published_year = static_cast<int>(year_month_day{published}.year());
  std::optional<Day> best;
  long best_distance = 0;
  for (int y = published_year - 1; y <= published_year + 1; ++y) {
    const auto candidate = make_day(y, m, d);
    if (!candidate) {
      continue;
    }
    const long ahead = (*candidate - published).count();
    if (ahead > kMaxAhead) {
      continue;
    }
    if (!best || std::labs(ahead) < best_distance) {
      best = candidate;
      best_distance = std::labs(ahead);
    }
  }
  return best;
}

// Which occurrence a month name without a year means relative to the publication month.
enum class Lean : std::uint8_t {
  kCurrent,  // "in June": the latest one not after the publication month (that month included)
  kPast,     // "last June": the latest one strictly before it
  kFuture,   // "next June": the first one strictly after it
};

Day resolve_month(unsigned m, Lean lean, Day published) noexcept {
  const year_month_day ymd{published};
  const auto current = static_cast<unsigned>(ymd.month());
  year y = ymd.year();
  if ((lean == Lean::kCurrent && m > current) || (lean == Lean::kPast && m >= current)) {
    --y;
  } else if (lean == Lean::kFuture && m <= current) {
    ++y;
  }
  return first_of_month(y / month{m});
}

// ---------------------------------------------------------------------------------------------------
// Patterns.

struct Found {
  std::size_t tokens = 0;  // window tokens the mention consumes; at least 1
  std::size_t end = 0;     // byte offset just past the mention's text
  Day date{};
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;
};

// What a month-first or day-first phrase said before any resolution. Zero means "not given".
struct CalendarParts {
  std::size_t next = 0;  // window index after the phrase
  std::size_t end = 0;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

constexpr int kMinFullDateYear = 1000;
constexpr int kMaxFullDateYear = 2999;
// A bare year needs a cue and a plausible range: numbers like "in 2500 cases" are common.
constexpr int kMinBareYear = 1900;
constexpr int kMaxBareYear = 2100;
constexpr int kMaxAgoCount = 999;

class Recogniser {
 public:
  Recogniser(std::string_view text, std::optional<Day> published) noexcept
      : m_text(text), m_window(text), m_published(published) {}

  std::optional<DateMention> next() {
    while (m_window[0].kind != TokenKind::kEnd) {
      note_tense(m_window[0]);
      if (const auto found = match_here()) {
        const std::size_t begin = m_window[0].begin;
        m_window.advance(found->tokens);
        return DateMention{std::string{m_text.substr(begin, found->end - begin)}, found->date,
                           found->precision, found->relative, begin};
      }
      m_window.advance(1);
    }
    return std::nullopt;
  }

 private:
  std::optional<Found> match_here() {
    const Token& token = m_window[0];
    if (token.kind == TokenKind::kNumber || token.kind == TokenKind::kOrdinal) {
      return match_number();
    }
    if (token.kind != TokenKind::kWord) {
      return std::nullopt;
    }
    switch (token.word) {
      case Word::kMonth:
      case Word::kMonthAbbrev:
        return match_month();
      case Word::kWeekday:
        return match_weekday();
      case Word::kCount:
        return match_ago();
      case Word::kToday:
        return relative_day(1, days{0});
      case Word::kYesterday:
        return relative_day(1, days{-1});
      case Word::kTomorrow:
        return relative_day(1, days{1});
      case Word::kLast:
      case Word::kNext:
      case Word::kThis:
        return match_shift();
      case Word::kEarlier:
      case Word::kLater:
        return match_earlier_later();
      case Word::kEarly:
      case Word::kLate:
      case Word::kMid:
        return match_modifier();
      default:
        return std::nullopt;
    }
  }

  std::optional<Found> match_number() {
    if (!starts_cleanly()) {
      return std::nullopt;
    }
    if (auto found = match_iso()) {
      return found;
    }
    if (const auto parts = parse_day_first(0)) {
      return resolve_dated(*parts);
    }
    if (auto found = match_ago()) {
      return found;
    }
    return match_cued_year();
  }

  // --- token predicates -----------------------------------------------------------------------

  // A number glued to what precedes it is the tail of something else: "1.5 years", "2017-2019".
  bool starts_cleanly() noexcept {
    const Token& previous = m_window.before(0);
    if (!glued(previous, m_window[0]) || previous.kind != TokenKind::kPunct) {
      return true;
    }
    return previous.punct != '.' && previous.punct != ',' && previous.punct != '-' && previous.punct != '/' &&
           previous.punct != ':';
  }

  // A number glued to what follows is the head of something else: "2019-20", "12:30", "1,200", "2%".
  bool ends_cleanly(std::size_t i) noexcept {
    const Token& next = m_window[i + 1];
    if (!glued(m_window[i], next) || next.kind != TokenKind::kPunct) {
      return true;
    }
    switch (next.punct) {
      case '-':
      case '/':
      case ':':
      case '%':
        return false;
      case '.':
      case ',': {
        const Token& after = m_window[i + 2];
        return !(glued(next, after) && after.kind == TokenKind::kNumber);
      }
      default:
        return true;
    }
  }

  bool is_month(std::size_t i) noexcept {
    const Token& token = m_window[i];
    return (token.word == Word::kMonth || token.word == Word::kMonthAbbrev) && token.capitalised;
  }

  bool is_full_month(std::size_t i) noexcept {
    return m_window[i].word == Word::kMonth && m_window[i].capitalised;
  }

  bool is_weekday(std::size_t i) noexcept {
    return m_window[i].word == Word::kWeekday && m_window[i].capitalised;
  }

  bool is_day(std::size_t i) noexcept {
    const Token& token = m_window[i];
    const bool shaped =
        token.kind == TokenKind::kOrdinal || (token.kind == TokenKind::kNumber && token.digits <= 2);
    return shaped && token.number >= 1 && token.number <= 31;
  }

  bool is_year(std::size_t i, int min_year, int max_year) noexcept {
    const Token& token = m_window[i];
    return token.kind == TokenKind::kNumber && token.digits == 4 && token.number >= min_year &&
           token.number <= max_year && ends_cleanly(i);
  }

  bool is_unit(std::size_t i, Unit unit) noexcept {
    return m_window[i].word == Word::kUnit && m_window[i].value == unit;
  }

  // "Theresa May said", "in May's view": the name, not the month. Only matters for a bare "May".
  bool is_person_may(std::size_t i) noexcept {
    if (m_window[i].value != 5) {
      return false;
    }
    const Token& next = m_window[i + 1];
    if (is_punct(next, '\'') && glued(m_window[i], next)) {
      return true;
    }
    if (next.kind != TokenKind::kWord || next.capitalised) {
      return false;
    }
    constexpr std::array<std::string_view, 9> kVerbs{"said", "says", "told", "has",  "had",
                                                     "is",   "was",  "will", "would"};
    const std::string_view word = m_text.substr(next.begin, next.end - next.begin);
    return std::ranges::find(kVerbs, word) != kVerbs.end();
  }

  // --- calendar phrases -----------------------------------------------------------------------

  // "June 12, 2018", "Jun. 12 2018", "June 12-14, 2018", "June 12", "June 2018", "February of 2019",
  // "June" (the caller decides whether a bare month counts).
  std::optional<CalendarParts> parse_month_first(std::size_t i) {
    if (!is_month(i)) {
      return std::nullopt;
    }
    CalendarParts parts{i + 1, m_window[i].end, 0, m_window[i].value, 0};
    std::size_t j = i + 1;
    if (m_window[i].word == Word::kMonthAbbrev && is_punct(m_window[j], '.') &&
        glued(m_window[i], m_window[j])) {
      ++j;
    }
    if (is_day(j)) {
      return parse_day_after_month(j, parts);
    }
    std::size_t k = j;
    if (is_punct(m_window[k], ',') || m_window[k].word == Word::kOf) {
      ++k;
    }
    // Without a day the phrase is less distinctive ("June 1500 troops"), so the year range is narrower.
    if (is_year(k, kMinBareYear, kMaxBareYear)) {
      parts.year = m_window[k].number;
      parts.end = m_window[k].end;
      parts.next = k + 1;
      return parts;
    }
    // A number that is neither a day nor a year ("June 40") means this is no date at all.
    const TokenKind after = m_window[i + 1].kind;
    if (m_window[i].word != Word::kMonth || after == TokenKind::kNumber || after == TokenKind::kOrdinal) {
      return std::nullopt;
    }
    return parts;
  }

  std::optional<CalendarParts> parse_day_after_month(std::size_t j, CalendarParts parts) {
    parts.day = static_cast<unsigned>(m_window[j].number);
    std::size_t last = j;
    // A range such as "June 12-14": the mention starts on its first day.
    if (is_punct(m_window[j + 1], '-') && glued(m_window[j], m_window[j + 1]) && is_day(j + 2) &&
        glued(m_window[j + 1], m_window[j + 2])) {
      last = j + 2;
    }
    if (!ends_cleanly(last)) {
      return std::nullopt;
    }
    parts.end = m_window[last].end;
    parts.next = last + 1;
    std::size_t k = last + 1;
    if (is_punct(m_window[k], ',')) {
      ++k;
    }
    if (is_year(k, kMinFullDateYear, kMaxFullDateYear)) {
      parts.year = m_window[k].number;
      parts.end = m_window[k].end;
      parts.next = k + 1;
    }
    return parts;
  }

  // "12 June 2018", "12th of June, 2018", "12 Jun. 2018", "12 June".
  std::optional<CalendarParts> parse_day_first(std::size_t i) {
    if (!is_day(i) || !ends_cleanly(i)) {
      return std::nullopt;
    }
    std::size_t j = i + 1;
    if (m_window[j].word == Word::kOf) {
      ++j;
    }
    if (!is_month(j)) {
      return std::nullopt;
    }
    CalendarParts parts{j + 1, m_window[j].end, 0, m_window[j].value,
                        static_cast<unsigned>(m_window[i].number)};
    std::size_t k = j + 1;
    if (m_window[j].word == Word::kMonthAbbrev && is_punct(m_window[k], '.') &&
        glued(m_window[j], m_window[k])) {
      ++k;
    }
    if (is_punct(m_window[k], ',')) {
      ++k;
    }
    if (is_year(k, kMinFullDateYear, kMaxFullDateYear)) {
      parts.year = m_window[k].number;
      parts.end = m_window[k].end;
      parts.next = k + 1;
    }
    return parts;
  }

  // A phrase with a day: absolute with a year, otherwise placed near the publication day.
  [[nodiscard]] std::optional<Found> resolve_dated(const CalendarParts& parts) const noexcept {
    Found found{parts.next, parts.end, {}, DatePrecision::kDay, parts.year == 0};
    std::optional<Day> day;
    if (parts.year != 0) {
      day = make_day(parts.year, parts.month, parts.day);
    } else if (m_published) {
      day = nearest_year_day(parts.month, parts.day, *m_published);
    }
    if (!day) {
      return std::nullopt;
    }
    found.date = *day;
    return found;
  }

  // A phrase without a day: "June 2018", or a bare month placed by `lean`.
  [[nodiscard]] std::optional<Found> resolve_month_phrase(const CalendarParts& parts,
                                                          Lean lean) const noexcept {
    Found found{parts.next, parts.end, {}, DatePrecision::kMonth, parts.year == 0};
    if (parts.year != 0) {
      found.date = first_of_month(year{parts.year} / month{parts.month});
    } else if (m_published) {
      found.date = resolve_month(parts.month, lean, *m_published);
    } else {
      return std::nullopt;
    }
    return found;
  }

  std::optional<Found> match_month() {
    // "30 February 2019" failed as a day-first date; its "February 2019" is no date either.
    const Token& previous = m_window.before(0);
    if ((previous.kind == TokenKind::kNumber && previous.digits <= 2) ||
        previous.kind == TokenKind::kOrdinal) {
      return std::nullopt;
    }
    const auto parts = parse_month_first(0);
    if (!parts) {
      return std::nullopt;
    }
    if (parts->day != 0) {
      return resolve_dated(*parts);
    }
    if (parts->year == 0) {
      const bool cued = previous.word == Word::kPreposition && (previous.value & kMonthCue) != 0;
      if (!cued || is_person_may(0)) {
        return std::nullopt;
      }
    }
    return resolve_month_phrase(*parts, Lean::kCurrent);
  }

  // "Saturday, Sept. 22, 2018" is one mention; a lone "Friday" is resolved against the publication day.
  std::optional<Found> match_weekday() {
    if (!m_window[0].capitalised) {
      return std::nullopt;
    }
    const std::size_t j = is_punct(m_window[1], ',') ? 2 : 1;
    auto parts = parse_month_first(j);
    if (!parts) {
      parts = parse_day_first(j);
    }
    if (parts && parts->day != 0) {
      if (auto found = resolve_dated(*parts)) {
        return found;
      }
    }
    if (!m_published) {
      return std::nullopt;
    }
    const std::chrono::weekday named{m_window[0].value};
    if (m_future_sentence) {
      const days ahead = named - std::chrono::weekday{*m_published};
      return Found{1, m_window[0].end, *m_published + ahead, DatePrecision::kDay, true};
    }
    const days back = std::chrono::weekday{*m_published} - named;
    return Found{1, m_window[0].end, *m_published - back, DatePrecision::kDay, true};
  }

  // News reports what happened, so a lone weekday is the last such day; but after "will", "would" or
  // "scheduled" earlier in its sentence ("the storm would reach Normandy by Tuesday") it is the next one.
  // A sentence ends at '.', '!' or '?'; abbreviations end it early, which only keeps the past reading.
  void note_tense(const Token& token) noexcept {
    if (token.kind == TokenKind::kPunct && (token.punct == '.' || token.punct == '!' || token.punct == '?')) {
      m_future_sentence = false;
    } else if (token.kind == TokenKind::kWord && token.word == Word::kFuture) {
      m_future_sentence = true;
    }
  }

  std::optional<Found> relative_day(std::size_t tokens, days shift) noexcept {
    if (!m_published) {
      return std::nullopt;
    }
    return Found{tokens, m_window[tokens - 1].end, *m_published + shift, DatePrecision::kDay, true};
  }

  std::optional<Found> relative_month(std::size_t tokens, months shift) noexcept {
    if (!m_published) {
      return std::nullopt;
    }
    const year_month_day ymd{*m_published};
    const Day date = first_of_month(year_month{ymd.year(), ymd.month()} + shift);
    return Found{tokens, m_window[tokens - 1].end, date, DatePrecision::kMonth, true};
  }

  std::optional<Found> relative_year(std::size_t tokens, years shift) noexcept {
    if (!m_published) {
      return std::nullopt;
    }
    const Day date = first_of_year(year_month_day{*m_published}.year() + shift);
    return Found{tokens, m_window[tokens - 1].end, date, DatePrecision::kYear, true};
  }

  // "two years ago", "3 days ago", "a week ago".
  std::optional<Found> match_ago() {
    const Token& count = m_window[0];
    const bool numeric = count.kind == TokenKind::kNumber && count.digits <= 3 && ends_cleanly(0);
    if ((!numeric && count.word != Word::kCount) || m_window[1].word != Word::kUnit ||
        m_window[2].word != Word::kAgo) {
      return std::nullopt;
    }
    const int n = numeric ? count.number : count.value;
    if (n > kMaxAgoCount) {
      return std::nullopt;
    }
    switch (m_window[1].value) {
      case kUnitDay:
        return relative_day(3, days{-n});
      case kUnitWeek:
        return relative_day(3, days{-7 * n});
      case kUnitMonth:
        return relative_month(3, months{-n});
      default:
        return relative_year(3, years{-n});
    }
  }

  // "in 2019", "since 2015", "the year 2030".
  std::optional<Found> match_cued_year() {
    if (!is_year(0, kMinBareYear, kMaxBareYear)) {
      return std::nullopt;
    }
    const Token& previous = m_window.before(0);
    const bool cued = (previous.word == Word::kPreposition && (previous.value & kYearCue) != 0) ||
                      previous.word == Word::kOf ||
                      (previous.word == Word::kUnit && previous.value == kUnitYear &&
                       m_window.before(1).word == Word::kThe);
    if (!cued) {
      return std::nullopt;
    }
    return Found{1, m_window[0].end, first_of_year(year{m_window[0].number}), DatePrecision::kYear, false};
  }

  // "last week", "next month", "this year", "last Friday", "next June".
  std::optional<Found> match_shift() {
    const Word shift = m_window[0].word;
    const int sign = shift == Word::kLast ? -1 : shift == Word::kNext ? 1 : 0;
    if (is_unit(1, kUnitWeek) && sign != 0) {
      return relative_day(2, days{7 * sign});
    }
    if (is_unit(1, kUnitMonth)) {
      return relative_month(2, months{sign});
    }
    if (is_unit(1, kUnitYear)) {
      return relative_year(2, years{sign});
    }
    if (is_weekday(1)) {
      return shifted_weekday(sign);
    }
    if (sign != 0 && is_full_month(1) && !is_person_may(1)) {
      if (const auto parts = parse_month_first(1); parts && parts->day == 0 && parts->year == 0) {
        return resolve_month_phrase(*parts, sign < 0 ? Lean::kPast : Lean::kFuture);
      }
    }
    return std::nullopt;
  }

  // "last Friday" is the one strictly before the publication day, "next Friday" the one strictly
  // after, "this Friday" the coming one, the publication day included.
  std::optional<Found> shifted_weekday(int sign) noexcept {
    if (!m_published) {
      return std::nullopt;
    }
    const std::chrono::weekday named{m_window[1].value};
    const std::chrono::weekday today{*m_published};
    days shift = sign < 0 ? -(today - named) : named - today;
    if (sign != 0 && shift == days{0}) {
      shift = days{7 * sign};
    }
    return relative_day(2, shift);
  }

  // "earlier this month", "later this year".
  std::optional<Found> match_earlier_later() {
    if (m_window[1].word != Word::kThis) {
      return std::nullopt;
    }
    if (is_unit(2, kUnitMonth)) {
      return relative_month(3, months{0});
    }
    if (is_unit(2, kUnitYear)) {
      return relative_year(3, years{0});
    }
    return std::nullopt;
  }

  // "early 2019", "mid-2019", "late June", "mid-February 2019".
  std::optional<Found> match_modifier() {
    std::size_t j = 1;
    if (is_punct(m_window[1], '-') && glued(m_window[0], m_window[1]) && glued(m_window[1], m_window[2])) {
      j = 2;
    }
    if (is_year(j, kMinBareYear, kMaxBareYear)) {
      return Found{j + 1, m_window[j].end, first_of_year(year{m_window[j].number}), DatePrecision::kYear,
                   false};
    }
    // A modifier before a full date ("late June 12") adds nothing; the date is found on its own.
    const auto parts = parse_month_first(j);
    if (!parts || parts->day != 0 || (parts->year == 0 && is_person_may(j))) {
      return std::nullopt;
    }
    return resolve_month_phrase(*parts, Lean::kCurrent);
  }

  // "2018-06-12", also as the head of "2018-06-12T10:00:00Z".
  std::optional<Found> match_iso() {
    const Token& y = m_window[0];
    const Token& m = m_window[2];
    const Token& d = m_window[4];
    const bool shaped = y.kind == TokenKind::kNumber && y.digits == 4 && is_punct(m_window[1], '-') &&
                        m.kind == TokenKind::kNumber && m.digits == 2 && is_punct(m_window[3], '-') &&
                        glued(y, m_window[1]) && glued(m_window[1], m) && glued(m, m_window[3]) &&
                        glued(m_window[3], d) && (is_iso_day(d) || is_iso_day_time(d));
    if (!shaped) {
      return std::nullopt;
    }
    const unsigned day = static_cast<unsigned>((m_text[d.begin] - '0') * 10 + (m_text[d.begin + 1] - '0'));
    const auto date = make_day(y.number, static_cast<unsigned>(m.number), day);
    if (!date) {
      return std::nullopt;
    }
    return Found{5, d.begin + 2, *date, DatePrecision::kDay, false};
  }

  [[nodiscard]] bool is_iso_day(const Token& token) const noexcept {
    return token.kind == TokenKind::kNumber && token.digits == 2;
  }

  // The scanner reads "12T10" as one token; only its first two digits belong to the date.
  [[nodiscard]] bool is_iso_day_time(const Token& token) const noexcept {
    const std::string_view run = m_text.substr(token.begin, token.end - token.begin);
    return token.kind == TokenKind::kOther && run.size() >= 4 && is_digit(run[0]) && is_digit(run[1]) &&
           (run[2] == 'T' || run[2] == 't') && is_digit(run[3]);
  }

  std::string_view m_text;
  TokenWindow m_window;
  std::optional<Day> m_published;
  bool m_future_sentence = false;  // a future cue came earlier in the current sentence
};

}  // namespace

std::string_view date_precision_name(DatePrecision precision) noexcept {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "unknown";
}

std::vector<DateMention> find_dates(std::string_view text, std::optional<Day> published) {
  std::vector<DateMention> mentions;
  Recogniser recogniser{text, published};
  while (auto mention = recogniser.next()) {
    mentions.push_back(std::move(*mention));
  }
  return mentions;
}

bool is_clock_word(std::string_view folded_word) noexcept {
  static const detail::WordMap<bool>* const kWords = [] {
    auto* words = new detail::WordMap<bool>();
    for (std::string_view word : detail::clock_words()) words->insert_if_absent(case_fold(word), true);
    return words;
  }();
  return kWords->contains(folded_word);
}

bool is_calendar_word(std::string_view folded_word) noexcept {
  const Keyword* keyword = find_keyword(folded_word);
  if (keyword == nullptr) return false;
  switch (keyword->word) {
    case Word::kMonth:
    case Word::kMonthAbbrev:
    case Word::kWeekday:
    case Word::kToday:
    case Word::kYesterday:
    case Word::kTomorrow: return true;
    default: return false;
  }
}

}  // namespace storyline
