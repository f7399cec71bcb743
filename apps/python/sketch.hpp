// Low-level calls for the Dask driver (storyline/dask.py), which spreads copy detection and clustering
// over many processes and so needs the pieces that `dedup` and `cluster` keep inside: each article's
// sketch (content hash, LSH band keys, compressed MinHash signature), the library's similarity estimate
// between two signatures, and a clustering pass that takes each article's story as given. They are
// underscored (storyline._sketch, ...): the driver's building blocks, not part of docs/python.md's API.
#pragma once

#include <pybind11/pybind11.h>

namespace storyline::python {

void bind_sketch(pybind11::module_& module);

}  // namespace storyline::python
