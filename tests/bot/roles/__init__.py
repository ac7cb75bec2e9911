"""Tests of the scale-out roles (Celery, webhook, scheduler, dispatch)."""
