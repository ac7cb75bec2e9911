"""The intent tables, read once from ``data/*.toml``: weighted keyword/regex/slot rows and word lists.

``intents.toml`` holds what does not depend on the language (intent order, slots, required slots,
defaults, slot-based rows, thresholds); ``ko.toml`` and ``en.toml`` hold the words. Every file may add
rows to any intent; an intent's score is the sum of the weights of its rows that match.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.chat.intents.normalize import Text, decompose, fuzzy_contains, is_hangul_word
from bot.chat.intents.numbers import number_pattern

__all__ = ["DATA_DIR", "IntentSpec", "Keyword", "Lexicon", "Row", "Rx", "lexicon", "load"]

DATA_DIR = Path(__file__).resolve().parent / "data"
_LANGUAGE_FILES = ("ko.toml", "en.toml")
_FUZZY_SYLLABLES = 3  # Korean keywords this long match with one jamo slip
_FUZZY_LETTERS = 6  # English keywords this long match with one letter slip


@dataclass(frozen=True)
class Keyword:
    """A word to look for: Korean as a spaceless substring, English as a whole word (``word*``: a prefix)."""

    word: str
    korean: bool
    pattern: re.Pattern[str]
    jamo: str | None  # decomposed form when one slip is allowed

    @classmethod
    def of(cls, word: str) -> Keyword:
        word = word.lower()
        if is_hangul_word(word):
            compact = word.replace(" ", "")
            fuzzy = len(compact) >= _FUZZY_SYLLABLES and re.fullmatch(r"[가-힣]+", compact) is not None
            return cls(compact, True, re.compile(re.escape(compact)), decompose(compact) if fuzzy else None)
        prefix = word.endswith("*")
        word = word.rstrip("*")
        end = "" if prefix else "(?![a-z0-9])"
        pattern = re.compile(rf"(?<![a-z0-9]){re.escape(word)}{end}")
        fuzzy = not prefix and len(word) >= _FUZZY_LETTERS and re.fullmatch(r"[a-z]+", word) is not None
        return cls(word, False, pattern, word if fuzzy else None)

    def find(self, text: Text) -> int | None:
        """Where the keyword starts in ``text`` (compact form if Korean, else spaced); None if absent."""
        haystack = text.compact if self.korean else text.spaced
        if match := self.pattern.search(haystack):
            return match.start()
        if self.jamo is None:
            return None
        if self.korean:
            # One jamo slip changes one syllable: all the others must be there before the costly search.
            if sum(char not in text.syllables for char in self.word) <= 1 and fuzzy_contains(
                text.jamo, self.jamo
            ):
                return len(haystack)  # found, place unknown: sorts after exact hits
            return None
        for token in text.spaced.split():
            if abs(len(token) - len(self.jamo)) <= 1 and fuzzy_contains(token, self.jamo):
                return text.spaced.find(token)
        return None


@dataclass(frozen=True)
class Rx:
    """A regex from a table, run on the compact form (Korean tables) or the spaced form (English tables).

    ``{N}`` in the table stands for a number (digits or a number word), captured as group ``n``.
    """

    pattern: re.Pattern[str]
    spaced: bool

    @classmethod
    def of(cls, source: str, spaced: bool) -> Rx:
        return cls(re.compile(source.replace("{N}", f"(?P<n>{number_pattern()})")), spaced)

    def finditer(self, text: Text) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text.spaced if self.spaced else text.compact))


@dataclass(frozen=True)
class Row:
    """A scoring row: ``weight`` counts once when a keyword or regex matches and ``has``/``lacks`` hold."""

    weight: float
    keywords: tuple[Keyword, ...] = ()
    patterns: tuple[Rx, ...] = ()
    has: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()

    def matches(self, text: Text, slots: Mapping[str, object]) -> bool:
        if any(name not in slots for name in self.has) or any(name in slots for name in self.lacks):
            return False
        if not self.keywords and not self.patterns:
            return True
        return any(p.finditer(text) for p in self.patterns) or any(
            k.find(text) is not None for k in self.keywords
        )


@dataclass(frozen=True)
class IntentSpec:
    """One intent: its slots (extractor names), the slots it cannot do without, defaults and rows."""

    name: str
    slots: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """All tables: intents in tie-break order, settings, and the word lists the slot extractors read."""

    intents: tuple[IntentSpec, ...]
    threshold: float
    suggestions: int
    fallback: tuple[str, ...]
    typos: Mapping[str, str]
    exercise_synonyms: Mapping[str, str]
    exercise_ignore: tuple[str, ...]
    words: Mapping[str, tuple[Keyword, ...]]  # "period.today", "level.brief", "compare", …
    patterns: Mapping[str, tuple[Rx, ...]]  # "count.wrong", "goal.sessions", …

    def spec(self, name: str) -> IntentSpec:
        return next(spec for spec in self.intents if spec.name == name)


def _row(raw: Mapping[str, Any], spaced: bool) -> Row:
    patterns = raw.get("re", ())
    return Row(
        weight=float(raw["w"]),
        keywords=tuple(Keyword.of(word) for word in raw.get("any", ())),
        patterns=tuple(Rx.of(p, spaced) for p in ([patterns] if isinstance(patterns, str) else patterns)),
        has=tuple(raw.get("has", ())),
        lacks=tuple(raw.get("lacks", ())),
    )


def load(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and compile the tables in ``data_dir``."""
    common = tomllib.loads((data_dir / "intents.toml").read_text(encoding="utf-8"))
    languages = [tomllib.loads((data_dir / name).read_text(encoding="utf-8")) for name in _LANGUAGE_FILES]
    rows: dict[str, list[Row]] = {name: [] for name in common["intents"]}
    for table in (common, *languages):
        spaced = table.get("meta", {}).get("regex_on", "compact") == "spaced"
        for name, spec in table.get("intents", {}).items():
            if name not in rows:
                raise ValueError(f"intent {name!r} in a word table is not declared in intents.toml")
            rows[name] += [_row(raw, spaced) for raw in spec.get("rows", ())]
        for name in rows:  # [every]: rows every intent gets (off-topic words that lower them all)
            rows[name] += [_row(raw, spaced) for raw in table.get("every", {}).get("rows", ())]
    words: dict[str, list[Keyword]] = {}
    patterns: dict[str, list[Rx]] = {}
    typos: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    ignore: list[str] = []
    for table in languages:
        typos |= table.get("typos", {})
        synonyms |= table.get("exercise", {}).get("synonyms", {})
        ignore += table.get("exercise", {}).get("ignore", ())
        for group, lists in table.get("words", {}).items():
            for key, values in lists.items():
                words.setdefault(f"{group}.{key}", []).extend(Keyword.of(v) for v in values)
        spaced = table.get("meta", {}).get("regex_on", "compact") == "spaced"
        for group, lists in table.get("patterns", {}).items():
            for key, values in lists.items():
                patterns.setdefault(f"{group}.{key}", []).extend(Rx.of(v, spaced) for v in values)
    settings = common["settings"]
    return Lexicon(
        intents=tuple(
            IntentSpec(
                name=name,
                slots=tuple(spec.get("slots", ())),
                require=tuple(spec.get("require", ())),
                defaults=dict(spec.get("defaults", {})),
                rows=tuple(rows[name]),
            )
            for name, spec in common["intents"].items()
        ),
        threshold=float(settings["threshold"]),
        suggestions=int(settings["suggestions"]),
        fallback=tuple(settings["fallback"]),
        typos=typos,
        exercise_synonyms=synonyms,
        exercise_ignore=tuple(ignore),
        words={key: tuple(value) for key, value in words.items()},
        patterns={key: tuple(value) for key, value in patterns.items()},
    )


@functools.cache
def lexicon() -> Lexicon:
    """The tables of ``data/``, read once."""
    return load()
