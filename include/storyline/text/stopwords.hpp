// Stop words: the function words of a language, which say nothing about what an article is about.
#pragma once

#include <string_view>

namespace storyline {

// True when `folded_word` (already case-folded) is a stop word of `lang` (ISO 639-1, e.g. "en").
// Languages without a list have no stop words. Thread-safe.
[[nodiscard]] bool is_stopword(std::string_view lang, std::string_view folded_word) noexcept;

// True when storyline has a stop-word list for `lang`. Thread-safe.
[[nodiscard]] bool has_stopwords(std::string_view lang) noexcept;

}  // namespace storyline
