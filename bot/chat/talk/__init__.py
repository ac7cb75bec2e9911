"""Talking to the coach: every text message answered (bot.chat.intents → a responder per intent), voice
messages told kindly to type, the chat's short memory (a pending question, the undo button)."""
