"""Locale files (locales/<locale>/*.ftl), the i18n loader, and the locale keys the code uses.

Checked on the real files: every .ftl parses with no junk; ko and en define the same messages with the
same attributes (and no id twice); every catalog exercise and condition has its keys; Korean particles
follow the final syllable; every message renders in every locale with plausible arguments; Korean
sentences use 해요체.

Keys used in code — the convention this test enforces (AST scan of analysis/, bot/, models/):
1. A locale key appears in code as one complete string literal of key shape: lower-case ASCII parts
   joined by hyphens, at least two parts, snake_case allowed inside a part (``KEY_LITERAL``), e.g.
   "warning-truncated", "notjudged-gaze", "cue-squat-heels_down". Every such literal — wherever it
   stands: translate("…"), Finding(message_key="…"), Unjudgeable(id, "…"), a constant, a tuple — must be
   a message id in every locale. Docstrings and text-encoding names ("utf-8", ``NOT_KEYS``) are skipped.
   Do not give other strings that shape; where one is unavoidable, put ``# not-a-key`` on its line.
2. Rejection codes: Rejection("too_short") or Rejection(code="too_short") uses the key
   "rejection-too-short" (Rejection.reason_key); that key must exist.
3. Keys assembled at run time by an f-string ("cue-{exercise}-{condition}") cannot be checked one by one
   here: the literal head ("cue-") must start at least one key, and the module that builds such keys
   tests them itself. Catalog keys (exercise-<id>, condition-<id>-<condition id>) are checked below.
"""

from __future__ import annotations

import ast
import functools
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from analysis.report import i18n
from analysis.vocab.catalog import CATALOG
from tests.paths import ROOT

LOCALES_DIR = ROOT / "locales"
CODE_DIRS = ("analysis", "bot", "models")
KEY_LITERAL = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9_]+)+$")
NOT_A_KEY = "# not-a-key"
NOT_KEYS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32", "us-ascii", "iso-8859-1", "euc-kr"})
PARTICLE_ATTRS = ("object", "subject", "topic")
FORMAL_OK = {"감사합니다"}  # set phrases that stay polite inside 해요체


@pytest.fixture(autouse=True)
def _real_locales(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_LOCALES_DIR, raising=False)


@functools.cache
def _entries(locale: str) -> dict[str, list[ftl.Message | ftl.Term]]:
    """Entry id ("-name" for terms) → its definitions, over every file of the locale."""
    out: dict[str, list[ftl.Message | ftl.Term]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ftl.Message | ftl.Term):
                prefix = "-" if isinstance(entry, ftl.Term) else ""
                out.setdefault(prefix + entry.id.name, []).append(entry)
    return out


def _shape(locale: str) -> dict[str, tuple[bool, tuple[str, ...]]]:
    return {
        key: (defs[0].value is not None, tuple(sorted(a.id.name for a in defs[0].attributes)))
        for key, defs in _entries(locale).items()
    }


# --- the files ---------------------------------------------------------------------------------------


FTL_FILES = sorted(LOCALES_DIR.glob("*/*.ftl"))


