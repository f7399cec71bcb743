// The text analysis pipeline for one article: normalise, detect the language, segment words, drop stop
// words, stem, weigh terms, and find entities and dates. This is what every later stage sees of an article.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/text/dates.hpp"
#include "storyline/text/entities.hpp"
#include "storyline/text/term_weights.hpp"

namespace storyline {

struct AnalyzeOptions {
  std::size_t top_terms = 10;  // how many of the heaviest terms an Analysis keeps (0: all of them)
  // Language assumed when an article gives none and cld2 cannot decide (very short or mixed text).
  std::string fallback_lang = "en";
  // Whether to look for the dates an article mentions (Analysis::dates). A tenth of the analysis; callers
  // that never read them (story clustering) turn it off.
  bool find_dates = true;
};

struct Analysis {
  std::string id;
  std::string lang;             // ISO 639-1
  bool lang_detected = false;   // true when cld2 chose `lang` (the article gave none)
  std::size_t words = 0;        // word tokens in title and text
  std::vector<WeightedTerm> terms;        // heaviest first, title and text together
  std::vector<WeightedTerm> title_terms;  // the title's own terms, weighed the same way (all of them)
  std::vector<Entity> entities;     // most-mentioned first
  std::optional<Day> published;     // the article's own date
  std::vector<DateMention> dates;   // dates mentioned in title and text, in text order (if find_dates)
};

// Not thread-safe: it owns an ICU tokenizer, Snowball stemmers and the document frequencies that grow
// with every article. Use one Analyzer per thread (and per stream whose statistics should be shared).
class Analyzer {
 public:
  // Errors: kInternal when ICU's word-break data is unavailable.
  [[nodiscard]] static Result<Analyzer> create(AnalyzeOptions options = {});

  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  ~Analyzer();

  // Analyses title and text as one document and adds its terms to the document frequencies first, so an
  // article is weighed against every article analysed so far, itself included.
  // Errors: kInvalidUtf8 when title or text is not valid UTF-8 (readers reject such input earlier).
  [[nodiscard]] Result<Analysis> analyze(const Article& article);

  [[nodiscard]] const DocumentFrequencies& document_frequencies() const noexcept;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
