"""PoseTSM: a Temporal Shift Module network over pose keypoint sequences, in one readable file.

Input x: [N, C, T, V] — N windows, C channels per joint (x, y, visibility, dx, dy; see models.features),
T time steps, V joints. Each residual block:

    temporal shift (1/shift_div of the channels one step forward in time, 1/shift_div one step back)
    → joint mixing (a learned V×V matrix, initialised to the normalised skeleton graph)
    → 1×1 conv over channels → BN → ReLU
    → depthwise temporal conv (kernel k, optional stride 2 in time) → 1×1 conv → BN
    → + residual → ReLU

then mean-pooling over time and joints, dropout, and a linear head → logits [N, n_classes].
The shift costs nothing and lets the cheap 1×1 convs mix information across neighbouring time steps
(Lin et al., "TSM: Temporal Shift Module for Efficient Video Understanding", 2019).
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from analysis.vocab.landmarks import CONNECTIONS, N_JOINTS, Landmark

FORMAT = "formcoach-pose-tsm/1"


@dataclass(frozen=True)
class PoseTSMConfig:
    n_classes: int
    in_channels: int = 5
    n_joints: int = N_JOINTS
    window: int = 32  # time steps per window the model was trained on (informational; any T works)
    width: int = 48  # channels of the first half of the blocks; the second half has 2 × width
    depth: int = 4  # residual blocks; the first block of the second half halves T (stride 2)
    shift_div: int = 8
    kernel: int = 5  # depthwise temporal conv size
    dropout: float = 0.2
    # Joint indices the network reads (None = all n_joints); inputs keep all V joints, the rest are ignored.
    # Training sources without face/hands/feet make a subset the honest input, and it is 2× cheaper.
    joints: tuple[int, ...] | None = None

    @property
    def used_joints(self) -> tuple[int, ...]:
        return tuple(range(self.n_joints)) if self.joints is None else tuple(self.joints)


def temporal_shift(x: torch.Tensor, shift_div: int) -> torch.Tensor:
    """[N, C, T, V] → [N, C, T, V]. With f = C // shift_div: channels [0, f) move one step forward in time
    (out[t] = x[t-1], zero at t=0), channels [f, 2f) one step back (out[t] = x[t+1], zero at t=T-1),
    the rest are unchanged. Pure (no in-place ops), differentiable."""
    fold = x.shape[1] // shift_div
    if fold == 0 or x.shape[2] < 2:
        return x
    fwd = F.pad(x[:, :fold, :-1], (0, 0, 1, 0))  # [N, f, T, V] zero row at t=0
    back = F.pad(x[:, fold : 2 * fold, 1:], (0, 0, 0, 1))  # [N, f, T, V] zero row at t=T-1
    return torch.cat([fwd, back, x[:, 2 * fold :]], dim=1)  # [N, C, T, V]


def skeleton_graph(n_joints: int, joints: tuple[int, ...] | None = None) -> torch.Tensor:
    """[V', V'] symmetric normalised adjacency D^-1/2 (A + I) D^-1/2 of the body graph (identity if V ≠ 36),
    restricted to ``joints`` (V' = len(joints)) when given."""
    a = torch.eye(n_joints)
    if n_joints == N_JOINTS:
        L = Landmark
        extra = [(L.NOSE, j) for j in range(1, 11)]  # face points hang off the nose
        extra += [
            (w, h) for w, hs in ((L.LEFT_WRIST, (17, 19, 21)), (L.RIGHT_WRIST, (18, 20, 22))) for h in hs
        ]
        extra += [(L.NECK, L.LEFT_SHOULDER), (L.NECK, L.RIGHT_SHOULDER)]
        extra += [(L.PELVIS, L.LEFT_HIP), (L.PELVIS, L.RIGHT_HIP)]
        for i, j in list(CONNECTIONS) + extra:
            a[i, j] = a[j, i] = 1.0
    if joints is not None:
        keep = torch.as_tensor(joints)
        a = a[keep][:, keep]  # [V', V']
    d = a.sum(1).rsqrt()  # [V]
    return d[:, None] * a * d[None, :]  # [V, V]


class TSMBlock(nn.Module):
    def __init__(self, c_in: int, c_out: int, cfg: PoseTSMConfig, stride: int) -> None:
        super().__init__()
        self.shift_div = cfg.shift_div
        self.joints = nn.Parameter(skeleton_graph(cfg.n_joints, cfg.joints))  # [V', V'] learned joint mixing
        self.expand = nn.Conv2d(c_in, c_out, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c_out)
        pad = cfg.kernel // 2
        self.temporal = nn.Conv2d(
            c_out, c_out, (cfg.kernel, 1), stride=(stride, 1), padding=(pad, 0), groups=c_out, bias=False
        )
        self.project = nn.Conv2d(c_out, c_out, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        self.residual: nn.Module = nn.Identity()
        if c_in != c_out or stride != 1:
            self.residual = nn.Sequential(
                nn.Conv2d(c_in, c_out, 1, stride=(stride, 1), bias=False), nn.BatchNorm2d(c_out)
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: [N, Cin, T, V]
        h = temporal_shift(x, self.shift_div)  # [N, Cin, T, V]
        h = h @ self.joints  # [N, Cin, T, V] (mixes joints: out[..., w] = Σ_v h[..., v] A[v, w])
        h = F.relu(self.bn1(self.expand(h)))  # [N, Cout, T, V]
        h = self.temporal(h)  # [N, Cout, T/stride, V]
        h = self.bn2(self.project(h))  # [N, Cout, T/stride, V]
        return F.relu(h + self.residual(x))  # [N, Cout, T/stride, V]


class PoseTSM(nn.Module):
    def __init__(self, cfg: PoseTSMConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.register_buffer("joint_index", torch.as_tensor(cfg.used_joints), persistent=False)  # [V']
        self.data_bn = nn.BatchNorm1d(cfg.in_channels * len(cfg.used_joints))  # per (channel, joint) scaling
        self.stem = nn.Conv2d(cfg.in_channels, cfg.width, 1)
        half = cfg.depth // 2
        widths = [cfg.width] * half + [2 * cfg.width] * (cfg.depth - half)
        blocks, c_in = [], cfg.width
        for i, c_out in enumerate(widths):
            blocks.append(TSMBlock(c_in, c_out, cfg, stride=2 if (i == half and half > 0) else 1))
            c_in = c_out
        self.blocks = nn.Sequential(*blocks)
        self.drop = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(c_in, cfg.n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: [N, C, T, V]
        x = x.index_select(3, self.joint_index)  # [N, C, T, V'] the joints the model reads
        n, c, t, v = x.shape
        x = x.permute(0, 1, 3, 2).reshape(n, c * v, t)  # [N, C*V, T]
        x = self.data_bn(x)  # [N, C*V, T]
        x = x.reshape(n, c, v, t).permute(0, 1, 3, 2)  # [N, C, T, V]
        x = self.stem(x)  # [N, width, T, V']
        x = self.blocks(x)  # [N, 2*width, T/2, V']
        x = x.mean(dim=(2, 3))  # [N, 2*width]
        return self.head(self.drop(x))  # [N, n_classes]


def n_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


@torch.no_grad()
def predict_clip(model: PoseTSM, windows: np.ndarray | torch.Tensor) -> np.ndarray:
    """Windows [N, C, T, V] of one clip → class probabilities [n_classes] (mean of the window softmaxes)."""
    x = torch.as_tensor(np.asarray(windows, dtype=np.float32))
    if x.ndim != 4 or x.shape[0] == 0:
        raise ValueError(f"expected windows [N>0, C, T, V], got {tuple(x.shape)}")
    was_training = model.training
    model.eval()
    probs = F.softmax(model(x), dim=-1).mean(dim=0)  # [n_classes]
    model.train(was_training)
    return probs.numpy()


def for_inference(model: PoseTSM, example: torch.Tensor) -> torch.jit.ScriptModule:
    """The eval-mode network traced on ``example`` [N, C, T, V], frozen (BatchNorm folded into the
    convolutions) and optimised for CPU inference (oneDNN): the same function of any [N', C, T', V] input
    (T' ≥ 2), faster on one core than eager PyTorch (scripts/bench_classifier.py --eager). Call it under
    ``torch.jit.optimized_execution(False)``: the profiling executor would recompile on new shapes.

    torch.jit is deprecated in favour of torch.compile, which needs a C++ toolchain at run time; with torch
    pinned (2.13) this path is stable, and tests hold it to the eager network's output."""
    model = model.eval()
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", torch.jit.TracerWarning)  # temporal_shift's size check: T' ≥ 2 holds
        traced = torch.jit.trace(model, example, check_trace=False)
        return torch.jit.optimize_for_inference(torch.jit.freeze(traced))


def save(
    model: PoseTSM,
    path: str | Path,
    classes: tuple[str, ...] | list[str],
    extra: dict[str, Any] | None = None,
) -> None:
    """Plain content only (tensors, dicts, lists, str, numbers): ``torch.load(weights_only=True)`` reads it.
    ``extra`` must hold plain values too (e.g. the FeatureConfig as a dict, training metrics)."""
    if len(classes) != model.cfg.n_classes:
        raise ValueError(f"{len(classes)} class names for a {model.cfg.n_classes}-class model")
    state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    payload = {
        "format": FORMAT,
        "config": asdict(model.cfg),
        "state_dict": state,
        "classes": list(classes),
        "extra": dict(extra or {}),
    }
    torch.save(payload, str(path))


def load(path: str | Path) -> tuple[PoseTSM, tuple[str, ...], dict[str, Any]]:
    """→ (model in eval mode, class names, extra)."""
    payload = torch.load(str(path), map_location="cpu", weights_only=True)
    if payload.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} checkpoint")
    config = dict(payload["config"])
    if config.get("joints") is not None:
        config["joints"] = tuple(config["joints"])
    model = PoseTSM(PoseTSMConfig(**config))
    model.load_state_dict(payload["state_dict"])
    model.eval()
    return model, tuple(payload["classes"]), dict(payload["extra"])
