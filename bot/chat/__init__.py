"""Telegram callbacks: clips in, commands, buttons, settings and reminder flows, and the conversation."""
