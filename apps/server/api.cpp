#include "api.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storyline/cluster/stream_order.hpp"
#include "storyline/ingest/reader.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/store/store.hpp"
#include "storyline/store/related.hpp"
#include "storyline/store/store_timeline.hpp"

namespace storyline::server {
namespace {

using json::article_json;
using json::comparison_json;
using json::dump;
using json::error_json;
using json::ingested_json;
using json::Json;
using json::related_json;
using json::search_hit_json;
using json::story_json;
using json::storyline_json;
using json::timeline_json;

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
constexpr int kNotFound = 404;
constexpr int kTooLarge = 413;
constexpr int kUnprocessable = 422;
constexpr int kInternalError = 500;
constexpr int kUnavailable = 503;

// Objects that serve one thread at a time (read-only Stores, comparers), lent out per request and kept
// for the next one, so that a request does not pay for opening a connection or building an analyzer.
// The pool grows to the number of requests served at once, which the server's thread count bounds.
template <typename T>
class Pool {
 public:
  using Factory = std::function<Result<T>()>;

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<T> item) : m_pool(pool), m_item(std::move(item)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (m_item) m_pool->give_back(std::move(m_item));
    }
    T& operator*() { return *m_item; }
    T* operator->() { return m_item.get(); }

   private:
    Pool* m_pool;
    std::unique_ptr<T> m_item;
  };

  explicit Pool(Factory make) : m_make(std::move(make)) {}

  Result<Lease> acquire() {
    {
      const std::lock_guard lock(m_mutex);
      if (!m_idle.empty()) {
        std::unique_ptr<T> item = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(this, std::move(item));
      }
    }
    auto made = m_make();  // outside the lock: opening a store or building an analyzer takes a while
    if (!made) return made.error();
    return Lease(this, std::make_unique<T>(std::move(made).value()));
  }

 private:
  void give_back(std::unique_ptr<T> item) {
    const std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(item));
  }

  Factory m_make;
  std::mutex m_mutex;
  std::vector<std::unique_ptr<T>> m_idle;
};

ApiResponse json_response(const Json& json, int status = kOk) { return ApiResponse{status, dump(json)}; }

// The one place where library errors become HTTP statuses.
ApiResponse failure(const Error& error) {
  int status = kInternalError;
  switch (error.code) {
    case ErrorCode::kInvalidUtf8:
    case ErrorCode::kMalformedJson:
    case ErrorCode::kMissingField:
    case ErrorCode::kInvalidField:
      status = kUnprocessable;
      break;
    case ErrorCode::kInvalidArgument:
      status = kBadRequest;
      break;
    case ErrorCode::kTooLarge:
      status = kTooLarge;
      break;
    default:
      break;
  }
  return error_response(status, error.message());
}

std::optional<std::uint32_t> parse_number(std::string_view text) {
  std::uint32_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || text.empty()) return std::nullopt;
  return value;
}

const std::string* find_param(const QueryParams& query, const std::string& key) {
  const auto found = query.find(key);
  return found == query.end() ? nullptr : &found->second;
}

// A whole-number parameter in [0, max], `fallback` when absent. Errors: kInvalidArgument naming it.
Result<std::size_t> size_param(const QueryParams& query, const std::string& key, std::size_t fallback,
                               std::size_t max) {
  const std::string* text = find_param(query, key);
  if (text == nullptr) return fallback;
  std::size_t value = 0;
  const char* end = text->data() + text->size();
  const auto [stop, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || stop != end || text->empty() || value > max) {
    return Error{ErrorCode::kInvalidArgument,
                 "query parameter '" + key + "' must be a whole number from 0 to " + std::to_string(max)};
  }
  return value;
}

// An ISO-8601 day parameter, nullopt when absent. Errors: kInvalidArgument naming it.
Result<std::optional<Day>> day_param(const QueryParams& query, const std::string& key) {
  const std::string* text = find_param(query, key);
  if (text == nullptr) return std::optional<Day>();
  const std::optional<Day> day = parse_iso8601_day(*text);
  if (!day)
    return Error{ErrorCode::kInvalidArgument, "query parameter '" + key + "' must be a date, YYYY-MM-DD"};
  return day;
}

