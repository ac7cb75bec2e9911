"""Verdicts: measures on skeletons, rule kinds, rep segmentation, view detection, grading, assessment."""
