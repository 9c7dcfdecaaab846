"""Rule-based extractors: one module per kind of fact (symbols, dates, meetings, persons...)."""
