// storyline timeline: clusters the stream (or reads a store's clustering, --db), then lays out each
// storyline as its stories in date order, for people (the default) or as one JSON line per storyline
// (--json).
#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/cluster/clusterer.hpp"
#include "storyline/cluster/timeline.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/store/store_timeline.hpp"

namespace storyline::cli {
namespace {

struct TimelineFlags {
  CommonFlags common;
  std::string db;  // read the store's articles and assignments instead of clustering INPUT...
  std::optional<std::uint32_t> storyline;
  bool json = false;
  bool all = false;
  std::size_t top = 0;
  std::string since;  // YYYY-MM-DD; empty: unbounded
  std::string until;
  std::size_t reorder_buffer = 10000;
  double max_story_days = 7.0;
};

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string day_text(const std::optional<Day>& day) { return day ? format_iso8601_date(*day) : "undated"; }

// `top`: the stories were cut to the storyline's leading days by keep_top (--top).
std::string timeline_text(const Timeline& timeline, std::size_t stories_total, bool top) {
  std::ostringstream out;
  out << "storyline " << timeline.storyline << ": " << plural(timeline.articles, "article", "articles")
      << ", " << plural(stories_total, "story", "stories");
  if (top && timeline.key_dates.empty()) {  // undated: keep_top kept the largest stories
    out << " (its " << plural(timeline.stories.size(), "largest story", "largest stories") << " shown)";
  } else if (top) {
    out << " (its " << plural(timeline.stories.size(), "leading day", "leading days") << " shown)";
  }
  if (timeline.first_day)
    out << ", " << day_text(timeline.first_day) << " to " << day_text(timeline.last_day);
  out << '\n';
  for (const EntityKind kind : {EntityKind::kPerson, EntityKind::kPlace, EntityKind::kOrganisation}) {
    const char* separator = "";
    for (const DefiningEntity& entity : timeline.entities) {
      if (entity.kind != kind) continue;
      if (*separator == '\0')
        out << "  "
            << (kind == EntityKind::kPerson  ? "people"
                : kind == EntityKind::kPlace ? "places"
                                             : "organisations")
            << ": ";
      out << separator << entity.name << " (" << entity.articles << ")";
      separator = ", ";
    }
    if (*separator != '\0') out << '\n';
  }
  // A line, not a list: the JSON has them all.
  constexpr std::size_t kKeyDatesShown = 8;
  if (!timeline.key_dates.empty()) {
    out << "  key dates:";
    for (std::size_t i = 0; i < std::min(kKeyDatesShown, timeline.key_dates.size()); ++i) {
      out << (i == 0 ? " " : ", ") << format_iso8601_date(timeline.key_dates[i].day) << " ("
          << timeline.key_dates[i].articles << ")";
    }
    out << '\n';
  }
  for (const TimelineStory& story : timeline.stories) {
    std::string when = day_text(story.date);
    if (story.first_day != story.last_day)
      when += " (" + day_text(story.first_day) + ".." + day_text(story.last_day) + ")";
    out << "  " << when << "  " << plural(story.articles, "article", "articles") << "  "
        << (story.label.empty() ? "(untitled)" : story.label) << '\n';
    if (!story.key_sentence.empty()) out << "      " << story.key_sentence << '\n';
    if (!story.sources.empty()) {
      out << "      sources:";
      for (std::size_t i = 0; i < story.sources.size(); ++i) out << (i == 0 ? " " : ", ") << story.sources[i];
      out << '\n';
    }
  }
  return out.str();
}

struct Written {
  std::size_t storylines = 0;
  std::size_t left_out = 0;  // storylines of a single article, not asked for
};

// What both sources share: which timelines are shown, and how.
Result<Written> write_timelines(const TimelineFlags& flags, std::vector<Timeline> timelines, Output& output) {
  Written written;
  for (Timeline& timeline : timelines) {
    // A single article is not yet a line through time; asked for by number, or with --all, it is shown.
    if (timeline.articles < 2 && !flags.all && !flags.storyline) {
      ++written.left_out;
      continue;
    }
    const std::size_t stories_total = timeline.stories.size();
    keep_top(timeline, flags.top);
    const std::string text = flags.json ? json::dump(json::timeline_json(timeline, stories_total))
                                        : timeline_text(timeline, stories_total, flags.top != 0);
    if (auto status = output.write_line(text); !status) return status.error();
    ++written.storylines;
  }
  if (auto status = output.close(); !status) return status.error();
  return written;
}

// The builder's options from the flags; a --since or --until that is not a date is a usage error.
Result<TimelineOptions> timeline_options(const TimelineFlags& flags) {
  TimelineOptions options;
  options.only_storyline = flags.storyline;
  const auto day = [](const std::string& text, const char* flag) -> Result<std::optional<Day>> {
    if (text.empty()) return std::optional<Day>{};
    const auto parsed = parse_iso8601_day(text);
    if (!parsed) {
      return Error{
          ErrorCode::kInvalidArgument,
          std::string(flag) + ": '" + text + "' is not a date; give it as YYYY-MM-DD, e.g. 2011-03-15"};
    }
    return parsed;
  };
  auto since = day(flags.since, "--since");
  if (!since) return since.error();
  auto until = day(flags.until, "--until");
  if (!until) return until.error();
  if (*since && *until && **since > **until) {
    return Error{ErrorCode::kInvalidArgument, "--since " + flags.since + " is after --until " + flags.until};
  }
  options.since = *since;
  options.until = *until;
  return options;
}

// The closing report; then the exit code when --storyline named one that the input (store) lacks.
int finish(const TimelineFlags& flags, const Written& written, const char* source) {
  if (!flags.common.quiet) {
    std::cerr << "storyline timeline: " << plural(written.storylines, "storyline", "storylines") << " written";
    if (written.left_out > 0) {
      std::cerr << "; " << written.left_out << " of a single article left out (--all shows them)";
    }
    std::cerr << '\n';
  }
  if (flags.storyline && written.storylines == 0) {
    const bool window = !flags.since.empty() || !flags.until.empty();
    return fail(
        Error{ErrorCode::kInvalidArgument, "no storyline " + std::to_string(*flags.storyline) + " in the " +
                                               source + (window ? " between --since and --until" : "")},
        kExitUsage);
  }
  return kExitOk;
}

// The store already holds each article's story and storyline: replaying them in stream order gives what
// the command prints for the input the store was ingested from, without clustering again.
int run_store_timeline(const TimelineFlags& flags) {
  auto store = Store::open(flags.db, StoreMode::kReadOnly);
  if (!store) return fail(store.error(), kExitFailure);
  auto output = Output::open(flags.common.output);
  if (!output) return fail(output.error(), kExitFailure);
  auto options = timeline_options(flags);
  if (!options) return fail(options.error(), kExitUsage);
  auto timelines = store_timelines(*store, *options);
  if (!timelines) return fail(timelines.error(), kExitFailure);
  auto written = write_timelines(flags, std::move(timelines).value(), *output);
  if (!written) return fail(written.error(), kExitFailure);
  return finish(flags, *written, "store");
}

int run_timeline(const TimelineFlags& flags) {
  if (!flags.db.empty()) return run_store_timeline(flags);
  if (flags.common.inputs.empty()) {
    return fail(Error{ErrorCode::kInvalidArgument, "give the articles (INPUT...) or a store (--db PATH)"},
                kExitUsage);
  }
  ClusterOptions cluster_options;
  cluster_options.max_story_seconds = static_cast<std::int64_t>(flags.max_story_days * 86400.0);
  auto clusterer = StoryClusterer::create(cluster_options);
  if (!clusterer) return fail(clusterer.error(), kExitUsage);
  auto options = timeline_options(flags);
  if (!options) return fail(options.error(), kExitUsage);
  auto builder = TimelineBuilder::create(*options);
  if (!builder) return fail(builder.error(), kExitUsage);
  auto output = Output::open(flags.common.output);
  if (!output) return fail(output.error(), kExitFailure);

  Progress progress("laid out", !flags.common.quiet);
  std::size_t processed = 0;
  const auto process = [&](const Article& article) -> Status {
    auto assignment = clusterer->add(article);
    if (!assignment) return assignment.error();
    if (auto status = builder->add(article, *assignment); !status) return status;
    progress.update(++processed);
    return {};
  };
  auto summary = read_in_publication_order(flags.common.inputs, unique_ids(flags.common.read_options()),
                                           flags.reorder_buffer, process);
  progress.finish();
  if (!summary) return fail_read(summary.error());

  auto written = write_timelines(flags, builder->timelines(), *output);
  if (!written) return fail(written.error(), kExitFailure);
  if (!flags.common.quiet) print_summary("timeline", *summary, processed);
  if (const int code = finish(flags, *written, "input"); code != kExitOk) return code;
  return summary->unreadable_inputs > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command add_timeline_command(CLI::App& root) {
  auto flags = std::make_shared<TimelineFlags>();
  CLI::App* app = root.add_subcommand(
      "timeline",
      "Cluster articles into stories and storylines (as 'cluster' does), then lay out each storyline as its\n"
      "stories in date order: per story its date (the day most of its articles point at: published on it or\n"
      "naming it afterwards) and range, article count, label (its most central title), one key sentence and\n"
      "its sources; per storyline the people, places and organisations that define it, and its key dates.\n"
      "Largest storyline first; storylines of a single article are left out unless --all or --storyline.\n"
      "With --db PATH, the storylines of a store instead, as ingest clustered them.");
  add_common_flags(*app, flags->common);
  CLI::Option* inputs = app->get_option("INPUT");
  inputs->required(false);  // or --db
  CLI::Option* db = app->add_option("--db", flags->db,
                  "Lay out a store's storylines (see storyline ingest) instead of clustering INPUT...: the\n"
                  "store's stories, so the output is that of the input it was ingested from")
      ->type_name("PATH")
      ->excludes(inputs);
  app->add_option("--storyline", flags->storyline,
                  "Show only this storyline (its number, as 'cluster' prints it)");
  app->add_option(
      "--since", flags->since,
      "Lay out only the days from this one on (YYYY-MM-DD): articles published earlier, and days\n"
      "named earlier, are left out of the timelines; the storylines are still those of all the input");
  app->add_option(
      "--until", flags->until,
      "Lay out only the days up to this one (YYYY-MM-DD), as --since; undated articles are left out\n"
      "when either is given");
  app->add_flag("--json", flags->json, "One JSON object per storyline per line, its stories as an array");
  app->add_option("--top", flags->top,
                  "Show each storyline as its N leading days: the days most of its articles point at, each\n"
                  "with the story that reported it and that day's own label; a story of several such days\n"
                  "shows once per day. In date order (0: every story, once)")
      ->capture_default_str();
  app->add_flag("--all", flags->all, "Include storylines of a single article");
  app->add_option(
         "--reorder-buffer", flags->reorder_buffer,
         "Articles held to put the stream in publication order (a larger input is ordered within windows)")
      ->capture_default_str();
  app->add_option("--max-story-days", flags->max_story_days,
                  "As for 'cluster': a story takes no new articles once its first is this old (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  // A store was clustered and read when it was ingested: these would silently do nothing.
  for (const char* name : {"--reorder-buffer", "--max-story-days", "--on-error"}) db->excludes(app->get_option(name));
  return {app, [flags] { return run_timeline(*flags); }};
}

}  // namespace storyline::cli
