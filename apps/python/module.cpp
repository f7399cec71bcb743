// storyline._storyline: the compiled half of the Python package `storyline` (storyline/__init__.py
// re-exports it). Every call is a thin layer over libstoryline's public API; results are the JSON shapes
// of storyline/json/codec.hpp as plain Python objects; docs/python.md documents the module.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "functions.hpp"
#include "index.hpp"
#include "sketch.hpp"
#include "storyline/link/comparison.hpp"
#include "storyline/text/analyze.hpp"

namespace py = pybind11;
using storyline::python::ClusterParams;
using storyline::python::DedupParams;
using storyline::python::Index;

namespace {

void bind_functions(py::module_& module) {
  module.def(
      "analyze", &storyline::python::analyze, py::arg("articles"), py::kw_only(),
      py::arg("top_terms") = storyline::AnalyzeOptions{}.top_terms,
      "What the engine sees of an article, as one line of `storyline analyze`: id, lang, lang_detected,\n"
      "published, words, terms, entities, dates. Given one article dict, returns one dict; given any\n"
      "other iterable of dicts, a list, analysed as one stream (term weights use the document\n"
      "frequencies of the articles so far). top_terms=0 keeps every term.");
  module.def("similar", &storyline::python::similar, py::arg("a"), py::arg("b"), py::kw_only(),
             py::arg("same_story_days") = storyline::ComparisonOptions{}.same_story_max_days,
             py::arg("duplicate_threshold") = storyline::ComparisonOptions{}.duplicate_jaccard,
             py::arg("entities_across_languages") =
                 storyline::ComparisonOptions{}.storyline_min_entities_across_languages,
             "How two articles relate, as `storyline similar --json`: a dict with verdict ('duplicate',\n"
             "'same_story', 'same_storyline' or 'unrelated'), score (1 = most similar, 4 = least), evidence\n"
             "and signals.");
  const DedupParams dedup_defaults;
  module.def(
      "dedup",
      [](const py::iterable& articles, double threshold, const std::string& shingle_kind,
         std::size_t shingle_size, std::size_t permutations, std::size_t threads) {
        return storyline::python::dedup(
            articles, DedupParams{threshold, shingle_kind, shingle_size, permutations, threads});
      },
      py::arg("articles"), py::kw_only(), py::arg("threshold") = dedup_defaults.threshold,
      py::arg("shingle_kind") = dedup_defaults.shingle_kind,
      py::arg("shingle_size") = dedup_defaults.shingle_size,
      py::arg("permutations") = dedup_defaults.permutations, py::arg("threads") = dedup_defaults.threads,
      "Exact and near-duplicate copies, as `storyline dedup`: one dict per article, in input order, with\n"
      "id, duplicate_of (the id of the earliest article of its copy group; None for that article and for\n"
      "unique ones), similarity (estimated Jaccard to it) and exact. threads=0 uses every core.");
  const ClusterParams cluster_defaults;
  module.def(
      "cluster",
      [](const py::iterable& articles, std::size_t reorder_buffer, double retire_after_days,
         double max_story_days, double storyline_retire_after_days, std::optional<double> join_threshold,
         std::optional<double> storyline_threshold) {
        return storyline::python::cluster(
            articles, ClusterParams{reorder_buffer, retire_after_days, max_story_days,
                                    storyline_retire_after_days, join_threshold, storyline_threshold});
      },
      py::arg("articles"), py::kw_only(), py::arg("reorder_buffer") = cluster_defaults.reorder_buffer,
      py::arg("retire_after_days") = cluster_defaults.retire_after_days,
      py::arg("max_story_days") = cluster_defaults.max_story_days,
      py::arg("storyline_retire_after_days") = cluster_defaults.storyline_retire_after_days,
      py::arg("join_threshold") = py::none(), py::arg("storyline_threshold") = py::none(),
      "Stories and storylines, as `storyline cluster`: the articles (any iterable of dicts, read as a\n"
      "stream) are clustered in publication order within a buffer of reorder_buffer articles; returns one\n"
      "dict per article in that order: id, story, storyline, duplicate_of.");
}

void bind_index(py::module_& module) {
  const storyline::IngestOptions ingest_defaults;
  py::class_<Index>(module, "Index",
                    "A persistent store: one SQLite file, created when missing (docs/store.md). Use it as a\n"
                    "context manager, or call close(), to mark the ingest run of add() finished.")
      .def(py::init<std::string, std::size_t, std::size_t>(), py::arg("path"), py::kw_only(),
           py::arg("batch_size") = ingest_defaults.batch_size,
           py::arg("reorder_buffer") = ClusterParams{}.reorder_buffer)
      .def_property_readonly("path", &Index::path)
      .def("add", &Index::add, py::arg("articles"),
           "Ingest articles (any iterable of dicts, streamed in batches of one transaction each) as\n"
           "`storyline ingest` does. Returns one dict per article, in input order, as POST /articles: id,\n"
           "status ('added' or 'already_present'), position, story, storyline, duplicate_of. A bad article\n"
           "raises after every article before it was stored, and none after it.")
      .def("stories", &Index::stories, "Every story, as `storyline stories` prints them.")
      .def("storylines", &Index::storylines, "Every storyline, as `storyline storylines` prints them.")
      .def("timeline", &Index::timeline, py::arg("storyline"), py::kw_only(), py::arg("top") = 0,
           py::arg("since") = py::none(), py::arg("until") = py::none(),
           "One storyline's timeline, as `storyline timeline --json` (top: its N leading days, "
           "as its --top; 0: every story once; since, until: 'YYYY-MM-DD', only the days from one to the\n"
           "other, as its --since and --until). Raises KeyError when the store holds no such storyline,\n"
           "ValueError for a date that is not one.")
      .def("article", &Index::article, py::arg("id"),
           "One stored article with its text and place, as GET /articles/{id}. Raises KeyError when absent.")
      .def("related", &Index::related, py::arg("id"), py::kw_only(), py::arg("limit") = 100,
           "The article's related coverage, as GET /articles/{id}/related: id, story, storyline, the other\n"
           "articles of its story and of its storyline's other stories (at most `limit` each) with their\n"
           "totals. Raises KeyError when the store holds no such article.")
      .def(
          "search", &Index::search, py::arg("query"), py::kw_only(),
          py::arg("limit") = storyline::kDefaultSearchLimit,
          "Full-text search over titles and texts, as `storyline search --json`: at most `limit` hits, best\n"
          "first, each the article (without text) with its score. Every word of the query must match;\n"
          "nothing in it is search syntax.")
      .def("close", &Index::close, "Mark the ingest run finished; the Index stays readable.")
      .def("__len__", &Index::size)
      .def("__contains__", &Index::contains, py::arg("id"))
      .def(
          "__enter__", [](Index& index) -> Index& { return index; }, py::return_value_policy::reference)
      .def("__exit__", [](Index& index, const py::args&) { index.close(); })
      .def("__repr__", [](const Index& index) {
        return "storyline.Index(" + py::repr(py::str(index.path())).cast<std::string>() + ")";
      });
}

}  // namespace

PYBIND11_MODULE(_storyline, module) {
  module.doc() =
      "storyline: copies, stories and storylines in a stream of news articles (see docs/python.md).";
  storyline::python::register_error(module);
  bind_functions(module);
  bind_index(module);
  storyline::python::bind_sketch(module);  // the Dask driver's building blocks
}
