// storyline analyze: what the engine sees of each article (language, weighted terms, entities, dates).
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/text/analyze.hpp"

namespace storyline::cli {
namespace {

struct AnalyzeFlags {
  CommonFlags common;
  std::size_t top_terms = AnalyzeOptions{}.top_terms;
};

int run_analyze(const AnalyzeFlags& flags) {
  AnalyzeOptions options;
  options.top_terms = flags.top_terms;
  auto analyzer = Analyzer::create(options);
  if (!analyzer) return fail(analyzer.error(), kExitFailure);
  auto output = Output::open(flags.common.output);
  if (!output) return fail(output.error(), kExitFailure);

  Progress progress("analyzed", !flags.common.quiet);
  std::size_t written = 0;
  const auto sink = [&](Article&& article) -> Status {
    auto analysis = analyzer->analyze(article);
    if (!analysis) return analysis.error();
    if (auto status = output->write_line(json::analysis_json(*analysis).dump()); !status) return status;
    progress.update(++written);
    return {};
  };
  auto summary = read_articles(flags.common.inputs, flags.common.read_options(), sink, report_issue);
  progress.finish();
  if (!summary) return fail_read(summary.error());
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  if (!flags.common.quiet) print_summary("analyze", *summary, written);
  // Like cat or grep: an input that could not be opened fails the run, after the others were processed.
  return summary->unreadable_inputs > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command add_analyze_command(CLI::App& root) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* app = root.add_subcommand(
      "analyze",
      "Print, per article, one JSON line with its language, heaviest terms (TF-IDF over stems), entities\n"
      "(people, places, organisations) and the dates it mentions.");
  add_common_flags(*app, flags->common);
  app->add_option("--top-terms", flags->top_terms, "How many weighted terms to print per article (0: all)")
      ->capture_default_str();
  return {app, [flags] { return run_analyze(*flags); }};
}

}  // namespace storyline::cli
