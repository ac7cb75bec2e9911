"""Where the tests find the repository and the shared real data (``../shared/data`` beside the checkout)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CLIPS = SHARED / "clips"
