#include "storyline/text/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <cstdint>

namespace storyline {
namespace {

// A dot after "U.S", "Mr" or "Gen" abbreviates rather than ends a sentence; telling the two apart
// fully needs a sentence model, and short capitalised words before a dot are mostly abbreviations.
bool is_abbreviation(std::string_view word) noexcept {
  const bool short_capitalised = word.size() <= 3 && word.front() >= 'A' && word.front() <= 'Z';
  return short_capitalised || word.find('.') != std::string_view::npos;
}

// Bytes between two tokens that end a sentence: terminal punctuation or a line break. A closing quote
// or bracket may follow the punctuation ("...," he said." / "(Yonhap)").
bool ends_sentence(std::string_view gap, std::string_view previous_word) noexcept {
  if (gap.find('\n') != std::string_view::npos) return true;
  if (gap.find_first_of("!?") != std::string_view::npos) return true;
  return gap.find('.') != std::string_view::npos && !is_abbreviation(previous_word);
}

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's rules are language-neutral; dictionary scripts (Thai, CJK) are handled by ICU.
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words) {
    return Error{ErrorCode::kInternal, std::string("ICU word break rules unavailable: ") + u_errorName(status)};
  }
  auto impl = std::make_unique<Impl>();
  impl->words = std::move(words);
  return Tokenizer(std::move(impl));
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: ICU then reports native (byte) offsets and no UTF-16 copy is made.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  m_impl->words->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return;
  }
  std::size_t previous_end = 0;
  int32_t start = m_impl->words->first();
  for (int32_t end = m_impl->words->next(); end != icu::BreakIterator::DONE;
       start = end, end = m_impl->words->next()) {
    const int32_t status_tag = m_impl->words->getRuleStatus();
    if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const auto begin = static_cast<std::size_t>(start);
    Token token;
    token.text = text.substr(begin, static_cast<std::size_t>(end - start));
    token.offset = begin;
    token.kind = status_tag < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber : TokenKind::kWord;
    token.sentence_start =
        out.empty() || ends_sentence(text.substr(previous_end, begin - previous_end), out.back().text);
    previous_end = token.end();
    out.push_back(token);
  }
  utext_close(utext);
}

}  // namespace storyline
