"""The front end's side of the scale-out deployment: clips are stored and acknowledged exactly as in the
embedded bot (``bot.jobs.runner.JobRunner``'s intake: bounds, duplicates, the acknowledgement that becomes the
progress message), then handed to the Celery workers instead of this process's pool.

Nothing runs here after the hand-over, so any number of front ends can serve behind a load balancer: the
job lives in the shared database, the message in Redis. When the broker cannot take the job, it is marked
failed and the user hears so at once (once: ``Store.mark_answered``). A job the broker took is marked
dispatched (``Store.mark_dispatched``) after the hand-over: a front end that dies between storing a job and
handing it over leaves it undispatched, and the scheduler's sweeper (``bot.roles.scheduler.sweep``) sends it.
One that dies between the hand-over and the mark gets its job sent twice at worst — answered once all the
same (the worker skips finished jobs; ``Store.mark_answered``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from celery import Celery
from telegram.ext import Application

from bot.jobs.runner import JobRunner
from bot.roles.celery_app import send_job
from bot.store.db import Store

log = logging.getLogger(__name__)


class CeleryDispatcher(JobRunner):
    """A JobRunner whose workers are Celery's: ``start`` starts no local worker and resumes nothing."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], celery: Celery) -> None:
        super().__init__(application, concurrency=1)
        self.celery = celery

    async def start(self) -> None:
        """Nothing to start: jobs are the workers' (a job interrupted there is redelivered by the broker)."""

    async def stop(self, grace_s: float = 20.0) -> None:
        """Nothing runs here after the hand-over."""

    async def submitted(self, job_id: int) -> None:
        try:
            await asyncio.to_thread(send_job, self.celery, job_id)
        except Exception as exc:  # the broker is down or refused the message
            log.error("job %d: the broker did not take it: %s", job_id, type(exc).__name__)
            job = await self.services.store.get_job(job_id)
            if job is not None:
                await self._fail(job)
            return
        await record_dispatch(self.services.store, job_id)


async def record_dispatch(store: Store, job_id: int) -> None:
    """Mark a job the broker took; failing that (the database is away), the sweeper may send it again —
    harmless, the job stays answered once — so the update is not failed for it."""
    try:
        await store.mark_dispatched(job_id)
    except Exception as exc:
        log.warning("job %d: handed over but not marked dispatched: %s", job_id, type(exc).__name__)
