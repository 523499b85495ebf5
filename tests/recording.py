"""What an adapter hands to the core, recorded for tests that check the translation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.models import Event, IncomingMessage, Outgoing
from bot.runtime import Runtime


def recorded(runtime: Runtime) -> list[Event]:
    """Every event the adapter hands to the core, from now on (the core still handles it)."""
    events: list[Event] = []
    submit = runtime.submit

    async def recording(event: Event) -> list[Outgoing]:
        events.append(event)
        return await submit(event)

    runtime.submit = recording  # type: ignore[method-assign]
    return events


async def first(events: list[Event], match: Callable[[IncomingMessage], bool]) -> IncomingMessage:
    """The first recorded message that matches, waiting up to five seconds for it."""
    for _ in range(250):
        found = [e for e in events if isinstance(e, IncomingMessage) and match(e)]
        if found:
            return found[0]
        await asyncio.sleep(0.02)
    raise TimeoutError(f"no such event among {events}")
