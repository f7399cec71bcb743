// Hot paths of text analysis on one article written for the benchmark (~250 words of news prose).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "storyline/text/analyze.hpp"
#include "storyline/text/dates.hpp"
#include "storyline/text/entities.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"

namespace storyline {
namespace {

const std::string& sample_text() {
  static const std::string kText = [] {
    std::string text;
    for (int i = 0; i < 5; ++i) {
      text +=
          "Foreign Minister Helga Lindqvist said on Tuesday that negotiators from Sweden and Norway would meet "
          "in Oslo next month to settle the fishing dispute that began in March 2019. \"We are close,\" "
          "Lindqvist told reporters at the Ministry of Foreign Affairs. The Norwegian Fisheries Council said "
          "talks had stalled two weeks ago over quotas in the Barents Sea, where trawlers from Tromso and "
          "Bergen have fished for decades.\n";
    }
    return text;
  }();
  return kText;
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text = sample_text();
  for (auto _ : state) benchmark::DoNotOptimize(normalize_nfkc(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  auto tokenizer = Tokenizer::create();
  std::vector<Token> tokens;
  const std::string& text = sample_text();
  for (auto _ : state) {
    tokenizer->tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_FindEntities(benchmark::State& state) {
  auto tokenizer = Tokenizer::create();
  std::vector<Token> tokens;
  const std::string& text = sample_text();
  tokenizer->tokenize(text, tokens);
  for (auto _ : state) benchmark::DoNotOptimize(find_entities(text, tokens, "en"));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_FindEntities);

void BM_FindDates(benchmark::State& state) {
  const std::string& text = sample_text();
  const Day published = std::chrono::sys_days(std::chrono::year(2019) / 6 / 4);
  for (auto _ : state) benchmark::DoNotOptimize(find_dates(text, published));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_FindDates);

void BM_AnalyzeArticle(benchmark::State& state) {
  auto analyzer = Analyzer::create();
  Article article;
  article.id = "bench";
  article.title = "Nordic neighbours near a deal on fishing quotas";
  article.text = sample_text();
  article.published_at = parse_iso8601("2019-06-04");
  for (auto _ : state) benchmark::DoNotOptimize(analyzer->analyze(article));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(article.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_AnalyzeArticle);

}  // namespace
}  // namespace storyline
