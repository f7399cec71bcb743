// The subcommands of the storyline CLI. Each lives in its own cmd_<name>.cpp and is a thin layer over
// the library's public API.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace storyline::cli {

// A registered subcommand: CLI11 fills its flags while parsing; `run` then does the work and returns the
// process exit code.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

[[nodiscard]] Command add_analyze_command(CLI::App& root);
[[nodiscard]] Command add_dedup_command(CLI::App& root);
[[nodiscard]] Command add_cluster_command(CLI::App& root);
[[nodiscard]] Command add_eval_command(CLI::App& root);
[[nodiscard]] Command add_similar_command(CLI::App& root);
[[nodiscard]] Command add_ingest_command(CLI::App& root);
[[nodiscard]] Command add_stories_command(CLI::App& root);
[[nodiscard]] Command add_storylines_command(CLI::App& root);
[[nodiscard]] Command add_timeline_command(CLI::App& root);
[[nodiscard]] Command add_serve_command(CLI::App& root);
[[nodiscard]] Command add_search_command(CLI::App& root);

}  // namespace storyline::cli
