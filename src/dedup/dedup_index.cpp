#include "storyline/dedup/dedup_index.hpp"

#include <algorithm>
#include <string>

#include "dedup/band_table.hpp"
#include "dedup/run_parts.hpp"

namespace storyline {
namespace {

// Growing by a quarter instead of doubling keeps spare capacity, which counts as index memory, small.
template <typename T>
void reserve_for(std::vector<T>& values, std::size_t extra) {
  if (values.size() + extra > values.capacity()) values.reserve(values.capacity() + values.capacity() / 4 + extra);
}

}  // namespace

Status validate(const DedupOptions& options) {
  const auto invalid = [](std::string reason) { return Error{ErrorCode::kInvalidArgument, std::move(reason)}; };
  if (!(options.threshold > 0.0 && options.threshold <= 1.0)) {
    return invalid("threshold must be in (0, 1], got " + std::to_string(options.threshold));
  }
  if (options.permutations == 0 || options.permutations > 1024) {
    return invalid("permutations must be between 1 and 1024, got " + std::to_string(options.permutations));
  }
  if (options.shingles.size == 0) return invalid("shingle size must be at least 1");
  const Banding& banding = options.banding;
  if ((banding.bands == 0) != (banding.rows == 0)) return invalid("give both bands and rows, or neither");
  // Each factor is checked first so that the product cannot wrap around.
  if (banding.bands > options.permutations || banding.rows > options.permutations ||
      banding.bands * banding.rows > options.permutations) {
    return invalid("bands x rows (" + std::to_string(banding.bands * banding.rows) + ") exceeds permutations (" +
                   std::to_string(options.permutations) + ")");
  }
  return {};
}

Sketcher::Sketcher(const DedupOptions& options)
    : m_shingler(options.shingles),
      m_hasher(options.permutations, options.seed),
      m_banding(options.banding),
      m_signature(options.permutations) {}

void Sketcher::sketch(std::string_view text, Sketch& out) {
  out.content = m_shingler.shingle(text, m_shingles);
  out.has_words = !m_shingles.empty();
  m_hasher.sign(m_shingles, m_signature);
  out.signature.resize(m_signature.size());
  std::transform(m_signature.begin(), m_signature.end(), out.signature.begin(), compress_min_hash);
  out.band_keys.resize(m_banding.bands);
  for (std::size_t band = 0; band < m_banding.bands; ++band) out.band_keys[band] = band_key(m_signature, m_banding, band);
}

struct DedupIndex::Impl {
  DedupOptions options;
  std::vector<detail::BandTable> bands;
  std::vector<std::uint8_t> signatures;  // size() * permutations bytes, article after article
  std::vector<ContentHash> contents;
  std::vector<bool> has_words;

  std::span<const std::uint8_t> signature(std::uint32_t doc) const {
    return {signatures.data() + static_cast<std::size_t>(doc) * options.permutations, options.permutations};
  }

  CopyMatch verify(const Sketch& sketch, std::uint32_t doc) const {
    CopyMatch match{doc, 0.0, contents[doc] == sketch.content};
    match.similarity = match.exact ? 1.0 : estimate_jaccard(sketch.signature, signature(doc));
    return match;
  }

  // Verifies candidate documents (sorted, unique) and keeps the copies, most similar first.
  std::vector<CopyMatch> verified(const Sketch& sketch, std::span<const std::uint32_t> candidates) const {
    std::vector<CopyMatch> matches;
    for (const std::uint32_t doc : candidates) {
      const CopyMatch match = verify(sketch, doc);
      // Texts without words share a signature but nothing else: only an exact copy counts for them.
      const bool near = sketch.has_words && has_words[doc] && match.similarity >= options.threshold;
      if (match.exact || near) matches.push_back(match);
    }
    std::sort(matches.begin(), matches.end(), [](const CopyMatch& a, const CopyMatch& b) {
      return a.similarity != b.similarity ? a.similarity > b.similarity : a.doc < b.doc;
    });
    return matches;
  }

