"""The scheduler role: reminders, weekly summaries and the retention purge, fired once across replicas.

Which process fires pushes: those with a JobQueue, i.e. FORMCOACH_ROLE ``all`` (the embedded bot) and
``scheduler``; front ends (``frontend``) have none. Two safeguards make every push fire exactly once even
with several schedulers (say, during a rolling deploy): ``Store.enqueue_push`` (one outbox row per push and
local day in the shared database, bot.pushes.schedule; every scheduler's sender drains the outbox at one
shared pace, bot.pushes.outbox) and this module's ``resync``, which keeps each scheduler's
JobQueue in step with the database — reminders and opt-ins made through any front end are scheduled
within ``RESYNC_S``, erased ones retire.

With a broker (FORMCOACH_BROKER_URL) it also sweeps (``sweep``, every FORMCOACH_SWEEP_S): a job that is
queued, was never handed to the broker and was stored FORMCOACH_SWEEP_GRACE_S ago or earlier lost its front
end between storing and handing over; it is sent to the workers now. Sending one twice is harmless (the
worker skips finished jobs, ``Store.mark_answered`` lets one answer through).

``run_scheduler(application)`` runs the scheduler role: the Application's start/stop sequence without
receiving updates, until SIGTERM/SIGINT.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, JobQueue

from bot.context import services
from bot.pushes.schedule import (
    PushJob,
    reminder_job_name,
    schedule_reminder,
    schedule_weekly,
    weekly_job_name,
)

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)
RESYNC_S = 60.0
_SIGNATURES_KEY = "push_signatures"
_CELERY_KEY = "sweep_celery"
SWEEP_BATCH = 100  # jobs sent per sweep at most (the next sweep takes the rest)
App = Application[Any, Any, Any, Any, Any, Any]


def start_sweeper(application: App, settings: Settings) -> None:
    """Send jobs stored but never handed to the broker, every ``settings.sweep_s`` seconds."""
    if application.job_queue is None:
        return
    from bot.roles.celery_app import create_celery

    application.bot_data[_CELERY_KEY] = create_celery(settings)
    application.job_queue.run_repeating(
        sweep, interval=settings.sweep_s, first=settings.sweep_s, name="sweep"
    )


async def sweep(context: CallbackContext[Any, Any, Any, Any]) -> None:
    from bot.roles.celery_app import send_job
    from bot.roles.dispatch import record_dispatch

    svc = services(context)
    celery = context.application.bot_data[_CELERY_KEY]
    sent = 0
    for job in await svc.store.undispatched_jobs(svc.settings.sweep_grace_s, SWEEP_BATCH):
        try:
            await asyncio.to_thread(send_job, celery, job.id)
        except Exception as exc:  # the broker is away: the next sweep tries again
            log.warning("sweep: the broker did not take job %d: %s", job.id, type(exc).__name__)
            break
        await record_dispatch(svc.store, job.id)
        sent += 1
    if sent:
        log.warning("sweep: sent %d job(s) stored but never handed to the broker", sent)


def start_resync(application: App) -> None:
    """Follow the database every RESYNC_S (only where other processes change it: a shared database)."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(resync, interval=RESYNC_S, first=RESYNC_S, name="resync")


async def resync(context: CallbackContext[Any, Any, Any, Any]) -> None:
    job_queue: JobQueue[Any] | None = context.job_queue
    if job_queue is None:
        return
    store = services(context).store
    seen: dict[str, tuple[Any, ...]] = context.application.bot_data.setdefault(_SIGNATURES_KEY, {})
    wanted: set[str] = set()
    changed = 0
    existing = {job.name or "" for job in job_queue.jobs()}  # one pass: 10,000 users are 10,000 jobs
    for reminder in await store.all_reminders():
        name = reminder_job_name(reminder.id)
        wanted.add(name)
        if _stale(name in existing, seen, name, (reminder.days, reminder.time, reminder.timezone)):
            schedule_reminder(job_queue, reminder, replace=name in existing)
            changed += 1
    for user in await store.weekly_summary_users():
        name = weekly_job_name(user.user_id)
        wanted.add(name)
        if _stale(name in existing, seen, name, (user.timezone,)):
            schedule_weekly(job_queue, user, replace=name in existing)
            changed += 1
    for job in job_queue.jobs():
        if isinstance(job.data, PushJob) and job.name not in wanted:
            job.schedule_removal()
            seen.pop(job.name or "", None)
            changed += 1
    if changed:
        log.info("resync: %d push job(s) scheduled, moved or retired", changed)


def _stale(exists: bool, seen: dict[str, tuple[Any, ...]], name: str, sig: tuple[Any, ...]) -> bool:
    """Whether the job ``name`` must be (re)scheduled: missing, or its settings changed since last seen."""
    known = seen.get(name)
    seen[name] = sig
    if not exists:
        return True
    return known is not None and known != sig  # first sight of a job restore() made: trust it


def run_scheduler(application: App) -> None:
    asyncio.run(_serve(application))


async def _serve(application: App) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        log.info("scheduler running")
        await stop.wait()
        await application.stop()
        if application.post_stop:
            await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
