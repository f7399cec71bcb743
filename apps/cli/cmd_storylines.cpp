// storyline storylines: the storylines of a store, one JSON line (or table row) each.
#include <cstdio>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/store/store.hpp"

namespace storyline::cli {
namespace {

struct StorylinesFlags {
  std::string db;
  std::string output = "-";
  std::string format = "jsonl";
  std::uint64_t min_stories = 1;
};

int run_storylines(const StorylinesFlags& flags) {
  auto store = Store::open(flags.db, StoreMode::kReadOnly);
  if (!store) return fail(store.error(), kExitFailure);
  auto storylines = store->storylines();
  if (!storylines) return fail(storylines.error(), kExitFailure);
  auto output = Output::open(flags.output);
  if (!output) return fail(output.error(), kExitFailure);
  const bool table = flags.format == "table";
  if (table) {
    if (auto status = output->write_line("storyline  stories  articles  first       last        title");
        !status) {
      return fail(status.error(), kExitFailure);
    }
  }
  for (const StorylineRecord& storyline : *storylines) {
    if (storyline.stories < flags.min_stories) continue;
    std::string line;
    if (table) {
      char row[96];
      std::snprintf(row, sizeof row, "%9u  %7llu  %8llu  %-10.10s  %-10.10s  ", storyline.storyline,
                    static_cast<unsigned long long>(storyline.stories),
                    static_cast<unsigned long long>(storyline.articles),
                    storyline.first_published.empty() ? "-" : storyline.first_published.c_str(),
                    storyline.last_published.empty() ? "-" : storyline.last_published.c_str());
      line = row + (storyline.title.empty() ? storyline.first_article_id : storyline.title);
    } else {
      line = json::dump(json::storyline_json(storyline));
    }
    if (auto status = output->write_line(line); !status) return fail(status.error(), kExitFailure);
  }
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  return kExitOk;
}

}  // namespace

Command add_storylines_command(CLI::App& root) {
  auto flags = std::make_shared<StorylinesFlags>();
  CLI::App* app = root.add_subcommand(
      "storylines",
      "List the storylines of a store, in the order they started: number, story and article counts, first\n"
      "and last publication time (UTC), and the id and title of the article that started it.");
  app->add_option("--db", flags->db, "The store (see storyline ingest)")->required()->type_name("PATH");
  app->add_option("--min-stories", flags->min_stories, "Only storylines with at least this many stories")
      ->capture_default_str();
  app->add_option("--format", flags->format, "'jsonl' (one JSON object per line) or 'table' (for reading)")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  app->add_option("-o,--output", flags->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  return {app, [flags] { return run_storylines(*flags); }};
}

}  // namespace storyline::cli
