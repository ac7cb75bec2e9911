"""Weekday sets in free text → sorted Monday=0 tuples: "월수금", "월/수/금", "주말", "평일", "mon wed fri"."""

from __future__ import annotations

import functools
import re

__all__ = ["EVERY_DAY", "WEEKDAYS", "WEEKEND", "parse_days"]

EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
WEEKDAYS = (0, 1, 2, 3, 4)
WEEKEND = (5, 6)
_KO_LETTERS = "월화수목금토일"
_EN_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EN_WORD = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)

# Whole words for a set of days (Korean as a substring of the spaceless text, English as words).
_SETS: dict[str, tuple[int, ...]] = {
    "매일": EVERY_DAY, "날마다": EVERY_DAY, "하루도빠짐없이": EVERY_DAY, "일주일내내": EVERY_DAY,
    "주7일": EVERY_DAY, "매일매일": EVERY_DAY,
    "평일": WEEKDAYS, "주중": WEEKDAYS, "주5일": WEEKDAYS, "주말": WEEKEND,
}  # fmt: skip
_EN_SETS: dict[str, tuple[int, ...]] = {
    r"every ?day|daily|each day|7 days a week|all week": EVERY_DAY,
    r"week ?days?|mon(?:day)?s? (?:-|to|thru|through|till|until) fri(?:day)?s?|mon-fri": WEEKDAYS,
    r"week ?ends?": WEEKEND,
    r"mwf": (0, 2, 4),
}
# Spaceless Korean words that contain two day letters but name no days.
_NOT_DAYS = ("화목하", "화목한", "수목원", "금일", "일일", "월수입", "토일렛")


@functools.cache
def _ko_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    letter = f"[{_KO_LETTERS}]"
    return (
        re.compile(
            rf"({letter})(?:요일|욜)?(?:~|-|부터|에서)({letter})(?:요일|욜)?"
        ),  # 월~금, 월요일부터 금요일
        re.compile(rf"({letter})(?:요일|욜)"),  # 수요일, 금욜
        re.compile(rf"{letter}{{2,7}}"),  # 월수금, 화목, 토일
    )


def _span(first: int, last: int) -> set[int]:
    """Days from ``first`` to ``last`` inclusive, wrapping past Sunday (금~월 → 4,5,6,0)."""
    return {(first + i) % 7 for i in range((last - first) % 7 + 1)}


def _korean(compact: str) -> set[int]:
    days: set[int] = set()
    for word, members in sorted(_SETS.items(), key=lambda kv: -len(kv[0])):
        if word in compact:
            days.update(members)
            compact = compact.replace(word, " ")
    for word in _NOT_DAYS:
        compact = compact.replace(word, " ")
    ranges, named, runs = _ko_patterns()
    for match in ranges.finditer(compact):
        days |= _span(_KO_LETTERS.index(match[1]), _KO_LETTERS.index(match[2]))
    compact = ranges.sub(" ", compact)
    for match in named.finditer(compact):
        days.add(_KO_LETTERS.index(match[1]))
    compact = named.sub(" ", compact)
    for match in runs.finditer(compact):
        letters = match[0]
        if len(set(letters)) == len(letters):
            days.update(_KO_LETTERS.index(c) for c in letters)
    return days


def _english(text: str) -> set[int]:
    days: set[int] = set()
    for pattern, members in _EN_SETS.items():
        if re.search(rf"\b(?:{pattern})\b", text):
            days.update(members)
            text = re.sub(rf"\b(?:{pattern})\b", " ", text)
    for match in re.finditer(
        rf"\b({_EN_WORD})s?\s*(?:-|to|thru|through|till|until)\s*({_EN_WORD})s?\b", text
    ):
        days |= _span(_EN_NAMES.index(match[1][:3]), _EN_NAMES.index(match[2][:3]))
    for match in re.finditer(rf"\b({_EN_WORD})s?\b", text):
        days.add(_EN_NAMES.index(match[1][:3]))
    return days


def parse_days(text: str) -> tuple[int, ...] | None:
    """The weekdays named in normalised ``text`` (Monday=0, sorted); None when it names none."""
    compact = re.sub(r"[\s/,·.&+]+", "", text)
    days = _korean(compact) | _english(text)
    return tuple(sorted(days)) or None
