"""Documents: metadata, full text and the spans of every extracted fact."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import BackendDep

__all__ = ["router"]

router = APIRouter(tags=["Documents"])


@router.get("/documents/{document_id}", summary="A document with the spans of its facts")
async def get_document(backend: BackendDep, document_id: str) -> dict[str, Any]:
    """Metadata, the full text all offsets refer to, and every evidence span (start, end, quote,
    the node and property it supports), so a reader sees each fact in context."""
    return await backend.answer("document", document_id=document_id)
