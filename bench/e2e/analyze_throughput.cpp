// End-to-end analysis throughput on real corpora: reads each input with the library's reader, analyses
// every article on one thread, and prints articles/s, MB/s and the process's peak memory.
//
//   bench-analyze [INPUT...]
// Without arguments it reads $STORYLINE_DATA_DIR (default ../shared/data, relative to the working
// directory) neardup-10k/docs.jsonl.gz and timeline17/articles.jsonl.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "storyline/ingest/reader.hpp"
#include "storyline/text/analyze.hpp"

namespace {

using storyline::Article;
using storyline::Status;

struct Pass {
  std::size_t articles = 0;
  std::size_t bytes = 0;  // title + text bytes
  double seconds = 0;
};

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

// Reads `input`, and analyses each article unless `analyze` is false (then it measures reading alone).
Pass run(const std::string& input, bool analyze) {
  auto analyzer = storyline::Analyzer::create();
  if (!analyzer) {
    std::fprintf(stderr, "bench-analyze: %s\n", analyzer.error().message().c_str());
    std::exit(1);
  }
  Pass pass;
  std::size_t checksum = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> inputs = {input};
  const auto summary = storyline::read_articles(
      inputs, {},
      [&](Article&& article) -> Status {
        ++pass.articles;
        pass.bytes += article.title.size() + article.text.size();
        if (analyze) {
          auto analysis = analyzer->analyze(article);
          if (!analysis) return analysis.error();
          checksum += analysis->entities.size() + analysis->terms.size();
        }
        return {};
      },
      [](const storyline::Error& error) { std::fprintf(stderr, "bench-analyze: %s\n", error.message().c_str()); });
  pass.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!summary) {
    std::fprintf(stderr, "bench-analyze: %s\n", summary.error().message().c_str());
    std::exit(1);
  }
  if (checksum == 1) std::puts("");  // keeps the analysis observable to the optimiser
  return pass;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs(argv + 1, argv + argc);
  if (inputs.empty()) {
    const char* env = std::getenv("STORYLINE_DATA_DIR");
    const std::filesystem::path data = env != nullptr ? env : "../shared/data";
    inputs = {(data / "neardup-10k/docs.jsonl.gz").string(), (data / "timeline17/articles.jsonl").string()};
  }
  std::printf("%-48s %9s %9s %10s %9s %10s %9s\n", "input", "articles", "MB", "read MB/s", "seconds", "articles/s",
              "MB/s");
  for (const std::string& input : inputs) {
    if (!std::filesystem::exists(input)) {
      std::fprintf(stderr, "bench-analyze: %s not found (set STORYLINE_DATA_DIR or pass inputs)\n", input.c_str());
      return 1;
    }
    const Pass read_only = run(input, false);
    const Pass analysed = run(input, true);
    const double mb = static_cast<double>(analysed.bytes) / 1e6;
    std::printf("%-48s %9zu %9.1f %10.1f %9.2f %10.0f %9.2f\n", input.c_str(), analysed.articles, mb,
                mb / read_only.seconds, analysed.seconds, static_cast<double>(analysed.articles) / analysed.seconds,
                mb / analysed.seconds);
  }
  std::printf("peak RSS: %.1f MiB (one thread)\n", peak_rss_mib());
  return 0;
}
