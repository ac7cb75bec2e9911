"""Tests of the classifier and its training code."""
