"""Tools that measure thbgraph rather than run it: the synthetic corpus generator for benchmarks."""
