"""The answers a query worker accepts by name: the read model's whitelist (graph/answers/).

Kept as the module the worker pool preloads (api/pool.py) and the worker imports (api/_worker.py).
"""

from __future__ import annotations

from ..graph.answers import CALLS
from ..graph.answers._common import ID, THB

__all__ = ["CALLS", "ID", "THB"]
