#include "storyline/text/stopwords.hpp"

#include <array>
#include <utility>
#include <vector>

#include "text/flat_table.hpp"
#include "text/lexicon.hpp"

namespace storyline {
namespace {

// Lists are turned into hash sets once, on first use of any language, and never freed: they are small,
// and a static cache keeps lookups on the per-token hot path to one probe of a flat table.
using WordSet = detail::WordMap<bool>;

const WordSet& stopword_set(std::string_view lang) {
  using Sets = std::vector<std::pair<std::string_view, WordSet>>;
  static const Sets* const kSets = [] {
    constexpr std::array<std::string_view, 14> kLanguages = {"en", "de", "fr", "es", "it", "pt", "nl",
                                                             "sv", "da", "no", "fi", "ru", "pl", "tr"};
    auto* sets = new Sets();
    for (std::string_view code : kLanguages) {
      const auto words = detail::stopwords(code);
      WordSet set;
      set.reserve(words.size());
      for (std::string_view word : words) set.insert_if_absent(word, true);
      sets->emplace_back(code, std::move(set));
    }
    return sets;
  }();
  static const WordSet kNone;
  for (const auto& [code, set] : *kSets) {
    if (code == lang) return set;
  }
  return kNone;
}

}  // namespace

bool is_stopword(std::string_view lang, std::string_view folded_word) noexcept {
  return stopword_set(lang).contains(folded_word);
}

bool has_stopwords(std::string_view lang) noexcept { return stopword_set(lang).size() > 0; }

}  // namespace storyline
