"""thbgraph: a knowledge graph of anti-trafficking commitments, meetings, actors and publications.

Data flows one way: read -> extract -> build RDF -> validate -> store -> query / serve / export.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
