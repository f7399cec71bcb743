# Every build switch of the project, with its default. All carry the STORYLINE_ prefix.
option(STORYLINE_BUILD_TESTS "Build the GoogleTest suites (run them with ctest)" ON)
option(STORYLINE_BUILD_BENCHMARKS "Build the benchmarks under bench/" ON)
option(STORYLINE_WARNINGS_AS_ERRORS "Turn compiler warnings into errors (CI turns this on)" OFF)
set(STORYLINE_SANITIZE "" CACHE STRING
    "Comma-separated sanitizers for every target, e.g. 'address,undefined' (empty: none)")
