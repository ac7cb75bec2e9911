"""The page's words: Fluent messages (``locales/<locale>/webapp.ftl`` and the catalog's names) as JSON.

The page gets every ``webapp-*`` message plus the names it shows (``exercise-<id>``, ``condition-<ex>-<id>``,
``grade-<grade>``), rendered by ``analysis.report.i18n`` in one locale (no fallback: ko and en have the same
keys). A ``webapp-*`` message with variables comes as a template: ``{ $count }일 연속`` → ``"{count}일
연속"``, filled in by the page; so those messages use no selectors or functions on their variables. A
catalog message with variables (``exercise-name``) is left out.

``boot_strings`` are the few messages the page needs before it may call the API (the "open in Telegram"
and "could not verify" notices), embedded in the HTML in every locale.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from analysis.report import i18n

__all__ = ["BOOT_KEYS", "PREFIXES", "boot_strings", "page_strings"]

PREFIXES = ("webapp-", "exercise-", "condition-", "grade-")
BOOT_KEYS = (
    "webapp-title",
    "webapp-open-in-telegram",
    "webapp-auth-failed",
    "webapp-not-allowed",
    "webapp-loading",
)


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802 (Visitor's API)
        if node.id.name not in self.names:
            self.names.append(node.id.name)


@functools.cache
def _variables(folder: str) -> dict[str, tuple[str, ...]]:
    """Message id → the variables its value uses, over every .ftl of one locale folder (as i18n loads)."""
    out: dict[str, tuple[str, ...]] = {}
    for path in sorted(Path(folder).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ftl.Message) and entry.value is not None:
                collector = _Variables()
                collector.visit(entry.value)
                out[entry.id.name] = tuple(collector.names)
    return out


@functools.cache
def _strings(folder: str, locale: str) -> dict[str, str]:
    variables = _variables(folder)
    out: dict[str, str] = {}
    for key in sorted(i18n.all_keys(locale)):
        if not key.startswith(PREFIXES) or key not in variables:  # not shown, or attributes only
            continue
        names = variables[key]
        if names and not key.startswith("webapp-"):
            continue
        out[key] = i18n.translate(key, locale, **{name: "{" + name + "}" for name in names})
    return out


def page_strings(locale: str) -> dict[str, str]:
    """Every message the page shows, in ``locale`` ("ko" or "en"), key → text (or ``{name}`` template)."""
    locale = i18n.normalise_locale(locale)
    return dict(_strings(str(i18n.locales_dir() / locale), locale))


def boot_strings(locales: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Locale → the BOOT_KEYS messages."""
    return {loc: {key: page_strings(loc)[key] for key in BOOT_KEYS} for loc in locales}
