"""The OpenAPI document lists what is served: methods a route accepts only to refuse are left out."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

__all__ = ["REFUSED", "served_only"]

# Methods routed only to answer "405 Method Not Allowed" (with Allow) in the protocol's words.
REFUSED: dict[str, tuple[str, ...]] = {"/sparql": ("put", "delete", "patch")}


def served_only(app: FastAPI) -> None:
    """Make `app.openapi()` leave out the REFUSED operations."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for path, methods in REFUSED.items():
                for method in methods:
                    schema.get("paths", {}).get(path, {}).pop(method, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
