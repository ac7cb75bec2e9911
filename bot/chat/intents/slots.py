"""Slot extractors: generic functions, named in intents.toml, that read one kind of value from a message.

Each takes the normalised message and the lexicon and returns the slots it found (possibly none); the
parser runs them all once per message, scores rows on what they found, and keeps an intent's own slots.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.chat.intents.days import parse_days
from bot.chat.intents.exercises import exercise_in
from bot.chat.intents.lexicon import Keyword, Lexicon, Rx
from bot.chat.intents.normalize import Text
from bot.chat.intents.numbers import parse_number
from bot.chat.intents.times import parse_time

__all__ = ["EXTRACTORS", "Extractor", "SlotValue", "extract"]

SlotValue = str | int | bool | tuple[int, ...]
Slots = dict[str, SlotValue]
Extractor = Callable[[Text, Lexicon], Slots]


def _first_word(text: Text, groups: Iterable[tuple[str, tuple[Keyword, ...]]]) -> str | None:
    """The name of the group whose keyword comes first in ``text``."""
    best: tuple[int, str] | None = None
    for name, keywords in groups:
        for keyword in keywords:
            at = keyword.find(text)
            if at is not None and (best is None or at < best[0]):
                best = (at, name)
    return best[1] if best else None


def _masked(text: Text, patterns: Iterable[Rx]) -> Text:
    """``text`` with every match of ``patterns`` blanked out."""
    spaced, compact = text.spaced, text.compact
    for rx in patterns:
        if rx.spaced:
            spaced = rx.pattern.sub(" ", spaced)
        else:
            compact = rx.pattern.sub(" ", compact)
    return Text(text.raw, spaced, compact, text.lang)


def _numbers(text: Text, patterns: Iterable[Rx]) -> list[tuple[int, int]]:
    """(position, value) of group ``n`` of every match, in the order the patterns list them."""
    found: list[tuple[int, int]] = []
    for rx in patterns:
        for match in rx.finditer(text):
            value = parse_number(match["n"])
            if value is not None:
                found.append((match.start("n"), value))
    return found


def exercise(text: Text, lex: Lexicon) -> Slots:
    """``exercise``: the catalog id the message names."""
    found = exercise_in(text, lex.exercise_synonyms, lex.exercise_ignore)
    return {"exercise": found} if found else {}


def days(text: Text, lex: Lexicon) -> Slots:
    """``days``: the weekdays named (Monday=0, sorted)."""
    found = parse_days(text.spaced)
    return {"days": found} if found else {}


def time(text: Text, lex: Lexicon) -> Slots:
    """``time``: the clock time named, "HH:MM" 24 h."""
    found = parse_time(text.spaced)
    return {"time": found} if found else {}


def period(text: Text, lex: Lexicon) -> Slots:
    """``period``: the span asked about; a comparison's baseline ("지난주보다") does not count."""
    plain = _masked(text, lex.patterns.get("compare.baseline", ()))
    groups = [
        (key.removeprefix("period."), words) for key, words in lex.words.items() if key.startswith("period.")
    ]
    found = _first_word(plain, groups)
    return {"period": found} if found else {}


def compare(text: Text, lex: Lexicon) -> Slots:
    """``compare``: True when the message compares with an earlier span ("지난주보다", "better than")."""
    baseline = any(rx.finditer(text) for rx in lex.patterns.get("compare.baseline", ()))
    if baseline or _first_word(text, [("yes", lex.words.get("compare.words", ()))]):
        return {"compare": True}
    return {}


def level(text: Text, lex: Lexicon) -> Slots:
    """``level``: "brief" or "detailed", whichever word comes first."""
    groups = [
        (key.removeprefix("level."), words) for key, words in lex.words.items() if key.startswith("level.")
    ]
    found = _first_word(text, groups)
    return {"level": found} if found else {}


def count(text: Text, lex: Lexicon) -> Slots:
    """``count``: the corrected repetition count; values marked wrong ("8개 아니고", "not 8") are skipped."""
    wrong = {at for at, _ in _numbers(text, lex.patterns.get("count.wrong", ()))}
    for at, value in sorted(_numbers(text, lex.patterns.get("count.value", ()))):
        if at not in wrong and 0 < value < 10000:
            return {"count": value}
    return {}


def goal(text: Text, lex: Lexicon) -> Slots:
    """``target`` and ``unit``: "주 3회" → 3 sessions, "스쿼트 100개" → 100 reps; a bare number counts
    reps when an exercise is named, sessions otherwise."""
    named = bool(exercise(text, lex))
    units = (("sessions", "sessions"), ("reps", "reps"), ("either", "reps" if named else "sessions"))
    for key, unit in units:
        found = _numbers(text, lex.patterns.get(f"goal.{key}", ()))
        found = [(at, value) for at, value in found if 0 < value < 100000]
        if found:
            return {"target": min(found)[1], "unit": unit}
    return {}


EXTRACTORS: dict[str, Extractor] = {
    "exercise": exercise,
    "days": days,
    "time": time,
    "period": period,
    "compare": compare,
    "level": level,
    "count": count,
    "goal": goal,
}


def extract(text: Text, lex: Lexicon, names: Iterable[str] = EXTRACTORS) -> Slots:
    """Everything the named extractors find in ``text``."""
    slots: Slots = {}
    for name in names:
        slots.update(EXTRACTORS[name](text, lex))
    return slots
