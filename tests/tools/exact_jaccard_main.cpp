// exact-jaccard: prints every pair of articles whose exact Jaccard similarity of shingle sets is at or
// above a threshold, to check the LSH index against the truth by hand, e.g.
//   exact-jaccard ../shared/data/neardup-10k/docs.jsonl.gz > exact.tsv
//   storyline dedup ... (then compare its pairs with exact.tsv)
// The shingling is the engine's (storyline::Shingler); the join is tests/quality/exact_jaccard.hpp.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "quality/exact_jaccard.hpp"
#include "storyline/ingest/reader.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr std::string_view kUsage =
    "usage: exact-jaccard [--threshold T] [--shingle-size N] INPUT...\n"
    "\n"
    "Prints idA<TAB>idB<TAB>jaccard for every pair of articles (idA read before idB) whose word-N-gram\n"
    "shingle sets, as storyline shingles them, have exact Jaccard similarity >= T; the count goes to\n"
    "standard error. INPUT is anything storyline reads (JSON Lines, .gz, .zst, .txt, directories, -).\n"
    "\n"
    "  --threshold T     0 < T <= 1 (default 0.45, the dedup default)\n"
    "  --shingle-size N  words per shingle, N >= 1 (default 2, the dedup default)\n";

int usage_error(std::string_view message) {
  std::cerr << "exact-jaccard: " << message << "\n\n" << kUsage;
  return kExitUsage;
}

template <typename T>
bool parse_number(std::string_view text, T& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
  double threshold = 0.45;
  storyline::ShingleOptions shingles;
  std::vector<std::string> inputs;

  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (arg == "--threshold" || arg == "--shingle-size") {
      if (i + 1 == args.size()) return usage_error(std::string(arg) + " needs a value");
      const std::string_view value = args[++i];
      if (arg == "--threshold") {
        if (!parse_number(value, threshold) || !(threshold > 0.0 && threshold <= 1.0)) {
          return usage_error("--threshold must be a number in (0, 1], got '" + std::string(value) + "'");
        }
      } else if (!parse_number(value, shingles.size) || shingles.size == 0) {
        return usage_error("--shingle-size must be a whole number >= 1, got '" + std::string(value) + "'");
      }
      continue;
    }
    if (arg.size() > 1 && arg.starts_with("-")) return usage_error("unknown option '" + std::string(arg) + "'");
    inputs.emplace_back(arg);
  }
  if (inputs.empty()) return usage_error("no INPUT given");

  std::vector<std::string> ids;
  std::vector<std::string> texts;
  const auto read = storyline::read_articles(
      inputs, storyline::ReadOptions{},
      [&](storyline::Article&& article) -> storyline::Status {
        ids.push_back(std::move(article.id));
        texts.push_back(std::move(article.text));
        return {};
      },
      [](const storyline::Error& error) { std::cerr << "exact-jaccard: skipped: " << error.message() << '\n'; });
  if (!read) {
    std::cerr << "exact-jaccard: " << read.error().message() << '\n';
    return kExitFailure;
  }
  if (read->unreadable_inputs != 0) {
    std::cerr << "exact-jaccard: " << read->unreadable_inputs << " input(s) could not be read\n";
    return kExitFailure;
  }

  const auto pairs = storyline::quality::exact_jaccard_pairs(std::span<const std::string>(texts), threshold, shingles);
  char similarity[32];
  for (const auto& pair : pairs) {
    std::snprintf(similarity, sizeof similarity, "%.4f", pair.jaccard);
    std::cout << ids[pair.a] << '\t' << ids[pair.b] << '\t' << similarity << '\n';
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "exact-jaccard: could not write the output\n";
    return kExitFailure;
  }
  std::cerr << "exact-jaccard: " << pairs.size() << " pairs with exact Jaccard >= " << threshold << " among "
            << ids.size() << " articles (word " << shingles.size << "-gram shingles)\n";
  return kExitOk;
}
