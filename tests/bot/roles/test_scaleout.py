"""The scale-out deployment in real processes: 2 webhook front ends (``python -m bot``, FORMCOACH_ROLE=
frontend) behind a round-robin balancer, 2 Celery worker nodes (FormCoach's worker, fake pose estimator),
a real Redis and a real PostgreSQL; Telegram is the FakeBotAPI. Skipped, with the reason, when Redis or
PostgreSQL is not reachable on 127.0.0.1.

* 20 clips from 10 users: each answered exactly once;
* a worker process SIGKILLed in the middle of a task: the broker hands the job to another process, which
  answers it — once;
* a front end SIGKILLed: the balancer sends the updates to the other one, which keeps serving;
* a front end answers Telegram only once the clip's job is stored and handed to the broker;
* jobs stored but never handed over (their front end died in between) are sent by the scheduler's sweeper
  and answered once, also when the hand-over had in fact happened (a message twice in Redis);
* two front ends enforce one per-user rate limit (counted in the database).
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from analysis.report.i18n import translate
from bot.chat.users import CLIP_LIMIT
from bot.config import Settings
from bot.jobs.send import parse_callback
from bot.roles.celery_app import create_celery, send_job
from bot.store.db import Job, JobStatus, Store
from tests.bot.dbs import fresh_schema, redis_url
from tests.bot.roles.scaleout import SECRET, Deployment
from tests.fakes import Call, FakeBotAPI
from tests.fakes.media import make_video

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
        job = await _settled(store, job_id)  # the summary is out first; photos and voice follow
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
        await d.wait_for(lambda: summaries_are(dict.fromkeys(USERS, 2)), ANSWER_TIMEOUT_S)
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
        await d.wait_for(lambda: summaries_are({victim: 3}), ANSWER_TIMEOUT_S)
        await asyncio.sleep(1.0)
        assert await answered_messages(store, botapi, victim) == sorted(sent[victim])
        job_id, created = await store.enqueue_job(victim, victim, sent[victim][-1], "", "")  # its job
        killed = await _settled(store, job_id)  # photos and voice follow the summary a second apart each
        assert not created and killed is not None
        assert (killed.attempts, killed.status) == (2, JobStatus.DONE)  # taken up again after the kill

        # a front end killed: the other keeps serving
        d.kill(d.front_ends[0])
        survivor = d.balancer.backends[1]
        served_before = d.balancer.served[survivor]
        late = USERS[1:4]
        for user in late:
            sent[user].append(clip_from(user))
        await d.wait_for(lambda: summaries_are(dict.fromkeys(late, 3)), ANSWER_TIMEOUT_S)
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


async def test_a_front_end_answers_telegram_once_the_job_is_handed_over(
    deployment: Deployment, clip: bytes
) -> None:
    """HTTP 200 means "stored and in Redis": a front end dying after it loses nothing (python-telegram-
    bot's own webhook server answered as soon as the update was queued in the process)."""
    d, botapi = deployment, deployment.botapi
    await d.start_front_ends(1)
    user = USERS[0]
    botapi.delay_next("sendMessage", 2.0)  # the acknowledgement (before the hand-over) takes a while
    message_id = botapi.push_video(user, botapi.add_file(clip), caption="스쿼트", user_id=user)["message"]
    await botapi.wait_for(lambda: botapi.webhook_deliveries, 30.0)  # Telegram got its 200 …
    async with await Store.open(d.db_url) as store:  # … so the job is stored and was handed over
        job_id, created = await store.enqueue_job(user, user, message_id["message_id"], "", "")
        job = await store.get_job(job_id)
        assert not created and job is not None and job.dispatched_at is not None
        assert job.message_id is not None  # acknowledged first (the progress message)
    assert await _queued_messages(d.broker_url) == 1


async def test_the_sweeper_hands_over_jobs_a_dying_front_end_left_behind(
    deployment: Deployment, clip: bytes
) -> None:
    d, botapi = deployment, deployment.botapi
    file_id = botapi.add_file(clip)
    lost_user, doubled_user = USERS[0], USERS[1]
    async with await Store.open(d.db_url) as store:
        # what front ends killed between storing and marking the hand-over leave behind: one job never
        # sent to Redis, one sent but not marked (the sweeper sends it again: two messages for one job)
        lost, _ = await store.enqueue_job(lost_user, lost_user, 11, file_id, "u11", "squat")
        doubled, _ = await store.enqueue_job(doubled_user, doubled_user, 12, file_id, "u12", "squat")
        settings = Settings(token=botapi.token, broker_url=d.broker_url, database_url=d.db_url)
        send_job(create_celery(settings), doubled)
        await d.start_scheduler(FORMCOACH_SWEEP_S="1", FORMCOACH_SWEEP_GRACE_S="1")

        async def handed_over() -> bool:
            jobs = [await store.get_job(j) for j in (lost, doubled)]
            return all(j is not None and j.dispatched_at is not None for j in jobs)

        await _until(handed_over, 60.0)
        assert await _queued_messages(d.broker_url) == 3
        [worker] = await d.start_workers(1)
        for user in (lost_user, doubled_user):
            await botapi.wait_for(lambda u=user: summaries(botapi, u), ANSWER_TIMEOUT_S)
        await botapi.wait_for(lambda: "is finished or gone" in worker.output(), 30.0)  # the extra copy
        await asyncio.sleep(1.0)
        assert [len(summaries(botapi, u)) for u in (lost_user, doubled_user)] == [1, 1]
        for job_id in (lost, doubled):
            job = await store.get_job(job_id)
            assert job is not None and (job.status, job.attempts) == (JobStatus.DONE, 1)


async def test_two_front_ends_enforce_one_rate_limit(deployment: Deployment, clip: bytes) -> None:
    d, botapi = deployment, deployment.botapi
    await d.start_front_ends(2)
    file_id, user = botapi.add_file(clip), USERS[0]
    for _ in range(CLIP_LIMIT + 2):
        botapi.push_video(user, file_id, caption="스쿼트", user_id=user)
    await botapi.wait_for(lambda: len(botapi.calls_for(user, "sendMessage")) >= CLIP_LIMIT + 2, 60.0)
    await asyncio.sleep(0.5)
    limited = {translate("clip-rate-limited", "ko", seconds=s) for s in range(1, 61)}
    replies = [c.fields.get("text") for c in botapi.calls_for(user, "sendMessage")]
    assert sum(r in limited for r in replies) == 2 and len(replies) == CLIP_LIMIT + 2
    assert len(d.balancer.served) == 2  # the clips went to both front ends
    async with await Store.open(d.db_url) as store:
        assert len(await store.user_active_jobs(user)) == CLIP_LIMIT


async def _queued_messages(url: str) -> int:
    import redis.asyncio as redis

    from bot.roles.celery_app import QUEUE

    client = redis.from_url(url)
    try:
        return int(await client.llen(QUEUE))
    finally:
        await client.aclose()


async def _until(predicate: Callable[[], Awaitable[bool]], timeout: float) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.2)


async def _secret_is_checked(d: Deployment) -> None:
    """A front end refuses updates without Telegram's secret-token header."""
    url = f"http://127.0.0.1:{d.front_ends[0].port}/hook"
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}}}
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"}):
            async with session.post(url, json=update, headers=headers) as resp:
                assert resp.status == 403


async def _settled(store: Store, job_id: int, timeout_s: float = 15.0) -> Job | None:
    """The job once its answer is fully sent (done, rejected or failed), or as it is after ``timeout_s``."""
    job = await store.get_job(job_id)
    for _ in range(int(timeout_s / 0.2)):
        if job is not None and job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
            break
        await asyncio.sleep(0.2)
        job = await store.get_job(job_id)
    return job
