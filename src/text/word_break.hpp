// Private: the two word segmenters behind Tokenizer. ICU's word BreakIterator handles every script; a
// scanner of the same UAX #29 rules handles text that is entirely ASCII (most English news) several times
// faster. tests/unit/text/tokenize_test.cpp holds the scanner to ICU's output, token for token.
#pragma once

#include <string_view>
#include <vector>

#include "storyline/text/tokenize.hpp"

namespace storyline::detail {

// Replaces `out` with the tokens of `text`, which must be ASCII (detail::is_ascii in ascii.hpp), exactly
// as ICU's word rules cut them. Thread-safe.
void tokenize_ascii(std::string_view text, std::vector<Token>& out);

// Replaces `out` with ICU's tokens of `text` (valid UTF-8), never taking the ASCII path: the reference
// the scanner is tested against. Thread-safe (one BreakIterator per thread).
void tokenize_with_icu(std::string_view text, std::vector<Token>& out);

}  // namespace storyline::detail
