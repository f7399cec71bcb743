// storyline ingest: adds articles to a store, clustering each new one into its story and storyline.
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/store/ingester.hpp"

namespace storyline::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db;
  std::string output;  // empty: no per-article output
  std::string on_error = "skip";
  std::size_t max_article_bytes = ReadOptions{}.max_article_bytes;
  std::size_t max_line_bytes = ReadOptions{}.max_line_bytes;
  bool quiet = false;
  std::size_t batch = 1000;
  std::size_t reorder_buffer = 10000;
};

int run_ingest(const IngestFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  IngestOptions options;
  options.batch_size = flags.batch;
  auto ingester = StoreIngester::open(flags.db, options);
  if (!ingester)
    return fail(ingester.error(),
                ingester.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure);
  if (!flags.quiet && ingester->replayed() > 0) {
    std::fprintf(stderr, "storyline ingest: replayed %llu stored articles in %.2f s\n",
                 static_cast<unsigned long long>(ingester->replayed()), ingester->replay_seconds());
  }
  std::optional<Output> output;
  if (!flags.output.empty()) {
    auto opened = Output::open(flags.output);
    if (!opened) return fail(opened.error(), kExitFailure);
    output.emplace(std::move(opened).value());
  }

  Progress progress("ingested", !flags.quiet);
  // Every article goes through the reorder buffer, stored or not, so that a re-run over the same input
  // releases articles in the same order as the run it completes; stored ones are skipped on release.
  std::size_t handled = 0;
  bool consumer_failed = false;
  const auto process = [&](const Article& article) -> Status {
    auto added = ingester->add(article);
    if (!added) {
      consumer_failed = true;
      return added.error();
    }
    progress.update(++handled);
    if (!*added || !output) return {};
    const IngestedArticle& ingested = **added;
    const auto out = json::assignment_json(article.id, ingested.assignment.story,
                                           ingested.assignment.storyline, ingested.duplicate_of_id);
    if (auto status = output->write_line(out.dump()); !status) {
      consumer_failed = true;
      return status;
    }
    return {};
  };
  ReadOptions read_options;
  read_options.on_error = flags.on_error == "fail" ? OnError::kFail : OnError::kSkip;
  read_options.max_article_bytes = flags.max_article_bytes;
  read_options.max_line_bytes = flags.max_line_bytes;
  auto summary = read_in_publication_order(flags.inputs, read_options, flags.reorder_buffer, process);
  progress.finish();
  if (!summary) {
    // A bad record under --on-error=fail: what was clustered before it is sound, so keep it. After a
    // failure of the ingester itself its clusterer may be ahead of the store, so nothing more is written.
    if (!consumer_failed) (void)ingester->finish(handled, 0);
    return fail_read(summary.error());
  }
  if (auto status = ingester->finish(summary->read, summary->skipped()); !status)
    return fail(status.error(), kExitFailure);
  if (output) {
    if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  }
  if (!flags.quiet) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "storyline ingest: read " << summary->read << " articles, added " << ingester->added()
              << ", already present " << ingester->already_present() << "; skipped " << summary->skipped();
    const char* separator = ": ";
    for (const auto& [code, count] : summary->skipped_by_reason) {
      std::cerr << separator << error_code_name(code) << ' ' << count;
      separator = ", ";
    }
    std::cerr << '\n';
    auto total = ingester->store().article_count();
    std::fprintf(stderr,
                 "storyline ingest: %s holds %llu articles in %zu stories and %zu storylines; %llu batches "
                 "committed in %.2f s\n",
                 flags.db.c_str(), static_cast<unsigned long long>(total ? *total : 0),
                 ingester->clusterer().stories_opened(), ingester->clusterer().storylines_opened(),
                 static_cast<unsigned long long>(ingester->batches_committed()), seconds);
  }
  return summary->unreadable_inputs > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command add_ingest_command(CLI::App& root) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* app = root.add_subcommand(
      "ingest",
      "Add articles to a store (one SQLite file), clustering each new one into its story and storyline.\n"
      "Articles whose id the store already holds are skipped and counted. A later run continues where the\n"
      "last stopped: its articles come after every stored one, in publication order within the run. Each\n"
      "batch is one transaction: after a crash, re-run the same input to complete it.");
  app->add_option("INPUT", flags->inputs,
                  "Articles: .jsonl (.gz, .zst) files, .txt files, directories of .txt files, or - for stdin")
      ->required();
  app->add_option("--db", flags->db, "The store: a SQLite file, created when missing")
      ->required()
      ->type_name("PATH");
  app->add_option("--batch", flags->batch, "Articles per transaction (a crash loses at most one batch)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--reorder-buffer", flags->reorder_buffer,
                  "Articles held to put a run's input in publication order")
      ->capture_default_str();
  app->add_option(
         "-o,--output", flags->output,
         "Also write each added article's id, story, storyline and duplicate_of as JSON Lines to FILE\n"
         "('-' for standard output)")
      ->type_name("FILE");
  app->add_option(
         "--on-error", flags->on_error,
         "Bad records: 'skip' reports and counts them and goes on; 'fail' stops at the first (exit 2)")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  add_limit_flags(*app, flags->max_article_bytes, flags->max_line_bytes);
  app->add_flag("-q,--quiet", flags->quiet, "No progress and no summary (bad records are still reported)");
  return {app, [flags] { return run_ingest(*flags); }};
}

}  // namespace storyline::cli
