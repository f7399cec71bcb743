// Store::search: FTS5 over titles and texts, kept in step with the articles, safe for any query, and
// added to a store of the version before it when that store is opened for writing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "unit/store/raw_sql.hpp"
#include "storyline/store/store.hpp"

namespace storyline {
namespace {

using testing::TempDir;

Article article(const std::string& id, const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.published = "2020-11-10";
  a.published_at = parse_iso8601(a.published);
  return a;
}

// Six matters, each its own story and storyline; storms come up in passing in two of the others, so
// that "about storms" and "mentions a storm" differ.
std::vector<Article> corpus() {
  return {
      article("storm", "Storm Brigid batters Brittany coast",
              "Storm Brigid hit the coast of Brittany overnight. The storm cut power to homes near Brest, "
              "and storms are expected again this winter."),
      article("tram", "Lisbon council approves tram line extension",
              "Lisbon city council voted to extend the number 15 tram line to the western suburbs."),
      article("fish", "Norway and Sweden clash over Barents Sea cod quotas",
              "Norwegian Fisheries Minister Ola Brekke accused Sweden of breaking the cod agreement."),
      article("cafe", "Café owners in Montréal protest rent rises",
              "Owners of cafés in Montréal marched on city hall over commercial rents."),
      article("match", "Brest win the derby",
              "Brest beat Lorient two goals to one, in a match delayed by a storm last week."),
      article("budget", "Parliament passes the budget",
              "The budget passed by twelve votes. Farmers asked for help after the storm damaged crops."),
  };
}

using test_support::raw_sql;
using test_support::raw_text;

void add_all(Store& store, const std::vector<Article>& articles) {
  ASSERT_TRUE(store.begin_batch());
  for (const Article& a : articles) {
    auto count = store.article_count();
    ASSERT_TRUE(count);
    const auto number = static_cast<std::uint32_t>(*count);
    auto added = store.add(a, StoredAssignment{number, number, std::nullopt}, true);
    ASSERT_TRUE(added) << added.error().message();
  }
  ASSERT_TRUE(store.commit_batch());
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& hit : hits) out.push_back(hit.article.article.id);
  return out;
}

class StoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open(m_path);
    ASSERT_TRUE(store) << store.error().message();
    m_store.emplace(std::move(store).value());
    add_all(*m_store, corpus());
  }
  std::vector<SearchHit> search(const std::string& query, std::size_t limit = 10) {
    auto hits = m_store->search(query, limit);
    EXPECT_TRUE(hits) << query << ": " << hits.error().message();
    return hits ? std::move(hits).value() : std::vector<SearchHit>();
  }

  TempDir m_dir;
  std::string m_path = (m_dir.path() / "store.db").string();
  std::optional<Store> m_store;
};

TEST_F(StoreSearch, TheArticleAboutTheQueryRanksFirst) {
  const auto storm = search("storm");
  ASSERT_EQ(ids(storm).size(), 3u);
  EXPECT_EQ(ids(storm)[0], "storm");  // in its title and three times in its text; the others in passing
  for (std::size_t i = 1; i < storm.size(); ++i) EXPECT_GE(storm[i - 1].score, storm[i].score);
  EXPECT_GT(storm[0].score, storm[1].score);

  EXPECT_EQ(ids(search("tram extension")), std::vector<std::string>{"tram"});
  EXPECT_EQ(ids(search("Barents cod"))[0], "fish");
}

TEST_F(StoreSearch, EveryWordMustMatchInAnyFormCaseOrAccent) {
  EXPECT_EQ(ids(search("storm lisbon")), std::vector<std::string>{});
  EXPECT_EQ(ids(search("STORMS Brittany")), std::vector<std::string>{"storm"});  // stemmed, case-folded
  EXPECT_EQ(ids(search("cafe montreal")), std::vector<std::string>{"cafe"});    // diacritics folded
  auto voted = ids(search("voted"));  // "voted" in one article, "votes" in another: one stem
  std::sort(voted.begin(), voted.end());
  EXPECT_EQ(voted, (std::vector<std::string>{"budget", "tram"}));
}

TEST_F(StoreSearch, HitsCarryTheArticleWithoutItsTextAndHonourTheLimit) {
  const auto hits = search("storm", 2);
  ASSERT_EQ(hits.size(), 2u);
  const StoredArticle& top = hits[0].article;
  EXPECT_EQ(top.article.id, "storm");
  EXPECT_EQ(top.article.title, "Storm Brigid batters Brittany coast");
  EXPECT_EQ(top.article.published, "2020-11-10");
  EXPECT_TRUE(top.article.text.empty());
  EXPECT_EQ(top.position, 0u);
  EXPECT_EQ(top.assignment.story, 0u);
  EXPECT_GT(hits[0].score, 0.0);
  EXPECT_TRUE(search("storm", 0).empty());
}

