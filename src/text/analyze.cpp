#include "storyline/text/analyze.hpp"

#include <chrono>
#include <map>
#include <span>
#include <string_view>
#include <unordered_map>

#include "storyline/text/language.hpp"
#include "storyline/text/stemmer.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"

namespace storyline {
namespace {

// Headlines are often written in title case ("Trump And Kim Meet In Hanoi"), where every word looks
// like a name; their entities are then taken from the body only.
bool is_title_case(std::span<const Token> title_tokens) {
  std::size_t long_words = 0;
  std::size_t capitalised = 0;
  for (const Token& token : title_tokens) {
    if (token.kind != TokenKind::kWord || token.text.size() <= 3) continue;
    ++long_words;
    if (starts_with_capital(token.text)) ++capitalised;
  }
  return long_words >= 3 && capitalised * 10 > long_words * 6;
}

// Single letters and bare punctuation-like leftovers say nothing about a topic.
bool is_term_candidate(const Token& token) { return token.kind == TokenKind::kWord && token.text.size() >= 2; }

}  // namespace

struct Analyzer::Impl {
  AnalyzeOptions options;
  Tokenizer tokenizer;
  std::map<std::string, std::optional<Stemmer>, std::less<>> stemmers;  // nullopt: no Snowball algorithm
  DocumentFrequencies frequencies;
  std::vector<Token> tokens;  // reused across articles to avoid reallocating

  Stemmer* stemmer_for(const std::string& lang) {
    auto it = stemmers.find(lang);
    if (it == stemmers.end()) {
      auto created = Stemmer::create(lang);
      it = stemmers.emplace(lang, created ? std::optional<Stemmer>(std::move(created).value()) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  std::unordered_map<std::string, TermCount> count_terms(const std::string& lang, std::span<const Token> range) {
    std::unordered_map<std::string, TermCount> counts;
    Stemmer* stemmer = stemmer_for(lang);
    for (const Token& token : range) {
      if (!is_term_candidate(token)) continue;
      std::string folded = case_fold(token.text);
      if (is_stopword(lang, folded)) continue;
      const std::string_view stem = stemmer != nullptr ? stemmer->stem(folded) : std::string_view(folded);
      TermCount& count = counts[std::string(stem)];
      if (count.count++ == 0) count.first_surface = std::move(folded);
    }
    return counts;
  }
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

Result<Analyzer> Analyzer::create(AnalyzeOptions options) {
  auto tokenizer = Tokenizer::create();
  if (!tokenizer) return tokenizer.error();
  auto impl = std::unique_ptr<Impl>(new Impl{std::move(options), std::move(tokenizer).value(), {}, {}, {}});
  return Analyzer(std::move(impl));
}

const DocumentFrequencies& Analyzer::document_frequencies() const noexcept { return m_impl->frequencies; }

Result<Analysis> Analyzer::analyze(const Article& article) {
  for (const std::string* field : {&article.title, &article.text}) {
    if (const auto bad = find_invalid_utf8(*field)) {
      return Error{ErrorCode::kInvalidUtf8, "article '" + article.id + "': invalid UTF-8 at byte " +
                                                std::to_string(*bad) + (field == &article.title ? " of the title" : " of the text")};
    }
  }
  Analysis analysis;
  analysis.id = article.id;
  const std::string title = normalize_nfkc(article.title);
  // One document: the title, a paragraph break (so the title ends a sentence), then the text.
  const std::string document = title.empty() ? normalize_nfkc(article.text) : title + "\n\n" + normalize_nfkc(article.text);

  if (!article.lang.empty()) {
    analysis.lang = article.lang;
  } else {
    const LanguageGuess guess = detect_language(document);
    analysis.lang = guess.code == "und" ? m_impl->options.fallback_lang : guess.code;
    analysis.lang_detected = true;
  }

  m_impl->tokenizer.tokenize(document, m_impl->tokens);
  const std::span<const Token> tokens(m_impl->tokens);
  for (const Token& token : tokens) analysis.words += token.kind == TokenKind::kWord ? 1 : 0;

  const auto counts = m_impl->count_terms(analysis.lang, tokens);
  std::vector<std::string_view> distinct;
  distinct.reserve(counts.size());
  for (const auto& entry : counts) distinct.push_back(entry.first);
  m_impl->frequencies.add_document(distinct);
  analysis.terms = weigh_terms(counts, m_impl->frequencies, m_impl->options.top_terms);

  std::size_t body_start = 0;
  while (body_start < tokens.size() && tokens[body_start].offset < title.size()) ++body_start;
  if (body_start > 0) {
    analysis.title_terms = weigh_terms(m_impl->count_terms(analysis.lang, tokens.first(body_start)), m_impl->frequencies, 0);
  }
  const std::size_t entities_from = is_title_case(tokens.first(body_start)) ? body_start : 0;
  analysis.entities = find_entities(document, tokens.subspan(entities_from), analysis.lang);

  if (article.published_at) analysis.published = std::chrono::floor<std::chrono::days>(*article.published_at);
  analysis.dates = find_dates(document, analysis.published);
  return analysis;
}

}  // namespace storyline
