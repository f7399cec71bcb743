#include "text/lexicon.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/flat_table.hpp"

namespace storyline::detail {
namespace {

constexpr std::string_view kLanguages[] = {"en", "de", "fr", "es", "it", "pt",
                                           "nl", "sv", "da", "no", "fi", "ru"};

std::optional<std::string_view> canonical_in(std::span<const NamedPlace> table, std::string_view surface) {
  for (const NamedPlace& entry : table) {
    if (entry.surface == surface) return entry.canonical;
  }
  return std::nullopt;
}

bool contains(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::vector<std::string_view> duplicates(const std::vector<std::string_view>& words) {
  std::set<std::string_view> seen;
  std::vector<std::string_view> repeated;
  for (std::string_view word : words) {
    if (!seen.insert(word).second) repeated.push_back(word);
  }
  return repeated;
}

std::vector<std::string_view> surfaces(std::span<const NamedPlace> table) {
  std::vector<std::string_view> out;
  for (const NamedPlace& entry : table) out.push_back(entry.surface);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Non-empty, no surrounding white space, no doubled space, no trailing dot.
::testing::AssertionResult well_formed(std::string_view word) {
  if (word.empty()) return ::testing::AssertionFailure() << "empty entry";
  if (is_space(word.front()) || is_space(word.back()) || word.find("  ") != std::string_view::npos) {
    return ::testing::AssertionFailure() << "stray space in \"" << word << '"';
  }
  if (word.back() == '.') return ::testing::AssertionFailure() << "trailing dot in \"" << word << '"';
  return ::testing::AssertionSuccess();
}

// "U.S.", "U.A.E.": single letters each followed by a dot. The only surfaces allowed to end in a dot.
bool is_dotted_abbreviation(std::string_view word) {
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
  }
  return true;
}

// Decodes UTF-8; nullopt when malformed. Enough for the lists under test, not a general decoder.
std::optional<std::vector<char32_t>> decode_utf8(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<std::uint8_t>(text[i]);
    std::size_t length = 0;
    char32_t code = 0;
    if (lead < 0x80) {
      length = 1;
      code = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      code = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      code = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      code = lead & 0x07U;
    } else {
      return std::nullopt;
    }
    if (i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<std::uint8_t>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) return std::nullopt;
      code = (code << 6U) | (next & 0x3FU);
    }
    out.push_back(code);
    i += length;
  }
  return out;
}

// Upper-case letters of the scripts our stop-word languages use: ASCII, Latin-1, Cyrillic.
bool is_upper(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x400 && c <= 0x42F);
}

TEST(LexiconPlaces, TableIsLargeAndWellFormed) {
  const auto places = place_names();
  EXPECT_GT(places.size(), 800U);
  for (const NamedPlace& entry : places) {
    if (is_dotted_abbreviation(entry.surface)) continue;
    EXPECT_TRUE(well_formed(entry.surface));
    EXPECT_TRUE(well_formed(entry.canonical));
  }
}

TEST(LexiconPlaces, SurfacesAreUnique) {
  EXPECT_EQ(duplicates(surfaces(place_names())), std::vector<std::string_view>{});
}

TEST(LexiconPlaces, EveryCanonicalNameIsItsOwnEntry) {
  const auto places = place_names();
  for (const NamedPlace& entry : places) {
    EXPECT_EQ(canonical_in(places, entry.canonical), entry.canonical) << "for " << entry.surface;
  }
}

