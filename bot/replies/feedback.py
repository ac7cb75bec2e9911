"""What the bot answers for an analysed clip: Assessment (or Rejection) + locale → Feedback. Pure.

The summary (HTML parse mode, every piece of text escaped) names the exercise, the rep count or the
hold time, the grade of each rep and overall, and every posture condition ✓ (met) / ✗ (missed, with a
short cue) / – (not judged); then filming hints and warnings. The voice text carries only the one or
two most important corrections (the conditions missed in most reps), or praise when nothing was
missed. A clip whose key conditions went unjudged is "not rated" (판정 보류) in both, with the conditions
and a filming hint (bot.replies.unrated), and never praised. Buttons are abstract (``Button.action`` +
``arg``); bot.jobs.send turns them into callback data — or, for a ``web_app`` button ("자세히 보기"),
into a button opening the Mini App at that URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from analysis.classifier import PRIOR_SOURCE
from analysis.judge.grading import overall_status
from analysis.report.i18n import attribute, has_key, translate
from analysis.vocab import catalog
from analysis.vocab.types import Assessment, Finding, Grade, Rejection, Status
from bot.replies.unrated import NotRated, not_rated

ACTION_OTHER = "other"  # "다른 운동이에요": show the exercise picker
ACTION_MORE = "more"  # the picker's "more" page
ACTION_PICK = "pick"  # an exercise chosen in the picker (arg = exercise id)
ACTION_VOICE = "voice"  # voice on/off toggle
ACTION_COUNT = "count"  # "횟수 고치기": the next number the user sends is the count (bot.chat.talk.counts)
ACTIONS = (ACTION_OTHER, ACTION_MORE, ACTION_PICK, ACTION_VOICE, ACTION_COUNT)
MARK = {Status.PASS: "✓", Status.FAIL: "✗", Status.NOT_JUDGED: "–"}
COMMON_EXERCISES = (
    "squat",
    "push_up",
    "pull_up",
    "lunge_forward",
    "plank",
    "biceps_curl",
    "deadlift",
    "overhead_press",
    "bench_press",
    "dips",
    "burpee",
    "jumping_jack",
)
VOICE_CUES = 2  # corrections spoken at most (detailed feedback)
NOTES_ONCE = ("notjudged-not-yet",)  # not-judged reasons said once below the list, not on every line
MAX_PHOTOS = 10  # sendMediaGroup's limit


@dataclass(frozen=True)
class Button:
    text: str
    action: str
    arg: str = ""
    web_app: str = ""  # an https URL: the button opens the Mini App there (no callback)


@dataclass(frozen=True)
class Feedback:
    text: str  # HTML parse mode, escaped
    voice_text: str  # "" → no voice message
    photos: list[bytes] = field(default_factory=list)  # JPEG bytes, in order
    buttons: list[list[Button]] = field(default_factory=list)  # rows of the summary's inline keyboard
    photo_captions: list[str] = field(default_factory=list)  # plain text, one per photo


@dataclass(frozen=True)
class Detail:
    """How much an answer says: the user's feedback detail setting ("짧게 말해줘" / "자세히")."""

    voice_cues: int  # corrections spoken at most
    rep_grades: bool  # the grade of every rep
    every_condition: bool  # met and not-judged conditions too (else only the missed ones)


DETAILS = {"detailed": Detail(VOICE_CUES, True, True), "brief": Detail(1, False, False)}
DEFAULT_DETAIL = "detailed"


@dataclass(frozen=True)
class Verdict:
    """One posture condition over the whole clip."""

    condition_id: str
    status: Status
    failed: int  # reps (or holds) in which it failed
    judged: int
    reason_keys: tuple[str, ...]  # why it was not judged (hint-film-*, notjudged-*), when it was not


