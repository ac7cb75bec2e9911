"""``python -m tests.fakes.run_bot [--delay S] [--crash-size WxH]``: the bot exactly as ``python -m bot``
runs it (settings from the environment, token-redacting logs, polling or webhook via
``bot.__main__.serve``), except that its analysis workers use :class:`tests.fakes.pose.FakePose`
(``scene=True``) instead of MediaPipe. For tests that must kill the bot process itself (SIGKILL
mid-job) or talk to its webhook server.
"""

from __future__ import annotations

import argparse
import sys

from analysis.classifier import UnknownClassifier
from bot.__main__ import serve, setup_logging
from bot.config import ConfigError, Settings
from bot.jobs.analyzer import Analyzer
from bot.roles.wiring import build_application
from tests.fakes import pace
from tests.fakes.pose import FakePose


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fakes.run_bot")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds of fake inference per clip")
    parser.add_argument("--crash-size", default=None, help="WxH: workers die on clips of this size")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"run_bot: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.token)
    pace.from_env()
    crash = tuple(int(v) for v in args.crash_size.split("x")) if args.crash_size else None
    pose = FakePose(3, delay_s=args.delay, crash_size=crash, scene=True)  # type: ignore[arg-type]
    analyzer = Analyzer(
        settings.workers,
        initializer_args=(pose, UnknownClassifier()),
        timeout_s=settings.analysis_timeout_s,
    )
    serve(build_application(settings, analyzer=analyzer), settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
