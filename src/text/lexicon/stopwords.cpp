// Function words per language, case-folded UTF-8, grouped by part of speech. Only words that carry no
// topic go here: reporting verbs such as "said" are handled by the analyser, which needs to see them.
// Contractions are kept whole ("don't", "c'est") because Unicode word segmentation keeps them whole; the
// apostrophe is ASCII, as the normaliser leaves it. No entry contains "ß", whose case folding is "ss".
#include "text/lexicon.hpp"

namespace storyline::detail {
namespace {

// clang-format off
constexpr std::string_view kEnglish[] = {
    // articles, determiners, quantifiers
    "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "some",
    "any", "no", "all", "both", "few", "more", "most", "less", "other", "another", "such", "own", "same",
    "much", "many", "several",
    // pronouns
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
    "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
    "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "whose",
    "whatever", "whoever",
    // auxiliaries and modals
    "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
    "does", "did", "doing", "will", "would", "shall", "should", "can", "cannot", "could", "may", "might",
    "must", "ought",
    // prepositions
    "of", "in", "on", "at", "by", "for", "with", "about", "against", "between", "into", "through",
    "during", "before", "after", "above", "below", "to", "from", "up", "down", "out", "off", "over",
    "under", "upon", "within", "without", "across", "along", "among", "around", "behind", "beyond",
    "near", "onto", "per", "since", "toward", "towards", "until", "till", "via", "despite", "amid",
    "throughout",
    // conjunctions
    "and", "but", "or", "nor", "so", "yet", "if", "because", "as", "than", "while", "although",
    "though", "unless", "whether", "once", "whereas",
    // adverbs and particles
    "not", "only", "very", "too", "also", "just", "then", "there", "here", "when", "where", "why",
    "how", "again", "further", "ever", "even", "still", "already", "almost", "rather", "quite", "else",
    "thus",
    // contractions
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't",
    "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "needn't", "shan't",
    "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd", "he'll",
    "she's", "she'd", "she'll", "it's", "it'd", "it'll", "we're", "we've", "we'd", "we'll", "they're",
    "they've", "they'd", "they'll", "that's", "there's", "here's", "what's", "who's", "where's",
    "let's",
};

constexpr std::string_view kGerman[] = {
    // articles and determiners
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
    "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese", "dieses", "diesen", "diesem",
    "jeder", "jede", "jedes", "jeden", "jedem", "alle", "allen", "aller", "alles", "andere", "anderen",
    "anderer", "anderes", "manche", "viele", "einige", "welche", "welcher", "welches", "welchen",
    "welchem",
    // personal, reflexive and possessive pronouns
    "ich", "mich", "mir", "du", "dich", "dir", "er", "ihn", "ihm", "sie", "es", "wir", "uns", "ihr",
    "euch", "ihnen", "sich", "man", "mein", "meine", "meinen", "meinem", "meiner", "meines", "dein",
    "deine", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihre", "ihren", "ihrem", "ihrer",
    "ihres", "unser", "unsere", "unseren", "unserem", "unserer", "euer", "eure", "selbst",
    // prepositions and contracted forms
    "in", "im", "ins", "an", "am", "ans", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom",
    "zu", "zum", "zur", "für", "über", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen",
    "ohne", "um", "bis", "seit", "ab", "trotz", "wegen", "statt",
    // conjunctions
    "und", "oder", "aber", "doch", "sondern", "denn", "weil", "dass", "ob", "wenn", "als", "wie",
    "während", "bevor", "nachdem", "obwohl", "damit", "falls", "sowie", "sowohl", "weder",
    // sein, haben, werden and the modals
    "bin", "bist", "ist", "sind", "seid", "war", "waren", "gewesen", "wird", "werden", "wurde", "wurden",
    "worden", "geworden", "habe", "hast", "hat", "haben", "habt", "hatte", "hatten", "gehabt", "kann",
    "können", "konnte", "konnten", "muss", "müssen", "musste", "soll", "sollen", "sollte", "will",
    "wollen", "wollte", "darf", "dürfen", "mag", "möchte", "würde", "würden",
    // interrogatives
    "wo", "wer", "wen", "wem", "wessen", "was", "warum", "wann",
    // adverbs and particles
    "nicht", "nur", "auch", "noch", "schon", "sehr", "so", "dann", "da", "hier", "dort", "jetzt", "nun",
    "immer", "wieder", "mehr", "hin", "her", "ja", "nein", "zwar", "etwa", "etwas", "nichts", "also",
    "eben", "ganz", "gar", "bereits", "dabei", "dazu", "daher", "darauf", "darum", "dafür", "davon",
};

constexpr std::string_view kFrench[] = {
    // articles and determiners
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "ce", "cet", "cette", "ces", "mon",
    "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
    "tout", "tous", "toute", "toutes", "autre", "autres", "même", "mêmes", "chaque", "quelque",
    "quelques", "aucun", "aucune",
    // pronouns
    "je", "me", "moi", "tu", "te", "toi", "il", "elle", "on", "nous", "vous", "ils", "elles", "lui",
    "eux", "se", "soi", "y", "en", "qui", "que", "quoi", "dont", "où", "lequel", "laquelle", "lesquels",
    "lesquelles", "cela", "ceci", "ça", "celui", "celle", "ceux", "celles",
    // elided forms kept whole by word segmentation
    "c'est", "n'est", "s'est", "qu'il", "qu'elle", "qu'ils", "d'un", "d'une",
    // conjunctions
    "et", "ou", "mais", "donc", "or", "ni", "car", "si", "comme", "quand", "lorsque", "puisque",
    "parce", "afin",
    // prepositions
    "à", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "contre",
    "depuis", "pendant", "avant", "après", "selon", "malgré", "parmi",
    // adverbs and negation
    "ne", "pas", "plus", "moins", "très", "aussi", "bien", "encore", "déjà", "alors", "ainsi", "ici",
    "là", "non", "oui", "trop", "peu", "toujours", "jamais",
    // être and avoir
    "être", "suis", "es", "est", "sommes", "êtes", "sont", "était", "étaient", "été", "sera", "seront",
    "serait", "soit", "avoir", "ai", "as", "a", "avons", "avez", "ont", "avait", "avaient", "eu", "aura",
    "auront", "aurait",
};

constexpr std::string_view kSpanish[] = {
    // articles and determiners
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "al", "del", "este", "esta", "estos",
    "estas", "esto", "ese", "esa", "esos", "esas", "eso", "aquel", "aquella", "aquellos", "aquellas",
    "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras", "vuestro",
    "vuestra", "todo", "toda", "todos", "todas", "otro", "otra", "otros", "otras", "mismo", "misma",
    "cada", "algún", "alguna", "algunos", "ningún", "ninguna", "mucho", "mucha", "muchos", "muchas",
    "poco",
    // pronouns
    "yo", "me", "mí", "tú", "te", "ti", "él", "ella", "ello", "usted", "ustedes", "nosotros",
    "nosotras", "vosotros", "ellos", "ellas", "le", "les", "se", "sí", "nos", "os", "quien", "quienes",
    "cual", "cuales", "cuyo", "qué", "quién", "cuál", "algo", "nada", "alguien", "nadie",
    // prepositions
    "a", "de", "en", "con", "por", "para", "sin", "sobre", "entre", "desde", "hasta", "hacia",
    "contra", "según", "durante", "tras", "ante", "bajo",
    // conjunctions
    "y", "e", "o", "u", "ni", "pero", "sino", "que", "porque", "pues", "como", "cuando", "donde", "si",
    "aunque", "mientras",
    // ser, estar, haber, tener
    "ser", "es", "son", "era", "eran", "fue", "fueron", "sido", "será", "sea", "soy", "somos", "estar",
    "está", "están", "estaba", "estado", "estoy", "haber", "ha", "han", "había", "habían", "hay", "he",
    "hemos", "tiene", "tienen",
    // adverbs
    "no", "muy", "más", "menos", "también", "ya", "aún", "todavía", "solo", "sólo", "tan", "tanto",
    "bien", "aquí", "allí", "así", "entonces", "después", "antes", "siempre", "nunca", "cómo",
    "cuándo", "dónde",
};

constexpr std::string_view kItalian[] = {
    // articles and articulated prepositions
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "del", "dello", "della", "dei", "degli",
    "delle", "al", "allo", "alla", "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli",
    "dalle", "nel", "nello", "nella", "nei", "negli", "nelle", "sul", "sullo", "sulla", "sui", "sugli",
    "sulle", "col",
    // simple prepositions
    "di", "a", "da", "in", "con", "su", "per", "tra", "fra",
    // conjunctions
    "e", "ed", "o", "ma", "però", "anche", "se", "che", "come", "quando", "dove", "perché", "mentre",
    "quindi", "poi",
    // pronouns
    "io", "me", "mi", "tu", "te", "ti", "lui", "lei", "egli", "esso", "essa", "noi", "ci", "voi", "vi",
    "loro", "si", "sé", "ne", "chi", "cui",
    // possessives and demonstratives
    "mio", "mia", "miei", "mie", "tuo", "tua", "suo", "sua", "suoi", "sue", "nostro", "nostra",
    "vostro", "vostra", "questo", "questa", "questi", "queste", "quello", "quella", "quelli", "quelle",
    "quel", "stesso", "stessa",
    // essere and avere
    "essere", "è", "sono", "era", "erano", "stato", "stata", "sarà", "sia", "siamo", "avere", "ha",
    "hanno", "ho", "hai", "abbiamo", "aveva", "avevano", "avuto",
    // quantifiers and adverbs
    "non", "più", "meno", "molto", "molti", "molta", "tutto", "tutti", "tutta", "tutte", "altro",
    "altri", "altra", "ogni", "qualche", "nessuno", "niente", "nulla", "ancora", "già", "sempre", "mai",
    "così", "qui", "qua", "là", "lì", "ora", "allora", "tanto", "solo",
};

constexpr std::string_view kPortuguese[] = {
    // articles and contracted prepositions
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "do", "da", "dos", "das", "no", "na", "nos", "nas",
    "pelo", "pela", "pelos", "pelas", "ao", "aos", "à", "às", "num", "numa",
    // prepositions
    "de", "em", "por", "para", "pra", "com", "sem", "sob", "sobre", "entre", "até", "desde", "contra",
    // conjunctions
    "e", "ou", "mas", "nem", "que", "se", "como", "quando", "onde", "porque", "pois", "embora",
    "enquanto",
    // pronouns
    "eu", "me", "mim", "comigo", "tu", "te", "ti", "você", "vocês", "ele", "ela", "eles", "elas", "lhe",
    "lhes", "nós", "vós", "si", "quem", "qual", "quais", "cujo", "algo", "nada", "alguém", "ninguém",
    // possessives and demonstratives
    "meu", "minha", "meus", "minhas", "teu", "tua", "seu", "sua", "seus", "suas", "nosso", "nossa",
    "nossos", "nossas", "este", "esta", "estes", "estas", "isto", "esse", "essa", "esses", "essas",
    "isso", "aquele", "aquela", "aqueles", "aquelas", "aquilo",
    // ser, estar, ter, haver
    "ser", "é", "são", "era", "eram", "foi", "foram", "sido", "será", "seja", "sou", "somos", "estar",
    "está", "estão", "estava", "esteve", "estou", "ter", "tem", "têm", "tinha", "tinham", "teve",
    "tido", "há", "havia", "haver",
    // quantifiers and adverbs
    "não", "sim", "muito", "muitos", "muita", "mais", "menos", "também", "já", "ainda", "só", "apenas",
    "tão", "todo", "toda", "todos", "todas", "outro", "outra", "outros", "outras", "mesmo", "mesma",
    "algum", "alguma", "nenhum", "cada", "pouco", "bem", "aqui", "ali", "lá", "assim", "então",
    "depois", "antes", "sempre", "nunca",
};

constexpr std::string_view kDutch[] = {
    // articles and determiners
    "de", "het", "een", "dit", "dat", "deze", "die", "alle", "alles", "elk", "elke", "ieder", "andere",
    "geen", "veel", "meer", "minder", "iets", "niets", "iemand", "niemand", "welke",
    // pronouns
    "ik", "me", "mij", "mijn", "jij", "je", "jou", "jouw", "u", "uw", "hij", "hem", "zij", "ze", "haar",
    "wij", "we", "ons", "onze", "jullie", "hun", "hen", "zich", "zelf", "er", "wat", "wie",
    // prepositions
    "in", "op", "aan", "met", "van", "voor", "naar", "bij", "uit", "over", "door", "om", "tot", "tegen",
    "onder", "tussen", "zonder", "na", "sinds", "tijdens", "achter", "naast", "binnen", "buiten",
    // conjunctions
    "en", "of", "maar", "want", "dus", "als", "dan", "omdat", "terwijl", "hoewel", "zodat", "nadat",
    "voordat",
    // zijn, hebben, worden and the modals
    "ben", "bent", "is", "zijn", "was", "waren", "geweest", "wordt", "worden", "werd", "werden",
    "geworden", "heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad", "kan", "kunnen", "kon",
    "konden", "zal", "zullen", "zou", "zouden", "moet", "moeten", "moest", "wil", "willen", "wilde",
    "mag", "mogen", "doen", "doet", "deed",
    // adverbs and particles
    "niet", "ook", "nog", "al", "wel", "zo", "nu", "toen", "weer", "zeer", "heel", "erg", "hier",
    "daar", "waar", "wanneer", "hoe", "waarom", "toch", "reeds", "echter", "ja", "nee", "eens",
    "altijd", "nooit",
};

constexpr std::string_view kSwedish[] = {
    // pronouns
    "jag", "mig", "du", "dig", "han", "honom", "hon", "henne", "den", "det", "vi", "oss", "ni", "de",
    "dem", "man", "sig", "min", "mitt", "mina", "din", "ditt", "dina", "sin", "sitt", "sina", "hans",
    "hennes", "dess", "deras", "vår", "vårt", "våra", "er", "ert", "era", "denna", "detta", "dessa",
    "som", "vad", "vem", "vilken", "vilket", "vilka",
    // determiners and quantifiers
    "en", "ett", "ingen", "inget", "inga", "någon", "något", "några", "alla", "allt", "andra", "annan",
    "annat", "samma", "sådan", "sådant", "mycket", "mer", "mest",
    // prepositions
    "i", "på", "av", "för", "med", "till", "från", "om", "ut", "upp", "in", "över", "under", "mellan",
    "efter", "före", "hos", "genom", "mot", "vid", "kring", "åt", "bland", "utan",
    // conjunctions
    "och", "att", "men", "eller", "eftersom", "medan", "innan", "sedan", "än",
    // vara, ha, bli and the modals
    "är", "var", "vara", "varit", "blir", "bli", "blev", "blivit", "har", "hade", "haft", "ha", "kan",
    "kunde", "ska", "skall", "skulle", "vill", "ville", "måste", "får", "fick",
    // adverbs
    "inte", "ej", "icke", "också", "även", "bara", "redan", "nu", "då", "ju", "nog", "så", "här", "där",
    "hur", "när", "varför", "alltså", "dock", "ännu",
};

constexpr std::string_view kDanish[] = {
    // pronouns
    "jeg", "mig", "du", "dig", "han", "ham", "hun", "hende", "den", "det", "vi", "os", "i", "jer", "de",
    "dem", "man", "sig", "min", "mit", "mine", "din", "dit", "dine", "sin", "sit", "sine", "hans",
    "hendes", "dens", "dets", "deres", "vores", "jeres", "denne", "dette", "disse", "som", "hvad",
    "hvem", "hvilken", "hvilket", "hvilke",
    // determiners and quantifiers
    "en", "et", "ingen", "intet", "nogen", "noget", "nogle", "alle", "alt", "andre", "anden", "andet",
    "samme", "sådan", "meget", "mere", "mest",
    // prepositions
    "på", "af", "for", "med", "til", "fra", "om", "ud", "op", "ind", "ned", "over", "under", "mellem",
    "efter", "før", "hos", "gennem", "mod", "ved", "blandt", "uden",
    // conjunctions
    "og", "at", "men", "eller", "fordi", "mens", "inden", "siden", "hvis", "når", "end",
    // være, have, blive and the modals
    "er", "var", "være", "været", "bliver", "blive", "blev", "har", "havde", "haft", "have", "kan",
    "kunne", "skal", "skulle", "vil", "ville", "må", "måtte", "får", "fik",
    // adverbs
    "ikke", "også", "kun", "allerede", "nu", "da", "jo", "nok", "så", "her", "der", "hvor", "hvorfor",
    "hvordan", "hvornår", "dog", "endnu", "igen",
};

// Bokmål, the written standard of nearly all Norwegian news.
constexpr std::string_view kNorwegian[] = {
    // pronouns
    "jeg", "meg", "du", "deg", "han", "ham", "hun", "henne", "den", "det", "vi", "oss", "dere", "de",
    "dem", "man", "seg", "min", "mitt", "mine", "din", "ditt", "dine", "sin", "sitt", "sine", "hans",
    "hennes", "dens", "dets", "deres", "vår", "vårt", "våre", "denne", "dette", "disse", "som", "hva",
    "hvem", "hvilken", "hvilket", "hvilke",
    // determiners and quantifiers
    "en", "ei", "et", "ingen", "ingenting", "noen", "noe", "alle", "alt", "andre", "annen", "annet",
    "samme", "slik", "mye", "mer", "mest",
    // prepositions
    "i", "på", "av", "for", "med", "til", "fra", "om", "ut", "opp", "inn", "ned", "over", "under",
    "mellom", "etter", "før", "hos", "gjennom", "mot", "ved", "blant", "uten",
    // conjunctions and the infinitive marker
    "og", "at", "å", "men", "eller", "fordi", "mens", "siden", "hvis", "når", "enn",
    // være, ha, bli and the modals
    "er", "var", "være", "vært", "blir", "bli", "ble", "blitt", "har", "hadde", "hatt", "ha", "kan",
    "kunne", "skal", "skulle", "vil", "ville", "må", "måtte", "får", "fikk",
    // adverbs
    "ikke", "også", "bare", "kun", "allerede", "nå", "da", "jo", "nok", "så", "her", "der", "hvor",
    "hvorfor", "hvordan", "dog", "ennå", "igjen",
};

constexpr std::string_view kFinnish[] = {
    // conjunctions
    "ja", "tai", "mutta", "että", "kun", "jos", "koska", "vaikka", "kuin", "sekä", "eli",
    // adverbs and particles
    "myös", "vain", "jo", "vielä", "nyt", "niin", "sitten", "kuitenkin", "paljon", "hyvin", "enemmän",
    // negation verb
    "ei", "en", "et", "emme", "ette", "eivät",
    // olla
    "olla", "on", "ovat", "oli", "olivat", "olen", "olet", "olemme", "olette", "ollut", "olleet", "ole",
    "olisi",
    // personal pronouns
    "minä", "sinä", "hän", "me", "te", "he", "minun", "sinun", "hänen", "meidän", "teidän", "heidän",
    "minua", "sinua", "häntä", "meitä", "teitä", "heitä", "minulla", "hänellä", "itse",
    // demonstratives
    "se", "ne", "sen", "niiden", "sitä", "niitä", "siinä", "siitä", "sille", "siihen", "tämä", "tämän",
    "tätä", "tässä", "tästä", "tähän", "nämä", "näiden", "tuo", "tuon", "nuo",
    // relatives and interrogatives
    "joka", "jonka", "jota", "jossa", "josta", "johon", "jotka", "joiden", "joita", "mikä", "minkä",
    "mitä", "missä", "mistä", "mihin", "mitkä", "kuka", "kenen", "ketä", "miksi", "miten", "milloin",
    // indefinites
    "kaikki", "kaikkien", "muu", "muut", "muiden", "jokin", "joku", "mitään", "mikään", "kukaan",
    "eräs",
    // postpositions
    "kanssa", "mukaan", "jälkeen", "ennen", "aikana", "vuoksi", "takia", "luona", "kautta", "välillä",
    "alla", "päällä", "yli",
};

constexpr std::string_view kRussian[] = {
    // personal and reflexive pronouns in their cases
    "я", "меня", "мне", "мной", "ты", "тебя", "тебе", "тобой", "он", "его", "него", "ему", "ним", "нем",
    "нём", "она", "ее", "её", "нее", "неё", "ей", "ней", "ею", "оно", "мы", "нас", "нам", "нами", "вы",
    "вас", "вам", "вами", "они", "их", "них", "им", "ими", "ними", "себя", "себе",
    // possessives
    "мой", "моя", "мое", "моё", "мои", "твой", "наш", "наша", "наше", "наши", "ваш", "ваша", "свой",
    "своя", "свое", "своё", "свои", "своего", "своей",
    // demonstratives and determiners
    "этот", "эта", "это", "эти", "этого", "этой", "этом", "этим", "эту", "этих", "тот", "та", "то",
    "те", "того", "том", "тем", "тех", "весь", "вся", "всё", "все", "всего", "всех", "всем", "всей",
    "сам", "сама", "само", "сами", "такой", "такая", "такое", "такие", "какой", "какая", "какое",
    "какие",
    // relatives and interrogatives
    "который", "которая", "которое", "которые", "которого", "которой", "котором", "которых", "кто",
    "что", "чего", "чем", "где", "когда",
    // prepositions
    "в", "во", "на", "с", "со", "к", "ко", "у", "о", "об", "от", "из", "до", "по", "за", "для", "без",
    "под", "над", "при", "про", "через", "после", "перед", "между", "около", "против",
    // conjunctions
    "и", "а", "но", "или", "да", "если", "чтобы", "чтоб", "как", "так", "тоже", "также", "будто",
    // particles
    "не", "ни", "же", "ж", "бы", "ли", "ведь", "вот", "уж", "нибудь",
    // быть
    "быть", "был", "была", "было", "были", "будет", "будут", "есть",
    // adverbs
    "только", "уже", "еще", "ещё", "даже", "нет", "там", "тут", "здесь", "теперь", "тогда", "потом",
    "сейчас", "опять", "очень", "более", "менее", "можно", "нельзя", "надо", "нужно", "может",
    "ничего",
};

constexpr std::string_view kPolish[] = {
    // personal, reflexive and possessive pronouns
    "ja", "mnie", "mi", "mną", "ty", "ciebie", "cię", "tobie", "ci", "tobą", "on", "jego", "go", "niego",
    "jemu", "mu", "niemu", "nim", "ona", "jej", "niej", "nią", "ją", "ono", "my", "nas", "nam", "nami",
    "wy", "was", "wam", "wami", "oni", "one", "ich", "nich", "im", "nimi", "je", "się", "sobie",
    "siebie", "sobą", "mój", "moja", "moje", "twój", "twoja", "twoje", "nasz", "nasza", "nasze", "wasz",
    "wasza", "wasze", "swój", "swoja", "swoje", "swoją", "swojej", "swoich", "swoim", "swego",
    // demonstratives, relatives and question words
    "ten", "ta", "to", "te", "tego", "tej", "tym", "tę", "tych", "tymi", "temu", "tamten", "który",
    "która", "które", "którzy", "którego", "której", "którym", "których", "co", "czego", "czym", "kto",
    "kogo", "komu", "gdzie", "kiedy", "jak", "dlaczego", "czy", "jaki", "jaka", "jakie", "taki", "taka",
    "takie", "wszystko", "wszystkie", "wszyscy", "każdy", "każda", "każde",
    // prepositions
    "w", "we", "na", "z", "ze", "do", "od", "o", "po", "przy", "za", "przed", "pod", "nad", "przez", "dla",
    "bez", "u", "ku", "między", "według", "wobec", "około", "podczas", "mimo",
    // conjunctions and particles
    "i", "a", "oraz", "ale", "lecz", "lub", "albo", "bo", "że", "żeby", "aby", "gdy", "jeśli", "jeżeli",
    "więc", "czyli", "także", "też", "również", "nie", "tak", "już", "jeszcze", "tylko", "nawet", "bardzo",
    "jednak", "natomiast", "zaś", "np",
    // forms of "być" (to be) and "mieć" (to have)
    "być", "jest", "są", "był", "była", "było", "byli", "były", "będzie", "będą", "jestem", "jesteśmy",
    "ma", "mają", "miał", "miała", "może", "można",
};

constexpr std::string_view kTurkish[] = {
    // pronouns and their cases
    "ben", "beni", "bana", "benim", "sen", "seni", "sana", "senin", "o", "onu", "ona", "onun", "onlar",
    "onları", "onlara", "onların", "biz", "bizi", "bize", "bizim", "siz", "sizi", "size", "sizin",
    "kendi", "kendisi", "kendini",
    // demonstratives and question words
    "bu", "şu", "bunu", "buna", "bunun", "bunlar", "şunu", "ne", "neden", "niçin", "nasıl", "nerede",
    "kim", "hangi", "her", "hepsi", "bazı", "hiç", "tüm", "bütün",
    // postpositions, conjunctions and particles
    "ve", "veya", "ya", "ile", "ama", "fakat", "ancak", "çünkü", "için", "gibi", "kadar", "göre", "sonra",
    "önce", "diye", "de", "da", "ki", "mi", "mı", "mu", "mü", "daha", "en", "çok", "az", "bir", "birçok",
    "olarak", "ise", "değil", "var", "yok", "olan", "olduğu", "oldu", "olacak", "eden", "etti",
    "ediyor", "şey", "yani", "hem", "ayrıca",
};
// clang-format on

struct LanguageList {
  std::string_view code;
  std::span<const std::string_view> words;
};

constexpr LanguageList kLists[] = {
    {"en", kEnglish}, {"de", kGerman},     {"fr", kFrench},  {"es", kSpanish},
    {"it", kItalian}, {"pt", kPortuguese}, {"nl", kDutch},   {"sv", kSwedish},
    {"da", kDanish},  {"no", kNorwegian},  {"fi", kFinnish}, {"ru", kRussian},
    {"pl", kPolish},  {"tr", kTurkish},
};

}  // namespace

std::span<const std::string_view> stopwords(std::string_view lang) noexcept {
  for (const LanguageList& list : kLists) {
    if (list.code == lang) return list.words;
  }
  return {};
}

}  // namespace storyline::detail