TEST(LexiconPlaces, SpotChecks) {
  const auto places = place_names();
  for (std::string_view name :
       {"North Korea",    "South Korea",    "Pyongyang",      "Seoul",       "Singapore", "Washington",
        "United States",  "United Kingdom", "Kyiv",           "Gaza Strip",  "West Bank", "Korean Peninsula",
        "Gulf of Mexico", "Asia-Pacific",   "Port-au-Prince", "New Orleans", "Benghazi",  "Aleppo",
        "Texas",          "Ontario",        "Europe"}) {
    EXPECT_EQ(canonical_in(places, name), name);
  }
  EXPECT_EQ(canonical_in(places, "U.S."), "United States");
  EXPECT_EQ(canonical_in(places, "US"), "United States");
  EXPECT_EQ(canonical_in(places, "USA"), "United States");
  EXPECT_EQ(canonical_in(places, "UK"), "United Kingdom");
  EXPECT_EQ(canonical_in(places, "Britain"), "United Kingdom");
  EXPECT_EQ(canonical_in(places, "Great Britain"), "United Kingdom");
  EXPECT_EQ(canonical_in(places, "DPRK"), "North Korea");
  EXPECT_EQ(canonical_in(places, "Kiev"), "Kyiv");
  EXPECT_EQ(canonical_in(places, "Burma"), "Myanmar");
  EXPECT_FALSE(canonical_in(places, "America").has_value());  // the continent or the country
}

// A sample across regions of the countries and capitals the table must hold, small states included.
TEST(LexiconPlaces, CountriesAndCapitalsAcrossRegions) {
  const auto places = place_names();
  for (std::string_view name :
       {"Syria",   "Damascus", "Libya",        "Tripoli",     "Egypt",    "Cairo",     "Iraq",
        "Baghdad", "Haiti",    "Vietnam",      "Hanoi",       "China",    "Beijing",   "Japan",
        "Tokyo",   "Russia",   "Moscow",       "Iran",        "Tehran",   "Tuvalu",    "Funafuti",
        "Bhutan",  "Thimphu",  "Burkina Faso", "Ouagadougou", "Suriname", "Paramaribo"}) {
    EXPECT_TRUE(canonical_in(places, name).has_value()) << name;
  }
}

TEST(LexiconDemonyms, SurfacesAreUniqueAndWellFormed) {
  const auto table = demonyms();
  EXPECT_GT(table.size(), 250U);
  EXPECT_EQ(duplicates(surfaces(table)), std::vector<std::string_view>{});
  for (const NamedPlace& entry : table) {
    EXPECT_TRUE(well_formed(entry.surface));
    EXPECT_TRUE(entry.surface.front() >= 'A' && entry.surface.front() <= 'Z') << entry.surface;
  }
}

TEST(LexiconDemonyms, EveryCanonicalIsAPlace) {
  const auto places = place_names();
  for (const NamedPlace& entry : demonyms()) {
    const auto canonical = canonical_in(places, entry.canonical);
    EXPECT_EQ(canonical, entry.canonical) << entry.surface << " -> " << entry.canonical;
  }
}

// A capitalised word is either a place or an adjective of one, never both.
TEST(LexiconDemonyms, DoNotOverlapPlaceNames) {
  const auto places = place_names();
  for (const NamedPlace& entry : demonyms()) {
    EXPECT_FALSE(canonical_in(places, entry.surface).has_value()) << entry.surface;
  }
}

TEST(LexiconDemonyms, SpotChecks) {
  const auto table = demonyms();
  EXPECT_EQ(canonical_in(table, "North Korean"), "North Korea");
  EXPECT_EQ(canonical_in(table, "South Korean"), "South Korea");
  EXPECT_EQ(canonical_in(table, "American"), "United States");
  EXPECT_EQ(canonical_in(table, "British"), "United Kingdom");
  EXPECT_EQ(canonical_in(table, "Syrian"), "Syria");
  EXPECT_EQ(canonical_in(table, "Haitian"), "Haiti");
  EXPECT_EQ(canonical_in(table, "European"), "Europe");
  EXPECT_EQ(canonical_in(table, "Parisian"), "Paris");
}

struct CueList {
  const char* name;
  std::span<const std::string_view> words;
  std::size_t at_least;
};

std::vector<CueList> cue_lists() {
  return {{"person_titles", person_titles(), 100},
          {"person_roles", person_roles(), 120},
          {"organisation_words", organisation_words(), 120},
          {"place_words", place_words(), 50}};
}

