"""FormCoach on the by-eye-counted clips (issue 16): reps against the by-eye count, and every clip rated or
"not rated" with a filming hint.

    .venv/bin/python scripts/by_eye_reps.py [--csv tests/data/by_eye_reps.csv] [--clips ../shared/data/clips]
                                            [--pose-cache DIR] [--json-out FILE]

One process, one clip after another, each with its labelled exercise as the hint (as the bot does when
the caption names the exercise). Per clip it prints the by-eye reps, FormCoach's reps (or hold seconds),
the absolute difference, the grade or the reason for none with the filming hint's locale key, and any
crash; then the figures: the share of by-eye-counted clips within ±1, the MAE, the exact share, per
exercise too. ``tests/data/README.md`` says how the by-eye counts were made.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BY_EYE_CSV = ROOT / "tests" / "data" / "by_eye_reps.csv"
CLIPS = ROOT.parent / "shared" / "data" / "clips"

# rejections whose message tells how to film the clip again (locales/*/analysis.ftl: whole body in the
# frame, closer, head to toe, at least a second); the others (not a video, too long …) are not filming
FILMING_REJECTIONS = ("no_person", "person_too_small", "out_of_frame", "too_short", "edited_clip")
# refusals that stand in for a count (issue 16's acceptance): a clip edited from several shots has no one
# set to count, and a clip where MediaPipe finds nobody has no pose; either tells the user how to film it
REFUSED_COUNTS = ("rejection-edited_clip", "rejection-no_person")


@dataclass(frozen=True)
class ByEye:
    path: str  # relative to the clips folder
    exercise: str
    reps: int | None  # None: not countable by eye (cuts, split screen …) or a hold
    hold_s: float | None


@dataclass(frozen=True)
class ClipVerdict:
    path: str
    exercise: str
    by_eye: int | None
    reps: int | None  # FormCoach's rep count (None for holds and rejections)
    hold_s: float | None
    grade: str | None
    reason: str | None  # why no grade: not_enough_judged / nothing_judged / rejection-<code>
    hint: str | None  # the filming hint the user is given when there is no grade (a locale key)
    seconds: float
    error: str | None = None

    @property
    def diff(self) -> int | None:
        return None if self.by_eye is None else abs((self.reps or 0) - self.by_eye)

    @property
    def count_ok(self) -> bool:
        """Within one of the by-eye count, or refused for a reason that stands in for a count."""
        return (
            self.diff is None or self.diff <= 1 or (self.reason in REFUSED_COUNTS and self.hint is not None)
        )

    @property
    def rated_or_hinted(self) -> bool:
        """The acceptance: a grade, or an honest "not rated" that says how to film the clip."""
        return self.error is None and (self.grade is not None or self.hint is not None)


def read_by_eye(csv_path: Path = BY_EYE_CSV) -> list[ByEye]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return [
            ByEye(
                r["path"],
                r["exercise"],
                int(r["reps"]) if r["reps"].strip() else None,
                float(r["hold_s"]) if r["hold_s"].strip() else None,
            )
            for r in csv.DictReader(fh)
        ]


def judge(row: ByEye, clips: Path = CLIPS) -> ClipVerdict:
    """The real pipeline on one clip (the worker must be initialised); a crash is a verdict, not raised."""
    from analysis import pipeline
    from analysis.vocab.labels import hint_for
    from analysis.vocab.types import AnalysisJob, Rejection
    from bot.replies.unrated import not_rated

    t0 = time.perf_counter()
    try:
        result = pipeline.run(AnalysisJob(path=str(clips / row.path), exercise_hint=hint_for(row.exercise)))
    except Exception as exc:  # reported per clip
        return ClipVerdict(row.path, row.exercise, row.reps, None, None, None, None, None, 0.0,
                           f"{type(exc).__name__}: {exc}")  # fmt: skip
    secs = time.perf_counter() - t0
    if isinstance(result, Rejection):
        hint = f"rejection-{result.code.replace('_', '-')}" if result.code in FILMING_REJECTIONS else None
        return ClipVerdict(row.path, row.exercise, row.reps, None, None, None, f"rejection-{result.code}",
                           hint, secs)  # fmt: skip
    unrated = not_rated(result)
    return ClipVerdict(
        row.path,
        row.exercise,
        row.reps,
        result.rep_count,
        result.hold_s,
        result.grade.value if result.grade else None,
        result.grade_reason if result.grade is None else None,
        unrated.film_hint_key if unrated else None,
        secs,
    )


def figures(verdicts: list[ClipVerdict]) -> tuple[int, float, float, float]:
    """(clips with a by-eye count, share within ±1, MAE, exact share)."""
    diffs = [v.diff for v in verdicts if v.diff is not None]
    if not diffs:
        return 0, float("nan"), float("nan"), float("nan")
    n = len(diffs)
    return n, sum(d <= 1 for d in diffs) / n, sum(diffs) / n, sum(d == 0 for d in diffs) / n


def report(verdicts: list[ClipVerdict]) -> str:
    lines = [f"{'clip':58s} {'exercise':24s} eye  fc  |d|  grade / not rated (hint)"]
    for v in verdicts:
        got = f"{v.hold_s:.0f}s" if v.hold_s is not None else ("-" if v.reps is None else str(v.reps))
        eye = "-" if v.by_eye is None else str(v.by_eye)
        d = "-" if v.diff is None else str(v.diff)
        verdict = v.error or v.grade or f"{v.reason} ({v.hint or 'NO HINT'})"
        lines.append(f"{v.path[-58:]:58s} {v.exercise:24s} {eye:>3s} {got:>3s} {d:>4s}  {verdict}")
    n, within, mae, exact = figures(verdicts)
    counted = [v for v in verdicts if v.diff is not None]
    refused = sum(v.count_ok and v.diff is not None and v.diff > 1 for v in verdicts)
    lines += [
        "",
        f"by-eye counted clips: {n}   within ±1: {within:.2f}   MAE: {mae:.2f}   exact: {exact:.2f}",
        f"  within ±1 or refused as an edited clip / no person: {sum(v.count_ok for v in counted)}/{n}"
        f" ({refused} refused)",
    ]
    by_ex: dict[str, list[ClipVerdict]] = defaultdict(list)
    for v in verdicts:
        by_ex[v.exercise].append(v)
    for ex, vs in sorted(by_ex.items()):
        n_ex, w_ex, m_ex, _ = figures(vs)
        if n_ex:
            lines.append(f"  {ex:26s} n={n_ex:2d}  within ±1 {w_ex:.2f}  MAE {m_ex:.2f}")
    graded = sum(v.grade is not None for v in verdicts)
    hinted = sum(v.grade is None and v.hint is not None for v in verdicts)
    bare = [v for v in verdicts if v.error is None and not v.rated_or_hinted]
    crashes = [v for v in verdicts if v.error]
    lines.append(
        f"clips: {len(verdicts)}   graded: {graded}   not rated with a filming hint: {hinted}   "
        f"not rated without one: {len(bare)}   crashes: {len(crashes)}"
    )
    lines += [f"  no hint: {v.path} ({v.reason})" for v in bare]
    lines += [f"  crash: {v.path}: {v.error}" for v in crashes]
    secs = [v.seconds for v in verdicts if v.error is None]
    if secs:
        lines.append(f"time: {sum(secs):.1f} s in all, {max(secs):.1f} s at most per clip")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", default=str(BY_EYE_CSV))
    ap.add_argument("--clips", default=str(CLIPS))
    ap.add_argument("--pose-cache", default=None, help="directory of cached pose sequences (.npz)")
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args()
    from analysis import pipeline

    pipeline.init_worker(pose_cache_dir=args.pose_cache)
    verdicts = [judge(r, Path(args.clips)) for r in read_by_eye(Path(args.csv))]
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps([asdict(v) for v in verdicts], ensure_ascii=False, indent=1)
        )
    print(report(verdicts))


if __name__ == "__main__":
    main()
