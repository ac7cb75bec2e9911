"""The Celery application of the scale-out deployment: front ends send each stored job's id to the
``formcoach.clips`` queue on Redis (FORMCOACH_BROKER_URL); workers analyse and answer
(bot.roles.worker_tasks).

Delivery guarantees, and the settings that give them:

* ``task_acks_late`` + ``task_reject_on_worker_lost``: a message is acknowledged only after its task
  returned; when the process running it dies (SIGKILL, OOM, a segfault in MediaPipe) the message goes
  back to the queue at once and another worker process takes it.
* ``worker_prefetch_multiplier = 1``: a worker process reserves one message at a time, so a slow clip
  never holds others hostage and a dead worker takes only its own job with it.
* ``visibility_timeout`` (Redis): a message whose whole worker *node* vanished (no process left to reject
  it) is delivered again after this long; it is longer than the task time limit, so a clip that is
  still being analysed is never handed out twice.
* ``task_time_limit``: the worker process of a task running longer is killed and replaced; the task's own
  timeout (bot.roles.worker_tasks) answers the user before that.
* The task is idempotent: ``Store.start_job`` ignores finished jobs and ``Store.mark_answered`` lets one
  answer through, so a redelivered message never answers twice.

Start workers with ``FORMCOACH_ROLE=worker python -m bot`` (``run_worker``): a prefork pool of
FORMCOACH_WORKERS processes; each loads MediaPipe and the classifier once, in ``worker_process_init``
(after the fork — the parent never runs a pose model).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from celery import Celery

from bot.config import Settings

TASK_NAME = "formcoach.analyse_clip"
QUEUE = "formcoach.clips"


def visibility_timeout_s(settings: Settings) -> int:
    """How long an unacknowledged message waits before Redis hands it out again."""
    return max(600, 2 * settings.task_time_limit_s)


def create_celery(settings: Settings) -> Celery:
    """The Celery app of front ends (sending) and workers (running ``TASK_NAME``)."""
    if settings.broker_url is None:
        raise ValueError("create_celery needs settings.broker_url")
    app = Celery("formcoach", broker=settings.broker_url, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=settings.task_time_limit_s,
        task_default_queue=QUEUE,
        task_ignore_result=True,  # results live in the database; no result backend
        task_serializer="json",
        accept_content=["json"],
        broker_transport_options={"visibility_timeout": visibility_timeout_s(settings)},
        broker_connection_retry_on_startup=True,
        worker_cancel_long_running_tasks_on_connection_loss=True,  # they are redelivered instead
        worker_hijack_root_logger=False,  # bot.__main__ set logging up (token redaction)
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    from bot.roles import worker_tasks

    app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True)(worker_tasks.analyse_clip)
    return app


def send_job(app: Celery, job_id: int) -> None:
    """Queue one stored job for the workers (blocking: call it in a thread from async code)."""
    app.send_task(TASK_NAME, args=(job_id,), task_id=f"formcoach.job.{job_id}", queue=QUEUE)


def worker_argv(settings: Settings, extra: Sequence[str] = ()) -> list[str]:
    """``celery worker`` arguments: one prefork pool of FORMCOACH_WORKERS processes on the clips queue."""
    return [
        "worker",
        "--pool=prefork",
        f"--concurrency={settings.workers}",
        f"--queues={QUEUE}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
        f"--hostname=formcoach.{os.getpid()}@%h",  # unique even with several nodes on one host
        *extra,
    ]


def run_worker(
    settings: Settings, *, initializer_args: tuple[Any, ...] = (), extra: Sequence[str] = ()
) -> int:
    """Run a Celery worker node until SIGTERM (warm shutdown: tasks in progress finish first)."""
    from bot.roles import worker_tasks

    worker_tasks.configure(settings, initializer_args)
    app = create_celery(settings)
    app.worker_main(worker_argv(settings, extra))
    return 0
