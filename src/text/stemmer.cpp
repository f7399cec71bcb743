#include "storyline/text/stemmer.hpp"

#include <libstemmer.h>

#include <string>

namespace storyline {

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
  ~Impl() { sb_stemmer_delete(stemmer); }
};

Stemmer::Stemmer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;
Stemmer::~Stemmer() = default;

Result<Stemmer> Stemmer::create(std::string_view lang) {
  const std::string name(lang);  // libstemmer accepts ISO 639-1 codes as aliases of its algorithm names
  sb_stemmer* stemmer = sb_stemmer_new(name.c_str(), "UTF_8");
  if (stemmer == nullptr) {
    return Error{ErrorCode::kInvalidArgument, "no Snowball stemmer for language '" + name + "'"};
  }
  auto impl = std::make_unique<Impl>();
  impl->stemmer = stemmer;
  return Stemmer(std::move(impl));
}

std::string_view Stemmer::stem(std::string_view folded_word) {
  const auto* stemmed = sb_stemmer_stem(m_impl->stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                        static_cast<int>(folded_word.size()));
  if (stemmed == nullptr) return folded_word;  // out of memory inside libstemmer: keep the word unstemmed
  return {reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(m_impl->stemmer))};
}

}  // namespace storyline
