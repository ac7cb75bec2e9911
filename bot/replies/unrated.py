"""Why a clip was not rated ("판정 보류"): which key conditions went unjudged, and how to film them next time.

An exercise's key conditions (``ExerciseSpec.key``) are the ones a grade cannot do without; when the view
or hidden joints left one of them unjudged, the analysis gives no grade (reason ``not_enough_judged``).
The answer names those conditions and the camera change that would let them be judged. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.exercises.registry import spec_or_generic
from analysis.judge.grading import GRADE_REASONS
from analysis.vocab import catalog
from analysis.vocab.types import Assessment, Status

# not-judged reason (analysis.judge.rules) → the filming hint that would let the condition be judged
FILM_HINTS = {"hint-film-side": "feedback-film-side", "hint-film-front": "feedback-film-front"}
FILM_VISIBLE = "feedback-film-visible"  # hidden joints (or anything else): keep the whole body in view


@dataclass(frozen=True)
class NotRated:
    conditions: tuple[str, ...]  # the key conditions left unjudged, in the order the spec names them
    film_hint_key: str  # locale key: how to film so that they can be judged


def not_rated(a: Assessment) -> NotRated | None:
    """The key conditions behind a clip without a grade (``not_enough_judged``, or ``nothing_judged``: not
    one condition could be judged), and how to film them; None when the clip was rated.

    With no findings at all (no rep was found to judge) every key condition counts as unjudged and the
    hint is to keep the whole body in view; an exercise without key conditions names all of its own."""
    if a.grade is not None or a.grade_reason not in GRADE_REASONS or a.exercise not in catalog.CATALOG:
        return None
    spec = spec_or_generic(a.exercise)
    key = spec.key or tuple(r.condition_id for r in spec.rules)
    unseen = [f for f in a.findings if f.condition_id in key and f.status is Status.NOT_JUDGED]
    order = [c for c in key if any(f.condition_id == c for f in unseen)] or list(key)
    reasons = [f.message_key for f in unseen]
    hint = next((FILM_HINTS[r] for r in reasons if r in FILM_HINTS), FILM_VISIBLE)
    return NotRated(conditions=tuple(order), film_hint_key=hint)
