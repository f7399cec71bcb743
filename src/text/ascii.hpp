// Private: ASCII shortcuts for the text module. Most news text is ASCII, where ICU's general machinery
// (case folding, character properties, word breaking) reduces to a few comparisons; each caller keeps
// the ICU path for everything else.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "storyline/text/unicode.hpp"

namespace storyline::detail {

// True when every byte of `text` is below 0x80. Eight bytes per step: each article passes through here
// several times.
[[nodiscard]] inline bool is_ascii(std::string_view text) noexcept {
  std::size_t i = 0;
  std::uint64_t high = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    high |= word;
  }
  for (; i < text.size(); ++i) high |= static_cast<unsigned char>(text[i]);
  return (high & 0x8080808080808080ULL) == 0;
}

// Unicode case folding of an ASCII character: only A-Z change.
[[nodiscard]] constexpr char ascii_fold(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// The ASCII white space characters (as C's isspace in the "C" locale, without its locale lookup).
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// How many bytes at the start of `text` are ASCII letters (A-Z, a-z, and '@' when `at_is_letter`).
// Eight bytes per step on little-endian machines: a word then ends without a mispredicted branch per
// letter.
[[nodiscard]] inline std::size_t ascii_letter_run(std::string_view text, bool at_is_letter) noexcept {
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    while (i + 8 <= text.size()) {
      std::uint64_t bytes = 0;
      std::memcpy(&bytes, text.data() + i, sizeof bytes);
      // Setting bit 5 maps A-Z onto a-z; then a per-byte range test on the low seven bits, which cannot
      // carry into the next byte, and a test that the byte is ASCII at all.
      const std::uint64_t lower = (bytes | (0x20 * kOnes)) & kLow7;
      const std::uint64_t at_least_a = (lower + (0x80 - 'a') * kOnes) & kHigh;
      const std::uint64_t past_z = (lower + (0x80 - 'z' - 1) * kOnes) & kHigh;
      std::uint64_t letters = at_least_a & ~past_z & ~bytes & kHigh;
      if (at_is_letter) {
        const std::uint64_t diff = bytes ^ ('@' * kOnes);
        const std::uint64_t nonzero = (((diff & kLow7) + kLow7) | diff) & kHigh;
        letters |= ~nonzero & kHigh;
      }
      const std::uint64_t others = ~letters & kHigh;
      if (others != 0) return i + static_cast<std::size_t>(std::countr_zero(others)) / 8;
      i += 8;
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (at_is_letter && c == '@'))) break;
  }
  return i;
}

// A word of up to eight bytes as one integer: its bytes, zero-padded, the first in the lowest byte.
[[nodiscard]] inline std::uint64_t pack_short_word(std::string_view word) noexcept {  // word.size() <= 8
  const char* p = word.data();
  const std::size_t n = word.size();
  if constexpr (std::endian::native == std::endian::little) {
    // Two overlapping loads; on little-endian machines the shift lines the shared bytes up.
    if (n >= 4) {
      std::uint32_t low = 0;
      std::uint32_t high = 0;
      std::memcpy(&low, p, sizeof low);
      std::memcpy(&high, p + n - 4, sizeof high);
      return std::uint64_t{low} | (std::uint64_t{high} << (8 * (n - 4)));
    }
  }
  std::uint64_t packed = 0;
  for (std::size_t i = 0; i < n; ++i) packed |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return packed;
}

// storyline::starts_with_capital, with its ASCII case inline: it runs for every word, several times.
[[nodiscard]] inline bool starts_with_capital(std::string_view word) noexcept {
  if (!word.empty() && static_cast<unsigned char>(word.front()) < 0x80)
    return word.front() >= 'A' && word.front() <= 'Z';
  return storyline::starts_with_capital(word);
}

}  // namespace storyline::detail
