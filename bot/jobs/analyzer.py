"""Runs ``analysis.pipeline.run`` off the event loop, in spawned worker processes (MediaPipe is neither
fork- nor thread-safe, and one clip keeps a core busy for seconds).

    analyzer = Analyzer(workers=2)
    await analyzer.start()                      # spawns the workers and waits until each is initialised
    result = await analyzer.analyze(job)        # Assessment | Rejection, never raises for a bad clip
    await analyzer.stop()

Each worker is a pool of its own (a one-process ``ProcessPoolExecutor``), a *slot*: a clip that kills its
worker (segfault, OOM kill) breaks only that slot, so the jobs running on the other workers go on
untouched. The broken slot is rebuilt and the job retried once on it; if that fails too the answer is
``Rejection("analysis_failed")``. A clip still running after ``timeout_s`` has its worker killed and
replaced, and is answered ``Rejection("analysis_timeout")`` (not retried: it would run as long again).
Any other exception in the pipeline (a bug) is logged and answered ``analysis_failed``, so the user
always hears back. Every worker watches the bot's process and exits when the bot
is gone (killed with SIGKILL, its workers would otherwise live on, each holding a MediaPipe model).

With ``share_idle=True`` (FORMCOACH_SHARE_IDLE_CLIPS=1), when a clip arrives while no other one is being
analysed or waiting, and a second worker is free, the clip is shared: the two workers each pose part of it
(``analysis.pose.segments``), then the first finishes it (``pipeline.finish``), so one clip on an idle
machine uses both cores. Under load every clip has one worker, as before. A split that fails for any
reason but a timeout is analysed again unsplit. Off by default: MediaPipe's tracker, restarted at the seam,
gives the unsplit rep count on 38 of 40 real clips, not all, so the same clip could be counted differently
depending on the load.

``workers=0`` runs the pipeline in one thread of this process (tests, tiny deployments). The initializer
and ``initializer_args`` are pickled into every worker: tests pass a fake pose estimator defined in an
importable module (``tests.fakes.pose.FakePose``).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analysis import pipeline
from analysis.pose import segments
from analysis.vocab.types import AnalysisJob, Assessment, Rejection

log = logging.getLogger(__name__)
WARM_TIMEOUT_S = 180.0  # MediaPipe's first load on a cold disk can take a while
ORPHAN_CHECK_S = 1.0  # how often a worker looks whether the bot that spawned it is still alive


def _warm() -> int:
    """A no-op run once in each new worker: returns once its initializer ran (MediaPipe loaded)."""
    return os.getpid()


def _init_worker(parent_pid: int, initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
    """The pool's initializer in a worker process: watch the parent, then the real initializer."""
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True, name="orphan").start()
    initializer(*args)


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(ORPHAN_CHECK_S)
    os._exit(0)  # the bot died without shutting the pool down (SIGKILL, OOM kill)


