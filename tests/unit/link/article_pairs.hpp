// Short articles written for these tests (a made-up harbour town), one pair per relation: shared by the
// library tests of ArticleComparer and the CLI tests of `storyline similar`.
#pragma once

#include <string>

namespace storyline::testing::pairs {

struct Text {
  const char* id;
  const char* title;
  const char* text;
  const char* published;
};

// The event: a fire at the harbour of Port Ellery.
inline constexpr Text kFire{
    "fire-1", "Fire destroys warehouses at Port Ellery harbour",
    "A fire destroyed three warehouses at the Port Ellery harbour on Sunday night, Mayor Alda Brennan said. "
    "Firefighters from Port Ellery and Dunmore fought the blaze for six hours before it was under control. "
    "No one was hurt, but the warehouses held grain, timber and fishing equipment worth several million "
    "euros. Brennan said the harbour would reopen on Tuesday. The Harbour Authority has opened an inquiry "
    "into the cause of the fire, and police are questioning a night guard.",
    "2021-05-03"};

// A copy of kFire as another outlet ran it: a few words edited.
inline constexpr Text kFireCopy{
    "fire-1-copy", "Fire destroys warehouses at Port Ellery harbour",
    "A fire destroyed three warehouses at the Port Ellery harbour on Sunday evening, Mayor Alda Brennan said. "
    "Firefighters from Port Ellery and Dunmore fought the blaze for seven hours before it was under control. "
    "No one was hurt, but the warehouses held grain, timber and fishing equipment worth several million "
    "euros. Brennan said the harbour would reopen on Wednesday. The Harbour Authority has opened an inquiry "
    "into the cause of the fire, and police are questioning a night guard.",
    "2021-05-03"};

// The same event, reported the next day in other words.
inline constexpr Text kFireRetold{
    "fire-2", "Port Ellery harbour warehouses burn down in night fire",
    "Three warehouses at Port Ellery harbour burned down overnight into Monday. Crews from Dunmore joined "
    "the town's firefighters, and the fire took six hours to bring under control, said Alda Brennan, the "
    "mayor. Grain, timber and fishing equipment in the warehouses were lost, a loss put at several million "
    "euros. Nobody was injured. The Harbour Authority said its inquiry into the cause of the fire had begun; "
    "police questioned the night guard. Brennan expects the harbour to reopen on Tuesday.",
    "2021-05-04"};

// The same storyline more than a year later: the rebuilt harbour, told quite differently.
inline constexpr Text kHarbourReopens{
    "harbour-2022", "Port Ellery opens rebuilt harbour quays",
    "Mayor Alda Brennan opened the rebuilt quays of Port Ellery on Friday, thirteen months after a fire "
    "razed the old warehouses. The Harbour Authority spent eleven million euros on new stone sheds with "
    "sprinklers. Traders who had moved their grain and timber to Dunmore are coming back, Brennan told "
    "reporters. The inquiry blamed faulty wiring for the fire. Shipping companies plan two new ferry routes "
    "from the quays next spring, and the authority expects cargo volumes to double within three years.",
    "2022-06-10"};

// Another subject altogether.
inline constexpr Text kFootball{
    "football", "Riverside United beat Calder Town in cup semi-final",
    "Riverside United reached the cup final with a 3-1 win over Calder Town on Saturday. Striker Tomas "
    "Varga scored twice before half-time, and coach Ines Moreau praised her young defence. Calder Town "
    "pulled one goal back through a penalty, but Riverside sealed the win late in the second half. The final "
    "will be played at the national stadium next month against the holders.",
    "2021-05-08"};

// One event told in two languages, as an English and a Spanish outlet wrote it: the names carry over,
// most words do not.
inline constexpr Text kQuotasEnglish{
    "quotas-en", "Fishermen march in Lisbon against new catch limits",
    "Hundreds of fishermen from Portugal and Spain marched through Lisbon on Thursday against the new catch "
    "limits for sardines and hake. Marta Quiroga, who leads the Galician boat owners, said the quotas would "
    "ruin the small harbours of the coast. Tomás Ferreira, the Portuguese fisheries minister, promised talks "
    "with the boat owners next week. The European Commission set the limits in December after scientists "
    "warned that stocks were falling.",
    "2024-03-07"};

inline constexpr Text kQuotasSpanish{
    "quotas-es", "Los pescadores marchan en Lisboa contra las nuevas cuotas",
    "Cientos de pescadores de Portugal y España marcharon el jueves por Lisboa contra los nuevos límites de "
    "captura de sardina y merluza. Marta Quiroga, que preside a los armadores gallegos, dijo que las cuotas "
    "arruinarían los pequeños puertos de la costa. Tomás Ferreira, ministro portugués de pesca, prometió "
    "negociar con los armadores la semana próxima. La Comisión Europea fijó los límites en diciembre, "
    "después "
    "de que los científicos advirtieran de que las poblaciones disminuían.",
    "2024-03-07"};

}  // namespace storyline::testing::pairs