@pytest.mark.parametrize("path", FTL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_ftl_parses_without_junk(path: Path) -> None:
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [
        f"{a.code} {a.message}: {j.content.strip()[:60]!r}"
        for j in resource.body
        if isinstance(j, ftl.Junk)
        for a in j.annotations
    ]
    assert not junk, junk


def test_every_locale_has_files_and_the_same_messages_and_attributes() -> None:
    assert i18n.LOCALES == ("ko", "en")
    shapes = {loc: _shape(loc) for loc in i18n.LOCALES}
    assert all(shapes.values()), "a locale folder has no .ftl files"
    ko, en = shapes["ko"], shapes["en"]
    assert sorted(ko.keys() - en.keys()) == [], "only in ko"
    assert sorted(en.keys() - ko.keys()) == [], "only in en"
    assert {k: v for k, v in ko.items() if en[k] != v} == {}, "value/attributes differ between ko and en"


def test_no_id_is_defined_twice_in_a_locale() -> None:
    for loc in i18n.LOCALES:
        assert [k for k, defs in _entries(loc).items() if len(defs) > 1] == [], loc


# --- the catalog's keys ------------------------------------------------------------------------------


def test_every_exercise_and_condition_has_its_keys() -> None:
    for loc in i18n.LOCALES:
        keys = i18n.all_keys(loc)
        for ex in CATALOG.values():
            assert f"exercise-{ex.id}" in keys, (loc, ex.id)
            for attr in PARTICLE_ATTRS:
                assert i18n.attribute(f"exercise-{ex.id}", attr, loc), (loc, ex.id, attr)
            for cond in ex.conditions:
                assert f"condition-{ex.id}-{cond.id}" in keys, (loc, ex.id, cond.id)


def _has_batchim(word: str) -> bool:
    last = word[-1]
    assert "가" <= last <= "힣", f"{word!r} must end in a Hangul syllable to take a particle"
    return (ord(last) - ord("가")) % 28 != 0


def test_korean_particles_follow_the_final_syllable() -> None:
    for ex in CATALOG.values():
        name = i18n.translate(f"exercise-{ex.id}", "ko")
        pick = 0 if _has_batchim(name) else 1
        expected = {"object": "을를"[pick], "subject": "이가"[pick], "topic": "은는"[pick]}
        for attr, particle in expected.items():
            assert i18n.attribute(f"exercise-{ex.id}", attr, "ko") == name + particle, (ex.id, attr)
    assert i18n.attribute("exercise-squat", "object") == "스쿼트를"
    assert i18n.attribute("exercise-biceps_curl", "object") == "덤벨 컬을"
    assert i18n.attribute("exercise-plank", "object") == "플랭크를"


def test_korean_display_names_are_clean() -> None:
    for ex in CATALOG.values():
        for cond in ex.conditions:
            text = i18n.translate(f"condition-{ex.id}-{cond.id}", "ko")
            assert text == text.strip() and not re.search("과조한|상관과|여부", text), (ex.id, cond.id, text)
    assert i18n.translate("exercise-squat") == "스쿼트"
    assert i18n.translate("exercise-jumping_jack") == "점핑잭"


def test_exercise_name_selector_covers_every_exercise() -> None:
    for loc in i18n.LOCALES:
        for ex in CATALOG.values():
            key = f"exercise-{ex.id}"
            assert i18n.translate("exercise-name", loc, exercise=ex.id) == i18n.translate(key, loc)
            for attr in PARTICLE_ATTRS:
                got = i18n.attribute("exercise-name", attr, loc, exercise=ex.id)
                assert got == i18n.attribute(key, attr, loc), (loc, ex.id, attr)
    assert i18n.translate("exercise-name", exercise="not_an_exercise") == "운동"


# --- every message renders ---------------------------------------------------------------------------


class _Variables(Visitor):
    """$variables of a message, following message references (they share the caller's arguments)."""

    def __init__(self, entries: dict[str, list[ftl.Message | ftl.Term]]) -> None:
        super().__init__()
        self.entries, self.names, self.seen = entries, set[str](), set[str]()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)

    def visit_MessageReference(self, node: ftl.MessageReference) -> None:  # noqa: N802
        if node.id.name not in self.seen and node.id.name in self.entries:
            self.seen.add(node.id.name)
            self.visit(self.entries[node.id.name][0])

    def visit_TermReference(self, node: ftl.TermReference) -> None:  # noqa: N802
        pass  # a term's $variables are its own parameters, not the caller's arguments


