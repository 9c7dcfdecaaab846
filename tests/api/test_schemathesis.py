"""schemathesis fuzzes every operation of the live server's OpenAPI schema: no 5xx, schema-conformant answers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any


def test_fuzzing_the_openapi_schema_finds_no_server_error(
    built_store: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(built_store)
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a test dependency: pip install -e '.[test]'"
    out = subprocess.run(
        [
            st,
            "run",
            srv.url("/openapi.json"),
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            "10",
            "--seed",
            "1",
            "--request-timeout",
            "60",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout[-4000:]
    assert "passed" in out.stdout
