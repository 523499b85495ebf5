"""python-telegram-bot's HTTP layer on aiohttp instead of httpx.

PTB talks to the Bot API through a `BaseRequest`; its default, `HTTPXRequest`, spends about
1.2 ms of CPU on every call (measured against a loopback server: httpx 1.2–1.4 ms a request,
aiohttp 0.15 ms). The bot makes one call per reply, on the same process and core as its
writer, so at 150 messages a second that is a fifth of a core. aiohttp is already here
(discord.py and the webhook server use it).

It behaves as `HTTPXRequest` does: parameters go as a form (multipart when there are files),
the same defaults for the four timeouts (20 s to write an upload), and aiohttp's errors become
PTB's `TimedOut` and `NetworkError`, so the rate limiter, the poller and the adapter's error
handling see what they saw before.
"""

from __future__ import annotations

from typing import Any, cast

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# PTB marks "not given" with an instance of its DefaultValue class (BaseRequest.DEFAULT_NONE);
# the class itself is not public.
_NOT_GIVEN = type(BaseRequest.DEFAULT_NONE)


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one `aiohttp.ClientSession` with a bounded connection pool."""

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ):
        self.connection_pool_size = connection_pool_size
        self._timeouts = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
        }
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.connection_pool_size)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def timeout(
        self,
        read: object,
        write: object,
        connect: object,
        pool: object,
        *,
        upload: bool,
    ) -> aiohttp.ClientTimeout:
        """aiohttp's timeout for one call. aiohttp has no write timeout: writing is bounded by
        the whole call's, the sum of the four (each phase's own limit, one after another)."""

        def pick(value: object, name: str) -> float | None:
            if isinstance(value, _NOT_GIVEN):
                if name == "write" and upload:
                    return self._media_write_timeout
                return self._timeouts[name]
            return cast(float | None, value)

        read_s, write_s, connect_s, pool_s = (
            pick(read, "read"),
            pick(write, "write"),
            pick(connect, "connect"),
            pick(pool, "pool"),
        )
        phases = (read_s, write_s, connect_s, pool_s)
        total = None if any(p is None for p in phases) else sum(p for p in phases if p)
        waiting = None if connect_s is None or pool_s is None else connect_s + pool_s
        return aiohttp.ClientTimeout(
            total=total, connect=waiting, sock_connect=connect_s, sock_read=read_s
        )

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else None
        data: Any = fields
        if files:
            form = aiohttp.FormData()
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                form.add_field(name, content, filename=filename, content_type=mimetype)
            data = form
        timeout = self.timeout(
            read_timeout, write_timeout, connect_timeout, pool_timeout, upload=bool(files)
        )
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as reply:
                return reply.status, await reply.read()
        except (TimeoutError, aiohttp.ServerTimeoutError) as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
