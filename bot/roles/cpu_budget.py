"""The CPU one Celery worker process may use: FORMCOACH_ANALYSIS_THREADS cores (default 1; 0: no limit).

Left alone, one analysis spreads over more than a core: MediaPipe's and TFLite's threads, FFmpeg's
decoding threads, the pipeline's decode-ahead thread, OpenCV's pool, the task's own event loop. Then N
worker processes on N cores contend, and a second process adds far less than a second process's worth.
With a budget of ``n`` cores per process:

* the pools that can be sized are sized to ``n``: OpenMP and BLAS (PyTorch's intra-op pool among them)
  through their environment variables, set in the worker node's parent before it forks
  (``limit_env``); OpenCV with ``cv2.setNumThreads`` in each process (``apply_in_process``);
* each process is pinned (``os.sched_setaffinity``) to ``n`` cores of its own, claimed machine-wide with
  one lock file per core (``flock``): processes of every worker node on the machine take different
  cores, and the kernel drops a dead process's locks, so its replacement takes its cores. FFmpeg sizes
  its decoding threads by this affinity; the threads nothing can size from outside (MediaPipe's, the
  decode-ahead thread) take turns on the process's cores.

When fewer cores are free than asked (more processes than cores), a process takes the free ones; with
none free it runs unpinned. The lock files live in ``<tmp>/formcoach_cpus``: worker containers on one
machine must share that folder (deploy/compose.yaml mounts one volume there), else each starts from the
first core.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import tempfile
from collections.abc import MutableMapping
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
_held: list[IO[bytes]] = []  # this process's claimed cores: their locks last as long as the process


def default_lock_dir() -> Path:
    return Path(tempfile.gettempdir()) / "formcoach_cpus"


def limit_env(n: int, environ: MutableMapping[str, str] | None = None) -> None:
    """In the worker node's parent, before it forks: OpenMP/BLAS pools of ``n`` threads (0: untouched)."""
    if n <= 0:
        return
    env = os.environ if environ is None else environ
    for name in THREAD_ENV:
        env[name] = str(n)


def apply_in_process(n: int, lock_dir: Path | None = None) -> list[int]:
    """In a worker process, before its models load: OpenCV's pool of ``n`` threads and ``n`` cores of its
    own. Returns the cores it is pinned to (empty: unpinned)."""
    if n <= 0:
        return []
    import cv2

    cv2.setNumThreads(n)
    cores = claim_cores(n, lock_dir or default_lock_dir())
    if cores:
        pin_process(cores)
        log.info("worker process %d runs on core(s) %s", os.getpid(), ",".join(map(str, cores)))
    else:
        log.warning("worker process %d: every core is taken by other workers; running unpinned", os.getpid())
    return cores


def pin_process(cores: list[int]) -> None:
    """Every thread of this process (affinity is per thread; threads started later inherit it)."""
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that just ended
            os.sched_setaffinity(int(task.name), cores)
    os.sched_setaffinity(0, cores)


def claim_cores(n: int, lock_dir: Path) -> list[int]:
    """Up to ``n`` cores of this process's affinity that no other live process claimed, lowest first."""
    if not hasattr(os, "sched_getaffinity"):  # not Linux: nothing to pin
        return []
    lock_dir.mkdir(parents=True, exist_ok=True)
    claimed: list[int] = []
    for core in sorted(os.sched_getaffinity(0)):
        if len(claimed) == n:
            break
        if _lock(lock_dir / f"cpu{core}.lock"):
            claimed.append(core)
    return claimed


def _lock(path: Path) -> bool:
    handle = path.open("ab")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # another live process holds it
        handle.close()
        return False
    _held.append(handle)
    return True


def release() -> None:
    """Give the claimed cores back (a process's exit does it too)."""
    while _held:
        with contextlib.suppress(OSError):
            _held.pop().close()
