"""bot.replies.guide: every catalog exercise has a guide in every locale, built from the catalog, the
analysis cues and the rules' camera views."""

from __future__ import annotations

import re

import pytest

from analysis.exercises.registry import SPECS
from analysis.judge.rules import Check
from analysis.report.i18n import LOCALES, has_key, translate
from analysis.vocab.catalog import CATALOG
from analysis.vocab.types import View
from bot.replies.guide import condition_cue, filming, guide_text
from tests.fakes.tgobjects import parse_html


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("exercise", CATALOG)
def test_every_catalog_exercise_has_a_guide(exercise: str, locale: str) -> None:
    text = parse_html(guide_text(exercise, locale))[0]  # valid Telegram HTML
    assert text.startswith("🏋️ " + translate(f"exercise-{exercise}", locale))
    for i, condition in enumerate(CATALOG[exercise].conditions, start=1):
        name, cue = (
            translate(f"condition-{exercise}-{condition.id}", locale),
            condition_cue(exercise, condition.id, locale),
        )
        assert f"{i}. {name}: {cue}" in text
    assert "📷" in text
    if locale == "ko":
        assert not re.search(r"니다|니까", text)  # 해요체
    else:
        assert not any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_every_condition_has_a_cue_of_its_own_or_a_generic_one() -> None:
    for exercise in CATALOG.values():
        for condition in exercise.conditions:
            for locale in LOCALES:
                own = has_key(f"cue-{exercise.id}-{condition.id}", locale)
                assert own or has_key(f"guide-cue-{condition.id}", locale), (
                    exercise.id,
                    condition.id,
                    locale,
                )


def test_the_camera_angle_comes_from_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    squat = filming("squat")
    assert squat.view is View.SIDE and squat.judged == ("head_forward", "heels_down", "neutral_spine")
    assert squat.also == ((View.OBLIQUE, 4),)  # the knees too, and the lean and head in 3D
    assert squat.elsewhere == {}  # the knees, front-only in 2D, are judged at the diagonal as well
    assert filming("dips").elsewhere == {View.FRONT: ("elbow_torso_distance",)}  # no 3D alt: front only
    assert filming("side_crunch").view is View.FRONT and filming("jumping_jack").view is View.FRONT
    assert filming("biceps_curl").unjudgeable == ("wrist_neutral",)
    unrated = "rowing_machine"
    monkeypatch.delitem(SPECS, unrated)  # every catalog exercise has rules: one without, as if new
    unmeasured = filming(unrated)
    assert unrated not in SPECS and not unmeasured.measured and unmeasured.view is View.SIDE
    text = parse_html(guide_text("squat", "ko"))[0]
    assert "📷 옆에서 몸 전체가 나오게 찍어 주세요. 그러면 4가지 중 3가지를 평가할 수 있어요." in text
    assert "📷 비스듬한 앞에서 찍어도 괜찮아요. 4가지 중 4가지를 평가해요(일부는 3D 자세로 봐요)." in text
    assert "정면에서 찍어야 보여요" not in text
    assert "준비 중" in parse_html(guide_text(unrated, "ko"))[0]
    english = parse_html(guide_text("squat", "en"))[0]
    assert "Film from the side" in english and "3 of the 4 points" in english


def test_a_front_view_is_fine_for_push_ups_judged_in_3d() -> None:
    """The push-up's side-view checks carry 3D alts for the front: the guide says so."""
    push_up = filming("push_up")
    assert push_up.view is View.SIDE and len(push_up.judged) == 5 and push_up.also == ((View.FRONT, 5),)
    rules = [r for r in SPECS["push_up"].rules if isinstance(r, Check)]
    assert any(View.FRONT not in r.views for r in rules)  # in 2D alone the front would judge fewer
    korean = parse_html(guide_text("push_up", "ko"))[0]
    assert "📷 정면에서 찍어도 괜찮아요. 5가지 중 5가지를 평가해요" in korean
    english = parse_html(guide_text("push_up", "en"))[0]
    assert "Filming from the front works too: 5 of the 5 points are checked there" in english
    assert filming("pull_up").also == ()  # no 3D checks: no such line
    assert filming("dips").also == ()


def test_the_users_most_missed_points_are_named() -> None:
    missed = {
        "heels_down": (3, 4),
        "neutral_spine": (1, 4),
        "head_forward": (0, 4),
        "knees_track_feet": (2, 2),
    }
    text = parse_html(guide_text("squat", "ko", missed))[0]
    assert (
        "⚠️ 지난 분석에서 자주 놓친 점: 무릎과 발 방향 일치 (2번 중 2번), 발바닥 바닥에 고정 (4번 중 3번)"
        in text
    )
    assert "자주 놓친" not in parse_html(guide_text("squat", "ko", {"head_forward": (0, 3)}))[0]


def test_a_condition_the_best_angle_judges_in_3d_needs_no_other_angle() -> None:
    """A curtsy lunge is filmed from the front (its knee and balance show there in 2D); its front knee's
    bend, a side-view check in 2D, is judged from the front in 3D too: no line sends the user to the side."""
    cross = filming("cross_lunge")
    assert cross.view is View.FRONT and "front_knee_90" not in cross.judged
    assert cross.elsewhere == {}
    assert "옆에서 찍어야" not in parse_html(guide_text("cross_lunge", "ko"))[0]