TEST_F(StoreSearch, HostileQueriesNeverFail) {
  const std::vector<std::string> queries = {
      "\"", "\"\"", "\"storm", "storm\"", "a\"b", "AND", "storm AND", "OR storm", "NOT storm", "storm NOT",
      "NEAR(storm brittany)", "NEAR", "NEAR/2", "*", "storm*", "^storm", "title:storm", "{title}: storm",
      "(storm", ")", "()", "-storm", "+", "'; DROP TABLE articles; --", std::string("storm\0x", 7),
      "\x01\x02 storm", "\xff\xfe", "...", "!!!", "storm - brittany", "a OR b AND c NOT d",
      std::string(5000, '('), std::string(10000, 'x'),
  };
  for (const std::string& query : queries) {
    auto hits = m_store->search(query, 10);
    EXPECT_TRUE(hits) << "query '" << query << "': " << hits.error().message();
  }
  // Operators are words like any other: as operators these would find the storm and tram articles, or
  // the two storm articles outside Brittany; as words ("or", "not") no article holds them all.
  EXPECT_TRUE(search("storm OR tram").empty());
  EXPECT_TRUE(search("storm NOT brittany").empty());
  EXPECT_EQ(ids(search("storm AND brittany")), std::vector<std::string>{"storm"});  // its text has "and"
  // Punctuation alone holds no word, so it finds nothing; next to a word it adds nothing.
  for (const char* query : {"!!!", "*", "\"", "()", "...", "-", "\"\""}) {
    EXPECT_TRUE(search(query).empty()) << query;
  }
  EXPECT_EQ(ids(search("storm* ^brittany")), std::vector<std::string>{"storm"});
  // The table is still there.
  EXPECT_EQ(*m_store->article_count(), corpus().size());
}

TEST_F(StoreSearch, AnEmptyQueryIsAnError) {
  for (const std::string& query : {std::string(), std::string("   "), std::string(" \t\n ")}) {
    auto hits = m_store->search(query, 10);
    ASSERT_FALSE(hits);
    EXPECT_EQ(hits.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(hits.error().reason.find("empty"), std::string::npos) << hits.error().message();
  }
}

TEST_F(StoreSearch, TheIndexFollowsEachBatch) {
  ASSERT_TRUE(m_store->begin_batch());
  ASSERT_TRUE(m_store->add(article("lost", "Volcano erupts", "A volcano erupted."), StoredAssignment{6, 6, {}},
                           true));
  m_store->rollback_batch();
  EXPECT_TRUE(search("volcano").empty());
  add_all(*m_store, {article("kept", "Volcano erupts", "A volcano erupted in Iceland.")});
  const auto hits = search("volcano");
  ASSERT_EQ(ids(hits), std::vector<std::string>{"kept"});
  EXPECT_EQ(hits[0].article.position, 6u);
  // A reader sees what was committed, and FTS5's own check finds the index in step with the articles.
  auto reader = Store::open(m_path, StoreMode::kReadOnly);
  ASSERT_TRUE(reader);
  EXPECT_EQ(ids(*reader->search("iceland", 10)), std::vector<std::string>{"kept"});
  auto problems = m_store->check_integrity();
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST_F(StoreSearch, TheIndexIsAnFts5TableOverArticles) {
  EXPECT_EQ(raw_text(m_path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'brittany'"), "1");
  EXPECT_EQ(raw_text(m_path, "SELECT a.id FROM articles_fts JOIN articles a ON a.position = articles_fts.rowid "
                             "WHERE articles_fts MATCH 'tram'"),
            "tram");
}

// A store as version 1 wrote it: the same tables, no index, user_version 1.
void make_version_1(const std::string& path) {
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    add_all(*store, corpus());
  }
  raw_sql(path, "DROP TABLE articles_fts; PRAGMA user_version = 1");
}

TEST(StoreSearchUpgrade, AVersion1StoreGainsAFullIndexWhenOpenedForWriting) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  make_version_1(path);
  ASSERT_EQ(raw_text(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"), "0");

  // Read-only it stays as it is: listings work, search says what to do.
  {
    auto reader = Store::open(path, StoreMode::kReadOnly);
    ASSERT_TRUE(reader) << reader.error().message();
    EXPECT_EQ(*reader->article_count(), corpus().size());
    EXPECT_EQ(reader->stories()->size(), corpus().size());
    auto hits = reader->search("storm", 10);
    ASSERT_FALSE(hits);
    EXPECT_EQ(hits.error().code, ErrorCode::kUnsupportedFormat);
    EXPECT_NE(hits.error().reason.find("schema version 1"), std::string::npos) << hits.error().message();
    EXPECT_NE(hits.error().reason.find("storyline ingest --db"), std::string::npos) << hits.error().message();
  }
  EXPECT_EQ(raw_text(path, "PRAGMA user_version"), "1");

  auto store = Store::open(path);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_EQ(raw_text(path, "PRAGMA user_version"), std::to_string(kStoreSchemaVersion));
  auto hits = store->search("storm", 10);
  ASSERT_TRUE(hits) << hits.error().message();
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].article.article.id, "storm");
  EXPECT_TRUE(store->check_integrity()->empty());
  // And it goes on as any version 2 store: new articles are indexed as they are added.
  add_all(*store, {article("later", "Volcano erupts", "A volcano erupted.")});
  EXPECT_EQ(store->search("volcano", 10)->size(), 1u);
  // Opened again (while the first is open), nothing more to do.
  auto again = Store::open(path);
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(again->search("brittany", 10)->size(), 1u);
}

TEST(StoreSearchUpgrade, OtherOlderVersionsAreStillRefused) {
  const TempDir dir;
  const auto path = (dir.path() / "store.db").string();
  ASSERT_TRUE(Store::open(path));
  raw_sql(path, "PRAGMA user_version = 0");
  // user_version 0 with storyline's application id is no version storyline wrote.
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupportedFormat);
}

}  // namespace
}  // namespace storyline
