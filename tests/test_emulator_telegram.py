"""Proves the Telegram Bot API emulator against the real python-telegram-bot 22 client.

No project code is involved: these tests pin down that :class:`TelegramEmulator` speaks the Bot
API the way PTB expects (URLs, encodings, long polling, webhooks, errors), so the adapter's tests
can rely on it.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

# tests/ has no __init__.py, so pytest (rootdir-relative "prepend" import mode) puts tests/ on
# sys.path and the emulator package is importable as `emulators`.
from emulators.telegram_api import (
    BOT_USERNAME,
    MAX_DOWNLOAD_BYTES,
    PHOTO_SIZES,
    SECRET_TOKEN_HEADER,
    TelegramEmulator,
    make_user,
    parse_html,
    private_chat,
    supergroup_chat,
)
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)
from telegram.request import HTTPXRequest

ANN = make_user(1001, "Ann", language_code="en", username="ann")
BORIS = make_user(1002, "Boris", language_code="ru")


@pytest.fixture
async def emu() -> AsyncIterator[TelegramEmulator]:
    async with TelegramEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: TelegramEmulator) -> AsyncIterator[Bot]:
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as client:
        yield client


async def raw_post(
    emu: TelegramEmulator, method: str, *, token: str | None = None, **kwargs: Any
) -> tuple[int, dict[str, Any]]:
    """POST straight to the emulator (no PTB) and return (status, parsed JSON body)."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(emu.method_url(method, token), **kwargs) as response,
    ):
        return response.status, json.loads(await response.read())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ------------------------------------------------------------------------------ basics


async def test_get_me_through_ptb_base_url(emu: TelegramEmulator, bot: Bot) -> None:
    calls_before = emu.count("getMe")  # `async with Bot(...)` already called getMe once
    me = await bot.get_me()
    assert me.username == BOT_USERNAME == "newcomer_guide_bot"
    assert me.is_bot and me.can_join_groups and me.id == emu.bot_user["id"]
    assert bot.base_url == f"{emu.base_url}{emu.token}"
    assert emu.tokens_seen[emu.token] >= 1
    # token-agnostic: any token is served and recorded
    status, body = await raw_post(emu, "getMe", token="123:other")
    assert status == 200 and body["ok"] is True and body["result"]["username"] == BOT_USERNAME
    assert emu.calls[-1].token == "123:other"
    assert emu.count("getMe") == calls_before + 2


async def test_unknown_method_is_404_in_telegram_shape(emu: TelegramEmulator, bot: Bot) -> None:
    status, body = await raw_post(emu, "fooBar", json={})
    assert status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}
    await bot.get_me()
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("fooBar")


async def test_parameters_in_json_form_and_multipart_decode_alike(emu: TelegramEmulator) -> None:
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
    form = aiohttp.FormData()
    form.add_field("chat_id", "7")
    form.add_field("text", "123")
    form.add_field("reply_markup", json.dumps(markup))
    form.add_field("photo", b"\x89PNG fake", filename="a.png", content_type="image/png")
    await raw_post(emu, "sendMessage", json={"chat_id": 7, "text": "123", "reply_markup": markup})
    await raw_post(
        emu,
        "sendMessage",
        data={"chat_id": "7", "text": "123", "reply_markup": json.dumps(markup)},
    )
    status, body = await raw_post(emu, "sendPhoto", data=form)
    assert status == 200 and body["result"]["photo"]
    calls = emu.sent(7, method=None)
    assert [c.method for c in calls] == ["sendMessage", "sendMessage", "sendPhoto"]
    for call in calls:
        assert call.params["chat_id"] == 7
        assert call.params["text"] == "123"  # a string parameter is never JSON-decoded
        assert call.params["reply_markup"] == markup
    assert calls[2].files["photo"].data == b"\x89PNG fake"
    assert calls[2].files["photo"].filename == "a.png"


# ------------------------------------------------------------------------------ messages


