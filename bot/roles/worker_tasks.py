"""What a Celery worker process does: load the models once, then run ``analyse_clip(job_id)`` per message.

Each prefork child builds, in ``worker_process_init`` (after the fork), a ``WorkerRuntime``: its own event
loop, a Store (the shared PostgreSQL), a python-telegram-bot Application used only as a Bot API client,
the voice, and an in-process Analyzer whose one thread loads MediaPipe and the classifier once
(``analysis.pipeline.init_worker``). A task then runs on that loop exactly what the embedded bot runs for a
job (``bot.jobs.runner.JobRunner.run_one``): download the clip from the Bot API, analyse, store, edit the
progress message, send the answer — through ``Store.mark_answered``, so a redelivered message never
answers twice, and ``Store.start_job``, so a finished job is not done again.

Each process keeps to FORMCOACH_ANALYSIS_THREADS cores (default 1: one core of its own and single-threaded
library pools, ``bot.roles.cpu_budget``), so worker processes scale with the cores they are given.

``configure(settings, initializer_args)`` runs in the worker's parent before it forks; the arguments reach
``pipeline.init_worker`` (production: none, i.e. MediaPipe and the shipped model; the tests' worker entry
``tests/fakes/celery_worker.py`` passes a fake pose estimator).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from celery import Task
from celery.signals import worker_process_init, worker_process_shutdown
from telegram.ext import Application

from bot.config import Settings

log = logging.getLogger(__name__)
TIMEOUT_MARGIN_S = 20  # the task answers "analysis failed" this long before the hard time limit
RETRY_S, RETRIES = 5, 60  # the database may be away this long (5 min) before a job is given up
_config: dict[str, Any] = {}
_runtime: WorkerRuntime | None = None


def configure(settings: Settings, initializer_args: tuple[Any, ...] = ()) -> None:
    """Settings for the worker processes this process will fork (call before ``worker_main``)."""
    from bot.roles.cpu_budget import limit_env

    _config.update(settings=settings, initializer_args=initializer_args)
    limit_env(settings.analysis_threads)  # inherited by the processes forked next


@dataclass
class WorkerRuntime:
    loop: asyncio.AbstractEventLoop
    settings: Settings
    application: Application  # type: ignore[type-arg]
    runner: Any  # bot.jobs.runner.JobRunner

    @classmethod
    def start(cls, settings: Settings, initializer_args: tuple[Any, ...]) -> WorkerRuntime:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        return loop.run_until_complete(cls._open(loop, settings, initializer_args))

    @classmethod
    async def _open(
        cls, loop: asyncio.AbstractEventLoop, settings: Settings, initializer_args: tuple[Any, ...]
    ) -> WorkerRuntime:
        from bot.context import SERVICES_KEY, Services
        from bot.jobs.analyzer import Analyzer
        from bot.jobs.runner import JobRunner
        from bot.replies.voice import build_speaker
        from bot.store.db import Store

        application = _client_application(settings)
        await application.initialize()
        store = await Store.open(settings.store_target, pool_size=2)
        analyzer = Analyzer(0, initializer_args=initializer_args)  # one thread: the models load once, here
        await analyzer.start()
        speaker = build_speaker(settings.tts, settings.cache_dir / "voice")
        application.bot_data[SERVICES_KEY] = Services(settings, store, analyzer, speaker)
        log.info("worker process ready (store: %s)", store.dialect)
        return cls(loop, settings, application, JobRunner(application, 1))

    def run(self, job_id: int) -> str:
        return self.loop.run_until_complete(self._handle(job_id))

    async def _handle(self, job_id: int) -> str:
        from bot.context import services

        store = services(self.application).store
        job = await store.start_job(job_id)
        if job is None:
            log.info("job %d is finished or gone; nothing to do", job_id)
            return "skipped"
        if job.attempts > 1:
            log.warning("job %d: attempt %d (its previous worker died)", job.id, job.attempts)
        budget = self.settings.task_time_limit_s - TIMEOUT_MARGIN_S
        try:
            await asyncio.wait_for(self.runner.run_one(job), budget)
        except TimeoutError:
            log.error("job %d: no answer within %ds; answering that it failed", job.id, budget)
            await self.runner._fail(job)
        return "done"

    def close(self) -> None:
        from bot.context import SERVICES_KEY

        async def shut() -> None:
            svc = self.application.bot_data.pop(SERVICES_KEY, None)
            if svc is not None:
                await svc.analyzer.stop()
                await svc.store.close()
            await self.application.shutdown()

        try:
            self.loop.run_until_complete(shut())
        finally:
            self.loop.close()


def _unreachable_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError]  # ConnectionError, TimeoutError, sqlite's disk errors
    try:
        import asyncpg

        errors += [asyncpg.PostgresConnectionError, asyncpg.InterfaceError, asyncpg.CannotConnectNowError]
    except ImportError:
        pass
    return tuple(errors)


_UNREACHABLE = _unreachable_errors()


def _client_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    """A python-telegram-bot Application as a Bot API client only: no updates, no JobQueue."""
    from bot.app import api_builder

    return api_builder(settings).updater(None).job_queue(None).build()


def analyse_clip(task: Task, job_id: int) -> str:  # type: ignore[type-arg]
    """The Celery task (registered by bot.roles.celery_app.create_celery as TASK_NAME).

    The database unreachable before the job could be taken up: the task is retried a little later (a new
    message), so the job is not lost with the acknowledged one. Past that point ``JobRunner.run_one``
    answers every failure itself."""
    runtime = _runtime
    if runtime is None:  # a pool without worker_process_init (e.g. --pool=solo)
        runtime = _start_runtime()
    try:
        return runtime.run(int(job_id))
    except _UNREACHABLE as exc:
        log.warning("job %d: the database is unreachable (%s); retrying", job_id, type(exc).__name__)
        raise task.retry(countdown=RETRY_S, max_retries=RETRIES) from exc


def _start_runtime() -> WorkerRuntime:
    global _runtime
    if "settings" not in _config:
        raise RuntimeError("bot.roles.worker_tasks.configure() was not called before the worker started")
    _runtime = WorkerRuntime.start(_config["settings"], _config["initializer_args"])
    return _runtime


@worker_process_init.connect
def _on_process_init(**_: Any) -> None:
    if "settings" in _config:  # only in FormCoach's workers
        from bot.roles.cpu_budget import apply_in_process

        apply_in_process(_config["settings"].analysis_threads)  # before the models size their pools
        _start_runtime()


@worker_process_shutdown.connect
def _on_process_shutdown(**_: Any) -> None:
    global _runtime
    runtime, _runtime = _runtime, None
    if runtime is not None:
        runtime.close()
    from bot.roles.cpu_budget import release

    release()
