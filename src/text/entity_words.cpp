#include "text/entity_words.hpp"

#include <algorithm>
#include <array>

#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"
#include "text/lexicon.hpp"

namespace storyline::detail::entity_words {
namespace {

// A short list of short words, checked for every word of an article. A 256-bit filter on a word's
// first and last byte and length turns most words away at once; the rest, up to eight bytes, are
// compared as integers (with their length), which spares a memcmp call per entry.
template <std::size_t N>
class SmallWordList {
 public:
  constexpr explicit SmallWordList(const std::array<std::string_view, N>& words) : m_words(words) {
    for (std::size_t i = 0; i < N; ++i) {
      m_sizes[i] = words[i].size();
      m_packed[i] = words[i].size() <= 8 ? pack(words[i]) : 0;
      const std::size_t bit = filter_bit(words[i]);
      m_filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }

  [[nodiscard]] constexpr bool contains(std::string_view word) const noexcept {
    const std::size_t bit = filter_bit(word);
    if ((m_filter[bit / 64] >> (bit % 64) & 1) == 0) return false;
    if (word.size() > 8) return std::find(m_words.begin(), m_words.end(), word) != m_words.end();
    const std::uint64_t packed = pack(word);
    for (std::size_t i = 0; i < N; ++i) {
      if (m_sizes[i] == word.size() && m_packed[i] == packed) return true;
    }
    return false;
  }

 private:
  static constexpr std::uint64_t pack(std::string_view word) noexcept {
    std::uint64_t packed = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
      packed |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
    }
    return packed;
  }

  static constexpr std::size_t filter_bit(std::string_view word) noexcept {
    if (word.empty()) return 0;
    const auto first = static_cast<unsigned char>(word.front());
    const auto last = static_cast<unsigned char>(word.back());
    return (first * 131U + last * 7U + word.size() * 31U) % 256U;
  }

  std::array<std::string_view, N> m_words;
  std::array<std::size_t, N> m_sizes{};
  std::array<std::uint64_t, N> m_packed{};
  std::array<std::uint64_t, 4> m_filter{};
};

}  // namespace

// Writes plain_key(name) into `key`: case-folded words joined by single spaces. An article asks for thousands
// of keys (each candidate span is looked up at several lengths); one reused buffer saves an allocation per
// key, and ASCII names, the common case, are folded on the fly.
void build_key(std::string_view name, std::string& key) {
  // Folding ASCII keeps the length, and for other text the folded form is what is filtered, so the key
  // never outgrows its source: write into a buffer of that size, then cut it to length.
  std::string folded_storage;
  const bool ascii = is_ascii(name);
  if (!ascii) folded_storage = case_fold(name);
  const std::string_view source = ascii ? name : std::string_view(folded_storage);
  key.resize(source.size());
  std::size_t length = 0;
  bool pending_space = false;
  for (char c : source) {
    if (ascii) c = ascii_fold(c);
    const auto byte = static_cast<unsigned char>(c);
    const bool word_byte = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_byte) {
      pending_space = length > 0;
      continue;
    }
    if (pending_space) key[length++] = ' ';
    pending_space = false;
    key[length++] = c;
  }
  key.resize(length);
}

std::string plain_key(std::string_view name) {
  std::string key;
  build_key(name, key);
  return key;
}

// Rewrites a plain key in place so that the usual romanisations of one name meet: "gaddafi", "gadhafi"
// and "gadafi" all become "gadafi", "qaddafi" and "kadhafi" become "kadafi", "moussa koussa" and "musa
// kusa" become "musa kusa", "misratah" becomes "misrata". Letters only: "777" stays as it is. A few real
// names fall together ("Scott" and "Scot"), which a match on the whole name (and the other signals)
// absorbs; the word lists are looked up with plain keys.
void fold_romanisation(std::string& key) {
  // In place: the folded key is never longer, so what is written never overtakes what is read.
  const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto word_end = [&](std::size_t i) { return i == key.size() || !letter(key[i]); };
  std::size_t length = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    const char next = i + 1 < key.size() ? key[i + 1] : '\0';
    const bool after_letter = length > 0 && letter(key[length - 1]);
    if ((c == 'd' || c == 'k') && next == 'h') {
      ++i;  // "dh" -> "d", "kh" -> "k": Arabic letters English writes either way
    } else if (c == 'o' && next == 'u' && after_letter) {
      c = 'u';  // French "ou" for English "u", inside a word: "Moussa", "Koussa"
      ++i;
    } else if (c == 'q') {
      c = 'k';
    } else if (c == 'y' && word_end(i + 1) && after_letter) {
      c = 'i';  // "Khadafy"
    } else if (c == 'h' && word_end(i + 1) && length > 0 && key[length - 1] == 'a') {
      continue;  // a closing "ah": "Misratah", "Hamzah"
    }
    if (letter(c) && length > 0 && key[length - 1] == c) continue;  // doubled letters
    key[length++] = c;
  }
  key.resize(length);
}

