#!/usr/bin/env bash
# The long form of the crash test: kill -9 a rebuild at 50 random points; the store must always show
# the old or the new graph, never a mix.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"
THBGRAPH_KILLS="${THBGRAPH_KILLS:-50}" "$venv"/bin/pytest -q tests/hostile/test_kill.py -k kill_9
