"""A DashboardSource with fixed data for two users, and initData signing for the tests.

User 42 (Korean settings) has squat and push-up sessions, a goal, a streak and two key-frame photos on
the newest analysis (105); user 7 (English settings) has one plank session. Nothing else exists: any other
user sees empty views. ``calls`` records (method, user id) so tests can tell what the server asked for.
"""

from __future__ import annotations

import dataclasses
import io
import json
import time
from datetime import date, datetime, timedelta, timezone

from PIL import Image, ImageDraw

from bot.webapp.auth import sign_init_data
from bot.webapp.source import (
    ConditionResult,
    DashboardSettings,
    DayCount,
    ExerciseSession,
    ExerciseView,
    ExerciseWeek,
    Goal,
    HistoryItem,
    RepDetail,
    SettingsChange,
    WeekTotals,
    WeekView,
)

TOKEN = "123456789:TEST-webapp_Token-abcdefghijklmnopqrs"
OTHER_TOKEN = "987654321:OTHER-bot_Token-abcdefghijklmnopqrs"
MINJI, ALEX = 42, 7
KST = timezone(timedelta(hours=9))
MONDAY = date(2025, 3, 10)
SQUAT_CONDITIONS = ("head_forward", "knees_track_feet", "heels_down", "neutral_spine")

# knees_track_feet per squat session (passed, failed): pass rates 0.5, 0.6667, 1.0, 0.75
KNEES = ((5, 5), (8, 4), (12, 0), (9, 3))
REPS = (  # the newest squat session, rep by rep: (grade, rom_share, down_s, pause_s, up_s, lr_diff)
    ("perfect", 1.02, 1.6, 0.4, 1.1, 2.0),
    ("good", 0.91, 1.4, 0.2, 1.0, 4.5),
    ("perfect", 0.98, 1.5, 0.5, 1.2, 3.0),
    ("bad", 0.72, 0.9, 0.0, 0.8, 9.5),
)


def init_data(user_id: int, *, token: str = TOKEN, lang: str = "ko", auth_date: float | None = None) -> str:
    """initData as Telegram would send it to the Mini App for ``user_id``."""
    user = {"id": user_id, "first_name": "민지" if user_id == MINJI else "Alex", "language_code": lang}
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(user, ensure_ascii=False, separators=(",", ":")),
        "auth_date": str(int(time.time() if auth_date is None else auth_date)),
    }
    return sign_init_data(fields, token)


