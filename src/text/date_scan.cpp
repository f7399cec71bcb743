#include "text/date_scan.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/ascii.hpp"

namespace storyline::detail::date_scan {
namespace {

// Longer than any keyword: such words are never looked up, and the others pack into two integers.
constexpr std::size_t kMaxKeywordLength = 12;

// Sorted, so that it reads as a word list (lookups hash, below); the static_assert keeps it sorted.
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

// Characters. ASCII tests by hand: a date is made of ASCII letters and digits, and every byte of an
// article passes here.

bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) noexcept { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_high(char c) noexcept { return static_cast<unsigned char>(c) >= 0x80; }

// Byte length of the whitespace at `pos`, or 0. News text is full of no-break and thin spaces
// ("June 12,\u00a02018"), which must separate words just like ASCII spaces.
std::size_t space_length(std::string_view text, std::size_t pos) noexcept {
  const char c = text[pos];
  if (detail::is_ascii_space(c)) {
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
  const std::array<char, 2> s{detail::ascii_fold(suffix[0]), detail::ascii_fold(suffix[1])};
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

}  // namespace

const Keyword* find_keyword(std::string_view lower) noexcept {
  if (lower.size() > kMaxKeywordLength) return nullptr;
  return find_packed_keyword(pack_word(lower));
}

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

}  // namespace storyline::detail::date_scan
