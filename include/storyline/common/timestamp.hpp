// Points in time as storyline handles them: UTC seconds, parsed from ISO-8601.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

using Timestamp = std::chrono::sys_seconds;
using Day = std::chrono::sys_days;

// Parses an ISO-8601 date ("2018-09-22") or date-time ("2018-09-22T10:15:00Z", "2018-09-22 10:15",
// "2018-09-22T10:15:00.123+09:00"); a date-time without an offset is taken as UTC.
// Returns nullopt for anything else, including impossible dates such as 2019-02-30. Thread-safe.
[[nodiscard]] std::optional<Timestamp> parse_iso8601(std::string_view text) noexcept;

// The UTC day of what parse_iso8601 accepts: "2018-09-22", or the day a date-time falls on in UTC.
// Returns nullopt for anything else. Thread-safe.
[[nodiscard]] std::optional<Day> parse_iso8601_day(std::string_view text) noexcept;

// "2018-09-22". Thread-safe.
[[nodiscard]] std::string format_iso8601_date(Day day);

}  // namespace storyline
