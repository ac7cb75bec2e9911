"""bot.replies.feedback: what the bot says for an Assessment or a Rejection (pure; real pipeline, fake
pose)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from analysis import pipeline
from analysis.classifier import UnknownClassifier
from analysis.report.i18n import attribute, translate
from analysis.vocab.types import AnalysisJob, Assessment, Classification, Finding, Grade, Rejection, Status
from bot.jobs.send import keyboard
from bot.replies.feedback import (
    ACTION_COUNT,
    ACTION_MORE,
    ACTION_OTHER,
    ACTION_PICK,
    ACTION_VOICE,
    Button,
    build_feedback,
    condition_verdicts,
    dashboard_link,
    most_important,
)
from tests.fakes.media import make_video
from tests.fakes.pose import FakePose
from tests.fakes.tgobjects import parse_html

pytestmark = pytest.mark.usefixtures("fresh_worker")

SPINE = "cue-squat-neutral_spine"
HEELS = "cue-squat-heels_down"


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("clips") / "squat.mp4"
    return make_video(str(path), size=(640, 480), fps=30, seconds=7.0)


def analyse(clip: str, pose: FakePose, locale: str = "ko") -> Assessment:
    pipeline.init_worker(pose, UnknownClassifier())
    result = pipeline.run(AnalysisJob(path=clip, exercise_hint="squat", locale=locale))
    assert isinstance(result, Assessment)
    return result


def plain(html: str) -> str:
    """The text Telegram shows for an HTML message (and proof that it parses)."""
    return parse_html(html)[0]


def test_perfect_squat_in_korean(clip: str) -> None:
    a = analyse(clip, FakePose(3))
    fb = build_feedback(a, "ko")
    text = plain(fb.text)
    assert fb.text.startswith("<b>스쿼트 · 3회</b>")
    assert "종합 등급: 퍼펙트" in text
    assert "회차별 등급: 1회 퍼펙트 · 2회 퍼펙트 · 3회 퍼펙트" in text
    for condition in ("head_forward", "heels_down", "neutral_spine"):
        assert f"✓ {translate(f'condition-squat-{condition}', 'ko')}" in text
    assert "✗" not in text
    # knees-over-toes needs a front view: not judged, with the filming hint once
    knees = translate("condition-squat-knees_track_feet", "ko")
    assert f"– {knees} — 📷 {translate('hint-film-front', 'ko')}" in text
    assert text.count(translate("hint-film-front", "ko")) == 1
    assert fb.voice_text == translate("feedback-voice-praise", "ko", exercise="squat", count=3)
    assert fb.voice_text.startswith("스쿼트 3회, 자세가 아주 좋아요")
    assert len(fb.photos) == len(fb.photo_captions) == 1
    assert Image.open(io.BytesIO(fb.photos[0])).format == "JPEG"
    assert [[b.action for b in row] for row in fb.buttons] == [[ACTION_OTHER, ACTION_COUNT], [ACTION_VOICE]]
    assert fb.buttons[0][0].text == "다른 운동이에요" and "끄기" in fb.buttons[1][0].text
    assert fb.buttons[0][1].text == "✏️ 횟수 고치기"
    assert "켜기" in build_feedback(a, "ko", voice_on=False).buttons[1][0].text
    assert len(build_feedback(a, "ko", voice_available=False).buttons) == 1


def test_flawed_squat_names_the_two_most_important_corrections(clip: str) -> None:
    # heels rise in every rep; the back leans too far in reps 1 and 2 only
    a = analyse(clip, FakePose(3, lean_deg=(70.0, 70.0, 35.0), heel_lift_px=25.0))
    assert a.grade is Grade.BAD
    fb = build_feedback(a, "ko")
    text = plain(fb.text)
    for key, condition in ((HEELS, "heels_down"), (SPINE, "neutral_spine")):
        name = translate(f"condition-squat-{condition}", "ko")
        assert f"✗ {name} — {translate(key, 'ko')}" in text
    assert "<i>" in fb.text  # cues in italics
    ranked = [v.condition_id for v in most_important(condition_verdicts(a))]
    assert ranked == ["heels_down", "neutral_spine"]  # missed in 3 of 3 reps before 2 of 3
    heels, spine = attribute(HEELS, "voice", "ko"), attribute(SPINE, "voice", "ko")
    assert fb.voice_text == f"스쿼트 3회를 분석했어요. 먼저, {heels}. 그리고 {spine}."
    assert len(fb.photos) == 2 and fb.photo_captions[0].startswith("1회차")  # worst first, then best


def test_one_correction_and_a_guessed_exercise(clip: str) -> None:
    a = analyse(clip, FakePose(3, lean_deg=(35.0, 70.0, 70.0)))
    guessed = replace(a, classification=Classification("squat", 0.83, {"squat": 0.83}, "model"))
    fb = build_feedback(guessed, "ko")
    assert fb.voice_text == f"스쿼트 3회를 분석했어요. {attribute(SPINE, 'voice', 'ko')}."
    assert "확신 83%" in plain(fb.text)
    assert "회차별 등급: 1회 퍼펙트 · 2회 굿 · 3회 굿" in plain(fb.text)


def test_hold_reports_seconds(clip: str) -> None:
    a = analyse(clip, FakePose(3))
    fail = Finding("hips_aligned", None, Status.FAIL, 25.0, 15.0, "deg", "cue-plank-hips_aligned")
    ok = Finding("chest_off_floor", None, Status.PASS, 1.0, 0.5, "ratio", "cue-plank-chest_off_floor")
    hold = replace(
        a, exercise="plank", classification=Classification.from_hint("plank"), reps=(), rep_times_s=(),
        rep_grades=(), hold_s=45.2, findings=(fail, ok), grade=Grade.GOOD, key_frames=(),
    )
    fb = build_feedback(hold, "ko")
    text = plain(fb.text)
    assert text.startswith("플랭크 · 45초 버티기") and "종합 등급: 굿" in text and "회차별" not in text
    assert f"✗ {translate('condition-plank-hips_aligned', 'ko')}" in text
    cue = attribute("cue-plank-hips_aligned", "voice", "ko")
    assert fb.voice_text == f"플랭크 45초 버티기를 분석했어요. {cue}."
    assert fb.photos == []
    assert ACTION_COUNT not in [b.action for row in fb.buttons for b in row]  # timed: no count to fix


def test_rejections() -> None:
    fb = build_feedback(Rejection("no_person"), "ko")
    assert plain(fb.text) == translate("rejection-no-person", "ko")
    assert fb.voice_text == "" and fb.photos == [] and fb.buttons == []
    assert "2분" in build_feedback(Rejection("too_long", {"minutes": 2}), "ko").text
    assert "&lt;" not in build_feedback(Rejection("corrupt"), "ko").text
    unsure = build_feedback(Rejection("unsure_exercise", {"candidates": ["plank", "squat"]}), "ko")
    assert translate("rejection-unsure-exercise", "ko") in plain(unsure.text)
    picks = [b for row in unsure.buttons for b in row]
    assert [b.arg for b in picks[:3]] == ["plank", "squat", "push_up"]  # candidates first, no repeats
    assert picks[0].text == "플랭크" and picks[0].action == ACTION_PICK
    assert picks[-1].action == ACTION_MORE
    assert build_feedback(Rejection("analysis_failed"), "en").text.startswith("Sorry")


def test_english(clip: str) -> None:
    perfect = build_feedback(analyse(clip, FakePose(3), "en"), "en")
    assert plain(perfect.text).startswith("Squat · 3 reps\nOverall: Perfect")
    assert perfect.voice_text == "Squat, 3 reps, great form! Keep it up."
    assert perfect.buttons[0][0].text == "It was another exercise"
    flawed = build_feedback(analyse(clip, FakePose(3, lean_deg=(70.0,)), "en"), "en")
    assert f"✗ Neutral spine — {translate(SPINE, 'en')}" in plain(flawed.text)
    assert flawed.voice_text == f"I analysed 3 reps of Squat. {attribute(SPINE, 'voice', 'en')}."
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in flawed.text + flawed.voice_text)  # no Korean


def test_warnings_are_passed_on(clip: str) -> None:
    a = analyse(clip, FakePose(3))
    crowded = replace(a, warnings=("warning-several-people", "warning-truncated"))
    text = plain(build_feedback(crowded, "ko").text)
    assert translate("warning-several-people", "ko") in text
    assert translate("warning-truncated", "ko") in text


def test_brief_feedback_shows_the_missed_points_and_speaks_one_cue(clip: str) -> None:
    a = analyse(clip, FakePose(3, lean_deg=(70.0, 70.0, 35.0), heel_lift_px=25.0))
    brief = build_feedback(a, "ko", detail="brief", extra=["🎯 이번 주 목표", "• 스쿼트 <100회>"])
    text = plain(brief.text)
    assert "회차별 등급" not in text and "✓" not in text and "– " not in text  # only what was missed
    for key, condition in ((HEELS, "heels_down"), (SPINE, "neutral_spine")):
        assert f"✗ {translate(f'condition-squat-{condition}', 'ko')} — {translate(key, 'ko')}" in text
    assert brief.voice_text == f"스쿼트 3회를 분석했어요. {attribute(HEELS, 'voice', 'ko')}."
    assert text.endswith("🎯 이번 주 목표\n• 스쿼트 <100회>") and "&lt;100회&gt;" in brief.text  # escaped
    detailed = build_feedback(a, "ko", detail="detailed")
    assert "회차별 등급" in plain(detailed.text) and "✓" in plain(detailed.text)
    assert detailed.voice_text.count("그리고") == 1  # two cues


def test_a_details_button_opens_the_mini_app_at_the_analysis(clip: str) -> None:
    a = analyse(clip, FakePose(3))
    url = dashboard_link("https://fc.example/app", tab="exercise", exercise="squat", session=12)
    assert url == "https://fc.example/app?tab=exercise&exercise=squat&session=12"
    assert dashboard_link("https://fc.example/app?v=2", tab="week") == "https://fc.example/app?v=2&tab=week"
    fb = build_feedback(a, "en", dashboard_url=url)
    assert fb.buttons[-1] == [Button(translate("feedback-button-dashboard", "en"), "", web_app=url)]
    assert all(not b.web_app for row in build_feedback(a, "en").buttons for b in row)  # no URL: no button
    markup = keyboard(fb.buttons, 7)
    assert markup is not None
    details = markup.inline_keyboard[-1][0]
    assert details.web_app is not None and details.web_app.url == url and details.callback_data is None
    assert markup.inline_keyboard[0][0].callback_data == f"{ACTION_OTHER}:7"


@pytest.fixture(scope="module")
def portrait(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fake pose shows portrait clips from the front (see tests.fakes.pose.FakePose)."""
    path = tmp_path_factory.mktemp("clips") / "front.mp4"
    return make_video(str(path), size=(480, 640), fps=30, seconds=7.0)


