"""Screenshots on Discord through the real discord.py client and the emulator: an image
attachment reaches the core as Media, its bytes are fetched from the CDN only and within a
limit, and a labelled picture goes back as an uploaded file with the text and buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from recording import first, recorded
from test_discord import Guide, labels
from test_discord import emu as emu  # the fixtures
from test_discord import guide as guide

from bot.models import Address, Button, DeliveryError, Media, Outgoing
from bot.ports import MediaError, MediaSource

SCREENSHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
LABELLED = b"\x89PNG\r\n\x1a\n labelled " + bytes(range(200))
LIMIT = 10 * 1024 * 1024
SHOT = {
    "filename": "screenshot.png",
    "content": SCREENSHOT,
    "content_type": "image/png",
    "width": 1080,
    "height": 1920,
}


def picture(tmp_path: Path) -> str:
    path = tmp_path / "labelled.png"
    path.write_bytes(LABELLED)
    return str(path)


def downloads(guide: Guide) -> int:
    return guide.emu.route_counts["GET /attachments"]


# --- a newcomer posts a screenshot


async def test_an_image_in_a_dm_reaches_the_core_as_media_and_is_fetched(guide: Guide) -> None:
    events = recorded(guide.runtime)
    notes = {"filename": "notes.pdf", "content": b"%PDF", "content_type": "application/pdf"}
    guide.emu.user_sends(guide.dm("alice"), "alice", "what is this?", attachments=[notes, SHOT])
    got = await first(events, lambda e: e.media is not None)
    assert (got.attachment, got.text, got.chat_kind) == ("photo", "what is this?", "private")
    assert got.media is not None and got.media.handle.startswith(guide.emu.base_url)
    media = got.media
    assert (media.platform, media.size, media.mime, media.name) == (
        "discord",
        len(SCREENSHOT),
        "image/png",
        "screenshot.png",
    )
    assert (media.width, media.height) == (1080, 1920)
    assert isinstance(guide.adapter, MediaSource)
    assert await guide.adapter.fetch(media, LIMIT) == SCREENSHOT


async def test_in_a_channel_an_image_is_addressed_only_by_a_mention(guide: Guide) -> None:
    events = recorded(guide.runtime)
    general = guide.emu.general_channel_id
    guide.emu.user_sends(general, "bob", "look", attachments=[SHOT])
    guide.emu.user_sends(general, "bob", "what is this?", attachments=[SHOT], mentions_bot=True)
    chatter = await first(events, lambda e: e.text == "look")
    asked = await first(events, lambda e: e.text == "what is this?")
    assert not chatter.addressed and asked.addressed
    assert asked.media is not None and asked.attachment == "photo"


async def test_fetch_refuses_too_big_files_and_forged_urls(guide: Guide) -> None:
    emu, events = guide.emu, recorded(guide.runtime)
    emu.user_sends(guide.dm("alice"), "alice", "big", attachments=[SHOT])
    emu.user_sends(guide.dm("alice"), "alice", "lying", attachments=[{**SHOT, "size": 10}])
    big = await first(events, lambda e: e.text == "big")
    lying = await first(events, lambda e: e.text == "lying")
    assert big.media is not None and lying.media is not None
    await guide.reply_in(guide.dm("alice"), 2)  # the core fetched both to read them, and replied
    before = downloads(guide)
    with pytest.raises(MediaError) as reported:
        await guide.adapter.fetch(big.media, 1000)
    assert reported.value.too_big and downloads(guide) == before  # the reported size sufficed
    with pytest.raises(MediaError) as counted:
        await guide.adapter.fetch(lying.media, 1000)
    assert counted.value.too_big and downloads(guide) == before + 1

    port = int(emu.port or 0)
    for forged in (
        f"http://127.0.0.1:{port + 1}/attachments/1/2/s.png",  # another local service
        f"http://127.0.0.1:{port}/api/v10/users/@me",  # not an attachment
        "https://evil.example/attachments/1/2/s.png",
        "https://cdn.discordapp.com.evil.example/attachments/1/2/s.png",
        "https://user@cdn.discordapp.com/attachments/1/2/s.png",
        "http://cdn.discordapp.com/attachments/1/2/s.png",
        "file:///etc/passwd",
    ):
        with pytest.raises(MediaError, match="not an attachment URL") as refused:
            await guide.adapter.fetch(Media("discord", forged), LIMIT)
        assert not refused.value.too_big
    with pytest.raises(MediaError, match="not a Discord"):
        await guide.adapter.fetch(Media("telegram", big.media.handle), LIMIT)
    with pytest.raises(MediaError, match="refused the file \\(404\\)"):
        gone = big.media.handle.rsplit("/", 1)[0] + "/gone.png"
        await guide.adapter.fetch(Media("discord", gone), LIMIT)
    assert downloads(guide) == before + 2


# --- the bot posts a labelled picture


async def test_an_image_is_uploaded_with_the_text_and_buttons(guide: Guide, tmp_path: Path) -> None:
    dm = guide.dm("alice")
    text = "设置 = Settings *where you change your account*"
    out = Outgoing(
        Address("discord", str(dm)),
        text,
        buttons=((Button("👍", token="up"), Button("Read more", url="https://example.org/a")),),
        image=picture(tmp_path),
    )
    delivery = await guide.adapter.send(out)
    (sent,) = guide.emu.sent(dm)
    assert sent.content == "设置 = Settings \\*where you change your account\\*"
    assert labels(sent) == ["👍", "Read more"] and int(delivery.message_id) == sent.id
    (uploaded,) = sent.attachments
    assert (uploaded["filename"], uploaded["content_type"]) == ("labelled.png", "image/png")
    assert guide.emu.attachment_bytes(uploaded) == LABELLED


async def test_a_long_text_follows_the_picture_with_the_buttons_last(
    guide: Guide, tmp_path: Path
) -> None:
    dm = guide.dm("alice")
    text = " ".join(["word"] * 700)
    out = Outgoing(
        Address("discord", str(dm)),
        text,
        buttons=((Button("👍", token="up"),),),
        image=picture(tmp_path),
    )
    delivery = await guide.adapter.send(out)
    picture_part, rest = guide.emu.sent(dm)
    assert len(picture_part.attachments) == 1 and not picture_part.components
    assert rest.attachments == [] and labels(rest) == ["👍"]
    assert int(delivery.message_id) == rest.id
    assert f"{picture_part.content} {rest.content}".split() == text.split()


async def test_a_missing_picture_fails_for_good(guide: Guide, tmp_path: Path) -> None:
    out = Outgoing(Address("discord", str(guide.dm("alice"))), "x", image=str(tmp_path / "no.png"))
    with pytest.raises(DeliveryError) as failed:
        await guide.adapter.send(out)
    assert failed.value.permanent and "missing" in failed.value.reason
    assert guide.emu.sent() == []


async def test_an_edit_replaces_the_text_and_keeps_the_picture(
    guide: Guide, tmp_path: Path
) -> None:
    dm = guide.dm("alice")
    address = Address("discord", str(dm))
    buttons = ((Button("👍", token="up"),),)
    delivery = await guide.adapter.send(
        Outgoing(address, "first", buttons, image=picture(tmp_path))
    )
    await guide.adapter.edit(Outgoing(address, "second", image=picture(tmp_path)), delivery)
    stored = guide.emu.message(int(delivery.message_id))
    assert stored["content"] == "second" and len(stored["attachments"]) == 1


async def test_a_rate_limited_upload_is_retried_and_arrives_once(
    guide: Guide, tmp_path: Path
) -> None:
    emu = guide.emu
    dm = guide.dm("alice")
    emu.fail_next("POST", rf"/channels/{dm}/messages", 429, retry_after=0.1)
    out = Outgoing(Address("discord", str(dm)), "labelled", image=picture(tmp_path))
    await guide.runtime.call(guide.engine.store.enqueue, [out], guide.engine.clock())
    sent = await guide.reply_in(dm, 1)
    assert emu.attachment_bytes(sent.attachments[0]) == LABELLED  # the file was sent again whole
    statuses = [r.status for r in emu.requests if r.path == f"/channels/{dm}/messages"]
    assert statuses == [429, 200] and [s for s, _ in guide.outbox_states()] == ["sent"]
