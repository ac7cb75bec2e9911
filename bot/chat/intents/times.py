"""Clock times in free text → "HH:MM" (24 h): "아침 7시", "일곱시 반", "오후 6시 30분", "7:30 pm", "noon".

Rule for an hour without context: an hour 1–11 with no 오전/오후/아침/저녁/밤/am/pm (or similar) word
anywhere in the message is kept as it is ("매일 일곱시 반" → "07:30", "at 7" → "07:00"); people who mean
the evening usually say so, and the bot shows the time back for confirmation. With context:
오후/저녁/낮/점심/pm/evening add 12 to 1–11; 밤/night add 12 to 5–11 ("밤 1시" stays 01:00) and make
12 midnight; 오전/아침/새벽/am keep 1–11 and make 12 midnight (오전 12시 → 00:00).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.chat.intents.numbers import english_number, korean_number

__all__ = ["Clock", "find_time", "parse_time", "to_24h"]


@dataclass(frozen=True)
class _Context:
    """How a day-part word makes a 1–12 hour 24 h: add 12 from ``pm_from`` on; 12 o'clock → ``twelve``."""

    pm_from: int
    twelve: int


_AM = _Context(pm_from=13, twelve=0)
_PM = _Context(pm_from=1, twelve=12)
_NIGHT = _Context(pm_from=5, twelve=0)
_MORNING = _Context(pm_from=13, twelve=12)
_CONTEXTS: dict[str, _Context] = {
    "오전": _AM, "새벽": _AM, "am": _AM, "a m": _AM,
    "아침": _MORNING, "morning": _MORNING, "모닝": _MORNING,
    "오후": _PM, "저녁": _PM, "낮": _PM, "점심": _PM, "pm": _PM, "p m": _PM, "evening": _PM,
    "afternoon": _PM, "퇴근": _PM, "퇴근후": _PM,
    "밤": _NIGHT, "night": _NIGHT, "tonight": _NIGHT, "자기전": _NIGHT,
}  # fmt: skip
_FIXED = {"정오": "12:00", "noon": "12:00", "midday": "12:00", "자정": "00:00", "midnight": "00:00"}
_KO_HOURS = "열두|열한|열|한|두|세|네|다섯|여섯|일곱|여덟|여덜|아홉"
_KO_MINUTES = "오십오|오십|사십오|사십|삼십오|삼십|이십오|이십|십오|십|오"
_EN_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_MINUTES = "o five|fifteen|thirty|forty five|forty-five|fifty|ten|twenty|forty"


@dataclass(frozen=True)
class Clock:
    """A time found in a text: hour (as written, 0–23), minute, and the day-part word that qualifies it."""

    hour: int
    minute: int
    context: str | None
    start: int


def to_24h(hour: int, minute: int, context: str | None) -> str:
    """ "HH:MM" for an hour as written and its day-part word (see the module rule)."""
    rule = _CONTEXTS.get(context or "")
    if rule is not None and 1 <= hour <= 12:
        if hour == 12:
            hour = rule.twelve
        elif hour >= rule.pm_from:
            hour += 12
    return f"{hour % 24:02d}:{minute:02d}"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    ctx = "|".join(sorted(_CONTEXTS, key=len, reverse=True))
    return (
        # 한국어: "오후 6시", "7시반", "일곱 시 삼십 분", "저녁에 8시"
        re.compile(
            rf"(?:(?P<ctx>{ctx})\s*(?:에|때|엔)?\s*)?(?P<h>\d{{1,2}}|{_KO_HOURS})\s*시(?!간|작|즌|합|험)"
            rf"\s*(?:(?P<half>반)|(?P<m>\d{{1,2}}|{_KO_MINUTES})\s*분)?"
        ),
        # "7:30", "19:00", "7:30 pm", "오후 6:30"
        re.compile(
            rf"(?:(?P<ctx>{ctx})\s*)?(?<!\d)(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?!\d)\s*(?P<ampm>am|pm)?"
        ),
        # "7am", "7 pm", "seven pm", "7 in the evening"
        re.compile(rf"(?<![\d:])\b(?P<h>\d{{1,2}}|{_EN_HOURS})\s*(?P<ampm>am|pm|a m|p m|o ?clock)\b"),
        # "half past seven"
        re.compile(rf"\bhalf past (?P<h>\d{{1,2}}|{_EN_HOURS})\b(?P<half>)"),
        # "at 7", "at seven thirty", "at 7 30"
        re.compile(
            rf"\b(?:at|around|by) (?P<h>\d{{1,2}}|{_EN_HOURS})(?![:.]?\d)(?: (?P<m>\d{{2}}|{_EN_MINUTES}))?\b"
            r"(?!\s*(?:%|x|reps?|sets?|times|개))"
        ),
    )


def _hour_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return korean_number(word) if re.search(r"[가-힣]", word) else english_number(word)


def _minute_value(word: str | None) -> int | None:
    if not word:
        return 0
    if word.isdigit():
        return int(word)
    return korean_number(word) if re.search(r"[가-힣]", word) else english_number(word)


def _context_anywhere(text: str) -> str | None:
    """The first day-part word of ``text`` (Korean as a substring, English as a word)."""
    best: tuple[int, str] | None = None
    for word in _CONTEXTS:
        pattern = word if re.search(r"[가-힣]", word) else rf"\b{word}\b"
        if (match := re.search(pattern, text)) and (best is None or match.start() < best[0]):
            best = (match.start(), word)
    return best[1] if best else None


def find_time(text: str) -> Clock | None:
    """The first clock time in normalised ``text`` (lower case), with its day-part word if any."""
    for word, fixed in _FIXED.items():
        if re.search(word if re.search(r"[가-힣]", word) else rf"\b{word}\b", text):
            hour, minute = (int(part) for part in fixed.split(":"))
            return Clock(hour, minute, None, text.index(word))
    found: list[Clock] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            groups = match.groupdict()
            hour = _hour_value(groups["h"])
            minute = 30 if groups.get("half") is not None else _minute_value(groups.get("m"))
            if hour is None or minute is None or hour > 24 or minute > 59:
                continue
            ampm = (groups.get("ampm") or "").replace(" ", "")
            context = ampm if ampm in ("am", "pm") else groups.get("ctx") or _context_anywhere(text)
            found.append(Clock(hour, minute, context, match.start()))
            break
    return min(found, key=lambda clock: clock.start) if found else None


def parse_time(text: str) -> str | None:
    """ "HH:MM" (24 h) for the first time in normalised ``text``; None when it names none."""
    clock = find_time(text)
    return to_24h(clock.hour, clock.minute, clock.context) if clock else None
