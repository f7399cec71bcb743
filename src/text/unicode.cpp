#include "storyline/text/unicode.hpp"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <simdjson.h>

#include <algorithm>
#include <cstdint>

#include "text/ascii.hpp"

namespace storyline {
namespace {

int32_t to_icu_length(std::size_t size) noexcept { return static_cast<int32_t>(size); }

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
  // simdjson's vectorised check settles the common case; only bad text pays for the byte-wise search.
  if (simdjson::validate_utf8(text.data(), text.size())) return std::nullopt;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {  // ASCII dominates news text; skip ICU's decoder for it
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::string normalize_nfkc(std::string_view text) {
  // ASCII is already in NFKC; most articles are mostly ASCII, so this saves a full ICU pass.
  if (detail::is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  out.reserve(text.size());
  if (U_FAILURE(status)) return std::string(text);
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), to_icu_length(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::string case_fold(std::string_view text) {
  if (detail::is_ascii(text)) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), detail::ascii_fold);
    return out;
  }
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, icu::StringPiece(text.data(), to_icu_length(text.size())), sink,
                         nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

bool starts_with_capital(std::string_view word) noexcept {
  if (word.empty()) return false;
  // The only upper-case ASCII letters are A-Z, and ASCII has no title-case letters; this runs for every
  // word of an article, more than once.
  if (static_cast<unsigned char>(word.front()) < 0x80) return word.front() >= 'A' && word.front() <= 'Z';
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, i, to_icu_length(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

}  // namespace storyline
