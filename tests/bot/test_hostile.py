"""Hostile and odd input through the running bot, and a fuzz loop over the media reader.

The corpus (tests/hostile_corpus.py: truncated and bit-flipped MP4s, zero bytes, audio only, one frame,
8K, a header claiming hours, VFR, rotation 90/180/270, GIF, webm/VP9, HEVC .mov, a PNG named .mp4, a
wall, two people) is sent all at once, each clip from its own user, to a bot whose spawned worker
decodes for real (only the pose estimator is FakePose). Each clip gets exactly one clear answer within
a bounded time, the worker's memory stays bounded, no downloaded clip is left behind, and a normal clip
sent after the corpus is answered as usual.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from analysis.classifier import UnknownClassifier
from analysis.media import video
from analysis.report.i18n import translate
from analysis.vocab.types import Clip, Rejection
from bot.jobs.analyzer import Analyzer
from tests.bot.clipbot import answered, clip_bot, summaries
from tests.bot.hostile_corpus import ANALYSED, Item, build, side_by_side
from tests.bot.procmem import peak_rss_mb, rss_mb
from tests.fakes import FakeBotAPI, media
from tests.fakes.pose import FakePose
from tests.paths import CLIPS

FIRST_CHAT = 9100
ANSWER_WITHIN_S = 60.0  # each clip, counted from the moment it was sent (one worker serves them all)
WORKER_PEAK_MB = 450.0  # the decoding worker's high-water mark over the whole corpus (8K included)
REJECTIONS = {"not_video", "corrupt", "too_short", "too_long", "too_large", "no_person"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Item, bytes]]:
    return build(tmp_path_factory.mktemp("hostile"))


def push(botapi: FakeBotAPI, chat: int, item: Item, data: bytes) -> None:
    file_id = botapi.add_file(data, item.mime, item.file_name)
    if item.send_as == "document":
        botapi.push_document(chat, file_id, caption="스쿼트")
    elif item.send_as == "animation":
        botapi.push_animation(chat, file_id, caption="스쿼트")
    else:
        botapi.push_video(chat, file_id, caption="스쿼트")


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_every_odd_clip_gets_one_clear_answer_and_the_bot_keeps_serving(
    botapi: FakeBotAPI, tmp_path: Path, corpus: list[tuple[Item, bytes]]
) -> None:
    data_dir = tmp_path / "data"
    analyzer = Analyzer(1, initializer_args=(FakePose(3, scene=True), UnknownClassifier()), timeout_s=60)
    chats = {FIRST_CHAT + n: item for n, (item, _) in enumerate(corpus)}
    sent_at: dict[int, float] = {}
    async with clip_bot(botapi, data_dir, analyzer=analyzer, max_queue=50) as app:
        assert app is not None
        for chat, (item, data) in zip(chats, corpus, strict=True):
            push(botapi, chat, item, data)
            sent_at[chat] = time.monotonic()
        await botapi.wait_for(lambda: all(summaries(botapi, c) for c in chats), timeout=120)
        normal = FIRST_CHAT - 1
        botapi.push_video(normal, botapi.add_file(_normal_clip(tmp_path)), caption="스쿼트")
        after = (await answered(botapi, normal, timeout=30))[0]
        worker_peak = max(peak_rss_mb(pid) for pid in analyzer.worker_pids())
    with closing(sqlite3.connect(data_dir / "formcoach.sqlite3")) as db:
        outcome = {u: (s, e) for u, s, e in db.execute("SELECT user_id, status, error_code FROM jobs")}
    problems = []
    for chat, item in chats.items():
        answers = summaries(botapi, chat)
        text = answers[0].result["text"] if answers else ""
        status, code = outcome[chat]
        waited = answers[0].at - sent_at[chat] if answers else float("inf")
        got = ANALYSED if status == "done" else code
        if len(answers) != 1 or got != item.expect or waited > ANSWER_WITHIN_S:
            problems.append(
                f"{item.name}: {len(answers)} answers, {got!r} (want {item.expect!r}), {waited:.1f}s"
            )
        if item.expect == ANALYSED and not text.startswith("스쿼트 · "):
            problems.append(f"{item.name}: summary {text[:40]!r}")
        if item.expect in REJECTIONS and ("{" in text or text == translate("failure-generic", "ko")):
            problems.append(f"{item.name}: unclear answer {text!r}")
        if item.note_key and translate(item.note_key, "ko") not in text:
            problems.append(f"{item.name}: the summary does not say {item.note_key}")
    assert not problems, "\n".join(problems)
    assert after.result["text"].startswith("스쿼트 · 3회")
    assert list((data_dir / "tmp").iterdir()) == []  # every downloaded clip was deleted
    assert worker_peak < WORKER_PEAK_MB, f"worker peak {worker_peak:.0f} MB"


def _normal_clip(folder: Path) -> bytes:
    path = media.make_video(str(folder / "normal.mp4"), size=(640, 480), fps=30, seconds=7.0)
    return Path(path).read_bytes()


# --- fuzzing the reader ------------------------------------------------------------------------------

FUZZ_CASES = 150
FUZZ_BUDGET_S = 40.0  # the loop stops early past this (slow machines): bounded in count and time
ONE_FILE_S = 5.0
LEAK_MB = 150.0


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """Bit flips anywhere (headers included), a cut, a duplicated chunk, or several of these."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("flip", "cut", "splice"))
        if kind == "flip":
            start = rng.random() * 0.95
            for _ in range(rng.choice((1, 5, 50, 500))):
                pos = rng.randrange(int(len(out) * start), len(out))
                out[pos] ^= 1 << rng.randrange(8)
        elif kind == "cut":
            del out[rng.randrange(1, len(out)) :]
        elif len(out) > 64:
            a, b = sorted(rng.sample(range(len(out)), 2))
            at = rng.randrange(len(out))
            out[at:at] = out[a : min(b, a + 4096)]
    return bytes(out)


