# Every build switch of the project, with its default. All carry the STORYLINE_ prefix.
option(STORYLINE_BUILD_TESTS "Build the GoogleTest suites (run them with ctest)" ON)
option(STORYLINE_BUILD_BENCHMARKS "Build the benchmarks under bench/" ON)
option(STORYLINE_WARNINGS_AS_ERRORS "Turn compiler warnings into errors (CI turns this on)" OFF)
set(STORYLINE_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers for every target, e.g. 'address,undefined' (empty: none)")
option(STORYLINE_BUILD_PYTHON "Build the Python module (apps/python; pybind11-dev, python3-dev)" ON)
set(STORYLINE_PYTHON "/usr/bin/python3" CACHE FILEPATH
    "The Python interpreter the module is built for and tested with (Debian's: it has pybind11 and pytest)")
option(STORYLINE_MIMALLOC "Link the storyline executable with mimalloc (off by itself under sanitizers)" ON)
option(STORYLINE_BUILD_FUZZERS "Build the libFuzzer targets under fuzz/ (clang only; scripts/fuzz runs them)" OFF)
