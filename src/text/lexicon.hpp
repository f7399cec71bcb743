// Private word lists behind entity recognition and stop-word removal. The tables are compiled into the
// library (no data files to install or lose); each lives in its own src/text/lexicon/*.cpp.
#pragma once

#include <span>
#include <string_view>

namespace storyline::detail {

struct NamedPlace {
  std::string_view surface;    // as written in news text, case-sensitive: "North Korea", "U.S.", "Pyongyang"
  std::string_view canonical;  // the one name all variants map to: "United States" for "U.S."
};

// Countries (with common short forms and abbreviations), capitals and major cities of the world,
// US states, continents and well-known regions.
[[nodiscard]] std::span<const NamedPlace> place_names() noexcept;

// Adjectives of nationality or origin, mapped to their place: "North Korean" -> "North Korea",
// "American" -> "United States", "Parisian" -> "Paris".
[[nodiscard]] std::span<const NamedPlace> demonyms() noexcept;

// Capitalised titles written before a person's name, longest forms included: "Secretary of State",
// "Prime Minister", "President", "Mr", "Dr", "Sen", "Gen". Without trailing dots.
[[nodiscard]] std::span<const std::string_view> person_titles() noexcept;

// Lower-case role nouns that, right before a capitalised name, mark it as a person: "leader",
// "president", "spokesman", "actor", "singer", "coach".
[[nodiscard]] std::span<const std::string_view> person_roles() noexcept;

// Case-folded ends of German compound titles: "chef" (Fraktionschef), "kandidat" (Spitzenkandidat),
// "ministerin" (Außenministerin).
[[nodiscard]] std::span<const std::string_view> german_title_heads() noexcept;

// Capitalised words that make a name an organisation when they end (or start) it: "Ministry", "Party",
// "News", "Inc", "University", "Council", "Agency", "Bank".
[[nodiscard]] std::span<const std::string_view> organisation_words() noexcept;

// Capitalised words that make a name a place when they end it: "Peninsula", "River", "Province",
// "Island", "Sea", "County", "Valley", "Street".
[[nodiscard]] std::span<const std::string_view> place_words() noexcept;

// Capitalised words of datelines and timestamps that are never names: time zones ("GMT", "EDT") and
// weekday abbreviations ("Thu").
[[nodiscard]] std::span<const std::string_view> clock_words() noexcept;

// German words that introduce a noun phrase, case-folded: articles ("der", "einem"), determiners
// ("diese", "alle"), possessives ("seine") and preposition-article contractions ("im", "zur").
[[nodiscard]] std::span<const std::string_view> german_noun_markers() noexcept;

// Stop words of a language given by ISO 639-1 code, case-folded. Empty for languages without a list.
[[nodiscard]] std::span<const std::string_view> stopwords(std::string_view lang) noexcept;

}  // namespace storyline::detail
