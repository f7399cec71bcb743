// Between Python and the library: article dicts in, plain Python objects out, and the one place where a
// library Error becomes a Python exception (storyline.Error, a ValueError with the engine's code, reason,
// file and line, and the position of the article in the caller's input).
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "storyline/common/result.hpp"
#include "storyline/ingest/article.hpp"
#include "storyline/json/codec.hpp"

namespace storyline::python {

namespace py = pybind11;

// A library error on its way to Python. It holds no Python object, so it may be thrown while the GIL is
// released; the translator registered by register_error builds the storyline.Error.
class EngineError : public std::runtime_error {
 public:
  explicit EngineError(Error error, std::optional<std::size_t> index = std::nullopt, std::string where = {});

  [[nodiscard]] const Error& error() const noexcept { return m_error; }
  [[nodiscard]] std::optional<std::size_t> index() const noexcept { return m_index; }

 private:
  Error m_error;
  std::optional<std::size_t> m_index;
};

// The value of `result`, or EngineError naming the article at `index` of the input when there is one.
template <typename T>
T unwrap(Result<T>&& result, std::optional<std::size_t> index = std::nullopt) {
  if (!result) throw EngineError(std::move(result).error(), index);
  return std::move(result).value();
}
void check(const Status& status, std::optional<std::size_t> index = std::nullopt);

// Defines storyline.Error in `module` and translates EngineError into it.
void register_error(py::module_& module);

// One article dict under the rules of a JSON Lines record (storyline::parse_article): required `id` and
// `text`; `title`, `url`, `source`, `lang` strings, `published` an ISO-8601 string (or a datetime.date /
// datetime.datetime, written as ISO-8601); other keys kept as extra fields. `where` names the article in
// messages ("a", "article 3"); `index` is its position in the caller's input. Throws: TypeError for a
// non-dict or a value JSON cannot hold (bytes, sets, ...), ValueError for NaN or infinity, EngineError for
// what the reader rejects (missing or empty id/text, a field of the wrong type, a bad date, text with lone
// surrogates, which is not valid UTF-8). Needs the GIL.
[[nodiscard]] Article to_article(py::handle object, const std::string& where,
                                 std::optional<std::size_t> index = std::nullopt);

// "article 3"
[[nodiscard]] std::string article_label(std::size_t index);

// The library's JSON as plain Python objects (dict in key order, list, str, int, float, bool, None).
// Needs the GIL.
[[nodiscard]] py::object to_python(const json::Json& json);

// Lets Ctrl-C stop a long loop over the caller's articles. Needs the GIL.
void check_signals();

// Articles converted per GIL round trip: large enough that releasing the GIL is cheap against the work,
// small enough that memory does not follow the input.
inline constexpr std::size_t kChunk = 512;

// The loop every bulk call shares: `read(item, index)` for each item of `items`, with the GIL held (it
// converts and keeps the article); `flush()` after every kChunk items and once at the end (it releases the
// GIL itself while it works on what was read); Ctrl-C between chunks.
template <typename Read, typename Flush>
void read_in_chunks(const py::iterable& items, Read&& read, Flush&& flush) {
  std::size_t index = 0;
  for (py::handle item : items) {
    read(item, index);
    if (++index % kChunk == 0) {
      flush();
      check_signals();
    }
  }
  flush();
}

}  // namespace storyline::python
