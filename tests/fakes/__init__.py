"""Test doubles that speak real protocols (no mocks): ``FakeBotAPI`` is a Telegram Bot API over HTTP."""

from tests.fakes.botapi import DEFAULT_TOKEN, Call, FakeBotAPI
from tests.fakes.botapi_methods import StoredFile, UploadedFile

__all__ = ["DEFAULT_TOKEN", "Call", "FakeBotAPI", "StoredFile", "UploadedFile"]
