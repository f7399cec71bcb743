// Snowball stemming (libstemmer): "negotiations" and "negotiating" both become "negoti", so that the
// forms of one word count as one term.
#pragma once

#include <memory>
#include <string_view>

#include "storyline/common/result.hpp"

namespace storyline {

// Not thread-safe (libstemmer keeps its working buffer in the stemmer): one Stemmer per thread.
class Stemmer {
 public:
  // `lang` is an ISO 639-1 code ("en") or a Snowball algorithm name ("english").
  // Errors: kInvalidArgument when libstemmer has no algorithm for `lang`.
  [[nodiscard]] static Result<Stemmer> create(std::string_view lang);

  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  ~Stemmer();

  // Stem of a case-folded UTF-8 word. The view stays valid until the next call on this Stemmer.
  [[nodiscard]] std::string_view stem(std::string_view folded_word);

 private:
  struct Impl;
  explicit Stemmer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace storyline
