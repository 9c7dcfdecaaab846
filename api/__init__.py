"""The HTTP face of thbgraph: SPARQL protocol endpoint, traceability API, linked-data pages."""
