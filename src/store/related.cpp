#include "storyline/store/related.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace storyline {

Result<std::optional<RelatedCoverage>> find_related(Store& store, std::string_view id, std::size_t limit) {
  auto found = store.find_article(id);
  if (!found) return found.error();
  if (!*found) return std::optional<RelatedCoverage>();
  RelatedCoverage coverage;
  coverage.article = std::move(**found);
  const StoredArticle& subject = coverage.article;
  // One walk over the storyline gives both lists: the story's articles are among the storyline's. The
  // ids it sees also name most originals, as a copy usually sits in its original's story.
  std::unordered_map<std::uint32_t, std::string> ids;
  auto status = store.for_each_storyline_article(
      subject.assignment.storyline, [&](const StoredArticle& article) -> Status {
        ids.emplace(article.position, article.article.id);
        if (article.position == subject.position) return {};
        const bool in_story = article.assignment.story == subject.assignment.story;
        std::size_t& total = in_story ? coverage.same_story_total : coverage.same_storyline_total;
        std::vector<RelatedArticle>& list = in_story ? coverage.same_story : coverage.same_storyline;
        if (total++ < limit) {
          list.push_back(RelatedArticle{article, {}});
          list.back().article.article.text.clear();
        }
        return {};
      });
  if (!status) return status.error();
  for (auto* list : {&coverage.same_story, &coverage.same_storyline}) {
    for (RelatedArticle& related : *list) {
      const auto& original = related.article.assignment.duplicate_of;
      if (!original) continue;
      if (const auto known = ids.find(*original); known != ids.end()) {
        related.duplicate_of_id = known->second;
        continue;
      }
      auto original_id = store.article_id(*original);
      if (!original_id) return original_id.error();
      related.duplicate_of_id = std::move(original_id).value();
    }
  }
  return std::optional<RelatedCoverage>(std::move(coverage));
}

}  // namespace storyline
