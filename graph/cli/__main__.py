"""`python -m thbgraph.graph.cli`: the same as the `thbgraph` command."""

from . import main

main()
