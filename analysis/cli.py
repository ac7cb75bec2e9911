"""`formcoach analyze PATH [--exercise ID] [--out DIR] [--json]` and `formcoach evaluate LABELS_CSV`
(`formcoach evaluate [LABELS_CSV] --form`: the form table of `python -m analysis.form_eval`).

Exit 0 for a report or a rejection; 2 for usage errors. Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from analysis.vocab import catalog


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="formcoach", description="FormCoach workout-clip analysis")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse one clip")
    a.add_argument("path")
    a.add_argument("--exercise", help="catalog id (skips the classifier), e.g. squat, push_up")
    a.add_argument("--out", help="directory for annotated JPEG frames")
    a.add_argument("--json", action="store_true", help="print the JSON report on stdout")
    a.add_argument("--locale", default="ko", choices=["ko", "en"])
    e = sub.add_parser("evaluate", help="run every clip of a labels CSV and print accuracy figures")
    e.add_argument("labels_csv", nargs="?", help="clips/labels.csv of the data folder")
    e.add_argument(
        "--form",
        action="store_true",
        help="the form verdicts, leave-one-source-out (python -m analysis.form_eval), on the data folder "
        "that holds LABELS_CSV (default: the shared data) and its keypoint sequences",
    )
    e.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    e.add_argument("--pose-cache", help="directory caching pose sequences (.npz) between runs")
    e.add_argument("--no-hint", action="store_true", help="let the classifier pick the exercise")
    e.add_argument("--limit", type=int, help="only the first N rows")
    e.add_argument("--json-out", help="write per-clip results as JSON here")
    e.add_argument(
        "--no-period",
        action="store_true",
        help="switch the periodicity step off (reps by the hysteresis counter alone, no periodicity gate)",
    )
    sub.add_parser("exercises", help="list the exercise catalog")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _quiet_native_logs()
    if args.command == "analyze":
        return _analyze(args)
    if args.command == "evaluate" and args.form:
        from analysis import form_eval

        data = ["--data", str(Path(args.labels_csv).resolve().parents[1])] if args.labels_csv else []
        return form_eval.main([*data, *(["--pose-cache", args.pose_cache] if args.pose_cache else [])])
    if args.command == "evaluate" and not args.labels_csv:
        print("evaluate needs LABELS_CSV (or --form)", file=sys.stderr)
        return 2
    if args.command == "evaluate":
        from analysis.evaluate import evaluate

        return evaluate(
            args.labels_csv,
            args.workers,
            args.pose_cache,
            not args.no_hint,
            args.limit,
            args.json_out,
            use_period=not args.no_period,
        )
    _exercises()
    return 0


def _exercises() -> None:
    """Per exercise: its conditions, how many a check measures and how many 2D video cannot show, and
    whether it is graded (has posture rules) or only counted."""
    from analysis.exercises.registry import spec_for
    from analysis.judge.rules import Check

    for info in catalog.CATALOG.values():
        spec = spec_for(info.id)
        if spec is None:
            print(f"{info.id:24s} {len(info.conditions)} conditions  not graded (reps only)")
            continue
        measured = sum(isinstance(r, Check) for r in spec.rules)
        print(
            f"{info.id:24s} {len(info.conditions)} conditions  graded  "
            f"{measured} measured / {len(spec.rules) - measured} unjudgeable"
        )


def _analyze(args: argparse.Namespace) -> int:
    from analysis import pipeline
    from analysis.report import json_report as report
    from analysis.report.i18n import translate
    from analysis.vocab.types import AnalysisJob, Rejection

    if args.exercise and args.exercise not in catalog.CATALOG:
        print(f"unknown exercise {args.exercise!r}; see `formcoach exercises`", file=sys.stderr)
        return 2
    if not Path(args.path).exists():
        print(f"no such file: {args.path}", file=sys.stderr)
        return 2
    result = pipeline.run(AnalysisJob(path=args.path, exercise_hint=args.exercise, locale=args.locale))
    if isinstance(result, Rejection):
        data = report.rejection_json(result)
    else:
        paths = report.write_frames(args.out, result.key_frames) if args.out else []
        data = report.assessment_json(result, paths)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(report.text_summary(data, translate))
    return 0


def _quiet_native_logs() -> None:
    """MediaPipe/TFLite chatter goes to stderr through glog/absl; keep the CLI's output clean."""
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


if __name__ == "__main__":
    raise SystemExit(main())
