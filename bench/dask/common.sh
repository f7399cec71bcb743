# Sourced by compare.sh and scale.sh: the build to use, Debian's Python (it has python3-distributed and
# numpy) with the build's module on its path, and a scratch directory removed on exit.
#   STORYLINE_BUILD_DIR (default build/release)
BUILD=${STORYLINE_BUILD_DIR:-build/release}
CLI=$BUILD/bin/storyline
PYTHON=/usr/bin/python3
export PYTHONPATH=$BUILD/python

[ -x "$CLI" ] || { echo "$(basename "$0"): no $CLI; build storyline_cli and storyline_python first" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
