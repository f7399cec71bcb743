# Turns a text file into a C++ header holding it as a raw string literal, so the library carries its
# data (the story model) with it and needs no install path. Runs at build time when the file changes.
#   cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P EmbedFile.cmake
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake; do not edit.\n#pragma once\n#include <string_view>\n"
  "namespace storyline::detail {\ninline constexpr std::string_view ${NAME} = R\"storyline_embed(${content})storyline_embed\";\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
