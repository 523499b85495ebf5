"""A loopback emulator of an OpenAI-compatible chat-completions server (what GUIDE_LLM_BASE_URL
points at): it answers every request after `delay` seconds with a reply citing passage [1].

    async with OpenAIEmulator(delay=2.0) as llm:
        settings = Settings(GUIDE_LLM_PROVIDER="openai", GUIDE_LLM_MODEL="emu",
                            GUIDE_LLM_BASE_URL=llm.base_url, ...)
"""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from aiohttp import web

REPLY = "Here is what the guide says about that [1]."


class OpenAIEmulator:
    """POST /v1/chat/completions on 127.0.0.1; records each request and when it came."""

    def __init__(self, *, delay: float = 2.0, reply: str = REPLY) -> None:
        self.delay = delay
        self.reply = reply
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def __aenter__(self) -> OpenAIEmulator:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _complete(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append({"at": time.monotonic(), "body": body})
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1
        number = next(self._ids)
        return web.json_response(
            {
                "id": f"chatcmpl-{number}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "emu"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": self.reply},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 100, "completion_tokens": 12, "total_tokens": 112},
            }
        )
