"""bot.replies.charts: the /progress week chart is a PNG, drawn with NanumGothic so Hangul renders."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import warnings
from datetime import date, timedelta
from pathlib import Path

import matplotlib
from matplotlib.text import Text
from PIL import Image

from bot.replies.charts import DPI, SIZE_IN, chart_font_path, week_chart, week_figure
from bot.store.db import WeekSummary
from tests.paths import ROOT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HANGUL = re.compile("[가-힣]")
MONDAY = date(2025, 3, 10)
SUMMARY = WeekSummary(
    sessions=4,
    sessions_by_exercise={"squat": 2, "push_up": 1, "plank": 1},
    reps_by_exercise={"squat": 22, "push_up": 10},
    hold_s_by_exercise={"plank": 45.2},
    session_grades={"good": 2, "perfect": 2},
    rep_grades={"good": 20, "bad": 12},
    per_day={MONDAY + timedelta(days=i): n for i, n in enumerate((1, 2, 0, 1, 0, 0, 0))},
)
EMPTY = WeekSummary(0, {}, {}, {}, {}, {}, {MONDAY + timedelta(days=i): 0 for i in range(7)})


def test_week_chart_is_a_png_drawn_without_missing_glyphs() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" for unknown Hangul
        png = week_chart(SUMMARY, "ko")
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (round(SIZE_IN[0] * DPI), round(SIZE_IN[1] * DPI))
        image.verify()


def test_hangul_is_drawn_with_nanum_gothic_by_path() -> None:
    font = chart_font_path()
    assert font is not None and Path(font).is_file() and Path(font).name == "NanumGothic.ttf"
    figure = week_figure(SUMMARY, "ko")
    figure.canvas.draw()
    texts = [t for t in figure.findobj(Text) if HANGUL.search(t.get_text())]
    shown = {t.get_text() for t in texts}
    assert {
        "요일별 세션",
        "운동별 반복 횟수",
        "스쿼트",
        "푸시업",
        "플랭크",
        "22회",
        "45초",
        "월\n3/10",
    } <= shown
    for text in texts:
        used = Path(text.get_fontproperties().get_file())
        assert used.is_file() and used.parent == Path(font).parent and used.name.startswith("NanumGothic")


def test_labels_follow_the_locale_and_an_empty_week_renders() -> None:
    english = {t.get_text() for t in week_figure(SUMMARY, "en").findobj(Text)}
    assert {"Sessions per day", "Reps per exercise", "Squat", "22 reps", "45 s", "Mon\n3/10"} <= english
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = week_chart(EMPTY, "ko")
    assert png.startswith(PNG_SIGNATURE)
    assert "반복 기록이 없어요" in {t.get_text() for t in week_figure(EMPTY, "ko").findobj(Text)}


def test_the_chart_is_a_pure_function_without_global_font_setup() -> None:
    family = list(matplotlib.rcParams["font.family"])
    assert week_chart(SUMMARY, "ko") == week_chart(SUMMARY, "ko")
    assert list(matplotlib.rcParams["font.family"]) == family
    probe = (  # a fresh interpreter: nothing else has imported pyplot or koreanize_matplotlib there
        "import sys; from tests.bot.replies.test_charts import SUMMARY; "
        "from bot.replies.charts import week_chart; "
        "week_chart(SUMMARY); assert 'matplotlib.pyplot' not in sys.modules, 'pyplot'; "
        "assert 'koreanize_matplotlib' not in sys.modules, 'koreanize'"
    )
    root = ROOT
    subprocess.run([sys.executable, "-c", probe], cwd=root, check=True, timeout=60)
