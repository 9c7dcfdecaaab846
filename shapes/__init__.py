"""SHACL shapes that validate the thbgraph data."""
