#include "storyline/text/entities.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

std::vector<Entity> entities_of(std::string_view text, std::string_view lang = "en") {
  auto tokenizer = Tokenizer::create();
  EXPECT_TRUE(tokenizer);
  std::vector<Token> tokens;
  tokenizer->tokenize(text, tokens);
  return find_entities(text, tokens, lang);
}

const Entity* find(const std::vector<Entity>& entities, std::string_view name) {
  for (const Entity& entity : entities) {
    if (entity.name == name) return &entity;
  }
  return nullptr;
}

::testing::AssertionResult has(const std::vector<Entity>& entities, std::string_view name, EntityKind kind) {
  const Entity* entity = find(entities, name);
  if (entity == nullptr) return ::testing::AssertionFailure() << "no entity named '" << name << "'";
  if (entity->kind != kind) {
    return ::testing::AssertionFailure() << name << " is a " << entity_kind_name(entity->kind) << ", expected "
                                         << entity_kind_name(kind);
  }
  return ::testing::AssertionSuccess();
}

// No entity's name holds any of `parts` (at `position` only, when given: 0 for "starts with").
::testing::AssertionResult no_name_holds(const std::vector<Entity>& entities,
                                         std::initializer_list<std::string_view> parts,
                                         std::optional<std::size_t> position = std::nullopt) {
  for (const Entity& entity : entities) {
    for (const std::string_view part : parts) {
      const std::size_t at = entity.name.find(part);
      if (at != std::string::npos && (!position || at == *position)) {
        return ::testing::AssertionFailure() << "'" << entity.name << "' holds '" << part << "'";
      }
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(EntityKey, CollapsesSpellingVariants) {
  EXPECT_EQ(entity_key("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(entity_key("Kim Jong Un"), "kim jong un");
  EXPECT_EQ(entity_key("KIM JONG-UN"), "kim jong un");
  EXPECT_EQ(entity_key("U.S."), "u s");
}

TEST(EntityKey, FoldsRomanisationsOfOneName) {
  for (const char* spelling : {"Gaddafi", "Gadhafi", "Gadafi", "Gaddhafi"})
    EXPECT_EQ(entity_key(spelling), "gadafi");
  for (const char* spelling : {"Qaddafi", "Kadhafi", "Khadafy", "Qadhafi"})
    EXPECT_EQ(entity_key(spelling), "kadafi");
  EXPECT_EQ(entity_key("Moussa Koussa"), entity_key("Musa Kusa"));
  EXPECT_EQ(entity_key("Misratah"), entity_key("Misrata"));
  EXPECT_EQ(entity_key("Bashar al-Assad"), entity_key("Bashar al-Asad"));
}

TEST(EntityKey, KeepsDigitsAndDistinctNamesApart) {
  EXPECT_EQ(entity_key("Boeing 777"), "boeing 777");
  EXPECT_NE(entity_key("Kim"), entity_key("Tim"));
  EXPECT_NE(entity_key("Youssef"), entity_key("Yusuf"));  // vowels other than "ou" are not folded
}

TEST(FindEntities, TwoRomanisationsOfANameAreOneEntity) {
  const auto entities =
      entities_of("Muammar Gaddafi spoke on Tuesday. Rebels said Gadhafi had fled the city.");
  EXPECT_EQ(
      std::ranges::count_if(entities, [](const Entity& e) { return e.key == entity_key("Muammar Gaddafi"); }),
      1);
  EXPECT_EQ(std::ranges::count_if(entities, [](const Entity& e) { return e.kind == EntityKind::kPerson; }),
            1);
}

TEST(FindEntities, StripsTitlesFromPeople) {
  const auto entities = entities_of("Secretary of State Mike Pompeo arrived on Monday.");
  EXPECT_TRUE(has(entities, "Mike Pompeo", EntityKind::kPerson));
  EXPECT_EQ(find(entities, "Secretary of State Mike Pompeo"), nullptr);
}

TEST(FindEntities, TreatsWordsBeforeATitleAsPartOfIt) {
  const auto entities = entities_of("On Monday Norwegian Fisheries Minister Ola Brekke spoke. Martin Luther King was quoted.");
  EXPECT_TRUE(has(entities, "Ola Brekke", EntityKind::kPerson));
  EXPECT_TRUE(has(entities, "Norway", EntityKind::kPlace));
  EXPECT_TRUE(has(entities, "Martin Luther King", EntityKind::kPerson));
}

TEST(FindEntities, SplitsPlaceAdjectivesFromTitledNames) {
  const auto entities = entities_of("The visit was hailed by South Korean President Moon Jae-in on Tuesday.");
  EXPECT_TRUE(has(entities, "Moon Jae-in", EntityKind::kPerson));
  EXPECT_TRUE(has(entities, "South Korea", EntityKind::kPlace));
}

TEST(FindEntities, ResolvesShortFormsToTheFullName) {
  const auto entities = entities_of(
      "US President Donald Trump met North Korean leader Kim Jong-un. Later, Trump said the talks went well "
      "and Kim agreed. Trump left.");
  const Entity* trump = find(entities, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->kind, EntityKind::kPerson);
  EXPECT_EQ(trump->mentions, 3u);
  const Entity* kim = find(entities, "Kim Jong-un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->mentions, 2u);
  EXPECT_EQ(find(entities, "Trump"), nullptr);
  EXPECT_EQ(find(entities, "Kim"), nullptr);
}

TEST(FindEntities, ShortFormPrefersTheNearestEarlierFullName) {
  const auto entities = entities_of(
      "Kim Jong-un met envoys. Kim smiled. His sister Kim Yo Jong spoke, and Kim thanked them.");
  const Entity* leader = find(entities, "Kim Jong-un");
  const Entity* sister = find(entities, "Kim Yo Jong");
  ASSERT_NE(leader, nullptr);
  ASSERT_NE(sister, nullptr);
  EXPECT_EQ(leader->mentions, 2u);
  EXPECT_EQ(sister->mentions, 2u);
}

TEST(FindEntities, MergesHyphenationVariants) {
  const auto entities = entities_of("Talks with Kim Jong-un resumed. Observers said Kim Jong Un was absent.");
  const Entity* kim = find(entities, "Kim Jong-un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->mentions, 2u);
  EXPECT_EQ(kim->key, "kim jong un");
}

TEST(FindEntities, UsesTheGazetteerForPlaces) {
  const auto entities = entities_of("Envoys flew from Washington to Pyongyang via Singapore, then to the U.S. again.");
  EXPECT_TRUE(has(entities, "Washington", EntityKind::kPlace));
  EXPECT_TRUE(has(entities, "Pyongyang", EntityKind::kPlace));
  EXPECT_TRUE(has(entities, "Singapore", EntityKind::kPlace));
  EXPECT_TRUE(has(entities, "United States", EntityKind::kPlace));
}

TEST(FindEntities, MapsNationalityAdjectivesToTheirCountry) {
  const auto entities = entities_of("North Korean officials met in North Korea. The North Koreans left.");
  const Entity* north_korea = find(entities, "North Korea");
  ASSERT_NE(north_korea, nullptr);
  EXPECT_EQ(north_korea->kind, EntityKind::kPlace);
  EXPECT_EQ(north_korea->mentions, 3u);
}

TEST(FindEntities, RecognisesOrganisations) {
  const auto entities =
      entities_of("He told Fox News and MSNBC that the Ministry of Defence agreed, according to The Hill.");
  EXPECT_TRUE(has(entities, "Fox News", EntityKind::kOrganisation));
  EXPECT_TRUE(has(entities, "MSNBC", EntityKind::kOrganisation));
  EXPECT_TRUE(has(entities, "Ministry of Defence", EntityKind::kOrganisation));
  EXPECT_TRUE(has(entities, "The Hill", EntityKind::kOrganisation));
}

TEST(FindEntities, IgnoresCapitalisedSentenceOpenersAndDates) {
  const auto entities = entities_of(
      "Following the impasse, talks resumed. Both sides met on Friday in June. Even so, nothing changed. "
      "In February, I left.");
  EXPECT_TRUE(entities.empty()) << "first: " << (entities.empty() ? "" : entities.front().name);
}

TEST(FindEntities, CutsDatelinesAndTimestampsFromNames) {
  const auto entities = entities_of(
      "LONDON | Thu Mar 31 , 2011 10:13pm BST LONDON ( Reuters ) - Tony Blair spoke at 9 am GMT. "
      "Critics said Theresa May had been warned.");
  EXPECT_TRUE(has(entities, "London", EntityKind::kPlace));
  EXPECT_TRUE(has(entities, "Theresa May", EntityKind::kPerson));
  EXPECT_TRUE(no_name_holds(entities, {"Thu", "Mar", "BST", "GMT"}));
}

TEST(FindEntities, DropsSentenceOpenersTheTextAlsoWritesInLowerCase) {
  const auto entities = entities_of("The envoys arrived. Later Kim Yo Jong spoke. Talks resumed later.");
  EXPECT_TRUE(has(entities, "Kim Yo Jong", EntityKind::kPerson));
  EXPECT_EQ(find(entities, "Later Kim Yo Jong"), nullptr);
}

TEST(FindEntities, RoleNounsAndSpeechVerbsMarkPeople) {
  const auto entities = entities_of("The talks, said spokesman Ned Price, went well. Analysts agreed, Zelda Okafor said.");
  EXPECT_TRUE(has(entities, "Ned Price", EntityKind::kPerson));
  EXPECT_TRUE(has(entities, "Zelda Okafor", EntityKind::kPerson));
}

TEST(FindEntities, SpanishAndFrenchSpeechVerbsMarkPeople) {
  // Invented surnames alone, with no other cue: only the verb after each can tell (a lone capitalised word
  // is otherwise no person).
  EXPECT_TRUE(has(entities_of("En el puerto, Quiroga dijo que el puente estaba cerrado.", "es"), "Quiroga",
                  EntityKind::kPerson));
  EXPECT_TRUE(has(entities_of("Au port, Aubrac estime que le pont restera fermé.", "fr"), "Aubrac",
                  EntityKind::kPerson));
  EXPECT_FALSE(
      has(entities_of("En el puerto, Quiroga cerró el puente.", "es"), "Quiroga", EntityKind::kPerson));
}

TEST(FindEntities, AnAcronymThatSpeaksIsAnOrganisation) {
  const auto entities =
      entities_of("The well leaked for weeks, KVZ said. Chairman Ned Price told reporters of KVZ.");
  EXPECT_TRUE(has(entities, "KVZ", EntityKind::kOrganisation));
  EXPECT_FALSE(has(entities, "KVZ", EntityKind::kPerson));
  EXPECT_TRUE(has(entities, "Ned Price", EntityKind::kPerson));
}

TEST(FindEntities, ANameInAPrepositionalPhraseIsNotTheSpeaker) {
  // Invented towns, so that the gazetteer cannot tell: only the words around them can.
  const auto entities = entities_of(
      "Officials in Varnholm said the bridge was closed. Fishermen at Kestrow and Ellisport said boats sank. "
      "The mayor of Dunmere said repairs would start.");
  EXPECT_FALSE(has(entities, "Varnholm", EntityKind::kPerson));
  EXPECT_FALSE(has(entities, "Ellisport", EntityKind::kPerson));
  EXPECT_FALSE(has(entities, "Dunmere", EntityKind::kPerson));
  EXPECT_TRUE(has(entities, "Varnholm", EntityKind::kPlace));
}

TEST(FindEntities, NamesJoinedToAPlaceAfterInOrNearArePlaces) {
  const auto entities =
      entities_of("Power lines fell near Kestrow and Ellisport. Roads flooded in Varnholm or Dunmere.");
  for (const char* town : {"Kestrow", "Ellisport", "Varnholm", "Dunmere"}) {
    EXPECT_TRUE(has(entities, town, EntityKind::kPlace)) << town;
  }
}

TEST(FindEntities, ASpeakerAfterAnotherNameIsStillAPerson) {
  const auto entities = entities_of("After talks with Ned Price, Zelda Okafor said the deal was close.");
  EXPECT_TRUE(has(entities, "Zelda Okafor", EntityKind::kPerson));
}

TEST(FindEntities, ALoneCompassWordIsTheShortFormOfItsPlace) {
  const auto entities =
      entities_of("Talks with North Korea stalled. The North's envoy left, and the North said no.");
  EXPECT_TRUE(has(entities, "North Korea", EntityKind::kPlace));
  EXPECT_EQ(std::ranges::count_if(entities, [](const Entity& e) { return e.name == "North"; }), 0);
  const auto two = entities_of("Envoys from North Korea met officials from North Dakota. The North said no.");
  EXPECT_EQ(std::ranges::count_if(two, [](const Entity& e) { return e.key == "north"; }), 1);
}

TEST(FindEntities, NamedEventsAreNotPeople) {
  const auto entities = entities_of("Homes lost power when Storm Brigid struck.");
  EXPECT_TRUE(has(entities, "Storm Brigid", EntityKind::kOther));
}

TEST(FindEntities, KeepsNamesWithParticles) {
  const auto entities = entities_of("Forces loyal to President Bashar al-Assad shelled the Gulf of Mexico coast.");
  EXPECT_TRUE(has(entities, "Bashar al-Assad", EntityKind::kPerson));
}

TEST(FindEntities, ForJoinsANameOnlyAfterAnOrganisationWord) {
  const auto entities = entities_of(
      "Officials at the Centers for Disease Control met the Secretary for Health Andy Burnham. "
      "Fans watched Wayne Rooney for England.");
  EXPECT_TRUE(has(entities, "Centers for Disease Control", EntityKind::kOrganisation));
  EXPECT_TRUE(has(entities, "Wayne Rooney", EntityKind::kPerson));
  EXPECT_TRUE(no_name_holds(entities, {"for "}, 0));
  EXPECT_TRUE(has(entities, "England", EntityKind::kPlace));
  EXPECT_EQ(find(entities, "Disease Control"), nullptr);
}

TEST(FindEntities, LowerCaseWordsStartingWithAParticleAreNotNames) {
  const auto entities = entities_of("Officials called for de-escalation in la-la land near Bashar al-Assad.");
  EXPECT_EQ(find(entities, "de-escalation"), nullptr);
  EXPECT_EQ(find(entities, "la-la"), nullptr);
  EXPECT_TRUE(has(entities, "Bashar al-Assad", EntityKind::kPerson));
}

TEST(FindEntities, OrdersByMentionsThenFirstAppearance) {
  const auto entities = entities_of("Envoys met in Hanoi and in Seoul. Seoul later hosted more talks.");
  ASSERT_GE(entities.size(), 2u);
  EXPECT_EQ(entities[0].name, "Seoul");
  EXPECT_EQ(entities[1].name, "Hanoi");
}

TEST(FindEntities, SameEntitiesWhetherOrNotTheTextIsAscii) {
  // ASCII text builds a span's key from its units' keys; other text folds the whole span. One accented
  // word at the end must not change anything about the names before it.
  const std::string ascii =
      "Secretary of State Mike Pompeo met U.S. officials and North Korean leader Kim Jong-un's envoys in New "
      "York "
      "City on Friday. Later, Pompeo said the talks with Kim went well. The Democratic Republic of the Congo "
      "sent the Rev. Dr. Martin Luther King Jr. Foundation a note. Americans and North Koreans watched. "
      "Later the envoys left; later still, NATO and the U.N. Security Council met at the O'Hare Hilton. "
      "Storm Brigid hit the Gulf of Mexico, said Gov. Ron DeSantis.";
  const std::string other = ascii + " Caf\u00e9.";
  const auto plain = entities_of(ascii);
  const auto accented = entities_of(other);
  ASSERT_GE(accented.size(), plain.size());
  std::size_t matched = 0;
  for (const Entity& entity : plain) {
    const Entity* twin = find(accented, entity.name);
    ASSERT_NE(twin, nullptr) << entity.name;
    EXPECT_EQ(twin->key, entity.key);
    EXPECT_EQ(twin->kind, entity.kind) << entity.name;
    EXPECT_EQ(twin->mentions, entity.mentions) << entity.name;
    EXPECT_EQ(twin->first_offset, entity.first_offset) << entity.name;
    ++matched;
  }
  EXPECT_GT(matched, 8u);
}

TEST(FindEntities, TrimsOpenersWrittenInLowerCaseInAnyScript) {
  // "Über" opens a sentence and the text also writes "über": it is an ordinary word, not part of a name.
  const auto entities = entities_of("\u00dcber Alles met envoys in Hanoi. Talks went \u00fcber well.");
  EXPECT_EQ(find(entities, "\u00dcber Alles"), nullptr);
  EXPECT_NE(find(entities, "Alles"), nullptr);
  const auto kept = entities_of("\u00dcber Alles met envoys in Hanoi. Talks went well.");
  EXPECT_NE(find(kept, "\u00dcber Alles"), nullptr);
}

// Two spaces are a seam: a headline run into its body, not the inside of a name.
TEST(FindEntities, NamesDoNotJoinAcrossSeveralSpaces) {
  const auto entities = entities_of("River floods homes in Kent  Ellen Price said the water rose overnight.");
  EXPECT_TRUE(has(entities, "Ellen Price", EntityKind::kPerson));
  EXPECT_TRUE(no_name_holds(entities, {"Kent Ellen", "Kent  Ellen"}));
}

TEST(FindEntities, ANameAfterATitleDoesNotStartWithAParticle) {
  const auto entities = entities_of("Fans in Gary mourned the King of Pop for a week.");
  EXPECT_TRUE(no_name_holds(entities, {"of "}, 0));
}

// German capitalises every noun: the capital alone must not make "Hochwasser" or "Brücke" a name.
TEST(FindEntities, GermanNounsAfterAnArticleAreNotNames) {
  const auto entities = entities_of(
      "Das Hochwasser hat in der Nacht eine alte Brücke zerstört. Petra Walther sprach von einem schweren "
      "Schaden. Hochwasser und Brücke beschäftigen nun die Feuerwehr.",
      "de");
  EXPECT_TRUE(has(entities, "Petra Walther", EntityKind::kPerson));
  EXPECT_TRUE(no_name_holds(entities, {"Hochwasser", "Brücke", "Nacht", "Schaden", "Feuerwehr"}));
}

TEST(FindEntities, GermanArticlesDoNotJoinNounsIntoOneName) {
  const auto entities = entities_of(
      "Die Sprecherin der Stadtwerke nannte keine Zahl. Ursula von der Leyen reiste ab.", "de");
  EXPECT_TRUE(no_name_holds(entities, {"Sprecherin", "Stadtwerke"}));
  EXPECT_TRUE(has(entities, "Ursula von der Leyen", EntityKind::kPerson));
}

TEST(FindEntities, GermanLoneWordIsANameOnlyWhenItRecursOrShortensOne) {
  const auto entities = entities_of(
      "Gestern traf Anna Krüger den Vorstand. Danach lobte Krüger den Plan. Auch Brandt kam. "
      "Am Abend sprach Mertens, und Mertens blieb bei seinem Nein.",
      "de");
  const Entity* kruger = find(entities, "Anna Krüger");
  ASSERT_NE(kruger, nullptr);
  EXPECT_EQ(kruger->mentions, 2U);  // the lone "Krüger" shortens her full name
  EXPECT_NE(find(entities, "Mertens"), nullptr);  // alone twice
  EXPECT_TRUE(no_name_holds(entities, {"Brandt", "Nein"}));  // alone once
}

TEST(FindEntities, GermanCompoundHeadsAndCountedNounsAreNouns) {
  // "Corona" opens a compound here; its head, "Ausbruch", is the noun. "Fälle" is counted by a number.
  const auto entities = entities_of(
      "Nach dem Corona-Ausbruch meldete die Stadt 40 Fälle. Ausbruch und Fälle sorgen die NATO nicht. "
      "Ausbruch, Fälle: Corona bleibt Thema, und Corona prägt die Woche.",
      "de");
  EXPECT_TRUE(no_name_holds(entities, {"Ausbruch", "Fälle"}));
  EXPECT_NE(find(entities, "Corona"), nullptr);
  EXPECT_TRUE(has(entities, "NATO", EntityKind::kOrganisation));
}

// German titles are compounds without end ("Fraktionschef", "Spitzenkandidatin") and run into the name.
TEST(FindEntities, GermanTitlesAreNotPartOfTheName) {
  const auto entities = entities_of(
      "Fraktionschef André Trepoll sprach von einer Niederlage. Spitzenkandidatin Marta Weinberg schwieg, "
      "und Landrat Jan Roth war nicht erreichbar. Am Abend sang Schauspielerin Katrin Heß.",
      "de");
  for (const char* name : {"André Trepoll", "Marta Weinberg", "Jan Roth", "Katrin Heß"}) {
    EXPECT_TRUE(has(entities, name, EntityKind::kPerson)) << name;
  }
  EXPECT_TRUE(no_name_holds(entities, {"Fraktionschef", "Spitzenkandidatin", "Landrat", "Schauspielerin"}));
}

TEST(FindEntities, GermanTitleHeadsAreReadInGermanTextOnly) {
  // English names can end like German titles ("Lechef"); only German text is read for compounds.
  const auto entities = entities_of("Yesterday Aline Lechef Morel said the talks would resume.");
  EXPECT_TRUE(has(entities, "Aline Lechef Morel", EntityKind::kPerson));
}

TEST(FindEntities, EnglishLoneWordsStayNamesOutsideGerman) {
  const auto entities = entities_of("Officials met Brandt on Monday.");
  EXPECT_NE(find(entities, "Brandt"), nullptr);
}

TEST(FindEntities, HandlesTextWithoutNames) {
  EXPECT_TRUE(entities_of("").empty());
  EXPECT_TRUE(entities_of("nothing here is capitalised at all").empty());
}

}  // namespace
}  // namespace storyline
