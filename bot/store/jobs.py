"""The job queue's queries: intake with its bounds, fair claims, status, dispatch, answers sent once, and
the shared per-user rate limit."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from datetime import timedelta

from bot.store.base import _JOB_COLUMNS, _LOCK_INTAKE, StoreBase, _dt
from bot.store.driver import Row, Tx
from bot.store.types import (
    Job,
    JobStatus,
    QueueFullError,
)


class JobQueries(StoreBase):
    async def enqueue_job(
        self,
        user_id: int,
        chat_id: int,
        source_message_id: int,
        file_id: str,
        file_unique_id: str,
        exercise_hint: str | None = None,
        *,
        max_queued: int | None = None,
        max_user_active: int | None = None,
    ) -> tuple[int, bool]:
        """Store the job of one Telegram message: (job_id, True) the first time, (same id, False) after.

        With ``max_queued`` / ``max_user_active`` the bounds are checked in the same transaction
        (queued jobs overall / queued+running jobs of the user); QueueFullError when exceeded. Intake
        transactions take turns (also across processes sharing a PostgreSQL database), so the bounds hold.
        """
        now = self._now()
        existing_sql = "SELECT id FROM jobs WHERE chat_id = ? AND source_message_id = ?"
        async with self._db.transaction() as tx:
            await self._serialize(tx, _LOCK_INTAKE)
            existing = await tx.fetch(existing_sql, (chat_id, source_message_id))
            if existing:
                return int(existing[0][0]), False
            await self._check_bounds(tx, user_id, max_queued, max_user_active)
            await self._insert_user(tx, user_id)
            inserted = await tx.fetch(
                "INSERT INTO jobs (user_id, chat_id, source_message_id, file_id, file_unique_id,"
                " exercise_hint, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)"
                " ON CONFLICT (chat_id, source_message_id) DO NOTHING RETURNING id",
                (user_id, chat_id, source_message_id, file_id, file_unique_id, exercise_hint, now, now),
            )
            if inserted:
                return int(inserted[0][0]), True
            existing = await tx.fetch(existing_sql, (chat_id, source_message_id))
            return int(existing[0][0]), False

    async def _check_bounds(
        self, tx: Tx, user_id: int, max_queued: int | None, max_user_active: int | None
    ) -> None:
        if max_queued is not None:
            rows = await tx.fetch("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
            if rows[0][0] >= max_queued:
                raise QueueFullError("global")
        if max_user_active is not None:
            rows = await tx.fetch(
                "SELECT COUNT(*) FROM jobs WHERE user_id = ? AND status IN ('queued', 'running')",
                (user_id,),
            )
            if rows[0][0] >= max_user_active:
                raise QueueFullError("user")

    async def get_job(self, job_id: int) -> Job | None:
        row = await self._one(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
        return _job(row) if row else None

    async def set_job_message(self, job_id: int, message_id: int) -> None:
        """Remember the bot's progress message of a job (to edit it later)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE jobs SET message_id = ?, updated_at = ? WHERE id = ?",
                (message_id, self._now(), job_id),
            )

    async def claim_next_job(self) -> Job | None:
        """Take the next queued job and mark it running (attempts + 1).

        Fair across users: the oldest job of the user served least recently (never-served users first).
        """
        now = self._now()
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "SELECT j.id, j.user_id FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued'"
                " ORDER BY u.served_seq IS NOT NULL, u.served_seq, j.id LIMIT 1" + self._sql.lock_claimed,
            )
            if not rows:
                return None
            job_id, user_id = int(rows[0][0]), int(rows[0][1])
            await tx.execute(
                f"UPDATE users SET served_seq = {self._sql.next_served_seq} WHERE id = ?", (user_id,)
            )
            job_rows = await tx.fetch(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?"
                f" RETURNING {_JOB_COLUMNS}",
                (now, job_id),
            )
        return _job(job_rows[0])

    async def start_job(self, job_id: int) -> Job | None:
        """Mark one job running (attempts + 1) for a worker that was handed it (a broker's message).

        Also takes a job already 'running': the broker hands a job out again only when the worker that
        had it died. None when the job is gone or finished.
        """
        rows = []
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?"
                f" WHERE id = ? AND status IN ('queued', 'running') RETURNING {_JOB_COLUMNS}",
                (self._now(), job_id),
            )
        return _job(rows[0]) if rows else None

    async def pending_jobs(self) -> list[Job]:
        """Queued or running jobs, oldest first (to resume after a restart)."""
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status IN ('queued', 'running') ORDER BY id"
        )
        return [_job(r) for r in rows]

    async def requeue_running(self) -> int:
        """After a restart nothing is running: put 'running' jobs back in the queue; returns how many."""
        async with self._db.transaction() as tx:
            return await tx.execute(
                "UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'", (self._now(),)
            )

    async def mark_job(self, job_id: int, status: JobStatus | str, error_code: str | None = None) -> None:
        status = JobStatus(status)
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE jobs SET status = ?, error_code = ?, updated_at = ? WHERE id = ?",
                (status.value, error_code, self._now(), job_id),
            )
            if changed != 1:
                raise KeyError(f"no job {job_id}")

    async def queue_position(self, job_id: int) -> int | None:
        """1-based place of a queued job in the order claim_next_job will take them; None if not queued."""
        async with self._db.snapshot() as tx:
            rows = await tx.fetch(
                "SELECT j.id, j.user_id, u.served_seq FROM jobs j JOIN users u ON u.id = j.user_id"
                " WHERE j.status = 'queued' ORDER BY j.id",
            )
            top = await tx.fetch("SELECT COALESCE(MAX(served_seq), 0) FROM users")
        order = _claim_order([(r[0], r[1], r[2]) for r in rows], int(top[0][0]))
        return order.index(job_id) + 1 if job_id in order else None

    async def user_active_jobs(self, user_id: int) -> list[Job]:
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE user_id = ? AND status IN ('queued',"
            " 'running') ORDER BY id",
            (user_id,),
        )
        return [_job(r) for r in rows]

    async def count_queued(self) -> int:
        row = await self._one("SELECT COUNT(*) FROM jobs WHERE status = 'queued'")
        return int(row[0]) if row else 0

    async def mark_dispatched(self, job_id: int) -> bool:
        """Record that the job was handed to the broker: True the first time."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE jobs SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL",
                (self._now(), job_id),
            )
            return changed == 1

    async def undispatched_jobs(self, older_than_s: float, limit: int = 100) -> list[Job]:
        """Queued jobs never handed to the broker and stored at least ``older_than_s`` ago, oldest first
        (their front end died between storing and handing them over)."""
        cutoff = self._db.ts(self._clock() - timedelta(seconds=older_than_s))
        rows = await self._db.fetch(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE status = 'queued' AND dispatched_at IS NULL"
            " AND created_at <= ? ORDER BY id LIMIT ?",
            (cutoff, limit),
        )
        return [_job(r) for r in rows]

    async def mark_answered(self, job_id: int) -> bool:
        """Record that the job's answer was sent: True only the first time (exactly-once delivery guard).

        Atomic on both databases: the primary key of sent_answers decides (INSERT … ON CONFLICT DO NOTHING).
        """
        async with self._db.transaction() as tx:
            owner = await tx.fetch("SELECT user_id FROM jobs WHERE id = ?", (job_id,))
            if not owner:
                raise KeyError(f"no job {job_id}")
            inserted = await tx.execute(
                "INSERT INTO sent_answers (job_id, user_id, answered_at) VALUES (?, ?, ?)"
                " ON CONFLICT (job_id) DO NOTHING",
                (job_id, owner[0][0], self._now()),
            )
            return inserted == 1

    # --- rate limit --------------------------------------------------------------------------------

    async def hit_rate_limit(
        self, user_id: int, action: str, limit: int, window_s: float, ref: str | None = None
    ) -> int | None:
        """Count one ``action`` of the user against ``limit`` per sliding ``window_s``: None when allowed
        (and recorded), else the whole seconds until it would be (not recorded). An action with the
        ``ref`` of one counted in the window (the same message delivered again) is allowed, not counted
        again. The user's row is locked meanwhile, so processes sharing the database enforce one limit."""
        async with self._db.transaction() as tx:
            await self._insert_user(tx, user_id)
            await tx.fetch("SELECT id FROM users WHERE id = ?" + self._sql.lock_row, (user_id,))
            now = self._clock()  # after the lock: the events of whoever held it are older
            await tx.execute(
                "DELETE FROM rate_events WHERE user_id = ? AND action = ? AND at <= ?",
                (user_id, action, self._db.ts(now - timedelta(seconds=window_s))),
            )
            rows = await tx.fetch(
                "SELECT COUNT(*), MIN(at), COUNT(CASE WHEN ref = ? THEN 1 END) FROM rate_events"
                " WHERE user_id = ? AND action = ?",
                (ref, user_id, action),
            )
            count, oldest, seen = rows[0][0], rows[0][1], rows[0][2]
            if seen:
                return None
            if count >= limit:
                return max(1, math.ceil(window_s - (now - _dt(oldest)).total_seconds()))
            await tx.execute(
                "INSERT INTO rate_events (user_id, action, ref, at) VALUES (?, ?, ?, ?)",
                (user_id, action, ref, self._db.ts(now)),
            )
            return None


def _job(row: Row) -> Job:
    return Job(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["source_message_id"],
        row["message_id"],
        row["file_id"],
        row["file_unique_id"],
        row["exercise_hint"],
        JobStatus(row["status"]),
        row["attempts"],
        _dt(row["created_at"]),
        _dt(row["updated_at"]),
        row["error_code"],
        row["analysis_id"],
        _dt(row["dispatched_at"]) if row["dispatched_at"] is not None else None,
    )


def _claim_order(queued: Iterable[tuple[int, int, int | None]], top_seq: int) -> list[int]:
    """Replays claim_next_job over (job_id, user_id, served_seq) rows sorted by job id."""
    jobs: dict[int, deque[int]] = defaultdict(deque)
    seq: dict[int, int | None] = {}
    for job_id, user_id, served in queued:
        jobs[user_id].append(job_id)
        seq[user_id] = served
    order: list[int] = []
    while jobs:
        user = min(jobs, key=lambda u: (seq[u] is not None, seq[u] or 0, jobs[u][0]))
        order.append(jobs[user].popleft())
        top_seq += 1
        seq[user] = top_seq
        if not jobs[user]:
            del jobs[user]
    return order