class _Slot:
    """One worker: its one-process pool (replaced when the process dies) and how often it was replaced."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.pool: Executor | None = None


class Analyzer:
    def __init__(
        self,
        workers: int = 1,
        *,
        initializer: Callable[..., None] = pipeline.init_worker,
        initializer_args: tuple[Any, ...] = (),
        retries: int = 1,
        timeout_s: float | None = None,
        share_idle: bool = False,
    ) -> None:
        if workers < 0:
            raise ValueError("workers must be >= 0 (0 = in-process)")
        self.workers = workers
        self.retries = retries
        self.timeout_s = timeout_s
        self._initializer = initializer
        self._initializer_args = initializer_args
        self._slots: list[_Slot] = [_Slot(i) for i in range(self.concurrency)]
        self._free: asyncio.Queue[_Slot] | None = None
        self._lock = asyncio.Lock()
        self.share_idle = share_idle
        self._active = 0  # analyze() calls running or waiting for a worker
        self.splits = 0  # clips shared by two workers (for tests and logs)
        self.rebuilds = 0  # workers replaced after one died (for tests and logs)
        self.timeouts = 0  # workers stopped because a clip ran past timeout_s

    @property
    def concurrency(self) -> int:
        """Jobs that can run at once."""
        return max(1, self.workers)

    def worker_pids(self) -> list[int]:
        """The worker processes alive now (none for ``workers=0``), for memory figures and tests."""
        pids: list[int] = []
        for slot in self._slots:
            if isinstance(slot.pool, ProcessPoolExecutor):
                pids += [p.pid for p in (slot.pool._processes or {}).values() if p.is_alive()]
        return pids

    async def start(self) -> None:
        """Spawn every worker and wait until each has run its initializer (MediaPipe loaded)."""
        async with self._lock:
            if self._free is not None:
                return
            started = time.monotonic()
            try:
                await asyncio.gather(*(self._open(slot) for slot in self._slots))
            except BaseException:
                await asyncio.gather(*(self._close(slot) for slot in self._slots))
                raise
            self._free = asyncio.Queue()
            for slot in self._slots:
                self._free.put_nowait(slot)
            log.info("analysis workers ready: %d in %.1fs", len(self._slots), time.monotonic() - started)

    async def stop(self) -> None:
        async with self._lock:
            self._free = None
            await asyncio.gather(*(self._close(slot, wait=True) for slot in self._slots))

    async def analyze(self, job: AnalysisJob) -> Assessment | Rejection:
        self._active += 1  # counted before any wait, so clips arriving together are never shared
        try:
            return await self._analyze(job)
        finally:
            self._active -= 1

    async def _analyze(self, job: AnalysisJob) -> Assessment | Rejection:
        try:
            await self.start()
        except Exception:
            log.exception("the analysis workers cannot start; answering analysis_failed")
            return Rejection("analysis_failed")
        free = self._free
        assert free is not None
        slot = await free.get()
        try:
            await asyncio.sleep(0)  # let clips that arrived at the same moment take their place first
            alone = self.share_idle and self._active == 1
            helper = free.get_nowait() if alone and not free.empty() else None
            if helper is None:
                return await self._run(slot, job)
            try:
                return await self._run_split(slot, helper, job)
            finally:
                free.put_nowait(helper)
        finally:
            free.put_nowait(slot)

    async def _run_split(self, slot: _Slot, helper: _Slot, job: AnalysisJob) -> Assessment | Rejection:
        """One clip on two workers; unsplit on ``slot`` when the split cannot be done."""
        try:
            return await asyncio.wait_for(self._split(slot, helper, job), self.timeout_s)
        except TimeoutError:
            log.warning("a clip shared by two workers ran past %.0fs; replacing them", self.timeout_s)
            self.timeouts += 1
            await asyncio.gather(self._close(slot, kill=True), self._close(helper, kill=True))
            return Rejection("analysis_timeout", {"seconds": round(self.timeout_s or 0)})
        except BrokenProcessPool:  # the shared attempt counts as the clip's first
            log.warning("a worker died while sharing a clip; trying it on one worker")
            self.rebuilds += 1  # both are replaced: the other one may be dying of the same clip right now
            await asyncio.gather(self._close(slot, kill=True), self._close(helper, kill=True))
            return await self._run(slot, job, self.retries - 1)
        except Exception:
            log.exception("the split analysis raised (a bug); analysing the clip again on one worker")
        return await self._run(slot, job)

    async def _split(self, slot: _Slot, helper: _Slot, job: AnalysisJob) -> Assessment | Rejection:
        loop = asyncio.get_running_loop()
        for s in (slot, helper):
            if s.pool is None:  # replaced after an earlier failure
                await self._open(s)
        assert slot.pool is not None and helper.pool is not None
        clip = await loop.run_in_executor(slot.pool, pipeline.probe_clip, job)
        if isinstance(clip, Rejection):
            return clip
        plan = segments.plan(clip, 2)
        if len(plan) == 1:
            part = await loop.run_in_executor(slot.pool, pipeline.pose_part, job, clip, plan[0])
        else:
            self.splits += 1
            parts = await asyncio.gather(
                loop.run_in_executor(slot.pool, pipeline.pose_part, job, clip, plan[0]),
                loop.run_in_executor(helper.pool, pipeline.pose_part, job, clip, plan[1]),
            )
            part = segments.join(list(parts))
        return await loop.run_in_executor(slot.pool, pipeline.finish, job, clip, part)

    async def _run(self, slot: _Slot, job: AnalysisJob, retries: int | None = None) -> Assessment | Rejection:
        loop = asyncio.get_running_loop()
        for attempt in range((self.retries if retries is None else retries) + 1):
            try:
                if slot.pool is None:
                    await self._open(slot)
                assert slot.pool is not None
                return await asyncio.wait_for(
                    loop.run_in_executor(slot.pool, pipeline.run, job), self.timeout_s
                )
            except TimeoutError:
                log.warning("analysis worker %d ran past %.0fs; replacing it", slot.index, self.timeout_s)
                self.timeouts += 1
                await self._close(slot, kill=True)
                return Rejection("analysis_timeout", {"seconds": round(self.timeout_s or 0)})
            except BrokenProcessPool:
                log.warning("analysis worker %d died (attempt %d); replacing it", slot.index, attempt + 1)
                self.rebuilds += 1
                await self._close(slot)
            except Exception:
                log.exception("the analysis pipeline raised (a bug); answering analysis_failed")
                return Rejection("analysis_failed")
        return Rejection("analysis_failed")

    async def _open(self, slot: _Slot) -> None:
        pool = self._new_pool()
        try:
            future = asyncio.get_running_loop().run_in_executor(pool, _warm)
            await asyncio.wait_for(future, WARM_TIMEOUT_S)
        except BaseException:
            await asyncio.to_thread(pool.shutdown, wait=False, cancel_futures=True)
            raise
        slot.pool = pool

    async def _close(self, slot: _Slot, *, wait: bool = False, kill: bool = False) -> None:
        pool, slot.pool = slot.pool, None
        if pool is None:
            return
        if kill and isinstance(pool, ProcessPoolExecutor):  # a thread cannot be stopped: it runs out alone
            for process in list((pool._processes or {}).values()):
                process.kill()
        await asyncio.to_thread(pool.shutdown, wait=wait, cancel_futures=True)

    def _new_pool(self) -> Executor:
        if self.workers == 0:
            return ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="analysis",
                initializer=self._initializer,
                initargs=self._initializer_args,
            )
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), self._initializer, self._initializer_args),
        )
