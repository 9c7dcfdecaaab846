"""Imported only by the query workers' fork server (api/pool.py preloads it): it dies with the server.

CPython's fork server lives while any process it forked holds its `alive` pipe, and every worker
does; a worker's PR_SET_PDEATHSIG fires on the death of the fork server, not of the server. So
without this, a `kill -9` of the server left the fork server and its busy workers running for
ever. The fork server asks for SIGKILL when the server dies, and its workers follow it.
"""

from __future__ import annotations

from ..graph.processes import kill_with_parent

kill_with_parent()
