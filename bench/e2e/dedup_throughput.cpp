// End-to-end copy-detection throughput on real corpora: reads each input into memory with the library's
// reader, then times the stages of copy detection on the articles already in memory -- sketching on one
// thread, the LSH index one article at a time and in batches, and the whole Deduplicator on N threads --
// and prints throughput, index memory, the process's peak memory and the copies found.
//
//   bench-dedup [--threads N] [INPUT...]
// N defaults to every core. Without inputs it reads $STORYLINE_DATA_DIR (default ../shared/data, relative
// to the working directory) neardup-10k/docs.jsonl.gz. Reading is timed on its own and kept out of the
// stage figures; bench/e2e/run-dedup-bench.sh times the CLI for the true end to end.
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "storyline/dedup/dedup_index.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/ingest/reader.hpp"

namespace {

using storyline::Article;
using storyline::DedupIndex;
using storyline::DedupOptions;
using storyline::Sketch;
using storyline::Status;
using Clock = std::chrono::steady_clock;

// The batch size the CLI hands to the Deduplicator, so the batched figures match what users get.
constexpr std::size_t kBatchSize = 4096;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "bench-dedup: %s\n", message.c_str());
  std::exit(1);
}

struct Corpus {
  std::vector<Article> articles;
  std::size_t text_bytes = 0;  // what is sketched: the text, not the title
  double read_seconds = 0;
};

Corpus read_corpus(const std::string& input) {
  Corpus corpus;
  const std::vector<std::string> inputs = {input};
  const auto start = Clock::now();
  const auto summary = storyline::read_articles(
      inputs, {},
      [&](Article&& article) -> Status {
        corpus.text_bytes += article.text.size();
        corpus.articles.push_back(std::move(article));
        return {};
      },
      [](const storyline::Error& error) {
        std::fprintf(stderr, "bench-dedup: %s\n", error.message().c_str());
      });
  corpus.read_seconds = seconds_since(start);
  if (!summary) die(summary.error().message());
  return corpus;
}

struct Stage {
  const char* name = "";
  std::size_t threads = 1;
  double seconds = 0;
  std::size_t items = 0;
  std::size_t bytes = 0;               // 0: not a per-byte stage
  std::optional<std::size_t> matched;  // articles with at least one earlier copy, where the stage sees it
};

void print_stage_header() {
  std::printf("  %-30s %7s %9s %12s %9s %9s\n", "stage", "threads", "seconds", "articles/s", "MB/s",
              "matched");
}

void print_stage(const Stage& stage) {
  const double per_second = static_cast<double>(stage.items) / stage.seconds;
  std::printf("  %-30s %7zu %9.3f %12.0f ", stage.name, stage.threads, stage.seconds, per_second);
  if (stage.bytes > 0) {
    std::printf("%9.2f ", static_cast<double>(stage.bytes) / 1e6 / stage.seconds);
  } else {
    std::printf("%9s ", "-");
  }
  if (stage.matched) {
    std::printf("%9zu\n", *stage.matched);
  } else {
    std::printf("%9s\n", "-");
  }
}

DedupIndex make_index(const DedupOptions& options) {
  auto index = DedupIndex::create(options);
  if (!index) die(index.error().message());
  return std::move(index).value();
}

