# All third-party dependencies come from Debian packages; scripts/install-deps installs them.
find_package(ICU 60 REQUIRED COMPONENTS uc i18n)
find_package(simdjson REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(zstd REQUIRED)
find_package(CLI11 REQUIRED)
# storyline serve: Debian ships cpp-httplib compiled, with a pkg-config file whose flags (OpenSSL, zlib and
# Brotli support) the header must be compiled with to match the library.
find_package(PkgConfig REQUIRED)
pkg_check_modules(cpp_httplib REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
find_package(absl REQUIRED)  # flat_hash_map: the story index's centroids (Abseil's Swiss tables)
find_package(SQLite3 3.24 REQUIRED)  # the store; 3.24 for UPSERT (CMake's own FindSQLite3, SQLite::SQLite3)
# The executable's allocator (see apps/cli). Sanitizers bring their own malloc, which must stay in charge.
if(STORYLINE_MIMALLOC AND NOT STORYLINE_SANITIZE)
  find_package(mimalloc 2.0 REQUIRED)
endif()

# libstemmer, cld2 and xxhash ship neither CMake configs nor pkg-config files; wrap them in imported targets.
function(storyline_import_plain_library target header library)
  find_path(${target}_INCLUDE_DIR ${header} REQUIRED)
  find_library(${target}_LIBRARY ${library} REQUIRED)
  add_library(${target} UNKNOWN IMPORTED)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${${target}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${${target}_INCLUDE_DIR}")
endfunction()
storyline_import_plain_library(storyline_libstemmer libstemmer.h stemmer)
storyline_import_plain_library(storyline_cld2 cld2/public/compact_lang_det.h cld2)
storyline_import_plain_library(storyline_xxhash xxhash.h xxhash)

if(STORYLINE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(STORYLINE_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
