// storyline.Index: a persistent store (one SQLite file, see docs/store.md) seen from Python. Reads go
// through a read-write Store opened with the Index (which creates the file when missing); add() goes
// through a StoreIngester, opened on first use (it replays the store) and kept for the Index's life, so
// that the clusterer's state carries over from one add() to the next as in one `storyline ingest` run.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "storyline/json/codec.hpp"
#include "storyline/store/ingester.hpp"
#include "storyline/store/store.hpp"

namespace storyline::python {

namespace py = pybind11;

// Thread-safe: every call takes the Index's lock, with the GIL released while it waits and works.
class Index {
 public:
  // Errors: those of Store::open (a file that is not a storyline store, a newer schema, SQLite failures).
  Index(std::string path, std::size_t batch_size, std::size_t reorder_buffer);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  [[nodiscard]] const std::string& path() const noexcept { return m_path; }

  // Ingests `articles` (any iterable of dicts), as `storyline ingest` does one run: in publication order
  // within the reorder buffer, one transaction per batch, ids already stored skipped. Returns, in input
  // order, one dict per article as POST /articles answers: id, status ("added" or "already_present"),
  // position, story, storyline, duplicate_of. A bad article raises after every article before it in the
  // input has been stored and committed, and none after it.
  [[nodiscard]] py::list add(const py::iterable& articles);

  [[nodiscard]] py::list stories();
  [[nodiscard]] py::list storylines();
  // As `storyline timeline --json` for one storyline, keeping its `top` leading stories (0: all), over
  // the days from `since` to `until` (ISO-8601 dates; None: unbounded), as its --since and --until.
  // Raises KeyError when the store holds no such storyline, ValueError for a date that is not one.
  [[nodiscard]] py::object timeline(std::uint32_t storyline, std::size_t top,
                                    const std::optional<std::string>& since,
                                    const std::optional<std::string>& until);
  // One stored article with its text, as GET /articles/{id}. Raises KeyError when absent.
  [[nodiscard]] py::object article(const std::string& id);
  // The article's related coverage, as GET /articles/{id}/related: the other articles of its story and of
  // its storyline's other stories, at most `limit` each. Raises KeyError when the article is absent.
  [[nodiscard]] py::object related(const std::string& id, std::size_t limit);
  // Full-text search, as `storyline search --json`: at most `limit` hits, best first (Store::search).
  [[nodiscard]] py::list search(const std::string& query, std::size_t limit);
  [[nodiscard]] std::uint64_t size();
  [[nodiscard]] bool contains(const std::string& id);

  // Marks the ingest run finished (its counts in the store's log) and releases the write lock; the
  // Index can still be read, and a later add() starts a new run.
  void close();

 private:
  // Runs `work` with the GIL released and the Index locked; `work` must not touch Python objects.
  template <typename Work>
  auto locked(Work&& work) {
    py::gil_scoped_release release;
    const std::lock_guard lock(m_mutex);
    return work();
  }
  StoreIngester& ingester();
  json::Json outcome(const std::string& id);  // an already stored article, as add() reports it
  void finish_run();

  std::string m_path;
  IngestOptions m_options;
  std::size_t m_reorder_buffer;
  std::mutex m_mutex;
  std::optional<Store> m_store;             // reads
  std::optional<StoreIngester> m_ingester;  // writes; empty until the first add and after a failure
  std::uint64_t m_read = 0;                 // the run's articles, for the ingest log
  std::uint64_t m_rejected = 0;
};

}  // namespace storyline::python
