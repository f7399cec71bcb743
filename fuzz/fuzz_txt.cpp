// Single-article files: read_article on the input as a .txt file (title = first non-empty line, text = the
// rest) and as a .json file (one object, possibly pretty-printed), then read_articles over a directory
// holding the .txt. There is no public call that parses .txt content from memory, so the bytes go through a
// scratch file, rewritten for each input. Invariants: a .txt article is named after its file and has a text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "storyline/ingest/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = storyline::fuzz::as_view(data, size);

  static const bool made_dir = std::filesystem::create_directories(storyline::fuzz::scratch_dir() / "dir");
  (void)made_dir;
  const std::string txt = storyline::fuzz::write_scratch("dir/input.txt", input);
  if (auto article = storyline::read_article(txt)) {
    if (article->id != "input" || article->text.empty()) std::abort();
  }
  if (auto article = storyline::read_article(storyline::fuzz::write_scratch("input.json", input))) {
    if (article->id.empty() || article->text.empty()) std::abort();
  }

  const std::array<std::string, 1> inputs{(storyline::fuzz::scratch_dir() / "dir").string()};
  std::size_t delivered = 0;
  const auto summary = storyline::read_articles(
      inputs, storyline::ReadOptions(),
      [&](storyline::Article&& article) -> storyline::Status {
        if (article.id != "input" || article.text.empty()) std::abort();
        ++delivered;
        return {};
      },
      [](const storyline::Error&) {});
  if (!summary || summary->read != delivered || delivered > 1) std::abort();
  return 0;
}
