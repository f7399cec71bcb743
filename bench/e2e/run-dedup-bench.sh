#!/usr/bin/env bash
# Reproduces the copy-detection figures: quality and end-to-end time of the real CLI run (read, shingle,
# sign, band, verify, write) on the 100k, 10k and 1M near-duplicate sets, then the per-stage throughput
# of bench-dedup on the 100k set. Prints everything; asserts nothing.
#
#   bench/e2e/run-dedup-bench.sh
#
# Environment:
#   STORYLINE_BENCH_DIR   where generated corpora and outputs go (default ~/.cache/storyline-bench; never
#                         the repository: the 1M file is ~2.4 GB)
#   STORYLINE_DATA_DIR    the shared evaluation data (default ../shared/data)
#   STORYLINE_TOOLS_DIR   the shared tools (default ../shared/tools)
#   STORYLINE_BENCH_RUNS  how many times the 100k CLI run is timed (default 3)
#   STORYLINE_BUILD_JOBS  parallel compile jobs for build/release (default: ninja's choice)
# Generating the 100k corpus takes a few minutes and needs the Debian packages listed below; it is made
# once and reused. Timings are disturbed by anything else running on the machine (see the load line).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BENCH_DIR=${STORYLINE_BENCH_DIR:-$HOME/.cache/storyline-bench}
DATA_DIR=${STORYLINE_DATA_DIR:-../shared/data}
TOOLS_DIR=${STORYLINE_TOOLS_DIR:-../shared/tools}
RUNS=${STORYLINE_BENCH_RUNS:-3}
PYTHON=/usr/bin/python3  # Debian's: the corpus tool needs Debian's modules and paths
BUILD=build/release
CLI=$BUILD/bin/storyline
BENCH=$BUILD/bin/bench-dedup
CORPUS_100K=$BENCH_DIR/n100k
CORPUS_10K=$DATA_DIR/neardup-10k
MILLION=$BENCH_DIR/million.jsonl
# The prose sources of make-neardup-corpus.py (see the top of that file).
CORPUS_PACKAGES=(r-cran-janeaustenr bible-kjv bible-kjv-text linux-doc-6.1 python3.11-doc perl-doc jargon-text)

section() { printf '\n== %s\n' "$*"; }

# Times the real CLI on one input and writes its verdicts to OUT.
time_cli() {
  local input=$1 out=$2
  /usr/bin/time -f '%e s wall, %M KB peak' "$CLI" dedup "$input" -o "$out"
}

# Scores a CLI output against a corpus's gold pairs.
score() {
  local corpus=$1 out=$2
  local pairs=${out%.jsonl}.pairs.tsv
  "$PYTHON" bench/e2e/dedup_pairs.py <"$out" >"$pairs"
  "$PYTHON" "$TOOLS_DIR/score-pairs.py" --corpus "$corpus" --pairs "$pairs"
}

mkdir -p "$BENCH_DIR"
section "machine"
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "$(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "bench dir: $BENCH_DIR"

section "build ($BUILD, Release)"
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYLINE_BUILD_TESTS=OFF \
    -DSTORYLINE_BUILD_BENCHMARKS=ON
elif ! grep -q '^STORYLINE_BUILD_BENCHMARKS:BOOL=ON' "$BUILD/CMakeCache.txt"; then
  cmake -S . -B "$BUILD" -DSTORYLINE_BUILD_BENCHMARKS=ON
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt" ||
  echo "warning: $BUILD is not a Release build; its figures are not comparable"
cmake --build "$BUILD" --target storyline_cli storyline_bench_dedup ${STORYLINE_BUILD_JOBS:+-j "$STORYLINE_BUILD_JOBS"}

section "(a) 100k corpus ($CORPUS_100K)"
if [[ -f $CORPUS_100K/docs.jsonl && -f $CORPUS_100K/gold_pairs.jsonl ]]; then
  echo "present; reusing it"
else
  missing=()
  for package in "${CORPUS_PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) == installed ]] || missing+=("$package")
  done
  if ((${#missing[@]} > 0)); then
    echo "make-neardup-corpus.py needs Debian packages that are not installed; install them with:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  "$PYTHON" "$TOOLS_DIR/make-neardup-corpus.py" --n 100000 --seed 1 --pool "$BENCH_DIR/neardup-pool" \
    --out "$CORPUS_100K"
fi

echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)"

section "(b) storyline dedup, 100k ($RUNS runs)"
for run in $(seq 1 "$RUNS"); do
  echo "run $run:"
  time_cli "$CORPUS_100K/docs.jsonl" "$BENCH_DIR/out-100k.jsonl"
done
echo "quality against $CORPUS_100K/gold_pairs.jsonl:"
score "$CORPUS_100K" "$BENCH_DIR/out-100k.jsonl"

section "(c) storyline dedup, 10k ($CORPUS_10K)"
time_cli "$CORPUS_10K/docs.jsonl.gz" "$BENCH_DIR/out-10k.jsonl"
echo "quality against $CORPUS_10K/gold_pairs.jsonl:"
score "$CORPUS_10K" "$BENCH_DIR/out-10k.jsonl"

section "(d) storyline dedup, 1M ($MILLION)"
if [[ -f $MILLION ]]; then
  echo "present; reusing it"
else
  "$PYTHON" bench/e2e/make-million.py "$CORPUS_100K/docs.jsonl" "$MILLION"
fi
echo "$(wc -l <"$MILLION") articles, $(du -h "$MILLION" | cut -f1)"
time_cli "$MILLION" "$BENCH_DIR/out-1m.jsonl"

section "(e) bench-dedup, 100k"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BENCH" "$CORPUS_100K/docs.jsonl"
