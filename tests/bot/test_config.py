"""Settings of the scale-out deployment: database and broker URLs, roles, and their clear errors."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, mask_url

TOKEN = "123456:" + "A" * 30
PG = "postgresql://formcoach:s3cret-pw@db.internal:5432/formcoach"
REDIS = "redis://:r3dis-pw@queue.internal:6379/0"
HOOK = {"FORMCOACH_WEBHOOK_URL": "https://bot.example.com/hook", "FORMCOACH_WEBHOOK_SECRET": "abc"}


def settings(**env: str) -> Settings:
    return Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, **env})


def test_defaults_are_the_embedded_bot() -> None:
    s = settings()
    assert (s.role, s.database_url, s.broker_url, s.uses_broker, s.runs_scheduler) == (
        "all",
        None,
        None,
        False,
        True,
    )
    assert s.store_target == s.db_path  # the SQLite file


def test_a_full_scale_out_front_end() -> None:
    s = settings(
        FORMCOACH_ROLE="FRONTEND",
        FORMCOACH_DATABASE_URL=PG,
        FORMCOACH_BROKER_URL=REDIS,
        FORMCOACH_TASK_TIME_LIMIT_S="120",
        **HOOK,
    )
    assert (s.role, s.store_target, s.uses_broker, s.runs_scheduler, s.task_time_limit_s) == (
        "frontend",
        PG,
        True,
        False,
        120,
    )
    shown = repr(s)
    assert "s3cret-pw" not in shown and "r3dis-pw" not in shown and TOKEN not in shown
    assert "formcoach:***@db.internal" in shown and "redis://:***@queue.internal" in shown


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"FORMCOACH_ROLE": "boss"}, "FORMCOACH_ROLE must be one of all, frontend, worker, scheduler"),
        ({"FORMCOACH_DATABASE_URL": "mysql://x@y/z"}, "FORMCOACH_DATABASE_URL must be a postgresql://"),
        ({"FORMCOACH_DATABASE_URL": PG, "FORMCOACH_BROKER_URL": "amqp://x"}, "redis:// or rediss://"),
        ({"FORMCOACH_BROKER_URL": REDIS}, "FORMCOACH_BROKER_URL needs FORMCOACH_DATABASE_URL"),
        ({"FORMCOACH_ROLE": "worker", "FORMCOACH_DATABASE_URL": PG}, "worker needs FORMCOACH_BROKER_URL"),
        ({"FORMCOACH_ROLE": "frontend", "FORMCOACH_DATABASE_URL": PG, **HOOK}, "needs FORMCOACH_BROKER_URL"),
        (
            {"FORMCOACH_ROLE": "frontend", "FORMCOACH_DATABASE_URL": PG, "FORMCOACH_BROKER_URL": REDIS},
            "needs FORMCOACH_WEBHOOK_URL",
        ),
        ({"FORMCOACH_ROLE": "scheduler"}, "scheduler needs FORMCOACH_DATABASE_URL"),
        ({"FORMCOACH_TASK_TIME_LIMIT_S": "5"}, "FORMCOACH_TASK_TIME_LIMIT_S must be between 30 and 3600"),
    ],
)
def test_bad_combinations_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as error:
        settings(**env)
    assert "s3cret-pw" not in str(error.value) and "r3dis-pw" not in str(error.value)


def test_plain_http_webhooks_only_through_a_self_hosted_bot_api() -> None:
    hook = {"FORMCOACH_WEBHOOK_URL": "http://10.0.0.5:8443/hook", "FORMCOACH_WEBHOOK_SECRET": "abc"}
    with pytest.raises(ConfigError, match="https://"):
        settings(**hook)
    local = settings(TELEGRAM_API_BASE_URL="http://bot-api:8081/bot", **hook)
    assert local.webhook_url == "http://10.0.0.5:8443/hook"


def test_mask_url() -> None:
    assert mask_url("postgresql://u:p@h/d") == "postgresql://u:***@h/d"
    assert mask_url("postgresql://u@h/d") == "postgresql://u@h/d"
    assert mask_url("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_scale_out_tuning_defaults_and_bounds() -> None:
    s = settings()
    assert (s.analysis_threads, s.sweep_s, s.sweep_grace_s, s.log_level) == (1, 60, 120, "INFO")
    tuned = settings(
        FORMCOACH_ANALYSIS_THREADS="0",
        FORMCOACH_SWEEP_S="5",
        FORMCOACH_SWEEP_GRACE_S="30",
        FORMCOACH_LOG_LEVEL="debug",
    )
    shown = (tuned.analysis_threads, tuned.sweep_s, tuned.sweep_grace_s, tuned.log_level)
    assert shown == (0, 5, 30, "DEBUG")
    for env, message in (
        ({"FORMCOACH_ANALYSIS_THREADS": "-1"}, "FORMCOACH_ANALYSIS_THREADS must be between 0 and 64"),
        ({"FORMCOACH_SWEEP_S": "0"}, "FORMCOACH_SWEEP_S must be between 1 and 3600"),
        ({"FORMCOACH_LOG_LEVEL": "loud"}, "FORMCOACH_LOG_LEVEL must be one of DEBUG, INFO"),
    ):
        with pytest.raises(ConfigError, match=message):
            settings(**env)


def test_the_mini_app_settings() -> None:
    url, base = "https://formcoach.example/app", {"TELEGRAM_BOT_TOKEN": TOKEN}
    plain = Settings.from_env(base)
    assert (plain.webapp_url, plain.webapp_port, plain.serves_webapp) == (None, None, False)
    on = Settings.from_env({**base, "FORMCOACH_WEBAPP_URL": url})
    assert (on.webapp_port, on.webapp_max_age_s, on.serves_webapp) == (8080, 86_400, True)
    local = Settings.from_env({**base, "FORMCOACH_WEBAPP_PORT": "9000", "FORMCOACH_WEBAPP_MAX_AGE_S": "3600"})
    assert (local.webapp_url, local.webapp_port, local.webapp_max_age_s) == (None, 9000, 3600)
    for env, message in (
        ({"FORMCOACH_WEBAPP_URL": "http://formcoach.example/app"}, "https://"),
        ({"FORMCOACH_WEBAPP_URL": url + "#week"}, "#fragment"),
        ({"FORMCOACH_WEBAPP_PORT": "0"}, "FORMCOACH_WEBAPP_PORT must be between 1 and 65535"),
        ({"FORMCOACH_WEBAPP_MAX_AGE_S": "5"}, "FORMCOACH_WEBAPP_MAX_AGE_S must be between 60"),
        (
            {
                "FORMCOACH_WEBAPP_URL": url,
                "FORMCOACH_WEBHOOK_URL": "https://bot.example.com",
                "FORMCOACH_WEBHOOK_SECRET": "abc",
            },
            "FORMCOACH_WEBHOOK_URL needs a path of its own",
        ),
    ):
        with pytest.raises(ConfigError, match=message):
            Settings.from_env({**base, **env})
