#include "storyline/text/language.hpp"

#include <cld2/public/compact_lang_det.h>

namespace storyline {

LanguageGuess detect_language(std::string_view text) noexcept {
  // cld2 answers English, unreliably, when it sees no letters at all; say "undetermined" instead.
  if (text.find_first_not_of(" \t\r\n0123456789.,;:!?-\"'()") == std::string_view::npos) return {"und", false};
  // cld2 reads only the first few kilobytes it needs; a lead paragraph decides the language well and
  // capping the input keeps detection cost flat for very long articles.
  constexpr std::size_t kMaxBytes = 16 * 1024;
  std::size_t length = text.size() < kMaxBytes ? text.size() : kMaxBytes;
  // Never cut a UTF-8 sequence in half: back up to the start of a code point.
  while (length > 0 && length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(text.data(), static_cast<int>(length), /*is_plain_text=*/true, &reliable);
  LanguageGuess guess;
  guess.reliable = reliable;
  guess.code = language == CLD2::UNKNOWN_LANGUAGE ? "und" : CLD2::LanguageCode(language);
  return guess;
}

}  // namespace storyline
