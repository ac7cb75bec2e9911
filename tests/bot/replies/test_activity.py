"""bot.replies.activity: the spans the periods name in the user's time zone, and the ones before them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.replies.activity import period_span, previous_span

NOW = datetime(2025, 1, 1, 16, 30, tzinfo=UTC)  # Thursday 2 January 01:30 in Seoul; still 1 January in UTC


def test_spans_follow_the_users_local_calendar() -> None:
    seoul = "Asia/Seoul"
    assert period_span("today", NOW, seoul) == (
        datetime(2025, 1, 1, 15, tzinfo=UTC), datetime(2025, 1, 2, 15, tzinfo=UTC)
    )  # fmt: skip
    assert previous_span("today", NOW, seoul) == (
        datetime(2024, 12, 31, 15, tzinfo=UTC), datetime(2025, 1, 1, 15, tzinfo=UTC)
    )  # fmt: skip
    assert period_span("this_week", NOW, seoul)[0] == datetime(2024, 12, 29, 15, tzinfo=UTC)  # Monday 30 Dec
    assert period_span("last_week", NOW, seoul)[0] == datetime(2024, 12, 22, 15, tzinfo=UTC)
    assert previous_span("last_week", NOW, seoul) == period_span("last_week", NOW, seoul, back=1)
    assert period_span("this_month", NOW, seoul) == (
        datetime(2024, 12, 31, 15, tzinfo=UTC), datetime(2025, 1, 31, 15, tzinfo=UTC)
    )  # fmt: skip
    assert previous_span("this_month", NOW, seoul) == (  # December, across the new year
        datetime(2024, 11, 30, 15, tzinfo=UTC), datetime(2024, 12, 31, 15, tzinfo=UTC)
    )  # fmt: skip
    assert period_span("this_month", NOW, "Europe/Berlin")[0] == datetime(2024, 12, 31, 23, tzinfo=UTC)
    assert period_span("all", NOW, seoul) == (None, NOW) and previous_span("all", NOW, seoul) is None
