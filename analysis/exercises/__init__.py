"""Exercises as data: each exercise's rep signal and one rule per AI Hub condition (no per-exercise code)."""
