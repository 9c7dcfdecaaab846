#!/usr/bin/env bash
# Type-check thbgraph with mypy (targets and strictness in pyproject.toml [tool.mypy]).
# The packages live in graph/, api/, cli/ but import as thbgraph.graph, thbgraph.api, thbgraph.cli; an editable
# install resolves that with an import hook mypy cannot follow, so mypy reads them through a tree of symbolic
# links (.mypy-src/thbgraph/graph -> graph, ...), rebuilt here each run.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .mypy-src
mkdir -p .mypy-src/thbgraph
for room in graph api cli ontology shapes; do ln -s "../../$room" ".mypy-src/thbgraph/$room"; done
exec "${PYTHON:-.venv/bin/python}" -m mypy "$@"
