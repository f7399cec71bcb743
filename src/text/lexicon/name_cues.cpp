// Cue words around capitalised names: titles and role nouns before a person, and head words that mark an
// organisation or a place. A word that would mislead more often than help stays out of a list: "State"
// ("Secretary of State") and "United" (clubs, countries) mark nothing; "Bank" marks organisations only,
// since "West Bank" is listed whole among the place names.
#include "text/lexicon.hpp"

namespace storyline::detail {
namespace {

// Multi-word titles come first within each group so a reader sees the longest forms; matching order is
// the caller's business.
// clang-format off
constexpr std::string_view kPersonTitles[] = {
    // Heads of state and government, ministers
    "President", "Vice President", "Vice-President", "President-elect", "Prime Minister",
    "Deputy Prime Minister", "Premier", "Chancellor", "Minister", "Foreign Minister", "Defence Minister",
    "Defense Minister", "Finance Minister", "Interior Minister", "Health Minister", "Foreign Secretary",
    "Home Secretary", "Defence Secretary", "Defense Secretary", "Treasury Secretary", "Health Secretary",
    "Secretary", "Secretary of State", "Secretary of Defense", "Secretary-General", "Secretary General",
    "Attorney General", "Solicitor General", "Supreme Leader", "Leader", "Majority Leader",
    "Minority Leader", "Speaker", "House Speaker", "Ambassador", "Envoy", "Special Envoy",
    "Commissioner", "Deputy", "Spokesman", "Spokeswoman", "Spokesperson",

    // Legislators and local government
    "Senator", "Sen", "Congressman", "Congresswoman", "Representative", "Rep", "Assemblyman",
    "Assemblywoman", "Councillor", "Councilman", "Councilwoman", "MP", "MEP", "Governor", "Gov",
    "Lieutenant Governor", "Mayor",

    // Royalty and nobility
    "King", "Queen", "Prince", "Princess", "Crown Prince", "Emperor", "Empress", "Duke", "Duchess",
    "Earl", "Countess", "Baron", "Baroness", "Lord", "Lady", "Sir", "Dame", "Sultan", "Emir", "Sheikh",
    "Sheik",

    // Clergy
    "Pope", "Cardinal", "Archbishop", "Bishop", "Patriarch", "Rev", "Reverend", "Father", "Pastor",
    "Rabbi", "Imam", "Mullah", "Mufti", "Grand Mufti", "Ayatollah", "Grand Ayatollah",

    // Armed forces
    "Field Marshal", "Marshal", "General", "Gen", "Lieutenant General", "Lt Gen", "Major General",
    "Maj Gen", "Brigadier General", "Brig Gen", "Brigadier", "Colonel", "Col", "Lieutenant Colonel",
    "Lt Col", "Major", "Maj", "Captain", "Capt", "Lieutenant", "Lt", "Sergeant", "Sgt",
    "Staff Sergeant", "Staff Sgt", "Corporal", "Cpl", "Pvt", "Admiral", "Adm", "Vice Admiral",
    "Rear Admiral", "Commander", "Cmdr",

    // Police and courts
    "Officer", "Detective", "Det", "Inspector", "Chief Inspector", "Superintendent", "Constable",
    "Sheriff", "Police Chief", "Judge", "Justice", "Chief Justice", "Magistrate", "Prosecutor",
    "District Attorney",

    // Business, academia, sport
    "Chairman", "Chairwoman", "Chief Executive", "CEO", "Director", "Director-General",
    "Director General", "Dean", "Coach", "Manager",

    // Honorifics
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof", "Professor", "Madame", "Mme", "Monsieur",
    "Herr", "Frau",

    // German titles that no compound head below ends: German capitalises every noun, so a title runs
    // into the name after it ("Landrat Jan Roth") unless it is listed. "Richter" and "Kaiser" are left
    // out: common surnames too.
    "Landrat", "Landrätin", "Abgeordneter", "Abgeordnete", "Vorsitzender", "Vorsitzende", "Richterin",
    "Staatsanwalt", "Staatsanwältin", "Papst", "König", "Königin", "Prinz", "Prinzessin", "Professorin",
    "Pfarrer", "Bischof",
};

// German compounds a title ends ("Fraktionschef", "Spitzenkandidat", "Außenministerin",
// "Schauspielerin"): in German text, a capitalised word ending in one of these before a name is a title.
// Case-folded. "rat" is left out: "Bundesrat" is a body.
constexpr std::string_view kGermanTitleHeads[] = {
    "chef", "chefin", "kandidat", "kandidatin", "minister", "ministerin", "präsident", "präsidentin",
    "kanzler", "kanzlerin", "bürgermeister", "bürgermeisterin", "sprecher", "sprecherin", "trainer",
    "trainerin", "schauspieler", "schauspielerin", "sänger", "sängerin", "leiter", "leiterin", "direktor",
    "direktorin", "politiker", "politikerin", "anwalt", "anwältin", "sekretär", "sekretärin", "kommissar",
    "kommissarin", "botschafter", "botschafterin", "berater", "beraterin", "experte", "expertin",
    "moderator", "moderatorin", "regisseur", "regisseurin", "spieler", "spielerin", "senator",
    "senatorin", "gouverneur", "gouverneurin",
};

constexpr std::string_view kPersonRoles[] = {
    // Politics and government
    "leader", "president", "minister", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor", "chairman", "chairwoman",
    "envoy", "diplomat", "ambassador", "negotiator", "mediator", "senator", "congressman",
    "congresswoman", "lawmaker", "legislator", "politician", "governor", "mayor", "councillor",
    "councilman", "commissioner", "regulator", "deputy", "dictator", "strongman", "ruler", "monarch",
    "king", "queen", "prince", "princess", "emperor", "heir", "candidate", "challenger", "rival",
    "incumbent", "nominee", "successor", "predecessor", "opponent", "critic", "ally",

    // Arts, media and entertainment
    "actor", "actress", "singer", "rapper", "musician", "songwriter", "vocalist", "frontman",
    "guitarist", "bassist", "drummer", "pianist", "violinist", "composer", "conductor", "comedian",
    "director", "producer", "filmmaker", "screenwriter", "playwright", "artist", "painter", "sculptor",
    "designer", "model", "supermodel", "dancer", "ballerina", "star", "celebrity", "influencer",
    "author", "writer", "novelist", "poet", "journalist", "reporter", "correspondent", "columnist",
    "editor", "photographer", "blogger", "broadcaster", "presenter", "host", "anchor", "commentator",
    "pundit", "chef",

    // Sport
    "player", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "forward",
    "quarterback", "pitcher", "captain", "skipper", "champion", "athlete", "cyclist", "golfer",
    "boxer", "sprinter", "swimmer", "skier", "driver", "jockey",

    // Law, medicine, science, scholarship
    "lawyer", "attorney", "barrister", "solicitor", "judge", "prosecutor", "investigator",
    "detective", "inspector", "sheriff", "doctor", "physician", "surgeon", "nurse", "professor",
    "lecturer", "teacher", "student", "analyst", "economist", "strategist", "researcher", "scientist",
    "expert", "engineer", "historian", "philosopher", "architect",

    // Activism, conflict and crime
    "activist", "campaigner", "protester", "dissident", "whistleblower", "general", "commander",
    "colonel", "lieutenant", "officer", "sergeant", "soldier", "marine", "pilot", "rebel", "militant",
    "fighter", "insurgent", "gunman", "hacker", "spy", "agent", "suspect", "defendant", "victim",
    "witness", "survivor", "hostage", "prisoner", "detainee", "refugee",

    // Business
    "founder", "co-founder", "chief", "boss", "executive", "entrepreneur", "billionaire", "tycoon",
    "mogul", "magnate", "investor", "banker", "trader", "owner", "heiress",

    // Religion
    "cleric", "imam", "priest", "pastor", "bishop", "rabbi", "monk", "nun", "pope",

    // Family and other relations
    "sister", "brother", "wife", "husband", "son", "daughter", "mother", "father", "widow", "widower",
    "grandson", "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "cousin", "nephew",
    "niece", "friend", "girlfriend", "boyfriend", "fiancee", "fiancée", "partner", "colleague",
    "veteran", "teenager", "resident",
};

constexpr std::string_view kOrganisationWords[] = {
    // Government and public bodies
    "Ministry", "Department", "Dept", "Agency", "Office", "Administration", "Authority", "Board",
    "Bureau", "Commission", "Committee", "Council", "Secretariat", "Directorate", "Inspectorate",
    "Service", "Services", "Parliament", "Congress", "Senate", "Assembly", "Cabinet", "Caucus",
    "Chamber", "Court", "Tribunal", "Reserve", "Exchange", "Nations",

    // Armed forces, police, armed groups
    "Army", "Navy", "Force", "Forces", "Corps", "Guard", "Guards", "Police", "Constabulary",
    "Brigade", "Brigades", "Battalion", "Regiment", "Division", "Militia", "Front", "Brotherhood",
    "Cartel", "Syndicate",

    // Parties, movements, associations
    "Party", "Movement", "Alliance", "Coalition", "League", "Union", "Federation", "Confederation",
    "Association", "Organisation", "Organization", "Foundation", "Society", "Trust", "Institute",
    "Institution", "Forum", "Observatory", "Watch", "International", "Worldwide", "Initiative",
    "Program", "Programme", "Project", "Consortium", "Cooperative", "Co-op", "Church",

    // Education, health, culture
    "University", "College", "School", "Academy", "Hospital", "Clinic", "Center", "Centre", "Centers",
    "Centres", "Museum",
    "Gallery", "Library", "Orchestra", "Theatre", "Theater",

    // Companies: legal forms
    "Inc", "Incorporated", "Corp", "Corporation", "Company", "Co", "Ltd", "Limited", "LLC", "LLP",
    "PLC", "Plc", "AG", "SA", "GmbH", "NV", "SpA", "AB", "ASA", "Holdings", "Group", "Partners",
    "Enterprises", "Industries", "Ventures", "Brands",

    // Companies: line of business
    "Bank", "Bancorp", "Fund", "Capital", "Investments", "Securities", "Insurance", "Financial",
    "Airlines", "Airways", "Motors", "Motor", "Automotive", "Aerospace", "Technologies",
    "Technology", "Systems", "Software", "Solutions", "Labs", "Laboratories", "Pharmaceuticals",
    "Pharma", "Therapeutics", "Energy", "Oil", "Petroleum", "Mining", "Steel", "Chemicals",
    "Electric", "Electronics", "Semiconductor", "Communications", "Telecom", "Telecommunications",
    "Logistics", "Shipping", "Railway", "Railways", "Foods", "Stores",

    // Media
    "News", "Times", "Post", "Journal", "Herald", "Tribune", "Press", "Gazette", "Telegraph",
    "Chronicle", "Daily", "Magazine", "Radio", "Television", "TV", "Broadcasting", "Media",
    "Studios", "Pictures", "Records", "Entertainment",

    // Sport
    "Club", "FC", "CF", "Athletic", "Athletics", "Team", "Racing",
};

constexpr std::string_view kPlaceWords[] = {
    // Water
    "Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "Channel", "River", "Lake", "Canal", "Delta",
    "Falls", "Reef", "Harbour", "Harbor", "Port",

    // Land
    "Peninsula", "Island", "Islands", "Isle", "Isles", "Archipelago", "Coast", "Cape", "Beach",
    "Mountain", "Mountains", "Mount", "Mt", "Hill", "Hills", "Range", "Ridge", "Volcano", "Valley",
    "Canyon", "Pass", "Desert", "Forest", "Plain", "Plains", "Plateau", "Basin", "Glacier", "Heights",
    "Strip", "Corridor",

    // Administrative areas
    "Province", "Region", "County", "District", "Prefecture", "Governorate", "Oblast", "Territory",
    "Territories", "Borough", "Parish", "Municipality", "Township",

    // Settlements and streets
    "City", "Town", "Village", "Quarter", "Camp", "Square", "Street", "Avenue", "Road", "Boulevard",
    "Lane", "Highway", "Motorway", "Bridge", "Tunnel", "Crossing", "Dam",

    // Sites and buildings
    "Airport", "Base", "Station", "Park", "Garden", "Gardens", "Palace", "Cathedral", "Mosque",
    "Stadium", "Arena",
};

// Datelines and timestamps ("Thu Mar 31, 2011 10:13pm BST LONDON"): time zones and weekday abbreviations.
// "Sat" and "Sun" are left out: the Sun is a newspaper, Sun a company and a surname.
constexpr std::string_view kClockWords[] = {
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT", "MST", "MDT",
    "PST", "PDT", "AEST", "AEDT", "JST", "KST", "HKT", "SGT",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
};
// clang-format on

}  // namespace

std::span<const std::string_view> person_titles() noexcept { return kPersonTitles; }
std::span<const std::string_view> person_roles() noexcept { return kPersonRoles; }
std::span<const std::string_view> german_title_heads() noexcept { return kGermanTitleHeads; }
std::span<const std::string_view> organisation_words() noexcept { return kOrganisationWords; }
std::span<const std::string_view> place_words() noexcept { return kPlaceWords; }
std::span<const std::string_view> clock_words() noexcept { return kClockWords; }

}  // namespace storyline::detail
