// storyline similar: how two articles relate (duplicate, same story, same storyline, unrelated), with a
// 1-4 similarity score and the evidence behind both.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/ingest/reader.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/store/store.hpp"

namespace storyline::cli {
namespace {

struct SimilarFlags {
  std::string first;   // a file, or with --db an article id
  std::string second;
  std::string db;
  bool json = false;
  double same_story_days = ComparisonOptions{}.same_story_max_days;
  double duplicate_threshold = ComparisonOptions{}.duplicate_jaccard;
  std::size_t entities_across_languages = ComparisonOptions{}.storyline_min_entities_across_languages;
};

std::string joined(const std::vector<std::string>& items) {
  if (items.empty()) return "-";
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string fixed(double value, int digits) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(digits);
  out << value;
  return out.str();
}

// One sentence naming the rule that decided the verdict, with the numbers it compared.
std::string reason(const Comparison& comparison, const ComparisonOptions& options) {
  const ComparisonEvidence& evidence = comparison.evidence;
  const std::string entities = std::to_string(evidence.shared_entities.defining()) + " shared people/places/organisations";
  const std::string terms = std::to_string(evidence.shared_key_terms) + " shared key terms";
  switch (comparison.verdict) {
    case Relation::kDuplicate:
      return "a copy: the texts share " + fixed(evidence.jaccard, 2) + " of their word pairs (copies: >= " +
             fixed(options.duplicate_jaccard, 2) + ")";
    case Relation::kSameStory:
      return "one event: very similar content (score " + fixed(comparison.score, 2) + " <= " +
             fixed(options.model.same_story_score, 2) + ")" +
             (evidence.time_gap_days ? ", published " + fixed(*evidence.time_gap_days, 1) + " days apart (<= " +
                                           fixed(options.same_story_max_days, 1) + ")"
                                     : std::string(", undated (without dates a storyline's chapters can look like one event)"));
    case Relation::kSameStoryline:
      if (comparison.score <= options.model.same_story_score && evidence.time_gap_days &&
          *evidence.time_gap_days > options.same_story_max_days) {
        return "one storyline: very similar content, but published " + fixed(*evidence.time_gap_days, 1) +
               " days apart (one story: <= " + fixed(options.same_story_max_days, 1) + ")";
      }
      if (evidence.across_languages() && evidence.shared_key_terms < options.storyline_min_key_terms) {
        return "one storyline, told in two languages (" + evidence.language_a + ", " + evidence.language_b +
               "): " + entities + " (across languages, where words rarely match: >= " +
               std::to_string(options.storyline_min_entities_across_languages) + ")";
      }
      return "one storyline, different stories: " + entities + " and " + terms + ", but " +
             (evidence.time_gap_days && *evidence.time_gap_days > options.same_story_max_days
                  ? "published " + fixed(*evidence.time_gap_days, 1) + " days apart"
                  : "told differently (score " + fixed(comparison.score, 2) + " > " +
                        fixed(options.model.same_story_score, 2) + ")");
    case Relation::kUnrelated:
      return "unrelated: " + entities + " (storyline: >= " + std::to_string(options.storyline_min_entities) +
             ") and " + terms + " (storyline: >= " + std::to_string(options.storyline_min_key_terms) + ")" +
             (evidence.across_languages()
                  ? "; or, in two languages (" + evidence.language_a + ", " + evidence.language_b +
                        "), >= " + std::to_string(options.storyline_min_entities_across_languages) +
                        " shared people/places/organisations"
                  : std::string());
  }
  return {};
}

std::string describe(const Article& article) {
  std::string out = article.id;
  if (!article.published.empty()) out += "  " + article.published;
  if (!article.title.empty()) {
    constexpr std::size_t kShown = 70;
    std::string title = article.title.substr(0, kShown);
    // Never cut inside a UTF-8 sequence.
    while (!title.empty() && title.size() < article.title.size() &&
           (static_cast<unsigned char>(article.title[title.size()]) & 0xC0U) == 0x80U) {
      title.pop_back();
    }
    out += "  \"" + title + (title.size() < article.title.size() ? "...\"" : "\"");
  }
  return out;
}

std::string to_text(const Article& a, const Article& b, const Comparison& comparison,
                    const ComparisonOptions& options) {
  const ComparisonEvidence& evidence = comparison.evidence;
  std::ostringstream out;
  out << relation_name(comparison.verdict) << "  (score " << fixed(comparison.score, 2)
      << " on 1-4, 1 = most similar)\n"
      << "  why:      " << reason(comparison, options) << '\n'
      << "  A:        " << describe(a) << '\n'
      << "  B:        " << describe(b) << '\n'
      << "  time gap: "
      << (evidence.time_gap_days ? fixed(*evidence.time_gap_days, 1) + " days"
                                 : std::string("unknown (undated)"))
      << '\n'
      << "  language: " << evidence.language_a << ", " << evidence.language_b << '\n'
      << "  wording:  word-bigram Jaccard " << fixed(evidence.jaccard, 3) << '\n'
      << "  terms:    cosine " << fixed(evidence.cosine, 3) << "; shared: " << joined(evidence.shared_terms)
      << '\n'
      << "  people:   " << joined(evidence.shared_entities.people) << '\n'
      << "  places:   " << joined(evidence.shared_entities.places) << '\n'
      << "  orgs:     " << joined(evidence.shared_entities.organisations) << '\n'
      << "  other:    " << joined(evidence.shared_entities.other) << '\n';
  return out.str();
}

// A missing or unreadable file, and a file that holds no readable article, both fail with 1: there is
// no pair to compare. A file of a kind `similar` does not read is a usage error.
int fail_input(const Error& error) {
  return fail(error, error.code == ErrorCode::kUnsupportedFormat ? kExitUsage : kExitFailure);
}

// The pair: two files, or two articles of a store by id.
Result<std::pair<Article, Article>> read_pair(const SimilarFlags& flags) {
  if (flags.db.empty()) {
    auto a = read_article(flags.first);
    if (!a) return a.error();
    auto b = read_article(flags.second);
    if (!b) return b.error();
    return std::pair(std::move(a).value(), std::move(b).value());
  }
  auto store = Store::open(flags.db, StoreMode::kReadOnly);
  if (!store) return store.error();
  std::vector<Article> pair;
  for (const std::string* id : {&flags.first, &flags.second}) {
    auto found = store->find_article(*id);
    if (!found) return found.error();
    if (!*found) {
      return Error{ErrorCode::kInvalidArgument,
                   "no article with id '" + *id + "' in the store (storyline search --db " + flags.db +
                       " WORDS finds ids)",
                   flags.db};
    }
    pair.push_back(std::move((*found)->article));
  }
  return std::pair(std::move(pair[0]), std::move(pair[1]));
}

int run_similar(const SimilarFlags& flags) {
  ComparisonOptions options;
  options.same_story_max_days = flags.same_story_days;
  options.duplicate_jaccard = flags.duplicate_threshold;
  options.storyline_min_entities_across_languages = flags.entities_across_languages;
  auto comparer = ArticleComparer::create(options);
  if (!comparer) {
    return fail(comparer.error(), comparer.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure);
  }
  auto pair = read_pair(flags);
  // A store that will not open, or lacks an id, is a failed read like a missing file, whatever the cause.
  if (!pair) return flags.db.empty() ? fail_input(pair.error()) : fail(pair.error(), kExitFailure);
  const auto& [a, b] = *pair;
  auto comparison = comparer->compare(a, b);
  if (!comparison) return fail(comparison.error(), kExitFailure);

  if (flags.json) {
    std::cout << json::dump(json::comparison_json(*comparison)) << '\n';
  } else {
    std::cout << to_text(a, b, *comparison, comparer->options());
  }
  std::cout.flush();
  if (!std::cout) return fail(Error{ErrorCode::kIoError, "cannot write to standard output"}, kExitFailure);
  return kExitOk;
}

}  // namespace

Command add_similar_command(CLI::App& root) {
  auto flags = std::make_shared<SimilarFlags>();
  CLI::App* app = root.add_subcommand(
      "similar",
      "Compare two articles and say why they are related: duplicate, same_story, same_storyline or\n"
      "unrelated, a score from 1 (most similar) to 4 (least), and the evidence (shared people, places,\n"
      "organisations and key terms, time gap, word-bigram Jaccard, term cosine).\n"
      "A and B are each a .txt file (title = first line, undated) or a .json file holding one article\n"
      "(the fields of a JSON Lines record: id, text, title, published, ...); with --db PATH, each is the id\n"
      "of an article of that store.\n"
      "Exit status: 0 compared; 1 a file could not be read as an article, or an id is not in the store; 2\n"
      "bad usage.");
  app->add_option("A", flags->first, "The first article (.txt or .json; with --db, an id)")->required();
  app->add_option("B", flags->second, "The second article (.txt or .json; with --db, an id)")->required();
  app->add_option("--db", flags->db, "Compare two articles of this store (see storyline ingest), by id")
      ->type_name("PATH");
  app->add_flag("--json", flags->json, "Print one JSON object instead of the readable report");
  app->add_option("--same-story-days", flags->same_story_days,
                  "Dated articles further apart than this are never the same story")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app->add_option("--duplicate-threshold", flags->duplicate_threshold,
                  "Word-bigram Jaccard at or above which two texts are copies (as storyline dedup)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--entities-across-languages", flags->entities_across_languages,
                  "Articles in two languages sharing at least this many people, places and organisations\n"
                  "are one storyline (their words rarely match, so key terms are not asked for)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  return {app, [flags] { return run_similar(*flags); }};
}

}  // namespace storyline::cli
