"""Tests of the commands, settings and reminder flows."""
