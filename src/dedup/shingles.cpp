#include "storyline/dedup/shingles.hpp"

// Inlined: most words are a few bytes long, where a call into the shared library costs more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <array>

#include "storyline/text/unicode.hpp"

namespace storyline {
namespace {

enum ByteClass : std::uint8_t { kSeparator = 0, kAsciiWord = 1, kNonAscii = 2 };

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool ascii_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    table[static_cast<std::size_t>(c)] = c >= 0x80 ? kNonAscii : (ascii_word ? kAsciiWord : kSeparator);
  }
  return table;
}();

std::uint8_t byte_class(char c) noexcept { return kByteClass[static_cast<unsigned char>(c)]; }

}  // namespace

Shingler::Shingler(ShingleOptions options) : m_options(options) {
  if (m_options.size == 0) m_options.size = 1;
}

namespace {

// Mixes the word hashes of one word n-gram into the shingle's hash: a multiply-xorshift chain (the
// finaliser of MurmurHash3's 64-bit variant between words). The word hashes are already XXH3 outputs, so a
// cheap mix suffices, and it runs on every shingle of every article.
std::uint64_t mix(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t word_ngram_hash(const std::uint64_t* words, std::size_t n) noexcept {
  std::uint64_t h = words[0];
  for (std::size_t i = 1; i < n; ++i) h = mix(h * 0x9E3779B97F4A7C15ULL ^ words[i]);
  return mix(h ^ n);
}

}  // namespace

ContentHash Shingler::shingle(std::string_view text, std::vector<std::uint64_t>& shingles) {
  shingles.clear();
  // Written through raw indexes into buffers sized up front: ASCII words and their single separators
  // never outgrow the text, and at most one word starts every two bytes. Only a non-ASCII word, whose
  // case folding may lengthen it, can need more room.
  m_stream.resize(text.size() + 1);
  m_words.resize(text.size() / 2 + 1);
  std::size_t length = 0;
  std::size_t words = 0;
  // This scanner, not ICU's word breaker, splits words here: copy detection reads whole crawls, and a
  // byte scanner is an order of magnitude faster while splitting English the same way.
  std::size_t i = 0;
  char* out = m_stream.data();
  while (i < text.size()) {
    if (byte_class(text[i]) == kSeparator) {
      ++i;
      continue;
    }
    if (length > 0) out[length++] = ' ';
    const std::size_t start = i;
    const std::size_t word_start = length;
    // One pass copies the word lower-cased (setting bit 5 lower-cases ASCII letters and leaves digits as
    // they are) while looking for its end; a word with non-ASCII bytes is then redone through ICU.
    std::uint8_t classes = 0;
    for (; i < text.size(); ++i) {
      const std::uint8_t byte_kind = byte_class(text[i]);
      if (byte_kind == kSeparator) break;
      classes |= byte_kind;
      out[length++] = static_cast<char>(text[i] | 0x20);
    }
    if ((classes & kNonAscii) != 0) {
      const std::string folded = case_fold(normalize_nfkc(text.substr(start, i - start)));
      length = word_start;
      if (length + folded.size() + (text.size() - i) + 1 > m_stream.size()) {
        m_stream.resize(length + folded.size() + (text.size() - i) + 1);
        out = m_stream.data();
      }
      folded.copy(out + length, folded.size());
      length += folded.size();
    }
    m_words[words++] = XXH3_64bits(out + word_start, length - word_start);
  }

  const XXH128_hash_t content = XXH3_128bits(m_stream.data(), length);
  if (words == 0) return {content.low64, content.high64};

  const std::size_t n = m_options.size;
  if (m_options.kind == ShingleKind::kWords) {
    if (words <= n) {
      shingles.push_back(word_ngram_hash(m_words.data(), words));
    } else {
      shingles.resize(words - n + 1);
      for (std::size_t w = 0; w + n <= words; ++w) shingles[w] = word_ngram_hash(m_words.data() + w, n);
    }
  } else if (length <= n) {
    shingles.push_back(XXH3_64bits(m_stream.data(), length));
  } else {
    shingles.resize(length - n + 1);
    for (std::size_t b = 0; b + n <= length; ++b) shingles[b] = XXH3_64bits(m_stream.data() + b, n);
  }
  return {content.low64, content.high64};
}

}  // namespace storyline
