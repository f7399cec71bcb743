// Word segmentation with ICU's word BreakIterator (Unicode UAX #29 plus dictionaries for scripts written
// without spaces). Tokens are views into the text they were cut from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "storyline/common/result.hpp"

namespace storyline {

enum class TokenKind : std::uint8_t {
  kWord,    // letters (any script), including words with inner apostrophes or dots: "don't", "U.S"
  kNumber,  // digits, including "1,000" and "3.5"
};

struct Token {
  std::string_view text;  // a view into the tokenized text
  std::size_t offset = 0; // byte offset of `text` in the tokenized text
  TokenKind kind = TokenKind::kWord;
  // First token of a sentence (or of a line): its capital letter says nothing about it being a name.
  bool sentence_start = false;

  [[nodiscard]] std::size_t end() const noexcept { return offset + text.size(); }
};

// Not thread-safe: an ICU BreakIterator carries state. Create one Tokenizer per thread; creating one is
// cheap compared with tokenizing an article, but not free (it clones ICU's rule tables).
class Tokenizer {
 public:
  // Errors: kInternal when ICU's word-break rules cannot be loaded (a broken ICU installation).
  [[nodiscard]] static Result<Tokenizer> create();

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Replaces `out` with the word and number tokens of `text` (valid UTF-8), in order. Whitespace and
  // punctuation are not tokens; callers that care look at the bytes between two tokens.
  void tokenize(std::string_view text, std::vector<Token>& out);

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
