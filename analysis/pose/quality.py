"""Gates between pose estimation and grading: is there a person, big enough, mostly in frame?"""

from __future__ import annotations

import numpy as np

from analysis.pose.estimator import MIN_VISIBILITY
from analysis.vocab.landmarks import Landmark as L
from analysis.vocab.normalize import torso_length
from analysis.vocab.types import Clip, PoseSequence, Rejection

MIN_DETECTED_FRACTION = 0.25  # a person in at least a quarter of the sampled frames
MIN_TORSO_FRACTION = 0.05  # torso (Neck–Pelvis) at least 5% of the frame's long side
MIN_BODY_VISIBLE = 0.35  # mean visibility of the 12 limb joints over detected frames
LIMB_JOINTS = [
    L.LEFT_SHOULDER,
    L.RIGHT_SHOULDER,
    L.LEFT_ELBOW,
    L.RIGHT_ELBOW,
    L.LEFT_WRIST,
    L.RIGHT_WRIST,
    L.LEFT_HIP,
    L.RIGHT_HIP,
    L.LEFT_KNEE,
    L.RIGHT_KNEE,
    L.LEFT_ANKLE,
    L.RIGHT_ANKLE,
]


def check(seq: PoseSequence, clip: Clip) -> Rejection | tuple[str, ...]:
    """A Rejection, or the warnings (locale keys) to pass on with the report."""
    detected = seq.detected
    if len(seq) == 0 or detected.mean() < MIN_DETECTED_FRACTION:
        return Rejection("no_person")
    torso = torso_length(seq.xy)
    if not np.isfinite(torso) or torso < MIN_TORSO_FRACTION * max(seq.size):
        return Rejection("person_too_small")
    vis = seq.visibility[detected][:, LIMB_JOINTS]
    if float(vis.mean()) < MIN_BODY_VISIBLE:
        return Rejection("out_of_frame")
    warnings: list[str] = []
    if clip.truncated:
        warnings.append("warning-truncated")
    if detected.mean() < 0.7:
        warnings.append("warning-person-lost")
    if float((seq.visibility[detected][:, LIMB_JOINTS] < MIN_VISIBILITY).mean()) > 0.3:
        warnings.append("warning-partly-hidden")
    if seq.people_max > 1:
        warnings.append("warning-several-people")
    return tuple(warnings)
