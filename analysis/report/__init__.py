"""Output: annotated frames, key-frame choice, the CLI's JSON report and the Fluent messages (i18n)."""