def _plausible(name: str) -> Any:
    if name == "exercise":
        return "squat"
    if re.search(r"(date|when|day)$", name):
        return datetime(2025, 3, 14, 7, 30)
    return 12


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_every_message_renders(locale: str) -> None:
    entries, failures = _entries(locale), []
    for key, defs in entries.items():
        if key.startswith("-"):
            continue
        collector = _Variables(entries)
        collector.visit(defs[0])
        args = {name: _plausible(name) for name in collector.names}
        attrs = ([""] if defs[0].value is not None else []) + [a.id.name for a in defs[0].attributes]
        for attr in attrs:  # "" = the value
            what = f"{key}.{attr}" if attr else key
            try:
                if attr:
                    text = i18n.attribute(key, attr, locale, **args)
                else:
                    text = i18n.translate(key, locale, **args)
            except Exception as exc:  # noqa: BLE001 — collect every failure, report once
                failures.append(f"{what}: {exc}")
                continue
            if not text or not text.strip() or "\u2068" in text or "\u2069" in text:
                failures.append(f"{what}: rendered {text!r}")
    assert failures == []


class _Texts(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def visit_TextElement(self, node: ftl.TextElement) -> None:  # noqa: N802
        self.texts.append(node.value)


def test_korean_sentences_use_haeyo_style() -> None:
    formal = []
    for key, defs in _entries("ko").items():
        collector = _Texts()
        collector.visit(defs[0])
        for word in re.findall(r"[가-힣]*(?:니다|니까)\b", " ".join(collector.texts)):
            if word not in FORMAL_OK:
                formal.append(f"{key}: {word}")
    assert formal == [], "use 해요체 (…해요 / …예요), not 합쇼체 (…합니다)"


# --- keys used in code -------------------------------------------------------------------------------


def _scan_source(source: str, where: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Keys (literals and Rejection codes) and f-string heads used in ``source``, each with "file:line"."""
    tree, lines = ast.parse(source), source.splitlines()
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    fstring_parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    keys: list[tuple[str, str]] = []
    heads: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        lineno = getattr(node, "lineno", None)
        if lineno is None or NOT_A_KEY in lines[lineno - 1]:
            continue
        at = f"{where}:{lineno}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            skip = id(node) in docstrings or id(node) in fstring_parts or node.value in NOT_KEYS
            if not skip and KEY_LITERAL.match(node.value):
                keys.append((node.value, at))
        elif isinstance(node, ast.JoinedStr):
            template = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            head = template.split("{", 1)[0]
            if "-" in head and KEY_LITERAL.match(template.replace("{}", "x")):
                heads.append((head, at))
        elif isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            if name == "Rejection":
                by_name = {k.arg: k.value for k in node.keywords}
                code = node.args[0] if node.args else by_name.get("code")
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    keys.append((f"rejection-{code.value.replace('_', '-')}", at))
    return keys, heads


@functools.cache
def _code_uses() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    keys: list[tuple[str, str]] = []
    heads: list[tuple[str, str]] = []
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            found = _scan_source(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
            keys += found[0]
            heads += found[1]
    return tuple(keys), tuple(heads)


def test_scanner_follows_the_convention() -> None:
    sample = '''"""hint-film-side"""
translate("warning-truncated", locale)
Finding(message_key="cue-squat-heels_down")
Unjudgeable("gaze_up", "notjudged-gaze")
open(path, encoding="utf-8")
MODE = "x-secret-token"  # not-a-key
Rejection("too_short")
Rejection(code="no_person", args={})
key = f"cue-{exercise}-{condition}"
path = f"out-{n}.jpg"
label = "plain words"
'''
    keys, heads = _scan_source(sample, "x.py")
    assert sorted(keys) == [
        ("cue-squat-heels_down", "x.py:3"),
        ("notjudged-gaze", "x.py:4"),
        ("rejection-no-person", "x.py:8"),
        ("rejection-too-short", "x.py:7"),
        ("warning-truncated", "x.py:2"),
    ]
    assert heads == [("cue-", "x.py:9")]


def test_keys_used_in_code_exist_in_every_locale() -> None:
    known = {loc: i18n.all_keys(loc) for loc in i18n.LOCALES}
    missing = sorted(
        {
            f"{key} ({', '.join(loc for loc in i18n.LOCALES if key not in known[loc])}) at {at}"
            for key, at in _code_uses()[0]
            if any(key not in known[loc] for loc in i18n.LOCALES)
        }
    )
    assert missing == []


def test_keys_built_in_code_have_a_matching_family() -> None:
    known = {loc: i18n.all_keys(loc) for loc in i18n.LOCALES}
    orphans = sorted(
        {
            f"{head}… at {at}"
            for head, at in _code_uses()[1]
            if any(not any(k.startswith(head) for k in known[loc]) for loc in i18n.LOCALES)
        }
    )
    assert orphans == []


# --- the loader, on a throwaway locale folder --------------------------------------------------------


@pytest.fixture
def tiny_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files = {
        "ko/a.ftl": "only-ko = 한국어만\n"
        "reps = { $count }회\n"
        "    .voice = { $count }번\n"
        "-brand = 폼코치\n"
        "brand-line = { -brand }예요\n"
        "attr-only =\n    .object = 객체\n",
        "ko/b.ftl": "second-file = 두 번째 { only-ko }\n",
        "en/a.ftl": "only-en = English only\nreps = { $count } reps\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv(i18n.ENV_LOCALES_DIR, str(tmp_path))
    return tmp_path


def test_numbers_render_plainly(tiny_locales: Path) -> None:
    for value in (12, 12.0, np.int64(12), np.float32(12.0)):
        assert i18n.translate("reps", count=value) == "12회"
    assert i18n.translate("reps", count=4.5) == "4.5회"
    assert i18n.translate("reps", "en", count=1234) == "1234 reps"
    assert "\u2068" not in i18n.translate("reps", count=3)
    with pytest.raises(TypeError):
        i18n.translate("reps", count=True)
    with pytest.raises(ValueError, match="count"):
        i18n.translate("reps")


def test_fallback_chain(tiny_locales: Path) -> None:
    assert i18n.fallback_chain("en-US") == ("en", "ko")
    assert i18n.fallback_chain("ja") == ("ja", "ko", "en")
    assert i18n.translate("only-en", "ko") == "English only"  # ko → en
    assert i18n.translate("only-ko", "en") == "한국어만"  # en → ko
    assert i18n.translate("reps", "ja", count=2) == "2회"  # unknown locale → ko
    assert i18n.translate("reps", "en_GB", count=2) == "2 reps"
    assert i18n.translate("second-file") == "두 번째 한국어만"  # one bundle per locale, across files
    assert i18n.translate("brand-line") == "폼코치예요"
    with pytest.raises(KeyError, match="no-such-key"):
        i18n.translate("no-such-key")
    with pytest.raises(KeyError):
        i18n.translate("attr-only")


def test_attributes_keys_and_listing(tiny_locales: Path) -> None:
    assert i18n.attribute("reps", "voice", "ko", count=3) == "3번"
    assert i18n.attribute("reps", "voice", "en", count=3) is None  # the Korean .voice never leaks into en
    assert i18n.attribute("attr-only", "object") == "객체"
    with pytest.raises(KeyError):
        i18n.attribute("no-such-key", "voice")
    assert i18n.has_key("only-en", "ko") and i18n.has_key("only-ko", "en") and not i18n.has_key("nope-x")
    assert i18n.all_keys("ko") == {"only-ko", "reps", "brand-line", "attr-only", "second-file"}
    assert i18n.all_keys("en") == {"only-en", "reps"}
    assert i18n.all_keys("ja") == set()


def test_broken_or_duplicate_files_raise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LOCALES_DIR, str(tmp_path))
    (tmp_path / "ko").mkdir()
    (tmp_path / "ko" / "a.ftl").write_text("ok = 좋아요\nbroken = { $x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot parse"):
        i18n.translate("ok")
    (tmp_path / "ko" / "a.ftl").write_text("ok = 좋아요\n", encoding="utf-8")
    (tmp_path / "ko" / "b.ftl").write_text("ok = 또\n", encoding="utf-8")
    i18n.clear_cache()
    with pytest.raises(ValueError, match="already defined"):
        i18n.translate("ok")
    i18n.clear_cache()


def test_default_locale_folder_is_the_repository_one() -> None:
    assert i18n.locales_dir() == LOCALES_DIR
    assert i18n.normalise_locale("ko-KR") == "ko" and i18n.normalise_locale(None) == "ko"
