#include "storyline/dedup/shingles.hpp"

// Inlined: most words are a few bytes long, where a call into the shared library costs more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "storyline/text/unicode.hpp"

namespace storyline {
namespace {

enum ByteClass : std::uint8_t { kSeparator = 0, kAsciiWord = 1, kNonAscii = 2 };  // by the first byte

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool ascii_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    table[static_cast<std::size_t>(c)] = c >= 0x80 ? kNonAscii : (ascii_word ? kAsciiWord : kSeparator);
  }
  return table;
}();

// Copies the run of ASCII letters and digits at text[i...] to `out`, lower-cased, and returns its
// length. Writes up to 15 bytes past the run (the caller's buffer has room). Most words are ASCII, and
// this is the innermost loop of copy detection: with SSE2 (every x86-64 CPU) it classifies 16 bytes at a
// time; elsewhere it goes byte by byte.
std::size_t copy_ascii_run(std::string_view text, std::size_t i, char* __restrict out) noexcept {
  std::size_t copied = 0;
#if defined(__SSE2__)
  const __m128i case_bit = _mm_set1_epi8(0x20);
  while (i + copied + 16 <= text.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + copied));
    const __m128i lower = _mm_or_si128(bytes, case_bit);
    // Signed compares: bytes >= 0x80 are negative, so they are neither letters nor digits.
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + copied), lower);
    const auto word_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    const auto run = static_cast<std::size_t>(std::countr_one(word_mask));
    copied += run;
    if (run < 16) return copied;
  }
#endif
  for (; i + copied < text.size(); ++copied) {
    const auto byte = static_cast<unsigned char>(text[i + copied]);
    if (kByteClass[byte] != kAsciiWord) break;
    out[copied] = static_cast<char>(byte | 0x20);
  }
  return copied;
}

// A non-ASCII character: its width in bytes and whether it belongs to a word (a letter, digit or
// combining mark) or separates words (no-break spaces, dashes, curly quotes, invalid bytes).
struct NonAsciiChar {
  std::size_t width = 1;
  bool word = false;
};

NonAsciiChar non_ascii_char(std::string_view text, std::size_t i) noexcept {
  auto index = static_cast<std::int64_t>(i);
  UChar32 c = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  U8_NEXT(bytes, index, static_cast<std::int64_t>(text.size()), c);
  const auto width = static_cast<std::size_t>(index) - i;
  return {width, c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)};
}

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
  m_stream.resize(text.size() + 16);  // + room for the 16-byte stores of copy_ascii_run
  m_words.resize(text.size() / 2 + 1);
  std::size_t length = 0;
  std::size_t words = 0;
  // This scanner, not ICU's word breaker, splits words here: copy detection reads whole crawls, and a
  // byte scanner is an order of magnitude faster while splitting English the same way.
  std::size_t i = 0;
  char* out = m_stream.data();
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80 && kByteClass[lead] != kAsciiWord) {
      ++i;
      continue;
    }
    if (lead >= 0x80) {
      const NonAsciiChar c = non_ascii_char(text, i);
      if (!c.word) {
        i += c.width;
        continue;
      }
    }
    if (length > 0) out[length++] = ' ';
    const std::size_t start = i;
    const std::size_t word_start = length;
    // ASCII stretches are copied lower-cased as they are found; a word with non-ASCII letters is then
    // redone through ICU.
    bool ascii = true;
    for (;;) {
      const std::size_t run = copy_ascii_run(text, i, out + length);
      i += run;
      length += run;
      if (i >= text.size() || static_cast<unsigned char>(text[i]) < 0x80) break;
      const NonAsciiChar c = non_ascii_char(text, i);
      if (!c.word) break;
      ascii = false;
      i += c.width;
    }
    if (!ascii) {
      const std::string folded = case_fold(normalize_nfkc(text.substr(start, i - start)));
      length = word_start;
      if (length + folded.size() + (text.size() - i) + 16 > m_stream.size()) {
        m_stream.resize(length + folded.size() + (text.size() - i) + 16);
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
