#include "storyline/text/analyze.hpp"

#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "storyline/text/language.hpp"
#include "storyline/text/stemmer.hpp"
#include "storyline/text/stopwords.hpp"
#include "storyline/text/tokenize.hpp"
#include "storyline/text/unicode.hpp"
#include "text/flat_table.hpp"
#include "text/term_weights_detail.hpp"
#include "text/normalize.hpp"

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

// The words of one language as the analyzer has met them, across articles: each surface form (the token
// as written, not folded) maps to the id of its stem, or to kStopWord. Case folding, the stop-word test
// and Snowball then run once per distinct surface rather than once per token (stemming was an eighth of
// the analysis). All three are pure functions of the word, so the counts are exactly those of doing the
// work per token.
class TermVocabulary {
 public:
  static constexpr std::uint32_t kStopWord = std::numeric_limits<std::uint32_t>::max();

  TermVocabulary(std::string lang, std::optional<Stemmer> stemmer)
      : m_lang(std::move(lang)), m_stemmer(std::move(stemmer)) {}

  // Forgets everything once the vocabulary is large, so that a long stream of articles cannot grow it
  // without bound; only call it between documents, as it invalidates stem ids.
  void bound_size() {
    if (m_words.size() < kMaxWords) return;
    m_words.clear();
    m_stem_ids.clear();
    m_stems.clear();
    m_stem_bytes.clear();
    m_term_ids.clear();
  }

  // `hash` is detail::hash_word(surface).
  std::uint32_t id_of(std::string_view surface, std::uint64_t hash) {
    if (const std::uint32_t* id = m_words.find(surface, hash)) return *id;
    const std::string folded = case_fold(surface);
    std::uint32_t id = kStopWord;
    if (!is_stopword(m_lang, folded)) {
      const std::string_view stem = m_stemmer ? m_stemmer->stem(folded) : std::string_view(folded);
      if (const std::uint32_t* known = m_stem_ids.find(stem)) {
        id = *known;
      } else {
        id = static_cast<std::uint32_t>(m_stems.size());
        m_stems.push_back(m_stem_bytes.store(stem));
        m_stem_ids.insert(m_stems.back(), id);
      }
    }
    m_words.insert(surface, id);
    return id;
  }

  void prefetch(std::uint64_t hash) const noexcept { m_words.prefetch(hash); }
  void prefetch_stem(std::uint32_t id) const noexcept { __builtin_prefetch(&m_stems[id]); }

  [[nodiscard]] std::string_view stem(std::uint32_t id) const { return m_stems[id]; }
  // The stem's id in `frequencies`, interned on first use and remembered: the stem's string is hashed
  // there once per vocabulary, not once per document (that lookup was a tenth of clustering).
  std::uint32_t term_id(std::uint32_t id, DocumentFrequencies& frequencies) {
    if (id >= m_term_ids.size()) m_term_ids.resize(m_stems.size(), kUnknownTerm);
    if (m_term_ids[id] == kUnknownTerm) m_term_ids[id] = frequencies.intern(m_stems[id]);
    return m_term_ids[id];
  }
  [[nodiscard]] std::size_t stems() const noexcept { return m_stems.size(); }

 private:
  // 65,536 surface forms, some 8 MB of tables at most: the words that make up most of any stream's tokens
  // fit, and starting over only costs stemming the words met again.
  static constexpr std::size_t kMaxWords = std::size_t{1} << 16;

  std::string m_lang;
  std::optional<Stemmer> m_stemmer;  // nullopt: no Snowball algorithm for the language
  detail::WordMap<std::uint32_t> m_words;
  detail::WordMap<std::uint32_t> m_stem_ids;
  std::vector<std::string_view> m_stems;  // by id, views of m_stem_bytes
  std::vector<std::uint32_t> m_term_ids;  // by id: the DocumentFrequencies id, or kUnknownTerm
  detail::StringArena m_stem_bytes;
};

}  // namespace

struct Analyzer::Impl {
  Impl(AnalyzeOptions analyze_options, Tokenizer word_tokenizer)
      : options(std::move(analyze_options)), tokenizer(std::move(word_tokenizer)) {}

  AnalyzeOptions options;
  Tokenizer tokenizer;
  std::map<std::string, TermVocabulary, std::less<>> vocabularies;
  DocumentFrequencies frequencies;
  std::vector<Token> tokens;  // reused across articles to avoid reallocating
  // count_terms' scratch, reused: per stem id its count in the document, and the ids in order of first
  // occurrence with the token that first produced each.
  std::vector<std::uint32_t> stem_counts;
  std::vector<std::pair<std::uint32_t, std::string_view>> first_seen;
  std::vector<std::uint64_t> hashes;  // per token of the range
  // analyze's scratch, reused likewise.
  std::string document;
  std::vector<std::uint32_t> distinct;
  std::vector<std::size_t> document_frequencies;
  std::vector<detail::CountedTerm> counted;
  std::vector<detail::CountedTerm> title_counted;

