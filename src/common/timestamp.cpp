#include "storyline/common/timestamp.hpp"

#include <cstddef>

namespace storyline {

namespace {

// A forward-only cursor: every reader either consumes what it expects or reports failure, so the
// parser below reads as the grammar it accepts and cannot run past the end of the input.
class Cursor {
 public:
  explicit Cursor(std::string_view text) noexcept : m_text(text) {}

  [[nodiscard]] bool at_end() const noexcept { return m_pos == m_text.size(); }

  [[nodiscard]] bool peek_is(char c) const noexcept { return m_pos < m_text.size() && m_text[m_pos] == c; }

  bool accept(char c) noexcept {
    if (!peek_is(c)) {
      return false;
    }
    ++m_pos;
    return true;
  }

  // Exactly `count` ASCII digits; a sign or a shorter run is a failure.
  [[nodiscard]] std::optional<int> digits(std::size_t count) noexcept {
    if (m_text.size() - m_pos < count) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = m_text[m_pos + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    m_pos += count;
    return value;
  }

  // Fractional seconds carry no information at our one-second resolution; they are only validated.
  bool skip_fraction() noexcept {
    if (!accept('.') && !accept(',')) {
      return true;
    }
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
      ++m_pos;
    }
    return m_pos > start;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

std::optional<Day> parse_date(Cursor& in) noexcept {
  const auto year = in.digits(4);
  if (!year || !in.accept('-')) {
    return std::nullopt;
  }
  const auto month = in.digits(2);
  if (!month || !in.accept('-')) {
    return std::nullopt;
  }
  const auto day = in.digits(2);
  if (!day) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Day{ymd};
}

std::optional<std::chrono::seconds> parse_time(Cursor& in) noexcept {
  const auto hour = in.digits(2);
  if (!hour || *hour > 23 || !in.accept(':')) {
    return std::nullopt;
  }
  const auto minute = in.digits(2);
  if (!minute || *minute > 59) {
    return std::nullopt;
  }
  int second = 0;
  if (in.accept(':')) {
    const auto parsed = in.digits(2);
    if (!parsed || *parsed > 59 || !in.skip_fraction()) {
      return std::nullopt;
    }
    second = *parsed;
  }
  return std::chrono::hours{*hour} + std::chrono::minutes{*minute} + std::chrono::seconds{second};
}

// The offset of local time from UTC: "Z", "+HH:MM", "-HH:MM" or "+HHMM"; none means UTC.
std::optional<std::chrono::seconds> parse_offset(Cursor& in) noexcept {
  if (in.at_end() || in.accept('Z')) {
    return std::chrono::seconds{0};
  }
  int sign = 0;
  if (in.accept('+')) {
    sign = 1;
  } else if (in.accept('-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto hours = in.digits(2);
  if (!hours || *hours > 23) {
    return std::nullopt;
  }
  in.accept(':');
  const auto minutes = in.digits(2);
  if (!minutes || *minutes > 59) {
    return std::nullopt;
  }
  return sign * (std::chrono::hours{*hours} + std::chrono::minutes{*minutes});
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view text) noexcept {
  Cursor in{text};
  const auto day = parse_date(in);
  if (!day) {
    return std::nullopt;
  }
  if (in.at_end()) {
    return Timestamp{*day};
  }
  if (!in.accept('T') && !in.accept(' ')) {
    return std::nullopt;
  }
  const auto time = parse_time(in);
  if (!time) {
    return std::nullopt;
  }
  const auto offset = parse_offset(in);
  if (!offset || !in.at_end()) {
    return std::nullopt;
  }
  return Timestamp{*day} + *time - *offset;
}

std::optional<Day> parse_iso8601_day(std::string_view text) noexcept {
  const std::optional<Timestamp> time = parse_iso8601(text);
  if (!time) return std::nullopt;
  return std::chrono::floor<std::chrono::days>(*time);
}

std::string format_iso8601_date(Day day) {
  const std::chrono::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  // Years outside 0000-9999 cannot come from parse_iso8601 but can from arithmetic on a Day; they
  // keep their sign and full width rather than being silently truncated.
  std::string out = year < 0 ? "-" : "";
  const std::string digits = std::to_string(year < 0 ? -static_cast<long>(year) : static_cast<long>(year));
  out.append(digits.size() < 4 ? 4 - digits.size() : 0, '0');
  out += digits;
  const auto append_two = [&out](unsigned value) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
  };
  out += '-';
  append_two(static_cast<unsigned>(ymd.month()));
  out += '-';
  append_two(static_cast<unsigned>(ymd.day()));
  return out;
}

}  // namespace storyline
