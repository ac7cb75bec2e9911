"""Shot cuts: is the clip one continuous recording, or several shots edited together?

A compilation (one rep each of seven different people, a highlight reel) has no set to count or grade: the
reps of different shots are not one person's set, and a cut looks like a rep start to the counter. The
analysis rejects a clip with several cuts and asks for one continuous set.

The measure is PySceneDetect's (Castellano, scenedetect.com, `AdaptiveDetector`): the content value of a
frame is the mean absolute change of hue, saturation and value from the previous frame (0–255); a cut is a
frame whose content value is `ADAPTIVE_RATIO` times the mean of its `WINDOW` neighbours on each side and at
least `MIN_CONTENT`. Comparing with the neighbours (not a fixed threshold) keeps a fast camera pan or a
body filling the frame from reading as cuts: their content values stay high for several frames in a row.
One change from PySceneDetect: the frame's value is the median over a 4×4 grid of tiles of each tile's
mean change, not the mean over the whole frame, because a cut changes the whole picture while a person
close to the camera, a burned-in rep counter or a smartwatch plot (clips of ../shared have both) changes
only part of it. And a cut must also change the colours in the picture (the hue–saturation histogram,
Bhattacharyya distance ≥ MIN_COLOUR_CHANGE from the previous frame): a webcam that skips frames or jumps its
exposure moves everything at once but stays in the same room. Computed on a 64×36 thumbnail of each sampled
frame (0.2 ms a frame).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

# PySceneDetect's AdaptiveDetector defaults (adaptive_threshold=3.0, window_width=2, min_content_val=15.0)
ADAPTIVE_RATIO = 3.0
WINDOW = 2
MIN_CONTENT = 15.0
MIN_SHOT_S = 0.6  # PySceneDetect's command-line minimum scene length: a second cut closer than this is
# a flash or a glitch, not a new shot
THUMB = (64, 36)  # (w, h); the ratio of a landscape phone frame (portrait frames are squeezed alike)
TILES = (4, 4)  # (rows, columns) of the grid whose median tile change is the frame's value
# On ../shared's clips: the room changes of the one compilation measure 0.53–0.83; the same-room jumps that
# pass the content test (a webcam's frame skips and exposure jumps, 4 events in 4 clips) 0.17–0.34.
MIN_COLOUR_CHANGE = 0.45
HIST_BINS = (16, 4)  # hue × saturation (value left out: exposure changes it without a cut)
COMPILATION_MIN_CUTS = 2  # three or more shots: one cut may join two takes of one set; more is an edit


Change = tuple[float, float, float]  # (t_s, content value, colour change) of a sampled frame


class SceneMeter:
    """Feed the sampled frames in order; each `add` returns the frame's (content value, colour change) from
    the previous frame (NaN for the first)."""

    def __init__(self) -> None:
        self._prev: tuple[np.ndarray, np.ndarray] | None = None

    def add(self, rgb: np.ndarray) -> tuple[float, float]:
        small = cv2.resize(rgb, THUMB, interpolation=cv2.INTER_AREA)
        hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV)  # [h, w, 3] uint8
        hist = cv2.calcHist([hsv], [0, 1], None, list(HIST_BINS), [0, 180, 0, 256])
        hist = cv2.normalize(hist, None, 1.0, 0.0, cv2.NORM_L1)
        pixels = hsv.astype(np.int16)
        prev, self._prev = self._prev, (pixels, hist)
        if prev is None:
            return float("nan"), float("nan")
        change = np.abs(pixels - prev[0]).mean(axis=2)  # [h, w] mean over the three channels
        rows, cols = TILES
        h, w = change.shape
        tiles = change.reshape(rows, h // rows, cols, w // cols).mean(axis=(1, 3))  # [rows, cols]
        colour = cv2.compareHist(prev[1], hist, cv2.HISTCMP_BHATTACHARYYA)
        return float(np.median(tiles)), float(colour)


def cut_times(values: Sequence[Change]) -> tuple[float, ...]:
    """(t_s, content value, colour change) per sampled frame in time order → the times of the shot cuts."""
    if len(values) < 2 * WINDOW + 1:
        return ()
    t = np.array([v[0] for v in values])
    c = np.nan_to_num(np.array([v[1] for v in values], np.float64), nan=0.0)
    colour = np.nan_to_num(np.array([v[2] for v in values], np.float64), nan=0.0)
    cuts: list[float] = []
    for i in range(len(c)):
        lo, hi = max(0, i - WINDOW), min(len(c), i + WINDOW + 1)
        around = np.concatenate([c[lo:i], c[i + 1 : hi]])
        ratio = c[i] / max(float(around.mean()), 1e-6)
        sudden = c[i] >= MIN_CONTENT and ratio >= ADAPTIVE_RATIO and colour[i] >= MIN_COLOUR_CHANGE
        if sudden and (not cuts or t[i] - cuts[-1] >= MIN_SHOT_S):
            cuts.append(float(t[i]))
    return tuple(cuts)


def is_compilation(values: Sequence[Change]) -> bool:
    return len(cut_times(values)) >= COMPILATION_MIN_CUTS
