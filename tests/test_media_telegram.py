"""Screenshots on Telegram through the real python-telegram-bot client and the Bot API
emulator: a photo reaches the core as Media, its bytes are fetched within a limit, and a
labelled picture goes back as a photo with its caption and buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from emulators.telegram_api import MAX_DOWNLOAD_BYTES, PHOTO_SIZES
from recording import first, recorded
from telegram_fixtures import ANA, MakeBot, labels
from telegram_fixtures import make_bot as make_bot  # the fixture

from bot.models import Address, Button, DeliveryError, Media, Outgoing
from bot.ports import MediaError, MediaSource

SCREENSHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
LABELLED = b"\x89PNG\r\n\x1a\n labelled " + bytes(range(200))
LIMIT = 10 * 1024 * 1024


def picture(tmp_path: Path, data: bytes = LABELLED) -> str:
    path = tmp_path / "labelled.png"
    path.write_bytes(data)
    return str(path)


# --- a newcomer sends a screenshot


async def test_a_photo_reaches_the_core_as_media_and_its_bytes_are_fetched(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    events = recorded(bot.runtime)
    mark = bot.emu.mark()
    bot.emu.user_sends(ANA["id"], ANA, "what is this?", photo=SCREENSHOT)
    got = await first(events, lambda e: e.media is not None)
    await bot.reply(ANA["id"], mark, timeout=30)  # the core fetched it to read it, and replied
    before = bot.emu.count("download")
    width, height = PHOTO_SIZES[-1]
    assert (got.attachment, got.text) == ("photo", "what is this?")
    assert got.media is not None
    assert (got.media.platform, got.media.size, got.media.mime) == (
        "telegram",
        len(SCREENSHOT),
        "image/jpeg",
    )
    assert (got.media.width, got.media.height) == (width, height)
    assert isinstance(bot.adapter, MediaSource)
    assert await bot.adapter.fetch(got.media, LIMIT) == SCREENSHOT
    assert bot.emu.count("download") == before + 1


async def test_a_screenshot_sent_as_a_file_is_a_photo_with_its_name(make_bot: MakeBot) -> None:
    bot = await make_bot()
    events = recorded(bot.runtime)
    bot.emu.user_sends(ANA["id"], ANA, "", document={"content": SCREENSHOT, "file_name": "s.png"})
    bot.emu.user_sends(
        ANA["id"], ANA, "", document={"content": b"%PDF", "mime_type": "application/pdf"}
    )
    got = await first(events, lambda e: e.attachment == "photo")
    assert got.media is not None and (got.media.mime, got.media.name) == ("image/png", "s.png")
    assert await bot.adapter.fetch(got.media, LIMIT) == SCREENSHOT
    other = await first(events, lambda e: e.attachment == "document")
    assert other.media is not None and other.media.mime == "application/pdf"


async def test_fetch_refuses_a_file_over_the_limit_by_its_size_or_its_bytes(
    make_bot: MakeBot,
) -> None:
    bot = await make_bot()
    emu, events = bot.emu, recorded(bot.runtime)
    mark = emu.mark()
    emu.user_sends(ANA["id"], ANA, "", photo=SCREENSHOT)
    got = await first(events, lambda e: e.media is not None)
    assert got.media is not None
    await bot.reply(ANA["id"], mark, timeout=30)  # the core's own fetch is done
    files, downloads = emu.count("getFile"), emu.count("download")
    with pytest.raises(MediaError) as refused:
        await bot.adapter.fetch(got.media, len(SCREENSHOT) - 1)
    assert refused.value.too_big and emu.count("getFile") == files  # the reported size sufficed

    mark = emu.mark()
    emu.user_sends(ANA["id"], ANA, "lying size", photo=b"y" * 5000, file_size=100)
    liar = await first(events, lambda e: e.text == "lying size")
    assert liar.media is not None and liar.media.size == 100
    await bot.reply(ANA["id"], mark, timeout=30)
    downloads = emu.count("download")
    with pytest.raises(MediaError) as counted:
        await bot.adapter.fetch(liar.media, 1000)
    assert counted.value.too_big and emu.count("download") == downloads + 1

    huge = emu.add_file(b"z" * (MAX_DOWNLOAD_BYTES + 1), file_size=None)
    with pytest.raises(MediaError) as telegram_says:  # Telegram's own 20 MB limit for bots
        await bot.adapter.fetch(Media("telegram", huge.file_id), 50 * 1024 * 1024)
    assert telegram_says.value.too_big


async def test_fetch_failures_are_media_errors(make_bot: MakeBot) -> None:
    bot = await make_bot()
    for media in (Media("telegram", "no-such-file"), Media("discord", "https://x/y.png")):
        with pytest.raises(MediaError) as refused:
            await bot.adapter.fetch(media, LIMIT)
        assert not refused.value.too_big
    stored = bot.emu.add_file(SCREENSHOT, prefix="AgAC")
    bot.emu.fail_next("getFile", 500)
    with pytest.raises(MediaError, match="could not fetch"):
        await bot.adapter.fetch(Media("telegram", stored.file_id), LIMIT)
    assert await bot.adapter.fetch(Media("telegram", stored.file_id), LIMIT) == SCREENSHOT


# --- the bot sends a labelled picture back


async def test_an_image_goes_out_as_a_photo_with_its_caption_and_buttons(
    make_bot: MakeBot, tmp_path: Path
) -> None:
    bot = await make_bot()
    text = "设置 = Settings <where you change your account>"
    out = Outgoing(
        Address("telegram", str(ANA["id"])),
        text,
        buttons=((Button("👍", token="up"), Button("Read more", url="https://example.org/a")),),
        image=picture(tmp_path),
    )
    delivery = await bot.adapter.send(out)
    ((call, data),) = bot.emu.sent_photos(ANA["id"])
    assert data == LABELLED and call.files["photo"].filename == "labelled.png"
    assert call.result["caption"] == text and call.params["parse_mode"] == "HTML"
    assert labels(call) == ["👍", "Read more"]
    assert int(delivery.message_id) == call.message_id
    assert bot.emu.sent(ANA["id"]) == []  # no text message besides


async def test_a_long_caption_continues_as_text_carrying_the_buttons(
    make_bot: MakeBot, tmp_path: Path
) -> None:
    bot = await make_bot()
    text = "\n\n".join(f"Label {n}: " + "word " * 60 for n in range(10))
    assert 1024 < len(text) < 4096
    out = Outgoing(
        Address("telegram", str(ANA["id"])),
        text,
        buttons=((Button("👍", token="up"),),),
        image=picture(tmp_path),
    )
    delivery = await bot.adapter.send(out)
    ((photo, _),) = bot.emu.sent_photos(ANA["id"])
    (rest,) = bot.emu.sent(ANA["id"])
    caption = photo.result["caption"]
    assert len(caption) <= 1024 and caption.startswith("Label 0:") and not photo.reply_markup
    assert caption.rstrip().endswith("word")  # cut between paragraphs
    assert labels(rest) == ["👍"] and int(delivery.message_id) == rest.message_id
    assert (caption + "\n\n" + rest.result["text"]).split() == text.split()


async def test_a_picture_telegram_will_not_make_a_photo_of_goes_as_a_file(
    make_bot: MakeBot, tmp_path: Path
) -> None:
    bot = await make_bot()
    bot.emu.fail_next("sendPhoto", 400, description="Bad Request: PHOTO_INVALID_DIMENSIONS")
    out = Outgoing(
        Address("telegram", str(ANA["id"])),
        "a very tall screenshot",
        buttons=((Button("👍", token="up"),),),
        image=picture(tmp_path),
    )
    delivery = await bot.adapter.send(out)
    (document,) = bot.emu.sent(ANA["id"], "sendDocument")
    assert document.result["caption"] == "a very tall screenshot" and labels(document) == ["👍"]
    assert bot.emu.file_bytes(document.result["document"]["file_id"]) == LABELLED
    assert int(delivery.message_id) == document.message_id


async def test_a_missing_picture_fails_for_good(make_bot: MakeBot, tmp_path: Path) -> None:
    bot = await make_bot()
    out = Outgoing(Address("telegram", str(ANA["id"])), "x", image=str(tmp_path / "gone.png"))
    with pytest.raises(DeliveryError) as failed:
        await bot.adapter.send(out)
    assert failed.value.permanent and "missing" in failed.value.reason
    assert bot.emu.count("sendPhoto") == 0


async def test_editing_a_photo_replaces_its_caption_and_buttons(
    make_bot: MakeBot, tmp_path: Path
) -> None:
    bot = await make_bot()
    address = Address("telegram", str(ANA["id"]))
    buttons = ((Button("👍", token="up"),),)
    sent = await bot.adapter.send(Outgoing(address, "first", buttons, image=picture(tmp_path)))
    await bot.adapter.edit(Outgoing(address, "second"), sent)  # an edit that names no image
    message = bot.emu.message(ANA["id"], int(sent.message_id))
    assert message["caption"] == "second" and "reply_markup" not in message
    await bot.adapter.edit(Outgoing(address, "third" * 300, buttons, image="any"), sent)
    message = bot.emu.message(ANA["id"], int(sent.message_id))
    assert len(message["caption"]) == 1024 and message["caption"].endswith("…")
    assert message["photo"]  # the picture stays
    await bot.adapter.edit(Outgoing(address, "third" * 300, buttons, image="any"), sent)


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
async def test_a_rate_limited_photo_is_retried_and_arrives_once(
    make_bot: MakeBot, tmp_path: Path
) -> None:
    bot = await make_bot()
    bot.emu.fail_next("sendPhoto", 429, retry_after=1, times=2)
    out = Outgoing(Address("telegram", str(ANA["id"])), "labelled", image=picture(tmp_path))
    await bot.runtime.call(bot.store.enqueue, [out], bot.runtime.engine.clock())
    await bot.emu.wait_for(lambda c: c.method == "sendPhoto" and c.ok, timeout=8)
    calls = bot.emu.sent(ANA["id"], "sendPhoto", include_failed=True)
    assert [c.status for c in calls] == [429, 429, 200]
    assert await bot.runtime.drain(5)
    assert [state for _, state, _ in bot.outbox_states()] == ["sent"]
