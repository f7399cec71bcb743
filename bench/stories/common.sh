# Sourced by the scripts beside it, from the repository's root: where the gold data and the scratch space
# are, Debian's Python (it has numpy), and the storyline binary, built (Release) when it is missing.
#   STORYLINE_DATA_DIR (../shared/data), STORYLINE_BENCH_DIR (~/.cache/storyline-bench),
#   STORYLINE_CLI (build/release/bin/storyline)
DATA_DIR=${STORYLINE_DATA_DIR:-../shared/data}
BENCH_DIR=${STORYLINE_BENCH_DIR:-$HOME/.cache/storyline-bench}
CLI=${STORYLINE_CLI:-build/release/bin/storyline}
PYTHON=/usr/bin/python3

if [ ! -x "$CLI" ]; then
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYLINE_BUILD_TESTS=OFF >/dev/null
  cmake --build build/release --target storyline_cli
fi
