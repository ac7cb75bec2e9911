"""Tests of answer formatting, charts and voice."""
