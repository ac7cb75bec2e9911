"""deploy/compose.yaml against the code and the guide, without a container engine: every FormCoach service
has a role, sets only variables bot/config.py reads (and documents), and its environment is a valid
configuration of that role; every process deploy/README.md lists is a service of the compose file.

Needs PyYAML (skipped without it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from bot.config import ROLES, Settings
from tests.paths import ROOT

yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (pip install pyyaml)")

COMPOSE = ROOT / "deploy" / "compose.yaml"
GUIDE = ROOT / "deploy" / "README.md"
# what deploy/.env provides (compose refuses to start without them), as plausible values
DOT_ENV = {
    "TELEGRAM_BOT_TOKEN": "123456:" + "A" * 30,
    "POSTGRES_PASSWORD": "pw",
    "FORMCOACH_DOMAIN": "bot.example.com",
    "FORMCOACH_WEBHOOK_SECRET": "s3cret",
}
# processes of the guide without a FORMCOACH_ROLE → the image their service runs
THIRD_PARTY = {"load balancer": "caddy", "PostgreSQL": "postgres", "Redis": "redis"}
_INTERPOLATION = re.compile(r"\$\{(\w+)(?::?[-?][^}]*)?\}")


class RecordingEnv(Mapping[str, str]):
    """An environment that remembers which variables were looked up."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values, self.read = values, set[str]()

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return self.values.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


def interpolate(value: object) -> str:
    return _INTERPOLATION.sub(lambda m: DOT_ENV[m.group(1)], str(value))


@pytest.fixture(scope="module")
def services() -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load(COMPOSE.read_text())["services"])


def formcoach_services(services: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """FormCoach's own services (its image) → their environment, interpolated as compose would."""
    return {
        name: {k: interpolate(v) for k, v in (spec.get("environment") or {}).items()}
        for name, spec in services.items()
        if str(spec.get("image", "")).startswith("formcoach")
    }


def guide_processes() -> list[tuple[str, str]]:
    """(process, role cell) of each row of the guide's "Processes" table."""
    section = GUIDE.read_text().split("## Processes", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # without the header
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows if not row.startswith("|--")]
    return [(c[0], c[1]) for c in cells if not set(c[0]) <= {"-"}]


def test_every_formcoach_service_has_a_role_and_a_valid_configuration(
    services: dict[str, dict[str, Any]],
) -> None:
    ours = formcoach_services(services)
    assert {"frontend", "worker", "scheduler"} <= set(ours)
    for name, env in ours.items():
        assert env.get("FORMCOACH_ROLE") in ROLES, f"service {name}: FORMCOACH_ROLE missing or unknown"
        settings = Settings.from_env(env)  # a ConfigError here names the variable that is wrong
        assert settings.role == env["FORMCOACH_ROLE"]


def test_every_formcoach_variable_is_read_by_the_config_and_documented(
    services: dict[str, dict[str, Any]],
) -> None:
    docs = (ROOT / "README.md").read_text() + GUIDE.read_text()
    for name, env in formcoach_services(services).items():
        recorder = RecordingEnv(env)
        Settings.from_env(recorder)
        for variable in (v for v in env if v.startswith("FORMCOACH_")):
            assert variable in recorder.read, f"service {name} sets {variable}, which bot/config.py ignores"
            assert variable in docs, f"service {name} sets {variable}, which no README documents"


def test_every_process_of_the_guide_is_a_service(services: dict[str, dict[str, Any]]) -> None:
    roles = {env.get("FORMCOACH_ROLE") for env in formcoach_services(services).values()}
    images = {str(spec.get("image", "")).split(":", 1)[0] for spec in services.values()}
    processes = guide_processes()
    assert len(processes) >= 6, "the guide's Processes table was not found"
    for process, role_cell in processes:
        role = re.fullmatch(r"`(\w+)`", role_cell)
        if role is not None:
            assert role.group(1) in roles, f"{process}: no service with FORMCOACH_ROLE={role.group(1)}"
            continue
        assert process in THIRD_PARTY, f"{process}: a new process? map it to its image in THIRD_PARTY"
        assert THIRD_PARTY[process] in images, f"{process}: no {THIRD_PARTY[process]} service"
