#include "storyline/store/store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "unit/store/raw_sql.hpp"

namespace storyline {
namespace {

using testing::TempDir;

Article article(const std::string& id, const std::string& published, const std::string& title = "A title") {
  Article a;
  a.id = id;
  a.title = title;
  a.text = "Text of " + id;
  a.published = published;
  if (!published.empty()) a.published_at = parse_iso8601(published);
  return a;
}

using test_support::raw_sql;
using test_support::raw_text;

TEST(Store, CreatesAVersionedSchemaInWalMode) {
  const TempDir dir;
  const auto path = dir.path() / "store.db";
  ASSERT_TRUE(Store::open(path.string()));
  EXPECT_EQ(raw_text(path, "PRAGMA user_version"), std::to_string(kStoreSchemaVersion));
  EXPECT_EQ(raw_text(path, "PRAGMA application_id"), std::to_string(kStoreApplicationId));
  EXPECT_EQ(raw_text(path, "PRAGMA journal_mode"), "wal");
  for (const char* table : {"articles", "assignments", "stories", "storylines", "ingest_runs"}) {
    EXPECT_EQ(raw_text(path, std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"),
              "1")
        << table;
  }
  // Opening again finds the schema and leaves it alone.
  auto again = Store::open(path.string());
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(*again->article_count(), 0u);
}

TEST(Store, StoresArticlesAndKeepsSummariesUpToDate) {
  const TempDir dir;
  auto store = Store::open((dir.path() / "store.db").string());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->start_run());
  Article first = article("a", "2020-11-10T08:00:00Z", "Storm hits");
  first.url = "https://example.org/a";
  first.extra.push_back(ExtraField{"section", "\"weather\""});
  first.extra.push_back(ExtraField{"tags", "[1, 2]"});
  ASSERT_TRUE(store->begin_batch());
  EXPECT_EQ(*store->add(first, StoredAssignment{0, 0, std::nullopt}, true), 0u);
  EXPECT_EQ(*store->add(article("b", "2020-11-09"), StoredAssignment{0, 0, 0}, false), 1u);
  EXPECT_EQ(*store->add(article("c", ""), StoredAssignment{1, 0, std::nullopt}, true), 2u);
  ASSERT_TRUE(store->commit_batch());

  std::vector<StoredArticle> stored;
  ASSERT_TRUE(store->for_each_article([&](const StoredArticle& a) -> Status {
    stored.push_back(a);
    return {};
  }));
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].article.id, "a");
  EXPECT_EQ(stored[0].article.url, "https://example.org/a");
  EXPECT_EQ(stored[0].article.published, "2020-11-10T08:00:00Z");
  EXPECT_EQ(stored[0].article.published_at, parse_iso8601("2020-11-10T08:00:00Z"));
  ASSERT_EQ(stored[0].article.extra.size(), 2u);
  EXPECT_EQ(stored[0].article.extra[0].name, "section");
  EXPECT_EQ(stored[0].article.extra[0].json, "\"weather\"");
  EXPECT_EQ(stored[0].article.extra[1].json, "[1,2]");
  EXPECT_EQ(stored[1].assignment, (StoredAssignment{0, 0, 0}));
  EXPECT_FALSE(stored[2].article.published_at.has_value());

  auto stories = store->stories();
  ASSERT_TRUE(stories);
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].articles, 2u);
  EXPECT_EQ((*stories)[0].first_published, "2020-11-09T00:00:00Z");  // the later article is older
  EXPECT_EQ((*stories)[0].last_published, "2020-11-10T08:00:00Z");
  EXPECT_EQ((*stories)[0].title, "Storm hits");
  EXPECT_EQ((*stories)[1].first_published, "");  // undated only
  auto storylines = store->storylines();
  ASSERT_TRUE(storylines);
  ASSERT_EQ(storylines->size(), 1u);
  EXPECT_EQ((*storylines)[0].stories, 2u);
  EXPECT_EQ((*storylines)[0].articles, 3u);
  EXPECT_EQ((*storylines)[0].first_article_id, "a");

  auto found = store->find_article("b");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->position, 1u);
  EXPECT_EQ(*store->article_id(2), "c");
  EXPECT_TRUE(store->check_integrity()->empty());
}

TEST(Store, KnowsItsIdsAndRefusesOneTwice) {
  const TempDir dir;
  auto store = Store::open((dir.path() / "store.db").string());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->begin_batch());
  ASSERT_TRUE(store->add(article("a", "2020-01-01"), StoredAssignment{}, true));
  EXPECT_TRUE(*store->contains("a"));  // visible inside the open batch
  EXPECT_FALSE(*store->contains("b"));
  auto again = store->add(article("a", "2020-01-02"), StoredAssignment{}, false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(store->commit_batch());
  EXPECT_EQ(*store->article_count(), 1u);
}

