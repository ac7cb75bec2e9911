"""The user's recent exercises as the classifier's prior (analysis.classifier.with_prior): a person who
sends three clips of squats in a row expects the fourth, if the model is unsure, to be squats too."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from bot.store.db import Job, Store

log = logging.getLogger(__name__)

RECENT_CLIPS = 5  # the user's latest analyses whose exercises make the prior …
RECENT_DAYS = 14  # … when at most this old


async def recent_exercises(store: Store, job: Job, now: datetime | None = None) -> tuple[str, ...]:
    """Newest first; none for a job whose caption named the exercise (the caption wins). Best effort: when
    the history cannot be read, the model alone decides."""
    if job.exercise_hint is not None:
        return ()
    try:
        entries = await store.history(job.user_id, limit=RECENT_CLIPS)
    except Exception:  # the prior is a nicety: a store hiccup must not fail the analysis
        log.warning("job %d: the user's recent exercises could not be read", job.id, exc_info=True)
        return ()
    since = (now or datetime.now(UTC)) - timedelta(days=RECENT_DAYS)
    return tuple(e.exercise for e in entries if _aware(e.created_at) >= since)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)
