"""Number words → ints: digits, native Korean (한…열두, 스무, 서른), sino-Korean (일…십, 백), English."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "Number",
    "english_number",
    "find_numbers",
    "korean_number",
    "number_pattern",
    "parse_number",
]

# Native Korean: the standalone form and the attributive (before a counter) form of 1..9.
_NATIVE_UNITS: dict[int, tuple[str, ...]] = {
    1: ("하나", "한"),
    2: ("둘", "두"),
    3: ("셋", "세", "석"),
    4: ("넷", "네", "넉"),
    5: ("다섯", "닷"),
    6: ("여섯", "엿"),
    7: ("일곱",),
    8: ("여덟", "여덜"),
    9: ("아홉",),
}
_NATIVE_TENS: dict[int, tuple[str, ...]] = {
    10: ("열",),
    20: ("스물", "스무"),
    30: ("서른",),
    40: ("마흔",),
    50: ("쉰",),
    60: ("예순",),
    70: ("일흔",),
    80: ("여든",),
    90: ("아흔",),
}
_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
_SINO_UNITS = {"십": 10, "백": 100, "천": 1000}

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


@dataclass(frozen=True)
class Number:
    """A number found in a text: its value and where it stood."""

    value: int
    start: int
    end: int


@functools.cache
def _native_words() -> dict[str, int]:
    """Every native Korean number word 1..99 (both forms), "스물다섯" and "스물 다섯" alike (spaceless)."""
    words: dict[str, int] = {}
    for unit, forms in _NATIVE_UNITS.items():
        for form in forms:
            words[form] = unit
    for ten, tens in _NATIVE_TENS.items():
        for ten_form in tens:
            words.setdefault(ten_form, ten)
            for unit, forms in _NATIVE_UNITS.items():
                for form in forms:
                    words[ten_form.replace("스무", "스물") + form] = ten + unit
    return words


@functools.cache
def _sino_words() -> dict[str, int]:
    """Sino-Korean number words 1..999 ("일", "십이", "이십삼", "백", "삼백오십")."""
    digit_names = {v: k for k, v in _SINO_DIGITS.items() if k != "륙"}
    words: dict[str, int] = {}
    for value in range(1, 1000):
        hundreds, tens, ones = value // 100, value // 10 % 10, value % 10
        name = ""
        if hundreds:
            name += ("" if hundreds == 1 else digit_names[hundreds]) + "백"
        if tens:
            name += ("" if tens == 1 else digit_names[tens]) + "십"
        if ones:
            name += digit_names[ones]
        words[name] = value
    words["천"] = 1000
    return words


def korean_number(word: str) -> int | None:
    """A whole Korean number word ("열두" → 12, "스무" → 20, "세" → 3, "이십" → 20); None otherwise."""
    word = word.replace(" ", "")
    return _native_words().get(word, _sino_words().get(word))


def english_number(word: str) -> int | None:
    """A whole English number word ("seven", "twenty five", "twenty-five", "a hundred"); None otherwise."""
    parts = word.lower().replace("-", " ").split()
    if not parts:
        return None
    total = 0
    for part in parts:
        if part == "hundred":
            total = (total or 1) * 100
        elif part in _EN_TENS:
            total += _EN_TENS[part]
        elif part in _EN_UNITS:
            total += _EN_UNITS[part]
        elif part != "and":
            return None
    return total if parts != ["a"] and parts != ["an"] else None


def parse_number(word: str) -> int | None:
    """Digits, or a Korean or English number word; None when ``word`` is not a number."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    return korean_number(word) if re.search(r"[가-힣]", word) else english_number(word)


@functools.cache
def number_pattern(native: bool = True, sino: bool = True, english: bool = True) -> str:
    """A regex (no groups) for digits and the chosen number words, longest words first.

    Sino-Korean words are the unmistakable ones only: two syllables or more ("이십", "백오") and 십/백/천;
    a lone 일/이/삼/사/오… is far more often part of another word ("이번", "오늘") than a number.
    """
    words: list[str] = []
    if native:
        words += _native_words()
    if sino:
        words += [word for word in _sino_words() if len(word) > 1 or word in _SINO_UNITS]
    if english:
        tens = "|".join(_EN_TENS)
        units = "|".join(k for k in _EN_UNITS if k not in ("a", "an", "zero"))
        words += [
            rf"\b(?:{tens})(?:[ -](?:{units}))?\b",
            rf"\b(?:{units})\b",
            r"\ba hundred\b",
            r"\bhundred\b",
        ]
    words.sort(key=len, reverse=True)
    return r"\d+|" + "|".join(words)


@functools.cache
def _finder(counters: str, native: bool, sino: bool) -> re.Pattern[str]:
    lookahead = rf"\s*(?=(?:{counters}))" if counters else ""
    return re.compile(rf"(?<![0-9])({number_pattern(native, sino)}){lookahead}")


def find_numbers(text: str, counters: str = "", native: bool = True, sino: bool = True) -> list[Number]:
    """Numbers in ``text`` (digits and number words), each followed by one of ``counters`` when given.

    ``counters`` is a regex alternative ("개|번|회|reps?"); number words shorter than two syllables
    ("한", "세") only count when a counter follows, since they are common syllables otherwise.
    """
    found: list[Number] = []
    for match in _finder(counters, native, sino).finditer(text):
        word = match[1]
        if not counters and re.fullmatch(r"[가-힣]", word):
            continue
        value = parse_number(word)
        if value is not None:
            found.append(Number(value, match.start(1), match.end(1)))
    return found