def build_feedback(
    result: Assessment | Rejection,
    locale: str = "ko",
    *,
    voice_on: bool = True,
    voice_available: bool = True,
    detail: str = DEFAULT_DETAIL,
    extra: Sequence[str] = (),
    dashboard_url: str | None = None,
) -> Feedback:
    """The answer to a clip; ``detail`` is "brief" or "detailed"; ``extra`` lines (plain text, e.g. the
    weekly goals) go below the summary; ``dashboard_url``: the Mini App page of this analysis ("자세히
    보기" under the summary), or None."""
    if isinstance(result, Rejection):
        return rejection_feedback(result, locale)
    verdicts, level = condition_verdicts(result), DETAILS[detail]
    photos = list(result.key_frames[:MAX_PHOTOS])
    rated = result.grade is not None
    text = summary_text(result, verdicts, locale, level)
    if extra:
        text += "\n\n" + "\n".join(escape(line) for line in extra)
    counted = result.hold_s is None
    buttons = answer_buttons(locale, voice_on=voice_on, voice_available=voice_available, counted=counted)
    if dashboard_url:
        buttons.append([dashboard_button(dashboard_url, locale)])
    return Feedback(
        text=text,
        voice_text=voice_text(result, verdicts, locale, level.voice_cues),
        photos=[f.jpeg for f in photos],
        buttons=buttons,
        photo_captions=[_photo_caption(f.label, f.rep, locale, rated=rated) for f in photos],
    )


def rejection_feedback(rejection: Rejection, locale: str = "ko") -> Feedback:
    args = {
        k: (", ".join(map(str, v)) if isinstance(v, list | tuple) else v) for k, v in rejection.args.items()
    }
    text = escape(translate(rejection.reason_key, locale, **args))
    if rejection.code != "unsure_exercise":
        return Feedback(text=text, voice_text="")
    candidates = [c for c in rejection.args.get("candidates", ()) if c in catalog.CATALOG]
    tip = escape(translate("feedback-caption-tip", locale))
    return Feedback(text=f"{text}\n\n{tip}", voice_text="", buttons=picker_buttons(locale, first=candidates))


# --- conditions ------------------------------------------------------------------------------------


def condition_verdicts(a: Assessment) -> list[Verdict]:
    """Every condition that has findings, in the catalog's order (unknown ones after)."""
    by_condition: dict[str, list[Finding]] = {}
    for f in a.findings:
        by_condition.setdefault(f.condition_id, []).append(f)
    order = [c.id for c in catalog.get(a.exercise).conditions] if a.exercise in catalog.CATALOG else []
    order += [c for c in by_condition if c not in order]
    verdicts = []
    for condition_id in order:
        findings = by_condition.get(condition_id)
        if not findings:
            continue
        judged = [f for f in findings if f.status is not Status.NOT_JUDGED]
        reasons = tuple(dict.fromkeys(f.message_key for f in findings if f.status is Status.NOT_JUDGED))
        verdicts.append(
            Verdict(
                condition_id=condition_id,
                status=overall_status(findings),
                failed=sum(f.status is Status.FAIL for f in judged),
                judged=len(judged),
                reason_keys=reasons if not judged else (),
            )
        )
    return verdicts


def most_important(verdicts: Sequence[Verdict], n: int = VOICE_CUES) -> list[Verdict]:
    """Failed conditions, those missed in the largest share of reps first (catalog order on ties)."""
    failed = [v for v in verdicts if v.status is Status.FAIL]
    ranked = sorted(
        enumerate(failed), key=lambda iv: (-iv[1].failed / max(1, iv[1].judged), -iv[1].failed, iv[0])
    )
    return [v for _, v in ranked[:n]]


def cue_text(exercise: str, condition_id: str, locale: str) -> str | None:
    key = f"cue-{exercise}-{condition_id}"
    return translate(key, locale) if has_key(key, locale) else None


def spoken_cue(exercise: str, condition_id: str, locale: str) -> str | None:
    key = f"cue-{exercise}-{condition_id}"
    if not has_key(key, locale):
        return None
    return attribute(key, "voice", locale) or translate(key, locale).rstrip(". ")


def condition_label(exercise: str, condition_id: str, locale: str) -> str:
    key = f"condition-{exercise}-{condition_id}"
    return translate(key, locale) if has_key(key, locale) else condition_id.replace("_", " ")


