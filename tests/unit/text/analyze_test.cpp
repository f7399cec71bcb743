#include "storyline/text/analyze.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "storyline/ingest/reader.hpp"
#include "storyline/text/stemmer.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"
#include "text/normalize.hpp"

namespace storyline {
namespace {

Article summit_article() {
  Article article;
  article.id = "summit-1";
  article.title = "Envoys prepare a second summit in Hanoi";
  article.text =
      "Secretary of State Mike Pompeo said on Friday that envoys were preparing a second summit between "
      "President Donald Trump and North Korean leader Kim Jong-un. Pompeo said the summit would follow the "
      "first one, held in Singapore in June 2018. Negotiators met in Hanoi three days ago.";
  article.published = "2019-02-10";
  article.published_at = parse_iso8601(article.published);
  return article;
}

bool has_entity(const Analysis& analysis, std::string_view name, EntityKind kind) {
  return std::any_of(analysis.entities.begin(), analysis.entities.end(),
                     [&](const Entity& e) { return e.name == name && e.kind == kind; });
}

TEST(Analyzer, ProducesLanguageTermsEntitiesAndDates) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  const auto analysis = analyzer->analyze(summit_article());
  ASSERT_TRUE(analysis) << analysis.error().message();
  EXPECT_EQ(analysis->id, "summit-1");
  EXPECT_EQ(analysis->lang, "en");
  EXPECT_TRUE(analysis->lang_detected);
  EXPECT_GT(analysis->words, 40u);

  ASSERT_FALSE(analysis->terms.empty());
  EXPECT_EQ(analysis->terms.front().term, "summit");  // the most repeated content word
  for (const auto& term : analysis->terms) EXPECT_NE(term.term, "the");  // stop words never weigh

  EXPECT_TRUE(has_entity(*analysis, "Mike Pompeo", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Donald Trump", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Kim Jong-un", EntityKind::kPerson));
  EXPECT_TRUE(has_entity(*analysis, "Hanoi", EntityKind::kPlace));
  EXPECT_TRUE(has_entity(*analysis, "Singapore", EntityKind::kPlace));

  ASSERT_TRUE(analysis->published);
  EXPECT_EQ(format_iso8601_date(*analysis->published), "2019-02-10");
  const auto has_date = [&](std::string_view date) {
    return std::any_of(analysis->dates.begin(), analysis->dates.end(),
                       [&](const DateMention& d) { return format_iso8601_date(d.date) == date; });
  };
  EXPECT_TRUE(has_date("2019-02-08"));  // "Friday" before Sunday 10 February 2019
  EXPECT_TRUE(has_date("2018-06-01"));  // "June 2018", month precision
  EXPECT_TRUE(has_date("2019-02-07"));  // "three days ago"
}

TEST(Analyzer, LooksForNoDatesWhenAskedNotTo) {
  AnalyzeOptions options;
  options.find_dates = false;
  auto analyzer = Analyzer::create(options);
  ASSERT_TRUE(analyzer);
  const auto analysis = analyzer->analyze(summit_article());
  ASSERT_TRUE(analysis) << analysis.error().message();
  EXPECT_TRUE(analysis->dates.empty());
  ASSERT_TRUE(analysis->published);  // the article's own date is still read
  EXPECT_FALSE(analysis->terms.empty());
}

TEST(Analyzer, UsesTheGivenLanguageAndItsStemmer) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "de-1";
  article.lang = "de";
  article.text = "Die Verhandlungen über den Gipfel gehen weiter. Die Verhandlung dauert an.";
  const auto analysis = analyzer->analyze(article);
  ASSERT_TRUE(analysis);
  EXPECT_EQ(analysis->lang, "de");
  EXPECT_FALSE(analysis->lang_detected);
  EXPECT_EQ(analysis->terms.front().display, "verhandlungen");  // both forms counted under one stem
  for (const auto& term : analysis->terms) EXPECT_NE(term.display, "die");
}

TEST(Analyzer, DocumentFrequenciesGrowWithTheStream) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article first = summit_article();
  Article second = summit_article();
  second.id = "summit-2";
  second.text = "A summit about trade tariffs opened in Geneva.";
  ASSERT_TRUE(analyzer->analyze(first));
  EXPECT_EQ(analyzer->document_frequencies().documents(), 1u);
  ASSERT_TRUE(analyzer->analyze(second));
  EXPECT_EQ(analyzer->document_frequencies().documents(), 2u);
  EXPECT_EQ(analyzer->document_frequencies().frequency("summit"), 2u);
  EXPECT_EQ(analyzer->document_frequencies().frequency("tariff"), 1u);
}

