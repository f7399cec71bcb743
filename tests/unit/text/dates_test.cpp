#include "storyline/text/dates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

Day ymd(int y, unsigned m, unsigned d) {
  return Day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// "2018-06-12 day relative", easy to read in failure messages and to write in expectations.
std::string describe(const DateMention& mention) {
  std::string out = mention.text + " -> " + format_iso8601_date(mention.date) + " " +
                    std::string{date_precision_name(mention.precision)};
  if (mention.relative) {
    out += " relative";
  }
  return out;
}

std::vector<std::string> describe_all(std::string_view text, std::optional<Day> published) {
  std::vector<std::string> out;
  for (const DateMention& mention : find_dates(text, published)) {
    out.push_back(describe(mention));
  }
  return out;
}

using Expected = std::vector<std::string>;

const Day kSaturday = ymd(2018, 9, 22);  // published day of several tests; a Saturday

TEST(DatePrecisionName, NamesEveryPrecision) {
  EXPECT_EQ(date_precision_name(DatePrecision::kDay), "day");
  EXPECT_EQ(date_precision_name(DatePrecision::kMonth), "month");
  EXPECT_EQ(date_precision_name(DatePrecision::kYear), "year");
}

TEST(FindDates, EmptyAndDatelessText) {
  EXPECT_TRUE(find_dates("", std::nullopt).empty());
  EXPECT_TRUE(find_dates("", kSaturday).empty());
  EXPECT_TRUE(find_dates("The talks went on for hours.", kSaturday).empty());
}

TEST(FindDates, FullDatesInEveryWriting) {
  const std::string_view text =
      "It began on June 12, 2018 and again June 12 2018, then 12 June 2018, Jun. 12, 2018, Sept 22, 2018, "
      "2018-06-12 and the 3rd of March 2019.";
  EXPECT_EQ(describe_all(text, std::nullopt),
            (Expected{"June 12, 2018 -> 2018-06-12 day", "June 12 2018 -> 2018-06-12 day",
                      "12 June 2018 -> 2018-06-12 day", "Jun. 12, 2018 -> 2018-06-12 day",
                      "Sept 22, 2018 -> 2018-09-22 day", "2018-06-12 -> 2018-06-12 day",
                      "3rd of March 2019 -> 2019-03-03 day"}));
}

TEST(FindDates, OffsetsAndTextAreExactSubstrings) {
  const std::string_view text = "Signed on Sept. 22, 2018 in Seoul.";
  const auto mentions = find_dates(text, std::nullopt);
  ASSERT_EQ(mentions.size(), 1U);
  EXPECT_EQ(mentions[0].text, "Sept. 22, 2018");
  EXPECT_EQ(mentions[0].offset, text.find("Sept."));
  EXPECT_EQ(text.substr(mentions[0].offset, mentions[0].text.size()), mentions[0].text);
  EXPECT_EQ(mentions[0].date, ymd(2018, 9, 22));
  EXPECT_EQ(mentions[0].precision, DatePrecision::kDay);
  EXPECT_FALSE(mentions[0].relative);
}

TEST(FindDates, OrdinalsRangesAndLeadingWeekday) {
  EXPECT_EQ(describe_all("The summit of June 12th, 2018 ran June 12-14, 2018.", std::nullopt),
            (Expected{"June 12th, 2018 -> 2018-06-12 day", "June 12-14, 2018 -> 2018-06-12 day"}));
  // The weekday belongs to the date rather than being resolved on its own.
  EXPECT_EQ(describe_all("It happened on Saturday, Sept. 22, 2018.", kSaturday),
            (Expected{"Saturday, Sept. 22, 2018 -> 2018-09-22 day"}));
}

TEST(FindDates, IsoDateAtTheHeadOfADateTime) {
  EXPECT_EQ(describe_all("Updated 2018-09-22T10:15:00Z by staff.", std::nullopt),
            (Expected{"2018-09-22 -> 2018-09-22 day"}));
}

TEST(FindDates, ImpossibleDatesAreNotDates) {
  EXPECT_TRUE(find_dates("The vote on February 30, 2019 never happened.", std::nullopt).empty());
  EXPECT_TRUE(find_dates("The vote on 30 February 2019 never happened.", std::nullopt).empty());
  EXPECT_TRUE(find_dates("Filed 2019-02-30 and 2019-13-01.", std::nullopt).empty());
  EXPECT_EQ(describe_all("Born February 29, 2020, not February 29, 2019.", std::nullopt),
            (Expected{"February 29, 2020 -> 2020-02-29 day"}));
}

TEST(FindDates, MonthPrecision) {
  EXPECT_EQ(
      describe_all("Trade fell in June 2018 and in February 2019, and again February of 2019.", std::nullopt),
      (Expected{"June 2018 -> 2018-06-01 month", "February 2019 -> 2019-02-01 month",
                "February of 2019 -> 2019-02-01 month"}));
}

TEST(FindDates, BareMonthNeedsACueAndThePublicationDay) {
  const std::string_view text = "They met in June and again in December. June was hot.";
  EXPECT_EQ(describe_all(text, kSaturday),
            (Expected{"June -> 2018-06-01 month relative", "December -> 2017-12-01 month relative"}));
  EXPECT_TRUE(find_dates(text, std::nullopt).empty());
}

TEST(FindDates, BareMonthOfThePublicationMonthIsCurrent) {
  EXPECT_EQ(describe_all("Rates rose in September.", kSaturday),
            (Expected{"September -> 2018-09-01 month relative"}));
}

TEST(FindDates, LastAndNextMonthNames) {
  EXPECT_EQ(
      describe_all("Sales slowed last September and will recover next September, or by next March.",
                   kSaturday),
      (Expected{"last September -> 2017-09-01 month relative", "next September -> 2019-09-01 month relative",
                "next March -> 2019-03-01 month relative"}));
}

TEST(FindDates, MayTheVerbAndMayThePersonAreNotMonths) {
  EXPECT_TRUE(find_dates("Prices may rise in the coming weeks, analysts said.", kSaturday).empty());
  EXPECT_TRUE(find_dates("Theresa May said talks would go on.", kSaturday).empty());
  EXPECT_TRUE(find_dates("Pressure on May is growing; confidence in May's plan fell.", kSaturday).empty());
  EXPECT_EQ(describe_all("The deal was struck in May.", kSaturday),
            (Expected{"May -> 2018-05-01 month relative"}));
  EXPECT_EQ(describe_all("The deal was struck on May 3, 2018.", std::nullopt),
            (Expected{"May 3, 2018 -> 2018-05-03 day"}));
}

TEST(FindDates, LowercaseMonthsAreWords) {
  EXPECT_TRUE(find_dates("Protesters march 12 miles in june 2018.", std::nullopt).empty());
}

TEST(FindDates, DayAndMonthWithoutYearTakeTheNearestYear) {
  EXPECT_EQ(describe_all("The vote on June 12 was close.", kSaturday),
            (Expected{"June 12 -> 2018-06-12 day relative"}));
  // Published in January: a December date is last month, not eleven months ahead.
  EXPECT_EQ(describe_all("Leaders met on December 28.", ymd(2019, 1, 3)),
            (Expected{"December 28 -> 2018-12-28 day relative"}));
  // Published in December: a date early next year is near and ahead.
  EXPECT_EQ(describe_all("The vote is set for January 5.", ymd(2018, 12, 20)),
            (Expected{"January 5 -> 2019-01-05 day relative"}));
  EXPECT_EQ(describe_all("The vote is set for 5 January.", ymd(2018, 12, 20)),
            (Expected{"5 January -> 2019-01-05 day relative"}));
  EXPECT_TRUE(find_dates("The vote on June 12 was close.", std::nullopt).empty());
}

TEST(FindDates, DayAndMonthWithoutYearSkipsImpossibleLeapDays) {
  EXPECT_EQ(describe_all("It was signed on February 29.", ymd(2021, 3, 1)),
            (Expected{"February 29 -> 2020-02-29 day relative"}));
  EXPECT_TRUE(find_dates("It was signed on February 29.", ymd(2019, 3, 1)).empty());
}

TEST(FindDates, YearPrecisionNeedsACue) {
  EXPECT_EQ(
      describe_all("Founded in 2019, growing since 2015, net zero by 2030, and the year 2000.", std::nullopt),
      (Expected{"2019 -> 2019-01-01 year", "2015 -> 2015-01-01 year", "2030 -> 2030-01-01 year",
                "2000 -> 2000-01-01 year"}));
  EXPECT_EQ(
      describe_all("Talks collapsed in early 2019, resumed mid-2019 and ended late 2019.", std::nullopt),
      (Expected{"early 2019 -> 2019-01-01 year", "mid-2019 -> 2019-01-01 year",
                "late 2019 -> 2019-01-01 year"}));
}

TEST(FindDates, NumbersThatAreNotYears) {
  EXPECT_TRUE(find_dates("He scored 2019 points with 2015 fans.", std::nullopt).empty());
  EXPECT_TRUE(find_dates("Over 1,500 people came in 1850 carts.", std::nullopt).empty());
  EXPECT_TRUE(find_dates("In 2019-20 and in 2019/20 the club won; in the 1990s too.", std::nullopt).empty());
  EXPECT_TRUE(find_dates("It rose by 2030% in 12.2019 units.", std::nullopt).empty());
}

TEST(FindDates, ModifiersBeforeMonths) {
  EXPECT_EQ(describe_all("Planned for mid-February 2019, moved to late June.", kSaturday),
            (Expected{"mid-February 2019 -> 2019-02-01 month", "late June -> 2018-06-01 month relative"}));
}

TEST(FindDates, TodayYesterdayTomorrow) {
  EXPECT_EQ(describe_all("Yesterday he resigned; today he left; tomorrow he flies.", kSaturday),
            (Expected{"Yesterday -> 2018-09-21 day relative", "today -> 2018-09-22 day relative",
                      "tomorrow -> 2018-09-23 day relative"}));
  EXPECT_TRUE(find_dates("Yesterday he resigned; today he left.", std::nullopt).empty());
}

TEST(FindDates, BareWeekdayIsTheMostRecentOne) {
  EXPECT_EQ(describe_all("Pompeo voiced hope Friday.", kSaturday),
            (Expected{"Friday -> 2018-09-21 day relative"}));
  EXPECT_EQ(describe_all("The talks began on Sunday.", kSaturday),
            (Expected{"Sunday -> 2018-09-16 day relative"}));
  // The publication day's own weekday is the publication day.
  EXPECT_EQ(describe_all("He spoke on Saturday.", kSaturday),
            (Expected{"Saturday -> 2018-09-22 day relative"}));
  EXPECT_TRUE(find_dates("The friday market.", kSaturday).empty());
}

TEST(FindDates, BareWeekdayAfterAFutureCueInItsSentenceIsTheNextOne) {
  EXPECT_EQ(describe_all("Forecasters said the storm would reach Normandy by Tuesday.", ymd(2020, 11, 12)),
            (Expected{"Tuesday -> 2020-11-17 day relative"}));
  // The cue holds to the end of its sentence only, and a weekday before it keeps the past reading.
  EXPECT_EQ(describe_all("Talks will resume on Monday. The minister resigned on Friday.", kSaturday),
            (Expected{"Monday -> 2018-09-24 day relative", "Friday -> 2018-09-21 day relative"}));
  EXPECT_EQ(describe_all("He said on Friday that the talks would resume.", kSaturday),
            (Expected{"Friday -> 2018-09-21 day relative"}));
  // Ahead or back, the publication day's own weekday is the publication day.
  EXPECT_EQ(describe_all("A vote is scheduled for Saturday.", kSaturday),
            (Expected{"Saturday -> 2018-09-22 day relative"}));
}

TEST(FindDates, LastNextThisWeekday) {
  EXPECT_EQ(describe_all("Not last Saturday but last Friday; next Saturday and this Sunday.", kSaturday),
            (Expected{"last Saturday -> 2018-09-15 day relative", "last Friday -> 2018-09-21 day relative",
                      "next Saturday -> 2018-09-29 day relative", "this Sunday -> 2018-09-23 day relative"}));
}

TEST(FindDates, AgoInWordsAndDigits) {
  const Day published = ymd(2020, 7, 8);
  EXPECT_EQ(describe_all("They met two years ago, a week ago, 3 days ago and 5 months ago. A year ago, too.",
                         published),
            (Expected{"two years ago -> 2018-01-01 year relative", "a week ago -> 2020-07-01 day relative",
                      "3 days ago -> 2020-07-05 day relative", "5 months ago -> 2020-02-01 month relative",
                      "A year ago -> 2019-01-01 year relative"}));
  EXPECT_EQ(describe_all("Eight months ago it crossed a year boundary.", published),
            (Expected{"Eight months ago -> 2019-11-01 month relative"}));
  EXPECT_TRUE(find_dates("About 1.5 years ago.", published).empty());
  EXPECT_TRUE(find_dates("They met two years ago.", std::nullopt).empty());
}

TEST(FindDates, LastNextThisUnits) {
  EXPECT_EQ(describe_all("Last week, last month, next month, this month, last year, next year and this year.",
                         kSaturday),
            (Expected{"Last week -> 2018-09-15 day relative", "last month -> 2018-08-01 month relative",
                      "next month -> 2018-10-01 month relative", "this month -> 2018-09-01 month relative",
                      "last year -> 2017-01-01 year relative", "next year -> 2019-01-01 year relative",
                      "this year -> 2018-01-01 year relative"}));
  EXPECT_EQ(describe_all("It rose earlier this month and will fall later this year.", kSaturday),
            (Expected{"earlier this month -> 2018-09-01 month relative",
                      "later this year -> 2018-01-01 year relative"}));
}

TEST(FindDates, LastMonthAcrossTheYearBoundary) {
  EXPECT_EQ(describe_all("Prices fell last month.", ymd(2019, 1, 15)),
            (Expected{"last month -> 2018-12-01 month relative"}));
}

TEST(FindDates, KoreaSummitArticle) {
  const std::string_view text =
      "Kim and US President Donald Trump first met in Singapore two years ago but talks have been stalled "
      "since their Hanoi summit collapsed in early 2019. In February 2019, the Americans rejected the offer. "
      "Kim Jong-un declared in December an end to moratoriums.";
  EXPECT_EQ(describe_all(text, ymd(2020, 7, 8)),
            (Expected{"two years ago -> 2018-01-01 year relative", "early 2019 -> 2019-01-01 year",
                      "February 2019 -> 2019-02-01 month", "December -> 2019-12-01 month relative"}));
  EXPECT_EQ(describe_all(text, std::nullopt),
            (Expected{"early 2019 -> 2019-01-01 year", "February 2019 -> 2019-02-01 month"}));
}

TEST(FindDates, PompeoArticle) {
  const std::string_view text =
      "Pompeo voiced hope Friday that Kim and Trump, who held their first summit in Singapore in June, "
      "would meet again.";
  EXPECT_EQ(describe_all(text, kSaturday),
            (Expected{"Friday -> 2018-09-21 day relative", "June -> 2018-06-01 month relative"}));
  EXPECT_TRUE(find_dates(text, std::nullopt).empty());
}

TEST(FindDates, MentionsAreInTextOrderAndDoNotOverlap) {
  const std::string_view text = "On Friday, June 12, 2018, since 2015, in June 2018 and in 2018.";
  const auto mentions = find_dates(text, kSaturday);
  ASSERT_EQ(mentions.size(), 4U);
  for (std::size_t i = 1; i < mentions.size(); ++i) {
    EXPECT_GE(mentions[i].offset, mentions[i - 1].offset + mentions[i - 1].text.size());
  }
  EXPECT_EQ(mentions[0].text, "Friday, June 12, 2018");
  EXPECT_EQ(mentions[3].text, "2018");
}

TEST(FindDates, UnicodeSpacesAndDashes) {
  EXPECT_EQ(describe_all("Signed June\xC2\xA0"
                         "12,\xC2\xA0"
                         "2018 and 12\xE2\x80\x93"
                         "14 June 2019.",
                         std::nullopt),
            (Expected{"June\xC2\xA0"
                      "12,\xC2\xA0"
                      "2018 -> 2018-06-12 day"}));
  EXPECT_EQ(describe_all("Signed in \xC3\xA9t\xC3\xA9 2018 and in Jun\xC3\xA9 2018.", std::nullopt),
            Expected{});
}

TEST(FindDates, SurvivesGarbage) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) {
    garbage += static_cast<char>((i * 131 + 7) % 256);
  }
  garbage += "\xE2\x80";  // a truncated multi-byte sequence at the very end
  EXPECT_NO_THROW((void)find_dates(garbage, kSaturday));
  const std::string_view truncated[] = {"June", "June 12,", "in",   "2018-",   "2018-06-1", "two years",
                                        "last", "mid-",     "\xC2", "12th of", "Friday,"};
  for (const std::string_view text : truncated) {
    EXPECT_NO_THROW((void)find_dates(text, kSaturday)) << text;
  }
}

