#!/usr/bin/env bash
# Set up a virtual environment, build the graph from the bundled corpus, and serve it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
.venv/bin/thbgraph build
exec .venv/bin/thbgraph serve "$@"
