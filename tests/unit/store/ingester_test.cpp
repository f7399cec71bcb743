#include "storyline/store/ingester.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "cli/cli_runner.hpp"

namespace storyline {
namespace {

using testing::TempDir;

Article article(const std::string& id, const std::string& text, const std::string& published) {
  Article a;
  a.id = id;
  a.text = text;
  a.published = published;
  a.published_at = parse_iso8601(published);
  return a;
}

const std::string kStorm =
    "Storm Brigid hit the coast of Brittany with winds of 150 km/h, cutting power near Brest.";
const std::string kStormLater =
    "Homes near Brest in Brittany were still without power after Storm Brigid hit.";
const std::string kTram =
    "Lisbon city council approved the extension of the number 15 tram line to the suburbs.";
const std::string kTramLater =
    "The Lisbon tram line extension approved by the city council faces budget questions.";

std::vector<Article> stream() {
  return {article("storm-1", kStorm, "2020-11-09T06:00:00Z"),
          article("tram-1", kTram, "2020-11-09T09:00:00Z"),
          article("storm-copy", kStorm, "2020-11-09T10:00:00Z"),
          article("storm-2", kStormLater, "2020-11-10T08:00:00Z"),
          article("tram-2", kTramLater, "2020-11-10T12:00:00Z")};
}

std::vector<StoredArticle> stored_articles(Store& store) {
  std::vector<StoredArticle> out;
  EXPECT_TRUE(store.for_each_article([&](const StoredArticle& a) -> Status {
    out.push_back(a);
    return {};
  }));
  return out;
}

TEST(StoreIngester, TwoRunsGiveWhatOneClustererGives) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  const auto articles = stream();
  IngestOptions options;
  options.batch_size = 2;
  for (const auto& [begin, end] : {std::pair{0, 3}, std::pair{3, 5}}) {
    auto ingester = StoreIngester::open(path, options);
    ASSERT_TRUE(ingester) << ingester.error().message();
    EXPECT_EQ(ingester->replayed(), static_cast<std::uint64_t>(begin));
    for (int i = begin; i < end; ++i) ASSERT_TRUE(ingester->add(articles[static_cast<std::size_t>(i)]));
    ASSERT_TRUE(ingester->finish(static_cast<std::uint64_t>(end - begin), 0));
  }
  auto clusterer = StoryClusterer::create();
  ASSERT_TRUE(clusterer);
  auto store = Store::open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(store);
  const auto stored = stored_articles(*store);
  ASSERT_EQ(stored.size(), articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    auto expected = clusterer->add(articles[i]);
    ASSERT_TRUE(expected);
    EXPECT_EQ(stored[i].article.id, articles[i].id);
    EXPECT_EQ(stored[i].assignment,
              (StoredAssignment{expected->story, expected->storyline, expected->duplicate_of}))
        << articles[i].id;
  }
  EXPECT_EQ(stored[2].assignment.duplicate_of, 0u);  // the copy names its original
  EXPECT_EQ(stored[0].assignment.story, stored[3].assignment.story);
}

TEST(StoreIngester, ReingestingKnownIdsAddsNothing) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  {
    auto ingester = StoreIngester::open(path);
    ASSERT_TRUE(ingester);
    for (const Article& a : stream()) ASSERT_TRUE(ingester->add(a));
    auto repeated = ingester->add(stream()[0]);  // the same id twice in one run
    ASSERT_TRUE(repeated);
    EXPECT_FALSE(repeated->has_value());
    ASSERT_TRUE(ingester->finish(6, 0));
  }
  auto ingester = StoreIngester::open(path);
  ASSERT_TRUE(ingester);
  EXPECT_EQ(ingester->replayed(), 5u);
  for (const Article& a : stream()) {
    auto added = ingester->add(a);
    ASSERT_TRUE(added);
    EXPECT_FALSE(added->has_value()) << a.id;
  }
  ASSERT_TRUE(ingester->finish(5, 0));
  EXPECT_EQ(ingester->already_present(), 5u);
  EXPECT_EQ(ingester->added(), 0u);
  EXPECT_EQ(*ingester->store().article_count(), 5u);
}

TEST(StoreIngester, RecordsEachRun) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  auto ingester = StoreIngester::open(path);
  ASSERT_TRUE(ingester);
  for (const Article& a : stream()) ASSERT_TRUE(ingester->add(a));
  ASSERT_TRUE(ingester->finish(7, 2));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT articles_read, articles_added, already_present, records_skipped, "
                               "finished_at IS NOT NULL FROM ingest_runs",
                               -1, &query, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(query, 0), 7);
  EXPECT_EQ(sqlite3_column_int(query, 1), 5);
  EXPECT_EQ(sqlite3_column_int(query, 2), 0);
  EXPECT_EQ(sqlite3_column_int(query, 3), 2);
  EXPECT_EQ(sqlite3_column_int(query, 4), 1);
  sqlite3_finalize(query);
  sqlite3_close(db);
}

TEST(StoreIngester, RefusesAStoreItsClustererWouldNotHaveBuilt) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  {
    auto ingester = StoreIngester::open(path);
    ASSERT_TRUE(ingester);
    for (const Article& a : stream()) ASSERT_TRUE(ingester->add(a));
    ASSERT_TRUE(ingester->finish(5, 0));
  }
  // As if another model had put tram-2 in a story of its own.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE assignments SET story = 7 WHERE position = "
                         "(SELECT position FROM articles WHERE id = 'tram-2')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto ingester = StoreIngester::open(path);
  ASSERT_FALSE(ingester);
  EXPECT_EQ(ingester.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(ingester.error().reason.find("'tram-2'"), std::string::npos) << ingester.error().message();
  EXPECT_NE(ingester.error().reason.find("stored story 7"), std::string::npos) << ingester.error().message();
}

TEST(StoreIngester, RejectsAZeroBatch) {
  const TempDir dir;
  IngestOptions options;
  options.batch_size = 0;
  auto ingester = StoreIngester::open((dir.path() / "store.db").string(), options);
  ASSERT_FALSE(ingester);
  EXPECT_EQ(ingester.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(StoreIngester, CommitMakesTheBatchVisibleAndKeepsTheRunOpen) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  IngestOptions options;
  options.batch_size = 1000;  // nothing commits on its own
  auto ingester = StoreIngester::open(path, options);
  ASSERT_TRUE(ingester);
  const auto articles = stream();
  for (std::size_t i = 0; i < 3; ++i) ASSERT_TRUE(ingester->add(articles[i]));
  auto reader = Store::open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(reader);
  EXPECT_EQ(*reader->article_count(), 0u);  // uncommitted: invisible to another connection
  ASSERT_TRUE(ingester->commit());
  EXPECT_EQ(*reader->article_count(), 3u);
  ASSERT_TRUE(ingester->commit());  // nothing open: a no-op
  for (std::size_t i = 3; i < articles.size(); ++i) ASSERT_TRUE(ingester->add(articles[i]));
  ASSERT_TRUE(ingester->commit());
  EXPECT_EQ(*reader->article_count(), articles.size());
  EXPECT_EQ(ingester->batches_committed(), 2u);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*), sum(articles_added), sum(finished_at IS NULL) FROM ingest_runs",
                               -1, &query, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(query, 0), 1);  // one run
  EXPECT_EQ(sqlite3_column_int(query, 1), 5);  // its counts committed with the articles
  EXPECT_EQ(sqlite3_column_int(query, 2), 1);  // and it is still open
  sqlite3_finalize(query);
  sqlite3_close(db);
  ASSERT_TRUE(ingester->finish(5, 0));
}

}  // namespace
}  // namespace storyline
