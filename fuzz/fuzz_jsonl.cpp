// JSON Lines records: parse_article on the whole input and on each line, then read_articles over the
// input as a .jsonl file (or .jsonl.gz / .jsonl.zst when it starts with that format's magic bytes), so the
// line source and its decompressors see it too. Invariant: every article delivered has an id and a text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "storyline/ingest/reader.hpp"

namespace {

void check(const storyline::Article& article) {
  if (article.id.empty() || article.text.empty()) std::abort();
  if (!article.published.empty() && !article.published_at) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = storyline::fuzz::as_view(data, size);

  if (auto article = storyline::parse_article(input)) check(*article);
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    if (auto article = storyline::parse_article(input.substr(start, end - start))) check(*article);
    start = end + 1;
  }

  const char* name = "input.jsonl";
  if (input.starts_with("\x1f\x8b")) name = "input.jsonl.gz";
  if (input.starts_with("\x28\xb5\x2f\xfd")) name = "input.jsonl.zst";
  const std::array<std::string, 1> inputs{storyline::fuzz::write_scratch(name, input)};
  for (const auto on_error : {storyline::OnError::kSkip, storyline::OnError::kFail}) {
    storyline::ReadOptions options;
    options.on_error = on_error;
    std::size_t delivered = 0;
    const auto summary = storyline::read_articles(
        inputs, options,
        [&](storyline::Article&& article) -> storyline::Status {
          check(article);
          ++delivered;
          return {};
        },
        [](const storyline::Error&) {});
    if (summary && summary->read != delivered) std::abort();
  }
  return 0;
}
