// storyline eval: scores a predicted clustering against a gold one (B-cubed, NMI, ARI), joined on id.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/cluster/metrics.hpp"

namespace storyline::cli {
namespace {

struct EvalFlags {
  std::string gold;
  std::string predicted;
  std::string field = "story";
  std::string gold_field;       // empty: --field
  std::string predicted_field;  // empty: --field
  std::string output = "-";
  std::string on_error = "skip";
  bool quiet = false;
};

// How many ids a missing-ids warning names before it says "...".
constexpr std::size_t kIdsNamed = 5;
constexpr std::string_view kDuplicateReason = "duplicate id";

// The good records of one labels file, and how many lines were skipped, by reason.
struct LabelFile {
  std::vector<ItemLabel> items;
  std::map<std::string, std::size_t> skipped_by_reason;

  [[nodiscard]] std::size_t skipped() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped_by_reason) total += count;
    return total;
  }
};

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

// An id or a label may be written as a string or as an integer; the integer stands for its decimal
// string, so 7 and "7" are the same story.
std::optional<std::string> as_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  return std::nullopt;
}

// Parses one non-blank line into an item. The returned Error carries the reason only; the caller adds
// file and line.
Result<ItemLabel> parse_record(const std::string& line, const std::string& field) {
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 5: ..."; the line is
    // ours to give, the column and the cause are worth keeping.
    const std::string_view message = error.what();
    const std::size_t column = message.find("column");
    return Error{ErrorCode::kMalformedJson,
                 "malformed JSON: " +
                     std::string(column == std::string_view::npos ? message : message.substr(column))};
  }
  if (!record.is_object()) return Error{ErrorCode::kMalformedJson, "line is not a JSON object"};

  ItemLabel item;
  const auto id = record.find("id");
  if (id == record.end() || id->is_null()) return Error{ErrorCode::kMissingField, "missing field 'id'"};
  auto id_text = as_text(*id);
  if (!id_text) return Error{ErrorCode::kInvalidField, "field 'id' must be a string or an integer"};
  if (id_text->empty()) return Error{ErrorCode::kMissingField, "field 'id' is empty"};
  item.id = std::move(*id_text);

  const auto label = record.find(field);
  if (label == record.end()) return Error{ErrorCode::kMissingField, "missing field '" + field + "'"};
  if (label->is_null()) return item;  // an unclustered item: a story of its own
  item.label = as_text(*label);
  if (!item.label) {
    return Error{ErrorCode::kInvalidField, "field '" + field + "' must be a string, an integer or null"};
  }
  // An empty string is more likely a writer's stand-in for "no story" than a story named "": ask for null
  // rather than lump every such item into one cluster.
  if (item.label->empty()) {
    return Error{ErrorCode::kInvalidField,
                 "field '" + field + "' is empty (use null for an item without a story)"};
  }
  return item;
}

// Reads a JSON Lines labels file ("-" for standard input).
// Errors: kUnreadableInput when it cannot be opened; kUnsupportedFormat for a compressed file; with
// OnError::kFail, the first bad record or duplicate id.
Result<LabelFile> read_labels(const std::string& path, const std::string& field, OnError on_error) {
  if (path.ends_with(".gz") || path.ends_with(".zst")) {
    return Error{ErrorCode::kUnsupportedFormat,
                 "eval reads plain JSON Lines; decompress the file first (e.g. zcat FILE | storyline eval "
                 "--gold - ...)",
                 path};
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Error{ErrorCode::kUnreadableInput, "cannot open the labels file", path};
  }
  std::istream& in = path == "-" ? std::cin : file;

  LabelFile labels;
  std::unordered_map<std::string, std::size_t> first_line;  // id -> line that gave it
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are not records
    auto item = parse_record(line, field);
    const bool duplicate = item.has_value();  // a good record reaching the code below repeats an id
    Error error;
    if (item) {
      const auto [seen, inserted] = first_line.try_emplace(item->id, line_number);
      if (inserted) {
        labels.items.push_back(std::move(*item));
        continue;
      }
      // Two labels for one item leave its story undecided. Failing is the safe answer; when skipping, the
      // first wins and the line is counted, like any other skipped line.
      error = Error{ErrorCode::kInvalidField, std::string(kDuplicateReason) + " '" + item->id +
                                                  "' (first on line " + std::to_string(seen->second) + ")" +
                                                  (on_error == OnError::kSkip ? "; kept the first" : "")};
    } else {
      error = std::move(item).error();
    }
    error.file = name;
    error.line = line_number;
    if (on_error == OnError::kFail) return error;
    report_issue(error);
    ++labels.skipped_by_reason[duplicate ? std::string(kDuplicateReason)
                                         : std::string(error_code_name(error.code))];
  }
  if (in.bad()) return Error{ErrorCode::kUnreadableInput, "read error", name};
  return labels;
}

void print_read_summary(const std::string& path, const LabelFile& labels) {
  std::cerr << "storyline eval: " << (path == "-" ? "<stdin>" : path) << ": read " << labels.items.size()
            << " labels; skipped " << labels.skipped();
  const char* separator = ": ";
  for (const auto& [reason, count] : labels.skipped_by_reason) {
    std::cerr << separator << reason << ' ' << count;
    separator = ", ";
  }
  std::cerr << '\n';
}

