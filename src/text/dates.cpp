#include "storyline/text/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "storyline/text/unicode.hpp"
#include "text/date_scan.hpp"
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

// The scanner's words and tokens (date_scan.hpp).
using detail::date_scan::find_keyword;
using detail::date_scan::glued;
using detail::date_scan::is_digit;
using detail::date_scan::is_punct;
using detail::date_scan::Keyword;
using detail::date_scan::kMonthCue;
using detail::date_scan::kUnitDay;
using detail::date_scan::kUnitMonth;
using detail::date_scan::kUnitWeek;
using detail::date_scan::kUnitYear;
using detail::date_scan::kYearCue;
using detail::date_scan::Token;
using detail::date_scan::TokenKind;
using detail::date_scan::TokenWindow;
using detail::date_scan::Unit;
using detail::date_scan::Word;

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
