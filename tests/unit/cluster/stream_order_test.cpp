#include "storyline/cluster/stream_order.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline {
namespace {

Article dated(const std::string& id, const std::string& published) {
  Article article;
  article.id = id;
  article.text = "text";
  article.published = published;
  if (!published.empty()) article.published_at = parse_iso8601(published);
  return article;
}

std::vector<std::string> order_of(std::vector<Article> articles, std::size_t capacity) {
  StreamOrder order(capacity);
  std::vector<std::string> ids;
  for (Article& article : articles) {
    if (auto released = order.push(std::move(article))) ids.push_back(released->id);
  }
  while (auto released = order.pop()) ids.push_back(released->id);
  return ids;
}

TEST(StreamOrder, ReleasesEarliestFirstWithInputOrderOnTies) {
  const std::vector<Article> articles = {dated("c", "2020-01-03"), dated("a1", "2020-01-01"),
                                         dated("b", "2020-01-02"), dated("a2", "2020-01-01")};
  EXPECT_EQ(order_of(articles, 10), (std::vector<std::string>{"a1", "a2", "b", "c"}));
}

TEST(StreamOrder, UndatedArticlesKeepTheirPlaceAfterTheirDatedNeighbour) {
  const std::vector<Article> articles = {dated("late", "2020-01-05"), dated("undated", ""),
                                         dated("early", "2020-01-01"), dated("first-undated", "")};
  // "undated" follows "late"; "first-undated" follows "early".
  EXPECT_EQ(order_of(articles, 10), (std::vector<std::string>{"early", "first-undated", "late", "undated"}));
}

TEST(StreamOrder, ABoundedBufferOrdersOnlyWithinItsWindow) {
  const std::vector<Article> articles = {dated("c", "2020-01-03"), dated("b", "2020-01-02"),
                                         dated("a", "2020-01-01")};
  // With room for one article, "c" must leave before "a" arrives.
  EXPECT_EQ(order_of(articles, 1), (std::vector<std::string>{"b", "a", "c"}));
}

}  // namespace
}  // namespace storyline
