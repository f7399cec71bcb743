// Batch copy detection over a stream of articles: sketches each batch on several threads, adds the
// articles to a DedupIndex in input order, and groups transitive copies (union-find). Each group's
// representative is its earliest article, by `published` and then by input order. The result does not
// depend on the number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/dedup/dedup_index.hpp"
#include "storyline/ingest/article.hpp"

namespace storyline {

struct CopyVerdict {
  std::string id;
  std::optional<std::uint32_t> duplicate_of;  // input position of the group's representative; none for it
  double similarity = 0.0;                    // estimated Jaccard to the representative (when duplicate_of)
  bool exact = false;                         // same normalised words as the representative
};

struct DedupSummary {
  std::size_t articles = 0;
  std::size_t groups = 0;         // groups of two or more articles
  std::size_t copies = 0;         // articles that are not their group's representative
  std::size_t exact_copies = 0;   // copies with the same normalised words as their representative
  std::size_t index_bytes = 0;    // DedupIndex::memory_bytes at the end
};

// Not thread-safe. add() returns as soon as the previous batch is done and works on the new one in the
// background, so the caller can read the next batch meanwhile; every other call waits for it first.
class Deduplicator {
 public:
  // `threads` = 0 uses every core. Errors: as validate(options).
  [[nodiscard]] static Result<Deduplicator> create(DedupOptions options = {}, std::size_t threads = 0);

  Deduplicator(Deduplicator&&) noexcept;
  Deduplicator& operator=(Deduplicator&&) noexcept;
  ~Deduplicator();

  // Adds a batch of articles (in input order, after those added before).
  void add(std::vector<Article> batch);

  // One verdict per article added, in input order.
  [[nodiscard]] std::vector<CopyVerdict> verdicts() const;
  [[nodiscard]] DedupSummary summary() const;
  [[nodiscard]] const DedupIndex& index() const;

 private:
  struct Impl;
  explicit Deduplicator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