async def test_send_and_edit_message_read_back(emu: TelegramEmulator, bot: Bot) -> None:
    emu.user_sends(ANN["id"], ANN, "hello")  # user message id 1 in the private chat
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes", callback_data="yes"),
                InlineKeyboardButton("No", url="https://example.org"),
            ]
        ]
    )
    sent = await bot.send_message(
        ANN["id"],
        "Welcome, <b>Ann</b>!",
        parse_mode="HTML",
        reply_markup=keyboard,
        reply_parameters=ReplyParameters(message_id=1),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert sent.message_id == 2 and sent.text == "Welcome, Ann!"
    assert sent.from_user is not None and sent.from_user.username == BOT_USERNAME
    assert sent.reply_to_message is not None and sent.reply_to_message.text == "hello"
    assert sent.entities[0].type == "bold" and (
        sent.entities[0].offset,
        sent.entities[0].length,
    ) == (9, 3)
    assert sent.reply_markup == keyboard

    call = emu.last_sent(ANN["id"])
    assert call is not None
    assert call.text == "Welcome, <b>Ann</b>!" and call.params["parse_mode"] == "HTML"
    assert call.params["link_preview_options"] == {"is_disabled": True}
    assert call.button_data() == ["yes"]

    second = await bot.send_message(ANN["id"], "second")
    assert second.message_id == 3  # increasing per chat

    edited = await bot.edit_message_text(
        "Welcome back!", chat_id=ANN["id"], message_id=2, reply_markup=keyboard
    )
    assert not isinstance(edited, bool) and edited.text == "Welcome back!" and edited.edit_date
    assert emu.message(ANN["id"], 2)["text"] == "Welcome back!"
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "Welcome back!", chat_id=ANN["id"], message_id=2, reply_markup=keyboard
        )
    await bot.edit_message_reply_markup(chat_id=ANN["id"], message_id=2, reply_markup=None)
    history = emu.edit_history(ANN["id"], 2)
    assert [v["text"] for v in history] == ["Welcome, Ann!", "Welcome back!", "Welcome back!"]
    assert "reply_markup" in history[1] and "reply_markup" not in history[2]
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=ANN["id"], message_id=99)
    assert [m["message_id"] for m in emu.bot_messages(ANN["id"])] == [2, 3]


