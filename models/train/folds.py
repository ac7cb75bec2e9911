"""Every clip source held out once: `python -m models.train.folds [--prefix cache/fold] [--shipped PATH]`.

The clip sources of ``../shared/data/clips`` fall into the folds of ``FOLDS``; each fold model is trained
without its fold's sources (`models.train.loop --holdout`, which also leaves out every sequence of the same
person group) and judges their clips (PREFIX{A,B,C}.pt / .json). One process trains the folds one after
another, the pose pool loaded and the generated motion made once. ``--eval DIR`` then pools the fold
reports with the unsure threshold cross-fitted between them (`models.train.evaluate --crossfit`), and
``--shipped PATH`` trains the model on every source (first: only its threshold needs the folds) and
stores the threshold chosen on all the folds (`models.train.calibrate --weights`). Other options go to
every `models.train.loop` run, e.g. ``--seed 1 --aug var_len_p=0.25``.

``--scheme sources`` holds out one source at a time instead (``BY_SOURCE``, files PREFIX<source>.pt /
.json): twelve fold models, each learning from every other source.
"""

from __future__ import annotations

import argparse

from models.train import calibrate, evaluate, loop

# Sources grouped so that each fold holds a large source of its own and some of the newer, varied ones
# (the negatives of akshay_op and thesebitzu fall in different folds, so cross-fitting sees them both ways).
FOLDS: dict[str, tuple[str, ...]] = {
    "A": (
        "kaggle_pushup_correct_wrong",
        "jeikeilim_mygifcontainer",
        "kshitij_be_project",
        "ngoquocbao_exercise_correction",
    ),
    "B": (
        "calimiro_workouttracker",
        "akshay_op_humanactivityrecognition",
        "jeff_j_chen_mediapipe_posereader",
        "ketanpaliwal_curl",
    ),
    "C": (
        "kaiakol_posetrainer",
        "thesebitzu_gym_app_ai",
        "tomnotch_exercise_videos",
        "noorashraf_hci_project_phase_2",
    ),
}


# Leave-one-source-out: every source is a fold of its own, so each fold model learns from all the other
# sources (the three folds above hold out a third of the data at once: a class filmed by two sources of the
# same fold has no real clip left to learn from). Twelve trainings instead of three.
BY_SOURCE: dict[str, tuple[str, ...]] = {src: (src,) for src in sorted(s for f in FOLDS.values() for s in f)}
SCHEMES: dict[str, dict[str, tuple[str, ...]]] = {"three": FOLDS, "sources": BY_SOURCE}


def reports(prefix: str, names: list[str] | None = None, scheme: str = "three") -> list[str]:
    return [f"{prefix}{name}.json" for name in names or SCHEMES[scheme]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    ap.add_argument("--prefix", default="cache/fold", help="fold files: PREFIX{A,B,C}.pt and .json")
    ap.add_argument("--scheme", choices=sorted(SCHEMES), default="three", help="3 folds or 1 a source")
    ap.add_argument("--only", default="", help="comma-separated fold names to train (default: all)")
    ap.add_argument("--steps", type=int, default=loop.TrainConfig.steps, help="steps of a fold model")
    ap.add_argument("--eval", metavar="DIR", help="cross-fitted figures of all the fold reports into DIR")
    ap.add_argument("--shipped", metavar="PATH", help="then train the model on every source here")
    ap.add_argument("--shipped-steps", type=int, default=loop.TrainConfig.steps)
    # 0.97 since v7: with the turned-camera windows 0.95 let 5.7 % of the clips be named as a wrong exercise
    # (target ≤ 3 %); 0.97 gives 3.0 % (model card)
    ap.add_argument("--precision", type=float, default=0.97, help="target precision of confident answers")
    args, loop_args = ap.parse_known_args(argv)
    folds = SCHEMES[args.scheme]
    names = [n for n in args.only.split(",") if n] or list(folds)
    if unknown := set(names) - set(folds):
        raise SystemExit(f"no such fold in the {args.scheme} scheme: {', '.join(sorted(unknown))}")
    if args.shipped:  # first: it does not depend on the folds, only its threshold does
        print(f"== the shipped model: every source → {args.shipped}", flush=True)
        loop.main([*loop_args, "--steps", str(args.shipped_steps), "--out", args.shipped])
    for name in names:
        print(f"== fold {name}: holding out {', '.join(folds[name])}", flush=True)
        held = ",".join(folds[name])
        out = f"{args.prefix}{name}"
        loop.main([*loop_args, "--steps", str(args.steps), "--holdout", held, "--out", f"{out}.pt",
                   "--report", f"{out}.json"])  # fmt: skip
    every = reports(args.prefix, scheme=args.scheme)
    if args.eval:
        evaluate.main([*every, "--crossfit", str(args.precision), "--out", args.eval])
    if args.shipped:
        calibrate.main([*every, "--target-precision", str(args.precision), "--weights", args.shipped])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
