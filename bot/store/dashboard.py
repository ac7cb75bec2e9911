"""The Mini App dashboard's queries: one user's analyses by time, by exercise and by page, with their
condition counts, reps (depth and tempo) and key-frame thumbnails. Read-only, except the thumbnails.

Every query names the user: an analysis id of another user finds nothing. Lists of analysis ids are
bound as parameters (at most a page or an exercise view's worth: ``MAX_IDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.store.base import StoreBase, _dt
from bot.store.types import ConditionCount, HistoryEntry, RepRow

MAX_IDS = 500  # analysis ids one query may bind (a page is at most 50, an exercise view 60)
_ANALYSIS_COLUMNS = "id, job_id, exercise, grade, rep_count, hold_s, confidence, view, duration_s, created_at"


def _entry(r: Any) -> HistoryEntry:
    return HistoryEntry(
        r["id"],
        r["job_id"],
        r["exercise"],
        r["grade"],
        r["rep_count"],
        r["hold_s"],
        r["confidence"],
        r["view"],
        r["duration_s"],
        _dt(r["created_at"]),
    )


def _marks(ids: Sequence[int]) -> str:
    if len(ids) > MAX_IDS:
        raise ValueError(f"at most {MAX_IDS} analysis ids at once")
    return ", ".join("?" for _ in ids)


def _opt(value: float | None) -> float | None:
    return None if value is None else float(value)


class DashboardQueries(StoreBase):
    async def analyses_between(
        self, user_id: int, start_utc: datetime, end_utc: datetime
    ) -> list[HistoryEntry]:
        """The user's analyses in [start, end), oldest first."""
        rows = await self._db.fetch(
            f"SELECT {_ANALYSIS_COLUMNS} FROM analyses"
            " WHERE user_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
            (user_id, self._db.ts(start_utc), self._db.ts(end_utc)),
        )
        return [_entry(r) for r in rows]

    async def rep_grade_counts(self, user_id: int, start_utc: datetime, end_utc: datetime) -> dict[str, int]:
        """Grade → reps of the user's analyses in [start, end) ("none" included)."""
        rows = await self._db.fetch(
            "SELECT r.grade, COUNT(*) FROM reps r JOIN analyses a ON a.id = r.analysis_id"
            " WHERE a.user_id = ? AND a.created_at >= ? AND a.created_at < ? GROUP BY r.grade",
            (user_id, self._db.ts(start_utc), self._db.ts(end_utc)),
        )
        return {r[0]: int(r[1]) for r in rows}

    async def exercises_done(self, user_id: int) -> list[str]:
        """Exercise ids the user has analyses of, the most recently done first."""
        rows = await self._db.fetch(
            "SELECT exercise, MAX(created_at) AS latest FROM analyses WHERE user_id = ?"
            " GROUP BY exercise ORDER BY latest DESC, exercise",
            (user_id,),
        )
        return [r["exercise"] for r in rows]

    async def exercise_analyses(self, user_id: int, exercise: str, limit: int) -> list[HistoryEntry]:
        """The user's latest ``limit`` analyses of one exercise, oldest first."""
        rows = await self._db.fetch(
            f"SELECT {_ANALYSIS_COLUMNS} FROM analyses WHERE user_id = ? AND exercise = ?"
            " ORDER BY created_at DESC, id DESC LIMIT ?",
            (user_id, exercise, limit),
        )
        return [_entry(r) for r in reversed(rows)]

    async def analyses_page(self, user_id: int, limit: int, before: int | None) -> list[HistoryEntry]:
        """Up to ``limit`` analyses, newest (highest id) first, with ``id < before`` when given."""
        rows = await self._db.fetch(
            f"SELECT {_ANALYSIS_COLUMNS} FROM analyses WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            (user_id, before if before is not None else 2**63 - 1, limit),
        )
        return [_entry(r) for r in rows]

    async def condition_counts(self, user_id: int, analysis_ids: Sequence[int]) -> list[ConditionCount]:
        """Passed / failed findings per (analysis, condition); not-judged ones count in neither."""
        if not analysis_ids:
            return []
        rows = await self._db.fetch(
            "SELECT analysis_id, condition_id,"
            " SUM(CASE WHEN status = 'pass' THEN 1 ELSE 0 END) AS passed,"
            " SUM(CASE WHEN status = 'fail' THEN 1 ELSE 0 END) AS failed"
            f" FROM condition_results WHERE user_id = ? AND analysis_id IN ({_marks(analysis_ids)})"
            " GROUP BY analysis_id, condition_id",
            (user_id, *analysis_ids),
        )
        return [ConditionCount(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    async def rep_rows(self, user_id: int, analysis_ids: Sequence[int]) -> list[RepRow]:
        """The reps of these analyses, by analysis and rep index."""
        if not analysis_ids:
            return []
        rows = await self._db.fetch(
            "SELECT analysis_id, idx, grade, rom_share, down_s, pause_s, up_s, lr_diff FROM reps"
            f" WHERE user_id = ? AND analysis_id IN ({_marks(analysis_ids)}) ORDER BY analysis_id, idx",
            (user_id, *analysis_ids),
        )
        return [RepRow(*(r[i] for i in range(8))) for r in rows]

    async def thumbnail_counts(self, user_id: int, analysis_ids: Sequence[int]) -> dict[int, int]:
        """Analysis id → key-frame thumbnails kept (analyses without any are left out)."""
        if not analysis_ids:
            return {}
        rows = await self._db.fetch(
            f"SELECT analysis_id, COUNT(*) FROM key_frames WHERE user_id = ? AND analysis_id IN"
            f" ({_marks(analysis_ids)}) GROUP BY analysis_id",
            (user_id, *analysis_ids),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def thumbnail(self, user_id: int, analysis_id: int, idx: int) -> bytes | None:
        """Thumbnail ``idx`` of the user's analysis; None when there is none (or it is not theirs)."""
        row = await self._one(
            "SELECT jpeg FROM key_frames WHERE user_id = ? AND analysis_id = ? AND idx = ?",
            (user_id, analysis_id, idx),
        )
        return bytes(row[0]) if row is not None else None

    async def thumbnails_of(self, user_id: int) -> int:
        """How many thumbnails the user has (tests, maintenance)."""
        row = await self._one("SELECT COUNT(*) FROM key_frames WHERE user_id = ?", (user_id,))
        return int(row[0]) if row else 0
