// storyline stories: the stories of a store, one JSON line (or table row) each.
#include <cstdio>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/store/store.hpp"

namespace storyline::cli {
namespace {

struct StoriesFlags {
  std::string db;
  std::string output = "-";
  std::string format = "jsonl";
  std::optional<std::uint32_t> storyline;
};

int run_stories(const StoriesFlags& flags) {
  auto store = Store::open(flags.db, StoreMode::kReadOnly);
  if (!store) return fail(store.error(), kExitFailure);
  auto stories = store->stories();
  if (!stories) return fail(stories.error(), kExitFailure);
  auto output = Output::open(flags.output);
  if (!output) return fail(output.error(), kExitFailure);
  const bool table = flags.format == "table";
  if (table) {
    if (auto status = output->write_line("story  storyline  articles  first       last        title");
        !status) {
      return fail(status.error(), kExitFailure);
    }
  }
  for (const StoryRecord& story : *stories) {
    if (flags.storyline && story.storyline != *flags.storyline) continue;
    std::string line;
    if (table) {
      char row[96];
      std::snprintf(row, sizeof row, "%5u  %9u  %8llu  %-10.10s  %-10.10s  ", story.story, story.storyline,
                    static_cast<unsigned long long>(story.articles),
                    story.first_published.empty() ? "-" : story.first_published.c_str(),
                    story.last_published.empty() ? "-" : story.last_published.c_str());
      line = row + (story.title.empty() ? story.first_article_id : story.title);
    } else {
      line = json::dump(json::story_json(story));
    }
    if (auto status = output->write_line(line); !status) return fail(status.error(), kExitFailure);
  }
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  return kExitOk;
}

}  // namespace

Command add_stories_command(CLI::App& root) {
  auto flags = std::make_shared<StoriesFlags>();
  CLI::App* app = root.add_subcommand(
      "stories",
      "List the stories of a store, in the order they opened: number, storyline, article count, first and\n"
      "last publication time (UTC), and the id and title of the article that opened it.");
  app->add_option("--db", flags->db, "The store (see storyline ingest)")->required()->type_name("PATH");
  app->add_option("--storyline", flags->storyline, "Only the stories of this storyline");
  app->add_option("--format", flags->format, "'jsonl' (one JSON object per line) or 'table' (for reading)")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  app->add_option("-o,--output", flags->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  return {app, [flags] { return run_stories(*flags); }};
}

}  // namespace storyline::cli
