"""FormCoach's analysis: pure, synchronous video → pose → exercise → reps → verdicts → annotated frames."""
