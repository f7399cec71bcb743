// End-to-end tests of `storyline timeline`: the real binary on articles written for the test, and the
// seeds among timeline17's articles.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline::testing {
namespace {

std::string article(const std::string& id, const std::string& title, const std::string& text,
                    const std::string& published, const std::string& source) {
  return nlohmann::json{
             {"id", id}, {"title", title}, {"text", text}, {"published", published}, {"source", source}}
             .dump() +
         "\n";
}

const std::string kStorm =
    "Storm Brigid hit the coast of Brittany with winds of 150 km/h, cutting power to homes near Brest. "
    "Fishing boats in Brittany stayed in port as Storm Brigid passed over the coast near Brest.";
const std::string kTram =
    "Lisbon city council approved the extension of the number 15 tram line to the suburbs.";

// Two storm reports on one day, a third two days later, and an unrelated tram article, out of order.
std::string storm_news() {
  return article("late", "Brittany counts storm damage", kStorm + " Damage was counted on Friday.",
                 "2020-11-12", "Ouest Wire") +
         article("tram", "Tram line to grow", kTram, "2020-11-10", "Lisbon Post") +
         article("first", "Storm Brigid hits Brittany", kStorm, "2020-11-10T06:00:00Z", "Ouest Wire") +
         article("second", "Brigid cuts power near Brest", kStorm + " Power came back at night.",
                 "2020-11-10T09:00:00Z", "Breizh Radio");
}

TEST(CliTimeline, PrintsAStorylineWithItsStories) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const CliRun run = run_cli("timeline " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("storyline ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("3 articles"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2020-11-10"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("sources: Ouest Wire, Breizh Radio"), std::string::npos) << run.out;
  // The tram storyline has one article: left out by default, and said so.
  EXPECT_EQ(run.out.find("Tram line"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("1 of a single article left out"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("read 4 articles"), std::string::npos) << run.err;
}

TEST(CliTimeline, JsonHasOneLinePerStorylineLargestFirst) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const CliRun run = run_cli("timeline --json --all --quiet " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.err.empty()) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["articles"], 3);
  EXPECT_EQ(lines[1]["articles"], 1);
  const auto& stories = lines[0]["stories"];
  ASSERT_FALSE(stories.empty());
  std::size_t articles = 0;
  std::string previous;
  for (const auto& story : stories) {
    articles += story["articles"].get<std::size_t>();
    const std::string date = story["date"];
    EXPECT_LE(previous, date);
    previous = date;
    EXPECT_TRUE(story.contains("label"));
    EXPECT_TRUE(story.contains("key_sentence"));
    EXPECT_EQ(story["ids"].size(), story["articles"].get<std::size_t>());
  }
  EXPECT_EQ(articles, 3u);
  EXPECT_EQ(stories[0]["date"], "2020-11-10");
  EXPECT_EQ(lines[0]["first"], "2020-11-10");
  EXPECT_EQ(lines[0]["last"], "2020-11-12");
  EXPECT_EQ(lines[1]["stories"][0]["label"], "Tram line to grow");
}

TEST(CliTimeline, SelectsOneStorylineAndItsLargestStories) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const auto all = json_lines(run_cli("timeline --json --all --quiet " + input.string()).out);
  ASSERT_EQ(all.size(), 2u);
  const auto tram = all[1]["storyline"].get<std::uint32_t>();
  const CliRun run =
      run_cli("timeline --json --quiet --storyline " + std::to_string(tram) + " " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 1u);  // shown although it has a single article: it was asked for
  EXPECT_EQ(lines[0]["storyline"], tram);

  const auto top = json_lines(run_cli("timeline --json --quiet --top 1 " + input.string()).out);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0]["stories"].size(), 1u);
  EXPECT_EQ(top[0]["stories_total"], all[0]["stories"].size());
}

// The storm story ran on Nov 10 and 11: with --top 2 it shows on both days, each with its own title.
// (Nov 12's report is a copy of Nov 10's, with nothing of its own to show.)
TEST(CliTimeline, TopShowsTheLeadingDaysAndSaysSo) {
  const TempDir dir;
  const auto input = dir.write(
      "news.jsonl", storm_news() + article("insurers", "Insurers tally Brigid's bill",
                                           "Insurers in Brittany said Storm Brigid left damage to boats and "
                                           "homes near Brest, where power lines came down on the coast.",
                                           "2020-11-11T08:00:00Z", "Breizh Radio"));
  const CliRun run = run_cli("timeline --quiet --top 2 " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("1 story (its 2 leading days shown)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Insurers tally Brigid's bill"), std::string::npos) << run.out;  // Nov 11's title

  const auto undated = dir.write("undated.txt", "Storm Brigid hits Brittany\n" + kStorm + "\n");
  const CliRun plain = run_cli("timeline --quiet --all --top 2 " + undated.string());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("(its 1 largest story shown)"), std::string::npos) << plain.out;
}