// The id of the article a copy copies: usually in the same story, so in `known`; else asked of the store.
std::string original_id(Store& store, const StoredArticle& article,
                        const std::unordered_map<std::uint32_t, std::string>& known) {
  if (!article.assignment.duplicate_of) return {};
  const std::uint32_t position = *article.assignment.duplicate_of;
  if (const auto found = known.find(position); found != known.end()) return found->second;
  auto id = store.article_id(position);
  return id ? std::move(id).value() : std::string();
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_message(const std::exception& error) {
  const std::string_view text = error.what();
  const auto cut = text.find("] ");
  return std::string(cut == std::string_view::npos ? text : text.substr(cut + 2));
}

// Storyline timelines are rebuilt from the store per request (see store_timeline.hpp), which costs text
// analysis of every article of the storyline. A storyline only ever gains articles and its timeline
// depends on nothing else, so its article count identifies a timeline exactly and the result can be kept.
class TimelineCache {
 public:
  std::optional<Timeline> find(std::uint32_t storyline, std::uint64_t articles) {
    const std::lock_guard lock(m_mutex);
    const auto found = m_timelines.find(storyline);
    if (found == m_timelines.end() || found->second.articles != articles) return std::nullopt;
    return found->second;
  }
  void keep(const Timeline& timeline) {
    const std::lock_guard lock(m_mutex);
    if (m_timelines.size() >= kCapacity) m_timelines.clear();  // crude, but bounded and rarely hit
    m_timelines.insert_or_assign(timeline.storyline, timeline);
  }

 private:
  static constexpr std::size_t kCapacity = 256;
  std::mutex m_mutex;
  std::unordered_map<std::uint32_t, Timeline> m_timelines;
};

}  // namespace

ApiResponse error_response(int status, std::string_view message) {
  return ApiResponse{status, dump(error_json(message))};
}

struct Api::Impl {
  ApiOptions options;
  // The one writer. Empty after an ingest failure (its clusterer may then be ahead of the store); the next
  // POST opens it again, which replays the store.
  std::mutex write_mutex;
  std::optional<StoreIngester> ingester;
  std::atomic<std::uint64_t> rejected{0};  // articles refused as invalid: the run's skipped records
  std::uint64_t replayed = 0;
  double replay_seconds = 0.0;
  Pool<Store> readers;
  Pool<ArticleComparer> comparers;
  TimelineCache timelines;

  explicit Impl(ApiOptions o)
      : options(std::move(o)),
        readers([path = options.db] { return Store::open(path, StoreMode::kReadOnly); }),
        comparers([] { return ArticleComparer::create(); }) {}

  Status open_ingester() {
    IngestOptions ingest;
    ingest.cluster = options.cluster;
    // A request is one transaction: the ingester never commits on its own, post_articles does.
    ingest.batch_size = std::numeric_limits<std::size_t>::max();
    auto opened = StoreIngester::open(options.db, ingest);
    if (!opened) return opened.error();
    replayed = opened->replayed();
    replay_seconds = opened->replay_seconds();
    ingester.emplace(std::move(opened).value());
    return {};
  }

  Result<Json> stored_outcome(Store& store, const std::string& id, const char* status) {
    auto found = store.find_article(id);
    if (!found) return found.error();
    if (!*found) return Error{ErrorCode::kInternal, "article '" + id + "' vanished from the store"};
    const StoredArticle& article = **found;
    std::string original_id;
    if (article.assignment.duplicate_of) {
      auto original = store.article_id(*article.assignment.duplicate_of);
      if (!original) return original.error();
      original_id = std::move(original).value();
    }
    return ingested_json(id, status, article.position, article.assignment, original_id);
  }
};

