"""Scheduled pushes: workout reminders and the Monday weekly summary, sent through a durable outbox."""
