"""Pushes across replicas: two schedulers sharing a database send each reminder and weekly summary once,
and a scheduler follows reminders that other processes (front ends) wrote to the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Job

from bot.chat import commands
from bot.context import SERVICES_KEY
from bot.pushes.outbox import stop_sender
from bot.roles import scheduler
from bot.store.db import Store
from tests.bot.botapp import App, Clock, build_app
from tests.fakes import FakeBotAPI

pytestmark = pytest.mark.asyncio
CHAT = 611
SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2025, 3, 17, 0, 30, tzinfo=UTC)  # Monday 09:30 in Seoul


@asynccontextmanager
async def scheduling(app: App) -> AsyncIterator[App]:
    """A scheduler process: the stored pushes scheduled and the JobQueue running; no updates polled."""
    async with app:
        await commands.on_startup(app)
        await app.start()
        try:
            yield app
        finally:
            await app.stop()
            await stop_sender(app)


def job(app: App, name: str) -> Job[Any]:
    assert app.job_queue is not None
    [found] = app.job_queue.get_jobs_by_name(name)
    return found


async def test_two_schedulers_send_each_push_once(botapi: FakeBotAPI, tmp_path: Path) -> None:
    clock = Clock(NOW)
    path = tmp_path / "formcoach.sqlite3"
    async with await Store.open(path, clock=clock) as one, await Store.open(path, clock=clock) as two:
        reminder = await one.add_reminder(CHAT, CHAT, 0b1111111, "08:00", "Asia/Seoul")
        await one.update_settings(CHAT, weekly_summary=True)
        apps = [build_app(botapi, store, tmp_path, clock) for store in (one, two)]
        async with scheduling(apps[0]), scheduling(apps[1]):
            for name in (f"reminder:{reminder.id}", f"weekly:{CHAT}"):
                for app in apps:  # both fire: only the first to claim the push sends it
                    await job(app, name).run(app)
            await botapi.wait_calls(CHAT, "sendMessage", 2)  # one reminder, one weekly summary
            clock.advance(days=1)  # the next day the reminder is due again
            for app in reversed(apps):
                await job(app, f"reminder:{reminder.id}").run(app)
            await botapi.wait_calls(CHAT, "sendMessage", 3)
            await asyncio.sleep(1.5)  # room for a second copy from the other sender, were there one
            assert await one.outbox_counts() == {"sent": 3}
    texts = [c.fields["text"] for c in botapi.calls_for(CHAT, "sendMessage")]
    assert len(texts) == 3 and texts[0] == texts[2]


async def test_resync_follows_the_shared_database(botapi: FakeBotAPI, tmp_path: Path) -> None:
    clock = Clock(NOW)
    async with await Store.open(tmp_path / "formcoach.sqlite3", clock=clock) as store:
        app = build_app(botapi, store, tmp_path, clock)
        async with scheduling(app):
            assert app.job_queue is not None
            scheduler.start_resync(app)
            resync = job(app, "resync")

            def push_jobs() -> set[str]:
                assert app.job_queue is not None
                return {j.name or "" for j in app.job_queue.jobs()} - {"resync"}

            assert push_jobs() == set()
            made = await store.add_reminder(CHAT, CHAT, 0b0000001, "07:30", "Asia/Seoul")  # via a front end
            await store.update_settings(CHAT, weekly_summary=True)
            await resync.run(app)
            assert push_jobs() == {f"reminder:{made.id}", f"weekly:{CHAT}"}

            await store.update_reminder(CHAT, made.id, time="09:15")
            await resync.run(app)
            trigger = job(app, f"reminder:{made.id}").job.trigger
            fire = trigger.get_next_fire_time(None, datetime(2025, 3, 17, 1, 0, tzinfo=UTC))
            assert fire.astimezone(SEOUL).strftime("%a %H:%M") == "Mon 09:15"

            await store.delete_reminder(CHAT, made.id)
            await store.update_settings(CHAT, weekly_summary=False)
            await resync.run(app)
            assert push_jobs() == set()


async def test_the_sweeper_sends_jobs_stored_but_never_handed_to_the_broker(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    """What a front end killed between storing a job and handing it to Redis leaves behind is sent by the
    scheduler once the grace period is over (here on Celery's in-memory broker; the real Redis, workers
    and answers: test_scaleout)."""
    clock = Clock(NOW)
    async with await Store.open(tmp_path / "formcoach.sqlite3", clock=clock) as store:
        app = build_app(botapi, store, tmp_path, clock)
        svc = app.bot_data[SERVICES_KEY]
        settings = replace(svc.settings, broker_url="memory://", sweep_s=60, sweep_grace_s=120)
        app.bot_data[SERVICES_KEY] = replace(svc, settings=settings)
        lost, _ = await store.enqueue_job(CHAT, CHAT, 1, "file", "uniq")
        handed, _ = await store.enqueue_job(CHAT, CHAT, 2, "file", "uniq")
        await store.mark_dispatched(handed)
        clock.advance(seconds=100)
        young, _ = await store.enqueue_job(CHAT, CHAT, 3, "file", "uniq")  # its front end may be on it
        async with scheduling(app):
            scheduler.start_sweeper(app, settings)
            sweep = job(app, "sweep")
            await sweep.run(app)
            assert sent_jobs(app) == []  # nothing is past the grace period yet
            clock.advance(seconds=20)
            await sweep.run(app)
            assert sent_jobs(app) == [lost]
            clock.advance(seconds=100)
            await sweep.run(app)
            assert sent_jobs(app) == [young]  # the lost job is marked: not sent again
        for job_id in (lost, handed, young):
            found = await store.get_job(job_id)
            assert found is not None and found.dispatched_at is not None


def sent_jobs(app: App) -> list[int]:
    """The job ids waiting in the sweeper's (in-memory) broker queue, taken out of it."""
    from bot.roles.celery_app import QUEUE

    celery = app.bot_data["sweep_celery"]
    sent = []
    with celery.connection_for_read() as conn, conn.SimpleQueue(QUEUE) as queue:
        while queue.qsize():
            message = queue.get(timeout=1)
            sent.append(int(message.headers["id"].rsplit(".", 1)[1]))
            message.ack()
    return sent
