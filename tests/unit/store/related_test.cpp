// find_related: an article's story mates and storyline mates, with totals, a limit and copies' originals.
#include "storyline/store/related.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "storyline/json/codec.hpp"

namespace storyline {
namespace {

using testing::TempDir;

Article article(const std::string& id) {
  Article a;
  a.id = id;
  a.title = "Title of " + id;
  a.text = "Text of " + id;
  a.source = "Wire";
  return a;
}

std::vector<std::string> ids(const std::vector<RelatedArticle>& related) {
  std::vector<std::string> out;
  for (const RelatedArticle& r : related) out.push_back(r.article.article.id);
  return out;
}

// Storyline 0: story 0 (a, its copy a-copy, b) and story 1 (c, and c-far, a copy of d in storyline 1);
// storyline 1: story 2 (d).
class FindRelated : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open((m_dir.path() / "store.db").string());
    ASSERT_TRUE(store) << store.error().message();
    m_store.emplace(std::move(store).value());
    ASSERT_TRUE(m_store->begin_batch());
    const auto add = [&](const std::string& id, StoredAssignment assignment, bool opened) {
      auto added = m_store->add(article(id), assignment, opened);
      ASSERT_TRUE(added) << added.error().message();
    };
    add("a", {0, 0, std::nullopt}, true);
    add("a-copy", {0, 0, 0}, false);
    add("b", {0, 0, std::nullopt}, false);
    add("d", {2, 1, std::nullopt}, true);
    add("c", {1, 0, std::nullopt}, true);
    add("c-far", {1, 0, 3}, false);
    ASSERT_TRUE(m_store->commit_batch());
  }

  TempDir m_dir;
  std::optional<Store> m_store;
};

TEST_F(FindRelated, ListsStoryAndStorylineMatesInStreamOrder) {
  auto related = find_related(*m_store, "a", 100);
  ASSERT_TRUE(related) << related.error().message();
  ASSERT_TRUE(*related);
  const RelatedCoverage& coverage = **related;
  EXPECT_EQ(coverage.article.article.id, "a");
  EXPECT_EQ(coverage.article.article.text, "Text of a");
  EXPECT_EQ(ids(coverage.same_story), (std::vector<std::string>{"a-copy", "b"}));
  EXPECT_EQ(ids(coverage.same_storyline), (std::vector<std::string>{"c", "c-far"}));
  EXPECT_EQ(coverage.same_story_total, 2u);
  EXPECT_EQ(coverage.same_storyline_total, 2u);
  // Listings carry no text; copies name their original, also one outside the storyline.
  EXPECT_TRUE(coverage.same_story[0].article.article.text.empty());
  EXPECT_EQ(coverage.same_story[0].article.article.title, "Title of a-copy");
  EXPECT_EQ(coverage.same_story[0].duplicate_of_id, "a");
  EXPECT_EQ(coverage.same_story[1].duplicate_of_id, "");
  EXPECT_EQ(coverage.same_storyline[1].duplicate_of_id, "d");
}

TEST_F(FindRelated, TheLimitCutsTheListsButNotTheTotals) {
  auto related = find_related(*m_store, "c", 1);
  ASSERT_TRUE(related && *related);
  EXPECT_EQ(ids((*related)->same_story), std::vector<std::string>{"c-far"});
  EXPECT_EQ(ids((*related)->same_storyline), std::vector<std::string>{"a"});
  EXPECT_EQ((*related)->same_storyline_total, 3u);
  auto none = find_related(*m_store, "c", 0);
  ASSERT_TRUE(none && *none);
  EXPECT_TRUE((*none)->same_story.empty());
  EXPECT_EQ((*none)->same_story_total, 1u);
}

TEST_F(FindRelated, AnArticleAloneHasNoneAndAnUnknownIdIsNotFound) {
  auto alone = find_related(*m_store, "d", 10);
  ASSERT_TRUE(alone && *alone);
  EXPECT_TRUE((*alone)->same_story.empty());
  EXPECT_TRUE((*alone)->same_storyline.empty());
  auto unknown = find_related(*m_store, "nope", 10);
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
}

TEST_F(FindRelated, JsonIsTheShapeOfGetRelated) {
  auto related = find_related(*m_store, "a", 1);
  ASSERT_TRUE(related && *related);
  const json::Json out = json::related_json(**related);
  std::vector<std::string> keys;
  for (const auto& [key, value] : out.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "story", "storyline", "same_story_total", "same_storyline_total",
                                            "same_story", "same_storyline"}));
  EXPECT_EQ(out["id"], "a");
  EXPECT_EQ(out["same_story_total"], 2);
  ASSERT_EQ(out["same_story"].size(), 1u);
  EXPECT_EQ(out["same_story"][0], json::article_json((*related)->same_story[0].article, "a", false));
  EXPECT_EQ(out["same_story"][0]["duplicate_of"], "a");
  EXPECT_FALSE(out["same_story"][0].contains("text"));
}

}  // namespace
}  // namespace storyline
