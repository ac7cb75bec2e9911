"""bot.store.db on both backends — a real SQLite file (tmp_path) and a real PostgreSQL server (a fresh schema
per test; skipped with the reason when none answers): migrations, jobs, fairness, idempotency, retention."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.store.db import AnalysisRecord, JobStatus, QueueFullError, Store
from bot.store.driver import text_ts
from bot.store.migrations import MIGRATIONS, for_dialect
from bot.store.migrations import postgresql as pg_migrations
from tests.bot.dbs import Backend, backend

pytestmark = pytest.mark.asyncio

SQUAT = AnalysisRecord(
    exercise="squat",
    confidence=0.93,
    view="side",
    rep_count=3,
    hold_s=None,
    grade="good",
    duration_s=12.5,
    reps=(("perfect", 0.5, 2.5), ("good", 3.0, 5.0), ("bad", 5.5, 7.5)),
    conditions=(
        (0, "squat.depth", "pass", 95.0, 100.0),
        (2, "squat.knee_valgus", "fail", 0.2, 0.1),
        (None, "squat.view", "not_judged", None, None),
    ),
)
PLANK = AnalysisRecord(
    exercise="plank",
    confidence=0.8,
    view="side",
    rep_count=None,
    hold_s=31.5,
    grade="perfect",
    duration_s=33.0,
    conditions=((None, "plank.hips", "pass", 170.0, 160.0),),
)


V2_TABLES = {
    "schema_version", "users", "jobs", "analyses", "reps", "condition_results", "reminders", "sent_answers",
    "sent_pushes",
}  # fmt: skip


@pytest_asyncio.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    async with backend(request.param, tmp_path) as fresh:
        yield fresh


@pytest_asyncio.fixture
async def store(db: Backend) -> AsyncIterator[Store]:
    opened = await db.open()
    try:
        yield opened
    finally:
        await opened.close()


class Clock:
    """A settable clock for the store (UTC)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def _enqueue(store: Store, user_id: int, message_id: int, **kwargs: object) -> int:
    job_id, created = await store.enqueue_job(
        user_id, user_id, message_id, f"file-{message_id}", f"uniq-{message_id}", **kwargs
    )  # type: ignore[arg-type]
    assert created
    return job_id


async def test_both_dialects_have_the_same_migration_versions() -> None:
    assert len(pg_migrations.MIGRATIONS) == len(MIGRATIONS)


async def test_open_sets_pragmas_and_creates_schema(db: Backend, tmp_path: Path) -> None:
    if db.kind == "sqlite":
        db.target = tmp_path / "sub" / "db.sqlite3"  # the folder is created
    store = await db.open()
    try:
        assert store.dialect == db.kind
        assert await store.schema_version() == len(MIGRATIONS)
        assert set(await store.table_names()) >= {
            "schema_version",
            "users",
            "jobs",
            "analyses",
            "reps",
            "condition_results",
            "reminders",
            "sent_answers",
            "sent_pushes",
            "push_outbox",
        }
    finally:
        await store.close()
    if db.kind == "sqlite":
        assert (await db.raw("PRAGMA journal_mode"))[0][0] == "wal"


