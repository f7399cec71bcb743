// Unicode hygiene for article text, over ICU: validation, NFKC normalisation and case folding.
// All functions take and return UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// Byte offset of the first byte that is not part of well-formed UTF-8, or nullopt when `text` is valid.
// Thread-safe.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

// NFKC: compatibility characters (ligatures, full-width forms, non-breaking spaces) become their plain
// equivalents, so that the same word always has the same bytes. Invalid sequences become U+FFFD.
// Thread-safe.
[[nodiscard]] std::string normalize_nfkc(std::string_view text);

// Full Unicode case folding ("Straße" -> "strasse"), for comparing words regardless of case.
// Thread-safe.
[[nodiscard]] std::string case_fold(std::string_view text);

// True when the first code point of `word` is an upper-case or title-case letter. Thread-safe.
[[nodiscard]] bool starts_with_capital(std::string_view word) noexcept;

}  // namespace storyline
