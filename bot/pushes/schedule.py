"""Scheduled pushes on PTB's JobQueue (APScheduler): workout reminders and the Monday weekly summary.

The store keeps reminder days as a bitmask over ``datetime.weekday()`` (bit 0 = Monday) while
``JobQueue.run_daily`` counts from Sunday (0 = Sunday … 6 = Saturday): ``ptb_days`` converts. Times are
wall-clock times in the reminder's (the user's) time zone, so APScheduler follows DST by itself.

One job per reminder ("reminder:<id>") and one per opted-in user ("weekly:<user id>"); each carries a
``PushJob`` in ``job.data``. ``restore`` schedules them all again at start-up (the JobQueue is memory only).
A job that fires sends nothing itself: it stores its push, due now (the user's local time), in the push
outbox under its (job name, local day) (``Store.enqueue_push``: with several schedulers sharing a database,
bot.roles.scheduler, only the first stores it), and the outbox's sender (bot.pushes.outbox) sends it at
Telegram's pace, once, also across restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import Application, Job, JobQueue

from bot.context import services
from bot.profile import Context
from bot.pushes.outbox import start_sender, wake_sender
from bot.store.db import Reminder, UserSettings

log = logging.getLogger(__name__)
WEEKLY_TIME = time(9, 0)  # Monday, in the user's time zone
MONDAY = 0
_JOB_KWARGS = {"misfire_grace_time": 600, "coalesce": True}  # a busy or briefly paused loop still sends


@dataclass(frozen=True)
class PushJob:
    user_id: int
    chat_id: int
    reminder_id: int | None = None  # None: the weekly summary


def ptb_days(weekdays: Iterable[int]) -> tuple[int, ...]:
    """``datetime.weekday()`` numbers (0 = Monday) → ``JobQueue.run_daily`` days (0 = Sunday)."""
    return tuple(sorted({(day + 1) % 7 for day in weekdays}))


def reminder_job_name(reminder_id: int) -> str:
    return f"reminder:{reminder_id}"


def weekly_job_name(user_id: int) -> str:
    return f"weekly:{user_id}"


def schedule_reminder(job_queue: JobQueue[Any], reminder: Reminder, *, replace: bool = True) -> Job[Any]:
    """(Re)schedule one reminder; an older job of the same reminder is replaced (``replace=False``: there is
    none, as in a fresh JobQueue: looking for it costs a pass over every job)."""
    if replace:
        unschedule(job_queue, reminder_job_name(reminder.id))
    hour, minute = (int(part) for part in reminder.time.split(":"))
    return job_queue.run_daily(
        fire_reminder,
        time(hour, minute, tzinfo=ZoneInfo(reminder.timezone)),
        days=ptb_days(reminder.weekdays),
        name=reminder_job_name(reminder.id),
        data=PushJob(reminder.user_id, reminder.chat_id, reminder.id),
        chat_id=reminder.chat_id,
        user_id=reminder.user_id,
        job_kwargs=dict(_JOB_KWARGS),
    )


def schedule_weekly(job_queue: JobQueue[Any], user: UserSettings, *, replace: bool = True) -> Job[Any] | None:
    """The Monday-morning summary of an opted-in user (sent to their private chat); removed when opted out
    (``replace`` as for schedule_reminder)."""
    if replace:
        unschedule(job_queue, weekly_job_name(user.user_id))
    if not user.weekly_summary:
        return None
    return job_queue.run_daily(
        fire_weekly,
        WEEKLY_TIME.replace(tzinfo=ZoneInfo(user.timezone)),
        days=ptb_days([MONDAY]),
        name=weekly_job_name(user.user_id),
        data=PushJob(user.user_id, user.user_id),
        chat_id=user.user_id,
        user_id=user.user_id,
        job_kwargs=dict(_JOB_KWARGS),
    )


def unschedule(job_queue: JobQueue[Any], name: str) -> int:
    jobs = job_queue.get_jobs_by_name(name)
    for job in jobs:
        job.schedule_removal()
    return len(jobs)


def unschedule_user(job_queue: JobQueue[Any], user_id: int) -> int:
    """Remove every reminder and weekly-summary job of the user; returns how many."""
    jobs = [j for j in job_queue.jobs() if isinstance(j.data, PushJob) and j.data.user_id == user_id]
    for job in jobs:
        job.schedule_removal()
    return len(jobs)


async def follow_timezone(context: Context, user: UserSettings) -> None:
    """After a time-zone change: the user's reminders and weekly summary move to the new zone."""
    job_queue, store = context.job_queue, services(context).store
    for reminder in await store.list_reminders(user.user_id):
        updated = await store.update_reminder(user.user_id, reminder.id, timezone=user.timezone)
        if updated is not None and job_queue is not None:
            schedule_reminder(job_queue, updated)
    if job_queue is not None:
        schedule_weekly(job_queue, user)


async def restore(application: Application[Any, Any, Any, Any, Any, Any]) -> tuple[int, int]:
    """Schedule every stored reminder and weekly summary; returns (reminders, weekly summaries)."""
    job_queue = application.job_queue
    if job_queue is None:
        log.info("no JobQueue in this process (FORMCOACH_ROLE=frontend): the scheduler sends the pushes")
        return 0, 0
    store = services(application).store
    known = {job.name for job in job_queue.jobs()}  # none at start-up: no pass over every job per push
    reminders = await store.all_reminders()
    for reminder in reminders:
        schedule_reminder(job_queue, reminder, replace=reminder_job_name(reminder.id) in known)
    users = await store.weekly_summary_users()
    for user in users:
        schedule_weekly(job_queue, user, replace=weekly_job_name(user.user_id) in known)
    log.info("scheduled %d reminders and %d weekly summaries", len(reminders), len(users))
    start_sender(application)  # the pushes stored in the outbox, also those a previous run left
    return len(reminders), len(users)


async def fire_reminder(context: Context) -> None:
    job = context.job
    assert job is not None and isinstance(job.data, PushJob)
    push, store = job.data, services(context).store
    user = await store.get_settings(push.user_id)
    reminder = next((r for r in await store.list_reminders(push.user_id) if r.id == push.reminder_id), None)
    if user is None or reminder is None:
        job.schedule_removal()  # erased meanwhile
        return
    await _enqueue(context, push, reminder.timezone)


async def fire_weekly(context: Context) -> None:
    job = context.job
    assert job is not None and isinstance(job.data, PushJob)
    push, svc = job.data, services(context)
    user = await svc.store.get_settings(push.user_id)
    if user is None or not user.weekly_summary:
        job.schedule_removal()
        return
    await _enqueue(context, push, user.timezone)


async def _enqueue(context: Context, push: PushJob, timezone: str) -> None:
    """Store the push for today (the user's day), due now, and wake the sender; another scheduler may
    have stored it already (then nothing happens)."""
    job, svc = context.job, services(context)
    assert job is not None
    now = svc.clock()
    day = now.astimezone(ZoneInfo(timezone)).date().isoformat()
    if await svc.store.enqueue_push(push.user_id, push.chat_id, job.name or "", day, now):
        wake_sender(context.application)
    else:
        log.info("%s for %s was stored by another scheduler (or the user is gone)", job.name, day)
