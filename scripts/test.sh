#!/usr/bin/env bash
# Set up a virtual environment with thbgraph and its test tools, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "thbgraph: [1/3] creating .venv" >&2
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check --upgrade pip
echo "thbgraph: [2/3] installing thbgraph and its dependencies (about a minute)" >&2
# setuptools prints some 250 lines of build warnings about data folders: kept in a log, shown on failure
log=$(mktemp)
if ! .venv/bin/pip install -q --disable-pip-version-check -e '.[test]' 2>"$log"; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "thbgraph: installing Debian chromium for the browser tests" >&2
    apt-get install -y -q chromium >/dev/null
  else
    echo "thbgraph: the browser tests need Debian's chromium and cannot run without it:" >&2
    echo "  sudo apt-get install chromium   (then run this script again)" >&2
    exit 1
  fi
fi
echo "thbgraph: [3/3] ruff, mypy, then the whole test suite (10-15 minutes)" >&2
.venv/bin/ruff check .
bash scripts/mypy.sh
.venv/bin/pytest -q
