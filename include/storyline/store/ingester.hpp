// Incremental ingest into a store: each new article is clustered into a story and a storyline and stored
// with its assignment, in batches of one transaction each. A later ingest continues exactly where the last
// one stopped. The clusterer's state lives only in memory, so opening an ingester replays every stored
// article, in stream order, through a fresh StoryClusterer (it is deterministic) and checks that each
// replayed assignment equals the stored one. Replay costs O(stored articles) at start-up; saving the
// clusterer's state in the store is future work.
//
// Stream order across runs: the clusterer takes articles in the order they arrive, so an article ingested
// by a later run comes after every stored article even when it is older. Within a run the caller orders
// articles (the CLI puts them in publication order with StreamOrder). Ingesting a set split in two by time,
// earlier half first, therefore gives the same stories as ingesting it in one run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "storyline/cluster/clusterer.hpp"
#include "storyline/common/result.hpp"
#include "storyline/store/store.hpp"

namespace storyline {

struct IngestOptions {
  // The clusterer's options. A store must always be ingested with the same ones (and the same models):
  // replay detects a difference as a mismatch.
  ClusterOptions cluster;
  std::size_t batch_size = 1000;  // articles per transaction: a crash loses at most one batch
};

struct IngestedArticle {
  std::uint32_t position = 0;
  StoredAssignment assignment;
  std::string duplicate_of_id;  // the id of the copied article, "" when none
};

// Not thread-safe. Holds the store open for writing for its lifetime.
class StoreIngester {
 public:
  // Opens (creating when missing) the store at `path`, replays it and starts an ingest run.
  // Errors: those of Store::open; kInvalidArgument for a batch size of 0 or invalid cluster options;
  // kUnsupportedFormat when a replayed assignment differs from the stored one (the store was built with
  // other options or models, or edited), naming the first article that differs.
  [[nodiscard]] static Result<StoreIngester> open(const std::string& path, IngestOptions options = {});

  StoreIngester(StoreIngester&&) noexcept;
  StoreIngester& operator=(StoreIngester&&) noexcept;
  ~StoreIngester();  // an uncommitted batch is lost, as in a crash; call finish() to keep it

  // Clusters and stores the next article, or returns nullopt when its id is already stored (counted as
  // already present). Commits when the batch is full. Errors: as StoryClusterer::add and Store::add; after
  // an error the ingester must not be used further (its clusterer may be ahead of the store).
  [[nodiscard]] Result<std::optional<IngestedArticle>> add(const Article& article);

  // Commits the open batch now, with the run's counts so far, and keeps the run open: for a caller that
  // receives articles in requests (the HTTP server commits each request as one batch). Nothing to commit
  // is not an error. Errors: kIoError (the batch is then rolled back, and the ingester must not be used
  // further, as after a failed add).
  [[nodiscard]] Status commit();

  // Commits the open batch and marks the run finished with these reader counts (`read`, `skipped`; the
  // others are the ingester's own). Errors: kIoError.
  [[nodiscard]] Status finish(std::uint64_t read, std::uint64_t skipped);

  [[nodiscard]] std::uint64_t replayed() const noexcept;  // stored articles replayed at open
  [[nodiscard]] double replay_seconds() const noexcept;
  [[nodiscard]] std::uint64_t added() const noexcept;
  [[nodiscard]] std::uint64_t already_present() const noexcept;
  [[nodiscard]] std::uint64_t batches_committed() const noexcept;
  [[nodiscard]] const StoryClusterer& clusterer() const noexcept;
  [[nodiscard]] Store& store() noexcept;

 private:
  struct Impl;
  explicit StoreIngester(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
