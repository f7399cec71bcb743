#include "storyline/store/ingester.hpp"

#include <chrono>
#include <utility>

namespace storyline {
namespace {

std::string describe(const StoredAssignment& assignment) {
  std::string text =
      "story " + std::to_string(assignment.story) + ", storyline " + std::to_string(assignment.storyline);
  text += assignment.duplicate_of ? ", copy of position " + std::to_string(*assignment.duplicate_of)
                                  : ", no copy";
  return text;
}

StoredAssignment stored(const StoryAssignment& assignment) {
  return StoredAssignment{assignment.story, assignment.storyline, assignment.duplicate_of};
}

}  // namespace

struct StoreIngester::Impl {
  Store store;
  StoryClusterer clusterer;
  IngestOptions options;
  std::int64_t run = 0;
  std::uint64_t replayed = 0;
  double replay_seconds = 0.0;
  IngestRunCounts counts;
  std::uint64_t batches = 0;
  std::size_t in_batch = 0;

  Impl(Store s, StoryClusterer c, IngestOptions o)
      : store(std::move(s)), clusterer(std::move(c)), options(std::move(o)) {}

  // Rebuilds the clusterer's in-memory state from the stored stream. The clusterer is deterministic, so
  // add() gives back each stored assignment; a difference means the store was built with other options or
  // models (or edited), and continuing would mix two clusterings, so it stops here.
  Status replay() {
    const auto start = std::chrono::steady_clock::now();
    auto status = store.for_each_article([&](const StoredArticle& article) -> Status {
      auto assignment = clusterer.add(article.article);
      if (!assignment) return assignment.error();
      const StoredAssignment again = stored(*assignment);
      if (again != article.assignment) {
        return Error{ErrorCode::kUnsupportedFormat,
                     "replaying the store gives a different assignment for article '" + article.article.id +
                         "' (position " + std::to_string(article.position) + "): stored " +
                         describe(article.assignment) + ", replayed " + describe(again) +
                         ". The store was built with other clustering options or models (or was edited); "
                         "ingest into a new store, or use the storyline version that built this one",
                     store.path()};
      }
      ++replayed;
      return {};
    });
    replay_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return status;
  }

  Status commit() {
    if (!store.in_batch()) return {};
    // The counts commit with the articles they count, so a killed run's row matches what it stored.
    if (auto status = store.record_run(run, counts, false); !status) {
      store.rollback_batch();
      return status;
    }
    if (auto status = store.commit_batch(); !status) return status;
    ++batches;
    in_batch = 0;
    return {};
  }
};

StoreIngester::StoreIngester(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
StoreIngester::StoreIngester(StoreIngester&&) noexcept = default;
StoreIngester& StoreIngester::operator=(StoreIngester&&) noexcept = default;
StoreIngester::~StoreIngester() = default;

Result<StoreIngester> StoreIngester::open(const std::string& path, IngestOptions options) {
  if (options.batch_size == 0) return Error{ErrorCode::kInvalidArgument, "the batch size must be at least 1"};
  auto store = Store::open(path, StoreMode::kReadWrite);
  if (!store) return store.error();
  auto clusterer = StoryClusterer::create(options.cluster);
  if (!clusterer) return clusterer.error();
  auto impl =
      std::make_unique<Impl>(std::move(store).value(), std::move(clusterer).value(), std::move(options));
  if (auto status = impl->replay(); !status) return status.error();
  auto run = impl->store.start_run();
  if (!run) return run.error();
  impl->run = *run;
  return StoreIngester(std::move(impl));
}

Result<std::optional<IngestedArticle>> StoreIngester::add(const Article& article) {
  Impl& impl = *m_impl;
  ++impl.counts.read;
  // The id check sees the open batch too, so an id repeated within one run is also counted here.
  auto present = impl.store.contains(article.id);
  if (!present) return present.error();
  if (*present) {
    ++impl.counts.already_present;
    return std::optional<IngestedArticle>();
  }
  if (!impl.store.in_batch()) {
    if (auto status = impl.store.begin_batch(); !status) return status.error();
  }
  auto assignment = impl.clusterer.add(article);
  if (!assignment) {
    impl.store.rollback_batch();
    return assignment.error();
  }
  IngestedArticle ingested;
  ingested.assignment = stored(*assignment);
  auto position = impl.store.add(article, ingested.assignment, assignment->opened);
  if (!position) {
    impl.store.rollback_batch();
    return position.error();
  }
  ingested.position = *position;
  if (ingested.assignment.duplicate_of) {
    auto original = impl.store.article_id(*ingested.assignment.duplicate_of);
    if (!original) {
      impl.store.rollback_batch();
      return original.error();
    }
    ingested.duplicate_of_id = std::move(original).value();
  }
  ++impl.counts.added;
  if (++impl.in_batch >= impl.options.batch_size) {
    if (auto status = impl.commit(); !status) return status.error();
  }
  return std::optional<IngestedArticle>(std::move(ingested));
}

Status StoreIngester::commit() { return m_impl->commit(); }

Status StoreIngester::finish(std::uint64_t read, std::uint64_t skipped) {
  Impl& impl = *m_impl;
  impl.counts.read = read;
  impl.counts.skipped = skipped;
  if (auto status = impl.commit(); !status) return status;
  return impl.store.record_run(impl.run, impl.counts, true);
}

std::uint64_t StoreIngester::replayed() const noexcept { return m_impl->replayed; }
double StoreIngester::replay_seconds() const noexcept { return m_impl->replay_seconds; }
std::uint64_t StoreIngester::added() const noexcept { return m_impl->counts.added; }
std::uint64_t StoreIngester::already_present() const noexcept { return m_impl->counts.already_present; }
std::uint64_t StoreIngester::batches_committed() const noexcept { return m_impl->batches; }
const StoryClusterer& StoreIngester::clusterer() const noexcept { return m_impl->clusterer; }
Store& StoreIngester::store() noexcept { return m_impl->store; }

}  // namespace storyline
