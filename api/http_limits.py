"""An h11 protocol for uvicorn with a header read timeout (uvicorn has none of its own).

A client that opens a connection and sends its request line and headers slowly (slowloris) would
hold the connection for ever; here the headers of each request must be complete within
`THBGRAPH_HEADER_TIMEOUT_S` seconds (default 10, graph/caps.py) of the connection opening or of the previous
response, or the connection is closed. Body reads are bounded by the endpoint's body limit and
the open-connections cap; the keep-alive timeout closes idle connections.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..graph.caps import caps

__all__ = ["GuardedH11Protocol"]


class GuardedH11Protocol(H11Protocol):
    """H11Protocol that closes a connection whose request headers do not arrive in time."""

    _header_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(caps().header_timeout_s, self._headers_late)

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)
