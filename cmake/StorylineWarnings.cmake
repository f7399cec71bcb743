# Warnings are set per target, never globally, so that third-party headers pulled in as SYSTEM stay quiet.
# -Wnull-dereference is left out: GCC 12 reports false positives inside libstdc++ and CLI11 at -O2.
function(storyline_configure_target target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  if(STORYLINE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(STORYLINE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${STORYLINE_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${STORYLINE_SANITIZE})
  endif()
endfunction()

# Fuzzing (STORYLINE_BUILD_FUZZERS, scripts/fuzz): every target of the build, the library included, gets
# coverage instrumentation (fuzzer-no-link) and ASan + UBSan; only the fuzz/ targets link libFuzzer itself.
# The warning set above is one clang accepts too, so it needs no clang variant.
if(STORYLINE_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "STORYLINE_BUILD_FUZZERS needs clang (libFuzzer); configure with CC=clang CXX=clang++ "
                        "(found ${CMAKE_CXX_COMPILER_ID}).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