void run(const std::string& input, const DedupOptions& options, std::size_t threads) {
  Corpus corpus = read_corpus(input);
  const std::size_t count = corpus.articles.size();
  const double mb = static_cast<double>(corpus.text_bytes) / 1e6;
  std::printf("\n%s\n", input.c_str());
  std::printf(
      "  read %zu articles, %.1f MB of text, in %.2f s (%.1f MB/s); held in memory for the stages below\n",
      count, mb, corpus.read_seconds, mb / corpus.read_seconds);
  if (count == 0) return;
  print_stage_header();

  {
    // Shingling and MinHash signing dominate; one thread gives the per-core rate the thread count scales.
    std::vector<Sketch> sketches(count);
    storyline::Sketcher sketcher(options);
    auto start = Clock::now();
    for (std::size_t i = 0; i < count; ++i) sketcher.sketch(corpus.articles[i].text, sketches[i]);
    print_stage({"sketch (signatures/core)", 1, seconds_since(start), count, corpus.text_bytes, {}});

    DedupIndex sequential = make_index(options);
    std::size_t matched = 0;
    start = Clock::now();
    for (const Sketch& sketch : sketches) {
      if (!sequential.query(sketch).empty()) ++matched;
      sequential.insert(sketch);
    }
    print_stage({"LSH query+insert", 1, seconds_since(start), count, 0, matched});

    DedupIndex batched = make_index(options);
    matched = 0;
    const std::span<const Sketch> all(sketches);
    start = Clock::now();
    for (std::size_t offset = 0; offset < count; offset += kBatchSize) {
      const auto matches =
          batched.insert_batch(all.subspan(offset, std::min(kBatchSize, count - offset)), threads);
      matched += static_cast<std::size_t>(
          std::count_if(matches.begin(), matches.end(), [](const auto& found) { return !found.empty(); }));
    }
    print_stage({"LSH insert_batch (4096)", threads, seconds_since(start), count, 0, matched});
  }  // frees the sketches and both indexes before the Deduplicator builds its own

  // Handing articles over moves them, so the batches are cut before the clock starts.
  std::vector<std::vector<Article>> batches;
  for (std::size_t offset = 0; offset < count; offset += kBatchSize) {
    const auto first = corpus.articles.begin() + static_cast<std::ptrdiff_t>(offset);
    const auto last = first + static_cast<std::ptrdiff_t>(std::min(kBatchSize, count - offset));
    batches.emplace_back(std::make_move_iterator(first), std::make_move_iterator(last));
  }
  corpus.articles = {};

  auto deduplicator = storyline::Deduplicator::create(options, threads);
  if (!deduplicator) die(deduplicator.error().message());
  const auto start = Clock::now();
  for (auto& batch : batches) deduplicator->add(std::move(batch));
  const std::vector<storyline::CopyVerdict> verdicts = deduplicator->verdicts();
  print_stage(
      {"Deduplicator add+verdicts", threads, seconds_since(start), verdicts.size(), corpus.text_bytes, {}});

  const storyline::DedupSummary summary = deduplicator->summary();
  const std::size_t index_bytes = deduplicator->index().memory_bytes();
  std::printf("  index %.0f bytes/article (%.1f MB); process peak RSS so far %.1f MiB\n",
              static_cast<double>(index_bytes) / static_cast<double>(count),
              static_cast<double>(index_bytes) / 1e6, peak_rss_mib());
  std::printf("  found %zu groups, %zu copies (%zu exact) among %zu articles\n", summary.groups,
              summary.copies, summary.exact_copies, summary.articles);
  std::printf(
      "  end to end with reading and writing: /usr/bin/time build/release/bin/storyline dedup %s "
      "-o OUT.jsonl --threads %zu\n",
      input.c_str(), threads);
}

std::size_t parse_threads(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value == 0) {
    die("--threads needs a positive number, got '" + std::string(text) + "'");
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t threads = std::max(1U, std::thread::hardware_concurrency());
  std::vector<std::string> inputs;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::puts("usage: bench-dedup [--threads N] [INPUT...]   (N: default every core)");
      return 0;
    }
    if (args[i] == "--threads") {
      if (i + 1 == args.size()) die("--threads needs a value");
      threads = parse_threads(args[++i]);
    } else if (args[i].starts_with("--threads=")) {
      threads = parse_threads(args[i].substr(std::string_view("--threads=").size()));
    } else {
      inputs.emplace_back(args[i]);
    }
  }
  if (inputs.empty()) {
    const char* env = std::getenv("STORYLINE_DATA_DIR");
    const std::filesystem::path data = env != nullptr ? env : "../shared/data";
    inputs = {(data / "neardup-10k/docs.jsonl.gz").string()};
  }
  for (const std::string& input : inputs) {
    if (!std::filesystem::exists(input)) die(input + " not found (set STORYLINE_DATA_DIR or pass inputs)");
  }

  // The options every stage shares: the defaults, with the banding resolved as the index resolves it.
  const DedupOptions options = make_index({}).options();
  std::printf(
      "bench-dedup: threads %zu; %s %zu-gram shingles, %zu permutations, threshold %.2f, "
      "%zu bands x %zu rows\n",
      threads, options.shingles.kind == storyline::ShingleKind::kWords ? "word" : "character",
      options.shingles.size, options.permutations, options.threshold, options.banding.bands,
      options.banding.rows);
  for (const std::string& input : inputs) run(input, options, threads);
  return 0;
}
