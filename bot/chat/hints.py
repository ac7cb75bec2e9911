"""The exercise a user named in a clip's caption ("스쿼트 12개", "squats", "오늘 턱걸이") → catalog id.

Names come from the catalog's own display names in every locale, the catalog ids, the data-set label
aliases that mean exactly one exercise, and a few everyday words people use (``SYNONYMS``). Matching
ignores case, spaces, hyphens and underscores; the longest name found anywhere in the caption wins
("케이블 크런치" over "크런치").
"""

from __future__ import annotations

import functools
import re

from analysis.report.i18n import LOCALES, translate
from analysis.vocab.catalog import CATALOG, LABEL_ALIASES

SYNONYMS = {
    "턱걸이": "pull_up",
    "팔굽혀펴기": "push_up",
    "푸쉬업": "push_up",
    "윗몸일으키기": "crunch",
    "런지": "lunge_forward",
    "lunge": "lunge_forward",
    "lunges": "lunge_forward",
    "데드": "deadlift",
    "스쿼드": "squat",
    "플랭크자세": "plank",
    "덤벨컬": "biceps_curl",
    "바이셉스컬": "biceps_curl",
    "curl": "biceps_curl",
    "숄더프레스": "overhead_press",
    "밀리터리프레스": "overhead_press",
    "벤치": "bench_press",
    "버피테스트": "burpee",
}
_IGNORED = re.compile(r"[\s_\-·.,!?~]+")


def _key(text: str) -> str:
    return _IGNORED.sub("", text.lower())


@functools.cache
def _names() -> tuple[tuple[str, str], ...]:
    """(normalised name, exercise id), longest names first."""
    table: dict[str, str] = {}
    for alias, ids in LABEL_ALIASES.items():
        if len(ids) == 1:
            table[_key(alias)] = ids[0]
    for exercise in CATALOG:
        table[_key(exercise)] = exercise
        for locale in LOCALES:
            table[_key(translate(f"exercise-{exercise}", locale))] = exercise
    for word, exercise in SYNONYMS.items():
        table[_key(word)] = exercise
    return tuple(sorted(((k, v) for k, v in table.items() if len(k) >= 2), key=lambda kv: -len(kv[0])))


def exercise_from_text(text: str | None) -> str | None:
    """The catalog id named in ``text``, or None when it names none."""
    if not text:
        return None
    haystack = _key(text)
    for name, exercise in _names():
        if name in haystack:
            return exercise
    return None
