#include "storyline/text/entities.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "storyline/text/dates.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/unicode.hpp"
#include "text/lexicon.hpp"

namespace storyline {
namespace {

// ---------------------------------------------------------------------------------------------------
// Word lists, keyed by entity_key so that lookups ignore case and hyphenation.

struct PlaceHit {
  std::string_view canonical;
  bool demonym = false;
};

struct Lexicon {
  std::unordered_map<std::string, PlaceHit> places;  // place names and demonyms
  std::unordered_set<std::string> titles;             // "secretary of state", "president"
  std::unordered_set<std::string> roles;              // "leader", "spokesman"
  std::unordered_set<std::string> organisation_words;
  std::unordered_set<std::string> place_words;
  std::size_t longest_place = 1;  // in words, to bound the longest-match search
  std::size_t longest_title = 1;
};

std::size_t word_count(std::string_view key) {
  return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

const Lexicon& lexicon() {
  static const Lexicon* const kLexicon = [] {
    auto* lex = new Lexicon();
    for (const auto& place : detail::place_names()) {
      std::string key = entity_key(place.surface);
      lex->longest_place = std::max(lex->longest_place, word_count(key));
      lex->places.emplace(std::move(key), PlaceHit{place.canonical, false});
    }
    for (const auto& demonym : detail::demonyms()) {
      std::string key = entity_key(demonym.surface);
      lex->longest_place = std::max(lex->longest_place, word_count(key));
      lex->places.emplace(std::move(key), PlaceHit{demonym.canonical, true});
    }
    for (std::string_view title : detail::person_titles()) {
      std::string key = entity_key(title);
      lex->longest_title = std::max(lex->longest_title, word_count(key));
      lex->titles.insert(std::move(key));
    }
    for (std::string_view role : detail::person_roles()) lex->roles.insert(entity_key(role));
    for (std::string_view word : detail::organisation_words()) lex->organisation_words.insert(entity_key(word));
    for (std::string_view word : detail::place_words()) lex->place_words.insert(entity_key(word));
    return lex;
  }();
  return *kLexicon;
}

// Named events are neither people nor places: "Storm Brigid", "Hurricane Katrina", "Operation Desert Storm".
bool is_event_word(std::string_view key) {
  static constexpr std::array<std::string_view, 8> kWords = {"storm",  "hurricane", "typhoon",  "cyclone",
                                                             "tornado", "operation", "wildfire", "tropical"};
  return std::find(kWords.begin(), kWords.end(), key) != kWords.end();
}

// Lower-case particles inside names: "Bashar al-Assad", "Ludwig van Beethoven", "Gulf of Mexico".
bool is_name_particle(std::string_view word) {
  static constexpr std::array<std::string_view, 18> kParticles = {
      "of", "al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "dos"};
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

// Verbs of saying right after a name: in news prose their subject is nearly always a person.
bool is_speech_verb(std::string_view word) {
  static constexpr std::array<std::string_view, 9> kVerbs = {"said",  "says",  "told",    "added", "asked",
                                                             "wrote", "tweeted", "insisted", "stated"};
  return std::find(kVerbs.begin(), kVerbs.end(), word) != kVerbs.end();
}

bool only_spaces(std::string_view gap) {
  return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool is_acronym(std::string_view word) {
  const auto letters = std::count_if(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return word.size() >= 2 && word.size() <= 6 && static_cast<std::size_t>(letters) == word.size();
}

// ---------------------------------------------------------------------------------------------------
// Units: the capitalised words a name is built from, after gluing hyphenated parts ("Jong-un"),
// abbreviation dots ("U.S.") and dropping possessives ("Pompeo's").

struct Unit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  bool sentence_start = false;
  bool particle = false;  // a lower-case name particle, valid only between two capitalised units
};

class UnitBuilder {
 public:
  UnitBuilder(std::string_view text, std::span<const Token> tokens) : m_text(text), m_tokens(tokens) {}

  std::vector<Unit> build() {
    std::vector<Unit> units;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      const Token& token = m_tokens[i];
      if (token.kind != TokenKind::kWord) continue;
      const bool capital = starts_with_capital(token.text);
      const bool particle = !capital && is_name_particle(token.text);
      if (!capital && !particle) continue;
      Unit unit{token.offset, token.end(), i, i, token.sentence_start, particle};
      extend_hyphenated(unit);
      // A bare particle only joins names; "al-Assad" (extended above) is a name part by itself.
      unit.particle = particle && unit.last_token == i;
      extend_abbreviation(unit);
      strip_possessive(unit);
      i = unit.last_token;
      units.push_back(unit);
    }
    return units;
  }

 private:
  std::string_view gap(std::size_t left, std::size_t right) const {
    return m_text.substr(m_tokens[left].end(), m_tokens[right].offset - m_tokens[left].end());
  }

  // "Jong-un", "Jae-in", "al-Assad", "Port-au-Prince" are one name part. "Trump-Kim" is two names unless
  // the gazetteer knows the compound ("Guinea-Bissau"): two capitalised halves are left apart.
  void extend_hyphenated(Unit& unit) const {
    std::size_t last = unit.last_token;
    bool capitalised_parts_only = starts_with_capital(m_tokens[last].text);
    while (last + 1 < m_tokens.size() && m_tokens[last + 1].kind == TokenKind::kWord && gap(last, last + 1) == "-") {
      capitalised_parts_only = capitalised_parts_only && starts_with_capital(m_tokens[last + 1].text);
      ++last;
    }
    if (last == unit.last_token) return;
    const std::string_view compound = m_text.substr(unit.begin, m_tokens[last].end() - unit.begin);
    if (capitalised_parts_only && !lexicon().places.contains(entity_key(compound))) return;
    unit.last_token = last;
    unit.end = m_tokens[last].end();
  }

  void extend_abbreviation(Unit& unit) const {
    const std::string_view word = m_text.substr(unit.begin, unit.end - unit.begin);
    if (word.find('.') != std::string_view::npos && unit.end < m_text.size() && m_text[unit.end] == '.') ++unit.end;
  }

  void strip_possessive(Unit& unit) const {
    const std::string_view word = m_text.substr(unit.begin, unit.end - unit.begin);
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
      if (word.size() > suffix.size() && word.ends_with(suffix)) unit.end -= suffix.size();
    }
  }

  std::string_view m_text;
  std::span<const Token> m_tokens;
};

// ---------------------------------------------------------------------------------------------------
// Mentions: each classified occurrence of a name in the text.

struct Mention {
  std::string surface;
  std::string key;
  EntityKind kind = EntityKind::kOther;
  std::size_t offset = 0;
  std::size_t words = 1;
  bool uncertain = false;  // a lone capitalised sentence opener: kept only if it resolves to a known name
};

class MentionFinder {
 public:
  MentionFinder(std::string_view text, std::span<const Token> tokens, std::string_view lang)
      : m_text(text), m_tokens(tokens), m_lang(lang), m_lex(lexicon()) {
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kWord && !starts_with_capital(token.text)) m_lower_case_words.insert(token.text);
    }
  }

  std::vector<Mention> find() {
    const std::vector<Unit> units = UnitBuilder(m_text, m_tokens).build();
    std::size_t i = 0;
    while (i < units.size()) {
      if (units[i].particle) {  // "leader of North Korea": the span starts after the particle
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < units.size() && joins(units, j)) ++j;
      // A span never ends on a particle ("Gulf of" + lower-case text).
      std::size_t end = j;
      while (end > i && units[end - 1].particle) --end;
      if (end > i) classify_span(std::span<const Unit>(units).subspan(i, end - i));
      i = j;
    }
    return std::move(m_mentions);
  }

 private:
  // Unit j continues the span ending at unit j - 1 when only spaces separate them and a particle is
  // followed by a capitalised unit.
  bool joins(const std::vector<Unit>& units, std::size_t j) const {
    if (units[j].sentence_start) return false;
    if (units[j].first_token != units[j - 1].last_token + 1) return false;
    if (!only_spaces(m_text.substr(units[j - 1].end, units[j].begin - units[j - 1].end))) return false;
    return !(units[j].particle && j + 1 < units.size() && units[j + 1].first_token != units[j].last_token + 1);
  }

  std::string_view slice(std::span<const Unit> units) const {
    return m_text.substr(units.front().begin, units.back().end - units.front().begin);
  }
  std::string key_of(std::span<const Unit> units) const { return entity_key(slice(units)); }

  // The folded word of the token right before / after the span, if only spaces (or ", ") separate them.
  std::string neighbour_word(std::span<const Unit> units, bool before) const {
    if (before) {
      const std::size_t first = units.front().first_token;
      if (first == 0) return {};
      const Token& prev = m_tokens[first - 1];
      if (!only_spaces(m_text.substr(prev.end(), units.front().begin - prev.end()))) return {};
      return case_fold(prev.text);
    }
    const std::size_t next = units.back().last_token + 1;
    if (next >= m_tokens.size()) return {};
    const std::string_view gap = m_text.substr(units.back().end, m_tokens[next].offset - units.back().end);
    if (!only_spaces(gap) && gap != ", ") return {};
    return case_fold(m_tokens[next].text);
  }

  void classify_span(std::span<const Unit> span) {
    span = trim_sentence_opener(span);
    span = trim_calendar_words(span);
    if (span.empty()) return;
    bool person_cue = false;
    std::size_t pos = 0;
    while (pos < span.size()) {
      if (const auto place = match_place(span.subspan(pos))) {
        const auto [length, hit] = *place;
        const std::size_t after = pos + length;
        const bool whole_or_before_title = after == span.size() || match_title(span.subspan(after)) > 0;
        if (whole_or_before_title || hit.demonym) {
          add(span.subspan(pos, length), EntityKind::kPlace, std::string(hit.canonical));
          pos = after;
          continue;
        }
        // "New York Times", "Washington Post": a place starting a longer name.
        classify_name(span.subspan(pos), person_cue);
        return;
      }
      if (const auto title = find_title(span.subspan(pos))) {
        // Words before a title qualify it ("Fisheries Minister"); what follows is a person:
        // "Secretary of State Mike Pompeo".
        pos += title->first + title->second;
        person_cue = true;
        continue;
      }
      classify_name(span.subspan(pos), person_cue);
      return;
    }
  }

  // Capitalisation of a sentence's first word carries no information: drop stop words there ("The",
  // "Both") and words the article also writes in lower case ("Later ... later"), and remember that a
  // remaining lone word may still be an ordinary word ("Following").
  std::span<const Unit> trim_sentence_opener(std::span<const Unit> span) {
    if (!span.front().sentence_start) return span;
    while (!span.empty()) {
      const std::string folded = case_fold(slice(span.first(1)));
      if (!is_stopword(m_lang, folded) && !m_lower_case_words.contains(folded)) break;
      span = span.subspan(1);
    }
    m_opener = !span.empty() && span.size() == 1 && span.front().sentence_start;
    return span;
  }

  std::span<const Unit> trim_calendar_words(std::span<const Unit> span) const {
    while (!span.empty() && is_calendar_word(key_of(span.first(1)))) span = span.subspan(1);
    return span;
  }

  std::optional<std::pair<std::size_t, PlaceHit>> match_place(std::span<const Unit> span) const {
    for (std::size_t length = std::min(span.size(), m_lex.longest_place); length > 0; --length) {
      std::string key = key_of(span.first(length));
      auto it = m_lex.places.find(key);
      // Plural demonyms ("Americans", "North Koreans") name the place's people.
      if (it == m_lex.places.end() && key.size() > 1 && key.back() == 's') {
        key.pop_back();
        it = m_lex.places.find(key);
        if (it != m_lex.places.end() && !it->second.demonym) it = m_lex.places.end();
      }
      if (it != m_lex.places.end()) return std::make_pair(length, it->second);
    }
    return std::nullopt;
  }

  // The first title in `span` that has a name after it, as (start, length). A title word ending the
  // span is part of a name instead ("Martin Luther King").
  std::optional<std::pair<std::size_t, std::size_t>> find_title(std::span<const Unit> span) const {
    for (std::size_t start = 0; start + 1 < span.size(); ++start) {
      const std::size_t length = match_title(span.subspan(start));
      if (length > 0 && start + length < span.size()) return std::make_pair(start, length);
    }
    return std::nullopt;
  }

  std::size_t match_title(std::span<const Unit> span) const {
    for (std::size_t length = std::min(span.size(), m_lex.longest_title); length > 0; --length) {
      if (m_lex.titles.contains(key_of(span.first(length)))) return length;
    }
    return 0;
  }

  void classify_name(std::span<const Unit> span, bool person_cue) {
    const std::string_view first_word = slice(span.first(1));
    if (span.size() == 1 && is_stopword(m_lang, case_fold(first_word))) return;  // "I", a capitalised "But"
    if (first_word == "The" && !span.front().sentence_start && span.size() > 1) {
      add(span, EntityKind::kOrganisation);  // "The Hill", "The New York Times"
      return;
    }
    for (const Unit& unit : span) {
      if (m_lex.organisation_words.contains(key_of(std::span<const Unit>(&unit, 1)))) {
        add(span, EntityKind::kOrganisation);
        return;
      }
    }
    if (span.size() > 1 && is_event_word(key_of(span.first(1)))) {
      add(span, EntityKind::kOther);
      return;
    }
    if (span.size() > 1 && m_lex.place_words.contains(key_of(span.last(1)))) {
      add(span, EntityKind::kPlace);
      return;
    }
    const std::string before = neighbour_word(span, true);
    if (person_cue || m_lex.roles.contains(before) || is_speech_verb(neighbour_word(span, false))) {
      add(span, EntityKind::kPerson);
      return;
    }
    if (span.size() == 1 && is_acronym(first_word)) {
      add(span, EntityKind::kOrganisation);  // "MSNBC", "NATO"
      return;
    }
    if (span.size() == 1 && (before == "in" || before == "near")) {
      add(span, EntityKind::kPlace);
      return;
    }
    if (span.size() >= 2 && span.size() <= 4) {
      add(span, EntityKind::kPerson);  // "Kim Dong-chul": capitalised words without other cues
      return;
    }
    add(span, EntityKind::kOther);
  }

  void add(std::span<const Unit> span, EntityKind kind, std::string canonical = {}) {
    Mention mention;
    mention.surface = canonical.empty() ? std::string(slice(span)) : std::move(canonical);
    mention.key = entity_key(mention.surface);
    mention.kind = kind;
    mention.offset = span.front().begin;
    mention.words = word_count(entity_key(slice(span)));
    mention.uncertain = m_opener && span.size() == 1 && span.front().sentence_start && kind != EntityKind::kPlace &&
                        !is_acronym(slice(span));
    m_opener = false;
    m_mentions.push_back(std::move(mention));
  }

  std::string_view m_text;
  std::span<const Token> m_tokens;
  std::string_view m_lang;
  const Lexicon& m_lex;
  std::unordered_set<std::string_view> m_lower_case_words;  // words the text writes in lower case somewhere
  std::vector<Mention> m_mentions;
  bool m_opener = false;
};

// ---------------------------------------------------------------------------------------------------
// Resolution: short forms join the full name they abbreviate, then mentions group into entities.

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t space = std::min(key.find(' ', start), key.size());
    words.push_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// "Pompeo" shortens "Mike Pompeo" (surname), "Kim" shortens "Kim Jong-un" (family name first).
bool shortens(std::string_view short_key, std::string_view full_key) {
  const auto short_words = split_words(short_key);
  const auto full_words = split_words(full_key);
  if (short_words.size() >= full_words.size()) return false;
  return std::equal(short_words.begin(), short_words.end(), full_words.begin()) ||
         std::equal(short_words.rbegin(), short_words.rend(), full_words.rbegin());
}

// A short form refers to the nearest full name mentioned before it (journalists introduce a person in
// full, then shorten); failing that, to the first one mentioned after it.
void resolve_short_forms(std::vector<Mention>& mentions) {
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& mention = mentions[i];
    if (mention.kind != EntityKind::kPerson && mention.kind != EntityKind::kOther) continue;
    const Mention* target = nullptr;
    for (std::size_t j = i; j-- > 0;) {
      if (mentions[j].kind == EntityKind::kPerson && shortens(mention.key, mentions[j].key)) {
        target = &mentions[j];
        break;
      }
    }
    for (std::size_t j = i + 1; target == nullptr && j < mentions.size(); ++j) {
      if (mentions[j].kind == EntityKind::kPerson && shortens(mention.key, mentions[j].key)) target = &mentions[j];
    }
    if (target == nullptr) continue;
    mention.key = target->key;
    mention.surface = target->surface;
    mention.kind = EntityKind::kPerson;
    mention.words = target->words;
    mention.uncertain = false;
  }
}

std::vector<Entity> group(const std::vector<Mention>& mentions) {
  std::vector<Entity> entities;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::array<std::size_t, 4>> kind_votes;
  std::vector<std::size_t> name_words;
  for (const Mention& mention : mentions) {
    if (mention.uncertain) continue;
    auto [it, inserted] = index.try_emplace(mention.key, entities.size());
    if (inserted) {
      entities.push_back({mention.key, mention.surface, mention.kind, 0, mention.offset});
      kind_votes.push_back({});
      name_words.push_back(mention.words);
    }
    const std::size_t e = it->second;
    ++entities[e].mentions;
    ++kind_votes[e][static_cast<std::size_t>(mention.kind)];
    if (mention.words > name_words[e]) {  // show the fullest form seen
      entities[e].name = mention.surface;
      name_words[e] = mention.words;
    }
  }
  for (std::size_t e = 0; e < entities.size(); ++e) {
    // Any decided kind beats "other"; among decided kinds the most frequent wins, ties by enum order.
    const auto& votes = kind_votes[e];
    const auto best = std::max_element(votes.begin(), votes.begin() + 3);
    if (*best > 0) entities[e].kind = static_cast<EntityKind>(best - votes.begin());
  }
  std::stable_sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.first_offset < b.first_offset;
  });
  return entities;
}

}  // namespace

std::string_view entity_kind_name(EntityKind kind) noexcept {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kPlace: return "place";
    case EntityKind::kOrganisation: return "organisation";
    case EntityKind::kOther: return "other";
  }
  return "other";
}

std::string entity_key(std::string_view name) {
  const std::string folded = case_fold(name);
  std::string key;
  key.reserve(folded.size());
  bool pending_space = false;
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    const bool word_byte = byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_byte) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += c;
  }
  return key;
}

std::vector<Entity> find_entities(std::string_view text, std::span<const Token> tokens, std::string_view lang) {
  std::vector<Mention> mentions = MentionFinder(text, tokens, lang).find();
  resolve_short_forms(mentions);
  return group(mentions);
}

}  // namespace storyline
