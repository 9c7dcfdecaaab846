"""Hostile RDF uploads: nothing is read from local files, nothing is fetched, nothing explodes."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from thbgraph.graph.store import open_store

SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"


def _thbgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


class _Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture()
def listener() -> Any:
    lst = _Listener()
    yield lst
    lst.close()


def test_rdfxml_with_external_entities_reads_no_file_and_fetches_nothing(
    writable_store: Path, tmp_path: Path, listener: _Listener
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    evil = tmp_path / "evil.rdf"
    evil.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY file SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "http://127.0.0.1:{listener.port}/x">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s">
    <ex:p>&file;</ex:p>
    <ex:q>&remote;</ex:q>
  </rdf:Description>
</rdf:RDF>
""",
        encoding="utf-8",
    )
    out = _thbgraph(
        "load", str(evil), "--graph", "http://example.org/g", "--store", str(writable_store)
    )
    with open_store(writable_store) as kg:
        dumped = kg.dump().decode()
    assert SECRET not in dumped
    assert listener.connections == 0
    assert out.returncode == 1  # refused: one clear line naming the file
    assert str(evil) in out.stderr and "Traceback" not in out.stderr


def test_rdfxml_entity_expansion_is_bounded(writable_store: Path, tmp_path: Path) -> None:
    lol = "".join(
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}' + f'{("&lol" + str(i - 1) + ";") * 9}">'
        for i in range(1, 10)
    )
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY lol0 "lol"> {lol} ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>&lol9;</ex:p></rdf:Description>
</rdf:RDF>
""",
        encoding="utf-8",
    )
    out = _thbgraph(
        "load", str(bomb), "--graph", "http://example.org/g", "--store", str(writable_store)
    )
    assert out.returncode == 1
    assert str(bomb) in out.stderr and "entities" in out.stderr
    assert "Traceback" not in out.stderr
