#include "storyline/text/language.hpp"

#include <cld2/public/compact_lang_det.h>

namespace storyline {
namespace {

// At most `cap` bytes of `text`, never cutting a UTF-8 sequence in half.
std::string_view utf8_prefix(std::string_view text, std::size_t cap) {
  if (text.size() <= cap) return text;
  std::size_t length = cap;
  while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  return text.substr(0, length);
}

}  // namespace

LanguageGuess detect_language(std::string_view text) noexcept {
  // cld2 answers English, unreliably, when it sees no letters at all; say "undetermined" instead.
  if (text.find_first_not_of(" \t\r\n0123456789.,;:!?-\"'()") == std::string_view::npos) return {"und", false};
  // A lead paragraph decides the language of almost every article, and cld2's time grows with what it
  // reads (it was a quarter of clustering), so it first reads a short lead and reads on, up to a cap
  // that keeps very long articles flat, only when it is not sure of the lead.
  // tests/unit/text/language_test.cpp checks both stages. cld2 takes some 45 ns a byte, so the lead's
  // length is the cost: on the throughput corpus 256 bytes (about 40 words) take 13 us an article, 512
  // took 23 and 1 KiB 45, of the 200 or so the whole cluster command spends on one. Against reading the
  // first 16 KiB, the language differs for 4 of the 21,803 gold-set articles with a 256-byte lead, 2 with
  // 512, 1 with 1 KiB; shorter leads lose more (13 at 192 bytes), because cld2 is sure of leads it gets
  // wrong.
  constexpr std::size_t kLeadBytes = 256;
  constexpr std::size_t kMaxBytes = 16 * 1024;
  bool reliable = false;
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  for (const std::size_t cap : {kLeadBytes, kMaxBytes}) {
    const std::string_view part = utf8_prefix(text, cap);
    language = CLD2::DetectLanguage(part.data(), static_cast<int>(part.size()), /*is_plain_text=*/true, &reliable);
    if (reliable || part.size() == text.size()) break;
  }
  LanguageGuess guess;
  guess.reliable = reliable;
  guess.code = language == CLD2::UNKNOWN_LANGUAGE ? "und" : CLD2::LanguageCode(language);
  return guess;
}

}  // namespace storyline
