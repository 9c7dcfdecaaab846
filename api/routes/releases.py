"""The store's releases under /dumps/releases/: an index, one release's files, and the files.

Releases are written by `thbgraph release` (graph/release.py) beside the store's generations, so
they change without a new generation: these answers carry their own validators (a hash of the
index, a file's SHA-256), and the generation-based middleware leaves them alone. A release's
files never change: they may be cached for a year.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse

from ...graph.errors import UnknownEntityError
from ...graph.release import META, SUMS, Release, list_releases, release_folder
from ..caching import CACHE_CONTROL, file_validated
from ..deps import BackendDep

__all__ = ["router"]

router = APIRouter(tags=["Dataset"])

MEDIA = {
    ".nq.gz": "application/gzip",  # the bytes the checksum is of: no Content-Encoding
    ".ttl": "text/turtle; charset=utf-8",
    ".json": "application/json",
    SUMS: "text/plain; charset=utf-8",
}


def _root(backend: Any) -> Path | None:
    location = backend.store_location
    return None if backend.local.store.remote else Path(location)


def _describe(release: Release, base: str) -> dict[str, Any]:
    here = f"{base}dumps/releases/{release.name}/"
    names = [*release.files, META, SUMS]
    return {
        "name": release.name,
        "number": release.number,
        "date": release.date,
        "generation": release.generation,
        "quads": release.quads,
        "graphs": release.graphs,
        "licence": release.licence,
        "citation": release.citation,
        "href": here,
        "files": [{"name": n, "href": here + n, "sha256": release.files.get(n)} for n in names],
    }


def _json(request: Request, doc: Any) -> Response:
    body = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    fresh, headers = file_validated(
        request.headers, hashlib.sha256(body).hexdigest()[:32], cache_control=CACHE_CONTROL
    )
    if fresh:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/dumps/releases", summary="The releases of the store (index)")
@router.get("/dumps/releases/", include_in_schema=False)
async def releases(request: Request, backend: BackendDep) -> Response:
    """Every release, oldest first, with its files, checksums, counts and citation."""
    root = _root(backend)
    found = list_releases(root) if root is not None else []
    base = str(request.base_url)
    return _json(request, {"releases": [_describe(r, base) for r in found]})


@router.get("/dumps/releases/{name}", summary="One release: its files and description")
@router.get("/dumps/releases/{name}/", include_in_schema=False)
async def one_release(request: Request, name: str, backend: BackendDep) -> Response:
    """A release (`r3`) with its files and checksums."""
    root = _root(backend)
    folder = release_folder(root, name) if root is not None else None
    if folder is None:
        raise UnknownEntityError(f"no release {name!r} (see /dumps/releases/)")
    release = Release(**json.loads((folder / META).read_text(encoding="utf-8")))
    return _json(request, _describe(release, str(request.base_url)))


@router.get("/dumps/releases/{name}/{file}", summary="A file of a release")
async def release_file(request: Request, name: str, file: str, backend: BackendDep) -> Response:
    """The dump, its VoID/DCAT description, release.json or SHA256SUMS; ETag = its SHA-256."""
    root = _root(backend)
    folder = release_folder(root, name) if root is not None else None
    path = folder / file if folder is not None else None
    if path is None or "/" in file or file.startswith(".") or not path.is_file():
        raise UnknownEntityError(f"no file {file!r} in release {name!r} (see /dumps/releases/)")
    release = Release(**json.loads((folder / META).read_text(encoding="utf-8")))  # type: ignore[operator]
    digest = release.files.get(file) or hashlib.sha256(path.read_bytes()).hexdigest()
    fresh, headers = file_validated(request.headers, digest[:32])
    if fresh:
        return Response(status_code=304, headers=headers)
    media = next(
        (m for suffix, m in MEDIA.items() if file.endswith(suffix)), "application/octet-stream"
    )
    return FileResponse(path, media_type=media, headers=headers, filename=file)