TEST(Store, RolledBackBatchLeavesNoTrace) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->begin_batch());
    ASSERT_TRUE(store->add(article("a", "2020-01-01"), StoredAssignment{}, true));
    ASSERT_TRUE(store->commit_batch());
    ASSERT_TRUE(store->begin_batch());
    ASSERT_TRUE(store->add(article("b", "2020-01-01"), StoredAssignment{}, false));
    store->rollback_batch();
    ASSERT_TRUE(store->begin_batch());
    EXPECT_EQ(*store->add(article("c", "2020-01-01"), StoredAssignment{}, false), 1u);
    // Closed with the batch open: as in a crash, it is lost.
  }
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->article_count(), 1u);
  EXPECT_FALSE(*store->contains("c"));
  EXPECT_EQ((*store->stories())[0].articles, 1u);
}

TEST(Store, RefusesANewerSchemaVersion) {
  const TempDir dir;
  const auto path = dir.path() / "store.db";
  ASSERT_TRUE(Store::open(path.string()));
  raw_sql(path, "PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1));
  for (const StoreMode mode : {StoreMode::kReadWrite, StoreMode::kReadOnly}) {
    auto store = Store::open(path.string(), mode);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kUnsupportedFormat);
    EXPECT_NE(store.error().reason.find("newer storyline"), std::string::npos) << store.error().message();
    EXPECT_EQ(store.error().file, path.string());
  }
}

TEST(Store, RefusesFilesThatAreNotStores) {
  const TempDir dir;
  const auto other = dir.path() / "other.db";
  raw_sql(other, "CREATE TABLE notes (x TEXT)");
  auto store = Store::open(other.string());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(store.error().reason.find("not a storyline store"), std::string::npos);

  const auto text = dir.write("notes.txt", std::string(4096, 'x'));
  store = Store::open(text.string());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupportedFormat) << store.error().message();

  store = Store::open((dir.path() / "missing.db").string(), StoreMode::kReadOnly);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnreadableInput);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "missing.db"));
}

TEST(Store, ReadOnlyStoreDoesNotWrite) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  ASSERT_TRUE(Store::open(path));
  auto store = Store::open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_FALSE(store->begin_batch());
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(Store, FindsOneSummaryAndWalksAStoryOrAStoryline) {
  const TempDir dir;
  auto store = Store::open((dir.path() / "store.db").string());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->begin_batch());
  ASSERT_TRUE(store->add(article("a", "2021-03-02"), StoredAssignment{0, 0, std::nullopt}, true));
  ASSERT_TRUE(store->add(article("b", "2021-03-02"), StoredAssignment{1, 1, std::nullopt}, true));
  ASSERT_TRUE(store->add(article("c", "2021-03-04"), StoredAssignment{0, 0, 0}, false));
  ASSERT_TRUE(store->add(article("d", "2021-04-01"), StoredAssignment{2, 0, std::nullopt}, true));
  ASSERT_TRUE(store->commit_batch());

  auto story = store->find_story(0);
  ASSERT_TRUE(story && story->has_value());
  EXPECT_EQ((*story)->articles, 2u);
  EXPECT_EQ((*story)->last_published, "2021-03-04T00:00:00Z");
  auto storyline = store->find_storyline(0);
  ASSERT_TRUE(storyline && storyline->has_value());
  EXPECT_EQ((*storyline)->stories, 2u);
  EXPECT_EQ((*storyline)->articles, 3u);
  EXPECT_FALSE(store->find_story(3)->has_value());
  EXPECT_FALSE(store->find_storyline(2)->has_value());

  const auto ids = [&](bool by_story, std::uint32_t number) {
    std::vector<std::string> out;
    const auto visit = [&](const StoredArticle& stored) -> Status {
      out.push_back(stored.article.id);
      return {};
    };
    EXPECT_TRUE(by_story ? store->for_each_story_article(number, visit)
                         : store->for_each_storyline_article(number, visit));
    return out;
  };
  EXPECT_EQ(ids(true, 0), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(ids(false, 0), (std::vector<std::string>{"a", "c", "d"}));  // stream order
  EXPECT_EQ(ids(false, 1), (std::vector<std::string>{"b"}));
  EXPECT_TRUE(ids(true, 7).empty());

  // A visitor's error stops the walk and comes back.
  std::size_t seen = 0;
  auto stopped = store->for_each_storyline_article(0, [&](const StoredArticle&) -> Status {
    ++seen;
    return Error{ErrorCode::kInvalidArgument, "enough"};
  });
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().reason, "enough");
  EXPECT_EQ(seen, 1u);
}

}  // namespace
}  // namespace storyline
