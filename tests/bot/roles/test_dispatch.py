"""The front end with a broker (FORMCOACH_BROKER_URL): it stores and acknowledges a clip, then hands the
job to Celery — never to a local analysis pool. These tests need no Redis: one checks what happens when the
broker is down, one that the worker's parent process never loads a pose model (it forks afterwards)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.report.i18n import translate
from bot.app import running
from bot.config import Settings
from bot.context import services
from bot.roles.wiring import build_application
from bot.store.db import JobStatus
from tests.fakes import FakeBotAPI
from tests.fakes.media import make_video
from tests.paths import ROOT

CHAT = 5252


@pytest.mark.asyncio
async def test_a_broker_that_is_down_gets_the_user_an_apology_once(
    botapi: FakeBotAPI, tmp_path: Path
) -> None:
    settings = Settings(
        token=botapi.token,
        api_base_url=botapi.base_url,
        file_base_url=botapi.base_file_url,
        data_dir=tmp_path / "data",
        tts="off",
        broker_url="redis://127.0.0.1:1/0",  # nothing listens there
    )
    clip = Path(make_video(str(tmp_path / "clip.mp4"), seconds=2.0)).read_bytes()
    app = build_application(settings)
    async with running(app):
        botapi.push_video(CHAT, botapi.add_file(clip), caption="스쿼트")
        apology = translate("failure-generic", "ko")
        await botapi.wait_for(
            lambda: any(c.fields.get("text") == apology for c in botapi.calls_for(CHAT, "sendMessage")), 30.0
        )
        store = services(app).store
        job = await store.get_job(1)
        assert job is not None and (job.status, job.error_code) == (JobStatus.FAILED, "internal")
        assert await store.mark_answered(job.id) is False  # the apology was the job's one answer
        assert services(app).analyzer.worker_pids() == []  # no local analysis pool was started
    texts = [c.fields.get("text") for c in botapi.calls_for(CHAT, "sendMessage")]
    assert texts == [translate("clip-received", "ko"), apology]


def test_the_worker_parent_loads_no_pose_model_before_forking() -> None:
    code = (
        "import sys, bot.__main__, bot.roles.celery_app, bot.roles.worker_tasks, tests.fakes.celery_worker;"
        "print(sorted(m for m in ('mediapipe', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
