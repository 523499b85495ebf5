"""The console platform: chat with the bot in a terminal, or pipe questions through it."""

from __future__ import annotations

import asyncio
import itertools
import mimetypes
import shlex
import shutil
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.models import (
    Address,
    Button,
    ButtonPress,
    Delivery,
    DeliveryError,
    IncomingMessage,
    Media,
    Outgoing,
    Sender,
    UserRef,
)
from bot.ports import MediaError
from bot.runtime import Runtime

CHAT_ID = "local"
PHOTO_COMMAND = "/photo"


class ConsolePlatform:
    """Prints messages; buttons become numbered choices the user can type."""

    name = "console"

    def __init__(self, write: Callable[[str], None] | None = None, *, pictures: Path | None = None):
        self._write = write or (lambda text: print(text, flush=True))
        self._ids = itertools.count(1)
        self.choices: list[Button] = []
        self.pictures = pictures  # where a picture the bot sends is kept, to be opened

    async def send(self, message: Outgoing) -> Delivery:
        number = next(self._ids)
        if message.image and self.pictures is not None:
            # the core deletes its copy once this returns: keep one the user can open
            kept = self.pictures / f"picture-{number}.png"
            try:
                await asyncio.to_thread(_keep, Path(message.image), kept)
            except OSError as error:
                missing = f"the picture to show is missing: {error}"
                raise DeliveryError(missing, permanent=True) from error
            message = replace(message, image=str(kept))
        self._write(self.render(message))
        return Delivery(message_id=str(number))

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        self._write(f"(message {target.message_id} updated)\n{message.text}")

    async def fetch(self, media: Media, limit: int) -> bytes:
        """The bytes of a local file sent with `/photo` (the MediaSource port), at most
        `limit` of them."""
        if media.platform != "console":
            raise MediaError(f"not a console file: {media.platform}")
        return await asyncio.to_thread(_read_file, Path(media.handle), limit)

    def render(self, message: Outgoing) -> str:
        """Text first (after the picture's path, when there is one), then each button as
        `[n] label`; remembers them for the next input."""
        lines = [f"🤖 [picture: {message.image}]"] if message.image else []
        lines.append(f"{'   ' if message.image else '🤖 '}{message.text}")
        buttons = [button for row in message.buttons for button in row]
        if buttons:
            self.choices = buttons
            for number, button in enumerate(buttons, start=1):
                suffix = f" ({button.url})" if button.url else ""
                lines.append(f"   [{number}] {button.label}{suffix}")
        return "\n".join(lines) + "\n"


def _keep(source: Path, kept: Path) -> None:
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, kept)


def _read_file(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise MediaError(f"the file has {size} bytes, more than {limit}", too_big=True)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise MediaError(f"cannot read {path}: {error.strerror or error}") from error
    if len(data) > limit:
        raise MediaError(f"the file has more than {limit} bytes", too_big=True)
    return data


def photo(args: str) -> tuple[Media, str] | None:
    """`/photo PATH [caption]` (quote a path with spaces): the local file as Media, and the
    caption; None when no path was given."""
    try:
        words = shlex.split(args)
    except ValueError:
        return None
    if not words:
        return None
    path = Path(words[0]).expanduser().resolve()
    try:
        size: int | None = path.stat().st_size
    except OSError:
        size = None  # fetching it will say what is wrong
    mime = mimetypes.guess_type(path.name)[0]
    return Media("console", str(path), size=size, mime=mime, name=path.name), " ".join(words[1:])


def to_event(line: str, platform: ConsolePlatform, sender: Sender) -> IncomingMessage | ButtonPress:
    """A typed line: a number picks a button from the last message, `/photo PATH` sends a
    local picture as if it were a screenshot, anything else is text."""
    key = f"console:{uuid.uuid4().hex}"
    address = Address("console", CHAT_ID)
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(platform.choices):
        button = platform.choices[int(choice) - 1]
        if button.token:
            return ButtonPress(key=key, sender=sender, address=address, token=button.token)
    name, _, args = choice.partition(" ")
    sent = photo(args) if name == PHOTO_COMMAND else None
    if sent is not None:
        media, caption = sent
        image = (media.mime or "").startswith("image/")
        return IncomingMessage(
            key=key,
            sender=sender,
            address=address,
            text=caption,
            attachment="photo" if image else "document",
            media=media,
        )
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
    platform = ConsolePlatform(pictures=runtime.engine.settings.data_dir / "console-pictures")
    runtime.attach(platform)
    sender = Sender(ref=UserRef("console", name), first_name="")
    if interactive:
        print(
            "newcomer-guide console — type a question, a number to press a button, "
            "/photo PATH to send a screenshot, /quit to leave."
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
