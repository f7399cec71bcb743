// storyline cluster: online story clustering, one JSON line per article in stream order.
#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/cluster/clusterer.hpp"
#include "storyline/json/codec.hpp"

namespace storyline::cli {
namespace {

struct ClusterFlags {
  CommonFlags common;
  bool explain = false;
  std::size_t reorder_buffer = 10000;
  double retire_after_days = 7.0;
  double max_story_days = 7.0;
  double storyline_retire_after_days = 3 * 365.0;
  std::optional<double> join_threshold;
  std::optional<double> storyline_threshold;
  std::string model_file;
  std::string storyline_model_file;
  std::string gold_field = "story";
  std::string gold_file;
  std::string training_file;
};

Result<std::unordered_map<std::string, std::string>> read_gold(const std::string& path, const std::string& field) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kUnreadableInput, "cannot open the gold file", path};
  std::unordered_map<std::string, std::string> labels;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("id") || !record.contains(field)) {
      return Error{ErrorCode::kMalformedJson, "expected a JSON object with 'id' and '" + field + "'", path, line_number};
    }
    const auto& story = record[field];
    labels[record["id"].get<std::string>()] = story.is_string() ? story.get<std::string>() : story.dump();
  }
  return labels;
}

nlohmann::ordered_json explain(const std::vector<CandidateScore>& scored, const char* kind) {
  constexpr std::size_t kShown = 3;
  auto candidates = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(kShown, scored.size()); ++i) {
    const CandidateScore& candidate = scored[i];
    nlohmann::ordered_json signals;
    for (std::size_t s = 0; s < kStorySignalCount; ++s) {
      signals[std::string(story_signal_name(static_cast<StorySignal>(s)))] =
          std::round(candidate.signals[s] * 10000.0) / 10000.0;
    }
    candidates.push_back({{kind, candidate.story},
                          {"probability", std::round(candidate.probability * 10000.0) / 10000.0},
                          {"signals", signals}});
  }
  return candidates;
}

