"""The store's value types: what ``bot.store.db.Store`` takes and returns (re-exported by
``bot.store.db``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

NO_GRADE = "none"  # the grade stored for a clip or rep not rated (판정 보류: a key condition unjudged)


class StoreError(RuntimeError):
    pass


class QueueFullError(StoreError):
    """enqueue_job refused a new job: ``scope`` is "global" (max_queued) or "user" (max_user_active)."""

    def __init__(self, scope: str) -> None:
        super().__init__(f"queue full ({scope})")
        self.scope = scope


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class UserSettings:
    user_id: int
    language: str
    voice_on: bool
    timezone: str
    weekly_summary: bool
    created_at: datetime
    feedback_detail: str = "detailed"  # how much the answer to a clip says: "brief" or "detailed"
    keep_photos: bool = True  # False: "사진 저장 안 함", no key-frame thumbnails are kept


@dataclass(frozen=True)
class Job:
    id: int
    user_id: int
    chat_id: int
    source_message_id: int  # the user's message with the clip: (chat_id, source_message_id) is unique
    message_id: int | None  # the bot's progress message
    file_id: str
    file_unique_id: str
    exercise_hint: str | None
    status: JobStatus
    attempts: int
    created_at: datetime
    updated_at: datetime
    error_code: str | None
    analysis_id: int | None
    dispatched_at: datetime | None = None  # handed to the broker (scale-out); None: not (yet)


@dataclass(frozen=True)
class AnalysisRecord:
    """What is kept of an Assessment: the bot converts one into this (no full frames: thumbnails only)."""

    exercise: str
    confidence: float
    view: str
    rep_count: int | None
    hold_s: float | None
    grade: str
    duration_s: float
    reps: tuple[tuple[str, float, float], ...] = ()  # (grade, start_s, end_s) per rep, in order
    # (rep_idx or None for whole-clip, condition_id, status, value, threshold)
    conditions: tuple[tuple[int | None, str, str, float | None, float | None], ...] = ()
    # per rep, in the order of ``reps``: (rom_share, down_s, pause_s, up_s, lr_diff) — see RepDetail
    rep_metrics: tuple[tuple[float | None, float | None, float | None, float | None, float | None], ...] = ()
    thumbnails: tuple[bytes, ...] = ()  # small JPEGs of the annotated key frames (kept while keep_photos)


@dataclass(frozen=True)
class HistoryEntry:
    analysis_id: int
    job_id: int | None
    exercise: str
    grade: str
    rep_count: int | None
    hold_s: float | None
    confidence: float
    view: str
    duration_s: float
    created_at: datetime
    measured_count: int | None = None  # the count the analysis measured; rep_count is the user's if corrected

    @property
    def corrected(self) -> bool:
        return self.rep_count != self.measured_count


@dataclass(frozen=True)
class WeekSummary:
    sessions: int
    sessions_by_exercise: dict[str, int]
    reps_by_exercise: dict[str, int]
    hold_s_by_exercise: dict[str, float]
    session_grades: dict[str, int]  # grade of whole sessions
    rep_grades: dict[str, int]  # grade of single reps
    per_day: dict[date, int]  # sessions per local day (user's time zone), every day of the range listed


@dataclass(frozen=True)
class Reminder:
    id: int
    user_id: int
    chat_id: int
    days: int  # bitmask: bit 0 = Monday … bit 6 = Sunday (datetime.weekday())
    time: str  # "HH:MM" local time
    timezone: str
    created_at: datetime

    @property
    def weekdays(self) -> tuple[int, ...]:
        """Days as datetime.weekday() numbers (0 = Monday)."""
        return tuple(d for d in range(7) if self.days >> d & 1)


@dataclass(frozen=True)
class ConditionCount:
    """How often one condition passed and failed in one analysis (reps, or 1 for a whole-clip finding)."""

    analysis_id: int
    condition_id: str
    passed: int
    failed: int


@dataclass(frozen=True)
class RepRow:
    """One stored rep with its depth and tempo (None: not measured)."""

    analysis_id: int
    idx: int  # 0-based
    grade: str  # "perfect" / "good" / "bad" / "none"
    rom_share: float | None
    down_s: float | None
    pause_s: float | None
    up_s: float | None
    lr_diff: float | None


@dataclass(frozen=True)
class OutboxPush:
    """One scheduled push in the outbox (bot.store.outbox): to whom, what (``push_key``), for which day."""

    id: int
    user_id: int
    chat_id: int
    push_key: str  # "reminder:<id>" or "weekly:<user id>"
    slot: str
    due_at: datetime
    attempts: int

    @property
    def kind(self) -> str:
        return self.push_key.split(":", 1)[0]


@dataclass(frozen=True)
class PushClaim:
    """What ``Store.claim_outbox_push`` gave: a push to send in ``wait_s`` (its turn), or none and how long
    to wait for the pace (0.0: nothing is due)."""

    push: OutboxPush | None
    wait_s: float = 0.0
