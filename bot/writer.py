"""The single writer thread: every database write runs here, one at a time.

Jobs carry a priority so that bookkeeping of delivered messages (marking an outbox row sent)
never waits behind a backlog of incoming events: the shorter that gap, the fewer messages a
crash can make the dispatcher send twice.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
URGENT, NORMAL = 0, 1


class Writer:
    """One thread, a priority queue of jobs, results handed back to the event loop."""

    def __init__(self, name: str = "guide-writer"):
        self._jobs: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            _, _, job = self._jobs.get()
            if job is None:
                return
            job()

    async def run(self, fn: Callable[..., T], *args: object, urgent: bool = False) -> T:
        """Run `fn(*args)` on the writer thread and await its result."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def job() -> None:
            try:
                result = fn(*args)
            except BaseException as error:  # handed to the awaiting coroutine
                loop.call_soon_threadsafe(_settle, future, None, error)
            else:
                loop.call_soon_threadsafe(_settle, future, result, None)

        self._jobs.put((URGENT if urgent else NORMAL, next(self._order), job))
        return await future

    def close(self) -> None:
        """Finish the queued jobs, then stop the thread."""
        self._jobs.put((NORMAL + 1, next(self._order), None))
        self._thread.join(timeout=30)


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
