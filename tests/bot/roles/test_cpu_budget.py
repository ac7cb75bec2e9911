"""bot.roles.cpu_budget: each Celery worker process claims cores of its own, machine-wide (lock files), and
the
kernel hands a dead process's cores to the next one; the library pools are sized to the budget."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.roles import cpu_budget
from bot.roles.cpu_budget import THREAD_ENV, claim_cores, limit_env
from tests.paths import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity here")
CLAIMANT = (
    "import os, sys, time; from pathlib import Path; from bot.roles.cpu_budget import apply_in_process;"
    "got = apply_in_process(1, Path(sys.argv[1]));"
    "print(got, sorted(os.sched_getaffinity(0)), flush=True); time.sleep(120)"
)


def test_worker_processes_take_distinct_cores_until_they_die(tmp_path: Path) -> None:
    cores = sorted(os.sched_getaffinity(0))
    child = subprocess.Popen(
        [sys.executable, "-c", CLAIMANT, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().split("] [") == [f"[{cores[0]}", f"{cores[0]}]\n"]  # pinned to it
        assert claim_cores(len(cores), tmp_path) == cores[1:]  # the others are free; that one is not
        cpu_budget.release()
    finally:
        child.kill()
        child.wait(10)
    try:
        assert claim_cores(1, tmp_path) == cores[:1]  # the kernel dropped the dead process's claim
        assert claim_cores(len(cores), tmp_path) == cores[1:]
        assert claim_cores(1, tmp_path) == []  # every core taken: the next process runs unpinned
    finally:
        cpu_budget.release()


def test_library_pools_are_sized_to_the_budget() -> None:
    env: dict[str, str] = {"OMP_NUM_THREADS": "8"}
    limit_env(1, env)
    assert {env[name] for name in THREAD_ENV} == {"1"}
    untouched = {"OMP_NUM_THREADS": "8"}
    limit_env(0, untouched)  # 0: the libraries decide
    assert untouched == {"OMP_NUM_THREADS": "8"}
    assert cpu_budget.apply_in_process(0) == []
