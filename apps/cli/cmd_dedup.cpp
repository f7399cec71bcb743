// storyline dedup: exact and near-duplicate copies, one verdict per input article.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/dedup/deduplicator.hpp"
#include "storyline/json/codec.hpp"

namespace storyline::cli {
namespace {

struct DedupFlags {
  CommonFlags common;
  DedupOptions options;
  std::string shingle_kind = "words";
  std::size_t threads = 0;
};

// Articles are handed to the deduplicator in batches so its threads have work to share.
constexpr std::size_t kBatchSize = 4096;

int run_dedup(DedupFlags flags) {
  flags.options.shingles.kind = flags.shingle_kind == "chars" ? ShingleKind::kCharacters : ShingleKind::kWords;
  const auto start = std::chrono::steady_clock::now();
  auto deduplicator = Deduplicator::create(flags.options, flags.threads);
  if (!deduplicator) return fail(deduplicator.error(), kExitUsage);
  auto output = Output::open(flags.common.output);
  if (!output) return fail(output.error(), kExitFailure);

  Progress progress("read", !flags.common.quiet);
  std::vector<Article> batch;
  batch.reserve(kBatchSize);
  std::size_t read = 0;
  const auto sink = [&](Article&& article) -> Status {
    batch.push_back(std::move(article));
    if (batch.size() == kBatchSize) {
      deduplicator->add(std::move(batch));  // works in the background while the next batch is read
      batch = {};
      batch.reserve(kBatchSize);
    }
    progress.update(++read);
    return {};
  };
  auto summary =
      read_articles(flags.common.inputs, unique_ids(flags.common.read_options()), sink, report_issue);
  progress.finish();
  if (!summary) return fail_read(summary.error());
  deduplicator->add(std::move(batch));

  const std::vector<CopyVerdict> verdicts = deduplicator->verdicts();
  std::string line;
  for (const CopyVerdict& verdict : verdicts) {
    const std::string& original = verdict.duplicate_of ? verdicts[*verdict.duplicate_of].id : std::string();
    line = json::copy_verdict_json(verdict, original).dump();
    if (auto status = output->write_line(line); !status) return fail(status.error(), kExitFailure);
  }
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);

  if (!flags.common.quiet) {
    print_summary("dedup", *summary, verdicts.size());
    const DedupSummary stats = deduplicator->summary();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const Banding& banding = deduplicator->index().options().banding;
    std::fprintf(stderr,
                 "storyline dedup: %zu groups, %zu copies (%zu exact) in %.2f s; threshold %.2f, %zu bands x %zu "
                 "rows; index %.0f bytes/article\n",
                 stats.groups, stats.copies, stats.exact_copies, seconds, flags.options.threshold, banding.bands,
                 banding.rows,
                 stats.articles > 0 ? static_cast<double>(stats.index_bytes) / static_cast<double>(stats.articles) : 0.0);
  }
  return summary->unreadable_inputs > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command add_dedup_command(CLI::App& root) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* app = root.add_subcommand(
      "dedup",
      "Find exact and near-duplicate copies. Prints one JSON line per article: its id, the id of the earliest\n"
      "article of its copy group (duplicate_of, null for that article itself and for unique ones), the\n"
      "estimated Jaccard similarity to it, and whether the normalised words are identical (exact).");
  add_common_flags(*app, flags->common);
  DedupOptions& options = flags->options;
  app->add_option("--threshold", options.threshold,
                  "Estimated Jaccard similarity of shingle sets at or above which articles are copies")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app->add_option("--shingle-kind", flags->shingle_kind, "Shingles of 'words' or of 'chars'")
      ->check(CLI::IsMember({"words", "chars"}))
      ->capture_default_str();
  app->add_option("--shingle-size", options.shingles.size, "Words (or characters) per shingle")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app->add_option("--permutations", options.permutations, "MinHash permutations per signature")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app->add_option("--bands", options.banding.bands, "LSH bands (default: chosen from the threshold)");
  app->add_option("--rows", options.banding.rows, "LSH rows per band (default: chosen from the threshold)");
  app->add_option("--threads", flags->threads, "Worker threads (default: every core)");
  return {app, [flags] { return run_dedup(*flags); }};
}

}  // namespace storyline::cli
