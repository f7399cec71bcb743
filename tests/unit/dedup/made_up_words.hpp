// A vocabulary for generated test articles: 2000 distinct made-up words of three syllables, none of them
// English, so no stop word or real phrase skews the shingles.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::fixtures {

inline const std::vector<std::string>& made_up_words() {
  static const std::vector<std::string> words = [] {
    constexpr std::array<std::string_view, 20> kSyllables{"ba", "ce", "di", "fo", "gu", "ha", "je",
                                                          "ki", "lo", "mu", "na", "pe", "qo", "ri",
                                                          "su", "ta", "ve", "wi", "xo", "zu"};
    std::vector<std::string> list;
    for (std::size_t i = 0; i < 2000; ++i) {
      list.push_back(std::string(kSyllables[i % 20]) + std::string(kSyllables[i / 20 % 20]) +
                     std::string(kSyllables[i / 400]));
    }
    return list;
  }();
  return words;
}

}  // namespace storyline::fixtures
