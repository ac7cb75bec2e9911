"""The analyses' queries: saving one with its reps and conditions, history, the week's summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.store.base import StoreBase, _dt
from bot.store.driver import Row, Tx
from bot.store.types import (
    AnalysisRecord,
    HistoryEntry,
    WeekSummary,
)

_HISTORY_COLUMNS = (
    "id, job_id, exercise, grade, COALESCE(corrected_count, rep_count) AS counted, rep_count, hold_s,"
    " confidence, view, duration_s, created_at"
)


class AnalysisQueries(StoreBase):
    async def save_analysis(
        self, user_id: int, job_id: int | None, assessment_summary: AnalysisRecord
    ) -> int:
        """Store an analysis with its reps and conditions; once per job (a retry returns the same id)."""
        rec = assessment_summary
        async with self._db.transaction() as tx:
            if job_id is not None:
                found = await tx.fetch("SELECT id FROM analyses WHERE job_id = ?", (job_id,))
                if found:
                    return int(found[0][0])
            await self._insert_user(tx, user_id)
            inserted = await tx.fetch(
                "INSERT INTO analyses (user_id, job_id, exercise, confidence, view, rep_count, hold_s, grade,"
                " duration_s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (user_id, job_id, rec.exercise, float(rec.confidence), rec.view, rec.rep_count)
                + (None if rec.hold_s is None else float(rec.hold_s), rec.grade)
                + (float(rec.duration_s), self._now()),
            )
            analysis_id = int(inserted[0][0])
            await tx.executemany(
                "INSERT INTO reps (user_id, analysis_id, idx, grade, start_s, end_s, rom_share, down_s,"
                " pause_s, up_s, lr_diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (user_id, analysis_id, i, g, float(s), float(e), *_metrics(rec, i))
                    for i, (g, s, e) in enumerate(rec.reps)
                ],
            )
            await self._keep_thumbnails(tx, user_id, analysis_id, rec.thumbnails)
            await tx.executemany(
                "INSERT INTO condition_results (user_id, analysis_id, rep_idx, condition_id, status, value,"
                " threshold) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(user_id, analysis_id, *_condition(c)) for c in rec.conditions],
            )
            if job_id is not None:
                await tx.execute(
                    "UPDATE jobs SET analysis_id = ?, updated_at = ? WHERE id = ?",
                    (analysis_id, self._now(), job_id),
                )
            return analysis_id

    async def _keep_thumbnails(
        self, tx: Tx, user_id: int, analysis_id: int, jpegs: tuple[bytes, ...]
    ) -> None:
        """Store the key-frame thumbnails unless the user keeps no photos (read with the user's row locked:
        a concurrent "don't keep photos" either comes first, or deletes these after us)."""
        if not jpegs:
            return
        found = await tx.fetch(f"SELECT keep_photos FROM users WHERE id = ?{self._sql.lock_row}", (user_id,))
        if not found or not found[0][0]:
            return
        await tx.executemany(
            "INSERT INTO key_frames (user_id, analysis_id, idx, jpeg) VALUES (?, ?, ?, ?)",
            [(user_id, analysis_id, i, bytes(jpeg)) for i, jpeg in enumerate(jpegs)],
        )

    async def history(self, user_id: int, limit: int = 10) -> list[HistoryEntry]:
        """The user's latest analyses, newest first; ``rep_count`` is the count the user corrected, if any."""
        rows = await self._db.fetch(
            f"SELECT {_HISTORY_COLUMNS} FROM analyses WHERE user_id = ?"
            " ORDER BY created_at DESC, id DESC LIMIT ?",
            (user_id, limit),
        )
        return [_entry(r) for r in rows]

    async def analysis_entry(self, user_id: int, analysis_id: int) -> HistoryEntry | None:
        """One analysis of the user, as ``history`` lists it; None when it is not theirs (or gone)."""
        row = await self._one(
            f"SELECT {_HISTORY_COLUMNS} FROM analyses WHERE id = ? AND user_id = ?", (analysis_id, user_id)
        )
        return _entry(row) if row else None

    async def week_summary(
        self, user_id: int, week_start_utc: datetime, week_end_utc: datetime, timezone: str | None = None
    ) -> WeekSummary:
        """Sessions in [start, end): counts per exercise, grade mixes, sessions per local day."""
        span = (user_id, self._db.ts(week_start_utc), self._db.ts(week_end_utc))
        rows = await self._db.fetch(
            "SELECT exercise, grade, COALESCE(corrected_count, rep_count) AS rep_count, hold_s, created_at"
            " FROM analyses WHERE user_id = ? AND created_at >= ? AND created_at < ?",
            span,
        )
        rep_rows = await self._db.fetch(
            "SELECT r.grade, COUNT(*) FROM reps r JOIN analyses a ON a.id = r.analysis_id"
            " WHERE a.user_id = ? AND a.created_at >= ? AND a.created_at < ? GROUP BY r.grade",
            span,
        )
        if timezone is None:
            settings = await self.get_settings(user_id)
            timezone = settings.timezone if settings else "Asia/Seoul"
        zone = ZoneInfo(timezone)
        reps: Counter[str] = Counter()
        holds: defaultdict[str, float] = defaultdict(float)
        for r in rows:
            reps[r["exercise"]] += r["rep_count"] or 0
            holds[r["exercise"]] += r["hold_s"] or 0.0
        per_day = _days(
            week_start_utc.astimezone(zone).date(),
            (week_end_utc - timedelta(microseconds=1)).astimezone(zone).date(),
        )
        for r in rows:
            per_day[_dt(r["created_at"]).astimezone(zone).date()] += 1
        return WeekSummary(
            sessions=len(rows),
            sessions_by_exercise=dict(Counter(r["exercise"] for r in rows)),
            reps_by_exercise={k: v for k, v in reps.items() if v},
            hold_s_by_exercise={k: v for k, v in holds.items() if v},
            session_grades=dict(Counter(r["grade"] for r in rows)),
            rep_grades={r[0]: int(r[1]) for r in rep_rows},
            per_day=per_day,
        )


def _entry(r: Row) -> HistoryEntry:
    return HistoryEntry(
        r["id"],
        r["job_id"],
        r["exercise"],
        r["grade"],
        r["counted"],
        r["hold_s"],
        r["confidence"],
        r["view"],
        r["duration_s"],
        _dt(r["created_at"]),
        r["rep_count"],
    )


def _metrics(rec: AnalysisRecord, i: int) -> tuple[float | None, ...]:
    """Rep ``i``'s (rom_share, down_s, pause_s, up_s, lr_diff); Nones when the record has none."""
    values = rec.rep_metrics[i] if i < len(rec.rep_metrics) else (None,) * 5
    return tuple(None if v is None else float(v) for v in values)


def _condition(c: tuple[int | None, str, str, float | None, float | None]) -> tuple[Any, ...]:
    rep, condition_id, status, value, threshold = c
    return (
        rep,
        condition_id,
        status,
        None if value is None else float(value),
        None if threshold is None else float(threshold),
    )


def _days(first: date, last: date) -> dict[date, int]:
    return {first + timedelta(days=i): 0 for i in range((last - first).days + 1)}
