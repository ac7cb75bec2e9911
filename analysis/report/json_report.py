"""Assessment / Rejection → the CLI's JSON report (a contract other tools depend on; see README)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from analysis.judge.grading import grade_reason, overall_status
from analysis.report.i18n import has_key, translate
from analysis.vocab import catalog
from analysis.vocab.types import Assessment, Finding, KeyFrame, Rejection


def condition_name(exercise: str, condition_id: str, locale: str) -> str:
    return translate(f"condition-{exercise}-{condition_id}", locale)


def finding_json(f: Finding, exercise: str) -> dict[str, Any]:
    return {
        "id": f.condition_id,
        "name_ko": condition_name(exercise, f.condition_id, "ko"),
        "name_en": condition_name(exercise, f.condition_id, "en"),
        "status": f.status.value,
        "value": f.value,
        "threshold": f.threshold,
        "unit": f.unit,
        "message_ko": _message(f, "ko"),
    }


def _message(f: Finding, locale: str) -> str | None:
    return translate(f.message_key, locale) if has_key(f.message_key, locale) else None


def write_frames(out_dir: str, frames: tuple[KeyFrame, ...]) -> list[str]:
    d = Path(out_dir)
    d.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in frames:
        name = f"{f.label}.jpg" if f.rep is None else f"{f.label}_rep{f.rep + 1}.jpg"
        (d / name).write_bytes(f.jpeg)
        paths.append(str(d / name))
    return paths


def assessment_json(a: Assessment, frame_paths: list[str]) -> dict[str, Any]:
    info = catalog.get(a.exercise)
    reps = []
    for i, grade in enumerate(a.rep_grades):
        start, bottom, end = a.rep_times_s[i]
        metrics = dataclasses.asdict(a.rep_metrics[i]) if i < len(a.rep_metrics) else {}
        statuses = [f.status for f in a.findings if f.rep == i]
        reps.append(
            {
                "index": i + 1,
                "grade": grade.value if grade else None,
                "grade_reason": grade_reason(grade, statuses),
                "start_s": round(start, 2),
                "bottom_s": round(bottom, 2),
                "end_s": round(end, 2),
                **metrics,
                "conditions": [finding_json(f, a.exercise) for f in a.findings if f.rep == i],
            }
        )
    overall = []
    for c in info.conditions:
        fs = [f for f in a.findings if f.condition_id == c.id]
        item = {
            "id": c.id,
            "name_ko": condition_name(a.exercise, c.id, "ko"),
            "aihub_ko": c.aihub_ko,
            "status": overall_status(fs).value,
        }
        if fs and all(f.rep is None for f in fs):  # holds: one finding for the whole clip
            item.update({k: v for k, v in finding_json(fs[0], a.exercise).items() if k != "status"})
        overall.append(item)
    return {
        "exercise": {
            "id": a.exercise,
            "name_ko": translate(f"exercise-{a.exercise}", "ko"),
            "name_en": translate(f"exercise-{a.exercise}", "en"),
            "confidence": round(a.classification.confidence, 3),
            "source": a.classification.source,
        },
        "rep_count": a.rep_count,
        "hold_s": a.hold_s,
        "grade": a.grade.value if a.grade else None,
        # why grade is null: "nothing_judged", or "not_enough_judged" (a key condition was not judged)
        "grade_reason": a.grade_reason if a.grade is None else None,
        "view": a.view.value,
        "reps": reps,
        "conditions": overall,
        "frames": frame_paths,
        "warnings": [{"code": w, "message_ko": translate(w, "ko")} for w in a.warnings],
        "clip": {
            "duration_s": round(a.clip.duration_s, 2),
            "analysed_s": round(a.clip.analysed_s, 2),
            "sample_fps": round(a.clip.sample_fps, 2),
            "size": list(a.clip.source_size),
            "rotation_deg": a.clip.rotation_deg,
        },
        "timings_s": a.timings_s,
        "rejection": None,
    }


def rejection_json(r: Rejection) -> dict[str, Any]:
    return {
        "exercise": None,
        "rep_count": None,
        "hold_s": None,
        "grade": None,
        "grade_reason": None,
        "view": None,
        "reps": [],
        "conditions": [],
        "frames": [],
        "warnings": [],
        "rejection": {
            "code": r.code,
            "message_ko": translate(r.reason_key, "ko", **_args(r)),
            "args": r.args,
        },
    }


def _args(r: Rejection) -> dict[str, Any]:
    return {k: (", ".join(v) if isinstance(v, list | tuple) else v) for k, v in r.args.items()}


MARK = {"pass": "✓", "fail": "✗", "not_judged": "–"}


def text_summary(data: dict[str, Any], translate_fn: Any = translate) -> str:
    """A short human-readable (Korean) rendering of the JSON report, for the terminal."""
    if data["rejection"]:
        return data["rejection"]["message_ko"]
    ex = data["exercise"]
    lines = [f"{ex['name_ko']} ({ex['id']}, {ex['source']} {ex['confidence']:.2f}) · {data['view']}"]
    if data["hold_s"] is not None:
        lines.append(f"버티기 {data['hold_s']:.1f}초")
    else:
        lines.append(f"{data['rep_count']}회 · " + " ".join(r["grade"] or "-" for r in data["reps"]))
    reason = f" ({data['grade_reason']})" if data.get("grade_reason") else ""  # not rated: why
    lines.append(f"종합: {data['grade'] or '-'}{reason}")
    lines += [f"  {MARK[c['status']]} {c['name_ko']}" for c in data["conditions"]]
    lines += [f"  ! {w['message_ko']}" for w in data["warnings"]]
    lines += [f"  🖼 {p}" for p in data["frames"]]
    return "\n".join(lines)
