"""The thbgraph OWL ontology and the reference register, as Turtle files."""
