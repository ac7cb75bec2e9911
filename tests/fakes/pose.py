"""A pose estimator that needs no MediaPipe: side-view squats with known form, timed to the decoded frames.

Importable (and picklable) so a spawned analysis worker can use it:
``Analyzer(1, initializer_args=(FakePose(), UnknownClassifier()))``.

* ``lean_deg``: torso lean at the bottom of each rep, cycled over the reps (35° passes the squat's
  neutral-spine check, 70° fails it);
* ``heel_lift_px``: heels rising at the bottom (20 px fails heels_down);
* ``present=False``: nobody in the frames (the pipeline answers "no person");
* ``crash_marker``: a path; the first worker that sees no file there creates it and dies at once
  (``os._exit``), as a segfaulting MediaPipe would — to test that the pool is rebuilt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.types import PoseSequence
from tests.skeleton import cycle, sequence, side_frame

REP_S, REST_S = 1.5, 0.5


@dataclass(frozen=True)
class FakePose:
    n_reps: int = 3
    lean_deg: tuple[float, ...] = (35.0,)
    heel_lift_px: float = 0.0
    present: bool = True
    crash_marker: str | None = None

    def estimate(self, frames: Iterable[Any], fps: float, size: tuple[int, int]) -> PoseSequence:
        if self.crash_marker is not None and not Path(self.crash_marker).exists():
            Path(self.crash_marker).touch()
            os._exit(3)
        n = len(list(frames))
        levels = np.resize(cycle(self.n_reps, fps=fps, rep_s=REP_S, rest_s=REST_S), n)
        rest, period = int(REST_S * fps), int(REP_S * fps) + int(REST_S * fps)
        scale = min(size) / 480.0  # the figure is drawn for 640×480; keep it inside smaller frames
        frames_xy = []
        for i, level in enumerate(levels):
            rep = max(0, (i - rest) // max(1, period))
            lean = self.lean_deg[rep % len(self.lean_deg)]
            thigh, shin = 80 * level, -60 * level
            drop = 90 * (1 - np.cos(np.radians(thigh))) + 85 * (1 - np.cos(np.radians(shin)))
            figure = side_frame(
                pelvis=(320.0, 250.0 + drop),
                torso=lean * level,
                thigh=thigh,
                shin=shin,
                heel_lift_px=self.heel_lift_px * level,
            )
            frames_xy.append(figure * scale if self.present else None)
        seq = sequence(frames_xy, fps=fps, size=size)
        return seq
