// Private: what the entity finder (entities.cpp) looks names up with. Name keys (case-folded words,
// single spaces; romanisations folded) and the word lists of src/text/lexicon/, indexed by key, with the
// short lists of words checked next to a name (particles, verbs of saying, prepositions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/flat_table.hpp"

namespace storyline::detail::entity_words {

// Keys.

// plain_key(name) into a reused buffer (entities ask for thousands of keys an article).
void build_key(std::string_view name, std::string& key);
// Case-folded words of `name` joined by single spaces: word lists are looked up with it.
std::string plain_key(std::string_view name);
// Rewrites a plain key so that the usual romanisations of one name meet ("gadhafi" = "gaddafi").
void fold_romanisation(std::string& key);
// Words in a plain key.
std::size_t word_count(std::string_view key);

// The word lists, keyed by plain_key.

struct PlaceHit {
  std::string_view canonical;
  bool demonym = false;
};

// Flat tables, probed with views of a key buffer: every capitalised span is looked up several times.
using KeySet = WordMap<bool>;

struct Lexicon {
  WordMap<std::uint32_t> places;  // place names and demonyms, as indexes into place_hits
  std::vector<PlaceHit> place_hits;
  KeySet titles;  // "secretary of state", "president"
  KeySet roles;   // "leader", "spokesman"
  KeySet organisation_words;
  KeySet place_words;
  std::size_t longest_place = 1;  // in words, to bound the longest-match search
  std::size_t longest_title = 1;
};

// Built on first use; thread-safe.
const Lexicon& lexicon();

// Short lists, checked for every word of an article.
bool is_event_word(std::string_view key);                  // "storm", "operation": named events are no people
bool is_name_particle(std::string_view word);              // "al", "van", "of" inside a name
bool is_speech_verb(std::string_view word);                // "said", "dijo", "estime" after a name: a person
bool is_preposition(std::string_view word);                // "in", "at": the name after it is in a phrase
bool is_german_noun_marker(std::string_view folded_word);  // "der", "ihre": a German noun follows
bool is_german_title(std::string_view key);                // one word, "fraktionschef": a German title
bool is_acronym(std::string_view word);                    // two to six capitals: "BP", "NATO"

}  // namespace storyline::detail::entity_words
