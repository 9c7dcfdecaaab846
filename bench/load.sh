#!/usr/bin/env bash
# The long form of the load test: 50 clients for 60 s against a 1e5-triple synthetic store.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$venv"/bin/thbgraph synth "$work/corpus" -n 250 --seed 1
"$venv"/bin/thbgraph build --corpus "$work/corpus" --store "$work/store"
THBGRAPH_LOAD_STORE="$work/store" THBGRAPH_LOAD_SECONDS=60 THBGRAPH_LOAD_CLIENTS=50 \
  "$venv"/bin/pytest -q -s tests/api/test_load.py