async def test_errors_use_telegram_descriptions(emu: TelegramEmulator, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(1, "x" * 4097)
    await bot.send_message(1, "x" * 4096)

    emu.block_user(2)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(2, "hi")
    status, body = await raw_post(emu, "sendMessage", json={"chat_id": 2, "text": "hi"})
    assert (status, body) == (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )

    emu.make_chat_missing(3)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(3, "hi")

    too_big = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(1, "hi", reply_markup=too_big)
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d" * 64)]])
    await bot.send_message(1, "hi", reply_markup=ok)
    assert len(emu.sent()) == 2  # failures are not counted as sent
    assert len(emu.sent(include_failed=True)) == 7


async def test_html_validation(emu: TelegramEmulator, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(1, "<b>x", parse_mode="HTML")
    status, body = await raw_post(
        emu, "sendMessage", json={"chat_id": 1, "text": "<b>x", "parse_mode": "HTML"}
    )
    assert status == 400 and body["description"].startswith("Bad Request: can't parse entities")
    for bad in ("<blink>x</blink>", "a & b", "<b><i>x</b></i>", "1 < 2", "x</b>", "<span>x</span>"):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(1, bad, parse_mode="HTML")
    msg = await bot.send_message(1, "&lt;b&gt; &amp; &quot;q&quot; &#39; &#x27;", parse_mode="HTML")
    assert msg.text == "<b> & \"q\" ' '"
    msg = await bot.send_message(
        1,
        '<a href="https://ex.org/?a=1&amp;b=2">link</a> <tg-spoiler>s</tg-spoiler> '
        '<pre><code class="language-python">x</code></pre> <blockquote>q</blockquote>',
        parse_mode="HTML",
    )
    kinds = {e.type: e for e in msg.entities}
    assert kinds["text_link"].url == "https://ex.org/?a=1&b=2"
    assert kinds["pre"].language == "python"
    assert {"spoiler", "blockquote"} <= set(kinds)
    # Offsets count UTF-16 code units, like Telegram
    assert parse_html("😀 <b>x</b>") == ("😀 x", [{"type": "bold", "offset": 3, "length": 1}])
    # Plain text is not validated as HTML; MarkdownV2 reserved characters are
    await bot.send_message(1, "a & b < c")
    with pytest.raises(BadRequest, match=r"(?i)reserved"):
        await bot.send_message(1, "Hello.", parse_mode="MarkdownV2")
    await bot.send_message(1, "*Hello*\\. [link](https://ex.org/a.b)", parse_mode="MarkdownV2")


# ------------------------------------------------------------------------------ long polling


async def test_get_updates_returns_pending_update_immediately(
    emu: TelegramEmulator, bot: Bot
) -> None:
    update_id = emu.user_sends(ANN["id"], ANN, "/start")
    started = time.monotonic()
    updates = await bot.get_updates(timeout=5)
    assert time.monotonic() - started < 2.5  # not the 5 s of the timeout, with room for a busy CI
    assert [u.update_id for u in updates] == [update_id]
    message = updates[0].message
    assert message is not None and message.text == "/start"
    assert message.entities[0].type == "bot_command" and message.entities[0].length == 6
    assert emu.delivered(update_id)


async def test_get_updates_waits_out_the_timeout_when_idle(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 4.0  # waited the second out, and did not hang


async def test_long_poll_wakes_when_an_update_arrives(emu: TelegramEmulator, bot: Bot) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    update_id = emu.user_sends(ANN["id"], ANN, "late")
    updates = await asyncio.wait_for(poll, 5)
    assert [u.update_id for u in updates] == [update_id]
    assert time.monotonic() - started < 5.0  # woken, not the 10 s of the timeout


async def test_offset_confirms_and_drops_updates(emu: TelegramEmulator, bot: Bot) -> None:
    first = emu.user_sends(ANN["id"], ANN, "one")
    second = emu.user_sends(ANN["id"], ANN, "two")
    third = emu.user_sends(BORIS["id"], BORIS, "three")
    assert second == first + 1 and third == second + 1  # global, increasing
    assert [u.update_id for u in await bot.get_updates(limit=2)] == [first, second]
    assert [u.update_id for u in await bot.get_updates()] == [first, second, third]  # unconfirmed
    assert emu.confirmed_offset == 0
    assert [u.update_id for u in await bot.get_updates(offset=second + 1)] == [third]
    assert emu.confirmed_offset == second + 1
    assert [u["update_id"] for u in emu.pending_updates()] == [third]
    assert await bot.get_updates(offset=third + 1) == ()
    assert emu.pending_updates() == [] and emu.confirmed_offset == third + 1


async def test_a_newer_poll_terminates_the_older_one(emu: TelegramEmulator, bot: Bot) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    # PTB's getUpdates pool has one connection, so the second poller is a plain HTTP client
    assert await raw_post(emu, "getUpdates", json={"timeout": 0}) == (
        200,
        {"ok": True, "result": []},
    )
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
        await asyncio.wait_for(older, 2)


async def test_stop_wakes_a_pending_long_poll_at_once() -> None:
    emulator = TelegramEmulator()
    await emulator.start()
    poll = asyncio.create_task(raw_post(emulator, "getUpdates", json={"timeout": 30}))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await emulator.stop()
    status, body = await asyncio.wait_for(poll, 5)
    assert (status, body) == (200, {"ok": True, "result": []})
    assert time.monotonic() - started < 5.0  # not the 30 s of the poll


async def test_user_sends_builds_real_updates(emu: TelegramEmulator, bot: Bot) -> None:
    forum = supergroup_chat(-1_001_234_567_890, "Newcomers", is_forum=True)
    emu.user_sends(forum, ANN, f"/help@{BOT_USERNAME} please 😀 @{BOT_USERNAME}", thread_id=5)
    emu.user_sends(forum, BORIS, "", new_members=[BORIS])
    emu.user_sends(ANN["id"], ANN, "look", photo=True)
    emu.user_sends(ANN["id"], ANN, "", sticker=True)
    emu.user_sends(ANN["id"], ANN, "answering", reply_to=1)
    raw_id = emu.push_raw_update({"unexpected": {"x": 1}})
    updates = await bot.get_updates()
    assert updates[-1].update_id == raw_id and updates[-1].api_kwargs == {"unexpected": {"x": 1}}
    cmd, joined, photo, sticker, reply = (u.message for u in updates[:5])
    assert cmd is not None and cmd.chat.is_forum and cmd.message_thread_id == 5
    assert cmd.is_topic_message
    kinds = [(e.type, cmd.parse_entity(e)) for e in cmd.entities]
    assert kinds == [("bot_command", f"/help@{BOT_USERNAME}"), ("mention", f"@{BOT_USERNAME}")]
    assert joined is not None and [u.id for u in joined.new_chat_members] == [BORIS["id"]]
    assert photo is not None and photo.photo and photo.caption == "look"
    assert sticker is not None and sticker.sticker is not None
    assert reply is not None and reply.reply_to_message is not None
    assert reply.reply_to_message.photo  # message 1 of Ann's chat was the photo
    assert cmd.message_id == 1 and joined.message_id == 2  # per chat
    assert photo.message_id == 1 and sticker.message_id == 2 and reply.message_id == 3


# ------------------------------------------------------------------------------ files


async def test_a_users_photo_and_document_are_downloaded_through_get_file(
    emu: TelegramEmulator, bot: Bot
) -> None:
    screenshot = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    emu.user_sends(ANN["id"], ANN, "what is this?", photo=screenshot)
    emu.user_sends(ANN["id"], ANN, "", document={"content": b"%PDF-1", "file_name": "a.pdf",
                                                 "mime_type": "application/pdf"})  # fmt: skip
    photo, document = (u.message for u in await bot.get_updates())
    assert photo is not None and document is not None and document.document is not None
    assert [(s.width, s.height) for s in photo.photo] == list(PHOTO_SIZES)
    largest = photo.photo[-1]
    assert largest.file_size == len(screenshot) and photo.caption == "what is this?"
    found = await bot.get_file(largest.file_id)
    assert found.file_size == len(screenshot)
    assert found.file_path is not None and found.file_path.startswith(emu.base_file_url)
    assert bytes(await found.download_as_bytearray()) == screenshot
    assert (document.document.file_name, document.document.mime_type) == (
        "a.pdf",
        "application/pdf",
    )
    pdf = await bot.get_file(document.document.file_id)
    assert bytes(await pdf.download_as_bytearray()) == b"%PDF-1"
    assert emu.file_bytes(largest.file_id) == screenshot

    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("no-such-file")
    huge = emu.add_file(b"x" * (MAX_DOWNLOAD_BYTES + 1))
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(huge.file_id)
    async with aiohttp.ClientSession() as session:
        missing = f"{emu.base_file_url}{emu.token}/photos/nothing-here"
        async with session.get(missing) as response:
            assert response.status == 404


async def test_a_reported_size_may_differ_from_the_bytes(emu: TelegramEmulator, bot: Bot) -> None:
    emu.user_sends(ANN["id"], ANN, "", photo=b"y" * 5000, file_size=100)
    (update,) = await bot.get_updates()
    assert update.message is not None and update.message.photo[-1].file_size == 100
    found = await bot.get_file(update.message.photo[-1].file_id)
    assert found.file_size == 100 and len(await found.download_as_bytearray()) == 5000


async def test_sent_photos_keep_their_bytes_caption_and_buttons(
    emu: TelegramEmulator, bot: Bot
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])
    sent = await bot.send_photo(
        ANN["id"],
        InputFile(b"\x89PNG labelled", filename="labelled.png"),
        caption="<b>Settings</b> 设置",
        parse_mode="HTML",
        reply_markup=markup,
    )
    ((call, data),) = emu.sent_photos(ANN["id"])
    assert data == b"\x89PNG labelled" and call.files["photo"].filename == "labelled.png"
    assert call.result["caption"] == "Settings 设置" and call.button_data() == ["more"]
    again = await bot.send_photo(BORIS["id"], sent.photo[-1].file_id)  # sent again by file_id
    assert emu.file_bytes(again.photo[-1].file_id) == b"\x89PNG labelled"

    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(ANN["id"], InputFile(b"x", filename="p.png"), caption="c" * 1025)
    edited = await bot.edit_message_caption(ANN["id"], sent.message_id, caption="Profile")
    assert isinstance(edited, Message) and edited.caption == "Profile"
    assert emu.message(ANN["id"], sent.message_id).get("reply_markup") is None
    text = await bot.send_message(ANN["id"], "plain")
    with pytest.raises(BadRequest, match=r"(?i)no caption in the message"):
        await bot.edit_message_caption(ANN["id"], text.message_id, caption="x")
    with pytest.raises(BadRequest, match=r"(?i)no text in the message"):
        await bot.edit_message_text("x", ANN["id"], sent.message_id)

    doc = await bot.send_document(ANN["id"], InputFile(b"%PDF", filename="a.pdf"), caption="d")
    assert doc.document is not None and doc.document.file_name == "a.pdf"
    assert emu.file_bytes(doc.document.file_id) == b"%PDF"


# ------------------------------------------------------------------------------ Application


async def test_application_polling_handles_command_and_callback(emu: TelegramEmulator) -> None:
    async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Hi! Pick one:",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("Guide", callback_data="guide")]]
            ),
        )

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(f"you chose {query.data}")
        await query.edit_message_text(f"Chosen: {query.data}")

    app: Application = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", on_start))
    app.add_handler(CallbackQueryHandler(on_button))
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    await app.start()
    try:
        emu.user_sends(ANN["id"], ANN, f"/start@{BOT_USERNAME}")
        reply = await emu.wait_for(lambda c: c.method == "sendMessage" and c.ok, timeout=3)
        assert reply.chat_id == ANN["id"] and reply.text == "Hi! Pick one:"
        assert reply.button_data() == ["guide"]
        assert reply.message_id is not None

        emu.user_presses(ANN["id"], ANN, reply.message_id, "guide")
        await emu.wait_for(lambda c: c.method == "editMessageText" and c.ok, timeout=3)
        (answer,) = emu.callback_answers.values()
        assert answer["text"] == "you chose guide" and answer["show_alert"] is False
        assert emu.message(ANN["id"], reply.message_id)["text"] == "Chosen: guide"
        assert "reply_markup" not in emu.message(ANN["id"], reply.message_id)
        assert emu.count("deleteWebhook") == 1  # start_polling clears any webhook first
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert emu.pending_updates() == []  # PTB confirmed everything it fetched
    with pytest.raises(ValueError, match="not sent by the bot"):
        emu.user_presses(ANN["id"], ANN, 1, "guide")