TEST(Analyzer, TakesEntitiesFromTheBodyWhenTheHeadlineIsTitleCased) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "headline";
  article.title = "Leaders Gather For Another Round Of Talks";
  article.text = "Leaders of several nations met in Geneva for talks.";
  const auto analysis = analyzer->analyze(article);
  ASSERT_TRUE(analysis);
  ASSERT_EQ(analysis->entities.size(), 1u);
  EXPECT_EQ(analysis->entities.front().name, "Geneva");
}

TEST(Analyzer, RejectsInvalidUtf8) {
  auto analyzer = Analyzer::create();
  ASSERT_TRUE(analyzer);
  Article article;
  article.id = "bad";
  article.text = "valid start \xff invalid";
  const auto analysis = analyzer->analyze(article);
  ASSERT_FALSE(analysis);
  EXPECT_EQ(analysis.error().code, ErrorCode::kInvalidUtf8);
}

// --- Terms against the plain way --------------------------------------------------------------------
// Analyzer counts terms through a vocabulary kept across articles and weighs them without building a
// std::unordered_map<std::string, TermCount> per article. This replays the plain way, token by token into
// such a map (whose order is another one) and through weigh_terms, and expects the same terms, displays
// and weights to the bit.
class PlainTerms {
 public:
  explicit PlainTerms(const std::string& lang) : m_lang(lang), m_tokenizer(Tokenizer::create().value()) {
    if (auto stemmer = Stemmer::create(lang)) m_stemmer.emplace(std::move(stemmer).value());
  }

  void weigh(const Article& article, std::size_t top_terms, std::vector<WeightedTerm>& terms,
             std::vector<WeightedTerm>& title_terms) {
    std::string title;
    std::string text;
    detail::append_normalized(article.title, title);
    detail::append_normalized(article.text, text);
    const std::string document = title.empty() ? text : title + "\n\n" + text;
    m_tokenizer.tokenize(document, m_tokens);
    const auto counts = count(m_tokens);
    std::vector<std::string_view> distinct;
    for (const auto& entry : counts) distinct.push_back(entry.first);
    m_frequencies.add_document(distinct);
    terms = weigh_terms(counts, m_frequencies, top_terms);
    std::size_t body_start = 0;
    while (body_start < m_tokens.size() && m_tokens[body_start].offset < title.size()) ++body_start;
    title_terms.clear();
    if (body_start > 0)
      title_terms = weigh_terms(count(std::span(m_tokens).first(body_start)), m_frequencies, 0);
  }

 private:
  std::unordered_map<std::string, TermCount> count(std::span<const Token> tokens) {
    std::unordered_map<std::string, TermCount> counts;
    for (const Token& token : tokens) {
      if (token.kind != TokenKind::kWord || token.text.size() < 2) continue;
      std::string folded = case_fold(token.text);
      if (is_stopword(m_lang, folded)) continue;
      const std::string stem(m_stemmer ? m_stemmer->stem(folded) : std::string_view(folded));
      TermCount& term = counts[stem];
      if (term.count++ == 0) term.first_surface = std::move(folded);
    }
    return counts;
  }

  std::string m_lang;
  Tokenizer m_tokenizer;
  std::optional<Stemmer> m_stemmer;
  DocumentFrequencies m_frequencies;
  std::vector<Token> m_tokens;
};

::testing::AssertionResult same_terms(const std::vector<WeightedTerm>& got,
                                      const std::vector<WeightedTerm>& want) {
  if (got.size() != want.size()) {
    return ::testing::AssertionFailure() << got.size() << " terms, the plain way " << want.size();
  }
  for (std::size_t i = 0; i < got.size(); ++i) {
    // Exact comparison on purpose: the weights must be the same doubles, not merely close.
    if (got[i].term != want[i].term || got[i].display != want[i].display || got[i].weight != want[i].weight) {
      return ::testing::AssertionFailure()
             << "term " << i << ": " << got[i].term << "/" << got[i].display << "/" << got[i].weight
             << ", the plain way " << want[i].term << "/" << want[i].display << "/" << want[i].weight;
    }
  }
  return ::testing::AssertionSuccess();
}

