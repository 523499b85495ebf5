"""Serving the dashboard from `guide run`: its own aiohttp server on GUIDE_DASHBOARD_PORT."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.dashboard.site import Site, Work
from bot.dashboard.web import Dashboard
from bot.store.records import Store

if TYPE_CHECKING:
    from bot.runtime import Runtime

logger = logging.getLogger(__name__)


def _in_transaction(store: Store, work: Work) -> Any:
    with store.atomic():
        return work(store.db)


def running_site(runtime: Runtime, pool: ThreadPoolExecutor) -> Site:
    """A Site over a running bot: reads on read-only connections in `pool`, writes on the
    writer thread."""
    engine = runtime.engine
    store = engine.store

    async def read(work: Work) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, lambda: work(store.reader().db))

    async def write(work: Work) -> Any:
        return await runtime.call(_in_transaction, store, work)

    return Site(engine.settings, engine.clock, engine.answering, read, write)


class DashboardServer:
    """The dashboard on its own host and port; `url` is where it really listens."""

    def __init__(self, site: Site, host: str, port: int):
        self.site = site
        self.host = host
        self.port = port
        self.app = Dashboard(site).app
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        logger.info("dashboard on %s", self.url)

    @property
    def url(self) -> str:
        addresses = self._runner.addresses if self._runner else []
        port = addresses[0][1] if addresses else self.port
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{port}{self.site.prefix}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


async def serve(runtime: Runtime) -> tuple[DashboardServer, ThreadPoolExecutor]:
    """Start the dashboard of a running bot (GUIDE_DASHBOARD_HOST:GUIDE_DASHBOARD_PORT)."""
    settings = runtime.engine.settings
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dashboard")
    server = DashboardServer(
        running_site(runtime, pool), settings.dashboard_host, settings.dashboard_port
    )
    await server.start()
    return server, pool