async def test_migrations_rerun_idempotently_on_existing_file(db: Backend) -> None:
    async with await db.open() as store:
        await store.ensure_user(1)
        job_id = await _enqueue(store, 1, 10)
    for _ in range(2):  # reopening applies nothing twice and keeps the data
        async with await db.open() as store:
            assert await store.schema_version() == len(MIGRATIONS)
            assert (await store.get_job(job_id)) is not None
    versions = [r[0] for r in await db.raw("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))


async def test_processes_opening_at_once_migrate_once(db: Backend) -> None:
    if db.kind == "sqlite":
        db.target = str(db.target)
    stores = await asyncio.gather(*(db.open() for _ in range(4)))  # replicas starting together
    for opened in stores:
        await opened.close()
    versions = [r[0] for r in await db.raw("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))


async def test_newer_schema_is_refused(db: Backend) -> None:
    async with await db.open():
        pass
    stamp = "x" if db.kind == "sqlite" else datetime(2030, 1, 1, tzinfo=UTC)
    await db.raw("INSERT INTO schema_version (version, applied_at) VALUES (999, ?)", (stamp,))
    with pytest.raises(RuntimeError, match="newer"):
        await db.open()


async def test_users_and_settings(store: Store) -> None:
    created = await store.ensure_user(7, "en")
    assert (created.language, created.voice_on, created.timezone, created.weekly_summary) == (
        "en",
        True,
        "Asia/Seoul",
        False,
    )
    again = await store.ensure_user(7, "ko")  # existing users keep their choice
    assert again.language == "en"
    updated = await store.update_settings(7, voice_on=False, timezone="Europe/Berlin", weekly_summary=True)
    assert (updated.language, updated.voice_on, updated.timezone, updated.weekly_summary) == (
        "en",
        False,
        "Europe/Berlin",
        True,
    )
    assert [u.user_id for u in await store.weekly_summary_users()] == [7]
    assert await store.get_settings(8) is None
    with pytest.raises(ValueError):
        await store.update_settings(7, timezone="Mars/Olympus")
    with pytest.raises(ValueError):
        await store.ensure_user(9, "ko'; DROP TABLE users; --")


async def test_enqueue_is_idempotent_per_telegram_message(store: Store) -> None:
    first = await store.enqueue_job(1, 1, 100, "f", "u", "squat")
    second = await store.enqueue_job(1, 1, 100, "f", "u", "squat")
    assert first == (first[0], True)
    assert second == (first[0], False)
    job = await store.get_job(first[0])
    assert job is not None
    assert (job.status, job.attempts, job.exercise_hint, job.message_id) == (
        JobStatus.QUEUED,
        0,
        "squat",
        None,
    )
    await store.set_job_message(job.id, 555)
    assert (await store.get_job(job.id)).message_id == 555  # type: ignore[union-attr]


async def test_enqueue_bounds(store: Store) -> None:
    await _enqueue(store, 1, 1, max_user_active=2)
    await _enqueue(store, 1, 2, max_user_active=2)
    with pytest.raises(QueueFullError) as user_full:
        await store.enqueue_job(1, 1, 3, "f", "u", max_user_active=2)
    assert user_full.value.scope == "user"
    with pytest.raises(QueueFullError) as global_full:
        await store.enqueue_job(2, 2, 4, "f", "u", max_queued=2)
    assert global_full.value.scope == "global"
    # a duplicate of an accepted message is not refused by the bounds
    assert (await store.enqueue_job(1, 1, 2, "f", "u", max_queued=0, max_user_active=0))[1] is False
    assert [j.source_message_id for j in await store.user_active_jobs(1)] == [1, 2]
    assert await store.count_queued() == 2


async def test_claim_is_fair_across_users(store: Store) -> None:
    # user 1 floods the queue first; users 2 and 3 arrive later
    jobs = {("a", i): await _enqueue(store, 1, i) for i in range(1, 4)}
    jobs[("b", 1)] = await _enqueue(store, 2, 11)
    jobs[("b", 2)] = await _enqueue(store, 2, 12)
    jobs[("c", 1)] = await _enqueue(store, 3, 21)
    expected = [("a", 1), ("b", 1), ("c", 1), ("a", 2), ("b", 2), ("a", 3)]
    positions = [await store.queue_position(jobs[key]) for key in expected]
    assert positions == [1, 2, 3, 4, 5, 6]  # the predicted order is the claim order
    claimed = []
    while (job := await store.claim_next_job()) is not None:
        claimed.append(job.id)
        assert job.status is JobStatus.RUNNING and job.attempts == 1
    assert claimed == [jobs[key] for key in expected]
    assert await store.queue_position(jobs[("a", 1)]) is None  # running, not waiting


async def test_recently_served_user_waits_behind_others(store: Store) -> None:
    a1 = await _enqueue(store, 1, 1)
    assert (await store.claim_next_job()).id == a1  # type: ignore[union-attr]
    a2 = await _enqueue(store, 1, 2)  # older than b1, but user 1 was just served
    b1 = await _enqueue(store, 2, 3)
    assert await store.queue_position(b1) == 1
    assert await store.queue_position(a2) == 2
    assert (await store.claim_next_job()).id == b1  # type: ignore[union-attr]


async def test_pending_resume_mark_and_requeue(store: Store) -> None:
    j1 = await _enqueue(store, 1, 1)
    j2 = await _enqueue(store, 2, 2)
    j3 = await _enqueue(store, 3, 3)
    await store.claim_next_job()
    await store.mark_job(j3, JobStatus.REJECTED, "no_person")
    pending = await store.pending_jobs()
    assert [(j.id, j.status) for j in pending] == [(j1, JobStatus.RUNNING), (j2, JobStatus.QUEUED)]
    assert await store.requeue_running() == 1
    assert {j.status for j in await store.pending_jobs()} == {JobStatus.QUEUED}
    again = await store.claim_next_job()
    assert again is not None and again.attempts in (1, 2)
    rejected = await store.get_job(j3)
    assert rejected is not None and (rejected.status, rejected.error_code) == (
        JobStatus.REJECTED,
        "no_person",
    )
    with pytest.raises(KeyError):
        await store.mark_job(9999, "done")
    with pytest.raises(ValueError):
        await store.mark_job(j1, "exploded")


async def test_mark_answered_exactly_once_even_concurrently(store: Store) -> None:
    job_id = await _enqueue(store, 1, 1)
    results = await asyncio.gather(*(store.mark_answered(job_id) for _ in range(5)))
    assert sorted(results) == [False, False, False, False, True]
    assert await store.mark_answered(job_id) is False
    with pytest.raises(KeyError):
        await store.mark_answered(424242)


async def test_save_analysis_and_history(db: Backend) -> None:
    clock = Clock(datetime(2025, 3, 3, 1, 0, tzinfo=UTC))
    async with await db.open(clock) as store:
        job_id = await _enqueue(store, 1, 1)
        first = await store.save_analysis(1, job_id, SQUAT)
        assert await store.save_analysis(1, job_id, SQUAT) == first  # retried job: same row
        clock.advance(minutes=5)
        second = await store.save_analysis(1, None, PLANK)
        history = await store.history(1, limit=10)
        assert [h.analysis_id for h in history] == [second, first]
        assert (history[1].exercise, history[1].rep_count, history[1].grade, history[1].job_id) == (
            "squat",
            3,
            "good",
            job_id,
        )
        assert (history[0].hold_s, history[0].rep_count) == (31.5, None)
        assert history[1].created_at == datetime(2025, 3, 3, 1, 0, tzinfo=UTC)
        assert len(await store.history(1, limit=1)) == 1
        assert (await store.get_job(job_id)).analysis_id == first  # type: ignore[union-attr]


async def test_week_summary_counts_and_local_days(db: Backend) -> None:
    # Week of Mon 2025-03-03 in Seoul (UTC+9) = [2025-03-02 15:00Z, 2025-03-09 15:00Z)
    start, end = datetime(2025, 3, 2, 15, tzinfo=UTC), datetime(2025, 3, 9, 15, tzinfo=UTC)
    clock = Clock(datetime(2025, 3, 2, 14, 59, tzinfo=UTC))
    async with await db.open(clock) as store:
        await store.ensure_user(1)
        await store.save_analysis(1, None, SQUAT)  # Sunday 23:59 in Seoul: previous week
        clock.now = datetime(2025, 3, 2, 15, 30, tzinfo=UTC)  # Monday 00:30 Seoul
        await store.save_analysis(1, None, SQUAT)
        await store.save_analysis(1, None, PLANK)
        clock.now = datetime(2025, 3, 5, 10, tzinfo=UTC)  # Wednesday
        await store.save_analysis(1, None, SQUAT)
        await store.save_analysis(2, None, SQUAT)  # someone else
        summary = await store.week_summary(1, start, end)
    assert summary.sessions == 3
    assert summary.sessions_by_exercise == {"squat": 2, "plank": 1}
    assert summary.reps_by_exercise == {"squat": 6}
    assert summary.hold_s_by_exercise == {"plank": 31.5}
    assert summary.session_grades == {"good": 2, "perfect": 1}
    assert summary.rep_grades == {"perfect": 2, "good": 2, "bad": 2}
    assert list(summary.per_day) == [date(2025, 3, 3) + timedelta(days=i) for i in range(7)]
    assert summary.per_day[date(2025, 3, 3)] == 2 and summary.per_day[date(2025, 3, 5)] == 1
    assert sum(summary.per_day.values()) == 3


async def test_reminders_crud(store: Store) -> None:
    weekdays = 0b0011111
    made = await store.add_reminder(1, 1, weekdays, "07:30", "Asia/Seoul")
    assert (made.days, made.time, made.weekdays) == (weekdays, "07:30", (0, 1, 2, 3, 4))
    other = await store.add_reminder(2, 2, 0b1000000, "21:00", "Europe/Berlin")
    assert [r.id for r in await store.list_reminders(1)] == [made.id]
    assert [r.id for r in await store.all_reminders()] == [made.id, other.id]
    changed = await store.update_reminder(1, made.id, time="08:00")
    assert changed is not None and (changed.time, changed.days) == ("08:00", weekdays)
    assert await store.update_reminder(2, made.id, time="09:00") is None  # not user 2's reminder
    assert await store.delete_reminder(2, made.id) is False
    assert await store.delete_reminder(1, made.id) is True
    assert await store.list_reminders(1) == []
    for bad in (
        (0, "07:00", "Asia/Seoul"),
        (1, "24:00", "Asia/Seoul"),
        (1, "7:00", "Asia/Seoul"),
        (1, "07:00", "Nowhere/Town"),
    ):
        with pytest.raises(ValueError):
            await store.add_reminder(1, 1, *bad)


async def _populate(store: Store, user_id: int) -> None:
    await store.update_settings(user_id, weekly_summary=True)
    job_id = await _enqueue(store, user_id, user_id * 100)
    await store.save_analysis(user_id, job_id, replace(SQUAT, thumbnails=(b"\xff\xd8 a key frame",)))
    await store.mark_answered(job_id)
    await store.add_reminder(user_id, user_id, 1, "07:00", "Asia/Seoul")
    assert await store.enqueue_push(user_id, user_id, f"weekly:{user_id}", "2025-03-03", datetime.now(UTC))
    assert await store.hit_rate_limit(user_id, "clip", 6, 60.0) is None
    await store.set_goal(user_id, "squat", "reps", 100)
    await store.remember(user_id, "pending", {"ask": "count"}, 600)


async def test_delete_user_leaves_no_row_in_any_table(db: Backend) -> None:
    async with await db.open() as store:
        await _populate(store, 1)
        await _populate(store, 2)
        sent_at = datetime(2025, 3, 3, tzinfo=UTC)
        stamp = sent_at if db.kind != "sqlite" else str(sent_at)
        for user_id in (1, 2):  # no longer written (the push outbox took over); rows of before v4 stay
            await db.raw(
                "INSERT INTO sent_pushes (push_key, slot, user_id, sent_at) VALUES (?, ?, ?, ?)",
                (f"weekly:{user_id}", "2025-03-03", user_id, stamp),
            )
        tables = [t for t in await store.table_names() if t != "schema_version"]
        assert await store.delete_user(1) > 0
    for table in tables:
        key = "id" if table == "users" else "user_id"
        assert key in await db.columns(table), f"table {table} has no user id column: delete_user misses it"
        remaining = (await db.raw(f"SELECT COUNT(*) FROM {table} WHERE {key} = 1"))[0][0]
        kept = (await db.raw(f"SELECT COUNT(*) FROM {table} WHERE {key} = 2"))[0][0]
        assert remaining == 0, f"delete_user left {remaining} rows in {table}"
        assert kept > 0, f"the test does not populate {table}: extend _populate for the new table"


async def test_purge_older_than(db: Backend) -> None:
    clock = Clock(datetime(2024, 1, 1, tzinfo=UTC))
    async with await db.open(clock) as store:
        old_job = await _enqueue(store, 1, 1)
        await store.save_analysis(1, old_job, replace(SQUAT, thumbnails=(b"\xff\xd8 old", b"\xff\xd8 older")))
        await store.mark_job(old_job, JobStatus.DONE)
        await store.mark_answered(old_job)
        stuck = await _enqueue(store, 1, 2)  # still queued: never purged
        await store.add_reminder(1, 1, 1, "07:00", "Asia/Seoul")
        await store.hit_rate_limit(2, "clip", 6, 60.0)  # a user who never came back: purged with the rest
        clock.now = datetime(2025, 1, 1, tzinfo=UTC)
        fresh = await _enqueue(store, 1, 3)
        await store.save_analysis(1, fresh, PLANK)
        await store.mark_job(fresh, JobStatus.DONE)
        counts = await store.purge_older_than(30)
        assert counts == {
            "condition_results": 3,
            "reps": 3,
            "key_frames": 2,
            "analyses": 1,
            "sent_answers": 1,
            "jobs": 1,
            "rate_events": 1,
            "goals": 0,
            "chat_memory": 0,
        }
        assert await store.get_job(old_job) is None
        assert await store.get_job(stuck) is not None and await store.get_job(fresh) is not None
        assert [h.exercise for h in await store.history(1)] == ["plank"]
        assert len(await store.list_reminders(1)) == 1 and await store.get_settings(1) is not None
        with pytest.raises(ValueError):
            await store.purge_older_than(0)


async def test_sql_injection_looking_strings_are_stored_verbatim(store: Store) -> None:
    evil = "'); DROP TABLE jobs; -- \" OR 1=1 ; 한글 %_\\"
    job_id, _ = await store.enqueue_job(1, 1, 1, evil, evil + "u", evil)
    job = await store.get_job(job_id)
    assert job is not None and (job.file_id, job.file_unique_id, job.exercise_hint) == (
        evil,
        evil + "u",
        evil,
    )
    await store.mark_job(job_id, JobStatus.FAILED, evil)
    assert (await store.get_job(job_id)).error_code == evil  # type: ignore[union-attr]
    record = AnalysisRecord(
        exercise=evil,
        confidence=0.5,
        view=evil,
        rep_count=1,
        hold_s=None,
        grade="bad",
        duration_s=1.0,
        reps=(("bad", 0.0, 1.0),),
        conditions=((0, evil, "fail", 1.0, 2.0),),
    )
    await store.save_analysis(1, job_id, record)
    assert (await store.history(1))[0].exercise == evil
    assert "jobs" in await store.table_names()


async def test_an_analysis_with_nothing_judged_is_kept_with_grade_none(store: Store) -> None:
    await store.ensure_user(7, "ko")
    job_id, _ = await store.enqueue_job(
        user_id=7, chat_id=7, source_message_id=70, file_id="f", file_unique_id="u"
    )
    record = AnalysisRecord(
        exercise="front_raise",
        confidence=0.9,
        view="side",
        rep_count=2,
        hold_s=None,
        grade="none",
        duration_s=6.0,
        reps=(("none", 0.5, 2.0), ("none", 2.5, 4.0)),
        conditions=((0, "no_lean_back", "not_judged", None, None),),
    )
    await store.save_analysis(7, job_id, record)
    history = await store.history(7)
    assert [h.grade for h in history] == ["none"]


async def test_start_job_takes_queued_and_orphaned_running_jobs_only(store: Store) -> None:
    job_id = await _enqueue(store, 1, 1)
    first = await store.start_job(job_id)
    assert first is not None and (first.status, first.attempts) == (JobStatus.RUNNING, 1)
    again = await store.start_job(job_id)  # redelivered after its worker died
    assert again is not None and again.attempts == 2
    await store.mark_job(job_id, JobStatus.DONE)
    assert await store.start_job(job_id) is None  # finished: a stray copy does nothing
    assert await store.start_job(424242) is None


async def test_two_processes_sharing_the_database_never_double_claim(db: Backend) -> None:
    """Two Stores on one database (as two replicas would be): claims, answers and bounds stay exact."""
    if db.kind == "sqlite":
        db.target = str(db.target)
    one, two = await db.open(), await db.open()
    try:
        jobs = [await _enqueue(one, user, user * 10 + i) for user in range(1, 5) for i in range(3)]
        claimed = await asyncio.gather(*(s.claim_next_job() for s in (one, two) * 8))
        taken = [job.id for job in claimed if job is not None]
        assert sorted(taken) == sorted(jobs)  # every job once, none twice, none lost
        answers = await asyncio.gather(*(s.mark_answered(jobs[0]) for s in (one, two) * 4))
        assert answers.count(True) == 1
        outcomes = await asyncio.gather(
            *(
                s.enqueue_job(9, 9, 900 + i, "f", "u", max_user_active=2)
                for i, s in enumerate((one, two) * 3)
            ),
            return_exceptions=True,
        )
        assert sum(isinstance(o, tuple) for o in outcomes) == 2  # the bound holds across processes
        assert all(isinstance(o, tuple | QueueFullError) for o in outcomes)
    finally:
        await one.close()
        await two.close()


async def test_large_telegram_ids_round_trip(store: Store) -> None:
    user_id, chat_id = 7_123_456_789, -1_001_234_567_890  # above 32 bits, as Telegram's are
    job_id = await _enqueue(store, user_id, 1)
    job = await store.start_job(job_id)
    assert job is not None and job.user_id == user_id
    other, _ = await store.enqueue_job(user_id, chat_id, 2**40, "f", "u")
    assert (await store.get_job(other)).chat_id == chat_id  # type: ignore[union-attr]


async def test_jobs_are_marked_dispatched_once(store: Store) -> None:
    job_id = await _enqueue(store, 1, 1)
    job = await store.get_job(job_id)
    assert job is not None and job.dispatched_at is None
    assert await store.mark_dispatched(job_id) is True
    assert await store.mark_dispatched(job_id) is False  # the first hand-over's time stays
    job = await store.get_job(job_id)
    assert job is not None and job.dispatched_at is not None


async def test_undispatched_jobs_wait_out_the_grace_period(db: Backend) -> None:
    """The sweeper's query: queued, never handed to the broker, stored at least the grace period ago."""
    clock = Clock(datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    async with await db.open(clock) as store:
        lost = await _enqueue(store, 1, 1)  # its front end died before handing it over
        handed = await _enqueue(store, 1, 2)
        await store.mark_dispatched(handed)
        running = await _enqueue(store, 2, 3)
        await store.start_job(running)  # taken up (a worker has it): not the sweeper's
        clock.advance(seconds=30)
        young = await _enqueue(store, 3, 4)  # its front end may still be handing it over
        assert await store.undispatched_jobs(60) == []
        clock.advance(seconds=31)
        assert [j.id for j in await store.undispatched_jobs(60)] == [lost]
        clock.advance(seconds=30)
        assert [j.id for j in await store.undispatched_jobs(60)] == [lost, young]
        assert [j.id for j in await store.undispatched_jobs(60, limit=1)] == [lost]
        await store.mark_dispatched(lost)
        assert [j.id for j in await store.undispatched_jobs(60)] == [young]


async def test_the_migration_counts_earlier_jobs_as_dispatched(db: Backend) -> None:
    """Jobs stored before v3 were handed over by the code of their time: the sweeper leaves them alone."""
    version_table, migrations = for_dialect(db.kind)
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    now = text_ts(moment) if db.kind == "sqlite" else moment
    await db.raw(version_table)
    for version, statements in enumerate(migrations[:2], start=1):  # a database left at v2
        for statement in statements:
            await db.raw(statement)
        await db.raw("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, now))
    await db.raw("INSERT INTO users (id, created_at) VALUES (1, ?)", (now,))
    await db.raw(
        "INSERT INTO jobs (user_id, chat_id, source_message_id, file_id, file_unique_id, created_at,"
        " updated_at) VALUES (1, 1, 1, 'file-1', 'uniq-1', ?, ?)",
        (now, now),
    )
    async with await db.open() as store:  # migrates from v2 to the latest
        assert await store.schema_version() == len(MIGRATIONS)
        [job] = await store.pending_jobs()
        assert job.dispatched_at is not None
        assert await store.undispatched_jobs(0) == []


async def test_the_rate_limit_is_one_limit_across_processes(db: Backend) -> None:
    """Two Stores on one database (two front ends): the sliding window counts the hits of both."""
    if db.kind == "sqlite":
        db.target = str(db.target)
    clock = Clock(datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    one, two = await db.open(clock), await db.open(clock)
    try:
        hits = await asyncio.gather(*(s.hit_rate_limit(5, "clip", 4, 60.0) for s in (one, two) * 3))
        assert hits.count(None) == 4 and hits.count(60) == 2  # 4 allowed, the rest wait the window
        clock.advance(seconds=59.5)
        assert await two.hit_rate_limit(5, "clip", 4, 60.0) == 1
        assert await one.hit_rate_limit(6, "clip", 4, 60.0) is None  # another user: a window of their own
        assert await one.hit_rate_limit(5, "other", 4, 60.0) is None  # another action too
        clock.advance(seconds=0.5)  # the first four slid out of the window
        assert await one.hit_rate_limit(5, "clip", 4, 60.0) is None
        assert await one.hit_rate_limit(7, "clip", 1, 60.0, "7:70") is None
        assert await two.hit_rate_limit(7, "clip", 1, 60.0, "7:70") is None  # delivered again: counted once
        assert await two.hit_rate_limit(7, "clip", 1, 60.0, "7:71") == 60
    finally:
        await one.close()
        await two.close()
