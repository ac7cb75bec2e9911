"""Training-time windows: a random stretch of a clip at a random tempo, seen by a random camera.

Inference cuts fixed windows (``models.features.clip_windows``); training instead draws, for every batch
item, a fresh window from the clip's resampled sequence:

    random start, random playback speed (tempo), sometimes a short clip's few steps edge-repeated
    (sometimes a real clip seen by a turned camera, models.train.novel_view)
    → linear interpolation on the 10 Hz grid
    → other body proportions (longer or shorter arms and legs, wider shoulders)
    → camera roll, horizontal squash (yaw foreshortening), overall scale → per-joint jitter
    → another annotator's conventions (constant joint offsets, visibility as flags or rescaled)
    → an occluded joint for a stretch, or legs cut off by the frame (sometimes)
    → channels (x, y, visibility, dx, dy) → mirror (half)

With a few hundred real clips, fixed windows let the network memorise each clip's three windows; fresh
ones make every step see a new variant of the same movement, which is what a new camera and a new person
look like too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.vocab.landmarks import Landmark as L
from models.data.core import PoseSample
from models.features import FeatureConfig, mirror_windows, resample, window_channels
from models.train.novel_view import turned

_ARMS = ((L.LEFT_SHOULDER, L.LEFT_ELBOW, L.LEFT_WRIST), (L.RIGHT_SHOULDER, L.RIGHT_ELBOW, L.RIGHT_WRIST))
_LEGS = ((L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE), (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE))
_ARM_JOINTS = tuple(int(j) for chain in _ARMS for j in chain)  # left shoulder, elbow, wrist, then right


@dataclass(frozen=True)
class AugmentConfig:
    tempo_min: float = 0.7  # playback-speed factor range (1 = as filmed; 1.4 = 40 % faster)
    tempo_max: float = 1.4
    roll_sd_deg: float = 6.0  # camera roll, normal spread, clipped to ±roll_max_deg
    roll_max_deg: float = 15.0
    squash_x: float = 0.2  # horizontal scale 1 ± squash_x (camera yaw foreshortens the width)
    scale: float = 0.15  # overall scale 1 ± scale (torso-length estimate error)
    jitter_torso: float = 0.015  # per-joint, per-step noise sd in torso units
    occlude_p: float = 0.15  # chance a window loses one joint for a stretch
    crop_p: float = 0.25  # chance the frame's bottom edge cuts the body (legs out of view)
    crop_below_torso: tuple[float, float] = (0.3, 1.8)  # the edge, torso units below the pelvis
    crop_guess_torso: float = 0.15  # how far MediaPipe's guesses for unseen joints wander (sd)
    mirror_p: float = 0.5
    short_p: float = 0.0  # chance the window is a short clip's: a few steps, then the last one repeated
    # (0.15 measured worse on held-out sources)
    short_min_steps: int = 8  # 0.8 s at 10 Hz (shorter clips are rejected before classification)
    # Each source places joints its own way (Penn Action's hand-marked hips sit lower than MediaPipe's) and
    # reports visibility its own way (0/1 flags, MediaPipe's 0.5–1 scores, none): blur those signatures so
    # the model cannot tell the source instead of the movement.
    joint_offset_torso: float = 0.06  # per-window constant offset of every joint (sd, torso units)
    vis_flag_p: float = 0.4  # chance visibility becomes a 0/1 flag at a random cut
    vis_noise: float = 0.15  # otherwise visibility × (1 ± this)
    var_len_p: float = 0.0  # chance a batch is of shorter windows (a random length, min_steps … window):
    # what a clip shorter than one window looks like at run time with FeatureConfig.pad_short off
    var_len_min_steps: int = 8
    limb_scale: float = 0.0  # arm and leg segments × (1 ± this), shoulder width too (0.12 measured no better)
    # Real clips with world landmarks are also seen from cameras turned about the body (models.train.
    # novel_view): with chance novel_view_p a window comes from one of these turns instead of the filmed view.
    # The turns span front to side either way; the tilt, a phone propped low or held high.
    novel_view_p: float = 0.5
    novel_yaws_deg: tuple[float, ...] = (-70.0, -45.0, -20.0, 20.0, 45.0, 70.0)
    novel_pitch_deg: float = 10.0  # alternately up and down


class WindowSampler:
    """Resampled sequences of training clips → augmented windows [B, C, window, J] on demand."""

    def __init__(self, samples: Sequence[PoseSample], feat: FeatureConfig, aug: AugmentConfig) -> None:
        self.feat = feat
        self.aug = aug
        self.sequences: list[np.ndarray] = []  # each [S, J, 3] (x, y, vis; NaN = no data) at feat.rate_hz
        self.kept: list[int] = []  # index into samples of each kept sequence
        self.turned: dict[int, list[np.ndarray]] = {}  # sequence number → its novel views, resampled
        for i, s in enumerate(samples):
            seq = resample(s.xy, s.visibility, s.t_s, feat)
            if seq.shape[0] > 0:
                if s.world is not None and aug.novel_view_p > 0:
                    self.turned[len(self.sequences)] = self._turns(s)
                self.sequences.append(seq)
                self.kept.append(i)

    def _turns(self, s: PoseSample) -> list[np.ndarray]:
        """The sample's movement resampled as seen from each of the configured turned cameras."""
        out = []
        for k, yaw in enumerate(self.aug.novel_yaws_deg):
            xy = turned(s.xy, s.world, yaw, self.aug.novel_pitch_deg * (-1) ** k)  # type: ignore[arg-type]
            seq = resample(xy, s.visibility, s.t_s, self.feat) if xy is not None else None
            if seq is not None and seq.shape[0] > 0:
                out.append(seq)
        return out

    def _view(self, i: int, rng: np.random.Generator) -> np.ndarray:
        """Sequence i as filmed, or (chance novel_view_p, when it has world landmarks) as a turned camera
        saw it."""
        alt = self.turned.get(i)
        if alt and rng.random() < self.aug.novel_view_p:
            return alt[int(rng.integers(len(alt)))]
        return self.sequences[i]

    def __len__(self) -> int:
        return len(self.sequences)

    def sample(self, idx: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Sequence numbers [B] → windows [B, C, W, J] float32, freshly augmented (W = window, or shorter
        for the whole batch with chance var_len_p)."""
        w = self.feat.window
        if self.aug.var_len_p > 0 and rng.random() < self.aug.var_len_p:
            w = int(rng.integers(self.aug.var_len_min_steps, self.feat.window))
        raw = np.stack([self._stretch(self._view(int(i), rng), rng, w) for i in idx])  # [B, W, J, 3]
        self._proportions(raw, rng)
        raw[..., :2] = self._camera(raw[..., :2], rng)
        self._convention(raw, rng)
        self._occlude(raw, rng)
        self._crop(raw, rng)
        out = window_channels(raw, self.feat)  # [B, C, W, J]
        flip = rng.random(len(idx)) < self.aug.mirror_p
        out[flip] = mirror_windows(out[flip])
        return out

    def _stretch(self, seq: np.ndarray, rng: np.random.Generator, w: int) -> np.ndarray:
        """[S, J, 3] → [w, J, 3]: a window from a random start at a random tempo (edges repeat if short)."""
        tempo = float(np.exp(rng.uniform(np.log(self.aug.tempo_min), np.log(self.aug.tempo_max))))
        last = seq.shape[0] - 1
        n = w  # steps of real movement; a short clip is edge-repeated to a whole window, as at inference
        if self.aug.short_p > 0 and rng.random() < self.aug.short_p:
            n = int(rng.integers(self.aug.short_min_steps, w))
        start = rng.uniform(0.0, max(last - tempo * (n - 1), 0.0))
        steps = np.minimum(np.arange(w), n - 1)  # [W] 0, 1, …, n-1, n-1, …
        pos = np.minimum(start + tempo * steps, last)  # [W] fractional step index
        i0 = np.floor(pos).astype(np.int64)
        i1 = np.minimum(i0 + 1, last)
        f = (pos - i0)[:, None, None].astype(np.float32)  # [W, 1, 1]
        a, b = seq[i0], seq[i1]  # [W, J, 3] each
        return np.where(f < 1e-6, a, a * (1 - f) + b * f)  # NaN stays NaN where a neighbour is missing

    def _camera(self, xy: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """[B, W, J, 2] body-frame coordinates → rolled, squashed, scaled and jittered."""
        a = self.aug
        n = xy.shape[0]
        roll = np.deg2rad(np.clip(rng.normal(0.0, a.roll_sd_deg, n), -a.roll_max_deg, a.roll_max_deg))
        cos, sin = np.cos(roll), np.sin(roll)
        rot = np.stack([np.stack([cos, -sin], -1), np.stack([sin, cos], -1)], -2)  # [B, 2, 2]
        squash = np.stack([rng.uniform(1 - a.squash_x, 1 + a.squash_x, n), np.ones(n)], -1)  # [B, 2]
        scale = rng.uniform(1 - a.scale, 1 + a.scale, n)[:, None]  # [B, 1]
        lin = rot * (squash * scale)[:, None, :]  # [B, 2, 2]: rotate after scaling the axes
        out = np.einsum("bwjk,bik->bwji", xy, lin)  # [B, W, J, 2]
        out += rng.normal(0.0, a.jitter_torso, out.shape)
        return out.astype(np.float32)

    def _proportions(self, raw: np.ndarray, rng: np.random.Generator) -> None:
        """In place: each window's arms, legs and shoulder width scaled (segment by segment, from the body
        outwards, so the joints stay connected)."""
        b = raw.shape[0]
        arm, leg, width = (rng.uniform(1 - self.aug.limb_scale, 1 + self.aug.limb_scale, b) for _ in range(3))
        xy = raw[..., :2]  # [B, W, J, 2] view
        neck = xy[:, :, L.NECK : L.NECK + 1].copy()  # [B, W, 1, 2]
        for chain, k in ((_ARMS, arm), (_LEGS, leg)):
            for root, mid, end in chain:
                old_mid, old_end = xy[:, :, mid].copy(), xy[:, :, end].copy()
                xy[:, :, mid] = xy[:, :, root] + k[:, None, None] * (old_mid - xy[:, :, root])
                xy[:, :, end] = xy[:, :, mid] + k[:, None, None] * (old_end - old_mid)
        arms = list(_ARM_JOINTS)  # shoulders and what hangs off them move out with the shoulder width
        for side in (0, 1):
            shoulder = _ARMS[side][0]
            shift = (width[:, None, None] - 1) * (xy[:, :, shoulder] - neck[:, :, 0])  # [B, W, 2]
            xy[:, :, arms[side * 3 : side * 3 + 3]] += shift[:, :, None]

    def _convention(self, raw: np.ndarray, rng: np.random.Generator) -> None:
        """In place: another annotator's joint placement and visibility scale."""
        a = self.aug
        b, _, j, _ = raw.shape
        raw[..., :2] += rng.normal(0.0, a.joint_offset_torso, (b, 1, j, 2)).astype(np.float32)
        vis = raw[..., 2]  # [B, W, J] view
        flag = rng.random(b) < a.vis_flag_p
        cut = rng.uniform(0.3, 0.7, (b, 1, 1))
        noisy = vis * rng.uniform(1 - a.vis_noise, 1 + a.vis_noise, (b, 1, j))
        vis[...] = np.where(flag[:, None, None], (vis > cut).astype(np.float32), np.clip(noisy, 0.0, 1.0))

    def _occlude(self, raw: np.ndarray, rng: np.random.Generator) -> None:
        """In place: some windows lose one joint the model reads for a random stretch (NaN = missing)."""
        joints = self.feat.joints or tuple(range(raw.shape[2]))
        w = raw.shape[1]
        for b in np.flatnonzero(rng.random(raw.shape[0]) < self.aug.occlude_p):
            j = int(rng.choice(joints))
            start = int(rng.integers(0, w))
            raw[b, start : start + int(rng.integers(w // 4, w)), j] = np.nan

    def _crop(self, raw: np.ndarray, rng: np.random.Generator) -> None:
        """In place: in some windows the bottom of the frame cuts the body. MediaPipe still places the
        unseen joints, with low visibility and wandering guesses; so do we."""
        a = self.aug
        for b in np.flatnonzero(rng.random(raw.shape[0]) < a.crop_p):
            edge = rng.uniform(*a.crop_below_torso)
            below = np.nan_to_num(raw[b, :, :, 1], nan=-np.inf) > edge  # [W, J]
            n = int(below.sum())
            if n == 0:
                continue
            raw[b, :, :, 2][below] *= rng.uniform(0.0, 0.3, n).astype(np.float32)
            raw[b, :, :, :2][below] += rng.normal(0.0, a.crop_guess_torso, (n, 2)).astype(np.float32)
