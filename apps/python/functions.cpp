// storyline.analyze, similar, dedup and cluster: each what the CLI command of the same name does, over
// dicts instead of files. Articles are read from the caller's iterable in chunks with the GIL held (they
// are Python objects) and processed with it released.
#include "functions.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "convert.hpp"
#include "storyline/cluster/clusterer.hpp"
#include "storyline/cluster/stream_order.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/text/analyze.hpp"

namespace storyline::python {
namespace {

using json::Json;

// As `storyline dedup`: the deduplicator's threads share batches of this size.
constexpr std::size_t kDedupBatch = 4096;

// Whether for_each_chunk refuses an id an earlier article had: dedup and cluster name articles by id,
// as the CLI commands that skip a repeated id do.
enum class Ids : bool { kAnyIds, kUniqueIds };

// Reads `articles` (any iterable of dicts) and hands them to `consume` in chunks, with the GIL released.
// `consume` must not touch Python objects. With Ids::kUniqueIds a repeated id raises (kRepeatedId).
template <typename Consume>
void for_each_chunk(const py::iterable& articles, Consume&& consume, Ids ids = Ids::kAnyIds) {
  std::vector<Article> chunk;
  std::size_t read = 0;
  std::unordered_map<std::string, std::size_t> first_index;  // with kUniqueIds: id -> its first article
  read_in_chunks(
      articles,
      [&](py::handle item, std::size_t index) {
        chunk.push_back(to_article(item, article_label(index), index));
        if (ids == Ids::kUniqueIds) {
          const auto [known, added] = first_index.try_emplace(chunk.back().id, index);
          if (!added) {
            throw EngineError(Error{ErrorCode::kRepeatedId, "id '" + chunk.back().id + "' is article " +
                                                                std::to_string(known->second) +
                                                                "'s too; ids must be unique"},
                              index, article_label(index));
          }
        }
        ++read;
      },
      [&] {
        py::gil_scoped_release release;
        consume(chunk, read - chunk.size());
        chunk.clear();
      });
}

py::list to_list(const std::vector<Json>& items) {
  py::list out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = to_python(items[i]);
  return out;
}

Error invalid(const std::string& reason) { return Error{ErrorCode::kInvalidArgument, reason}; }

// Days as the clusterer's seconds, with the CLI's checks (positive, or non-negative when 0 means "no
// limit").
std::int64_t days_to_seconds(double days, const char* name, bool zero_allowed) {
  if (!std::isfinite(days) || days < 0.0 || (days == 0.0 && !zero_allowed)) {
    throw EngineError(invalid(std::string(name) + " must be a " +
                              (zero_allowed ? "non-negative" : "positive") + " number of days"));
  }
  return static_cast<std::int64_t>(days * 86400.0);
}

std::optional<double> probability(std::optional<double> value, const char* name) {
  if (value && !(*value >= 0.0 && *value <= 1.0))
    throw EngineError(invalid(std::string(name) + " must be in [0, 1]"));
  return value;
}

}  // namespace

py::object analyze(const py::object& articles, std::size_t top_terms) {
  AnalyzeOptions options;
  options.top_terms = top_terms;
  Analyzer analyzer = unwrap(Analyzer::create(options));
  if (py::isinstance<py::dict>(articles)) {
    const Article article = to_article(articles, "article");
    std::optional<Json> out;
    {
      py::gil_scoped_release release;
      out = json::analysis_json(unwrap(analyzer.analyze(article)));
    }
    return to_python(*out);
  }
  // A stream, as `storyline analyze` reads one: term weights use the document frequencies of the
  // articles so far.
  std::vector<Json> out;
  for_each_chunk(articles, [&](const std::vector<Article>& chunk, std::size_t first) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      out.push_back(json::analysis_json(unwrap(analyzer.analyze(chunk[i]), first + i)));
    }
  });
  return to_list(out);
}

py::object similar(const py::object& a, const py::object& b, double same_story_days,
                   double duplicate_threshold, std::size_t entities_across_languages) {
  ComparisonOptions options;
  options.same_story_max_days = same_story_days;
  options.duplicate_jaccard = duplicate_threshold;
  options.storyline_min_entities_across_languages = entities_across_languages;
  const Article first = to_article(a, "a");
  const Article second = to_article(b, "b");
  std::optional<Json> out;
  {
    py::gil_scoped_release release;
    ArticleComparer comparer = unwrap(ArticleComparer::create(options));
    out = json::comparison_json(unwrap(comparer.compare(first, second)));
  }
  return to_python(*out);
}

py::list dedup(const py::iterable& articles, const DedupParams& params) {
  DedupOptions options;
  options.threshold = params.threshold;
  if (params.shingle_kind != "words" && params.shingle_kind != "chars") {
    throw EngineError(invalid("shingle_kind must be 'words' or 'chars'"));
  }
  options.shingles.kind = params.shingle_kind == "chars" ? ShingleKind::kCharacters : ShingleKind::kWords;
  options.shingles.size = params.shingle_size;
  options.permutations = params.permutations;
  Deduplicator deduplicator = unwrap(Deduplicator::create(options, params.threads));
  std::vector<Article> batch;
  for_each_chunk(
      articles,
      [&](std::vector<Article>& chunk, std::size_t /*first*/) {
        for (Article& article : chunk) batch.push_back(std::move(article));
        if (batch.size() >= kDedupBatch) {
          deduplicator.add(std::move(batch));  // sketched in the background while the next chunk is read
          batch = {};
        }
      },
      Ids::kUniqueIds);
  std::vector<Json> out;
  {
    py::gil_scoped_release release;
    deduplicator.add(std::move(batch));
    const std::vector<CopyVerdict> verdicts = deduplicator.verdicts();
    out.reserve(verdicts.size());
    for (const CopyVerdict& verdict : verdicts) {
      out.push_back(
          json::copy_verdict_json(verdict, verdict.duplicate_of ? verdicts[*verdict.duplicate_of].id : ""));
    }
  }
  return to_list(out);
}

py::list cluster(const py::iterable& articles, const ClusterParams& params) {
  ClusterOptions options;
  options.retire_after_seconds = days_to_seconds(params.retire_after_days, "retire_after_days", false);
  options.max_story_seconds = days_to_seconds(params.max_story_days, "max_story_days", true);
  options.storyline_retire_after_seconds =
      days_to_seconds(params.storyline_retire_after_days, "storyline_retire_after_days", false);
  options.join_threshold = probability(params.join_threshold, "join_threshold");
  options.storyline_threshold = probability(params.storyline_threshold, "storyline_threshold");
  StoryClusterer clusterer = unwrap(StoryClusterer::create(options));

  // As `storyline cluster`: the stream goes to the clusterer in publication order, within the buffer.
  StreamOrder order(params.reorder_buffer);
  std::vector<Json> out;
  const auto add = [&](const Article& article) {
    auto assignment = clusterer.add(article);
    if (!assignment)
      throw EngineError(std::move(assignment).error(), std::nullopt, "article '" + article.id + "'");
    out.push_back(json::assignment_json(article.id, assignment->story, assignment->storyline,
                                        assignment->duplicate_of_id.value_or("")));
  };
  for_each_chunk(
      articles,
      [&](std::vector<Article>& chunk, std::size_t /*first*/) {
        for (Article& article : chunk) {
          if (auto released = order.push(std::move(article))) add(*released);
        }
      },
      Ids::kUniqueIds);
  {
    py::gil_scoped_release release;
    while (auto released = order.pop()) add(*released);
  }
  return to_list(out);
}

}  // namespace storyline::python
