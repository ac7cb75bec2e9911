"""The scale-out deployment in real processes: 2 webhook front ends (``python -m bot``, FORMCOACH_ROLE=
frontend) behind a round-robin balancer, 2 Celery worker nodes (FormCoach's worker, fake pose estimator),
a real Redis and a real PostgreSQL; Telegram is the FakeBotAPI. Skipped, with the reason, when Redis or
PostgreSQL is not reachable on 127.0.0.1.

* 20 clips from 10 users: each answered exactly once;
* a worker process SIGKILLed in the middle of a task: the broker hands the job to another process, which
  answers it — once;
* a front end SIGKILLed: the balancer sends the updates to the other one, which keeps serving.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from analysis.i18n import translate
from bot.send import parse_callback
from bot.store import JobStatus, Store
from tests.dbs import fresh_schema, redis_url
from tests.fakes import Call, FakeBotAPI
from tests.media import make_video
from tests.scaleout import SECRET, Deployment

pytestmark = [pytest.mark.asyncio, pytest.mark.scaleout]
USERS = list(range(7001, 7011))
ANSWER_TIMEOUT_S = 240.0


def summaries(botapi: FakeBotAPI, chat: int) -> list[Call]:
    """The answers' summary messages (the only messages sent in HTML)."""
    return [c for c in botapi.calls_for(chat, "sendMessage") if c.fields.get("parse_mode") == "HTML"]


def answered_jobs(botapi: FakeBotAPI, chat: int) -> list[int]:
    """The job id of each summary sent to the chat (its buttons carry it), in order."""
    jobs = []
    for call in summaries(botapi, chat):
        rows = (call.fields.get("reply_markup") or {}).get("inline_keyboard", [])
        ids = {parsed[1] for row in rows for b in row if (parsed := parse_callback(b.get("callback_data")))}
        assert len(ids) == 1, f"a summary without its job's buttons: {call.fields}"
        jobs += ids
    return jobs


async def answered_messages(store: Store, botapi: FakeBotAPI, chat: int) -> list[int]:
    """The user messages (clips) the chat's summaries answer, one entry per summary."""
    messages = []
    for job_id in answered_jobs(botapi, chat):
        job = await store.get_job(job_id)
        assert job is not None and job.status is JobStatus.DONE
        messages.append(job.source_message_id)
    return sorted(messages)


async def flush(url: str) -> None:
    import redis.asyncio as redis

    client = redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


@pytest_asyncio.fixture
async def deployment(tmp_path: Path) -> AsyncIterator[Deployment]:
    broker = redis_url()
    async with fresh_schema() as db_url, FakeBotAPI() as botapi:
        await flush(broker)
        async with Deployment(botapi, db_url, broker, tmp_path) as d:
            yield d
        await flush(broker)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("clips") / "squat.mp4"
    return Path(make_video(str(path), size=(320, 240), fps=15, seconds=6.0)).read_bytes()


