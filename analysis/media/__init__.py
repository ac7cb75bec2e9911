"""Clips in: probing, decoding (rotation applied, sampled, downscaled) and prefetching video frames."""
