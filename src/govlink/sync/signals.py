"""Stop a worker gracefully: a signal (SIGTERM by default) sets an event the worker checks
between companies, so the company in hand is finished and recorded first."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["stop_on_signals"]


@contextmanager
def stop_on_signals(*signals: signal.Signals) -> Iterator[threading.Event]:
    """An event set when one of ``signals`` (default: SIGTERM) arrives; the previous handlers
    come back on exit. Call from the main thread (Python delivers signals there).

    >>> import os
    >>> with stop_on_signals() as stop:
    ...     os.kill(os.getpid(), signal.SIGTERM)
    ...     stop.wait(5)
    True
    """
    stop = threading.Event()

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    chosen = signals or (signal.SIGTERM,)
    previous = {sig: signal.signal(sig, handle) for sig in chosen}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
