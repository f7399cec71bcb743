#include "storyline/common/timestamp.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace storyline {
namespace {

using namespace std::chrono_literals;

Timestamp utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  const Day day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
  return Timestamp{day} + std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

TEST(ParseIso8601, DateOnlyIsMidnightUtc) {
  EXPECT_EQ(parse_iso8601("2018-09-22"), utc(2018, 9, 22));
  EXPECT_EQ(parse_iso8601("1970-01-01"), Timestamp{0s});
}

TEST(ParseIso8601, DateTimeWithoutOffsetIsUtc) {
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15"), utc(2018, 9, 22, 10, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:07"), utc(2018, 9, 22, 10, 15, 7));
  EXPECT_EQ(parse_iso8601("2018-09-22 10:15"), utc(2018, 9, 22, 10, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22 23:59:59"), utc(2018, 9, 22, 23, 59, 59));
}

TEST(ParseIso8601, ZuluAndFractionalSeconds) {
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:00Z"), utc(2018, 9, 22, 10, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15Z"), utc(2018, 9, 22, 10, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:00.123Z"), utc(2018, 9, 22, 10, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:00.999999"), utc(2018, 9, 22, 10, 15));
}

TEST(ParseIso8601, OffsetsConvertToUtc) {
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:00.123+09:00"), utc(2018, 9, 22, 1, 15));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15:00-05:30"), utc(2018, 9, 22, 15, 45));
  EXPECT_EQ(parse_iso8601("2018-09-22T10:15+0200"), utc(2018, 9, 22, 8, 15));
  // Crossing midnight and a year boundary.
  EXPECT_EQ(parse_iso8601("2019-01-01T01:00:00+02:00"), utc(2018, 12, 31, 23, 0));
  EXPECT_EQ(parse_iso8601("2018-12-31T22:00:00-03:00"), utc(2019, 1, 1, 1, 0));
}

TEST(ParseIso8601, LeapDays) {
  EXPECT_EQ(parse_iso8601("2020-02-29"), utc(2020, 2, 29));
  EXPECT_EQ(parse_iso8601("2000-02-29"), utc(2000, 2, 29));
  EXPECT_EQ(parse_iso8601("2019-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso8601("1900-02-29"), std::nullopt);
}

TEST(ParseIso8601, RejectsImpossibleValues) {
  EXPECT_EQ(parse_iso8601("2019-02-30"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-13-01"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-00-10"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-31"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T25:00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T24:00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T10:60"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T10:00:60"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T10:00+24:00"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2019-04-01T10:00+02:60"), std::nullopt);
}

TEST(ParseIso8601, RejectsMalformedText) {
  for (const char* text : {"",
                           " ",
                           "2019",
                           "2019-04",
                           "19-04-01",
                           "2019/04/01",
                           "2019-4-1",
                           "2019-04-1",
                           " 2019-04-01",
                           "2019-04-01 ",
                           "2019-04-01x",
                           "2019-04-01T",
                           "2019-04-01T10",
                           "2019-04-01T10:",
                           "2019-04-01T1:00",
                           "2019-04-01T10:00:",
                           "2019-04-01T10:00:00.",
                           "2019-04-01T10:00.5",
                           "2019-04-01T10:00:00Zjunk",
                           "2019-04-01T10:00+02",
                           "2019-04-01T10:00+2:00",
                           "2019-04-01T10:00 +02:00",
                           "2019-04-01Z",
                           "2019-04-01T10:00:00z",
                           "+2019-04-01",
                           "-019-04-01",
                           "2019-04-01T10:00:00+02:00:00",
                           "\xff\xfe",
                           "2019-04-01\n"}) {
    EXPECT_EQ(parse_iso8601(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(ParseIso8601, ToleratesEmbeddedNulAsJunk) {
  EXPECT_EQ(parse_iso8601(std::string_view{"2019-04-01\0", 11}), std::nullopt);
}

TEST(ParseIso8601Day, IsTheUtcDayOfADateOrDateTime) {
  EXPECT_EQ(parse_iso8601_day("2018-09-22"), Day{std::chrono::year{2018} / 9 / 22});
  EXPECT_EQ(parse_iso8601_day("2018-09-22T23:30:00-02:00"), Day{std::chrono::year{2018} / 9 / 23});
  EXPECT_EQ(parse_iso8601_day("2019-02-30"), std::nullopt);
  EXPECT_EQ(parse_iso8601_day("22/09/2018"), std::nullopt);
}

TEST(FormatIso8601Date, PadsFields) {
  EXPECT_EQ(format_iso8601_date(Day{std::chrono::year{2018} / 9 / 22}), "2018-09-22");
  EXPECT_EQ(format_iso8601_date(Day{std::chrono::year{2019} / 1 / 5}), "2019-01-05");
  EXPECT_EQ(format_iso8601_date(Day{std::chrono::year{987} / 12 / 31}), "0987-12-31");
  EXPECT_EQ(format_iso8601_date(Day{std::chrono::days{0}}), "1970-01-01");
}

TEST(FormatIso8601Date, RoundTripsThroughParse) {
  for (const char* text : {"2018-09-22", "2020-02-29", "1999-12-31", "0001-01-01", "9999-12-31"}) {
    const auto parsed = parse_iso8601(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(format_iso8601_date(std::chrono::floor<std::chrono::days>(*parsed)), text);
  }
}

}  // namespace
}  // namespace storyline