// The storm storyline keeps its number; only the window's days are laid out.
TEST(CliTimeline, SinceAndUntilLayOutOnlyTheirDays) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const auto all = json_lines(run_cli("timeline --json --quiet " + input.string()).out);
  ASSERT_EQ(all.size(), 1u);
  const CliRun run = run_cli("timeline --json --quiet --since 2020-11-11 " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = json_lines(run.out);
  ASSERT_EQ(lines.size(), 0u) << "one article is left, and a storyline of one is left out without --all";
  const auto kept =
      json_lines(run_cli("timeline --json --quiet --all --since 2020-11-11 " + input.string()).out);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0]["storyline"], all[0]["storyline"]);
  EXPECT_EQ(kept[0]["first"], "2020-11-12");
  EXPECT_EQ(kept[0]["articles"], 1);
  const auto until = json_lines(run_cli("timeline --json --quiet --until 2020-11-10 " + input.string()).out);
  ASSERT_EQ(until.size(), 1u);
  EXPECT_EQ(until[0]["articles"], 2);
  EXPECT_EQ(until[0]["last"], "2020-11-10");

  const CliRun bad = run_cli("timeline --quiet --since 10/11/2020 " + input.string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--since: '10/11/2020' is not a date"), std::string::npos) << bad.err;
  const CliRun backwards =
      run_cli("timeline --quiet --since 2020-11-12 --until 2020-11-10 " + input.string());
  EXPECT_EQ(backwards.exit_code, 2);
  EXPECT_NE(backwards.err.find("--since 2020-11-12 is after --until 2020-11-10"), std::string::npos)
      << backwards.err;
}

TEST(CliTimeline, UnknownStorylineIsAUsageError) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const CliRun run = run_cli("timeline --quiet --storyline 99 " + input.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no storyline 99"), std::string::npos) << run.err;
}

TEST(CliTimeline, WritesToAFile) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const auto out = dir.path() / "timeline.txt";
  const CliRun run = run_cli("timeline --quiet -o " + out.string() + " " + input.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(read_file(out).find("storyline "), std::string::npos);
}

TEST(CliTimeline, MissingInputFails) {
  const CliRun run = run_cli("timeline --quiet /nonexistent/news.jsonl");
  EXPECT_EQ(run.exit_code, 1) << run.err;
}

// Acceptance: among timeline17's articles, the two seeds are two dated stories of one storyline.
TEST(CliTimeline, SeedsAreTwoDatedStoriesOfOneStoryline) {
  const auto seeds = shared_dir() / "seeds" / "seeds.jsonl";
  const auto articles = shared_dir() / "data" / "timeline17" / "articles.jsonl";
  if (!std::filesystem::exists(seeds) || !std::filesystem::exists(articles)) {
    GTEST_SKIP() << "no " << seeds << " or " << articles << " (set STORYLINE_SHARED_DIR)";
  }
  const CliRun run = run_cli("timeline --json --quiet " + seeds.string() + " " + articles.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::optional<nlohmann::json> storyline;
  for (const auto& line : json_lines(run.out)) {
    for (const auto& story : line["stories"]) {
      for (const auto& id : story["ids"]) {
        if (id == "000_f337b9528f10e226") storyline = line;
      }
    }
  }
  ASSERT_TRUE(storyline.has_value()) << "the 2018 seed is in no storyline";
  std::string date_2018;
  std::string date_2020;
  for (const auto& story : (*storyline)["stories"]) {
    for (const auto& id : story["ids"]) {
      if (id == "000_f337b9528f10e226") date_2018 = story["date"];
      if (id == "003_4eeb0491fbd7206d") date_2020 = story["date"];
    }
  }
  EXPECT_EQ(date_2018.rfind("2018-09-", 0), 0u) << storyline->dump();
  EXPECT_EQ(date_2020.rfind("2020-07-", 0), 0u) << storyline->dump();
}

// --db lays out what a store holds: the store's clustering replayed, so the same lines as the input it
// was ingested from.
TEST(CliTimeline, FromAStorePrintsWhatTheInputGives) {
  const TempDir dir;
  const auto input = dir.write("news.jsonl", storm_news());
  const auto db = (dir.path() / "store.db").string();
  ASSERT_EQ(run_cli("ingest --quiet --db " + db + " " + input.string()).exit_code, 0);
  for (const char* flags : {"", "--json --all", "--json --storyline 0", "--top 1"}) {
    const CliRun from_file = run_cli(std::string("timeline --quiet ") + flags + " " + input.string());
    const CliRun from_store = run_cli(std::string("timeline --quiet ") + flags + " --db " + db);
    ASSERT_EQ(from_store.exit_code, 0) << flags << ": " << from_store.err;
    EXPECT_FALSE(from_store.out.empty()) << flags;
    EXPECT_EQ(from_store.out, from_file.out) << flags;
  }
  const CliRun reported = run_cli("timeline --db " + db);
  EXPECT_NE(reported.err.find("1 storyline written; 1 of a single article left out"), std::string::npos)
      << reported.err;

  const CliRun unknown = run_cli("timeline --storyline 99 --db " + db);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no storyline 99 in the store"), std::string::npos) << unknown.err;
  const CliRun both = run_cli("timeline --db " + db + " " + input.string());
  EXPECT_EQ(both.exit_code, 2) << both.err;
  const CliRun clustering_flag = run_cli("timeline --max-story-days 3 --db " + db);
  EXPECT_EQ(clustering_flag.exit_code, 2) << clustering_flag.err;
  const CliRun neither = run_cli("timeline");
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("--db PATH"), std::string::npos) << neither.err;
  const CliRun missing = run_cli("timeline --db " + (dir.path() / "none.db").string());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace storyline::testing
