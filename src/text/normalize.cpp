#include "text/normalize.hpp"

#include <cstring>

#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"

namespace storyline::detail {
namespace {

constexpr std::size_t kEscapeSize = 5;  // "-LRB-"

// The bracket "-XYB-" stands for, or 0 when the five bytes at `p` are not an escape.
char escaped_bracket(const char* p) noexcept {
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
  // Most texts hold no escape: find the first one before writing anything.
  std::size_t read = from;
  for (;; ++read) {
    const void* hit = read < text.size() ? std::memchr(text.data() + read, '-', text.size() - read) : nullptr;
    if (hit == nullptr) return;
    read = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (text.size() - read >= kEscapeSize && escaped_bracket(text.data() + read) != 0) break;
  }
  std::size_t write = read;
  while (read < text.size()) {
    const char bracket = text.size() - read >= kEscapeSize ? escaped_bracket(text.data() + read) : 0;
    if (bracket != 0) {
      text[write++] = bracket;
      read += kEscapeSize;
    } else {
      text[write++] = text[read++];
    }
  }
  text.resize(write);
}

}  // namespace storyline::detail
