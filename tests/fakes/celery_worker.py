"""The tests' Celery worker node: the production app (bot.roles.celery_app) with a fake pose estimator.

    FORMCOACH_ROLE=worker … python -m tests.fakes.celery_worker [--hold-dir DIR] [--hostname NAME]

Everything is FormCoach's own worker (``run_worker``: acks_late, prefetch 1, reject on worker lost, the
models loaded once per process in worker_process_init) except the pose estimator: ``HoldingPose``, a
``FakePose`` that, while the file ``DIR/hold`` exists, records its process id in ``DIR/busy-<pid>`` and
waits — so a test can kill a worker process in the middle of a task.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.classifier import UnknownClassifier
from analysis.vocab.types import PoseSequence
from bot.__main__ import setup_logging
from bot.config import Settings
from bot.roles.celery_app import run_worker
from tests.fakes import pace
from tests.fakes.pose import FakePose

HOLD_LIMIT_S = 60.0


@dataclass(frozen=True)
class HoldingPose(FakePose):
    hold_dir: str | None = None

    def estimate(self, frames: Iterable[Any], fps: float, size: tuple[int, int]) -> PoseSequence:
        if self.hold_dir is not None and (Path(self.hold_dir) / "hold").exists():
            busy = Path(self.hold_dir) / f"busy-{os.getpid()}"
            busy.touch()
            deadline = time.monotonic() + HOLD_LIMIT_S
            while (Path(self.hold_dir) / "hold").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            busy.unlink(missing_ok=True)
        return super().estimate(frames, fps, size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold-dir", default=None)
    parser.add_argument("--hostname", default=None)
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    setup_logging(settings.token)
    pace.from_env()
    extra = [f"--hostname={args.hostname}"] if args.hostname else []
    pose = HoldingPose(hold_dir=args.hold_dir)
    return run_worker(settings, initializer_args=(pose, UnknownClassifier()), extra=extra)


if __name__ == "__main__":
    sys.exit(main())
