"""Free text → intent: a pure, table-driven parser of one chat message (no Telegram, no I/O but its tables).

``parse("월수금 아침 7시에 알려줘")`` gives ``Intent(name="reminder_set", slots={"days": (0, 2, 4),
"time": "07:00"}, lang="ko", ...)``. ``Intent.name`` is one of ``INTENTS`` (``"unknown"`` when nothing
fits), ``Intent.slots`` a read-only mapping, ``Intent.lang`` "ko"/"en", ``Intent.suggestions`` the 2–3
runner-up intents for "did you mean" buttons. The words live in ``data/ko.toml`` and ``data/en.toml``.
"""

from bot.chat.intents.parser import INTENTS, UNKNOWN, Intent, parse
from bot.chat.intents.slots import SlotValue

__all__ = ["INTENTS", "UNKNOWN", "Intent", "SlotValue", "parse"]
