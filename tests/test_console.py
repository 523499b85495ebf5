"""The console platform: a local picture sent with /photo, and pictures the bot sends shown
by their path."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.console import ConsolePlatform, to_event
from bot.models import (
    Address,
    Button,
    ButtonPress,
    DeliveryError,
    IncomingMessage,
    Media,
    Outgoing,
    Sender,
    UserRef,
)
from bot.ports import MediaError, MediaSource

ME = Sender(UserRef("console", "you"))
SCREENSHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def sent(line: str, platform: ConsolePlatform | None = None) -> IncomingMessage:
    event = to_event(line, platform or ConsolePlatform(), ME)
    assert isinstance(event, IncomingMessage)
    return event


async def test_a_local_picture_is_sent_like_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "my screen.png"
    shot.write_bytes(SCREENSHOT)
    event = sent(f'/photo "{shot}" what is this?')
    assert (event.attachment, event.text) == ("photo", "what is this?")
    assert event.media == Media(
        "console", str(shot), len(SCREENSHOT), "image/png", name="my screen.png"
    )
    platform = ConsolePlatform()
    assert isinstance(platform, MediaSource)
    assert await platform.fetch(event.media, 10_000) == SCREENSHOT
    with pytest.raises(MediaError) as refused:
        await platform.fetch(event.media, 100)
    assert refused.value.too_big


async def test_other_files_missing_files_and_no_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF")
    event = sent(f"/photo {notes}")
    assert (event.attachment, event.text) == ("document", "")
    assert event.media is not None and event.media.mime == "application/pdf"

    gone = sent(f"/photo {tmp_path / 'gone.png'}")
    assert gone.media is not None and gone.media.size is None
    with pytest.raises(MediaError, match="cannot read") as refused:
        await ConsolePlatform().fetch(gone.media, 10_000)
    assert not refused.value.too_big
    with pytest.raises(MediaError):
        await ConsolePlatform().fetch(Media("telegram", str(notes)), 10_000)

    for line in ("/photo", '/photo "unbalanced', "/photograph x"):
        plain = sent(line)
        assert (plain.text, plain.media, plain.attachment) == (line, None, None)


async def test_a_picture_from_the_bot_is_shown_by_its_path(tmp_path: Path) -> None:
    printed: list[str] = []
    platform = ConsolePlatform(printed.append)
    out = Outgoing(
        Address("console", "local"),
        "设置 = Settings",
        buttons=((Button("👍", token="up"),),),
        image=str(tmp_path / "labelled.png"),  # printed, never opened: it may be gone already
    )
    await platform.send(out)
    assert printed == [
        f"🤖 [picture: {tmp_path / 'labelled.png'}]\n   设置 = Settings\n   [1] 👍\n"
    ]
    assert isinstance(to_event("1", platform, ME), ButtonPress)


async def test_the_console_keeps_a_copy_of_a_picture_to_open(tmp_path: Path) -> None:
    printed: list[str] = []
    platform = ConsolePlatform(printed.append, pictures=tmp_path / "kept")
    sent = tmp_path / "labelled.png"
    sent.write_bytes(b"png")
    await platform.send(Outgoing(Address("console", "local"), "1. 设置", image=str(sent)))
    sent.unlink()  # as the core does once it is delivered
    kept = tmp_path / "kept" / "picture-1.png"
    assert kept.read_bytes() == b"png" and printed[0].startswith(f"🤖 [picture: {kept}]")
    with pytest.raises(DeliveryError):
        await platform.send(Outgoing(Address("console", "local"), "gone", image=str(sent)))
