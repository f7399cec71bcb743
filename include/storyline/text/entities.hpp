// Named-entity candidates: people, places and organisations found as capitalised spans, classified by
// cues (titles, role nouns, place and organisation words, a gazetteer) and merged across variants, so that
// "Kim Jong-un", "Kim Jong Un" and a later "Kim" in one article count as one entity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/text/tokenize.hpp"

namespace storyline {

enum class EntityKind : std::uint8_t {
  kPerson,
  kPlace,
  kOrganisation,
  kOther,  // a name whose kind no cue decides ("Yonhap"), kept because names still carry meaning
};

[[nodiscard]] std::string_view entity_kind_name(EntityKind kind) noexcept;  // "person", "place", ...

struct Entity {
  std::string key;   // variants collapse to one key: "kim jong un" for "Kim Jong-un" and "Kim Jong Un"
  std::string name;  // the fullest form seen ("Mike Pompeo"); for places, the canonical name ("United States")
  EntityKind kind = EntityKind::kOther;
  std::size_t mentions = 0;      // including short forms ("Pompeo") resolved to this entity
  std::size_t first_offset = 0;  // byte offset of the first mention
};

// The key under which variants of a name meet: case-folded words, split at hyphens, dots and
// apostrophes, joined by single spaces, with the usual romanisations of one name folded together
// (doubled letters as one, "dh" as "d", "kh" as "k", "q" as "k", "ou" inside a word as "u", a closing
// "ah" as "a", a closing "y" as "i"): "Gaddafi" and "Gadhafi" are "gadafi". Thread-safe.
[[nodiscard]] std::string entity_key(std::string_view name);

// Finds the entities of `text`, given its tokens (from Tokenizer, over the same text). `lang` selects the
// stop words that tell a capitalised sentence opener ("The", "Both") from a name; the cue word lists
// are English, so recall is lower for other languages. In German ("de"), where every noun is capitalised,
// a capitalised word the text also writes after an article is a noun, and a lone capitalised word counts
// only as the short form of a longer name. Entities come most-mentioned first, then in order
// of first mention. Thread-safe.
[[nodiscard]] std::vector<Entity> find_entities(std::string_view text, std::span<const Token> tokens,
                                                std::string_view lang);

}  // namespace storyline
