"""FormCoach's tests, mirroring the packages; shared fakes in tests.fakes."""
