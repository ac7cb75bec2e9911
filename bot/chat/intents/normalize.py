"""Text normalisation for matching: case, width, punctuation, emoji, spacing, repeats, typos and jamo.

A message is kept in two forms: ``spaced`` (lower case; anything but Hangul, jamo, Latin letters, digits
and ``: ~ -`` turned into spaces; English typos fixed) for word matches, and ``compact`` (``spaced`` with
no spaces at all, Korean typos fixed) for Korean, where spacing varies freely ("스쿼트자세알려줘").
``fuzzy_contains`` matches a word with one jamo-level slip ("알려져" ~ "알려줘", "나아졋" ~ "나아졌").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Text", "decompose", "fuzzy_contains", "has_hangul", "is_hangul_word", "normalize"]

_HANGUL = re.compile(r"[가-힣ㄱ-ㅣ]")
_DROP = re.compile(r"[^0-9a-z가-힣ㄱ-ㅣ:~\- ]+")
_REPEATS = re.compile(r"([a-z가-힣ㄱ-ㅣ])\1{2,}")
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class Text:
    """One message, normalised: the raw text, its ``spaced`` and ``compact`` forms and its language."""

    raw: str
    spaced: str
    compact: str
    lang: str

    @functools.cached_property
    def jamo(self) -> str:
        """``compact`` split into jamo, for matching with a slip."""
        return decompose(self.compact)

    @functools.cached_property
    def syllables(self) -> frozenset[str]:
        """The characters of ``compact``."""
        return frozenset(self.compact)


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable or jamo."""
    return _HANGUL.search(text) is not None


def is_hangul_word(word: str) -> bool:
    """Whether a keyword is matched the Korean way (spaceless substring) rather than as English words."""
    return has_hangul(word)


def _spaced(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).translate(_FULLWIDTH).lower()
    text = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", text)  # a.m. / p.m.
    text = re.sub(r"(?<=[a-z])['’](?=[a-z])", "", text)  # don't → dont, i've → ive
    text = re.sub(r"(?<=\d)[.](?=\d)", ":", text)  # 7.30 → 7:30
    text = _DROP.sub(" ", text)
    text = _REPEATS.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def normalize(raw: str, typos: Mapping[str, str] | None = None) -> Text:
    """``raw`` in both forms, with ``typos`` (written form → intended form) corrected."""
    spaced = _spaced(raw)
    korean: dict[str, str] = {}
    for wrong, right in (typos or {}).items():
        if is_hangul_word(wrong):
            korean[wrong.replace(" ", "")] = right.replace(" ", "")
        else:
            spaced = re.sub(rf"(?<![a-z0-9]){re.escape(wrong)}(?![a-z0-9])", right, spaced)
    compact = spaced.replace(" ", "")
    for wrong in sorted(korean, key=len, reverse=True):
        compact = compact.replace(wrong, korean[wrong])
    return Text(raw=raw, spaced=spaced, compact=compact, lang="ko" if has_hangul(raw) else "en")


def decompose(text: str) -> str:
    """Hangul syllables split into their jamo (conjoining letters); other characters unchanged."""
    out: list[str] = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            out.append(chr(0x1100 + code // 588) + chr(0x1161 + code % 588 // 28))
            if code % 28:
                out.append(chr(0x11A7 + code % 28))
        else:
            out.append(char)
    return "".join(out)


def fuzzy_contains(haystack: str, needle: str, slips: int = 1) -> bool:
    """Whether ``needle`` occurs in ``haystack`` with at most ``slips`` edits (both already decomposed).

    Sellers' approximate substring search: edit distance between the needle and the best substring.
    """
    if not needle:
        return True
    previous = [0] * (len(haystack) + 1)
    for i, wanted in enumerate(needle, 1):
        current = [i] + [0] * len(haystack)
        for j, char in enumerate(haystack, 1):
            current[j] = min(
                previous[j - 1] + (wanted != char),
                previous[j] + 1,
                current[j - 1] + 1,
            )
        if min(current) > slips:  # a row's minimum never falls again
            return False
        previous = current
    return min(previous) <= slips