TEST(FindDates, HugeInputWithManyMentions) {
  std::string text;
  const std::string_view sentence = "They met on June 12, 2018 and in 2019. ";
  for (int i = 0; i < 20000; ++i) {
    text += sentence;
  }
  const std::string word_soup(1 << 20, 'a');
  text += word_soup;
  const auto mentions = find_dates(text, kSaturday);
  ASSERT_EQ(mentions.size(), 40000U);
  EXPECT_EQ(mentions.back().offset, text.find("2019", (20000 - 1) * sentence.size()));
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(IsCalendarWord, KnowsMonthsWeekdaysAndRelativeDays) {
  for (const char* word : {"june", "sept", "friday", "today", "yesterday"}) EXPECT_TRUE(is_calendar_word(word)) << word;
  for (const char* word : {"pompeo", "summit", "ago", "last", ""}) EXPECT_FALSE(is_calendar_word(word)) << word;
}

TEST(IsClockWord, KnowsTimeZonesAndWeekdayAbbreviationsFolded) {
  for (const char* word : {"gmt", "edt", "bst", "thu", "tues"}) EXPECT_TRUE(is_clock_word(word)) << word;
  for (const char* word : {"GMT", "june", "london", "may", ""}) EXPECT_FALSE(is_clock_word(word)) << word;
}

// The words of a space-separated list.
std::vector<std::string_view> words_in(std::string_view list) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < list.size();) {
    const std::size_t end = std::min(list.find(' ', start), list.size());
    words.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

TEST(IsCalendarWord, EveryCalendarKeywordAndNoOtherWord) {
  // The keyword table is searched by a hash of the packed word; every keyword must be found, and words
  // that only look alike must not be.
  const auto calendar = words_in(
      "january february march april may june july august september october november december "
      "jan feb mar apr jun jul aug sep sept oct nov dec "
      "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow");
  for (std::string_view word : calendar) EXPECT_TRUE(is_calendar_word(word)) << word;
  const auto other_keywords = words_in(
      "a after ago before by day days during earlier early eight eleven five four from in last late later "
      "mid month months next nine of on one seven since six ten the this three till to twelve two until "
      "week weeks year years");
  const auto lookalikes = words_in(
      "June MAY mayday junes jun. j januaryy septembe wednesdayy yesterdays m\u00e4rz \xc3 todaytodaytoday "
      "aaaaaaaaaaaa");
  for (const auto* list : {&other_keywords, &lookalikes}) {
    for (std::string_view word : *list) EXPECT_FALSE(is_calendar_word(word)) << word;
  }
  EXPECT_FALSE(is_calendar_word(""));
  EXPECT_FALSE(is_calendar_word(std::string_view("may\0", 4)));
}

}  // namespace
}  // namespace storyline
