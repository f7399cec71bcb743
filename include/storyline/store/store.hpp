// The persistent store: one SQLite file (WAL mode, foreign keys on) holding the articles in stream order,
// where the clusterer put each one, per-story and per-storyline summaries, a log of ingest runs and a
// full-text index (FTS5) over the articles' titles and texts. The schema is a public format, documented
// in docs/store.md so that users can query it with sqlite3; its version lives in `PRAGMA user_version`
// and the file is marked as storyline's by `PRAGMA application_id`.
//
// Writes happen in batches: begin_batch(), add() per article, commit_batch(). A batch is one SQLite
// transaction, so a crash (even kill -9) loses at most the batch in flight and leaves a consistent store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/store/records.hpp"

namespace storyline {

// The schema version this build reads and writes. Bump it, and add a migration or a clear refusal, when
// the tables change in a way an older build would misread. Version 2 added the full-text index; a
// version 1 store is upgraded when opened read-write (see Store::open).
inline constexpr std::int64_t kStoreSchemaVersion = 2;
// `PRAGMA application_id`: "STLN", so that `file` and sqlite3 can tell a storyline store from other
// databases.
inline constexpr std::int64_t kStoreApplicationId = 0x53544C4E;

// Hits a search returns when the caller does not say (`storyline search`, GET /search).
inline constexpr std::size_t kDefaultSearchLimit = 10;

enum class StoreMode : std::uint8_t {
  kReadWrite,  // create the file and its schema when missing
  kReadOnly,   // the file must exist; nothing is written (listings, while an ingest may be running)
};

// Not thread-safe: one Store per thread. Several processes may open the same file: readers see the last
// committed batch while a writer works (WAL), and a second writer waits for the first.
class Store {
 public:
  // Opens (or, read-write, creates) the store at `path`. Read-write, a store of the previous schema
  // version (1, before search) is upgraded: its full-text index is created and filled in one transaction.
  // Read-only, such a store is opened as it is, and only search() refuses it. Errors: kUnreadableInput
  // when the file cannot be opened (or, read-only, does not exist); kUnsupportedFormat when it is not a
  // storyline store or has a schema version this build does not know (a newer storyline wrote it);
  // kIoError for SQLite failures. Read-only, a store whose last writer was killed is first recovered by a
  // short read-write connection when the file is writable (recovery writes; nothing else changes).
  [[nodiscard]] static Result<Store> open(const std::string& path, StoreMode mode = StoreMode::kReadWrite);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  // an uncommitted batch is rolled back

  [[nodiscard]] const std::string& path() const noexcept;

  // Number of stored articles, which is also the stream position the next article gets.
  [[nodiscard]] Result<std::uint64_t> article_count();
  // Whether an article with this id is stored (including in the open batch). Errors: kIoError.
  [[nodiscard]] Result<bool> contains(std::string_view id);
  // Every stored article in stream order. `visit` may stop the walk by returning an error, which is
  // returned. Errors: kIoError; kUnsupportedFormat when positions are not 0, 1, 2, ... (an edited store).
  [[nodiscard]] Status for_each_article(const std::function<Status(const StoredArticle&)>& visit);
  // The id of the article at a stream position (stored or in the open batch). Errors: kInvalidArgument
  // for a position not stored; kIoError.
  [[nodiscard]] Result<std::string> article_id(std::uint32_t position);
  // The article with this id, or nullopt. Errors: kIoError.
  [[nodiscard]] Result<std::optional<StoredArticle>> find_article(std::string_view id);
  // The articles of one story (storyline), in stream order; none for a number the store does not hold.
  // `visit` may stop the walk by returning an error, which is returned. Each walk is one SQLite read, so
  // it sees one committed state even while an ingest writes. Errors: kIoError.
  [[nodiscard]] Status for_each_story_article(std::uint32_t story,
                                              const std::function<Status(const StoredArticle&)>& visit);
  [[nodiscard]] Status for_each_storyline_article(std::uint32_t storyline,
                                                  const std::function<Status(const StoredArticle&)>& visit);

  // Full-text search over the articles' titles and texts, best first (ties in stream order), at most
  // `limit` hits. The query is plain words, all of which an article must contain (after stemming, case
  // and diacritics folded); nothing in it is search syntax: quotes, AND/OR/NOT/NEAR, `*`, `:`, `^` and
  // parentheses are text like any other, and a query with no word in it (only punctuation) finds
  // nothing. Reads one committed state, so it may run while an ingest writes.
  // Errors: kInvalidArgument for an empty (or all-blank) query; kUnsupportedFormat for a version 1 store
  // opened read-only (it has no index until opened read-write); kIoError.
  [[nodiscard]] Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit);

  // Records the start of an ingest run; articles added until the next start_run belong to it.
  // Errors: kIoError.
  [[nodiscard]] Result<std::int64_t> start_run();
  // Writes the run's counts (and, when `finished`, its end time). Inside a batch, the counts commit with
  // it, so that a killed run leaves counts that match what it stored. Errors: kIoError.
  [[nodiscard]] Status record_run(std::int64_t run, const IngestRunCounts& counts, bool finished);

  // Opens a write transaction. Errors: kIoError, also when another process writes for longer than the
  // busy timeout; kInvalidArgument when a batch is already open.
  [[nodiscard]] Status begin_batch();
  // Appends an article at the next stream position, with its assignment, and updates its story and
  // storyline summaries. `opened_story` says the article opened its story (so its storyline gains a
  // story). Errors: kInvalidArgument outside a batch or for an id already stored; kIoError.
  [[nodiscard]] Result<std::uint32_t> add(const Article& article, const StoredAssignment& assignment,
                                          bool opened_story);
  // Errors: kIoError (the batch is then rolled back).
  [[nodiscard]] Status commit_batch();
  void rollback_batch();
  [[nodiscard]] bool in_batch() const noexcept;

  // Summaries, by number. Errors: kIoError.
  [[nodiscard]] Result<std::vector<StoryRecord>> stories();
  [[nodiscard]] Result<std::vector<StorylineRecord>> storylines();
  // One summary by number, or nullopt when the store holds no such story (storyline). Errors: kIoError.
  [[nodiscard]] Result<std::optional<StoryRecord>> find_story(std::uint32_t story);
  [[nodiscard]] Result<std::optional<StorylineRecord>> find_storyline(std::uint32_t storyline);

  // SQLite's own consistency check ("PRAGMA integrity_check") and the store's foreign keys. Returns
  // the problems found, empty when none. Errors: kIoError.
  [[nodiscard]] Result<std::vector<std::string>> check_integrity();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  static Result<Store> open_once(const std::string& path, StoreMode mode);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