  void append(const Sketch& sketch) {
    reserve_for(signatures, sketch.signature.size());
    reserve_for(contents, 1);
    signatures.insert(signatures.end(), sketch.signature.begin(), sketch.signature.end());
    contents.push_back(sketch.content);
    has_words.push_back(sketch.has_words);
  }
};


DedupIndex::DedupIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
DedupIndex::DedupIndex(DedupIndex&&) noexcept = default;
DedupIndex& DedupIndex::operator=(DedupIndex&&) noexcept = default;
DedupIndex::~DedupIndex() = default;

Result<DedupIndex> DedupIndex::create(DedupOptions options) {
  if (auto status = validate(options); !status) return status.error();
  if (options.banding.bands == 0) options.banding = choose_banding(options.threshold, options.permutations);
  auto impl = std::make_unique<Impl>();
  impl->bands.resize(options.banding.bands);
  impl->options = std::move(options);
  return DedupIndex(std::move(impl));
}

const DedupOptions& DedupIndex::options() const noexcept { return m_impl->options; }
std::size_t DedupIndex::size() const noexcept { return m_impl->contents.size(); }

std::vector<std::uint32_t> DedupIndex::candidates(const Sketch& sketch) const {
  std::vector<std::uint32_t> found;
  const auto& bands = m_impl->bands;
  for (std::size_t band = 0; band < bands.size(); ++band) bands[band].prefetch_directory(sketch.band_keys[band]);
  for (std::size_t band = 0; band < bands.size(); ++band) bands[band].prefetch_entries(sketch.band_keys[band]);
  for (std::size_t band = 0; band < bands.size(); ++band) {
    bands[band].for_each(sketch.band_keys[band], [&](std::uint32_t doc) { found.push_back(doc); });
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::vector<CopyMatch> DedupIndex::query(const Sketch& sketch) const {
  return m_impl->verified(sketch, candidates(sketch));
}

std::uint32_t DedupIndex::insert(const Sketch& sketch) {
  const auto doc = static_cast<std::uint32_t>(m_impl->contents.size());
  for (std::size_t band = 0; band < m_impl->bands.size(); ++band) m_impl->bands[band].insert(sketch.band_keys[band], doc);
  m_impl->append(sketch);
  return doc;
}

std::vector<std::vector<CopyMatch>> DedupIndex::insert_batch(std::span<const Sketch> sketches, std::size_t threads) {
  Impl& impl = *m_impl;
  const auto base = static_cast<std::uint32_t>(impl.contents.size());
  for (const Sketch& sketch : sketches) impl.append(sketch);

  // Phase 1, bands shared out among threads: each band looks up and then inserts every sketch in order,
  // which is exactly what sequential query-then-insert would see in that band.
  const std::size_t band_count = impl.bands.size();
  const std::size_t band_parts = std::max<std::size_t>(1, std::min(threads, band_count));
  std::vector<std::vector<std::uint64_t>> hits(band_parts);  // (position in batch << 32) | candidate doc
  detail::run_parts(band_parts, [&](std::size_t part) {
    std::vector<std::uint64_t>& found = hits[part];
    for (std::size_t band = band_count * part / band_parts; band < band_count * (part + 1) / band_parts; ++band) {
      detail::BandTable& table = impl.bands[band];
      for (std::size_t i = 0; i < sketches.size(); ++i) {
        const std::uint32_t key = sketches[i].band_keys[band];
        table.for_each(key, [&](std::uint32_t doc) { found.push_back(static_cast<std::uint64_t>(i) << 32 | doc); });
        table.insert(key, base + static_cast<std::uint32_t>(i));
      }
    }
  });

  // Group the hits by sketch (a counting sort), then verify, sketches shared out among threads.
  std::vector<std::size_t> start(sketches.size() + 1, 0);
  for (const auto& found : hits) {
    for (const std::uint64_t hit : found) ++start[(hit >> 32) + 1];
  }
  for (std::size_t i = 0; i < sketches.size(); ++i) start[i + 1] += start[i];
  std::vector<std::uint32_t> candidates(start.back());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const auto& found : hits) {
    for (const std::uint64_t hit : found) candidates[next[hit >> 32]++] = static_cast<std::uint32_t>(hit);
  }
  std::vector<std::vector<CopyMatch>> matches(sketches.size());
  const std::size_t verify_parts = std::max<std::size_t>(1, std::min(threads, sketches.size() / 64));
  detail::run_parts(verify_parts, [&](std::size_t part) {
    for (std::size_t i = sketches.size() * part / verify_parts; i < sketches.size() * (part + 1) / verify_parts; ++i) {
      std::uint32_t* first = candidates.data() + start[i];
      std::uint32_t* last = candidates.data() + start[i + 1];
      std::sort(first, last);
      last = std::unique(first, last);
      matches[i] = impl.verified(sketches[i], std::span<const std::uint32_t>(first, last));
    }
  });
  return matches;
}

CopyMatch DedupIndex::compare(std::uint32_t a, std::uint32_t b) const {
  CopyMatch match{b, 0.0, m_impl->contents[a] == m_impl->contents[b]};
  match.similarity = match.exact ? 1.0 : estimate_jaccard(m_impl->signature(a), m_impl->signature(b));
  return match;
}

std::size_t DedupIndex::memory_bytes() const noexcept {
  std::size_t bytes = m_impl->signatures.capacity() + m_impl->contents.capacity() * sizeof(ContentHash) +
                      m_impl->has_words.capacity() / 8;
  for (const auto& band : m_impl->bands) bytes += band.memory_bytes();
  return bytes;
}

}  // namespace storyline
