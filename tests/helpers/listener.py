"""A real HTTP listener on 127.0.0.1 that records every request: proof that nothing connected."""

from __future__ import annotations

import http.server
import threading
from types import TracebackType

__all__ = ["Listener"]

# What a SPARQL endpoint would answer, so that a federated query that got through would succeed.
_ANSWER = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'


class Listener:
    """`with Listener() as ear:` a server on a free port; `ear.hits` lists the paths requested."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def _hit(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(_ANSWER)

            do_GET = do_POST = _hit

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port: int = self._server.server_port
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Listener:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