int run_cluster(const ClusterFlags& flags) {
  ClusterOptions options;
  options.retire_after_seconds = static_cast<std::int64_t>(flags.retire_after_days * 86400.0);
  options.max_story_seconds = static_cast<std::int64_t>(flags.max_story_days * 86400.0);
  options.storyline_retire_after_seconds = static_cast<std::int64_t>(flags.storyline_retire_after_days * 86400.0);
  options.join_threshold = flags.join_threshold;
  options.storyline_threshold = flags.storyline_threshold;
  for (auto [file, model] : {std::pair{&flags.model_file, &options.model},
                             std::pair{&flags.storyline_model_file, &options.storyline_model}}) {
    if (file->empty()) continue;
    std::ifstream in(*file);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return fail(Error{ErrorCode::kUnreadableInput, "cannot read the model file", *file}, kExitUsage);
    auto parsed = parse_story_model(text.str());
    if (!parsed) return fail(Error{parsed.error().code, parsed.error().reason, *file}, kExitUsage);
    *model = std::move(parsed).value();
  }
  const bool training = !flags.training_file.empty();
  const bool storyline_training = flags.gold_field == "storyline";
  if (training && flags.gold_file.empty()) {
    return fail(Error{ErrorCode::kInvalidArgument, "--training-data needs --gold"}, kExitUsage);
  }
  std::unordered_map<std::string, std::string> gold;
  if (training) {
    auto labels = read_gold(flags.gold_file, flags.gold_field);
    if (!labels) return fail(labels.error(), kExitUsage);
    gold = std::move(labels).value();
  }
  std::ofstream training_out;
  if (training) {
    training_out.open(flags.training_file);
    if (!training_out) return fail(Error{ErrorCode::kIoError, "cannot create the file", flags.training_file}, kExitFailure);
    training_out << "label";
    for (std::size_t s = 0; s < kStorySignalCount; ++s) training_out << '\t' << story_signal_name(static_cast<StorySignal>(s));
    training_out << '\n';
  }

  auto clusterer = StoryClusterer::create(options);
  if (!clusterer) return fail(clusterer.error(), kExitUsage);
  auto output = Output::open(flags.common.output);
  if (!output) return fail(output.error(), kExitFailure);

  Progress progress("clustered", !flags.common.quiet);
  std::size_t written = 0;
  std::unordered_map<std::string, std::uint32_t> gold_story;  // training: gold label -> story number
  const auto process = [&](const Article& article) -> Status {
    Result<StoryAssignment> assignment = Error{ErrorCode::kInternal, "unset"};
    std::string label;
    if (training) {
      const auto it = gold.find(article.id);
      label = it == gold.end() ? "\x01" + article.id : it->second;  // ungolded articles stand alone
      const auto known = gold_story.find(label);
      const auto group = known == gold_story.end() ? std::nullopt : std::optional<std::uint32_t>(known->second);
      assignment = storyline_training ? clusterer->add_forced_storyline(article, group)
                                      : clusterer->add_forced(article, group);
    } else {
      assignment = clusterer->add(article);
    }
    if (!assignment) return assignment.error();
    if (training) {
      const auto known = gold_story.find(label);
      const bool existed =
          known != gold_story.end() && !(storyline_training ? assignment->storyline_opened : assignment->opened);
      for (const CandidateScore& candidate :
           storyline_training ? assignment->storyline_candidates : assignment->candidates) {
        training_out << (existed && candidate.story == known->second ? 1 : 0);
        for (const double value : candidate.signals) training_out << '\t' << value;
        training_out << '\n';
      }
      gold_story[label] = storyline_training ? assignment->storyline : assignment->story;
    }
    ++written;
    nlohmann::ordered_json out = json::assignment_json(article.id, assignment->story, assignment->storyline,
                                                       assignment->duplicate_of_id.value_or(""));
    if (flags.explain) {
      out["candidates"] = explain(assignment->candidates, "story");
      if (assignment->opened) out["storyline_candidates"] = explain(assignment->storyline_candidates, "storyline");
    }
    if (auto status = output->write_line(out.dump()); !status) return status;
    progress.update(written);
    return {};
  };
  auto summary = read_in_publication_order(flags.common.inputs, unique_ids(flags.common.read_options()),
                                           flags.reorder_buffer, process);
  progress.finish();
  if (!summary) return fail_read(summary.error());
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  if (!flags.common.quiet) {
    print_summary("cluster", *summary, written);
    std::cerr << "storyline cluster: " << clusterer->stories_opened() << " stories (" << clusterer->active_stories()
              << " still active) in " << clusterer->storylines_opened() << " storylines ("
              << clusterer->active_storylines() << " still active)\n";
  }
  return summary->unreadable_inputs > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command add_cluster_command(CLI::App& root) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* app = root.add_subcommand(
      "cluster",
      "Cluster articles into stories (real-world events), online, in publication order. Prints one JSON line\n"
      "per article, in stream order: its id, its story and storyline numbers and the id of the article it\n"
      "copies (or null). Stories are events; storylines link the stories of one matter across months.");
  add_common_flags(*app, flags->common);
  app->add_flag("--explain", flags->explain, "Add the best candidate stories with their per-signal scores");
  app->add_option("--reorder-buffer", flags->reorder_buffer,
                  "Articles held to put the stream in publication order (a larger input is ordered within windows)")
      ->capture_default_str();
  app->add_option("--retire-after-days", flags->retire_after_days,
                  "Stories quiet for this long (by publication time) stop taking articles")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--max-story-days", flags->max_story_days,
                  "A story takes no new articles once its first is this old (0: no limit); the storyline goes on")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("--storyline-retire-after-days", flags->storyline_retire_after_days,
                  "Storylines quiet for this long stop taking stories (memory follows this window)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--join-threshold", flags->join_threshold,
                  "Probability at which an article joins its best candidate story (default: the model's)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--storyline-threshold", flags->storyline_threshold,
                  "Probability at which a new story continues its best candidate storyline (default: the model's)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--model", flags->model_file, "A story model file to use instead of the shipped one");
  app->add_option("--storyline-model", flags->storyline_model_file,
                  "A storyline model file to use instead of the shipped one");
  app->add_option("--gold", flags->gold_file, "Gold labels (JSON Lines with id and a label), for --training-data");
  app->add_option("--gold-field", flags->gold_field,
                  "The gold label: 'story' trains the story model, 'storyline' the storyline model")
      ->check(CLI::IsMember({"story", "storyline"}))
      ->capture_default_str();
  app->add_option("--training-data", flags->training_file,
                  "Follow the gold stories (or storylines) instead of the model and write every scored candidate\n"
                  "as a training row (label, signals) to this TSV file");
  return {app, [flags] { return run_cluster(*flags); }};
}

}  // namespace storyline::cli
