#include "convert.hpp"

#include <Python.h>

#include "storyline/ingest/reader.hpp"

namespace storyline::python {
namespace {

std::string with_place(const Error& error, std::optional<std::size_t> index, const std::string& where) {
  const std::string label = !where.empty() ? where : index ? article_label(*index) : std::string();
  return label.empty() ? error.message() : label + ": " + error.message();
}

// storyline.Error, created once per process by register_error and kept alive by the module.
PyObject* g_error_type = nullptr;

py::object none_if_empty(const std::string& text) {
  return text.empty() ? py::none() : py::object(py::str(text));
}

// json.dumps's `default`: dates and date-times (pandas' Timestamp is one) become ISO-8601, which the
// reader parses; everything else stays an error, as json.dumps would have it.
py::object encode_date(py::handle value) {
  static const py::handle date_type = py::object(py::module_::import("datetime").attr("date")).release();
  if (py::isinstance(value, date_type)) return value.attr("isoformat")();
  throw py::type_error("Object of type " +
                       py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>() +
                       " is not JSON serializable");
}

// Re-raises the pending Python error as the same type with `label` in front of its message, so that a
// bad value in the 10,000th article says which article it was.
[[noreturn]] void raise_labelled(py::error_already_set& error, const std::string& label) {
  if (!error.matches(PyExc_TypeError) && !error.matches(PyExc_ValueError)) throw;  // not about the value
  const std::string message = label + ": " + py::str(error.value()).cast<std::string>();
  PyObject* type = error.matches(PyExc_TypeError) ? PyExc_TypeError : PyExc_ValueError;
  py::raise_from(error, type, message.c_str());
  throw py::error_already_set();
}

}  // namespace

EngineError::EngineError(Error error, std::optional<std::size_t> index, std::string where)
    : std::runtime_error(with_place(error, index, where)), m_error(std::move(error)), m_index(index) {}

void check(const Status& status, std::optional<std::size_t> index) {
  if (!status) throw EngineError(status.error(), index);
}

void register_error(py::module_& module) {
  py::exception<EngineError> type(module, "Error", PyExc_ValueError);
  type.attr("__module__") = "storyline";
  type.attr("__doc__") =
      "An error of the storyline engine. str(e) is the engine's message; e.code names the kind of error "
      "('missing field', 'invalid field', 'invalid UTF-8', 'malformed JSON', 'invalid argument', "
      "'unreadable input', 'unsupported format', 'I/O error', 'internal error'), e.reason says what was "
      "wrong, e.file and e.line where (None when not about a file), e.index the position of the article in "
      "the input (None when not about one article).";
  g_error_type = type.inc_ref().ptr();  // for the life of the process, like the module
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const EngineError& failure) {
      const Error& error = failure.error();
      py::object instance = py::reinterpret_borrow<py::object>(g_error_type)(failure.what());
      instance.attr("code") = std::string(error_code_name(error.code));
      instance.attr("reason") = error.reason;
      instance.attr("file") = none_if_empty(error.file);
      instance.attr("line") = error.line == 0 ? py::none() : py::object(py::int_(error.line));
      instance.attr("index") = failure.index() ? py::object(py::int_(*failure.index())) : py::none();
      PyErr_SetObject(g_error_type, instance.ptr());
    }
  });
}

std::string article_label(std::size_t index) { return "article " + std::to_string(index); }

Article to_article(py::handle object, const std::string& where, std::optional<std::size_t> index) {
  if (!py::isinstance<py::dict>(object)) {
    throw py::type_error(where + ": an article is a dict (id, text, title, published, ...), not " +
                         py::str(py::type::handle_of(object).attr("__name__")).cast<std::string>());
  }
  // One set of rules for every front end: the dict goes through the same parser as a JSON Lines record.
  // Leaked on purpose: a static py::object would be released after the interpreter is gone.
  static const py::handle dumps = py::object(py::module_::import("json").attr("dumps")).release();
  static const py::handle date_encoder = py::cpp_function(encode_date).release();
  py::object text;
  try {
    text = dumps(object, py::arg("ensure_ascii") = false, py::arg("allow_nan") = false,
                 py::arg("default") = date_encoder);
  } catch (py::error_already_set& error) {
    raise_labelled(error, where);
  }
  // A str with lone surrogates (bytes decoded with errors="surrogateescape") is passed on as the invalid
  // UTF-8 it stands for, so that the reader rejects it under its own rule rather than Python's.
  const py::object bytes =
      py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass"));
  if (!bytes) throw py::error_already_set();
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(bytes.ptr(), &data, &size) != 0) throw py::error_already_set();
  auto article = parse_article(std::string_view(data, static_cast<std::size_t>(size)));
  if (!article) {
    Error error = std::move(article).error();
    // The reader's advice names the command-line flag; the module has no such setting.
    if (error.code == ErrorCode::kTooLarge) {
      error.reason =
          error.reason.substr(0, error.reason.find(" (raise it with")) +
          " (the Python module takes up to 1 MiB of title and text per article: split longer ones)";
    }
    throw EngineError(std::move(error), index, where);
  }
  return std::move(article).value();
}

py::object to_python(const json::Json& json) {
  switch (json.type()) {
    case json::Json::value_t::null:
    case json::Json::value_t::discarded:
      return py::none();
    case json::Json::value_t::boolean:
      return py::bool_(json.get<bool>());
    case json::Json::value_t::number_integer:
      return py::int_(json.get<std::int64_t>());
    case json::Json::value_t::number_unsigned:
      return py::int_(json.get<std::uint64_t>());
    case json::Json::value_t::number_float:
      return py::float_(json.get<double>());
    case json::Json::value_t::string:
      return py::str(json.get_ref<const std::string&>());
    case json::Json::value_t::binary:
      return py::bytes(reinterpret_cast<const char*>(json.get_binary().data()), json.get_binary().size());
    case json::Json::value_t::array: {
      py::list list(json.size());
      std::size_t i = 0;
      for (const auto& item : json) list[i++] = to_python(item);
      return list;
    }
    case json::Json::value_t::object: {
      py::dict dict;
      for (const auto& [key, value] : json.items()) dict[py::str(key)] = to_python(value);
      return dict;
    }
  }
  return py::none();
}

void check_signals() {
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

}  // namespace storyline::python
