"""Scoring: one message → the intent whose table rows weigh most, with its slots and runner-up suggestions.

Every intent's score is the sum of the weights of its rows that match (keywords, regexes, slots found).
The best-scoring intent whose required slots were found wins if it reaches the threshold; otherwise the
message is ``unknown``. Ties go to the intent listed first in intents.toml. ``suggestions`` are the
other intents by descending score, padded with the table's fallback list.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.chat.intents.lexicon import IntentSpec, Lexicon, lexicon
from bot.chat.intents.normalize import Text, normalize
from bot.chat.intents.slots import SlotValue, extract

__all__ = ["INTENTS", "UNKNOWN", "Intent", "parse", "scores"]

UNKNOWN = "unknown"
MAX_CHARS = 500  # longer messages are read up to here


@dataclass(frozen=True)
class Intent:
    """What a message asks for.

    ``name``: one of ``INTENTS``; ``slots``: read-only mapping of slot name → value (only the intent's own
    slots, defaults filled in); ``lang``: "ko" when the message holds Hangul, else "en"; ``score``: the
    winning score; ``suggestions``: 2–3 other likely intents, likeliest first, for "did you mean" buttons.
    """

    name: str
    slots: Mapping[str, SlotValue] = field(default_factory=lambda: types.MappingProxyType({}))
    lang: str = "ko"
    score: float = 0.0
    suggestions: tuple[str, ...] = ()

    def get(self, slot: str, default: SlotValue | None = None) -> SlotValue | None:
        """The value of ``slot``, or ``default`` when absent."""
        return self.slots.get(slot, default)


def scores(text: Text, slots: Mapping[str, SlotValue], lex: Lexicon) -> dict[str, float]:
    """Each intent's score for a normalised message and the slots found in it."""
    return {
        spec.name: sum(row.weight for row in spec.rows if row.matches(text, slots)) for spec in lex.intents
    }


def _own_slots(spec: IntentSpec, found: Mapping[str, SlotValue]) -> Mapping[str, SlotValue]:
    own: dict[str, SlotValue] = dict(spec.defaults)
    own.update({name: found[name] for name in spec.slots if name in found})
    return types.MappingProxyType(own)


def parse(message: str, lex: Lexicon | None = None) -> Intent:
    """The intent of one message (never raises for any string; empty text is ``unknown``)."""
    lex = lex or lexicon()
    text = normalize(message[:MAX_CHARS], lex.typos)
    found = extract(text, lex)
    scored = scores(text, found, lex)
    order = {spec.name: i for i, spec in enumerate(lex.intents)}
    ranked = sorted(scored, key=lambda name: (-scored[name], order[name]))
    eligible = [name for name in ranked if all(slot in found for slot in lex.spec(name).require)]
    winner = eligible[0] if eligible and scored[eligible[0]] >= lex.threshold else UNKNOWN
    others = [name for name in ranked if name != winner and scored[name] > 0]
    suggestions = tuple(dict.fromkeys([*others, *lex.fallback]))
    suggestions = tuple(name for name in suggestions if name != winner)[: lex.suggestions]
    slots = _own_slots(lex.spec(winner), found) if winner != UNKNOWN else types.MappingProxyType({})
    return Intent(winner, slots, text.lang, scored.get(winner, 0.0), suggestions)


INTENTS: tuple[str, ...] = (*(spec.name for spec in lexicon().intents), UNKNOWN)