Api::Api(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::open(ApiOptions options) {
  auto impl = std::make_unique<Impl>(std::move(options));
  if (auto status = impl->open_ingester(); !status) return status.error();
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

std::uint64_t Api::replayed() const noexcept { return m_impl->replayed; }
double Api::replay_seconds() const noexcept { return m_impl->replay_seconds; }

ApiResponse Api::post_articles(std::string_view body) {
  // nlohmann builds, copies and frees the document recursively: hostile nesting (200,000 '[') would
  // overflow the stack before any article rule could reject it.
  if (json_nesting_exceeds(body, kMaxJsonDepth)) {
    return error_response(kBadRequest, "malformed JSON: nested deeper than " + std::to_string(kMaxJsonDepth) +
                                           " levels (an article needs 2 or 3)");
  }
  Json parsed;
  try {
    parsed = Json::parse(body);
  } catch (const Json::exception& error) {  // parse_error, and out_of_range for a number past double (1e999)
    return error_response(kBadRequest, "malformed JSON: " + parse_message(error));
  }
  std::vector<const Json*> items;
  if (parsed.is_array()) {
    for (const Json& item : parsed) items.push_back(&item);
  } else if (parsed.is_object()) {
    items.push_back(&parsed);
  } else {
    return error_response(kBadRequest, "expected an article (a JSON object) or an array of articles");
  }

  // Every article is checked before any is stored, so that a request is stored whole or not at all.
  std::vector<Article> articles;
  articles.reserve(items.size());
  ReadOptions limits;
  limits.max_article_bytes = m_impl->options.max_article_bytes;
  // The request body limit (--max-body) already bounds a record; the line limit is for files.
  limits.max_line_bytes = std::numeric_limits<std::size_t>::max();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string where = parsed.is_array() ? "article " + std::to_string(i) + ": " : "article: ";
    auto article = items[i]->is_object()
                       ? parse_article(dump(*items[i]), limits)
                       : Result<Article>(Error{ErrorCode::kMalformedJson, "not a JSON object"});
    if (!article) {
      ++m_impl->rejected;
      Json out = error_json(where + article.error().reason);
      out["index"] = i;
      return json_response(out, article.error().code == ErrorCode::kTooLarge ? kTooLarge : kUnprocessable);
    }
    articles.push_back(std::move(article).value());
  }

  const std::lock_guard lock(m_impl->write_mutex);
  if (!m_impl->ingester) {
    if (auto status = m_impl->open_ingester(); !status) {
      return error_response(kUnavailable,
                            "the store cannot be opened for writing: " + status.error().message());
    }
  }
  StoreIngester& ingester = *m_impl->ingester;

  // As `storyline ingest` does with a run, the request's articles go to the clusterer in publication
  // order; the answer keeps the request's order. An id may come twice: its slots are filled in turn.
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::deque<std::size_t>> slots;
  StreamOrder order(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    ids.push_back(articles[i].id);
    slots[articles[i].id].push_back(i);
    (void)order.push(std::move(articles[i]));  // the buffer holds the whole request: nothing comes out
  }
  std::vector<Json> results(ids.size());
  std::vector<std::size_t> present;
  std::size_t added = 0;
  const auto abandon = [&](const Error& error) {
    // Dropping the ingester rolls back the open transaction: nothing of this request is stored.
    m_impl->ingester.reset();
    return error_response(kInternalError, "nothing of this request was stored: " + error.message());
  };
  while (auto next = order.pop()) {
    std::deque<std::size_t>& queue = slots[next->id];
    const std::size_t index = queue.front();
    queue.pop_front();
    auto outcome = ingester.add(*next);
    if (!outcome) return abandon(outcome.error());
    if (!*outcome) {
      present.push_back(index);
      continue;
    }
    const IngestedArticle& ingested = **outcome;
    results[index] = ingested_json(ids[index], "added", ingested.position, ingested.assignment, ingested.duplicate_of_id);
    ++added;
  }
  if (auto status = ingester.commit(); !status) return abandon(status.error());
  // Articles already stored answer with where they are, read after the commit so that an id sent twice in
  // one request finds its first copy.
  for (const std::size_t index : present) {
    auto out = m_impl->stored_outcome(ingester.store(), ids[index], "already_present");
    if (!out) return failure(out.error());
    results[index] = std::move(out).value();
  }
  Json response;
  response["added"] = added;
  response["already_present"] = present.size();
  response["articles"] = std::move(results);
  return json_response(response);
}

ApiResponse Api::health() {
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto count = (*store)->article_count();
  if (!count) return failure(count.error());
  Json out;
  out["status"] = "ok";
  out["articles"] = *count;
  return json_response(out);
}

ApiResponse Api::storylines(const QueryParams& query) {
  auto limit = size_param(query, "limit", m_impl->options.default_limit, m_impl->options.max_limit);
  if (!limit) return failure(limit.error());
  auto offset = size_param(query, "offset", 0, std::numeric_limits<std::uint32_t>::max());
  if (!offset) return failure(offset.error());
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto records = (*store)->storylines();
  if (!records) return failure(records.error());
  // Newest activity first: the latest publication time; undated storylines last; then the later started.
  std::vector<StorylineRecord>& all = *records;
  std::sort(all.begin(), all.end(), [](const StorylineRecord& a, const StorylineRecord& b) {
    if (a.last_published.empty() != b.last_published.empty()) return b.last_published.empty();
    if (a.last_published != b.last_published) return a.last_published > b.last_published;
    return a.storyline > b.storyline;
  });
  Json list = Json::array();
  for (std::size_t i = *offset; i < all.size() && list.size() < *limit; ++i)
    list.push_back(storyline_json(all[i]));
  Json out;
  out["total"] = all.size();
  out["offset"] = *offset;
  out["storylines"] = std::move(list);
  return json_response(out);
}

ApiResponse Api::storyline(std::string_view id, const QueryParams& query) {
  const auto number = parse_number(id);
  if (!number) return error_response(kNotFound, "no storyline '" + std::string(id) + "'");
  auto top = size_param(query, "top", 0, std::numeric_limits<std::uint32_t>::max());
  if (!top) return failure(top.error());
  TimelineOptions options;
  auto since = day_param(query, "since");
  if (!since) return failure(since.error());
  auto until = day_param(query, "until");
  if (!until) return failure(until.error());
  options.since = *since;
  options.until = *until;
  const bool whole = !options.since && !options.until;  // only whole timelines are cached
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto record = (*store)->find_storyline(*number);
  if (!record) return failure(record.error());
  if (!*record) return error_response(kNotFound, "no storyline " + std::to_string(*number));
  std::optional<Timeline> timeline;
  if (whole) timeline = m_impl->timelines.find(*number, (*record)->articles);
  if (!timeline) {
    auto built = storyline_timeline(**store, *number, options);
    if (!built) return failure(built.error());
    if (!*built) return error_response(kNotFound, "no storyline " + std::to_string(*number));
    timeline = std::move(*built);
    if (whole) m_impl->timelines.keep(*timeline);
  }
  const std::size_t stories_total = timeline->stories.size();
  keep_top(*timeline, *top);
  return json_response(timeline_json(*timeline, stories_total));
}

ApiResponse Api::story(std::string_view id) {
  const auto number = parse_number(id);
  if (!number) return error_response(kNotFound, "no story '" + std::string(id) + "'");
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto record = (*store)->find_story(*number);
  if (!record) return failure(record.error());
  if (!*record) return error_response(kNotFound, "no story " + std::to_string(*number));
  std::vector<StoredArticle> articles;
  std::unordered_map<std::uint32_t, std::string> ids;
  auto status = (*store)->for_each_story_article(*number, [&](const StoredArticle& article) -> Status {
    ids.emplace(article.position, article.article.id);
    articles.push_back(article);
    articles.back().article.text.clear();  // a listing: the text is one GET /articles/{id} away
    return {};
  });
  if (!status) return failure(status.error());
  Json list = Json::array();
  for (const StoredArticle& article : articles) {
    list.push_back(article_json(article, original_id(**store, article, ids), false));
  }
  Json out;
  out["story"] = story_json(**record);
  out["articles"] = std::move(list);
  return json_response(out);
}

ApiResponse Api::article(std::string_view id) {
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto found = (*store)->find_article(id);
  if (!found) return failure(found.error());
  if (!*found) return error_response(kNotFound, "no article '" + std::string(id) + "'");
  return json_response(article_json(**found, original_id(**store, **found, {}), true));
}

ApiResponse Api::related(std::string_view id, const QueryParams& query) {
  auto limit = size_param(query, "limit", m_impl->options.default_limit, m_impl->options.max_limit);
  if (!limit) return failure(limit.error());
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto related = find_related(**store, id, *limit);
  if (!related) return failure(related.error());
  if (!*related) return error_response(kNotFound, "no article '" + std::string(id) + "'");
  return json_response(related_json(**related));
}

ApiResponse Api::search(const QueryParams& query) {
  const std::string* words = find_param(query, "q");
  if (words == nullptr || words->find_first_not_of(" \t\r\n") == std::string::npos) {
    return error_response(kBadRequest, "give words to search for: /search?q=WORDS");
  }
  auto limit = size_param(query, "limit", kDefaultSearchLimit, m_impl->options.max_limit);
  if (!limit) return failure(limit.error());
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  auto hits = (*store)->search(*words, *limit);
  if (!hits) return failure(hits.error());
  Json results = Json::array();
  for (const SearchHit& hit : *hits) {
    results.push_back(search_hit_json(hit, original_id(**store, hit.article, {})));
  }
  Json out;
  out["query"] = *words;
  out["results"] = std::move(results);
  return json_response(out);
}

ApiResponse Api::similar(const QueryParams& query) {
  const std::string* a = find_param(query, "a");
  const std::string* b = find_param(query, "b");
  if (a == nullptr || b == nullptr || a->empty() || b->empty()) {
    return error_response(kBadRequest, "give two article ids: /similar?a=ID&b=ID");
  }
  auto store = m_impl->readers.acquire();
  if (!store) return failure(store.error());
  std::vector<Article> pair;
  for (const std::string* id : {a, b}) {
    auto found = (*store)->find_article(*id);
    if (!found) return failure(found.error());
    if (!*found) return error_response(kNotFound, "no article '" + *id + "'");
    pair.push_back(std::move((*found)->article));
  }
  auto comparer = m_impl->comparers.acquire();
  if (!comparer) return failure(comparer.error());
  auto comparison = (*comparer)->compare(pair[0], pair[1]);
  if (!comparison) return failure(comparison.error());
  return json_response(comparison_json(*comparison));
}

Status Api::close() {
  const std::lock_guard lock(m_impl->write_mutex);
  if (!m_impl->ingester) return {};
  StoreIngester& ingester = *m_impl->ingester;
  return ingester.finish(ingester.added() + ingester.already_present(), m_impl->rejected.load());
}

}  // namespace storyline::server
