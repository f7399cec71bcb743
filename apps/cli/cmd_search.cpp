// storyline search: full-text search over a store's articles, best first, as a table or JSON lines.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli_common.hpp"
#include "commands.hpp"
#include "storyline/json/codec.hpp"
#include "storyline/store/store.hpp"

namespace storyline::cli {
namespace {

struct SearchFlags {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = kDefaultSearchLimit;
  bool json = false;
  std::string output = "-";
};

std::string table_row(std::size_t rank, const SearchHit& hit) {
  const StoredArticle& stored = hit.article;
  char row[96];
  std::snprintf(row, sizeof row, "%4zu  %9.4g  %-10.10s  %5u  %9u  ", rank, hit.score,
                stored.article.published.empty() ? "-" : stored.article.published.c_str(),
                stored.assignment.story, stored.assignment.storyline);
  std::string line = row + stored.article.id;
  if (!stored.article.title.empty()) line += "  " + stored.article.title;
  return line;
}

int run_search(const SearchFlags& flags) {
  // The words as typed, so that `storyline search --db x storm brittany` needs no quotes.
  std::string query;
  for (const std::string& word : flags.words) {
    if (!query.empty()) query += ' ';
    query += word;
  }
  auto store = Store::open(flags.db, StoreMode::kReadOnly);
  if (!store) return fail(store.error(), kExitFailure);
  auto hits = store->search(query, flags.limit);
  if (!hits) return fail(hits.error(), hits.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailure);
  auto output = Output::open(flags.output);
  if (!output) return fail(output.error(), kExitFailure);
  if (!flags.json && !hits->empty()) {
    if (auto status = output->write_line("rank      score  published   story  storyline  id  title"); !status) {
      return fail(status.error(), kExitFailure);
    }
  }
  std::size_t rank = 0;
  for (const SearchHit& hit : *hits) {
    ++rank;
    std::string line;
    if (flags.json) {
      std::string original;
      if (hit.article.assignment.duplicate_of) {
        auto id = store->article_id(*hit.article.assignment.duplicate_of);
        if (!id) return fail(id.error(), kExitFailure);
        original = std::move(id).value();
      }
      line = json::dump(json::search_hit_json(hit, original));
    } else {
      line = table_row(rank, hit);
    }
    if (auto status = output->write_line(line); !status) return fail(status.error(), kExitFailure);
  }
  if (auto status = output->close(); !status) return fail(status.error(), kExitFailure);
  // Said on stderr, so that a script reading stdout sees no output rather than a message.
  if (hits->empty()) std::cerr << "storyline search: no article holds every word of \"" << query << "\"\n";
  return kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& root) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* app = root.add_subcommand(
      "search",
      "Search a store's articles (titles and texts) for words, best match first. An article must hold\n"
      "every word (word forms match: 'storms' finds 'storm'; case and accents do not matter). The words\n"
      "are plain text: quotes, AND, OR, NEAR, * and parentheses have no special meaning.\n"
      "Prints a table (rank, score, published, story, storyline, id, title), or with --json one JSON object\n"
      "per article. Exit status: 0 searched (even with no match); 1 the store cannot be read; 2 bad usage.");
  app->add_option("--db", flags->db, "The store (see storyline ingest)")->required()->type_name("PATH");
  app->add_option("QUERY", flags->words, "The words to look for")->required();
  app->add_option("--limit", flags->limit, "Show at most N articles")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_flag("--json", flags->json,
                "One JSON object per article (as GET /search: the article without text, and its score)");
  app->add_option("-o,--output", flags->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  return {app, [flags] { return run_search(*flags); }};
}

}  // namespace storyline::cli
