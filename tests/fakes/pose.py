"""A pose estimator that needs no MediaPipe: side-view squats with known form, timed to the decoded frames.

Importable (and picklable) so a spawned analysis worker can use it:
``Analyzer(1, initializer_args=(FakePose(), UnknownClassifier()))``.

* ``lean_deg``: torso lean at the bottom of each rep, cycled over the reps (35° passes the squat's
  neutral-spine check, 70° fails it);
* ``heel_lift_px``: heels rising at the bottom (20 px fails heels_down);
* ``present=False``: nobody in the frames (the pipeline answers "no person");
* ``crash_marker``: a path; the first worker that sees no file there creates it and dies at once
  (``os._exit``), as a segfaulting MediaPipe would — to test that the pool is rebuilt;
* ``crash_size``: dies on every clip analysed at this frame size (a clip that always kills MediaPipe);
* ``delay_s``: inference takes this long per clip (a slow worker, to kill the bot mid-analysis);
* ``scene=True``: looks at the frames like a detector would: flat frames (a wall) hold nobody, and
  the bright figures across the middle row (:func:`figures_frame`) are counted into ``people_max``;
* ``front_knee_out_px``: portrait clips (taller than wide) show the squats from the front, the left knee
  drifting this far outward at the bottom (a left/right difference); landscape clips stay side views.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.types import PoseSequence
from tests.fakes.skeleton import cycle, front_frame, sequence, side_frame

REP_S, REST_S = 1.5, 0.5


@dataclass(frozen=True)
class FakePose:
    n_reps: int = 3
    lean_deg: tuple[float, ...] = (35.0,)
    heel_lift_px: float = 0.0
    present: bool = True
    crash_marker: str | None = None
    crash_size: tuple[int, int] | None = None
    delay_s: float = 0.0
    scene: bool = False
    front_knee_out_px: float | None = None

    def estimate(self, frames: Iterable[Any], fps: float, size: tuple[int, int]) -> PoseSequence:
        if self.crash_marker is not None and not Path(self.crash_marker).exists():
            Path(self.crash_marker).touch()
            os._exit(3)
        if self.crash_size is not None and tuple(size) == tuple(self.crash_size):
            os._exit(4)
        frames = list(frames)
        time.sleep(self.delay_s)
        n = len(frames)
        present, people = self.present, 1
        if self.scene and frames:
            rgb = frames[len(frames) // 2][2]
            present = present and float(rgb.reshape(-1, 3).std(axis=0).max()) > FLAT_STD
            people = max(1, _figures(rgb))
        # The figure moves with the frames' own times, so any segment of a clip shows that part of the set.
        samples = [int(round(f[1] * fps)) for f in frames]
        levels_at = cycle(self.n_reps, fps=fps, rep_s=REP_S, rest_s=REST_S)
        levels = np.resize(levels_at, max(samples, default=0) + 1)[samples] if n else levels_at[:0]
        rest, period = int(REST_S * fps), int(REP_S * fps) + int(REST_S * fps)
        scale = min(size) / 480.0  # the figure is drawn for 640×480; keep it inside smaller frames
        if self.front_knee_out_px is not None and size[1] > size[0]:
            return replace(sequence(self._front(levels, size, scale), fps=fps, size=size), people_max=people)
        frames_xy = []
        for i, level in zip(samples, levels, strict=True):
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
            frames_xy.append(figure * scale if present else None)
        seq = sequence(frames_xy, fps=fps, size=size)
        t_s = np.array([f[1] for f in frames], np.float32)
        index = np.array([f[0] for f in frames], np.int64)
        return replace(seq, t_s=t_s, frame_index=index, people_max=people)


    def _front(self, levels: np.ndarray, size: tuple[int, int], scale: float) -> list[Any]:
        out: list[Any] = []
        for level in levels:
            figure = front_frame(
                pelvis=(size[0] / 2 / scale, 230.0 + 85 * level),
                leg_drop_px=175 - 85 * level,
                knee_half_px=20 + 12 * level,
            )
            figure[L.LEFT_KNEE, 0] += (self.front_knee_out_px or 0.0) * level
            out.append(figure * scale if self.present else None)
        return out


FLAT_STD = 6.0  # grey levels: a frame this uniform shows no one (a wall)


def _figures(rgb: np.ndarray) -> int:
    """Bright runs along the middle row: the figures :func:`figures_frame` draws."""
    row = rgb[rgb.shape[0] // 2].mean(axis=1) > 200
    return int(np.count_nonzero(row[1:] & ~row[:-1]) + int(row[0]))


def figures_frame(people: int) -> Any:
    """A media pattern (tests.fakes.media) of ``people`` bright upright figures on a dark, textured floor."""

    def draw(index: int, width: int, height: int) -> np.ndarray:
        img = np.full((height, width, 3), 40, np.uint8)
        img[:, :, 1] = (np.arange(width) * 3 % 50).astype(np.uint8)  # some texture, not a flat wall
        for k in range(people):
            x = int(width * (k + 0.5) / people)
            img[height // 6 : height * 5 // 6, x - width // 20 : x + width // 20] = 255
        return img

    return draw
