"""The house rules: no import circle between modules (function-level imports count), analysis and models
never import bot, the shared vocabulary (analysis.vocab) imports nothing above it, bot.app never imports
the scale-out roles, run-time model code never imports training code, and rooms stay small."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT

PACKAGES = ("analysis", "bot", "models")
MAX_LINES = 400  # a module over this is split, unless it is a data table
DATA_TABLES = {"analysis/vocab/catalog/bodyweight.py", "analysis/vocab/catalog/barbell_dumbbell.py"}
MAX_LOOSE_MODULES = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imported(node: ast.AST, name: str, is_package: bool, known: dict[str, Path]) -> Iterator[str]:
    """The project modules one import statement names (a ``from pkg import mod`` names the submodule)."""
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolve against this module's package
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            yield sub if sub in known else target


def import_graph() -> dict[str, set[str]]:
    """module → the project modules it imports anywhere in its body (TYPE_CHECKING blocks excluded:
    they never run)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(), str(path))
        skip = {id(n) for n in ast.walk(tree) if _type_checking_block(n) for n in ast.walk(n)}
        edges = set()
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _imported(node, name, path.name == "__init__.py", known):
                while target and target not in known:  # an attribute of a module: its module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def _type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_graph_sees_function_level_imports(graph: dict[str, set[str]]) -> None:
    # analysis.classifier imports the model inside a function (torch is heavy): the graph must see it.
    assert "models.classify" in graph["analysis.classifier"]


def test_cycle_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_import_circle(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def room_of(module: str) -> str:
    """A module's room: its subpackage (``bot.chat``, ``analysis.judge`` …), or the module itself when it
    sits at a package's top (``bot.app``, ``analysis.pipeline``, ``models.tsm``)."""
    parts = module.split(".")
    sub = ".".join(parts[:2])
    return sub if len(parts) > 2 or (ROOT / sub.replace(".", "/")).is_dir() else module


def test_rooms_depend_on_each_other_one_way(graph: dict[str, set[str]]) -> None:
    rooms: dict[str, set[str]] = {}
    for module, targets in graph.items():
        here = room_of(module)
        rooms.setdefault(here, set()).update(room_of(t) for t in targets if room_of(t) != here)
    assert cycles(rooms) == []


def test_analysis_and_models_never_import_bot(graph: dict[str, set[str]]) -> None:
    wrong = {m: sorted(t for t in ts if t.split(".")[0] == "bot") for m, ts in graph.items()
             if not m.startswith("bot")}  # fmt: skip
    assert {m: ts for m, ts in wrong.items() if ts} == {}


def test_the_vocabulary_sits_below_everything(graph: dict[str, set[str]]) -> None:
    vocab = {m: ts for m, ts in graph.items() if m.startswith("analysis.vocab")}
    above = {m: sorted(t for t in ts if not t.startswith("analysis.vocab")) for m, ts in vocab.items()}
    assert {m: ts for m, ts in above.items() if ts} == {}


def test_the_app_never_imports_the_roles(graph: dict[str, set[str]]) -> None:
    assert sorted(t for t in graph["bot.app"] if t.startswith("bot.roles")) == []


def test_run_time_model_code_never_imports_training_code(graph: dict[str, set[str]]) -> None:
    run_time = ("models.tsm", "models.features", "models.classify", "models.answer", "analysis.pipeline")
    reached: set[str] = set()
    todo = list(run_time)
    while todo:
        m = todo.pop()
        if m not in reached:
            reached.add(m)
            todo.extend(graph.get(m, ()))
    assert sorted(m for m in reached if m.startswith(("models.train", "models.synth", "models.data"))) == []


def test_modules_are_small_and_rooms_few() -> None:
    long = {str(p.relative_to(ROOT)): n for p in modules().values()
            if (n := len(p.read_text().splitlines())) > MAX_LINES
            and str(p.relative_to(ROOT)) not in DATA_TABLES}  # fmt: skip
    assert long == {}
    folders = {p.parent for p in modules().values()} | {ROOT / "tests"}
    loose = {f: sum(1 for c in f.glob("*.py") if c.name != "__init__.py") for f in folders}
    crowded = {str(f.relative_to(ROOT)): n for f, n in loose.items() if n > MAX_LOOSE_MODULES}
    assert crowded == {}


def test_the_types_crossing_the_process_boundary_keep_their_fields() -> None:
    """The job and its results pickle between the bot and its workers: moving rooms changed none of them."""
    import dataclasses
    import pickle

    from analysis.vocab.types import AnalysisJob, Assessment, Finding, KeyFrame, Rejection

    fields = {t.__name__: [f.name for f in dataclasses.fields(t)]
              for t in (AnalysisJob, Assessment, Rejection, KeyFrame, Finding)}  # fmt: skip
    assert fields == {
        "AnalysisJob": ["path", "exercise_hint", "locale", "render_video",
                        "recent_exercises"],  # the user's recent exercises, the classifier's prior (issue 15)
        "Assessment": ["exercise", "classification", "view", "reps", "rep_times_s", "hold_s", "findings",
                       "rep_grades", "grade", "key_frames", "warnings", "clip", "timings_s", "video_mp4",
                       "rep_metrics",  # per-rep depth and tempo (issue 20), stored for the Mini App
                       "grade_reason",  # why grade is None: not_enough_judged / nothing_judged (issue 14)
                       "rep_evidence"],  # the hysteresis and period counts behind the reps (issue 15)
        "Rejection": ["code", "args"],
        "KeyFrame": ["label", "rep", "sample_index", "jpeg"],
        "Finding": ["condition_id", "rep", "status", "value", "threshold", "unit", "message_key", "joints",
                    "frame"],
    }  # fmt: skip
    job = AnalysisJob("/tmp/clip.mp4", "squat", "en")
    assert pickle.loads(pickle.dumps(job)) == job
    assert pickle.loads(pickle.dumps(Rejection("too_long", {"s": 61}))) == Rejection("too_long", {"s": 61})
