"""Persistence: every SQL statement of FormCoach, its drivers (SQLite, PostgreSQL), types and migrations."""
