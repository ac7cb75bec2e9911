"""FormCoach's Telegram bot (python-telegram-bot): the only package that imports telegram and does I/O."""
