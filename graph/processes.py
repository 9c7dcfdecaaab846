"""Child processes that end with their parent, whatever kills it (Linux PR_SET_PDEATHSIG).

Every process the project starts (build extraction workers, the SHACL child, query workers and
the fork server they come from) asks the kernel for SIGKILL when its parent dies: a `kill -9` of
`thbgraph build` or `thbgraph serve` leaves no worker running. Elsewhere these are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent", "kill_with_parent"]

PR_SET_PDEATHSIG = 1


def _prctl_pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)


def kill_with_parent(parent: int | None = None) -> None:
    """SIGKILL this process when its parent ends; exit now if the parent already ended.

    Safe in `subprocess.Popen(preexec_fn=...)` and in a pool initializer (no thread started).
    The kernel ties the signal to the parent *thread* that forked: fork from a thread that
    lives as long as the parent process (the main thread, or a pool's manager).
    """
    _prctl_pdeathsig()
    if (parent is not None and os.getppid() != parent) or os.getppid() == 1:
        os._exit(1)


def die_with_parent() -> None:
    """`kill_with_parent`, plus a watchdog thread that notices a new parent (any platform)."""
    parent = os.getppid()
    kill_with_parent(parent)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="thbgraph-watchdog").start()
