"""Scheduled pushes: workout reminders and the Monday weekly summary."""
