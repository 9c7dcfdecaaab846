#!/usr/bin/env bash
# Set up a virtual environment, build the graph from the bundled corpus, and serve it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
echo "thbgraph: [1/3] creating .venv" >&2
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check --upgrade pip
echo "thbgraph: [2/3] installing thbgraph and its dependencies (about a minute)" >&2
# setuptools prints some 250 lines of build warnings about data folders: kept in a log, shown on failure
log=$(mktemp)
if ! .venv/bin/pip install -q --disable-pip-version-check -e . 2>"$log"; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
echo "thbgraph: [3/3] building the graph from the bundled corpus" >&2
.venv/bin/thbgraph build
exec .venv/bin/thbgraph serve "$@"
