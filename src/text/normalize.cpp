#include "text/normalize.hpp"

#include <string_view>

#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"

namespace storyline::detail {
namespace {

constexpr std::size_t kEscapeSize = 5;  // "-LRB-"

// The bracket the escape at `pos` of `text` stands for, or 0 when there is none there.
char bracket_at(std::string_view text, std::size_t pos) noexcept {
  if (text.size() - pos < kEscapeSize) return 0;
  const char* p = text.data() + pos;
  if (p[0] != '-' || p[3] != 'B' || p[4] != '-') return 0;
  const bool left = p[1] == 'L';
  if (!left && p[1] != 'R') return 0;
  switch (p[2]) {
    case 'R': return left ? '(' : ')';
    case 'S': return left ? '[' : ']';
    case 'C': return left ? '{' : '}';
    default: return 0;
  }
}

}  // namespace

void append_normalized(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  if (is_ascii(text)) {
    out += text;
  } else {
    out += normalize_nfkc(text);
  }
  undo_treebank_escapes(out, start);
}

void undo_treebank_escapes(std::string& text, std::size_t from) {
  // Most texts hold no escape: find the first one before moving anything.
  std::size_t read = text.find('-', from);
  while (read != std::string::npos && bracket_at(text, read) == 0) read = text.find('-', read + 1);
  if (read == std::string::npos) return;
  std::size_t write = read;
  while (read < text.size()) {
    if (const char bracket = bracket_at(text, read); bracket != 0) {
      text[write++] = bracket;
      read += kEscapeSize;
    } else {
      text[write++] = text[read++];
    }
  }
  text.resize(write);
}

}  // namespace storyline::detail
