// Language identification with Google's Compact Language Detector 2 (cld2).
#pragma once

#include <string>
#include <string_view>

namespace storyline {

struct LanguageGuess {
  std::string code;       // ISO 639-1 where one exists ("en", "de"), "und" when undetermined
  bool reliable = false;  // cld2's own judgement; short texts are often unreliable
};

// Detects the language of UTF-8 text. Thread-safe (cld2's tables are read-only).
[[nodiscard]] LanguageGuess detect_language(std::string_view text) noexcept;

}  // namespace storyline
