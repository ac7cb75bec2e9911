"""An exercise's guide, from the catalog and the analysis specs. Pure.

Every catalog exercise gets one: its AI Hub conditions, each with a short cue (the exercise's own cue from
the analysis, else the condition's generic ``guide-cue-<condition id>``: what goes wrong and how to fix
it), the camera angle that lets FormCoach judge the most conditions (from the rules' views in
analysis/exercises; exercises without rules yet are counted, not judged, and filmed from the side), the
other angles that judge as much once the 3D checks count (a check's `alt`, judged from MediaPipe's world
landmarks: a push-up filmed from the front), the conditions only another angle shows or 2D video cannot
show, and the conditions this user missed most.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from analysis.exercises.registry import spec_for
from analysis.judge.rules import Check
from analysis.report.i18n import translate
from analysis.vocab import catalog
from analysis.vocab.types import View
from bot.replies.feedback import condition_label, cue_text

VIEWS = (View.SIDE, View.FRONT, View.OBLIQUE)  # ties go to the first: the simplest to set up
MISSED_SHOWN = 2


@dataclass(frozen=True)
class Filming:
    """Where to put the camera for one exercise, and what that angle leaves out."""

    view: View
    judged: tuple[str, ...]  # condition ids judged from ``view``
    elsewhere: Mapping[View, tuple[str, ...]]  # conditions only another angle shows
    unjudgeable: tuple[str, ...]  # conditions 2D video cannot show
    measured: bool  # False: no rules yet (reps counted, conditions not judged)
    # other angles that, with the 3D checks, judge every condition ``view`` judges: (angle, how many)
    also: tuple[tuple[View, int], ...] = ()


def filming(exercise: str) -> Filming:
    spec = spec_for(exercise)
    if spec is None:
        return Filming(View.SIDE, (), {}, (), measured=False)
    checks = [rule for rule in spec.rules if isinstance(rule, Check)]
    seen = {view: tuple(c.condition_id for c in checks if view in c.views) for view in VIEWS}
    deep = {view: tuple(c.condition_id for c in checks if view in judged_from(c)) for view in VIEWS}
    best = max(VIEWS, key=lambda view: (len(seen[view]), -VIEWS.index(view)))
    also = tuple(
        (v, len(deep[v]))
        for v in VIEWS
        if v is not best and seen[best] and set(seen[best]) <= set(deep[v]) and deep[v] != seen[v]
    )
    # judged as well, in 3D: from an angle that judges as much, or from the best angle itself
    covered = {c for v, _ in also for c in deep[v]} | set(deep[best])
    elsewhere: dict[View, tuple[str, ...]] = {}
    for view in VIEWS:
        extra = tuple(
            c for c in seen[view] if c not in seen[best] and c not in covered and not _listed(c, elsewhere)
        )
        if extra:
            elsewhere[view] = extra
    unjudgeable = tuple(rule.condition_id for rule in spec.rules if not isinstance(rule, Check))
    return Filming(best, seen[best], elsewhere, unjudgeable, measured=True, also=also)


def judged_from(check: Check) -> frozenset[View]:
    """The views a condition is judged from: its own check's and, in 3D, its alt's (the pipeline's poses
    carry MediaPipe's world landmarks)."""
    return check.views | (judged_from(check.alt) if check.alt is not None else frozenset())


def condition_cue(exercise: str, condition_id: str, locale: str) -> str:
    """The exercise's own cue for the condition, else the condition's generic one."""
    return cue_text(exercise, condition_id, locale) or translate(f"guide-cue-{condition_id}", locale)


def guide_text(exercise: str, locale: str, missed: Mapping[str, tuple[int, int]] | None = None) -> str:
    """The guide (HTML, escaped). ``missed``: condition id → (times failed, times judged) for this user."""
    info = catalog.get(exercise)
    lines = [
        f"<b>{escape(translate('guide-title', locale, exercise=exercise))}</b>",
        escape(translate("guide-intro", locale, count=len(info.conditions))),
    ]
    lines += [
        escape(
            translate(
                "guide-condition",
                locale,
                n=i,
                name=condition_label(exercise, c.id, locale),
                cue=condition_cue(exercise, c.id, locale),
            )
        )
        for i, c in enumerate(info.conditions, start=1)
    ]
    lines += ["", *(escape(line) for line in filming_lines(exercise, len(info.conditions), locale))]
    lines += [escape(line) for line in missed_lines(exercise, missed or {}, locale)]
    return "\n".join(lines)


def filming_lines(exercise: str, total: int, locale: str) -> list[str]:
    film = filming(exercise)
    if not film.measured:
        return [translate("guide-film-unmeasured", locale)]
    view = translate(f"guide-view-{film.view.value}", locale)
    lines = [translate("guide-film", locale, view=view, judged=len(film.judged), total=total)]
    for other, judged in film.also:
        other_view = translate(f"guide-view-{other.value}", locale)
        lines.append(translate("guide-film-also", locale, view=other_view, judged=judged, total=total))
    for other, conditions in film.elsewhere.items():
        other_view = translate(f"guide-view-{other.value}", locale)
        names = _names(exercise, conditions, locale)
        lines.append(translate("guide-film-other", locale, view=other_view, names=names))
    if film.unjudgeable:
        names = _names(exercise, film.unjudgeable, locale)
        lines.append(translate("guide-film-unjudgeable", locale, names=names))
    return lines


def missed_lines(exercise: str, missed: Mapping[str, tuple[int, int]], locale: str) -> list[str]:
    """The conditions this user failed most often (share of the times judged), at most two."""
    ranked = sorted(
        ((c, f, j) for c, (f, j) in missed.items() if f > 0 and j > 0),
        key=lambda cfj: (-cfj[1] / cfj[2], -cfj[1], cfj[0]),
    )[:MISSED_SHOWN]
    if not ranked:
        return []
    parts = [
        translate("guide-missed-item", locale, name=condition_label(exercise, c, locale), failed=f, judged=j)
        for c, f, j in ranked
    ]
    return ["", translate("guide-missed", locale, items=", ".join(parts))]


def _names(exercise: str, conditions: tuple[str, ...], locale: str) -> str:
    return ", ".join(f"'{condition_label(exercise, c, locale)}'" for c in conditions)


def _listed(condition: str, elsewhere: Mapping[View, tuple[str, ...]]) -> bool:
    return any(condition in conditions for conditions in elsewhere.values())
