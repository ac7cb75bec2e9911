"""The free-text intent parser: accuracy over the utterance table, and the number/time/day helpers."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from analysis.report.i18n import translate
from analysis.vocab.catalog import CATALOG
from analysis.vocab.labels import label_matches
from bot.chat.intents import INTENTS, Intent, parse
from bot.chat.intents.days import parse_days
from bot.chat.intents.exercises import catalog_exercise
from bot.chat.intents.lexicon import lexicon
from bot.chat.intents.numbers import english_number, find_numbers, korean_number, parse_number
from bot.chat.intents.times import parse_time

TABLE = Path(__file__).with_name("utterances.tsv")
ROOT = Path(__file__).resolve().parents[3]
MIN_ACCURACY = 0.95
ALL_DAYS = [0, 1, 2, 3, 4, 5, 6]


@dataclass(frozen=True)
class Utterance:
    lang: str
    author: str
    text: str
    intent: str
    slots: dict[str, Any]


def _rows() -> list[Utterance]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Utterance(
                row["lang"], row["author"], row["text"], row["intent"], json.loads(row["slots"] or "{}")
            )
            for row in reader
        ]


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _slot_ok(key: str, want: Any, have: Any) -> bool:
    """A slot matches exactly; an exercise may also be named by its dataset family label ("lunge" is
    answered by lunge_forward or lunge_backward), as the clip labels name it."""
    return _plain(have) == want or (key == "exercise" and isinstance(want, str) and label_matches(want, have))


def _correct(row: Utterance, got: Intent) -> bool:
    return got.name == row.intent and all(_slot_ok(k, v, got.slots.get(k)) for k, v in row.slots.items())


def _report(rows: list[Utterance], results: list[Intent]) -> str:
    total, right = Counter[str](), Counter[str]()
    misses = []
    for row, got in zip(rows, results, strict=True):
        total[row.intent] += 1
        if _correct(row, got):
            right[row.intent] += 1
        else:
            want, have = f"{row.intent} {row.slots}", f"{got.name} {dict(got.slots)}"
            misses.append(f"  {row.author} {row.text!r}: want {want}, got {have}")
    lines = [
        f"  {name:17} {right[name]}/{total[name]} = {right[name] / total[name]:.2f}" for name in sorted(total)
    ]
    return "per intent:\n" + "\n".join(lines) + "\nmisses:\n" + "\n".join(misses)


ROWS = _rows()


def test_table_is_big_and_varied_enough() -> None:
    langs = Counter(row.lang for row in ROWS)
    assert langs["ko"] >= 200 and langs["en"] >= 60, langs
    assert sum(row.lang == "ko" and row.author != "a" for row in ROWS) >= 40, (
        "need ≥ 40 rows by another writer"
    )
    assert {row.intent for row in ROWS} == set(INTENTS), set(INTENTS) ^ {row.intent for row in ROWS}
    assert all(row.lang == ("ko" if parse(row.text).lang == "ko" else "en") for row in ROWS)


def test_accuracy_over_the_table() -> None:
    results = [parse(row.text) for row in ROWS]  # every row gets an Intent: an exception fails the test
    assert all(isinstance(got, Intent) and got.name in INTENTS for got in results)
    accuracy = sum(_correct(row, got) for row, got in zip(ROWS, results, strict=True)) / len(ROWS)
    assert accuracy >= MIN_ACCURACY, f"accuracy {accuracy:.3f} < {MIN_ACCURACY}\n" + _report(ROWS, results)


@pytest.mark.parametrize(
    "text", ["", "   ", "?", "😂" * 400, "1" * 2000, "\x00\n\t", "ㅋ" * 1000, "월" * 300]
)
def test_odd_input_still_gets_an_intent(text: str) -> None:
    got = parse(text)
    assert got.name in INTENTS and 2 <= len(got.suggestions) <= 3 and got.name not in got.suggestions


def test_suggestions_rank_the_likely_other_intents() -> None:
    got = parse("자세 알려줘")  # an exercise guide without an exercise
    assert got.name == "unknown" and got.suggestions[0] == "exercise_guide"
    assert parse("알림 꺼줘").suggestions[0] != "reminder_off"


def test_slots_are_only_the_intents_own_with_defaults() -> None:
    got = parse("이번 주 운동 어땠어?")
    assert dict(got.slots) == {"period": "this_week", "compare": False}
    assert dict(parse("오늘 날씨 어때").slots) == {}
    with pytest.raises(TypeError):
        got.slots["period"] = "today"  # type: ignore[index]


def test_exercise_synonyms_name_catalog_exercises() -> None:
    synonyms = lexicon().exercise_synonyms
    assert synonyms and all(catalog_exercise(exercise) == exercise for exercise in synonyms.values())


@pytest.mark.parametrize("exercise", CATALOG)
def test_every_catalog_name_is_understood(exercise: str) -> None:
    """No table synonym swallows part of a longer name ("행잉 레그레이즈" is not "레그레이즈")."""
    for template, locale in (("{} 자세 알려줘", "ko"), ("how do i do a {}", "en")):
        got = parse(template.format(translate(f"exercise-{exercise}", locale)))
        assert (got.name, got.slots.get("exercise")) == ("exercise_guide", exercise)


KOREAN_NUMBERS = {
    "세": 3, "열두": 12, "스무": 20, "스물다섯": 25, "서른": 30, "하나": 1, "한": 1, "다섯": 5, "일곱": 7,
    "여덟": 8, "열": 10, "삼": 3, "십": 10, "이십삼": 23, "백": 100, "삼백오십": 350,
}  # fmt: skip
TIMES = {
    "일곱시 반": "07:30", "오후 6시": "18:00", "아침 7시": "07:00", "7시반": "07:30", "저녁 8시": "20:00",
    "밤 11시": "23:00", "밤 1시": "01:00", "새벽 5시": "05:00", "정오": "12:00", "자정": "00:00",
    "오전 12시": "00:00", "오후 12시": "12:00", "7시 30분": "07:30", "일곱 시 삼십 분": "07:30",
    "열두시": "12:00", "19:00": "19:00", "7am": "07:00", "7:30 pm": "19:30", "at seven": "07:00",
    "half past six": "06:30", "6:30 in the morning": "06:30", "at 7 in the evening": "19:00",
    "noon": "12:00", "매일 일곱시 반": "07:30", "저녁에 여덟시": "20:00", "퇴근 후 7시": "19:00",
}  # fmt: skip
DAYS = {
    "월수금": [0, 2, 4], "월/수/금": [0, 2, 4], "월, 수, 금": [0, 2, 4], "화목": [1, 3], "주말": [5, 6],
    "평일": [0, 1, 2, 3, 4], "매일": ALL_DAYS, "월~금": [0, 1, 2, 3, 4], "수요일이랑 토요일": [2, 5],
    "금욜": [4], "mon wed fri": [0, 2, 4], "weekdays": [0, 1, 2, 3, 4], "every day": ALL_DAYS,
    "weekends": [5, 6], "mon-fri": [0, 1, 2, 3, 4], "tuesdays and thursdays": [1, 3],
}  # fmt: skip


@pytest.mark.parametrize(("word", "value"), KOREAN_NUMBERS.items())
def test_korean_number_words(word: str, value: int) -> None:
    assert korean_number(word) == value


def test_number_words_and_digits() -> None:
    assert [english_number(w) for w in ("seven", "twenty five", "twenty-five", "a hundred", "twelve")] == [
        7, 25, 25, 100, 12,
    ]  # fmt: skip
    assert korean_number("사과") is None and english_number("apple") is None and parse_number("12") == 12
    assert [n.value for n in find_numbers("세 번 했고 다섯 개", counters="번|개")] == [3, 5]
    assert [n.value for n in find_numbers("한국 세트", counters="번|개")] == []


@pytest.mark.parametrize(("text", "clock"), TIMES.items())
def test_times(text: str, clock: str) -> None:
    assert parse_time(text) == clock


@pytest.mark.parametrize("text", ["한 시간 운동", "10개 했어", "3 reps", "시작하자", ""])
def test_no_time(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(("text", "days"), DAYS.items())
def test_days(text: str, days: list[int]) -> None:
    assert list(parse_days(text) or ()) == days


@pytest.mark.parametrize("text", ["화목한 가족", "일곱시", "일주일에 세번", "오늘 운동 어땠어", "지금"])
def test_no_days(text: str) -> None:
    assert parse_days(text) is None


def test_parser_is_pure() -> None:
    """Importing and using the parser pulls in no Telegram code and never reads the test table."""
    code = "import sys; from bot.chat.intents import parse; parse('안녕'); print('telegram' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert run.stdout.strip() == "False"
    files = [*(ROOT / "bot" / "chat").rglob("*.py"), *(ROOT / "bot" / "chat").rglob("*.toml")]
    sources = [path.read_text(encoding="utf-8") for path in files]
    assert not any(TABLE.name in source for source in sources)
