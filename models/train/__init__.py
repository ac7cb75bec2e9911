"""Training, evaluation, calibration and comparison of the classifier (never imported at run time)."""
