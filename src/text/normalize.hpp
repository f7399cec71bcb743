// Private: the text the analyser and the timeline read, made from an article's title or text: NFKC, and
// brackets for the Penn Treebank's escapes. Corpora that went through a Treebank-style tokenizer (Stanford
// CoreNLP's among them; timeline17 is one) write "(" as "-LRB-" and ")" as "-RRB-". Read as words, the
// escapes become the most frequent "organisations" of such a corpus ("LRB", "RRB"), linking unrelated
// articles, and show in the sentences a timeline quotes; read as the brackets they stand for, they are
// punctuation again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace storyline::detail {

// Appends `text`, NFKC-normalised and with its Treebank escapes undone, to `out`. ASCII, which NFKC leaves
// as it is (most articles), is appended without a copy.
void append_normalized(std::string_view text, std::string& out);

// Replaces each of -LRB- -RRB- -LSB- -RSB- -LCB- -RCB- at or after byte `from` of `text` with the
// bracket it escapes, in place; the text only shrinks, and nothing before `from` moves.
void undo_treebank_escapes(std::string& text, std::size_t from = 0);

}  // namespace storyline::detail