# --- text ------------------------------------------------------------------------------------------


def summary_text(
    a: Assessment, verdicts: Sequence[Verdict], locale: str, level: Detail = DETAILS[DEFAULT_DETAIL]
) -> str:
    lines = [f"<b>{escape(_title(a, locale))}</b>"]
    if a.classification.source in ("model", PRIOR_SOURCE):
        key = "feedback-guessed" if a.classification.source == "model" else "feedback-guessed-history"
        lines.append(escape(translate(key, locale, percent=round(a.classification.confidence * 100))))
    if a.grade is None:
        lines += _not_rated_lines(a, locale)
    else:
        lines.append(
            f"<b>{escape(translate('feedback-overall', locale, grade=grade_name(a.grade, locale)))}</b>"
        )
    if level.rep_grades and any(g is not None for g in a.rep_grades):
        parts = [
            translate("feedback-rep-grade", locale, rep=i + 1, grade=grade_name(g, locale))
            for i, g in enumerate(a.rep_grades)
        ]
        lines.append(escape(translate("feedback-rep-grades", locale, grades=" · ".join(parts))))
    shown = [v for v in verdicts if level.every_condition or v.status is Status.FAIL]
    if shown:
        lines += ["", f"<b>{escape(translate('feedback-conditions', locale))}</b>"]
        lines += [_condition_line(a.exercise, v, locale) for v in shown]
    notes = _notes(verdicts, a.warnings, locale)
    if notes:
        lines += ["", f"<b>{escape(translate('feedback-notes', locale))}</b>", *notes]
    return "\n".join(lines)


def voice_text(a: Assessment, verdicts: Sequence[Verdict], locale: str, cues_max: int = VOICE_CUES) -> str:
    hold = a.hold_s is not None
    args = {"exercise": a.exercise, "count": a.rep_count or 0, "seconds": round(a.hold_s or 0)}
    if not any(v.judged for v in verdicts):
        return "" if hold else translate("feedback-voice-counted", locale, **args)
    ranked = most_important(verdicts, cues_max)
    cues = [c for v in ranked if (c := spoken_cue(a.exercise, v.condition_id, locale))]
    if (unrated := not_rated(a)) is not None:  # no grade: say so and how to film, never praise
        said = [
            translate("feedback-voice-intro-hold" if hold else "feedback-voice-counted", locale, **args),
            translate("feedback-voice-not-rated", locale, names=_unseen_names(a, unrated, locale)),
            translate(unrated.film_hint_key, locale),
        ]
        if cues:
            said.append(_spoken_cues(cues, locale))
        return " ".join(said)
    if not cues:
        return translate("feedback-voice-praise-hold" if hold else "feedback-voice-praise", locale, **args)
    intro = translate("feedback-voice-intro-hold" if hold else "feedback-voice-intro", locale, **args)
    return f"{intro} {_spoken_cues(cues, locale)}"


def _spoken_cues(cues: Sequence[str], locale: str) -> str:
    if len(cues) == 1:
        return translate("feedback-voice-one", locale, cue=cues[0])
    return translate("feedback-voice-two", locale, first=cues[0], second=cues[1])


def _not_rated_lines(a: Assessment, locale: str) -> list[str]:
    """Why there is no grade: the key conditions that could not be judged and how to film them, or (when
    no condition at all could be judged) just that."""
    unrated = not_rated(a)
    if unrated is None:
        return [escape(translate("feedback-no-grade", locale))]
    names = _unseen_names(a, unrated, locale)
    return [
        f"<b>{escape(translate('feedback-not-rated', locale, names=names))}</b>",
        f"📷 {escape(translate(unrated.film_hint_key, locale))}",
    ]


def _unseen_names(a: Assessment, unrated: NotRated, locale: str) -> str:
    return ", ".join(condition_label(a.exercise, c, locale) for c in unrated.conditions)


def grade_name(grade: Grade | None, locale: str) -> str:
    return translate(f"grade-{grade.value}" if grade else "grade-none", locale)


