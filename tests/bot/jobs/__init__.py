"""Tests of the clip jobs: the analysis pool."""
