"""Operating-system limits a query worker puts on itself before answering anything.

A second line behind the query guard: a worker over the embedded store moves into a network
namespace of its own with no interface (unshare CLONE_NEWNET; needs root or user namespaces), so
that no query form can open an outbound connection even if the guard were fooled. Each worker
caps its address space (RLIMIT_AS) and dies with its parent (PR_SET_PDEATHSIG, and a watchdog
thread that notices a new parent), whatever kills the parent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource

from ..graph.processes import die_with_parent

__all__ = [
    "cap_memory",
    "capped_mb",
    "die_with_parent",
    "fewer_malloc_arenas",
    "isolate_network",
    "network_isolation_works",
]

CLONE_NEWNET = 0x40000000
_capped_mb = 0  # this process's cap, once set

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def cap_memory(megabytes: int) -> None:
    """Cap this process's address space; past it allocations fail (MemoryError), not the host.

    The cap is the whole address space (the interpreter and the store's mappings included), so
    that the workers together stay within their budget (graph/caps.py `workers_memory_mb`).
    """
    global _capped_mb
    if megabytes <= 0:
        return
    _capped_mb = megabytes
    limit = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def fewer_malloc_arenas(arenas: int = 2) -> None:
    """Limit glibc's malloc arenas (64 MB of address space each, one per thread by default), so
    that the address-space cap measures memory used rather than reserved (no-op off glibc)."""
    m_arena_max = -8
    mallopt = getattr(_libc, "mallopt", None)
    if mallopt is not None:
        mallopt(m_arena_max, arenas)


def capped_mb() -> int:
    """The address-space cap this process set on itself (0: none)."""
    return _capped_mb


def isolate_network() -> bool:
    """Move this process into a new network namespace (no interfaces); False when refused."""
    if hasattr(os, "unshare"):
        try:
            os.unshare(CLONE_NEWNET)
            return True
        except OSError:
            return False
    return bool(_libc.unshare(CLONE_NEWNET) == 0)


def network_isolation_works() -> bool:
    """Probe in a short-lived child whether workers can drop the network."""
    pid = os.fork()
    if pid == 0:  # the child: report by exit code, never return into the caller
        os._exit(0 if isolate_network() else 1)
    _, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
