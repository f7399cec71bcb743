// storyline: turns a stream of news articles into copies, stories and storylines.
#include <iostream>
#include <vector>

#include "cli_common.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace storyline::cli;
  CLI::App app{
      "storyline: finds copies, stories and storylines in a stream of news articles.\n\n"
      "Every command reads articles from INPUT... (JSON Lines, .txt files, directories, - for stdin), writes\n"
      "JSON Lines to standard output (or -o FILE), and reports bad records and a summary on standard error.\n"
      "Exit status: 0 success; 1 an input could not be opened, output could not be written, or an internal\n"
      "error; 2 bad usage, or a bad record under --on-error=fail.",
      "storyline"};
  app.set_version_flag("--version", std::string("storyline ") + STORYLINE_VERSION);
  app.require_subcommand(1);

  std::vector<Command> commands;
  commands.push_back(add_analyze_command(app));
  commands.push_back(add_dedup_command(app));
  commands.push_back(add_cluster_command(app));
  commands.push_back(add_eval_command(app));
  commands.push_back(add_similar_command(app));
  commands.push_back(add_ingest_command(app));
  commands.push_back(add_stories_command(app));
  commands.push_back(add_storylines_command(app));
  commands.push_back(add_timeline_command(app));
  commands.push_back(add_serve_command(app));
  commands.push_back(add_search_command(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kExitUsage;
}