def jpeg(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (96, 72), colour)
    ImageDraw.Draw(image).ellipse((30, 10, 66, 62), outline=(255, 255, 255), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _at(day: int, hour: int = 7) -> datetime:
    return datetime(2025, 3, day, hour, 30, tzinfo=KST)


def _squat_sessions() -> tuple[ExerciseSession, ...]:
    days, reps, grades = (3, 6, 10, 12), (10, 12, 12, 4), ("good", "good", "perfect", "good")
    out = []
    for i, (day, count, grade, knees) in enumerate(zip(days, reps, grades, KNEES, strict=True)):
        conditions = [ConditionResult("head_forward", count, 0), ConditionResult("knees_track_feet", *knees)]
        if i != 1:  # heels_down could not be judged in the second session: a gap in its trend
            conditions.append(ConditionResult("heels_down", count - 1, 1))
        details = tuple(RepDetail(n, *row) for n, row in enumerate(REPS, 1)) if i == 3 else ()
        analysis_id = (101, 102, 103, 105)[i]  # 104 is the push-up session in between
        out.append(ExerciseSession(analysis_id, _at(day), count, None, grade, tuple(conditions), details))
    return tuple(out)


class FakeDashboardSource:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.photos = {(MINJI, 105, 0): jpeg((200, 60, 60)), (MINJI, 105, 1): jpeg((60, 60, 200))}
        self._settings = {
            MINJI: DashboardSettings("ko", True, "Asia/Seoul", True, True),
            ALEX: DashboardSettings("en", False, "Europe/Berlin", False, False),
        }
        squat = _squat_sessions()
        push_up = ExerciseSession(104, _at(11, 19), 11, None, "bad", (ConditionResult("elbow_90", 4, 7),))
        plank = ExerciseSession(201, _at(11, 8), None, 45.0, "good", (ConditionResult("hips_aligned", 1, 0),))
        self.exercise_views = {
            (MINJI, "squat"): ExerciseView("squat", SQUAT_CONDITIONS, squat),
            (MINJI, "push_up"): ExerciseView(
                "push_up",
                ("chest_travel", "head_neutral", "hands_under_chest", "elbow_90", "neutral_spine"),
                (push_up,),
            ),
            (ALEX, "plank"): ExerciseView(
                "plank", ("hips_aligned", "chest_off_floor", "elbows_not_inside"), (plank,)
            ),
        }
        sessions = sorted([*squat, push_up], key=lambda s: s.created_at)
        self.histories = {
            MINJI: [self._item(s, "push_up" if s is push_up else "squat") for s in reversed(sessions)],
            ALEX: [self._item(plank, "plank")],
        }
        self.histories[MINJI][0] = dataclasses.replace(self.histories[MINJI][0], thumbnails=2)

    @staticmethod
    def _item(s: ExerciseSession, exercise: str) -> HistoryItem:
        return HistoryItem(s.analysis_id, s.created_at, exercise, s.grade, s.reps, s.hold_s, s.conditions, 0)

    async def week(self, user_id: int, week_offset: int) -> WeekView:
        self.calls.append(("week", user_id))
        start = MONDAY - timedelta(weeks=week_offset)
        zero = WeekTotals(0, 0, 0.0)
        if user_id == MINJI and week_offset == 0:
            workouts, reps = (1, 0, 2, 0, 1, 0, 0), (12, 0, 24, 0, 11, 0, 0)
            return WeekView(
                start,
                WeekTotals(4, 47),
                WeekTotals(2, 30),
                self._days(start, workouts, reps),
                (ExerciseWeek("squat", 3, 36), ExerciseWeek("push_up", 1, 11)),
                {"perfect": 20, "good": 16, "bad": 8, "none": 3},  # none: reps not rated (판정 보류)
                Goal(5, 4),
                3,
            )
        if user_id == MINJI and week_offset == 1:
            workouts, reps = (0, 1, 0, 1, 0, 0, 0), (0, 10, 0, 20, 0, 0, 0)
            return WeekView(
                start,
                WeekTotals(2, 30),
                zero,
                self._days(start, workouts, reps),
                (ExerciseWeek("squat", 2, 30),),
                {"perfect": 5, "good": 20, "bad": 5},
            )
        if user_id == ALEX and week_offset == 0:
            workouts, reps = (0, 0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0)
            return WeekView(
                start,
                WeekTotals(1, 0, 45.0),
                WeekTotals(3, 0, 90.0),
                self._days(start, workouts, reps),
                (ExerciseWeek("plank", 1, 0, 45.0),),
                {},
                None,
                None,
            )
        return WeekView(start, zero, zero, self._days(start, (0,) * 7, (0,) * 7), (), {})

    @staticmethod
    def _days(start: date, workouts: tuple[int, ...], reps: tuple[int, ...]) -> tuple[DayCount, ...]:
        return tuple(DayCount(start + timedelta(days=i), workouts[i], reps[i]) for i in range(7))

    async def exercises(self, user_id: int) -> list[str]:
        self.calls.append(("exercises", user_id))
        return {MINJI: ["squat", "push_up"], ALEX: ["plank"]}.get(user_id, [])

    async def exercise(self, user_id: int, exercise_id: str) -> ExerciseView | None:
        self.calls.append(("exercise", user_id))
        return self.exercise_views.get((user_id, exercise_id))

    async def history(self, user_id: int, limit: int, before: int | None) -> list[HistoryItem]:
        self.calls.append(("history", user_id))
        items = [i for i in self.histories.get(user_id, []) if before is None or i.analysis_id < before]
        return items[:limit]

    async def thumbnail(self, user_id: int, analysis_id: int, index: int) -> bytes | None:
        self.calls.append(("thumbnail", user_id))
        return self.photos.get((user_id, analysis_id, index))

    async def settings(self, user_id: int) -> DashboardSettings:
        self.calls.append(("settings", user_id))
        return self._settings.get(user_id, DashboardSettings("ko", True, "Asia/Seoul", False, True))

    async def update_settings(self, user_id: int, changes: SettingsChange) -> DashboardSettings:
        self.calls.append(("update_settings", user_id))
        given = {k: v for k, v in dataclasses.asdict(changes).items() if v is not None}
        self._settings[user_id] = dataclasses.replace(await self.settings(user_id), **given)
        self.calls.pop()  # the inner settings() call is not the client's
        return self._settings[user_id]
