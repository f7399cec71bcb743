#include "storyline/text/entities.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "storyline/text/dates.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/unicode.hpp"
#include "text/ascii.hpp"
#include "text/entity_words.hpp"
#include "text/flat_table.hpp"

namespace storyline {
namespace {

// The word lists and name keys (entity_words.hpp).
using detail::entity_words::build_key;
using detail::entity_words::fold_romanisation;
using detail::entity_words::is_acronym;
using detail::entity_words::is_event_word;
using detail::entity_words::is_german_noun_marker;
using detail::entity_words::is_german_title;
using detail::entity_words::is_name_particle;
using detail::entity_words::is_preposition;
using detail::entity_words::is_speech_verb;
using detail::entity_words::Lexicon;
using detail::entity_words::lexicon;
using detail::entity_words::PlaceHit;
using detail::entity_words::plain_key;
using detail::entity_words::word_count;

// A coordination of names ("Brest and Quimper") looks back over at most this many capitalised words.
constexpr std::size_t kMaxConjunctWords = 4;

// Languages whose spelling capitalises every noun, where a capital says a word is a noun before it says
// it is a name.
bool capitalises_nouns(std::string_view lang) { return lang == "de"; }

bool only_spaces(std::string_view gap) {
  return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
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
  bool after_organisation = false;  // a particle ("for") that joins only after an organisation word
};

class UnitBuilder {
 public:
  UnitBuilder(std::string_view text, std::span<const Token> tokens) : m_text(text), m_tokens(tokens) {}

