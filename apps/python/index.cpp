#include "index.hpp"

#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

#include "convert.hpp"
#include "storyline/cluster/stream_order.hpp"
#include "storyline/store/related.hpp"
#include "storyline/store/store_timeline.hpp"

namespace storyline::python {
namespace {

using json::Json;

py::list to_list(const std::vector<Json>& items) {
  py::list out(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = to_python(items[i]);
  return out;
}

}  // namespace

Index::Index(std::string path, std::size_t batch_size, std::size_t reorder_buffer)
    : m_path(std::move(path)), m_reorder_buffer(reorder_buffer) {
  m_options.batch_size = batch_size;
  if (batch_size == 0) throw EngineError(Error{ErrorCode::kInvalidArgument, "batch_size must be at least 1"});
  m_store.emplace(locked([&] { return unwrap(Store::open(m_path, StoreMode::kReadWrite)); }));
}

Index::~Index() {
  try {
    finish_run();
  } catch (const EngineError&) {  // NOLINT(bugprone-empty-catch): a destructor cannot report; close() can
  }
}

StoreIngester& Index::ingester() {
  if (!m_ingester) m_ingester.emplace(unwrap(StoreIngester::open(m_path, m_options)));
  return *m_ingester;
}

void Index::finish_run() {
  if (!m_ingester) return;
  const Status status = m_ingester->finish(m_read, m_rejected);
  m_ingester.reset();
  m_read = 0;
  m_rejected = 0;
  check(status);
}

void Index::close() {
  locked([&] { finish_run(); });
}

Json Index::outcome(const std::string& id) {
  Store& store = ingester().store();
  auto found = unwrap(store.find_article(id));
  if (!found) throw EngineError(Error{ErrorCode::kInternal, "article '" + id + "' vanished from the store"});
  const std::string original = found->assignment.duplicate_of
                                   ? unwrap(store.article_id(*found->assignment.duplicate_of))
                                   : std::string();
  return json::ingested_json(id, "already_present", found->position, found->assignment, original);
}

py::list Index::add(const py::iterable& articles) {
  // As POST /articles: the answer keeps the input's order while the clusterer takes publication order;
  // an id may come twice, and its slots are filled in turn.
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::deque<std::size_t>> slots;
  std::vector<Json> results;
  std::vector<std::size_t> present;
  StreamOrder order(m_reorder_buffer);
  std::vector<Article> chunk;

  const auto ingest = [&](StoreIngester& writer, const Article& article) {
    std::deque<std::size_t>& queue = slots[article.id];
    const std::size_t index = queue.front();
    queue.pop_front();
    auto added = writer.add(article);
    if (!added) {
      // The clusterer may now be ahead of the store: drop the ingester (rolling back its open batch), and
      // let the next add() open it again, which replays the store.
      m_ingester.reset();
      throw EngineError(std::move(added).error(), index,
                        "article '" + article.id + "' (not stored, nor its batch's articles before it)");
    }
    if (!*added) {
      present.push_back(index);
      return;
    }
    const IngestedArticle& done = **added;
    results[index] =
        json::ingested_json(article.id, "added", done.position, done.assignment, done.duplicate_of_id);
  };
  const auto flush = [&] {
    locked([&] {
      StoreIngester& writer = ingester();
      m_read += chunk.size();
      for (Article& article : chunk) {
        if (auto released = order.push(std::move(article))) ingest(writer, *released);
      }
      chunk.clear();
    });
  };
  // Everything read so far goes in, and is committed, so that a failure leaves the store holding exactly
  // the articles before it.
  const auto complete = [&] {
    flush();
    locked([&] {
      StoreIngester& writer = ingester();
      while (auto released = order.pop()) ingest(writer, *released);
      if (auto status = writer.commit(); !status) {
        m_ingester.reset();
        check(status);
      }
    });
  };

  bool reading = true;      // whether an exception comes from the caller's input rather than the store
  bool converting = false;  // whether it is about one article (counted as skipped in the ingest log)
  try {
    read_in_chunks(
        articles,
        [&](py::handle item, std::size_t index) {
          converting = true;
          Article article = to_article(item, article_label(index), index);
          converting = false;
          ids.push_back(article.id);
          slots[article.id].push_back(index);
          results.emplace_back();
          chunk.push_back(std::move(article));
        },
        [&] {
          reading = false;
          flush();
          reading = true;
        });
  } catch (...) {
    if (!reading) throw;
    if (converting) locked([&] { ++m_rejected; });
    complete();
    throw;
  }
  complete();
  locked([&] {
    // Read after the commit, so that an id sent twice in one call finds its first copy.
    for (const std::size_t index : present) results[index] = outcome(ids[index]);
  });
  return to_list(results);
}

py::list Index::stories() {
  const auto records = locked([&] { return unwrap(m_store->stories()); });
  py::list out;
  for (const StoryRecord& record : records) out.append(to_python(json::story_json(record)));
  return out;
}

py::list Index::storylines() {
  const auto records = locked([&] { return unwrap(m_store->storylines()); });
  py::list out;
  for (const StorylineRecord& record : records) out.append(to_python(json::storyline_json(record)));
  return out;
}

py::object Index::timeline(std::uint32_t storyline, std::size_t top, const std::optional<std::string>& since,
                           const std::optional<std::string>& until) {
  TimelineOptions options;
  const auto day = [](const std::optional<std::string>& text, const char* name) -> std::optional<Day> {
    if (!text) return std::nullopt;
    const std::optional<Day> parsed = parse_iso8601_day(*text);
    if (!parsed)
      throw py::value_error(std::string(name) + ": '" + *text + "' is not a date; give it as YYYY-MM-DD");
    return parsed;
  };
  options.since = day(since, "since");
  options.until = day(until, "until");
  std::optional<Json> out = locked([&]() -> std::optional<Json> {
    auto timeline = unwrap(storyline_timeline(*m_store, storyline, options));
    if (!timeline) return std::nullopt;
    const std::size_t total = timeline->stories.size();
    keep_top(*timeline, top);
    return json::timeline_json(*timeline, total);
  });
  if (!out) throw py::key_error("no storyline " + std::to_string(storyline));
  return to_python(*out);
}

py::object Index::article(const std::string& id) {
  std::optional<Json> out = locked([&]() -> std::optional<Json> {
    auto found = unwrap(m_store->find_article(id));
    if (!found) return std::nullopt;
    const std::string original = found->assignment.duplicate_of
                                     ? unwrap(m_store->article_id(*found->assignment.duplicate_of))
                                     : std::string();
    return json::article_json(*found, original, true);
  });
  if (!out) throw py::key_error("no article '" + id + "'");
  return to_python(*out);
}

py::object Index::related(const std::string& id, std::size_t limit) {
  std::optional<Json> out = locked([&]() -> std::optional<Json> {
    auto found = unwrap(find_related(*m_store, id, limit));
    if (!found) return std::nullopt;
    return json::related_json(*found);
  });
  if (!out) throw py::key_error("no article '" + id + "'");
  return to_python(*out);
}

py::list Index::search(const std::string& query, std::size_t limit) {
  const std::vector<Json> hits = locked([&] {
    std::vector<Json> out;
    for (const SearchHit& hit : unwrap(m_store->search(query, limit))) {
      const auto position = hit.article.assignment.duplicate_of;
      out.push_back(
          json::search_hit_json(hit, position ? unwrap(m_store->article_id(*position)) : std::string()));
    }
    return out;
  });
  return to_list(hits);
}

std::uint64_t Index::size() {
  return locked([&] { return unwrap(m_store->article_count()); });
}

bool Index::contains(const std::string& id) {
  return locked([&] { return unwrap(m_store->contains(id)); });
}

}  // namespace storyline::python