  TermVocabulary& vocabulary_for(const std::string& lang) {
    auto it = vocabularies.find(lang);
    if (it == vocabularies.end()) {
      auto created = Stemmer::create(lang);
      it = vocabularies
               .try_emplace(lang, lang,
                            created ? std::optional<Stemmer>(std::move(created).value()) : std::nullopt)
               .first;
    }
    return it->second;
  }

  // Replaces `terms` with the stems of `range` and their counts (frequency left 0), in the order weights
  // are summed in (see below).
  void count_terms(const std::string& lang, std::span<const Token> range,
                   std::vector<detail::CountedTerm>& terms) {
    TermVocabulary& vocabulary = vocabulary_for(lang);
    vocabulary.bound_size();
    // The vocabulary outgrows the cache, so each lookup is started a few tokens early (see prefetch).
    constexpr std::size_t kLookAhead = 16;
    hashes.resize(range.size());
    for (std::size_t i = 0; i < range.size(); ++i) {
      hashes[i] = detail::hash_word(range[i].text);
      if (i < kLookAhead) vocabulary.prefetch(hashes[i]);
    }
    for (std::size_t i = 0; i < range.size(); ++i) {
      if (i + kLookAhead < range.size()) vocabulary.prefetch(hashes[i + kLookAhead]);
      const Token& token = range[i];
      if (!is_term_candidate(token)) continue;
      const std::uint32_t id = vocabulary.id_of(token.text, hashes[i]);
      if (id == TermVocabulary::kStopWord) continue;
      if (id >= stem_counts.size()) stem_counts.resize(vocabulary.stems(), 0);
      if (stem_counts[id]++ == 0) {
        first_seen.emplace_back(id, token.text);
        vocabulary.prefetch_stem(id);  // wanted again below
      }
    }
    // Any order will do: weigh_counted_terms weighs the same whatever the order of the terms.
    terms.clear();
    for (const auto& [id, surface] : first_seen) {
      terms.push_back(
          {vocabulary.stem(id), stem_counts[id], surface, /*fold_display=*/true, 0, vocabulary.term_id(id, frequencies)});
    }
    for (const auto& seen : first_seen) stem_counts[seen.first] = 0;
    first_seen.clear();
  }
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

Result<Analyzer> Analyzer::create(AnalyzeOptions options) {
  auto tokenizer = Tokenizer::create();
  if (!tokenizer) return tokenizer.error();
  auto impl = std::make_unique<Impl>(std::move(options), std::move(tokenizer).value());
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
  // One document: the title, a paragraph break (so the title ends a sentence), then the text. It is built
  // in a buffer kept across articles, and ASCII, which NFKC leaves as it is, is appended without a copy.
  std::string& document = m_impl->document;
  document.clear();
  detail::append_normalized(article.title, document);
  const std::size_t title_size = document.size();
  if (title_size > 0) document += "\n\n";
  detail::append_normalized(article.text, document);

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

  auto& counted = m_impl->counted;
  m_impl->count_terms(analysis.lang, tokens, counted);
  // Counting the document in also yields each stem's document frequency, so weighing looks none up.
  auto& distinct = m_impl->distinct;
  auto& frequencies = m_impl->document_frequencies;
  distinct.clear();
  for (const detail::CountedTerm& term : counted) distinct.push_back(term.id);
  frequencies.resize(distinct.size());
  m_impl->frequencies.add_document(distinct, frequencies);
  for (std::size_t i = 0; i < counted.size(); ++i) counted[i].frequency = frequencies[i];
  analysis.terms =
      detail::weigh_counted_terms(counted, m_impl->frequencies.documents(), m_impl->options.top_terms);

  std::size_t body_start = 0;
  while (body_start < tokens.size() && tokens[body_start].offset < title_size) ++body_start;
  if (body_start > 0) {
    auto& title_counted = m_impl->title_counted;
    m_impl->count_terms(analysis.lang, tokens.first(body_start), title_counted);
    for (detail::CountedTerm& term : title_counted) term.frequency = m_impl->frequencies.frequency(term.id);
    analysis.title_terms = detail::weigh_counted_terms(title_counted, m_impl->frequencies.documents(), 0);
  }
  const std::size_t entities_from = is_title_case(tokens.first(body_start)) ? body_start : 0;
  analysis.entities = find_entities(document, tokens.subspan(entities_from), analysis.lang);

  if (article.published_at) analysis.published = std::chrono::floor<std::chrono::days>(*article.published_at);
  if (m_impl->options.find_dates) analysis.dates = find_dates(document, analysis.published);
  return analysis;
}

}  // namespace storyline