std::size_t word_count(std::string_view key) {
  return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

const Lexicon& lexicon() {
  static const Lexicon* const kLexicon = [] {
    auto* lex = new Lexicon();
    for (const auto& place : place_names()) {
      std::string key = plain_key(place.surface);
      lex->longest_place = std::max(lex->longest_place, word_count(key));
      if (lex->places.insert_if_absent(key, static_cast<std::uint32_t>(lex->place_hits.size()))) {
        lex->place_hits.push_back(PlaceHit{place.canonical, false});
      }
    }
    for (const auto& demonym : demonyms()) {
      std::string key = plain_key(demonym.surface);
      lex->longest_place = std::max(lex->longest_place, word_count(key));
      if (lex->places.insert_if_absent(key, static_cast<std::uint32_t>(lex->place_hits.size()))) {
        lex->place_hits.push_back(PlaceHit{demonym.canonical, true});
      }
    }
    for (std::string_view title : person_titles()) {
      std::string key = plain_key(title);
      lex->longest_title = std::max(lex->longest_title, word_count(key));
      lex->titles.insert_if_absent(key, true);
    }
    for (std::string_view role : person_roles()) lex->roles.insert_if_absent(plain_key(role), true);
    for (std::string_view word : organisation_words()) {
      lex->organisation_words.insert_if_absent(plain_key(word), true);
    }
    for (std::string_view word : place_words()) {
      lex->place_words.insert_if_absent(plain_key(word), true);
    }
    return lex;
  }();
  return *kLexicon;
}

// Named events are neither people nor places: "Storm Brigid", "Hurricane Katrina", "Operation Desert Storm".
bool is_event_word(std::string_view key) {
  static constexpr SmallWordList<8> kWords(std::to_array<std::string_view>(
      {"storm", "hurricane", "typhoon", "cyclone", "tornado", "operation", "wildfire", "tropical"}));
  return kWords.contains(key);
}

// Lower-case particles inside names: "Bashar al-Assad", "Ludwig van Beethoven", "Gulf of Mexico".
bool is_name_particle(std::string_view word) {
  if (word.size() > 5) return false;  // most words: none of the particles is longer
  static constexpr SmallWordList<19> kParticles(
      std::to_array<std::string_view>({"of", "for", "al", "el", "bin", "ibn", "van", "von", "de", "da", "di",
                                       "du", "del", "della", "der", "den", "la", "le", "dos"}));
  return kParticles.contains(word);
}

// Verbs of saying right after a name: in news prose their subject is nearly always a person. English,
// then the past tenses Spanish news uses ("Sánchez dijo") and the present French news uses ("Macron
// estime"); none is also an English word. (German capitalises its nouns, so a lone capitalised word is
// no name there whatever follows it, and a name of several words is a person already.)
bool is_speech_verb(std::string_view word) {
  static constexpr SmallWordList<21> kVerbs(std::to_array<std::string_view>(
      {"said", "says", "told", "added", "asked", "wrote", "tweeted", "insisted", "stated",  // English
       "dijo", "afirmó", "aseguró", "declaró", "señaló", "explicó", "añadió",                // Spanish
       "déclare", "affirme", "estime", "explique", "souligne"}));                              // French
  return kVerbs.contains(word);
}

// Prepositions that put the name after them in a phrase of place, time or relation.
bool is_preposition(std::string_view word) {
  static constexpr SmallWordList<14> kPrepositions(
      std::to_array<std::string_view>({"in", "near", "at", "from", "to", "of", "for", "on", "into", "across",
                                       "outside", "inside", "around", "towards"}));
  return kPrepositions.contains(word);
}

bool is_german_title(std::string_view key) {
  // Folded like every key (so "ß" is "ss"), and matched as a word's end: compounds are open-ended.
  static const std::vector<std::string>* const kHeads = [] {
    auto* heads = new std::vector<std::string>();
    for (std::string_view head : german_title_heads()) heads->push_back(plain_key(head));
    return heads;
  }();
  return std::any_of(kHeads->begin(), kHeads->end(),
                     [key](const std::string& head) { return key.ends_with(head); });
}

bool is_german_noun_marker(std::string_view folded_word) {
  static const WordMap<bool>* const kMarkers = [] {
    auto* markers = new WordMap<bool>();
    for (std::string_view word : german_noun_markers()) markers->insert_if_absent(word, true);
    return markers;
  }();
  return kMarkers->contains(folded_word);
}

bool is_acronym(std::string_view word) {
  const auto letters = std::count_if(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return word.size() >= 2 && word.size() <= 6 && static_cast<std::size_t>(letters) == word.size();
}

}  // namespace storyline::detail::entity_words
