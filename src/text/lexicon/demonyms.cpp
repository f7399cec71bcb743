// Adjectives of nationality and origin, each mapped to a canonical name from places.cpp. Where two
// countries share an adjective ("Congolese", "Dominican"), it goes to the one the news means far more
// often. "Korean" alone is left out: it names no single state.
#include "text/lexicon.hpp"

namespace storyline::detail {
namespace {

// clang-format off
constexpr NamedPlace kDemonyms[] = {
    // --- North America, Central America, Caribbean --------------------------------------------------
    {"American", "United States"}, {"Canadian", "Canada"}, {"Mexican", "Mexico"},
    {"Belizean", "Belize"}, {"Guatemalan", "Guatemala"}, {"Honduran", "Honduras"},
    {"Salvadoran", "El Salvador"}, {"Salvadorean", "El Salvador"}, {"Nicaraguan", "Nicaragua"},
    {"Costa Rican", "Costa Rica"}, {"Panamanian", "Panama"}, {"Cuban", "Cuba"}, {"Haitian", "Haiti"},
    {"Dominican", "Dominican Republic"}, {"Jamaican", "Jamaica"}, {"Bahamian", "Bahamas"},
    {"Barbadian", "Barbados"}, {"Bajan", "Barbados"}, {"Trinidadian", "Trinidad and Tobago"},
    {"Tobagonian", "Trinidad and Tobago"}, {"Antiguan", "Antigua and Barbuda"},
    {"Grenadian", "Grenada"}, {"Kittitian", "Saint Kitts and Nevis"}, {"Nevisian", "Saint Kitts and Nevis"},
    {"Saint Lucian", "Saint Lucia"}, {"St Lucian", "Saint Lucia"},
    {"Vincentian", "Saint Vincent and the Grenadines"}, {"Puerto Rican", "Puerto Rico"},
    {"Greenlandic", "Greenland"},

    // --- South America --------------------------------------------------------------------------------
    {"Argentine", "Argentina"}, {"Argentinian", "Argentina"}, {"Argentinean", "Argentina"},
    {"Bolivian", "Bolivia"}, {"Brazilian", "Brazil"}, {"Chilean", "Chile"}, {"Colombian", "Colombia"},
    {"Ecuadorian", "Ecuador"}, {"Ecuadorean", "Ecuador"}, {"Guyanese", "Guyana"},
    {"Paraguayan", "Paraguay"}, {"Peruvian", "Peru"}, {"Surinamese", "Suriname"},
    {"Uruguayan", "Uruguay"}, {"Venezuelan", "Venezuela"},

    // --- Western and Northern Europe ------------------------------------------------------------------
    {"British", "United Kingdom"}, {"Briton", "United Kingdom"}, {"English", "England"},
    {"Scottish", "Scotland"}, {"Scots", "Scotland"}, {"Welsh", "Wales"},
    {"Northern Irish", "Northern Ireland"}, {"Irish", "Ireland"}, {"French", "France"},
    {"German", "Germany"}, {"Dutch", "Netherlands"}, {"Belgian", "Belgium"},
    {"Luxembourgish", "Luxembourg"}, {"Luxembourger", "Luxembourg"}, {"Swiss", "Switzerland"},
    {"Austrian", "Austria"}, {"Liechtensteiner", "Liechtenstein"}, {"Monegasque", "Monaco"},
    {"Spanish", "Spain"}, {"Portuguese", "Portugal"}, {"Andorran", "Andorra"}, {"Italian", "Italy"},
    {"Sammarinese", "San Marino"}, {"Maltese", "Malta"}, {"Danish", "Denmark"}, {"Dane", "Denmark"},
    {"Norwegian", "Norway"}, {"Swedish", "Sweden"}, {"Swede", "Sweden"}, {"Finnish", "Finland"},
    {"Icelandic", "Iceland"}, {"Icelander", "Iceland"}, {"Estonian", "Estonia"}, {"Latvian", "Latvia"},
    {"Lithuanian", "Lithuania"},

    // --- Central, Eastern and South-Eastern Europe ----------------------------------------------------
    {"Polish", "Poland"}, {"Czech", "Czech Republic"}, {"Slovak", "Slovakia"},
    {"Slovakian", "Slovakia"}, {"Hungarian", "Hungary"}, {"Slovenian", "Slovenia"},
    {"Slovene", "Slovenia"}, {"Croatian", "Croatia"}, {"Croat", "Croatia"},
    {"Bosnian", "Bosnia and Herzegovina"}, {"Serbian", "Serbia"}, {"Serb", "Serbia"},
    {"Montenegrin", "Montenegro"}, {"Kosovar", "Kosovo"}, {"Kosovan", "Kosovo"},
    {"Macedonian", "North Macedonia"}, {"Albanian", "Albania"}, {"Greek", "Greece"},
    {"Bulgarian", "Bulgaria"}, {"Romanian", "Romania"}, {"Moldovan", "Moldova"},
    {"Cypriot", "Cyprus"}, {"Belarusian", "Belarus"}, {"Belarussian", "Belarus"},
    {"Ukrainian", "Ukraine"}, {"Russian", "Russia"}, {"Soviet", "Soviet Union"},
    {"Georgian", "Georgia"}, {"Armenian", "Armenia"}, {"Azerbaijani", "Azerbaijan"},
    {"Azeri", "Azerbaijan"},

    // --- Middle East --------------------------------------------------------------------------------
    {"Turkish", "Turkey"}, {"Syrian", "Syria"}, {"Lebanese", "Lebanon"}, {"Israeli", "Israel"},
    {"Palestinian", "Palestine"}, {"Jordanian", "Jordan"}, {"Iraqi", "Iraq"}, {"Iranian", "Iran"},
    {"Saudi", "Saudi Arabia"}, {"Saudi Arabian", "Saudi Arabia"}, {"Kuwaiti", "Kuwait"},
    {"Bahraini", "Bahrain"}, {"Qatari", "Qatar"}, {"Emirati", "United Arab Emirates"},
    {"Omani", "Oman"}, {"Yemeni", "Yemen"}, {"Kurdish", "Kurdistan"},

    // --- Africa -------------------------------------------------------------------------------------
    {"Egyptian", "Egypt"}, {"Libyan", "Libya"}, {"Tunisian", "Tunisia"}, {"Algerian", "Algeria"},
    {"Moroccan", "Morocco"}, {"Sahrawi", "Western Sahara"}, {"Sudanese", "Sudan"},
    {"South Sudanese", "South Sudan"}, {"Mauritanian", "Mauritania"}, {"Malian", "Mali"},
    {"Nigerien", "Niger"}, {"Chadian", "Chad"}, {"Senegalese", "Senegal"}, {"Gambian", "Gambia"},
    {"Guinean", "Guinea"}, {"Bissau-Guinean", "Guinea-Bissau"}, {"Cape Verdean", "Cape Verde"},
    {"Sierra Leonean", "Sierra Leone"}, {"Liberian", "Liberia"}, {"Ivorian", "Ivory Coast"},
    {"Burkinabe", "Burkina Faso"}, {"Burkinabè", "Burkina Faso"}, {"Ghanaian", "Ghana"},
    {"Togolese", "Togo"}, {"Beninese", "Benin"}, {"Nigerian", "Nigeria"},
    {"Cameroonian", "Cameroon"}, {"Central African", "Central African Republic"},
    {"Equatorial Guinean", "Equatorial Guinea"}, {"Equatoguinean", "Equatorial Guinea"},
    {"Gabonese", "Gabon"}, {"Sao Tomean", "Sao Tome and Principe"},
    {"Congolese", "Democratic Republic of the Congo"}, {"Ethiopian", "Ethiopia"},
    {"Eritrean", "Eritrea"}, {"Djiboutian", "Djibouti"}, {"Somali", "Somalia"},
    {"Somalian", "Somalia"}, {"Kenyan", "Kenya"}, {"Ugandan", "Uganda"}, {"Rwandan", "Rwanda"},
    {"Burundian", "Burundi"}, {"Tanzanian", "Tanzania"}, {"Seychellois", "Seychelles"},
    {"Comoran", "Comoros"}, {"Comorian", "Comoros"}, {"Malagasy", "Madagascar"},
    {"Mauritian", "Mauritius"}, {"South African", "South Africa"}, {"Namibian", "Namibia"},
    {"Botswanan", "Botswana"}, {"Motswana", "Botswana"}, {"Zimbabwean", "Zimbabwe"},
    {"Zambian", "Zambia"}, {"Malawian", "Malawi"}, {"Mozambican", "Mozambique"},
    {"Angolan", "Angola"}, {"Basotho", "Lesotho"}, {"Mosotho", "Lesotho"}, {"Swazi", "Eswatini"},
    {"Tigrayan", "Tigray"},

    // --- South and Central Asia -------------------------------------------------------------------------
    {"Afghan", "Afghanistan"}, {"Pakistani", "Pakistan"}, {"Indian", "India"},
    {"Bangladeshi", "Bangladesh"}, {"Nepali", "Nepal"}, {"Nepalese", "Nepal"},
    {"Bhutanese", "Bhutan"}, {"Sri Lankan", "Sri Lanka"}, {"Maldivian", "Maldives"},
    {"Kazakh", "Kazakhstan"}, {"Kazakhstani", "Kazakhstan"}, {"Uzbek", "Uzbekistan"},
    {"Uzbekistani", "Uzbekistan"}, {"Turkmen", "Turkmenistan"}, {"Kyrgyz", "Kyrgyzstan"},
    {"Tajik", "Tajikistan"}, {"Tajikistani", "Tajikistan"}, {"Kashmiri", "Kashmir"},
    {"Punjabi", "Punjab"}, {"Baloch", "Balochistan"},

    // --- East and South-East Asia -----------------------------------------------------------------------
    {"Chinese", "China"}, {"Tibetan", "Tibet"}, {"Hong Konger", "Hong Kong"},
    {"Taiwanese", "Taiwan"}, {"Mongolian", "Mongolia"}, {"North Korean", "North Korea"},
    {"South Korean", "South Korea"}, {"Japanese", "Japan"}, {"Okinawan", "Okinawa"},
    {"Vietnamese", "Vietnam"}, {"Laotian", "Laos"}, {"Lao", "Laos"}, {"Cambodian", "Cambodia"},
    {"Thai", "Thailand"}, {"Burmese", "Myanmar"}, {"Malaysian", "Malaysia"},
    {"Singaporean", "Singapore"}, {"Bruneian", "Brunei"}, {"Indonesian", "Indonesia"},
    {"Balinese", "Bali"}, {"Filipino", "Philippines"}, {"Filipina", "Philippines"},
    {"Philippine", "Philippines"}, {"East Timorese", "East Timor"}, {"Timorese", "East Timor"},

    // --- Oceania ------------------------------------------------------------------------------------
    {"Australian", "Australia"}, {"New Zealander", "New Zealand"},
    {"Papua New Guinean", "Papua New Guinea"}, {"Fijian", "Fiji"}, {"Solomon Islander", "Solomon Islands"},
    {"Ni-Vanuatu", "Vanuatu"}, {"Samoan", "Samoa"}, {"Tongan", "Tonga"}, {"Tuvaluan", "Tuvalu"},
    {"I-Kiribati", "Kiribati"}, {"Nauruan", "Nauru"}, {"Marshallese", "Marshall Islands"},
    {"Micronesian", "Micronesia"}, {"Palauan", "Palau"}, {"Hawaiian", "Hawaii"},
    {"Tasmanian", "Tasmania"},

    // --- Sub-national regions -------------------------------------------------------------------------
    {"Texan", "Texas"}, {"Californian", "California"}, {"Floridian", "Florida"},
    {"Alaskan", "Alaska"}, {"Quebecer", "Quebec"}, {"Quebecois", "Quebec"}, {"Québécois", "Quebec"},
    {"Catalan", "Catalonia"}, {"Basque", "Basque Country"}, {"Bavarian", "Bavaria"},
    {"Sicilian", "Sicily"}, {"Corsican", "Corsica"}, {"Flemish", "Flanders"}, {"Walloon", "Wallonia"},
    {"Crimean", "Crimea"}, {"Chechen", "Chechnya"}, {"Dagestani", "Dagestan"},
    {"Siberian", "Siberia"}, {"Gazan", "Gaza"},

    // --- Cities ---------------------------------------------------------------------------------------
    {"Parisian", "Paris"}, {"Londoner", "London"}, {"Berliner", "Berlin"}, {"Muscovite", "Moscow"},
    {"Venetian", "Venice"}, {"Florentine", "Florence"}, {"Milanese", "Milan"},
    {"Neapolitan", "Naples"}, {"Viennese", "Vienna"}, {"Glaswegian", "Glasgow"},
    {"Mancunian", "Manchester"}, {"Liverpudlian", "Liverpool"}, {"Dubliner", "Dublin"},
    {"Angeleno", "Los Angeles"}, {"Bostonian", "Boston"}, {"Chicagoan", "Chicago"},

    // --- Continents and regions -----------------------------------------------------------------------
    {"European", "Europe"}, {"African", "Africa"}, {"Asian", "Asia"},
    {"North American", "North America"}, {"South American", "South America"},
    {"Latin American", "Latin America"}, {"Central American", "Central America"},
    {"Middle Eastern", "Middle East"},
    {"Balkan", "Balkans"}, {"Baltic", "Baltics"}, {"Scandinavian", "Scandinavia"},
    {"Sub-Saharan", "Sub-Saharan Africa"}, {"Saharan", "Sahara"},
    {"Southeast Asian", "Southeast Asia"}, {"East Asian", "East Asia"}, {"South Asian", "South Asia"},
    {"Central Asian", "Central Asia"}, {"West African", "West Africa"}, {"East African", "East Africa"},
    {"North African", "North Africa"}, {"Eastern European", "Eastern Europe"},
    {"Western European", "Western Europe"}, {"Central European", "Central Europe"},
    {"Antarctic", "Antarctica"}, {"Himalayan", "Himalayas"},
    {"Andean", "Andes"}, {"Alpine", "Alps"},
};
// clang-format on

}  // namespace

std::span<const NamedPlace> demonyms() noexcept { return kDemonyms; }

}  // namespace storyline::detail
