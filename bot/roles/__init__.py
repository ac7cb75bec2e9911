"""The scale-out roles: Celery app and tasks, webhook server, scheduler, dispatch, CPU budget, and the wiring
that adds them to ``bot.app``'s application (they import the app, never the reverse)."""
