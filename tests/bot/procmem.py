"""Memory and process figures from /proc (Linux), for the hardening tests and scripts/load_bot.py.

``peak_rss_mb(pid)`` is the kernel's high-water mark of the process's resident memory (VmHWM): it
covers every moment of the process's life, not only the moments someone looked.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def _status(pid: int) -> dict[str, str]:
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:  # the process is gone
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def _mb(value: str | None) -> float:
    return int(value.split()[0]) / 1024 if value else 0.0  # "123456 kB"


def rss_mb(pid: int | None = None) -> float:
    """Resident memory now, in MiB (0 when the process is gone)."""
    return _mb(_status(pid or os.getpid()).get("VmRSS"))


def peak_rss_mb(pid: int | None = None) -> float:
    """Highest resident memory the process ever had, in MiB (0 when the process is gone)."""
    return _mb(_status(pid or os.getpid()).get("VmHWM"))


def children(pid: int | None = None) -> list[int]:
    """Direct children of ``pid`` (default: this process) that are still alive."""
    parent, found = pid or os.getpid(), []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()  # after "pid (comm)": state, ppid, …
        if len(fields) > 1 and int(fields[1]) == parent and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped does not count)."""
    state = _status(pid).get("State", "").strip()
    return bool(state) and not state.startswith(("Z", "X"))


def spawned_workers(pid: int) -> list[int]:
    """Children of ``pid`` that are multiprocessing spawn workers (not its resource tracker, not espeak)."""
    found = []
    for child in children(pid):
        try:
            command = (PROC / str(child) / "cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(child)
    return found
