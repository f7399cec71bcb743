#!/usr/bin/env bash
# Load benchmark of `storyline serve` on loopback: requests/s and p50/p99 latency (wrk from Debian) for
# GET /storylines/{id} and POST /articles, on a store of at least 100,000 articles.
#
# The store is built once with `storyline ingest` from the dated 100k benchmark corpus
# (bench/stories/throughput.sh makes it) and kept in $STORYLINE_BENCH_DIR; each run copies it, so POSTs
# never accumulate across runs. Every wrk run is bounded in time (DURATION, default 10s).
#
#   bench/server/load.sh      (STORYLINE_BENCH_DIR, STORYLINE_CLI, DURATION, CONNECTIONS, THREADS override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BENCH_DIR=${STORYLINE_BENCH_DIR:-$HOME/.cache/storyline-bench}
CLI=${STORYLINE_CLI:-build/release/bin/storyline}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
CORPUS=$BENCH_DIR/n100k-dated.jsonl
STORE=$BENCH_DIR/server-100k.db

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps" >&2; exit 1; }
if [ ! -x "$CLI" ]; then
  cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYLINE_BUILD_TESTS=OFF >/dev/null
  cmake --build build/release --target storyline_cli
fi
if [ ! -f "$CORPUS" ]; then
  echo "missing $CORPUS: run bench/stories/throughput.sh first (it makes the dated corpus)" >&2
  exit 1
fi
if [ ! -f "$STORE" ]; then
  echo "building $STORE from $CORPUS"
  /usr/bin/time -f 'ingest: %e s, peak %M KB' "$CLI" ingest --quiet --db "$STORE.tmp" "$CORPUS"
  mv "$STORE.tmp" "$STORE"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp "$STORE" "$work/store.db"

# Up to 200 storylines spread over the store's list, small and large alike; the same ids on every run.
ids=$("$CLI" storylines --db "$work/store.db" | /usr/bin/python3 -c '
import json, sys
ids = [json.loads(line)["storyline"] for line in sys.stdin]
step = max(1, len(ids) // 200)
print(",".join(str(i) for i in ids[::step]))')

started=$(date +%s.%N)
"$CLI" serve --db "$work/store.db" --port 0 2>"$work/serve.log" &
server_pid=$!
port=""
health() {
  /usr/bin/python3 -c 'import json, sys, urllib.request
print(json.load(urllib.request.urlopen(sys.argv[1], timeout=5))["articles"])' "http://127.0.0.1:$port/health" 2>/dev/null
}
articles=""
for _ in $(seq 1 1200); do  # start-up replays the store: allow two minutes
  port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/serve.log" | head -n 1)
  if [ -n "$port" ] && articles=$(health); then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$articles" ] || { echo "the server did not answer /health" >&2; exit 1; }
ready=$(date +%s.%N)
echo "store: $articles articles; server ready in $(/usr/bin/python3 -c "print(f'{$ready - $started:.1f}')") s; load average $(cut -d' ' -f1-3 /proc/loadavg)"

report() {
  local name=$1 out=$2
  /usr/bin/python3 - "$name" "$out" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
rate = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
timeouts = re.search(r"Socket errors:.*timeout (\d+)", text)
print(f"{name:<24} {float(rate):10.1f} req/s   p50 {lat.get('50', '-'):>9}   p99 {lat.get('99', '-'):>9}"
      + (f"   NON-2xx: {errors.group(1)}" if errors else "")
      + (f"   timeouts: {timeouts.group(1)}" if timeouts and timeouts.group(1) != "0" else ""))
PY
}

# The server keeps recent timelines (until their storyline grows), so the first request for a storyline
# lays it out and later ones are served from memory: the cold pass is timed on its own, then wrk measures
# the warm path. wrk's --timeout is raised so that a slow answer counts in the latency instead of vanishing.
/usr/bin/python3 - "http://127.0.0.1:$port" "$ids" <<'PY'
import sys, time, urllib.request
base, ids = sys.argv[1], sys.argv[2].split(",")
times = []
for storyline in ids:
    started = time.perf_counter()
    urllib.request.urlopen(f"{base}/storylines/{storyline}", timeout=600).read()
    times.append(time.perf_counter() - started)
times.sort()
print(f"{'GET /storylines/{id} cold':<24} {len(ids):>5} storylines   median {1000 * times[len(times) // 2]:9.1f} ms"
      f"   max {1000 * times[-1]:9.1f} ms")
PY
STORYLINE_IDS=$ids wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency \
  -s bench/server/get-storyline.lua "http://127.0.0.1:$port" >"$work/get.txt"
report "GET /storylines/{id}" "$work/get.txt"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s bench/server/post-articles.lua \
  "http://127.0.0.1:$port" >"$work/post.txt"
report "POST /articles" "$work/post.txt"