TEST(LexiconNameCues, ListsAreUniqueAndWellFormed) {
  for (const CueList& list : cue_lists()) {
    SCOPED_TRACE(list.name);
    EXPECT_GE(list.words.size(), list.at_least);
    EXPECT_EQ(duplicates({list.words.begin(), list.words.end()}), std::vector<std::string_view>{});
    for (std::string_view word : list.words) EXPECT_TRUE(well_formed(word));
  }
}

TEST(LexiconNameCues, CapitalisationMatchesTheList) {
  for (std::string_view title : person_titles()) EXPECT_TRUE(title.front() >= 'A' && title.front() <= 'Z');
  for (std::string_view word : organisation_words()) EXPECT_TRUE(word.front() >= 'A' && word.front() <= 'Z');
  for (std::string_view word : place_words()) EXPECT_TRUE(word.front() >= 'A' && word.front() <= 'Z');
  for (std::string_view role : person_roles()) {
    EXPECT_EQ(role.find(' '), std::string_view::npos) << "roles are single words: " << role;
    EXPECT_TRUE(std::none_of(role.begin(), role.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) << role;
  }
}

TEST(LexiconNameCues, SpotChecks) {
  for (std::string_view title :
       {"Secretary of State", "Prime Minister", "President", "Mr", "Dr", "Sen", "Gen"}) {
    EXPECT_TRUE(contains(person_titles(), title)) << title;
  }
  for (std::string_view role : {"leader", "spokesman", "actor", "singer", "coach"}) {
    EXPECT_TRUE(contains(person_roles(), role)) << role;
  }
  for (std::string_view word : {"Ministry", "Party", "News", "Inc", "University", "Bank"}) {
    EXPECT_TRUE(contains(organisation_words(), word)) << word;
  }
  for (std::string_view word : {"Peninsula", "River", "Province", "Island", "Strip"}) {
    EXPECT_TRUE(contains(place_words(), word)) << word;
  }
  // Ambiguous words stay out: "Secretary of State", "West Bank", "Manchester United".
  EXPECT_FALSE(contains(place_words(), "State"));
  EXPECT_FALSE(contains(place_words(), "Bank"));
  EXPECT_FALSE(contains(organisation_words(), "United"));
}

TEST(LexiconStopwords, EveryLanguageHasAWellFormedCaseFoldedList) {
  for (std::string_view lang : kLanguages) {
    SCOPED_TRACE(std::string(lang));
    const auto words = stopwords(lang);
    EXPECT_GE(words.size(), 100U);
    EXPECT_LE(words.size(), 240U);
    EXPECT_EQ(duplicates({words.begin(), words.end()}), std::vector<std::string_view>{});
    for (std::string_view word : words) {
      EXPECT_TRUE(well_formed(word));
      EXPECT_EQ(word.find(' '), std::string_view::npos) << word;
      const auto code_points = decode_utf8(word);
      ASSERT_TRUE(code_points.has_value()) << "invalid UTF-8: " << word;
      EXPECT_TRUE(std::none_of(code_points->begin(), code_points->end(), is_upper)) << word;
      EXPECT_EQ(word.find("\xC3\x9F"), std::string_view::npos) << "ß folds to ss: " << word;
    }
  }
}

TEST(LexiconStopwords, SpotChecks) {
  EXPECT_TRUE(contains(stopwords("en"), "the"));
  EXPECT_TRUE(contains(stopwords("en"), "don't"));
  EXPECT_FALSE(contains(stopwords("en"), "said"));  // reporting verbs are the analyser's business
  EXPECT_TRUE(contains(stopwords("de"), "der"));
  EXPECT_TRUE(contains(stopwords("fr"), "le"));
  EXPECT_TRUE(contains(stopwords("es"), "el"));
  EXPECT_TRUE(contains(stopwords("ru"), "и"));
}

TEST(LexiconStopwords, UnknownLanguageIsEmpty) {
  EXPECT_TRUE(stopwords("xx").empty());
  EXPECT_TRUE(stopwords("").empty());
  EXPECT_TRUE(stopwords("EN").empty());  // codes are lower-case ISO 639-1
}

// --- WordMap: the flat table the word lists are looked up in ---------------------------------------

TEST(WordMap, KeepsShortAndLongKeysApart) {
  WordMap<std::uint32_t> map;
  // Keys of up to eight bytes live in the slot; "a" and "aaa" pack alike and differ only by length, as
  // do "ab" and "abb", and "a" and "a\0".
  const std::vector<std::string> keys = {"",
                                         "a",
                                         "aaa",
                                         "ab",
                                         "abb",
                                         "a" + std::string(1, '\0'),
                                         "abcdefgh",
                                         "abcdefghi",
                                         "abcdefghij",
                                         std::string(100, 'x'),
                                         std::string(101, 'x'),
                                         "r\u00e9sum\u00e9",
                                         "ABCDEFGH"};
  for (std::uint32_t i = 0; i < keys.size(); ++i) EXPECT_TRUE(map.insert_if_absent(keys[i], i)) << keys[i];
  EXPECT_EQ(map.size(), keys.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    const std::uint32_t* value = map.find(keys[i]);
    ASSERT_NE(value, nullptr) << keys[i];
    EXPECT_EQ(*value, i) << keys[i];
  }
  for (const char* absent : {"b", "aa", "abcdefg", "abcdefghijk", "abcdefgh "})
    EXPECT_FALSE(map.contains(absent));
  EXPECT_FALSE(map.insert_if_absent("ab", 99));  // a present key keeps its value
  EXPECT_EQ(*map.find("ab"), 3u);
}

TEST(WordMap, AgreesWithAStandardMapThroughGrowthAndClearing) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> length(0, 20);
  std::uniform_int_distribution<int> letter('a', 'e');  // a small alphabet, so that many keys repeat
  WordMap<std::uint32_t> map;
  std::unordered_map<std::string, std::uint32_t> reference;
  for (int round = 0; round < 3; ++round) {
    for (std::uint32_t i = 0; i < 20000; ++i) {
      std::string key(static_cast<std::size_t>(length(random)), ' ');
      for (char& c : key) c = static_cast<char>(letter(random));
      const bool added = reference.emplace(key, i).second;
      EXPECT_EQ(map.insert_if_absent(key, i), added) << key;
    }
    ASSERT_EQ(map.size(), reference.size());
    for (const auto& [key, value] : reference) {
      const std::uint32_t* found = map.find(key);
      ASSERT_NE(found, nullptr) << key;
      EXPECT_EQ(*found, value) << key;
      const std::uint64_t hash = hash_word(key);
      map.prefetch(hash);
      EXPECT_EQ(map.find(key, hash), found);
    }
    if (round == 1) {
      map.clear_for(10);  // much smaller than before: the table gives its memory back
    } else {
      map.clear();
    }
    reference.clear();
    EXPECT_EQ(map.size(), 0u);
    EXPECT_FALSE(map.contains("a"));
  }
}

TEST(WordMap, LongKeysAreCopied) {
  WordMap<bool> map;
  std::string key = "temporarily-long-key";
  map.insert(key, true);
  key.assign(key.size(), '?');  // the caller's bytes change; the table's copy must not
  EXPECT_TRUE(map.contains("temporarily-long-key"));
  EXPECT_FALSE(map.contains(key));
}

TEST(StringArena, ViewsSurviveLaterStores) {
  StringArena arena;
  std::vector<std::pair<std::string, std::string_view>> stored;
  for (int i = 0; i < 5000; ++i) {
    std::string text(static_cast<std::size_t>(i % 300), static_cast<char>('a' + i % 26));
    stored.emplace_back(text, arena.store(text));
  }
  const std::string huge(200000, 'z');  // larger than a block
  const std::string_view huge_view = arena.store(huge);
  for (const auto& [text, view] : stored) EXPECT_EQ(view, text);
  EXPECT_EQ(huge_view, huge);
  const char* record = arena.store_with_length("length-prefixed");
  EXPECT_EQ(StringArena::read_with_length(record), "length-prefixed");
  arena.clear();
  EXPECT_EQ(arena.store("after clear"), "after clear");
}

}  // namespace
}  // namespace storyline::detail