// Analyses `articles` in order with both, all terms kept, and compares every article.
void expect_plain_terms(const std::vector<Article>& articles, const std::string& lang) {
  AnalyzeOptions options;
  options.top_terms = 0;
  auto analyzer = Analyzer::create(options);
  ASSERT_TRUE(analyzer);
  PlainTerms plain(lang);
  std::vector<WeightedTerm> terms;
  std::vector<WeightedTerm> title_terms;
  for (Article article : articles) {
    article.lang = lang;
    const auto analysis = analyzer->analyze(article);
    ASSERT_TRUE(analysis) << analysis.error().message();
    plain.weigh(article, 0, terms, title_terms);
    EXPECT_TRUE(same_terms(analysis->terms, terms)) << article.id;
    EXPECT_TRUE(same_terms(analysis->title_terms, title_terms)) << article.id << " (title)";
  }
}

TEST(AnalyzerTerms, SameAsCountingIntoAMapAndWeighTerms) {
  Article plain_text;
  plain_text.id = "no-title";
  plain_text.text =
      "Negotiations continued; negotiators negotiated. The negotiation's outcome: nothing, again and again.";
  Article unicode;
  unicode.id = "unicode";
  unicode.title = "Stra\u00dfe und STRASSE";
  unicode.text =
      "Die Stra\u00dfe, die Strasse und die \u00c4rzte \u00e4rztlich; caf\u00e9 CAF\u00c9 na\u00efve.";
  Article long_words;
  long_words.id = "long-words";
  long_words.title = "Internationalisation of telecommunications";
  long_words.text =
      "Internationalisation internationalization telecommunications telecommunication "
      "counterrevolutionaries counterrevolutionary electroencephalography a an the of";
  expect_plain_terms({summit_article(), plain_text, unicode, long_words, summit_article()}, "en");
  expect_plain_terms({unicode, plain_text, unicode}, "de");
  expect_plain_terms({unicode, long_words}, "xx");  // no stop words, no stemmer
}

TEST(AnalyzerTerms, SameAfterTheVocabularyStartsOver) {
  // More distinct words than the analyzer's vocabulary keeps (65,536), so that it starts over mid-stream;
  // every article also repeats words from earlier ones.
  const auto word = [](std::size_t n) {
    std::string out = "w";
    for (; n > 0; n /= 26) out += static_cast<char>('a' + n % 26);
    return out;
  };
  std::vector<Article> articles;
  std::size_t next = 1;
  for (int a = 0; a < 900; ++a) {
    Article article;
    article.id = "stream-" + std::to_string(a);
    article.title = "Talks on " + word(next) + " and " + word(next + 1);
    for (int w = 0; w < 100; ++w) article.text += word(next++) + " ";
    for (std::size_t w = 0; w < 20; ++w) article.text += word(1 + (next * 7 + w * 13) % next) + ". ";
    articles.push_back(std::move(article));
  }
  ASSERT_GT(next, std::size_t{1} << 16);
  expect_plain_terms(articles, "en");
}

std::filesystem::path data_dir() {
  if (const char* dir = std::getenv("STORYLINE_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "data";
}

// The first `limit` articles of `path`.
std::vector<Article> read_some(const std::filesystem::path& path, std::size_t limit) {
  std::vector<Article> articles;
  const std::vector<std::string> inputs = {path.string()};
  const auto read = read_articles(
      inputs, {},
      [&](Article&& article) -> Status {
        if (articles.size() < limit) articles.push_back(std::move(article));
        return {};
      },
      [](const Error& error) { ADD_FAILURE() << error.message(); });
  EXPECT_TRUE(read) << read.error().message();
  return articles;
}

TEST(AnalyzerTerms, SameAsThePlainWayOnTheEvaluationCorpora) {
  const std::vector<std::filesystem::path> corpora = {data_dir() / "neardup-10k" / "docs.jsonl.gz",
                                                      data_dir() / "timeline17" / "articles.jsonl"};
  for (const auto& corpus : corpora) {
    if (!std::filesystem::exists(corpus)) GTEST_SKIP() << corpus << " not found (set STORYLINE_DATA_DIR)";
  }
  for (const auto& corpus : corpora) expect_plain_terms(read_some(corpus, 1500), "en");
}

}  // namespace
}  // namespace storyline
