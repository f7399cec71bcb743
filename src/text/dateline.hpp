// Private: where the story of a wire report starts. Agency copy opens with a dateline ("BEIRUT (Reuters) -
// Syria's envoy said ...", "UNITED NATIONS | Wed Nov 9, 2011 12:47 pm EST UNITED NATIONS (Reuters) - An
// increasing number ...") and some sites with a timestamp ("Thursday 12 May 2005 12.21 BST George
// Galloway, the newly elected MP ..."). Quoted as a timeline's label or key sentence, those openings say
// where and when the copy was filed, not what happened; the sentence reads from the token after them.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "storyline/text/tokenize.hpp"

namespace storyline::detail {

// The index of the first token after a dateline that opens tokens [first, last) of `text` (tokens from
// Tokenizer over `text`), or `first` when they open with none. A dateline is either a credit, an agency
// in brackets and a dash ("(Reuters) -", "(AP) —") within the first 30 tokens, with nothing before it but
// a place in capitals and a date ("SAN JUAN, Puerto Rico", "LONDON, July 27"), or a timestamp: a run of
// at least three numbers, month or weekday names and clock words ("GMT", "pm") with a number and a
// calendar word among them, perhaps a page's "last updated at" stamp. Text after it must remain: a sentence
// that is all dateline stays whole.
[[nodiscard]] std::size_t skip_dateline(std::string_view text, std::span<const Token> tokens,
                                        std::size_t first, std::size_t last);

}  // namespace storyline::detail