PRAISE = ("퍼펙트", "좋아요", "좋은", "Perfect", "great", "best")


def test_front_view_squat_is_not_rated_in_text_and_voice(portrait: str) -> None:
    a = analyse(portrait, FakePose(3, front_knee_out_px=0.0))
    assert (a.view.value, a.grade, a.grade_reason) == ("front", None, "not_enough_judged")
    fb = build_feedback(a, "ko")
    text = plain(fb.text)
    names = ", ".join(translate(f"condition-squat-{c}", "ko") for c in ("neutral_spine", "heels_down"))
    assert translate("feedback-not-rated", "ko", names=names) in text
    assert text.splitlines()[1].startswith("판정 보류")
    assert f"📷 {translate('feedback-film-side', 'ko')}" in text
    assert f"✓ {translate('condition-squat-knees_track_feet', 'ko')}" in text  # judged: still shown
    assert "종합 등급" not in text and "회차별 등급" not in text
    assert fb.voice_text == " ".join(
        [
            translate("feedback-voice-counted", "ko", exercise="squat", count=3),
            translate("feedback-voice-not-rated", "ko", names=names),
            translate("feedback-film-side", "ko"),
        ]
    )
    assert "판정은 보류" in fb.voice_text and "옆에서" in fb.voice_text
    for said in (text, fb.voice_text, *fb.photo_captions):
        assert not any(word in said for word in PRAISE), said
    english = build_feedback(analyse(portrait, FakePose(3, front_knee_out_px=0.0), "en"), "en")
    assert plain(english.text).splitlines()[1].startswith("Not rated: the key checks (Neutral spine")
    assert "not rated" in english.voice_text and "film from the side" in english.voice_text
    assert not any(word in english.text + english.voice_text for word in PRAISE)