  // Also lists the words that do not start with a capital letter, by token index: the pass over the
  // tokens tells them apart anyway.
  std::vector<Unit> build(std::vector<std::size_t>& lower_case_words) {
    std::vector<Unit> units;
    lower_case_words.clear();
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      const Token& token = m_tokens[i];
      if (token.kind != TokenKind::kWord) continue;
      const bool capital = detail::starts_with_capital(token.text);
      if (!capital) lower_case_words.push_back(i);
      const bool particle = !capital && is_name_particle(token.text);
      if (!capital && !particle) continue;
      Unit unit{token.offset, token.end(), i, i, token.sentence_start, particle};
      extend_hyphenated(unit);
      // A bare particle only joins names; "al-Assad" (extended above) is a name part by itself.
      unit.particle = particle && unit.last_token == i;
      unit.after_organisation = unit.particle && token.text == "for";
      extend_abbreviation(unit);
      strip_possessive(unit);
      // The words a hyphen joined into the unit (extend_hyphenated takes words only).
      bool capital_joined = false;
      for (std::size_t joined = i + 1; joined <= unit.last_token; ++joined) {
        if (!detail::starts_with_capital(m_tokens[joined].text)) {
          lower_case_words.push_back(joined);
        } else {
          capital_joined = true;
        }
      }
      i = unit.last_token;
      // A particle starts a name part only before a capital ("al-Assad"), not in a word ("de-escalation").
      if (!capital && unit.last_token != unit.first_token && !capital_joined) continue;
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
  void extend_hyphenated(Unit& unit) {
    std::size_t last = unit.last_token;
    bool capitalised_parts_only = starts_with_capital(m_tokens[last].text);
    while (last + 1 < m_tokens.size() && m_tokens[last + 1].kind == TokenKind::kWord && gap(last, last + 1) == "-") {
      capitalised_parts_only = capitalised_parts_only && starts_with_capital(m_tokens[last + 1].text);
      ++last;
    }
    if (last == unit.last_token) return;
    const std::string_view compound = m_text.substr(unit.begin, m_tokens[last].end() - unit.begin);
    if (capitalised_parts_only) {
      build_key(compound, m_key);
      if (!lexicon().places.contains(std::string_view(m_key))) return;
    }
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
  std::string m_key;  // build_key's buffer
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
  // Where nouns are capitalised, a lone capitalised word ("Ausbruch", "Laschet"): kept only if it resolves
  // to a known name or the text has it alone more than once.
  bool lone_in_noun_language = false;
};

class MentionFinder {
 public:
  // `folds`: a table to fill, kept by the caller across calls.
  MentionFinder(std::string_view text, std::span<const Token> tokens, std::string_view lang,
                detail::WordMap<std::uint32_t>& folds)
      : m_text(text), m_tokens(tokens), m_lang(lang), m_lex(lexicon()), m_folds(folds) {}

  std::vector<Mention> find() {
    const std::vector<Unit> units = UnitBuilder(m_text, m_tokens).build(m_lower_case_words);
    index_units(units);
    find_lower_case_forms(units);
    find_common_nouns(units);
    std::size_t i = 0;
    while (i < units.size()) {
      // "leader of North Korea": the span starts after the particle. A common noun is no name part.
      if (units[i].particle || m_common_noun[i]) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < units.size() && !m_common_noun[j] && joins(units, j)) ++j;
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
  // followed by a capitalised unit. "for" joins only after an organisation word ("Centers for Disease
  // Control", "Institute for Fiscal Studies"), not between two names ("Rooney for England") nor after a
  // title ("Secretary for Health Andy Burnham" is a title and a person).
  bool joins(const std::vector<Unit>& units, std::size_t j) {
    if (units[j].sentence_start) return false;
    if (units[j].first_token != units[j - 1].last_token + 1) return false;
    // One space: more is a seam the text was joined at ("... Fiscal General de Veracruz  Jorge Winckler se
    // convirtió", a headline run into its body), not the inside of a name.
    const std::string_view gap = m_text.substr(units[j - 1].end, units[j].begin - units[j - 1].end);
    if (gap != " " && gap != "\t") return false;
    if (!units[j].particle) return true;
    if (j + 1 < units.size() && units[j + 1].first_token != units[j].last_token + 1) return false;
    // Where nouns are capitalised, "der" and "den" are articles ("Fabrik der Fleischfirma") unless another
    // particle comes first ("von der Leyen").
    if (m_nouns_capitalised && !units[j - 1].particle && (unit_fold(j) == "der" || unit_fold(j) == "den")) {
      return false;
    }
    return !units[j].after_organisation ||
           m_lex.organisation_words.contains(key_of(std::span<const Unit>(&units[j - 1], 1)));
  }

  std::string_view slice(std::span<const Unit> units) const {
    return m_text.substr(units.front().begin, units.back().end - units.front().begin);
  }
  // Spans are looked up many times (as places, titles, calendar and organisation words), so in ASCII text
  // each unit's key is built once. A span's key is then its units' keys joined by single spaces: units
  // in a span are separated by spaces only and each has a word character, and ASCII folds byte by byte,
  // so that is exactly entity_key of the span's text. Other text takes the general path. Each unit's
  // case-folded text is kept as well, for trim_sentence_opener.
  void index_units(const std::vector<Unit>& units) {
    m_units = units.data();
    m_unit_keys.clear();
    m_unit_key_ends.clear();
    m_unit_folds.clear();
    m_unit_fold_ends.clear();
    m_ascii = detail::is_ascii(m_text);
    for (const Unit& unit : units) {
      const std::string_view text = m_text.substr(unit.begin, unit.end - unit.begin);
      if (m_ascii) {
        build_key(text, m_key);
        m_unit_keys += m_key;
        m_unit_key_ends.push_back(m_unit_keys.size());
        const std::size_t fold_begin = m_unit_folds.size();
        m_unit_folds += text;
        std::transform(m_unit_folds.begin() + static_cast<std::ptrdiff_t>(fold_begin), m_unit_folds.end(),
                       m_unit_folds.begin() + static_cast<std::ptrdiff_t>(fold_begin), detail::ascii_fold);
      } else {
        m_unit_folds += case_fold(text);
      }
      m_unit_fold_ends.push_back(m_unit_folds.size());
    }
  }

  std::string_view unit_key(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : m_unit_key_ends[index - 1];
    return std::string_view(m_unit_keys).substr(begin, m_unit_key_ends[index] - begin);
  }

  // The key of the span, valid until the next call.
  std::string_view key_of(std::span<const Unit> units) {
    if (!m_ascii) {
      build_key(slice(units), m_key);
      return m_key;
    }
    const auto first = static_cast<std::size_t>(units.data() - m_units);
    if (units.size() == 1) return unit_key(first);
    m_key.clear();
    for (std::size_t i = first; i < first + units.size(); ++i) {
      if (i > first) m_key += ' ';
      m_key += unit_key(i);
    }
    return m_key;
  }

  // The folded word of the token right before / after the span, if only spaces (or ", ") separate them.
  // Written into `buffer`, which the view returned shows.
  std::string_view neighbour_word(std::span<const Unit> units, bool before, std::string& buffer) const {
    buffer.clear();
    const Token* neighbour = nullptr;
    if (before) {
      const std::size_t first = units.front().first_token;
      if (first == 0) return buffer;
      const Token& prev = m_tokens[first - 1];
      if (!only_spaces(m_text.substr(prev.end(), units.front().begin - prev.end()))) return buffer;
      neighbour = &prev;
    } else {
      const std::size_t next = units.back().last_token + 1;
      if (next >= m_tokens.size()) return buffer;
      const std::string_view gap = m_text.substr(units.back().end, m_tokens[next].offset - units.back().end);
      if (!only_spaces(gap) && gap != ", ") return buffer;
      neighbour = &m_tokens[next];
    }
    if (m_ascii) {  // case_fold, without a string of its own
      buffer = neighbour->text;
      std::transform(buffer.begin(), buffer.end(), buffer.begin(), detail::ascii_fold);
    } else {
      buffer = case_fold(neighbour->text);
    }
    return buffer;
  }

  // The word that governs `span`: the word before it, or, when that is "and"/"or" joining it to the
  // capitalised words before, the word before those ("near Brest and Quimper": "near"). `before` is
  // neighbour_word(span, true); the result may view m_governing.
  std::string_view governing_word(std::span<const Unit> span, std::string_view before) {
    if (before != "and" && before != "or") return before;
    std::size_t token = span.front().first_token - 1;  // the conjunction
    std::size_t capitalised = 0;
    while (token > 0 && capitalised < kMaxConjunctWords) {
      const Token& prev = m_tokens[token - 1];
      if (!only_spaces(m_text.substr(prev.end(), m_tokens[token].offset - prev.end()))) break;
      if (!detail::starts_with_capital(prev.text) || prev.sentence_start) break;
      --token;
      ++capitalised;
    }
    if (capitalised == 0 || token == 0) return {};
    const Token& word = m_tokens[token - 1];
    if (!only_spaces(m_text.substr(word.end(), m_tokens[token].offset - word.end()))) return {};
    m_governing = case_fold(word.text);
    return m_governing;
  }

  void classify_span(std::span<const Unit> span) {
    span = trim_sentence_opener(span);
    span = trim_dates_and_times(span);
    if (span.empty()) return;
    bool person_cue = false;
    std::size_t pos = 0;
    while (pos < span.size()) {
      // What a trim or a title leaves may start with a particle: "[Fiscal General] de Veracruz".
      if (span[pos].particle) {
        ++pos;
        continue;
      }
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

  // Which units the text also writes in lower case somewhere: a capitalised sentence opener is trimmed
  // when its case-folded form is a lower-case word of the text. Only the units' forms can be asked
  // about, so they go into a small table that the lower-case words are then looked up in, rather than
  // every lower-case word into a table of its own.
  void find_lower_case_forms(const std::vector<Unit>& units) {
    m_folds.clear_for(units.size());
    m_unit_fold_ids.clear();
    // Most lower-case words differ from every form in first byte, last byte or length: a 256-bit filter
    // on those turns them away before any hashing.
    std::array<std::uint64_t, 4> filter{};
    const auto filter_bit = [](std::string_view word) {
      const auto first = static_cast<unsigned char>(word.front());
      const auto last = static_cast<unsigned char>(word.back());
      return (first * 131U + last * 7U + word.size() * 31U) % 256U;
    };
    for (std::size_t i = 0; i < units.size(); ++i) {
      const std::string_view fold = unit_fold(i);
      if (!fold.empty()) {
        const std::size_t bit = filter_bit(fold);
        filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
      }
      const std::uint32_t* known = m_folds.find(fold);
      const auto id = known != nullptr ? *known : static_cast<std::uint32_t>(m_folds.size());
      if (known == nullptr) m_folds.insert(fold, id);
      m_unit_fold_ids.push_back(id);
    }
    m_written_in_lower_case.assign(m_folds.size(), false);
    if (m_folds.size() == 0) return;
    for (const std::size_t index : m_lower_case_words) {
      const std::string_view word = m_tokens[index].text;
      const std::size_t bit = filter_bit(word);
      if ((filter[bit / 64] >> (bit % 64) & 1) == 0) continue;
      if (const std::uint32_t* id = m_folds.find(word)) m_written_in_lower_case[*id] = true;
    }
  }

  // Where nouns are capitalised (German), the units that are nouns of the text rather than names: those
  // it also writes right after an article, another noun marker or a number, perhaps with adjectives
  // between ("der Ausbruch", "einer neuen Fabrik", "30 Prozent"). Acronyms and known places stay names
  // ("die EU", "die Ukraine").
  void find_common_nouns(const std::vector<Unit>& units) {
    m_common_noun.assign(units.size(), false);
    m_nouns_capitalised = capitalises_nouns(m_lang);
    if (!m_nouns_capitalised) return;
    // Like find_lower_case_forms, by the units' folded forms (m_folds): which of them follow a marker.
    std::vector<bool> marked(m_folds.size(), false);
    const auto gap_after = [&](std::size_t left) {  // the text between token `left` and the next
      return m_text.substr(m_tokens[left].end(), m_tokens[left + 1].offset - m_tokens[left].end());
    };
    const auto spaced = [&](std::size_t left) { return only_spaces(gap_after(left)); };
    const auto is_word = [&](std::size_t k) { return m_tokens[k].kind == TokenKind::kWord; };
    for (std::size_t k = 0; k + 1 < m_tokens.size(); ++k) {
      // A number counts what follows it ("1300 Fälle", "30 Prozent").
      if (m_tokens[k].kind != TokenKind::kNumber) {
        if (!is_german_noun_marker(case_fold(m_tokens[k].text))) continue;
        // After a comma, "der", "die" and "das" are mostly relative pronouns ("Tönnies, die Laschet ...");
        // after a particle, part of a name ("von der Leyen").
        if (k > 0 && (gap_after(k - 1).find(',') != std::string_view::npos ||
                      is_name_particle(m_tokens[k - 1].text))) {
          continue;
        }
      }
      std::size_t next = k + 1;
      for (int adjectives = 0; adjectives < 2 && next + 1 < m_tokens.size() && spaced(next - 1) &&
                               is_word(next) && !detail::starts_with_capital(m_tokens[next].text) &&
                               !is_stopword(m_lang, case_fold(m_tokens[next].text));
           ++adjectives) {
        ++next;
      }
      if (!spaced(next - 1) || !is_word(next) || !detail::starts_with_capital(m_tokens[next].text)) continue;
      // A compound's head is its last part: "der Trump-Regierung" names a government, not Trump.
      while (next + 1 < m_tokens.size() && is_word(next + 1) && gap_after(next) == "-") ++next;
      if (const std::uint32_t* id = m_folds.find(case_fold(m_tokens[next].text))) marked[*id] = true;
    }
    for (std::size_t i = 0; i < units.size(); ++i) {
      const std::span<const Unit> unit(&units[i], 1);
      m_common_noun[i] =
          marked[m_unit_fold_ids[i]] && !is_acronym(slice(unit)) && place(key_of(unit)) == nullptr;
    }
  }

  std::string_view unit_fold(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : m_unit_fold_ends[index - 1];
    return std::string_view(m_unit_folds).substr(begin, m_unit_fold_ends[index] - begin);
  }

  // Capitalisation of a sentence's first word carries no information: drop stop words there ("The",
  // "Both") and words the article also writes in lower case ("Later ... later"), and remember that a
  // remaining lone word may still be an ordinary word ("Following").
  std::span<const Unit> trim_sentence_opener(std::span<const Unit> span) {
    if (!span.front().sentence_start) return span;
    while (!span.empty()) {
      const auto unit = static_cast<std::size_t>(span.data() - m_units);
      if (!is_stopword(m_lang, unit_fold(unit)) && !m_written_in_lower_case[m_unit_fold_ids[unit]]) break;
      span = span.subspan(1);
    }
    m_opener = !span.empty() && span.size() == 1 && span.front().sentence_start;
    return span;
  }

  // Dates and times around a name are not part of it: "Thu Mar 31" and "BST LONDON" in a dateline. Only
  // clock words are cut from the end, since a month can end a name ("Theresa May").
  std::span<const Unit> trim_dates_and_times(std::span<const Unit> span) {
    const auto date_or_time = [&](std::span<const Unit> unit) {
      const std::string_view key = key_of(unit);
      return is_calendar_word(key) || is_clock_word(key);
    };
    while (!span.empty() && date_or_time(span.first(1))) span = span.subspan(1);
    while (!span.empty() && is_clock_word(key_of(span.last(1)))) span = span.first(span.size() - 1);
    return span;
  }

  const PlaceHit* place(std::string_view key) const {
    const std::uint32_t* index = m_lex.places.find(key);
    return index != nullptr ? &m_lex.place_hits[*index] : nullptr;
  }

  std::optional<std::pair<std::size_t, PlaceHit>> match_place(std::span<const Unit> span) {
    for (std::size_t length = std::min(span.size(), m_lex.longest_place); length > 0; --length) {
      std::string_view key = key_of(span.first(length));
      const PlaceHit* hit = place(key);
      // Plural demonyms ("Americans", "North Koreans") name the place's people.
      if (hit == nullptr && key.size() > 1 && key.back() == 's') {
        key.remove_suffix(1);
        hit = place(key);
        if (hit != nullptr && !hit->demonym) hit = nullptr;
      }
      if (hit != nullptr) return std::make_pair(length, *hit);
    }
    return std::nullopt;
  }

  // The first title in `span` that has a name after it, as (start, length). A title word ending the
  // span is part of a name instead ("Martin Luther King").
  std::optional<std::pair<std::size_t, std::size_t>> find_title(std::span<const Unit> span) {
    for (std::size_t start = 0; start + 1 < span.size(); ++start) {
      const std::size_t length = match_title(span.subspan(start));
      if (length > 0 && start + length < span.size()) return std::make_pair(start, length);
    }
    return std::nullopt;
  }

  std::size_t match_title(std::span<const Unit> span) {
    for (std::size_t length = std::min(span.size(), m_lex.longest_title); length > 0; --length) {
      if (m_lex.titles.contains(key_of(span.first(length)))) return length;
    }
    // German compounds make titles without end ("Fraktionschef", "Spitzenkandidatin").
    if (m_nouns_capitalised && is_german_title(key_of(span.first(1)))) return 1;
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
    const std::string_view before = neighbour_word(span, true, m_before);
    // A name in a prepositional phrase is not the subject of the verb after it: "officials in Kandahar
    // said", "fishermen at Lorient and Brest said". Nor is it a place's neighbour in a list: "near Brest
    // and Quimper" puts Quimper near something too.
    const std::string_view governing = governing_word(span, before);
    const bool in_phrase = is_preposition(governing);
    if (person_cue || m_lex.roles.contains(before)) {
      add(span, EntityKind::kPerson);
      return;
    }
    // An acronym that speaks is a body, not a person: "BP said", "NATO told".
    if (span.size() == 1 && is_acronym(first_word)) {
      add(span, EntityKind::kOrganisation);  // "MSNBC", "NATO"
      return;
    }
    if (!in_phrase && is_speech_verb(neighbour_word(span, false, m_after))) {
      add(span, EntityKind::kPerson);
      return;
    }
    if (span.size() == 1 && (governing == "in" || governing == "near")) {
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
    const std::string_view span_key = key_of(span);
    mention.words = word_count(span_key);
    if (canonical.empty()) {
      mention.surface = slice(span);
      mention.key = span_key;
      fold_romanisation(mention.key);  // now entity_key(surface)
    } else {
      mention.surface = std::move(canonical);
      mention.key = entity_key(mention.surface);
    }
    mention.kind = kind;
    mention.offset = span.front().begin;
    const bool lone_word = span.size() == 1 && kind != EntityKind::kPlace && !is_acronym(slice(span));
    mention.uncertain = lone_word && m_opener && span.front().sentence_start;
    mention.lone_in_noun_language = lone_word && m_nouns_capitalised;
    m_opener = false;
    m_mentions.push_back(std::move(mention));
  }

  std::string_view m_text;
  std::span<const Token> m_tokens;
  std::string_view m_lang;
  const Lexicon& m_lex;
  std::vector<std::size_t> m_lower_case_words;  // the words without a capital, by token index (build)
  // find_lower_case_forms' results: the units' case-folded forms as ids (into m_folds, the caller's
  // table), and per id whether the text has it as a lower-case word.
  detail::WordMap<std::uint32_t>& m_folds;
  std::vector<std::uint32_t> m_unit_fold_ids;
  std::vector<bool> m_written_in_lower_case;
  std::vector<Mention> m_mentions;
  std::string m_key;     // key_of's buffer
  std::string m_governing;  // governing_word's buffer
  std::string m_before;  // neighbour_word's buffers
  std::string m_after;
  // index_units' results: the units' keys back to back and where each ends (ASCII text only, see
  // m_ascii), and likewise their case-folded texts.
  const Unit* m_units = nullptr;
  bool m_ascii = false;
  std::string m_unit_keys;
  std::vector<std::size_t> m_unit_key_ends;
  std::string m_unit_folds;
  std::vector<std::size_t> m_unit_fold_ends;
  bool m_opener = false;
  // find_common_nouns' results.
  bool m_nouns_capitalised = false;
  std::vector<bool> m_common_noun;  // by unit
};

// ---------------------------------------------------------------------------------------------------
// Resolution: short forms join the full name they abbreviate, then mentions group into entities.

// "Pompeo" shortens "Mike Pompeo" (surname), "Kim" shortens "Kim Jong-un" (family name first): the
// short key's words are the first or the last words of the full key, which has more words. Keys are
// words joined by single spaces, so that is the full key starting (or ending) with the short key where
// a space follows (or precedes) it; no splitting into words is needed.
bool shortens(std::string_view short_key, std::string_view full_key) {
  if (full_key.size() <= short_key.size()) return false;
  const std::size_t rest = full_key.size() - short_key.size();
  return (full_key.starts_with(short_key) && full_key[short_key.size()] == ' ') ||
         (full_key.ends_with(short_key) && full_key[rest - 1] == ' ');
}

// A short form refers to the nearest full name mentioned before it (journalists introduce a person in
// full, then shorten); failing that, to the first one mentioned after it.
// A short form ("Pompeo", "the North") becomes the mention of its full name, kind included.
void take_full_form(Mention& mention, const Mention& full) {
  mention.key = full.key;
  mention.surface = full.surface;
  mention.kind = full.kind;
  mention.words = full.words;
  mention.uncertain = false;
  mention.lone_in_noun_language = false;
}

void resolve_short_forms(std::vector<Mention>& mentions) {
  // Only people are full forms. The searches walk lists of them rather than every mention (a long article
  // has thousands, mostly places and organisations): before i, mentions as resolved so far; after i,
  // mentions as found, since those are not resolved yet.
  std::vector<std::size_t> people_before;
  std::vector<std::size_t> people_after;
  for (std::size_t j = 0; j < mentions.size(); ++j) {
    if (mentions[j].kind == EntityKind::kPerson) people_after.push_back(j);
  }
  std::size_t first_after = 0;  // into people_after: the first index greater than i
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    while (first_after < people_after.size() && people_after[first_after] <= i) ++first_after;
    Mention& mention = mentions[i];
    if (mention.kind == EntityKind::kPerson || mention.kind == EntityKind::kOther) {
      const Mention* target = nullptr;
      for (auto j = people_before.rbegin(); j != people_before.rend(); ++j) {
        if (shortens(mention.key, mentions[*j].key)) {
          target = &mentions[*j];
          break;
        }
      }
      for (std::size_t k = first_after; target == nullptr && k < people_after.size(); ++k) {
        if (shortens(mention.key, mentions[people_after[k]].key)) target = &mentions[people_after[k]];
      }
      if (target != nullptr) take_full_form(mention, *target);
    }
    if (mention.kind == EntityKind::kPerson) people_before.push_back(i);
  }
}

// "The North" after "North Korea", "the South" after "South Sudan": a lone compass word is the short
// form of the one place the text names with it. With two such places ("North Korea", "North Dakota")
// it stays as it is.
void resolve_compass_short_forms(std::vector<Mention>& mentions) {
  static constexpr std::array<std::string_view, 4> kCompass = {"north", "south", "east", "west"};
  for (std::string_view word : kCompass) {
    const Mention* place = nullptr;
    bool ambiguous = false;
    for (const Mention& mention : mentions) {
      if (mention.kind != EntityKind::kPlace || mention.key.size() <= word.size() ||
          !mention.key.starts_with(word) || mention.key[word.size()] != ' ') {
        continue;
      }
      if (place != nullptr && place->key != mention.key) ambiguous = true;
      place = &mention;
    }
    if (place == nullptr || ambiguous) continue;
    // Any kind: "the North said" reads as a speaker, and a person North ("Oliver North") has had the
    // lone word resolved to the full name already. `place` itself is never rewritten (its key is longer).
    for (Mention& mention : mentions) {
      if (mention.key == word) take_full_form(mention, *place);
    }
  }
}

std::vector<Entity> group(const std::vector<Mention>& mentions) {
  std::vector<Entity> entities;
  detail::WordMap<std::uint32_t> index;
  std::vector<std::array<std::size_t, 4>> kind_votes;
  std::vector<std::size_t> name_words;
  std::unordered_map<std::string_view, std::uint32_t> lone_counts;  // of lone_in_noun_language mentions
  for (const Mention& mention : mentions) {
    if (mention.lone_in_noun_language) ++lone_counts[mention.key];
  }
  for (const Mention& mention : mentions) {
    if (mention.uncertain) continue;
    if (mention.lone_in_noun_language && lone_counts[mention.key] < 2) continue;
    const std::uint32_t* known = index.find(mention.key);
    const std::size_t e = known != nullptr ? *known : entities.size();
    if (known == nullptr) {
      index.insert(mention.key, static_cast<std::uint32_t>(e));
      entities.push_back({mention.key, mention.surface, mention.kind, 0, mention.offset});
      kind_votes.push_back({});
      name_words.push_back(mention.words);
    }
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
  // Sorted by index, then moved into place once, rather than moving entities (two strings each) around.
  std::vector<std::uint32_t> order(entities.size());
  for (std::uint32_t e = 0; e < order.size(); ++e) order[e] = e;
  std::stable_sort(order.begin(), order.end(), [&entities](std::uint32_t a, std::uint32_t b) {
    return entities[a].mentions != entities[b].mentions ? entities[a].mentions > entities[b].mentions
                                                        : entities[a].first_offset < entities[b].first_offset;
  });
  std::vector<Entity> sorted;
  sorted.reserve(entities.size());
  for (const std::uint32_t e : order) sorted.push_back(std::move(entities[e]));
  return sorted;
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
  std::string key = plain_key(name);
  fold_romanisation(key);
  return key;
}

std::vector<Entity> find_entities(std::string_view text, std::span<const Token> tokens, std::string_view lang) {
  // One table per thread, reused: a fresh one per article costs an allocation each time.
  thread_local detail::WordMap<std::uint32_t> folds;
  std::vector<Mention> mentions = MentionFinder(text, tokens, lang, folds).find();
  resolve_short_forms(mentions);
  resolve_compass_short_forms(mentions);
  return group(mentions);
}

}  // namespace storyline
