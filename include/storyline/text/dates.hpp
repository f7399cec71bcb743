// Dates mentioned in an article's text, absolute ("June 12, 2018", "in February 2019") and relative
// ("Friday", "two years ago", "last month"), the relative ones resolved against the publication day.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/common/timestamp.hpp"

namespace storyline {

enum class DatePrecision : std::uint8_t { kDay, kMonth, kYear };

[[nodiscard]] std::string_view date_precision_name(DatePrecision precision) noexcept;  // "day", ...

struct DateMention {
  std::string text;       // the words as found, e.g. "June 12, 2018", "two years ago"
  Day date;               // for month or year precision, the first day of that month or year
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // true when resolved against the publication day
  std::size_t offset = 0; // byte offset of `text` in the analysed text
};

// True when `folded_word` names a month or a weekday ("june", "sept", "friday") or a day relative to
// today ("today", "yesterday", "tomorrow"): words that are capitalised but are dates, not names.
// Thread-safe.
[[nodiscard]] bool is_calendar_word(std::string_view folded_word) noexcept;

// True when `folded_word` is a word of datelines and timestamps that is never a name: a time zone ("gmt",
// "edt") or a weekday abbreviation ("thu"). Thread-safe.
[[nodiscard]] bool is_clock_word(std::string_view folded_word) noexcept;

// Finds date mentions in English text, in text order. Relative mentions, and month names without a year
// ("in June"), need `published`; without it they are left out rather than guessed.
// Thread-safe.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text, std::optional<Day> published);

}  // namespace storyline
