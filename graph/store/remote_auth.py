"""Log in to a remote SPARQL server with whatever its 401 challenge asks for (graph/store/remote.py).

Its own module so that importing graph/store/remote.py (which every store command does) does not import
httpx: only a RemoteGraphStore needs it.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

__all__ = ["ChallengeAuth"]


class ChallengeAuth(httpx.Auth):
    """Log in with whatever the server asks for in its 401 challenge: Digest, else Basic.

    After the first challenge the scheme is known: Basic is then sent up front, Digest reuses
    the server's nonce (httpx.DigestAuth), so later requests need one round trip.
    """

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if challenge != "digest":  # Basic, or a server that names no scheme
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)
        else:
            self._scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)  # its first, unauthenticated request is the one just answered
            try:
                retry = flow.send(response)
                while True:
                    retry = flow.send((yield retry))
            except StopIteration:
                return