def test_fuzzed_media_never_raises_and_stays_bounded(tmp_path: Path) -> None:
    sources = [
        media.make_video(str(tmp_path / "gop.mp4"), seconds=2.0, options={"preset": "veryfast", "g": "10"}),
        media.make_webm(str(tmp_path / "v.webm"), seconds=1.5),
        media.make_hevc_mov(str(tmp_path / "h.mov"), seconds=1.5),
        media.make_gif(str(tmp_path / "a.gif"), seconds=1.5),
        media.make_video(str(tmp_path / "rot.mp4"), size=(120, 160), seconds=1.5, rotation=90),
    ]
    blobs = [Path(s).read_bytes() for s in sources]
    rng = random.Random(20261124)
    started, before = time.monotonic(), rss_mb()
    outcomes: dict[str, int] = {}
    target = tmp_path / "fuzz.bin"
    done = 0
    for done in range(1, FUZZ_CASES + 1):  # noqa: B007 — done is read after the loop
        target.write_bytes(_mutate(rng.choice(blobs), rng))
        t0 = time.monotonic()
        result = video.probe(str(target))
        if isinstance(result, Clip):
            frames = sum(1 for _ in video.iter_frames(result))
            sum(1 for _ in video.iter_frames(result, start_s=0.3, end_s=1.0))
            key = "clip" if frames else "clip-without-frames"
        else:
            assert isinstance(result, Rejection) and result.code in REJECTIONS | {"too_large"}, result
            key = result.code
        outcomes[key] = outcomes.get(key, 0) + 1
        assert time.monotonic() - t0 < ONE_FILE_S, f"case {done} took {time.monotonic() - t0:.1f}s"
        if time.monotonic() - started > FUZZ_BUDGET_S:
            break
    grown = rss_mb() - before
    assert done >= 50, f"only {done} cases in {FUZZ_BUDGET_S}s"
    assert outcomes.get("clip", 0) and sum(outcomes.get(c, 0) for c in REJECTIONS), outcomes
    assert grown < LEAK_MB, f"memory grew {grown:.0f} MB over {done} damaged files"


# --- with MediaPipe --------------------------------------------------------------------------------------

SQUAT_CLIP = (
    CLIPS / "calimiro_workouttracker/squats/squat_13.mp4"
)


@pytest.mark.slow
@pytest.mark.asyncio
@pytest.mark.skipif(not SQUAT_CLIP.exists(), reason="no ../shared")
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_mediapipe_on_a_wall_and_on_two_people(botapi: FakeBotAPI, tmp_path: Path) -> None:
    """A textured wall: nobody there. Two people (a real squat beside its mirror image): one clear
    analysis of one of them."""
    os.environ.setdefault("GLOG_minloglevel", "2")
    wall = media.make_video(
        str(tmp_path / "wall.mp4"), size=(640, 480), seconds=4.0, pattern=media.textured_frame
    )
    two = side_by_side(str(SQUAT_CLIP), str(tmp_path / "two.mp4"))
    async with clip_bot(botapi, tmp_path / "data", analyzer=Analyzer(1, timeout_s=120)):
        for chat, path in ((FIRST_CHAT, wall), (FIRST_CHAT + 1, two)):
            botapi.push_video(chat, botapi.add_file(Path(path).read_bytes()), caption="스쿼트")
        nobody = (await answered(botapi, FIRST_CHAT, timeout=120))[0]
        both = (await answered(botapi, FIRST_CHAT + 1, timeout=120))[0]
    assert nobody.result["text"] == translate("rejection-no-person", "ko")
    assert both.result["text"].startswith("스쿼트 · ")
    assert len(summaries(botapi, FIRST_CHAT)) == len(summaries(botapi, FIRST_CHAT + 1)) == 1