def test_a_plank_with_its_body_line_hidden_is_not_rated_and_says_to_show_the_body(clip: str) -> None:
    a = analyse(clip, FakePose(3))
    hidden = Finding("hips_aligned", None, Status.NOT_JUDGED, None, 160.0, "deg", "notjudged-hidden")
    ok = Finding("chest_off_floor", None, Status.PASS, 1.0, 0.3, "torso", "cue-plank-chest_off_floor")
    hold = replace(
        a, exercise="plank", classification=Classification.from_hint("plank"), reps=(), rep_times_s=(),
        rep_grades=(), hold_s=30.0, findings=(hidden, ok), grade=None, grade_reason="not_enough_judged",
        key_frames=(),
    )
    fb = build_feedback(hold, "ko")
    assert f"📷 {translate('feedback-film-visible', 'ko')}" in plain(fb.text)
    assert fb.voice_text.startswith("플랭크 30초 버티기를 분석했어요. 다만")
    assert "자세가 아주 좋아요" not in fb.voice_text
    unseen = replace(hidden, condition_id="chest_off_floor")
    nothing = replace(hold, findings=(hidden, unseen), grade_reason="nothing_judged")
    text = plain(build_feedback(nothing, "ko").text)  # nothing judged: still not rated, and how to film it
    assert "판정 보류" in text and f"📷 {translate('feedback-film-visible', 'ko')}" in text
    no_findings = replace(hold, findings=(), grade_reason="nothing_judged")  # no rep found to judge
    assert f"📷 {translate('feedback-film-visible', 'ko')}" in plain(build_feedback(no_findings, "ko").text)
