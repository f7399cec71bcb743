// The HTTP API's requests, answered over the library's public API and independent of the HTTP library:
// each call takes what the route and query string carry and returns a status and a JSON body. server.hpp
// binds these calls to routes.
//
// Concurrency. Writes are serialised: one StoreIngester (the one writer of the store) behind a mutex, and
// each POST /articles is one transaction. Readers never take that mutex: SQLite in WAL mode lets a reader
// see the last committed transaction while the writer works, but a connection (a Store) must not be
// shared between threads, so each request borrows a read-only Store from a pool and gives it back. The
// same goes for ArticleComparer, which carries per-thread analysis state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storyline/common/result.hpp"
#include "storyline/ingest/reader.hpp"
#include "storyline/store/ingester.hpp"

namespace storyline::server {

struct ApiOptions {
  std::string db;  // the store; created when missing
  // Clustering options for the ingester; a store must always be ingested with the same ones.
  ClusterOptions cluster;
  std::size_t default_limit = 100;  // items per listing page when the request gives no `limit`
  std::size_t max_limit = 10000;    // the largest `limit` a request may ask for
  // Largest article (title + text bytes) a POST may carry; larger ones get 413 (serve --max-article-bytes).
  std::size_t max_article_bytes = ReadOptions{}.max_article_bytes;
};

// The query string, as the HTTP library hands it over (a key may repeat; the first value counts).
using QueryParams = std::multimap<std::string, std::string>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// Thread-safe: every call may run on any thread at the same time as any other.
class Api {
 public:
  // Opens the store for writing, replaying it into the ingester (see StoreIngester::open), and starts one
  // ingest run for the server's lifetime. Errors: those of StoreIngester::open.
  [[nodiscard]] static Result<std::unique_ptr<Api>> open(ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  [[nodiscard]] std::uint64_t replayed() const noexcept;  // stored articles replayed at open
  [[nodiscard]] double replay_seconds() const noexcept;

  // POST /articles: one article object or an array of them (the fields of a JSON Lines record).
  [[nodiscard]] ApiResponse post_articles(std::string_view body);
  // GET /health, /storylines, /storylines/{id}, /stories/{id}, /articles/{id}, /articles/{id}/related,
  // /similar?a=&b=. `id` is the route's text, not yet checked.
  [[nodiscard]] ApiResponse health();
  [[nodiscard]] ApiResponse storylines(const QueryParams& query);
  [[nodiscard]] ApiResponse storyline(std::string_view id, const QueryParams& query);
  [[nodiscard]] ApiResponse story(std::string_view id);
  [[nodiscard]] ApiResponse article(std::string_view id);
  [[nodiscard]] ApiResponse related(std::string_view id, const QueryParams& query);
  [[nodiscard]] ApiResponse similar(const QueryParams& query);
  // GET /search?q=WORDS&limit=N: the store's articles that hold every word, best first.
  [[nodiscard]] ApiResponse search(const QueryParams& query);

  // Commits nothing new (each POST committed itself) but marks the ingest run finished. Errors: kIoError.
  [[nodiscard]] Status close();

 private:
  struct Impl;
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// The JSON error body, {"error": message}.
[[nodiscard]] ApiResponse error_response(int status, std::string_view message);

}  // namespace storyline::server
