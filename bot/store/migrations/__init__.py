"""Schema migrations of the FormCoach database, applied in order by ``bot.store.db.Store.open``.

``MIGRATIONS[i]`` (SQLite) and ``bot.store.migrations.postgresql.MIGRATIONS[i]`` (PostgreSQL) bring the schema
from version ``i`` to ``i + 1``; each runs in one transaction with the ``schema_version`` row that records
it (on PostgreSQL under an advisory lock, so replicas starting together migrate once). Both lists always
have the same length and describe the same tables and columns: a new version is appended to both.
Never edit a released migration: append a new one. ``for_dialect`` picks the list.

Conventions: every table but ``schema_version`` carries the Telegram user id (``users.id`` or a
``user_id`` column), so deleting a user's data is one DELETE per table and a test can check that no
table was forgotten. Timestamps are UTC text ``YYYY-MM-DD HH:MM:SS.ffffff`` (they sort as they compare).
"""

from __future__ import annotations

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""

_V1 = (
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        language TEXT NOT NULL DEFAULT 'ko',
        voice_on INTEGER NOT NULL DEFAULT 1 CHECK (voice_on IN (0, 1)),
        timezone TEXT NOT NULL DEFAULT 'Asia/Seoul',
        weekly_summary INTEGER NOT NULL DEFAULT 0 CHECK (weekly_summary IN (0, 1)),
        served_seq INTEGER,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        source_message_id INTEGER NOT NULL,
        message_id INTEGER,
        file_id TEXT NOT NULL,
        file_unique_id TEXT NOT NULL,
        exercise_hint TEXT,
        status TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'running', 'done', 'failed', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        error_code TEXT,
        analysis_id INTEGER REFERENCES analyses(id) ON DELETE SET NULL,
        UNIQUE (chat_id, source_message_id)
    )""",
    "CREATE INDEX jobs_status ON jobs (status, id)",
    "CREATE INDEX jobs_user ON jobs (user_id, status)",
    """CREATE TABLE analyses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        job_id INTEGER UNIQUE REFERENCES jobs(id) ON DELETE SET NULL,
        exercise TEXT NOT NULL,
        confidence REAL NOT NULL,
        view TEXT NOT NULL,
        rep_count INTEGER,
        hold_s REAL,
        grade TEXT NOT NULL CHECK (grade IN ('perfect', 'good', 'bad', 'none')),  -- none: nothing judged
        duration_s REAL NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX analyses_user_time ON analyses (user_id, created_at)",
    """CREATE TABLE reps (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('perfect', 'good', 'bad', 'none')),  -- none: nothing judged
        start_s REAL NOT NULL,
        end_s REAL NOT NULL,
        PRIMARY KEY (analysis_id, idx)
    )""",
    """CREATE TABLE condition_results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
        rep_idx INTEGER,
        condition_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not_judged')),
        value REAL,
        threshold REAL
    )""",
    "CREATE INDEX condition_results_analysis ON condition_results (analysis_id)",
    """CREATE TABLE reminders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX reminders_user ON reminders (user_id)",
    """CREATE TABLE sent_answers (
        job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        answered_at TEXT NOT NULL
    )""",
)

_V2 = (
    """CREATE TABLE sent_pushes (
        push_key TEXT NOT NULL,  -- "reminder:<id>" or "weekly:<user id>"
        slot TEXT NOT NULL,  -- the local day the push is for (YYYY-MM-DD): one push per key and day
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (push_key, slot)
    )""",
    "CREATE INDEX sent_pushes_time ON sent_pushes (sent_at)",
)

# v3 (scale-out): when a job was handed to the broker (the scheduler's sweeper sends jobs stored but never
# handed over: their front end died in between), and the recent clips of each user (the per-user rate limit,
# shared by every front end). Jobs from before v3 count as handed over: nothing sends them again.
_V3 = (
    "ALTER TABLE jobs ADD COLUMN dispatched_at TEXT",
    "UPDATE jobs SET dispatched_at = updated_at",
    """CREATE TABLE rate_events (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        action TEXT NOT NULL,  -- what is limited: "clip"
        ref TEXT,  -- what was counted ("<chat id>:<message id>"): a message delivered again counts once
        at TEXT NOT NULL
    )""",
    "CREATE INDEX rate_events_user ON rate_events (user_id, action, at)",
)

# v4 (talking to the coach): each user's feedback detail, a repetition count the user corrected (kept beside
# the measured one), weekly goals, and the conversation's short memory: a question waiting for its answer
# ("pending": the count after "횟수 고치기") and the last change an undo button may take back ("undo").
_V4 = (
    "ALTER TABLE users ADD COLUMN feedback_detail TEXT NOT NULL DEFAULT 'detailed'"
    " CHECK (feedback_detail IN ('brief', 'detailed'))",
    "ALTER TABLE analyses ADD COLUMN corrected_count INTEGER CHECK (corrected_count BETWEEN 0 AND 10000)",
    "ALTER TABLE analyses ADD COLUMN corrected_at TEXT",
    """CREATE TABLE goals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        exercise TEXT NOT NULL DEFAULT '',  -- a catalog id, or '' for every exercise together
        unit TEXT NOT NULL CHECK (unit IN ('reps', 'sessions')),
        target INTEGER NOT NULL CHECK (target BETWEEN 1 AND 100000),  -- per week (Monday to Monday, local)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (user_id, exercise)
    )""",
    """CREATE TABLE chat_memory (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        slot TEXT NOT NULL,  -- "pending" or "undo"
        value TEXT NOT NULL,  -- JSON
        expires_at TEXT NOT NULL,
        PRIMARY KEY (user_id, slot)
    )""",
    "CREATE INDEX chat_memory_expiry ON chat_memory (expires_at)",
)

# v5 (the Mini App): per-rep depth and tempo, the "don't keep photos" setting, and small JPEG thumbnails of
# each analysis' annotated key frames (kept only while the user keeps photos; gone with the analysis).
_V5 = (
    "ALTER TABLE users ADD COLUMN keep_photos INTEGER NOT NULL DEFAULT 1 CHECK (keep_photos IN (0, 1))",
    "ALTER TABLE reps ADD COLUMN rom_share REAL",
    "ALTER TABLE reps ADD COLUMN down_s REAL",
    "ALTER TABLE reps ADD COLUMN pause_s REAL",
    "ALTER TABLE reps ADD COLUMN up_s REAL",
    "ALTER TABLE reps ADD COLUMN lr_diff REAL",
    """CREATE TABLE key_frames (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        jpeg BLOB NOT NULL,
        PRIMARY KEY (analysis_id, idx)
    )""",
    "CREATE INDEX key_frames_user ON key_frames (user_id)",
    "CREATE INDEX analyses_user_exercise ON analyses (user_id, exercise, created_at)",
)

# v6 (pushes at scale): the push outbox. A scheduled push (reminder, weekly summary) is a row here, once per
# (push_key, slot) however many schedulers fire it; senders claim rows at the broadcast pace (paced_at: the
# wall-clock second of the claim's turn, shared by every sender), mark them 'sending' as they go out and
# 'sent' once Telegram answered. Takes over from sent_pushes, which is no longer written.
_V6 = (
    """CREATE TABLE push_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        push_key TEXT NOT NULL,  -- "reminder:<id>" or "weekly:<user id>"
        slot TEXT NOT NULL,  -- the user's local day it is for (YYYY-MM-DD)
        due_at TEXT NOT NULL,  -- when it is due: the user's local time of the push, in UTC
        status TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'claimed', 'sending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        claimed_at TEXT,
        paced_at REAL,
        done_at TEXT,
        error TEXT,
        UNIQUE (push_key, slot)
    )""",
    "CREATE INDEX push_outbox_due ON push_outbox (status, due_at, id)",
    "CREATE INDEX push_outbox_paced ON push_outbox (paced_at)",
    "CREATE INDEX push_outbox_user ON push_outbox (user_id)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5, _V6)


def for_dialect(dialect: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """(schema_version DDL, migrations) of ``dialect``: "sqlite" or "postgresql"."""
    if dialect == "sqlite":
        return SCHEMA_VERSION_TABLE, MIGRATIONS
    if dialect == "postgresql":
        from bot.store.migrations import postgresql

        return postgresql.SCHEMA_VERSION_TABLE, postgresql.MIGRATIONS
    raise ValueError(f"no migrations for {dialect!r}")
