"""Skeletons: the pose estimator (MediaPipe), its cache, and the quality gates on a pose sequence."""