# ------------------------------------------------------------------------------ failure injection


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_429_has_retry_after_in_telegram_shape(emu: TelegramEmulator, bot: Bot) -> None:
    emu.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in 3") as caught:
        await bot.send_message(1, "hi")
    assert caught.value.retry_after == 3  # PTB parsed parameters.retry_after
    emu.fail_next("sendMessage", 429, retry_after=7)
    status, body = await raw_post(emu, "sendMessage", json={"chat_id": 1, "text": "hi"})
    assert (status, body) == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7},
        },
    )
    await bot.send_message(1, "hi")  # injection used up
    assert [c.status for c in emu.sent(1, include_failed=True)] == [429, 429, 200]
    assert emu.sent(1, include_failed=True)[0].injected


async def test_5xx_and_repeated_failures(emu: TelegramEmulator, bot: Bot) -> None:
    emu.fail_next("sendMessage", 502, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(1, "hi")
    await bot.send_message(1, "hi")
    assert emu.count("sendMessage") == 3 and len(emu.sent(1)) == 1


async def test_timeout_injection_outlasts_the_client(emu: TelegramEmulator) -> None:
    request = HTTPXRequest(read_timeout=0.3)
    async with Bot(emu.token, base_url=emu.base_url, request=request) as short_bot:
        emu.fail_next("sendMessage", "timeout", delay=1.5)
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await short_bot.send_message(1, "hi")
        assert time.monotonic() - started < 1.4  # the client's 0.3 s, not the server's 1.5 s
        assert emu.count("sendMessage") == 1 and emu.sent(1) == []
        await short_bot.send_message(1, "again")
    assert emu.sent_texts(1) == ["again"]


# ------------------------------------------------------------------------------ webhooks


async def test_webhook_mode_posts_updates_with_secret_header(
    emu: TelegramEmulator, bot: Bot
) -> None:
    received: asyncio.Queue[tuple[str | None, dict[str, Any]]] = asyncio.Queue()

    async def hook(request: web.Request) -> web.Response:
        await received.put((request.headers.get(SECRET_TOKEN_HEADER), await request.json()))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/tg/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        url = f"http://127.0.0.1:{port}/tg/hook"
        assert await bot.set_webhook(url, secret_token="s3cr3t-Token_1")
        assert emu.webhook is not None and emu.webhook["secret_token"] == "s3cr3t-Token_1"
        update_id = emu.user_sends(ANN["id"], ANN, "/start")
        secret, body = await asyncio.wait_for(received.get(), 2)
        assert secret == "s3cr3t-Token_1"
        assert body["update_id"] == update_id and body["message"]["text"] == "/start"
        await emu.wait_delivered(update_id, timeout=2)
        info = await bot.get_webhook_info()
        assert info.url == url and info.pending_update_count == 0
        with pytest.raises(Conflict, match=r"(?i)webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook()
        assert emu.webhook is None and (await bot.get_webhook_info()).url == ""
        later = emu.user_sends(ANN["id"], ANN, "polling again")
        assert [u.update_id for u in await bot.get_updates()] == [later]
        assert received.empty()
    finally:
        await runner.cleanup()


# ------------------------------------------------------------------------------ other methods


async def test_commands_topics_members_media(emu: TelegramEmulator, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await bot.set_my_commands(
        [BotCommand("start", "Начать")],
        scope=BotCommandScopeAllPrivateChats(),
        language_code="ru",
    )
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    ru = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="ru")
    assert [c.description for c in ru] == ["Начать"]
    assert emu.commands({"type": "all_private_chats"}, "ru") == [
        {"command": "start", "description": "Начать"}
    ]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])

    forum = emu.add_chat(supergroup_chat(-1_009_999_999_999, "Forum", is_forum=True))
    topic = await bot.create_forum_topic(forum["id"], "Newcomers")
    assert emu.topics(forum["id"])[topic.message_thread_id]["name"] == "Newcomers"
    in_topic = await bot.send_message(forum["id"], "hi", message_thread_id=topic.message_thread_id)
    assert in_topic.message_thread_id == topic.message_thread_id and in_topic.is_topic_message
    with pytest.raises(BadRequest, match=r"(?i)thread not found"):
        await bot.send_message(forum["id"], "hi", message_thread_id=424242)
    with pytest.raises(BadRequest, match=r"(?i)not a forum"):
        await bot.create_forum_topic(ANN["id"], "x")

    emu.set_chat_member(forum["id"], ANN, "administrator")
    member = await bot.get_chat_member(forum["id"], ANN["id"])
    assert member.status == "administrator" and member.user.first_name == "Ann"
    assert (await bot.get_chat_member(forum["id"], 5555)).status == "left"
    chat = await bot.get_chat(forum["id"])
    assert chat.is_forum and chat.title == "Forum"

    assert await bot.send_chat_action(ANN["id"], "typing")
    photo = await bot.send_photo(ANN["id"], InputFile(b"\x89PNG", filename="p.png"), caption="c")
    assert photo.photo and photo.caption == "c"
    assert emu.last_sent(ANN["id"], "sendPhoto") is not None
    sticker = await bot.send_sticker(ANN["id"], "CAACAgIAAxkBAAE")
    assert sticker.sticker is not None and sticker.sticker.file_id == "CAACAgIAAxkBAAE"
    copied = await bot.copy_message(BORIS["id"], ANN["id"], photo.message_id)
    assert emu.message(BORIS["id"], copied.message_id)["caption"] == "c"
    assert await bot.delete_message(ANN["id"], photo.message_id)
    assert (ANN["id"], photo.message_id) in emu.deleted_messages
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(ANN["id"], photo.message_id)
    assert private_chat(ANN)["username"] == "ann"


async def test_wait_for_times_out_with_a_helpful_message(emu: TelegramEmulator) -> None:
    with pytest.raises(TimeoutError, match="no Telegram call matched"):
        await emu.wait_for(lambda c: c.method == "sendMessage", timeout=0.1)


async def test_strict_private_chats_refuse_to_initiate() -> None:
    async with (
        TelegramEmulator(strict_private_chats=True) as strict,
        Bot(strict.token, base_url=strict.base_url) as client,
    ):
        with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
            await client.send_message(BORIS["id"], "hello mentor")
        strict.user_sends(BORIS["id"], BORIS, "/start")
        await client.send_message(BORIS["id"], "hello mentor")
        assert strict.sent_texts(BORIS["id"]) == ["hello mentor"]
        assert strict.internal_errors == []
