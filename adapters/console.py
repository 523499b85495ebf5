"""The console platform: chat with the bot in a terminal, or pipe questions through it."""

from __future__ import annotations

import asyncio
import itertools
import sys
import threading
import uuid
from collections.abc import Callable
from typing import TextIO

from bot.models import (
    Address,
    Button,
    ButtonPress,
    Delivery,
    IncomingMessage,
    Outgoing,
    Sender,
    UserRef,
)
from bot.runtime import Runtime

CHAT_ID = "local"


class ConsolePlatform:
    """Prints messages; buttons become numbered choices the user can type."""

    name = "console"

    def __init__(self, write: Callable[[str], None] | None = None):
        self._write = write or (lambda text: print(text, flush=True))
        self._ids = itertools.count(1)
        self.choices: list[Button] = []

    async def send(self, message: Outgoing) -> Delivery:
        self._write(self.render(message))
        return Delivery(message_id=str(next(self._ids)))

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        self._write(f"(message {target.message_id} updated)\n{message.text}")

    def render(self, message: Outgoing) -> str:
        """Text first, then each button as `[n] label`; remembers them for the next input."""
        lines = [f"🤖 {message.text}"]
        buttons = [button for row in message.buttons for button in row]
        if buttons:
            self.choices = buttons
            for number, button in enumerate(buttons, start=1):
                suffix = f" ({button.url})" if button.url else ""
                lines.append(f"   [{number}] {button.label}{suffix}")
        return "\n".join(lines) + "\n"


def to_event(line: str, platform: ConsolePlatform, sender: Sender) -> IncomingMessage | ButtonPress:
    """A typed line: a number picks a button from the last message, anything else is text."""
    key = f"console:{uuid.uuid4().hex}"
    address = Address("console", CHAT_ID)
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(platform.choices):
        button = platform.choices[int(choice) - 1]
        if button.token:
            return ButtonPress(key=key, sender=sender, address=address, token=button.token)
    return IncomingMessage(key=key, sender=sender, address=address, text=line)


def _lines(stream: TextIO) -> asyncio.Queue[str]:
    """Lines of `stream`, read by a daemon thread so a shutdown never waits on a blocked read."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    def pump() -> None:
        while True:
            line = stream.readline()
            loop.call_soon_threadsafe(queue.put_nowait, line)
            if not line:
                return

    threading.Thread(target=pump, name="console-stdin", daemon=True).start()
    return queue


async def chat(
    runtime: Runtime,
    *,
    stdin: TextIO | None = None,
    interactive: bool | None = None,
    name: str = "you",
) -> None:
    """Run a console conversation until end of input (or /quit)."""
    stream = stdin or sys.stdin
    interactive = stream.isatty() if interactive is None else interactive
    platform = ConsolePlatform()
    runtime.attach(platform)
    sender = Sender(ref=UserRef("console", name), first_name="")
    if interactive:
        print(
            "newcomer-guide console — type a question, a number to press a button, /quit to leave."
        )
        await runtime.submit(to_event("/start", platform, sender))
        await runtime.drain()
    lines = _lines(stream)
    while True:
        if interactive:
            print("you> ", end="", flush=True)
        line = await lines.get()
        if not line:
            break
        line = line.rstrip("\n")
        if line.strip() in ("/quit", "/exit"):
            break
        if not line.strip() and not interactive:
            continue
        await runtime.submit(to_event(line, platform, sender))
        await runtime.drain()
