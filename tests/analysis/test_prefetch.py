import threading

import pytest

from analysis.media.prefetch import prefetch


def test_prefetch_yields_everything_in_order_from_another_thread():
    seen_threads = set()

    def gen():
        for i in range(50):
            seen_threads.add(threading.current_thread().name)
            yield i

    assert list(prefetch(gen(), depth=3)) == list(range(50))
    assert seen_threads == {"prefetch"}


def test_prefetch_reraises_producer_errors():
    def gen():
        yield 1
        raise ValueError("boom")

    it = prefetch(gen())
    assert next(it) == 1
    with pytest.raises(ValueError, match="boom"):
        next(it)


def test_abandoned_prefetch_stops_its_producer():
    produced = []

    def gen():
        for i in range(10_000):
            produced.append(i)
            yield i

    it = prefetch(gen(), depth=2)
    assert next(it) == 0
    it.close()
    n = len(produced)
    threading.Event().wait(0.3)
    assert len(produced) <= n + 3