def _title(a: Assessment, locale: str) -> str:
    if a.hold_s is not None:
        return translate("feedback-title-hold", locale, exercise=a.exercise, seconds=round(a.hold_s))
    return translate("feedback-title-reps", locale, exercise=a.exercise, count=a.rep_count or 0)


def _condition_line(exercise: str, v: Verdict, locale: str) -> str:
    line = f"{MARK[v.status]} {escape(condition_label(exercise, v.condition_id, locale))}"
    if v.status is Status.FAIL and (cue := cue_text(exercise, v.condition_id, locale)):
        line += f" — <i>{escape(cue)}</i>"
    reasons = [k for k in v.reason_keys if k not in NOTES_ONCE and has_key(k, locale)]
    if reasons:  # why this one was not judged: a filming hint ("film from the side …") or a limit of 2D
        icon = "📷 " if reasons[0].startswith("hint-film-") else ""
        line += f" — <i>{icon}{escape(translate(reasons[0], locale))}</i>"
    return line


def _notes(verdicts: Sequence[Verdict], warnings: Sequence[str], locale: str) -> list[str]:
    """Reasons shared by every condition (said once), then the analysis warnings."""
    once = dict.fromkeys(k for v in verdicts for k in v.reason_keys if k in NOTES_ONCE)
    notes = [f"ℹ️ {escape(translate(k, locale))}" for k in once]
    notes += [f"⚠️ {escape(translate(w, locale))}" for w in warnings if has_key(w, locale)]
    return notes


def _photo_caption(label: str, rep: int | None, locale: str, *, rated: bool = True) -> str:
    if rep is None:
        return translate("feedback-photo-hold", locale)
    if not rated:  # "the best rep" would praise what was not seen
        return translate("feedback-photo-rep", locale, rep=rep + 1)
    key = "feedback-photo-worst" if label == "worst" else "feedback-photo-best"
    return translate(key, locale, rep=rep + 1)


# --- buttons -----------------------------------------------------------------------------------------


def answer_buttons(
    locale: str, *, voice_on: bool, voice_available: bool = True, counted: bool = False
) -> list[list[Button]]:
    """ "다른 운동이에요", "횟수 고치기" (``counted``: the clip was counted, not timed), voice on/off."""
    rows = [[Button(translate("feedback-button-other", locale), ACTION_OTHER)]]
    if counted:
        rows[0].append(Button(translate("feedback-button-count", locale), ACTION_COUNT))
    if voice_available:
        key = "feedback-button-voice-off" if voice_on else "feedback-button-voice-on"
        rows.append([Button(translate(key, locale), ACTION_VOICE)])
    return rows


def dashboard_button(url: str, locale: str) -> Button:
    """ "자세히 보기": opens the Mini App at ``url`` (Telegram allows it in private chats only)."""
    return Button(translate("feedback-button-dashboard", locale), "", web_app=url)


def dashboard_link(base_url: str, **params: str | int) -> str:
    """A Mini App address that opens on one page: ``?tab=exercise&exercise=squat&session=12``."""
    query = urlencode({k: str(v) for k, v in params.items()})
    return f"{base_url}{'&' if '?' in base_url else '?'}{query}" if query else base_url


def picker_buttons(
    locale: str, *, first: Sequence[str] = (), everything: bool = False, per_row: int = 3
) -> list[list[Button]]:
    """Exercise buttons: ``first`` (e.g. the classifier's candidates), then the common ones and a "more"
    button — or, with ``everything``, the whole catalog sorted by its localised name."""
    if everything:
        ids = sorted(catalog.CATALOG, key=lambda e: translate(f"exercise-{e}", locale))
    else:
        ids = list(dict.fromkeys([*first, *COMMON_EXERCISES]))
    buttons = [Button(translate(f"exercise-{e}", locale), ACTION_PICK, e) for e in ids]
    rows = [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    if not everything:
        rows.append([Button(translate("pick-more", locale), ACTION_MORE)])
    return rows
