"""Clip jobs: the stored queue and its workers, the analysis process pool, sending the answers."""
