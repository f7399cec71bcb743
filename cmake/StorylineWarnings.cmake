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
