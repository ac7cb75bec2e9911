"""Tests of the bot, against the fake Bot API over HTTP."""
