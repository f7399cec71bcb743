#include "storyline/dedup/deduplicator.hpp"

#include <algorithm>
#include <future>
#include <limits>
#include <numeric>
#include <thread>

#include "dedup/run_parts.hpp"

namespace storyline {
namespace {

class UnionFind {
 public:
  std::uint32_t add() {
    const auto id = static_cast<std::uint32_t>(m_parent.size());
    m_parent.push_back(id);
    return id;
  }
  std::uint32_t find(std::uint32_t x) {
    while (m_parent[x] != x) {
      m_parent[x] = m_parent[m_parent[x]];  // path halving
      x = m_parent[x];
    }
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
  }
  [[nodiscard]] std::size_t size() const noexcept { return m_parent.size(); }

 private:
  std::vector<std::uint32_t> m_parent;
};

}  // namespace

struct Deduplicator::Impl {
  DedupIndex index;
  std::size_t threads = 1;
  std::vector<Sketcher> sketchers;  // one per thread
  std::vector<Sketch> sketches;     // reused between batches
  std::vector<std::string> ids;
  std::vector<std::int64_t> published;  // seconds since epoch; "unknown" sorts last
  mutable UnionFind groups;
  mutable std::future<void> pending;  // the batch being added in the background

  void wait() const {
    if (pending.valid()) pending.get();
  }

  void add_now(const std::vector<Article>& batch);

  // Earliest article of each group: by publication time, then input order.
  std::vector<std::uint32_t> representatives() const {
    std::vector<std::uint32_t> best(ids.size());
    std::iota(best.begin(), best.end(), 0U);
    for (std::uint32_t doc = 0; doc < ids.size(); ++doc) {
      const std::uint32_t root = groups.find(doc);
      const std::uint32_t current = best[root];
      if (published[doc] < published[current] || (published[doc] == published[current] && doc < current)) {
        best[root] = doc;
      }
    }
    return best;
  }
};

Deduplicator::Deduplicator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Deduplicator::Deduplicator(Deduplicator&&) noexcept = default;
Deduplicator& Deduplicator::operator=(Deduplicator&&) noexcept = default;
Deduplicator::~Deduplicator() {
  if (m_impl) m_impl->wait();
}

Result<Deduplicator> Deduplicator::create(DedupOptions options, std::size_t threads) {
  auto index = DedupIndex::create(std::move(options));
  if (!index) return index.error();
  auto impl = std::unique_ptr<Impl>(new Impl{std::move(index).value(), 1, {}, {}, {}, {}, {}, {}});
  impl->threads = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
  for (std::size_t t = 0; t < impl->threads; ++t) impl->sketchers.emplace_back(impl->index.options());
  return Deduplicator(std::move(impl));
}

void Deduplicator::add(std::vector<Article> batch) {
  m_impl->wait();
  m_impl->pending = std::async(std::launch::async,
                               [impl = m_impl.get(), articles = std::move(batch)] { impl->add_now(articles); });
}

void Deduplicator::Impl::add_now(const std::vector<Article>& batch) {
  sketches.resize(std::max(sketches.size(), batch.size()));
  // Each thread sketches its own contiguous slice into its own slots: no sharing, no locks, and the same
  // sketches whatever the thread count.
  const std::size_t workers = std::min(threads, std::max<std::size_t>(1, batch.size() / 64));
  detail::run_parts(workers, [&](std::size_t worker) {
    const std::size_t begin = batch.size() * worker / workers;
    const std::size_t end = batch.size() * (worker + 1) / workers;
    for (std::size_t i = begin; i < end; ++i) sketchers[worker].sketch(batch[i].text, sketches[i]);
  });

  const auto matches = index.insert_batch(std::span<const Sketch>(sketches.data(), batch.size()), threads);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const std::uint32_t doc = groups.add();
    for (const CopyMatch& match : matches[i]) groups.unite(doc, match.doc);
    ids.push_back(batch[i].id);
    published.push_back(batch[i].published_at ? batch[i].published_at->time_since_epoch().count()
                                               : std::numeric_limits<std::int64_t>::max());
  }
}

std::vector<CopyVerdict> Deduplicator::verdicts() const {
  m_impl->wait();
  const Impl& impl = *m_impl;
  const std::vector<std::uint32_t> best = impl.representatives();
  std::vector<CopyVerdict> verdicts(impl.ids.size());
  for (std::uint32_t doc = 0; doc < impl.ids.size(); ++doc) {
    CopyVerdict& verdict = verdicts[doc];
    verdict.id = impl.ids[doc];
    const std::uint32_t representative = best[impl.groups.find(doc)];
    if (representative == doc) continue;
    const CopyMatch match = impl.index.compare(doc, representative);
    verdict.duplicate_of = representative;
    verdict.similarity = match.similarity;
    verdict.exact = match.exact;
  }
  return verdicts;
}

DedupSummary Deduplicator::summary() const {
  m_impl->wait();
  const Impl& impl = *m_impl;
  DedupSummary summary;
  summary.articles = impl.ids.size();
  summary.index_bytes = impl.index.memory_bytes();
  const std::vector<std::uint32_t> best = impl.representatives();
  std::vector<std::uint32_t> group_size(impl.ids.size(), 0);
  for (std::uint32_t doc = 0; doc < impl.ids.size(); ++doc) {
    ++group_size[impl.groups.find(doc)];
    const std::uint32_t representative = best[impl.groups.find(doc)];
    if (representative != doc && impl.index.compare(doc, representative).exact) ++summary.exact_copies;
  }
  for (const std::uint32_t size : group_size) {
    if (size >= 2) {
      ++summary.groups;
      summary.copies += size - 1;
    }
  }
  return summary;
}

const DedupIndex& Deduplicator::index() const {
  m_impl->wait();
  return m_impl->index;
}

}  // namespace storyline
