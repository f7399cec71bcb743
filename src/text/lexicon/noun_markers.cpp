// Words that introduce a noun phrase in German, where every noun is capitalised: a capitalised word right
// after one of them (or after one and an adjective) is a noun of the text, not a name. Articles,
// determiners, possessives and the contracted preposition-article forms; case-folded. Words that are also
// common before names stay out: "von" ("von der Leyen") and bare prepositions ("in Berlin").
#include "text/lexicon.hpp"

namespace storyline::detail {
namespace {

// clang-format off
constexpr std::string_view kGermanNounMarkers[] = {
    // definite and indefinite articles, negation
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
    "keine", "keinen", "keinem", "keiner", "keines",
    // demonstratives and quantifiers
    "dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "jenes", "jenen", "jenem", "jeder",
    "jede", "jedes", "jeden", "jedem", "alle", "allen", "aller", "manche", "mancher", "viele", "vielen",
    "vieler", "einige", "einigen", "einiger", "mehrere", "mehreren", "wenige", "wenigen", "beiden",
    "solche", "solchen", "welche", "welcher", "welches", "welchen", "welchem",
    // possessives
    "mein", "meine", "meinen", "meinem", "meiner", "dein", "deine", "deinen", "deinem", "deiner", "sein",
    "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere",
    "unseren", "unserem", "unserer", "euer", "eure", "euren", "eurem", "eurer",
    // a preposition and an article in one word
    "im", "ins", "am", "ans", "beim", "vom", "zum", "zur", "aufs", "durchs", "fürs", "ums", "unterm",
    "überm", "hinterm", "vorm",
};
// clang-format on

}  // namespace

std::span<const std::string_view> german_noun_markers() noexcept { return kGermanNounMarkers; }

}  // namespace storyline::detail
