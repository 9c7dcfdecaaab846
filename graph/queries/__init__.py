"""Named SPARQL queries (.rq files) shared by the CLI and the API."""
