"""Text → Telegram voice note: OGG container, Opus codec, mono, 48 kHz (what sendVoice shows as a voice).

Engines sit behind the :class:`Speaker` protocol: :class:`GTTSSpeaker` (Google Translate's TTS, online),
:class:`EspeakSpeaker` (espeak-ng, offline; ``apt-get install espeak-ng``), :class:`CachedSpeaker` (phrase
cache on disk) and :class:`FallbackSpeaker` (first engine that answers in time). ``build_speaker`` wires
them from the ``FORMCOACH_TTS`` mode.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import logging
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import av
import numpy as np

log = logging.getLogger(__name__)
OPUS_RATE = 48_000
OPUS_FRAME = 960  # 20 ms at 48 kHz
ESPEAK_BINARY = "espeak-ng"  # not-a-key (a program name, not a locale key)


class SpeechError(RuntimeError):
    """Synthesis failed (engine missing, network down, timeout, undecodable audio)."""


@runtime_checkable
class Speaker(Protocol):
    name: str  # engine id; part of the cache key

    async def synthesize(self, text: str, lang: str) -> bytes:
        """OGG/Opus bytes of ``text`` spoken in ``lang`` (e.g. "ko"); raises SpeechError."""
        ...


# --- conversion ------------------------------------------------------------------------------------


def to_ogg_opus(data: bytes, *, pcm_rate: int | None = None, bitrate: int = 32_000) -> bytes:
    """Any audio PyAV can decode (MP3, WAV, …) — or raw s16le mono PCM at ``pcm_rate`` — to OGG/Opus."""
    try:
        return _encode(_pcm_frames(data, pcm_rate) if pcm_rate else _decoded_frames(data), bitrate)
    except (av.FFmpegError, ValueError, IndexError) as exc:
        raise SpeechError(f"cannot convert audio to OGG/Opus: {exc}") from exc


def ogg_opus_duration(data: bytes) -> float:
    """Seconds of an OGG/Opus file (for sendVoice's ``duration``)."""
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        return (container.duration or 0) / 1_000_000


def _decoded_frames(data: bytes) -> Iterator[av.AudioFrame]:
    with av.open(io.BytesIO(data)) as container:
        if not container.streams.audio:
            raise ValueError("no audio stream")
        yield from container.decode(audio=0)


def _pcm_frames(data: bytes, rate: int) -> Iterator[av.AudioFrame]:
    samples = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
    frame.sample_rate = rate
    yield frame


def _encode(frames: Iterator[av.AudioFrame], bitrate: int) -> bytes:
    out = io.BytesIO()
    resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE, frame_size=OPUS_FRAME)
    encoded = 0
    with av.open(out, "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=OPUS_RATE, layout="mono")
        stream.bit_rate = bitrate
        for frame in frames:
            frame.pts = None
            for chunk in resampler.resample(frame):
                container.mux(stream.encode(chunk))
                encoded += chunk.samples
        for chunk in resampler.resample(None):
            container.mux(stream.encode(chunk))
            encoded += chunk.samples
        container.mux(stream.encode(None))
    if not encoded:
        raise ValueError("no audio samples decoded")
    return out.getvalue()


# --- engines ---------------------------------------------------------------------------------------


class GTTSSpeaker:
    """gTTS (online) in a worker thread; its HTTP timeout and ours are both ``timeout_s``."""

    name = "gtts"

    def __init__(self, timeout_s: float = 4.0, tld: str = "com") -> None:
        self.timeout_s = timeout_s
        self.tld = tld

    async def synthesize(self, text: str, lang: str) -> bytes:
        try:
            mp3 = await asyncio.wait_for(asyncio.to_thread(self._mp3, text, lang), self.timeout_s)
        except TimeoutError as exc:
            raise SpeechError(f"gTTS did not answer within {self.timeout_s}s") from exc
        return await asyncio.to_thread(to_ogg_opus, mp3)

    def _mp3(self, text: str, lang: str) -> bytes:
        from gtts import gTTS  # imported lazily: nothing touches the network before a real synthesis

        buffer = io.BytesIO()
        try:
            tts = gTTS(text=text, lang=lang, tld=self.tld, lang_check=False, timeout=self.timeout_s)
            tts.write_to_fp(buffer)
        except Exception as exc:  # gTTSError, requests' errors, …
            raise SpeechError(f"gTTS failed: {type(exc).__name__}") from exc
        return buffer.getvalue()


class EspeakSpeaker:
    """espeak-ng (offline, robotic but always there): text on stdin, WAV on stdout, then OGG/Opus."""

    name = "espeak"
    VOICES = {"ko": "ko", "en": "en-us"}  # not-a-key (espeak-ng voice names)

    def __init__(self, binary: str = ESPEAK_BINARY, speed_wpm: int = 160, timeout_s: float = 10.0) -> None:
        self.binary = binary
        self.speed_wpm = speed_wpm
        self.timeout_s = timeout_s

    def available(self) -> bool:
        return shutil.which(self.binary) is not None

    async def synthesize(self, text: str, lang: str) -> bytes:
        voice = self.VOICES.get(lang.split("-")[0], lang)
        command = [self.binary, "-v", voice, "-s", str(self.speed_wpm), "-b", "1", "--stdin", "--stdout"]
        try:
            process = await asyncio.create_subprocess_exec(
                *command,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
        except OSError as exc:
            raise SpeechError(f"cannot run {self.binary}: {exc}") from exc
        try:
            wav, err = await asyncio.wait_for(process.communicate(text.encode()), self.timeout_s)
        except TimeoutError as exc:
            process.kill()
            await process.wait()
            raise SpeechError(f"{self.binary} did not finish within {self.timeout_s}s") from exc
        if process.returncode != 0 or not wav.startswith(b"RIFF"):
            detail = err.decode(errors="replace")[:200]
            raise SpeechError(f"{self.binary} failed ({process.returncode}): {detail}")
        return await asyncio.to_thread(to_ogg_opus, wav)


# --- composition -------------------------------------------------------------------------------------


class CachedSpeaker:
    """Phrase cache on disk, keyed by sha256(engine, lang, text); keeps at most ``max_files`` (oldest go)."""

    def __init__(self, inner: Speaker, cache_dir: str | Path, max_files: int = 2000) -> None:
        self.inner = inner
        self.name = inner.name
        self.cache_dir = Path(cache_dir)
        self.max_files = max_files
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}  # phrase → (lock, coroutines using it)

    def path_for(self, text: str, lang: str) -> Path:
        key = hashlib.sha256(f"{self.inner.name}\0{lang}\0{text}".encode()).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.ogg"

    async def synthesize(self, text: str, lang: str) -> bytes:
        path = self.path_for(text, lang)
        async with self._phrase_lock(path.name):  # the same phrase asked twice at once is synthesised once
            if path.exists():
                return await asyncio.to_thread(path.read_bytes)
            data = await self.inner.synthesize(text, lang)
            await asyncio.to_thread(self._store, path, data)
            return data

    @contextlib.asynccontextmanager
    async def _phrase_lock(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def _store(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)  # atomic: readers never see half a file
        self._prune()

    def _prune(self) -> None:
        files = list(self.cache_dir.glob("*/*.ogg"))
        if len(files) <= self.max_files:
            return
        files.sort(key=lambda f: f.stat().st_mtime)
        for old in files[: len(files) - self.max_files]:
            old.unlink(missing_ok=True)


class FallbackSpeaker:
    """Tries speakers in order, each within ``timeout_s``; one that failed sits out ``cooldown_s``."""

    def __init__(
        self,
        speakers: Sequence[Speaker],
        timeout_s: float = 6.0,
        cooldown_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not speakers:
            raise ValueError("FallbackSpeaker needs at least one speaker")
        self.speakers = list(speakers)
        self.name = "fallback(" + ",".join(s.name for s in speakers) + ")"
        self.timeout_s = timeout_s
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._failed_at: dict[int, float] = {}

    async def synthesize(self, text: str, lang: str) -> bytes:
        errors: list[str] = []
        for index in self._order():
            speaker = self.speakers[index]
            try:
                data = await asyncio.wait_for(speaker.synthesize(text, lang), self.timeout_s)
            except Exception as exc:  # SpeechError, TimeoutError, or a bug in an engine: try the next one
                self._failed_at[index] = self._clock()
                errors.append(f"{speaker.name}: {type(exc).__name__}: {exc}")
                log.warning("speech engine %s failed (%s), trying the next", speaker.name, type(exc).__name__)
                continue
            self._failed_at.pop(index, None)
            return data
        raise SpeechError("every speech engine failed: " + "; ".join(errors))

    def _order(self) -> list[int]:
        """Healthy speakers first, in order; those cooling down after a failure last (still a last resort)."""
        now = self._clock()
        cooling = {i for i, t in self._failed_at.items() if now - t < self.cooldown_s}
        return [i for i in range(len(self.speakers)) if i not in cooling] + sorted(cooling)


def build_speaker(mode: str, cache_dir: str | Path, *, espeak_binary: str = ESPEAK_BINARY) -> Speaker | None:
    """The speaker for FORMCOACH_TTS: "auto" (gTTS, else espeak-ng), "gtts", "espeak" or "off" (None)."""
    espeak = EspeakSpeaker(espeak_binary)
    if mode == "off":
        return None
    if mode == "gtts":
        return CachedSpeaker(GTTSSpeaker(), cache_dir)
    if mode == "espeak":
        if not espeak.available():
            raise SpeechError(f"FORMCOACH_TTS=espeak but {espeak_binary} is not installed (apt: espeak-ng)")
        return CachedSpeaker(espeak, cache_dir)
    if mode == "auto":
        chain: list[Speaker] = [CachedSpeaker(GTTSSpeaker(), cache_dir)]
        if espeak.available():
            chain.append(CachedSpeaker(espeak, cache_dir))
        else:
            log.warning("%s not found: voice messages depend on gTTS (online) alone", espeak_binary)
        return FallbackSpeaker(chain)
    raise ValueError(f"unknown TTS mode {mode!r}")