async def test_two_front_ends_two_workers_answer_each_clip_once_through_kills(
    deployment: Deployment, clip: bytes
) -> None:
    d, botapi = deployment, deployment.botapi
    await d.start_front_ends(2)
    await d.start_workers(2)
    file_id = botapi.add_file(clip)
    await _secret_is_checked(d)

    def clip_from(user: int) -> int:
        return int(botapi.push_video(user, file_id, caption="스쿼트", user_id=user)["message"]["message_id"])

    def summaries_are(counts: dict[int, int]) -> bool:
        return all(len(summaries(botapi, user)) >= n for user, n in counts.items())

    store = await Store.open(d.db_url)
    try:
        # 20 clips from 10 users, all at once
        sent = {user: [clip_from(user), clip_from(user)] for user in USERS}
        await botapi.wait_for(lambda: summaries_are(dict.fromkeys(USERS, 2)), ANSWER_TIMEOUT_S)
        await asyncio.sleep(1.0)  # a duplicate would show up now
        for user in USERS:
            assert await answered_messages(store, botapi, user) == sorted(sent[user])
        assert len(d.balancer.served) == 2  # both front ends took updates

        # a worker process killed in the middle of a task: redelivered, answered once
        (d.hold_dir / "hold").touch()
        victim = USERS[0]
        sent[victim].append(clip_from(victim))
        busy = await botapi.wait_for(lambda: list(d.hold_dir.glob("busy-*")), 60.0)
        os.kill(int(busy[0].name.removeprefix("busy-")), signal.SIGKILL)
        (d.hold_dir / "hold").unlink()
        await botapi.wait_for(lambda: summaries_are({victim: 3}), ANSWER_TIMEOUT_S)
        await asyncio.sleep(1.0)
        assert await answered_messages(store, botapi, victim) == sorted(sent[victim])
        job_id, created = await store.enqueue_job(victim, victim, sent[victim][-1], "", "")  # its job
        killed = await store.get_job(job_id)
        assert not created and killed is not None
        assert (killed.attempts, killed.status) == (2, JobStatus.DONE)  # taken up again after the kill

        # a front end killed: the other keeps serving
        d.kill(d.front_ends[0])
        survivor = d.balancer.backends[1]
        served_before = d.balancer.served[survivor]
        late = USERS[1:4]
        for user in late:
            sent[user].append(clip_from(user))
        await botapi.wait_for(lambda: summaries_are(dict.fromkeys(late, 3)), ANSWER_TIMEOUT_S)
        await asyncio.sleep(1.0)
        for user in USERS:
            assert await answered_messages(store, botapi, user) == sorted(sent[user])
        assert d.balancer.served[survivor] >= served_before + len(late)
        assert await store.pending_jobs() == []  # every job finished
    finally:
        await store.close()


async def test_a_clip_past_the_time_limit_is_answered_failed_once(tmp_path: Path, clip: bytes) -> None:
    """The task's own deadline (FORMCOACH_TASK_TIME_LIMIT_S minus the margin) answers "failed" once; the
    worker keeps serving the next clip."""
    broker = redis_url()
    limit = {"FORMCOACH_TASK_TIME_LIMIT_S": "30"}  # the minimum: the task gives up after 10 s
    async with fresh_schema() as db_url, FakeBotAPI() as botapi:
        await flush(broker)
        async with Deployment(botapi, db_url, broker, tmp_path, extra_env=limit) as d:
            await d.start_front_ends(1)
            await d.start_workers(1)
            file_id = botapi.add_file(clip)
            (d.hold_dir / "hold").touch()  # the analysis hangs
            user = USERS[0]
            stuck = botapi.push_video(user, file_id, caption="스쿼트", user_id=user)["message"]["message_id"]
            apology = translate("failure-generic", "ko")

            def apologies() -> list[Call]:
                return [c for c in botapi.calls_for(user, "sendMessage") if c.fields.get("text") == apology]

            await botapi.wait_for(apologies, 60.0)
            (d.hold_dir / "hold").unlink()  # the hung analysis ends; its result is not sent
            botapi.push_video(user, file_id, caption="스쿼트", user_id=user)
            await botapi.wait_for(lambda: summaries(botapi, user), 60.0)
            await asyncio.sleep(1.0)
            assert len(apologies()) == 1 and len(summaries(botapi, user)) == 1
            async with await Store.open(db_url) as store:
                job_id, _ = await store.enqueue_job(user, user, stuck, "", "")
                job = await store.get_job(job_id)
                assert job is not None and (job.status, job.error_code) == (JobStatus.FAILED, "internal")
        await flush(broker)


async def _secret_is_checked(d: Deployment) -> None:
    """A front end refuses updates without Telegram's secret-token header."""
    url = f"http://127.0.0.1:{d.front_ends[0].port}/hook"
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}}}
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"}):
            async with session.post(url, json=update, headers=headers) as resp:
                assert resp.status == 403
