"""Runs ``analysis.pipeline.run`` off the event loop: a pool of spawned worker processes (MediaPipe is
neither fork- nor thread-safe, and one clip keeps a core busy for seconds).

    analyzer = Analyzer(workers=2)
    await analyzer.start()                      # spawns the workers and waits until each is initialised
    result = await analyzer.analyze(job)        # Assessment | Rejection, never raises for a bad clip
    await analyzer.stop()

``workers=0`` runs the pipeline in one thread of this process (tests, tiny deployments). The pool's
initializer and ``initializer_args`` are pickled into every worker: tests pass a fake pose estimator
defined in an importable module (``tests.fakes.pose.FakePose``). A worker that dies (segfault, OOM kill)
breaks the pool: it is rebuilt and the job retried once; if that fails too the answer is
``Rejection("analysis_failed")``. Any other exception in the pipeline (a bug) is logged and answered the
same way, so the user always hears back.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analysis import pipeline
from analysis.types import AnalysisJob, Assessment, Rejection

log = logging.getLogger(__name__)
WARM_TIMEOUT_S = 180.0  # MediaPipe's first load on a cold disk can take a while


def _warm(pause_s: float) -> int:
    """A no-op for each worker at start: returns once the initializer ran (pause: let others take one)."""
    time.sleep(pause_s)
    return os.getpid()


class Analyzer:
    def __init__(
        self,
        workers: int = 1,
        *,
        initializer: Callable[..., None] = pipeline.init_worker,
        initializer_args: tuple[Any, ...] = (),
        retries: int = 1,
    ) -> None:
        if workers < 0:
            raise ValueError("workers must be >= 0 (0 = in-process)")
        self.workers = workers
        self.retries = retries
        self._initializer = initializer
        self._initializer_args = initializer_args
        self._pool: Executor | None = None
        self._lock = asyncio.Lock()
        self.rebuilds = 0  # pools replaced after a worker died (for tests and logs)

    @property
    def concurrency(self) -> int:
        """Jobs that can run at once."""
        return max(1, self.workers)

    async def start(self) -> None:
        """Create the pool and wait until every worker has run its initializer (MediaPipe loaded)."""
        async with self._lock:
            if self._pool is not None:
                return
            pool = self._new_pool()
            try:
                await self._warm_up(pool)
            except BaseException:
                await asyncio.to_thread(pool.shutdown, wait=False, cancel_futures=True)
                raise
            self._pool = pool

    async def stop(self) -> None:
        async with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)

    async def analyze(self, job: AnalysisJob) -> Assessment | Rejection:
        loop = asyncio.get_running_loop()
        for attempt in range(self.retries + 1):
            pool: Executor | None = None
            try:
                await self.start()
                pool = self._pool
                assert pool is not None
                return await loop.run_in_executor(pool, pipeline.run, job)
            except BrokenProcessPool:
                log.warning("an analysis worker died (attempt %d); rebuilding the pool", attempt + 1)
                if pool is not None:
                    await self._replace(pool)
            except Exception:
                log.exception("the analysis pipeline raised (a bug); answering analysis_failed")
                return Rejection("analysis_failed")
        return Rejection("analysis_failed")

    def _new_pool(self) -> Executor:
        if self.workers == 0:
            return ThreadPoolExecutor(
                max_workers=1,
                thread_name_prefix="analysis",
                initializer=self._initializer,
                initargs=self._initializer_args,
            )
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=self._initializer,
            initargs=self._initializer_args,
        )

    async def _warm_up(self, pool: Executor) -> None:
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        seen: set[int] = set()
        while len(seen) < self.concurrency and time.monotonic() - started < WARM_TIMEOUT_S:
            calls = [loop.run_in_executor(pool, _warm, 0.05) for _ in range(self.concurrency)]
            seen.update(await asyncio.gather(*calls))
            if self.workers == 0:
                break
        log.info("analysis workers ready: %d in %.1fs", max(1, len(seen)), time.monotonic() - started)

    async def _replace(self, broken: Executor) -> None:
        """Swap a broken pool for a fresh one (once, however many jobs saw it break)."""
        async with self._lock:
            if self._pool is not broken:
                return
            self._pool = None
            self.rebuilds += 1
        await asyncio.to_thread(broken.shutdown, wait=False, cancel_futures=True)
