"""Read a SPARQL 1.1 Protocol request (GET, form POST, direct POST) into query and dataset.

Everything a client can get wrong becomes a ProtocolError with an HTTP status and a readable
message (never FastAPI's 422): duplicate or missing `query`, wrong or missing Content-Type, a
body that is not UTF-8 or is larger than the limit, an update sent to the query endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.requests import Request

from ..graph.errors import QueryError

__all__ = ["ProtocolError", "ProtocolRequest", "read_body", "read_protocol_request"]

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


class ProtocolError(QueryError):
    """A malformed protocol request: `status` is the HTTP status to answer with."""

    def __init__(self, message: str, *, status: int = 400, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass
class ProtocolRequest:
    """The query (None when absent) and the protocol-specified dataset (None when not given)."""

    query: str | None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    params: dict[str, list[str]] = field(default_factory=dict)

    @property
    def has_dataset(self) -> bool:
        return self.default_graphs is not None or self.named_graphs is not None


def _media_type(request: Request) -> tuple[str, dict[str, str]]:
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip().strip('"').lower()
    return parts[0].lower(), params


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused with 413 past `max_bytes` (checked while reading)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ProtocolError(
            f"the request body is {declared} bytes, more than the {max_bytes}-byte limit "
            "(max_body_bytes)",
            status=413,
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ProtocolError(
                f"the request body is more than the {max_bytes}-byte limit (max_body_bytes)",
                status=413,
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(
            f"the {what} is not UTF-8 (byte {exc.start}): the SPARQL protocol requires UTF-8"
        ) from exc


def _collect(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def _parse_qs(text: str, what: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the {what} is not percent-encoded UTF-8") from exc


async def read_protocol_request(request: Request, *, max_body_bytes: int) -> ProtocolRequest:
    """Parse the request; raise ProtocolError for anything the protocol does not allow."""
    url_params = _collect(_parse_qs(request.url.query, "query string"))
    method = request.method
    if "update" in url_params:
        raise ProtocolError(
            "SPARQL Update is refused: this endpoint is read-only (the `update` parameter)"
        )
    if method in {"GET", "HEAD"}:
        params = url_params
        queries = params.get("query", [])
    elif method == "POST":
        media, ctparams = _media_type(request)
        body = await read_body(request, max_body_bytes)
        if media == FORM:
            form = _collect(_parse_qs(_decode(body, "form body"), "form body"))
            if "update" in form:
                raise ProtocolError(
                    "SPARQL Update is refused: this endpoint is read-only (the `update` parameter)"
                )
            if "query" in url_params:
                raise ProtocolError(
                    "`query` was given both in the URL and in the form body: give it once"
                )
            params = {**url_params}
            for k, vs in form.items():
                params.setdefault(k, []).extend(vs)
            queries = params.get("query", [])
        elif media == SPARQL_QUERY:
            charset = ctparams.get("charset", "utf-8")
            if charset not in {"utf-8", "utf8"}:
                raise ProtocolError(
                    f"the body is declared as {charset}: the SPARQL protocol requires UTF-8 "
                    "(Content-Type: application/sparql-query; charset=utf-8)"
                )
            if "query" in url_params:
                raise ProtocolError(
                    "a direct POST carries the query in its body: remove `query` from the URL"
                )
            params = url_params
            queries = [_decode(body, "request body")]
        elif media == SPARQL_UPDATE:
            raise ProtocolError("SPARQL Update is refused: this endpoint is read-only")
        elif not media:
            raise ProtocolError(
                "a POST to /sparql needs a Content-Type: application/x-www-form-urlencoded "
                "(with a `query` field) or application/sparql-query (the query as the body)"
            )
        else:
            raise ProtocolError(
                f"Content-Type {media!r} is not accepted: use application/x-www-form-urlencoded "
                "or application/sparql-query"
            )
    else:
        raise ProtocolError(
            f"method {method} is not allowed on /sparql: use GET or POST",
            status=405,
            headers={"Allow": "GET, HEAD, POST, OPTIONS"},
        )
    if len(queries) > 1:
        raise ProtocolError(f"`query` was given {len(queries)} times: give exactly one query")
    dgu = params.get("default-graph-uri")
    ngu = params.get("named-graph-uri")
    return ProtocolRequest(
        query=queries[0] if queries else None,
        default_graphs=dgu if dgu is not None or ngu is not None else None,
        named_graphs=ngu if dgu is not None or ngu is not None else None,
        params=params,
    )
