// Private: undoing the Penn Treebank's bracket escapes. Corpora that went through a Treebank-style
// tokenizer (Stanford CoreNLP's among them; timeline17 is one) write "(" as "-LRB-" and ")" as "-RRB-".
// Read as words, the escapes become the most frequent "organisations" of such a corpus ("LRB", "RRB"),
// linking unrelated articles; read as the brackets they stand for, they are punctuation again.
#pragma once

#include <cstddef>
#include <string>

namespace storyline::detail {

// Replaces each of -LRB- -RRB- -LSB- -RSB- -LCB- -RCB- at or after byte `from` of `text` with the
// bracket it escapes, in place; the text only shrinks, and nothing before `from` moves.
void undo_treebank_escapes(std::string& text, std::size_t from = 0);

}  // namespace storyline::detail
