"""`python -m thbgraph.cli`: the same as the `thbgraph` command."""

from . import main

main()