// "3 ids in gold.jsonl are not in pred.jsonl and are not scored: a, b, c".
void warn_missing(const std::vector<std::string>& ids, const std::string& in, const std::string& not_in) {
  if (ids.empty()) return;
  std::cerr << "storyline eval: warning: " << ids.size() << (ids.size() == 1 ? " id" : " ids") << " in " << in
            << " not in " << not_in << ", not scored: ";
  for (std::size_t i = 0; i < ids.size() && i < kIdsNamed; ++i) std::cerr << (i > 0 ? ", " : "") << ids[i];
  if (ids.size() > kIdsNamed) std::cerr << ", ...";
  std::cerr << '\n';
}

int exit_code_for(const Error& error) {
  return error.code == ErrorCode::kUnreadableInput || error.code == ErrorCode::kIoError ? kExitFailure
                                                                                        : kExitUsage;
}

int run_eval(const EvalFlags& flags) {
  if (flags.gold == "-" && flags.predicted == "-") {
    return fail(Error{ErrorCode::kInvalidArgument, "--gold and --pred cannot both be standard input"},
                kExitUsage);
  }
  const OnError on_error = flags.on_error == "fail" ? OnError::kFail : OnError::kSkip;
  const std::string& gold_field = flags.gold_field.empty() ? flags.field : flags.gold_field;
  const std::string& predicted_field = flags.predicted_field.empty() ? flags.field : flags.predicted_field;

  auto output = Output::open(flags.output);
  if (!output) return fail(output.error(), kExitFailure);

  auto gold = read_labels(flags.gold, gold_field, on_error);
  if (!gold) return fail(gold.error(), exit_code_for(gold.error()));
  auto predicted = read_labels(flags.predicted, predicted_field, on_error);
  if (!predicted) return fail(predicted.error(), exit_code_for(predicted.error()));
  if (!flags.quiet) {
    print_read_summary(flags.gold, *gold);
    print_read_summary(flags.predicted, *predicted);
  }

  // The readers already dropped duplicate ids, so alignment cannot fail on them.
  auto aligned = align_labelings(gold->items, predicted->items);
  if (!aligned) return fail(aligned.error(), kExitFailure);
  warn_missing(aligned->missing_in_predicted, flags.gold, flags.predicted);
  warn_missing(aligned->missing_in_gold, flags.predicted, flags.gold);
  if (aligned->gold.empty()) {
    // Usually a wrong file or --field: every score would be a meaningless 0.
    return fail(Error{ErrorCode::kInvalidArgument,
                      "no id is in both " + flags.gold + " and " + flags.predicted + "; nothing to score"},
                kExitUsage);
  }
  auto scores = score_clustering(aligned->gold, aligned->predicted);
  if (!scores) return fail(scores.error(), kExitFailure);

  nlohmann::ordered_json out;
  out["items"] = scores->items;
  out["gold_clusters"] = scores->gold_clusters;
  out["predicted_clusters"] = scores->predicted_clusters;
  out["bcubed_precision"] = rounded(scores->bcubed_precision);
  out["bcubed_recall"] = rounded(scores->bcubed_recall);
  out["bcubed_f1"] = rounded(scores->bcubed_f1);
  out["nmi"] = rounded(scores->nmi);
  out["ari"] = rounded(scores->ari);
  out["missing_in_pred"] = aligned->missing_in_predicted.size();
  out["missing_in_gold"] = aligned->missing_in_gold.size();
  if (auto status = output->write_line(out.dump()); !status) return fail(status.error(), kExitFailure);
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);

  if (!flags.quiet) {
    std::fprintf(
        stderr,
        "storyline eval: %zu items, %zu gold clusters, %zu predicted; B-cubed P %.4f R %.4f F1 %.4f; NMI "
        "%.4f; ARI %.4f\n",
        scores->items, scores->gold_clusters, scores->predicted_clusters, scores->bcubed_precision,
        scores->bcubed_recall, scores->bcubed_f1, scores->nmi, scores->ari);
  }
  return kExitOk;
}

}  // namespace

Command add_eval_command(CLI::App& root) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* app = root.add_subcommand(
      "eval",
      "Score a predicted clustering against a gold one. Both are JSON Lines with an id and a label field\n"
      "(a string, an integer, or null for an item alone in its cluster). Prints one JSON line: items "
      "scored,\n"
      "cluster counts, B-cubed precision/recall/F1, NMI (2I/(H(gold)+H(pred))), ARI, and ids in one file "
      "only.");
  app->add_option("--gold", flags->gold, "Gold labels: JSON Lines, or - for standard input")
      ->required()
      ->type_name("FILE");
  app->add_option("--pred", flags->predicted, "Predicted labels: JSON Lines, or - for standard input")
      ->required()
      ->type_name("FILE");
  app->add_option("--field", flags->field, "Label field of both files")->capture_default_str();
  app->add_option("--gold-field", flags->gold_field, "Label field of the gold file (default: --field)");
  app->add_option("--pred-field", flags->predicted_field,
                  "Label field of the predicted file (default: --field)");
  app->add_option("-o,--output", flags->output, "Write the JSON line to FILE instead of standard output")
      ->type_name("FILE");
  app->add_option(
         "--on-error", flags->on_error,
         "Bad lines and duplicate ids: 'skip' reports and counts them and goes on (a duplicate keeps its "
         "first line); 'fail' stops at the first (exit 2)")
      ->check(CLI::IsMember({"skip", "fail"}))
      ->capture_default_str();
  app->add_flag("-q,--quiet", flags->quiet, "No summary (bad lines and missing ids are still reported)");
  return {app, [flags] { return run_eval(*flags); }};
}

}  // namespace storyline::cli
