"""One router per resource of the JSON traceability API and the linked-data pages."""
