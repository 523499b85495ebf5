"""PTB's HTTP layer on aiohttp (adapters/telegram/request.py), against a real loopback server:
what it sends, what it returns, and how it fails, as PTB's own HTTPXRequest would."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram_fixtures import ANA, MakeBot
from telegram_fixtures import make_bot as make_bot  # the fixture

from adapters.telegram.receive import retry_after_seconds
from adapters.telegram.request import AiohttpRequest

ME = {"id": 1, "is_bot": True, "first_name": "Guide", "username": "guide_bot"}


class Server:
    """A Bot API stand-in that records each call's form and answers as told."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], dict[str, str]]] = []
        self.delay = 0.0
        self.reply: tuple[int, dict[str, Any]] = (200, {"ok": True, "result": True})

    async def handle(self, request: web.Request) -> web.Response:
        form: dict[str, Any] = {}
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                assert isinstance(part, aiohttp.BodyPartReader)
                form[part.name or ""] = (part.filename, await part.read())
        else:
            form = dict(await request.post())
        if request.path.endswith("/getMe"):  # entering a Bot asks who it is
            return web.json_response({"ok": True, "result": ME})
        self.calls.append((request.path, form, dict(request.headers)))
        if self.delay:
            await asyncio.sleep(self.delay)
        status, body = self.reply
        return web.json_response(body, status=status)


@pytest.fixture
async def server() -> AsyncIterator[tuple[Server, str]]:
    stub = Server()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", stub.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield stub, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


MESSAGE = {"message_id": 1, "date": 1765000000, "chat": {"id": 5, "type": "private"}, "text": "x"}


def bot_at(url: str, request: AiohttpRequest | None = None) -> Bot:
    return Bot("T", base_url=f"{url}/bot", request=request or AiohttpRequest())


async def test_parameters_go_as_a_form_and_the_reply_comes_back_whole(server) -> None:
    stub, url = server
    stub.reply = (200, {"ok": True, "result": MESSAGE})
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Sources", callback_data="t:abc")]])
    async with bot_at(url) as bot:
        sent = await bot.send_message(5, "你好 hi", reply_markup=markup)
    assert sent.message_id == 1 and sent.chat.id == 5
    path, form, headers = stub.calls[0]
    assert path == "/botT/sendMessage"
    assert form["chat_id"] == "5" and form["text"] == "你好 hi"
    keyboard = json.loads(form["reply_markup"])["inline_keyboard"]  # nested values JSON-encoded
    assert keyboard[0][0]["callback_data"] == "t:abc"
    assert headers["User-Agent"] == AiohttpRequest.USER_AGENT


async def test_a_file_goes_as_multipart_with_its_name_and_type(server) -> None:
    stub, url = server
    stub.reply = (200, {"ok": True, "result": MESSAGE})
    picture = InputFile(b"\x89PNG fake bytes", filename="labelled.png")
    async with bot_at(url) as bot:
        await bot.send_photo(7, picture, caption="labelled")
    _, form, _ = stub.calls[0]
    assert form["chat_id"] == (None, b"7") and form["caption"] == (None, b"labelled")
    filename, content = form["photo"]
    assert filename == "labelled.png" and content == b"\x89PNG fake bytes"


async def test_the_bot_apis_errors_become_ptbs(server) -> None:
    stub, url = server
    async with bot_at(url) as bot:
        stub.reply = (400, {"ok": False, "description": "Bad Request: chat not found"})
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(1, "x")
        stub.reply = (429, {"ok": False, "parameters": {"retry_after": 3}})
        with pytest.raises(RetryAfter) as limited:
            await bot.send_message(1, "x")
    assert retry_after_seconds(limited.value) == 3


async def test_a_server_slower_than_the_read_timeout_is_timed_out(server) -> None:
    stub, url = server
    stub.delay = 1.0
    async with bot_at(url, AiohttpRequest(read_timeout=0.2)) as bot:
        with pytest.raises(TimedOut):
            await bot.close()
        # a call's own read timeout (getUpdates passes its long-poll time) wins over the default
        assert await bot.close(read_timeout=3) is True


async def test_nobody_listening_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with AiohttpRequest() as request:
        with pytest.raises(NetworkError) as failed:
            await bot_at(f"http://127.0.0.1:{port}", request).close()
    assert not isinstance(failed.value, TimedOut)


async def test_it_refuses_to_work_before_initialize_and_after_shutdown(server) -> None:
    _, url = server
    request = AiohttpRequest()
    bot = bot_at(url, request)
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps the RuntimeError
        await bot.close()
    await request.initialize()
    assert await bot.close() is True
    await request.shutdown()
    with pytest.raises(NetworkError, match="not initialized"):
        await bot.close()


def test_timeouts_default_like_httpx_request_and_bound_the_whole_call() -> None:
    request = AiohttpRequest(read_timeout=5, write_timeout=5, connect_timeout=4, pool_timeout=1)
    plain = request.timeout(*(AiohttpRequest.DEFAULT_NONE,) * 4, upload=False)
    assert (plain.sock_read, plain.sock_connect, plain.connect, plain.total) == (5, 4, 5, 15)
    upload = request.timeout(*(AiohttpRequest.DEFAULT_NONE,) * 4, upload=True)
    assert upload.total == 30  # 20 s to write a file, as HTTPXRequest's media_write_timeout
    unbounded = request.timeout(None, 5, 4, 1, upload=False)
    assert unbounded.sock_read is None and unbounded.total is None


async def test_a_bot_built_on_it_talks_to_the_server(server) -> None:
    stub, url = server
    async with bot_at(url) as bot:  # entering the bot calls getMe through it
        assert bot.username == "guide_bot"
        assert await bot.close() is True
    assert stub.calls[0][0] == "/botT/close"


async def test_the_adapter_sends_and_polls_through_it(make_bot: MakeBot) -> None:
    bot = await make_bot()
    assert isinstance(bot.adapter.bot.request, AiohttpRequest)
    reply = await bot.says(ANA, "what is the cat tax")  # polled and answered through it
    assert "cat" in bot.text(reply).lower()
