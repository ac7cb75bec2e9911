"""bot.replies.voice: OGG/Opus conversion, espeak-ng, the phrase cache and the fallback chain.

Engines other than espeak-ng are small fake Speaker classes; gTTS is never asked to synthesise anything
(and tests/conftest.py fails any connection that would leave the machine).
"""

from __future__ import annotations

import asyncio
import io
import math
import shutil
import struct
import time
import wave
from pathlib import Path

import av
import pytest

from bot.replies.voice import (
    CachedSpeaker,
    EspeakSpeaker,
    FallbackSpeaker,
    GTTSSpeaker,
    Speaker,
    SpeechError,
    build_speaker,
    ogg_opus_duration,
    to_ogg_opus,
)

pytestmark = pytest.mark.asyncio
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt-get install -y espeak-ng)"
)


def assert_voice_note(data: bytes, min_seconds: float) -> None:
    """What Telegram needs for a voice note: OGG container, Opus, mono, 48 kHz."""
    with av.open(io.BytesIO(data)) as container:
        assert container.format.name == "ogg"
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus"
        assert stream.rate == 48000 and stream.codec_context.layout.nb_channels == 1
        decoded = sum(frame.samples for frame in container.decode(audio=0))
    assert decoded / 48000 > min_seconds
    assert ogg_opus_duration(data) > min_seconds


def wav_tone(seconds: float = 0.8, rate: int = 22050) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (int(8000 * math.sin(2 * math.pi * 330 * i / rate)) for i in range(int(seconds * rate)))
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


class CountingSpeaker:
    """A fake engine: distinct bytes per call, so a cache hit is recognisable."""

    def __init__(self, name: str = "fake") -> None:
        self.name = name
        self.calls: list[tuple[str, str]] = []

    async def synthesize(self, text: str, lang: str) -> bytes:
        self.calls.append((text, lang))
        await asyncio.sleep(0.01)
        return f"OggS|{self.name}|{lang}|{text}|{len(self.calls)}".encode()


class FailingSpeaker(CountingSpeaker):
    async def synthesize(self, text: str, lang: str) -> bytes:
        self.calls.append((text, lang))
        raise SpeechError("engine down")


class SlowSpeaker(CountingSpeaker):
    async def synthesize(self, text: str, lang: str) -> bytes:
        self.calls.append((text, lang))
        await asyncio.sleep(30)
        return b"too late"


@needs_espeak
async def test_espeak_korean_is_a_valid_voice_note() -> None:
    speaker = EspeakSpeaker()
    assert isinstance(speaker, Speaker) and speaker.available()
    data = await speaker.synthesize("스쿼트 여덟 회, 좋아요! 무릎이 안쪽으로 모였어요.", "ko")
    assert_voice_note(data, min_seconds=0.3)


@needs_espeak
async def test_espeak_failure_is_a_speech_error() -> None:
    with pytest.raises(SpeechError):
        await EspeakSpeaker(binary="/nonexistent/espeak-ng").synthesize("안녕", "ko")


async def test_to_ogg_opus_from_wav_pcm_and_garbage() -> None:
    assert_voice_note(to_ogg_opus(wav_tone(0.8)), min_seconds=0.7)
    pcm = b"".join(struct.pack("<h", int(5000 * math.sin(i / 5))) for i in range(16000))
    assert_voice_note(to_ogg_opus(pcm, pcm_rate=16000), min_seconds=0.95)
    with pytest.raises(SpeechError):
        to_ogg_opus(b"this is not audio" * 20)


async def test_cache_returns_identical_bytes_without_calling_inner_again(tmp_path: Path) -> None:
    inner = CountingSpeaker()
    cached = CachedSpeaker(inner, tmp_path)
    first = await cached.synthesize("좋아요", "ko")
    assert await cached.synthesize("좋아요", "ko") == first
    assert len(inner.calls) == 1
    assert await CachedSpeaker(inner, tmp_path).synthesize("좋아요", "ko") == first  # survives a restart
    assert len(inner.calls) == 1
    await cached.synthesize("좋아요", "en")  # language, text and engine are all part of the key
    await cached.synthesize("좋아요!", "ko")
    other_engine = CountingSpeaker("other")
    await CachedSpeaker(other_engine, tmp_path).synthesize("좋아요", "ko")
    assert len(inner.calls) == 3 and len(other_engine.calls) == 1
    assert cached.path_for("좋아요", "ko").read_bytes() == first


async def test_cache_synthesises_a_phrase_once_under_concurrency_and_prunes(tmp_path: Path) -> None:
    inner = CountingSpeaker()
    cached = CachedSpeaker(inner, tmp_path, max_files=3)
    results = await asyncio.gather(*(cached.synthesize("하나 더!", "ko") for _ in range(5)))
    assert len(set(results)) == 1 and len(inner.calls) == 1
    for i in range(5):
        await cached.synthesize(f"문장 {i}", "ko")
    assert len(list(tmp_path.glob("*/*.ogg"))) == 3
    assert not list(tmp_path.glob("*/*.tmp"))


async def test_fallback_uses_second_speaker_when_first_raises() -> None:
    broken, backup = FailingSpeaker("broken"), CountingSpeaker("backup")
    speaker = FallbackSpeaker([broken, backup], timeout_s=1.0)
    assert (await speaker.synthesize("안녕", "ko")).startswith(b"OggS|backup")
    assert len(broken.calls) == 1 and len(backup.calls) == 1


async def test_fallback_uses_second_speaker_when_first_times_out() -> None:
    slow, backup = SlowSpeaker("slow"), CountingSpeaker("backup")
    speaker = FallbackSpeaker([slow, backup], timeout_s=0.2)
    started = time.monotonic()
    assert (await speaker.synthesize("안녕", "ko")).startswith(b"OggS|backup")
    assert time.monotonic() - started < 2.0


async def test_fallback_rests_a_failed_engine_then_retries_it() -> None:
    now = [0.0]
    first, second = FailingSpeaker("first"), CountingSpeaker("second")
    speaker = FallbackSpeaker([first, second], timeout_s=1.0, cooldown_s=60.0, clock=lambda: now[0])
    await speaker.synthesize("a", "ko")
    await speaker.synthesize("b", "ko")  # first is cooling down: not tried before second
    assert len(first.calls) == 1 and len(second.calls) == 2
    now[0] = 61.0
    await speaker.synthesize("c", "ko")
    assert len(first.calls) == 2


async def test_fallback_raises_when_every_engine_fails() -> None:
    speaker = FallbackSpeaker([FailingSpeaker("a"), SlowSpeaker("b")], timeout_s=0.1)
    with pytest.raises(SpeechError, match="every speech engine failed"):
        await speaker.synthesize("안녕", "ko")


async def test_build_speaker_modes(tmp_path: Path) -> None:
    assert build_speaker("off", tmp_path) is None
    auto = build_speaker("auto", tmp_path)
    assert isinstance(auto, FallbackSpeaker)
    inner = [s.inner for s in auto.speakers if isinstance(s, CachedSpeaker)]
    assert isinstance(inner[0], GTTSSpeaker)  # built, never asked to synthesise
    if shutil.which("espeak-ng"):
        assert isinstance(inner[1], EspeakSpeaker)
    gtts = build_speaker("gtts", tmp_path)
    assert isinstance(gtts, CachedSpeaker) and gtts.name == "gtts"
    with pytest.raises(SpeechError, match="not installed"):
        build_speaker("espeak", tmp_path, espeak_binary="/nonexistent/espeak-ng")
    with pytest.raises(ValueError):
        build_speaker("loud", tmp_path)
