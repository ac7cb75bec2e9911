"""The exercise a message names → catalog id, through bot.chat.hints (the one place that reads the catalog).

The tables may add synonyms hints.py lacks ("사레레" → lateral_raise) and phrases that look like an exercise
name but are usually something else ("good morning" the greeting): those are ignored unless nothing else
in the message names an exercise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from bot.chat.hints import exercise_from_text
from bot.chat.intents.normalize import Text, is_hangul_word

__all__ = ["catalog_exercise", "exercise_in"]


def catalog_exercise(text: str) -> str | None:
    """The catalog id named in ``text`` (the single call into the catalog; update here when it moves)."""
    return exercise_from_text(text)


def _loose(word: str) -> str:
    """A regex for ``word`` whatever its spacing; English words must stand alone."""
    body = r"\s*".join(re.escape(char) for char in word.replace(" ", ""))
    return body if is_hangul_word(word) else rf"(?<![a-z0-9]){body}(?![a-z0-9])"


@functools.cache
def _compiled(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_loose(word)) for word in words)


def exercise_in(text: Text, synonyms: Mapping[str, str], ignore: Sequence[str] = ()) -> str | None:
    """The catalog id ``text`` names, synonyms included; None when it names none."""
    ordered = sorted(synonyms, key=lambda word: -len(word))
    named = text.spaced
    for pattern, word in zip(_compiled(tuple(ordered)), ordered, strict=True):
        named = pattern.sub(f" {synonyms[word]} ", named)
    kept = named
    for pattern in _compiled(tuple(ignore)):
        kept = pattern.sub(" ", kept)
    return catalog_exercise(kept) or (catalog_exercise(named) if kept != named else None)
