"""Localised text: Project Fluent messages from ``locales/<locale>/*.ftl``.

    translate("exercise-squat")                        → "스쿼트"
    attribute("exercise-squat", "object")              → "스쿼트를"
    translate("summary-reps", "en", exercise="squat", count=12)

Every ``*.ftl`` of a locale is loaded once into one bundle (so messages may reference messages in other
files of the same locale). Lookups fall back from the requested locale to "ko", then "en"; a key that no
locale has raises KeyError, because an unknown key is a bug. Rendering errors (a missing argument, an
unknown reference) raise ValueError for the same reason.

Arguments: pass str or numbers. Numbers (numpy scalars included) render without grouping separators and
without a spurious ".0": 12 → "12", 12.0 → "12", 1234 → "1234"; a message that wants grouping or a fixed
number of decimals says so itself: ``{ NUMBER($n, useGrouping: "true") }``,
``{ NUMBER($s, maximumFractionDigits: 1) }``. Bidi isolation marks are off (they show up in Telegram).

The locale folder is ``<repository>/locales``, or ``$FORMCOACH_LOCALES_DIR`` when set.
"""

from __future__ import annotations

import functools
import numbers
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast as ftl

__all__ = [
    "DEFAULT_LOCALE",
    "ENV_LOCALES_DIR",
    "LOCALES",
    "all_keys",
    "attribute",
    "clear_cache",
    "fallback_chain",
    "has_key",
    "locales_dir",
    "normalise_locale",
    "translate",
]

LOCALES = ("ko", "en")
DEFAULT_LOCALE = "ko"
ENV_LOCALES_DIR = "FORMCOACH_LOCALES_DIR"
_FALLBACK = ("ko", "en")


@dataclass(frozen=True)
class _Loaded:
    bundle: FluentBundle
    keys: frozenset[str]  # message ids (terms excluded)


def locales_dir() -> Path:
    """``$FORMCOACH_LOCALES_DIR`` if set, else ``locales/`` at the repository root."""
    override = os.environ.get(ENV_LOCALES_DIR)
    return Path(override) if override else Path(__file__).resolve().parents[2] / "locales"


def normalise_locale(locale: str | None) -> str:
    """A Telegram ``language_code`` or similar → our folder name: "ko-KR" → "ko", "EN_us" → "en"."""
    if not locale:
        return DEFAULT_LOCALE
    return locale.replace("_", "-").split("-", 1)[0].strip().lower() or DEFAULT_LOCALE


def fallback_chain(locale: str | None) -> tuple[str, ...]:
    """Locales tried in order: the requested one, then "ko", then "en" (no repeats)."""
    return tuple(dict.fromkeys((normalise_locale(locale), *_FALLBACK)))


def translate(key: str, locale: str = DEFAULT_LOCALE, **args: Any) -> str:
    """The message ``key`` rendered in the first locale of the fallback chain that has it."""
    bundle, message = _find(key, locale)
    if message.value is None:
        raise KeyError(f"locale key {key!r} has attributes only, no value; use attribute()")
    return _format(bundle, message.value, key, args)


def attribute(key: str, attr: str, locale: str = DEFAULT_LOCALE, **args: Any) -> str | None:
    """Attribute ``.attr`` (e.g. ``.voice``, ``.object``) of message ``key``; None if that message lacks it.

    The message is looked up along the fallback chain; the attribute is taken from the locale that has
    the message (never from another locale's copy — a Korean ``.voice`` must not leak into English).
    """
    bundle, message = _find(key, locale)
    pattern = message.attributes.get(attr)
    if pattern is None:
        return None
    return _format(bundle, pattern, f"{key}.{attr}", args)


def has_key(key: str, locale: str = DEFAULT_LOCALE) -> bool:
    """Whether ``translate(key, locale)`` finds the message (fallback chain included)."""
    return any(key in loaded.keys for loaded in _chain(locale))


def all_keys(locale: str) -> set[str]:
    """Message ids of exactly this locale (no fallback); empty for a locale without files."""
    loaded = _loaded(str(locales_dir()), normalise_locale(locale))
    return set(loaded.keys) if loaded else set()


def clear_cache() -> None:
    """Forget loaded bundles (tests that rewrite .ftl files; the bot never needs this)."""
    _load.cache_clear()


def _chain(locale: str | None) -> list[_Loaded]:
    root = str(locales_dir())
    return [loaded for loc in fallback_chain(locale) if (loaded := _loaded(root, loc)) is not None]


def _find(key: str, locale: str | None) -> tuple[FluentBundle, Any]:
    for loaded in _chain(locale):
        if key in loaded.keys:
            return loaded.bundle, loaded.bundle.get_message(key)
    raise KeyError(
        f"unknown locale key {key!r} (tried {', '.join(fallback_chain(locale))} in {locales_dir()})"
    )


def _format(bundle: FluentBundle, pattern: Any, what: str, args: dict[str, Any]) -> str:
    text, errors = bundle.format_pattern(pattern, {name: _to_fluent(name, v) for name, v in args.items()})
    if errors:
        raise ValueError(f"cannot render {what!r}: " + "; ".join(f"{type(e).__name__}: {e}" for e in errors))
    return str(text)


def _to_fluent(name: str, value: Any) -> Any:
    if isinstance(value, bool):
        raise TypeError(f"argument {name!r}: pass a str or a number, not a bool")
    if isinstance(value, numbers.Integral):
        return fluent_number(int(value), useGrouping=False)
    if isinstance(value, numbers.Real):
        return fluent_number(float(value), useGrouping=False)
    return value


def _loaded(root: str, locale: str) -> _Loaded | None:
    result = _load(root, locale)
    if isinstance(result, ValueError):
        raise ValueError(*result.args)  # a fresh one: re-raising the cached object would grow its traceback
    return result


@functools.cache
def _load(root: str, locale: str) -> _Loaded | ValueError | None:
    """One bundle per (folder, locale); a broken folder's error is cached too, so it fails fast."""
    try:
        return _read(Path(root) / locale)
    except ValueError as exc:
        return exc


def _read(folder: Path) -> _Loaded | None:
    locale = folder.name
    files = sorted(folder.glob("*.ftl"))
    if not files:
        return None
    bundle = FluentBundle([locale], use_isolating=False)
    seen: dict[str, Path] = {}
    for path in files:
        resource = FluentResource(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ftl.Junk):
                raise ValueError(f"{path}: cannot parse {entry.content.strip()[:80]!r}")
            if isinstance(entry, ftl.Message | ftl.Term):
                entry_id = ("-" if isinstance(entry, ftl.Term) else "") + entry.id.name
                if entry_id in seen:
                    raise ValueError(f"{path}: {entry_id!r} is already defined in {seen[entry_id].name}")
                seen[entry_id] = path
        bundle.add_resource(resource)
    return _Loaded(bundle, frozenset(k for k in seen if not k.startswith("-")))
