"""Prometheus metrics and the health check, served over HTTP by a small aiohttp server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from sqlite_utils import Database

from bot.handoff.repo import HandoffRepo

if TYPE_CHECKING:
    from bot.runtime import Runtime

logger = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
CLAIM_BUCKETS = (30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0, 7200.0, 14400.0)
HEALTH_TIMEOUT_SECONDS = 10.0


class HandoffCollector:
    """Reads the handoff queue and claim times from the database at scrape time."""

    def __init__(self, db: Database):
        self.db = db

    def describe(self) -> Iterator[Metric]:
        yield GaugeMetricFamily("handoff_queue_length", "Handoffs waiting for a mentor")
        yield HistogramMetricFamily(
            "handoff_time_to_claim_seconds", "From a newcomer's request to a mentor's claim"
        )

    def collect(self) -> Iterator[Metric]:
        handoffs = HandoffRepo(self.db)
        yield GaugeMetricFamily(
            "handoff_queue_length", "Handoffs waiting for a mentor", value=handoffs.queue_length()
        )
        waits = [max(0.0, minutes * 60) for minutes in handoffs.claim_waits(limit=None)]
        buckets = [(str(bound), sum(1 for w in waits if w <= bound)) for bound in CLAIM_BUCKETS]
        buckets.append(("+Inf", len(waits)))
        yield HistogramMetricFamily(
            "handoff_time_to_claim_seconds",
            "From a newcomer's request to a mentor's claim",
            buckets=buckets,
            sum_value=sum(waits),
        )


class PrometheusMetrics:
    """The metrics port on prometheus-client, in a registry of its own (never the global one)."""

    def __init__(self, registry: CollectorRegistry | None = None):
        self.registry = registry or CollectorRegistry()
        self._in = Counter(
            "messages_in", "Events received, by platform", ["platform"], registry=self.registry
        )
        self._out = Counter(
            "messages_out",
            "Messages sent or edited, by platform",
            ["platform"],
            registry=self.registry,
        )
        self._errors = Counter("errors", "Failures, by kind", ["kind"], registry=self.registry)
        self._latency = Histogram(
            "answer_latency_seconds",
            "Time to answer a question",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

        self._screens = Counter(
            "screenshots",
            "Pictures newcomers sent, by what came of them (labelled, no_chinese, or a refusal)",
            ["outcome"],
            registry=self.registry,
        )
        self._screen_time = Histogram(
            "screenshot_seconds",
            "Time to fetch and read a picture",
            buckets=(0.25, 0.5, 1, 2, 4, 8, 16),
            registry=self.registry,
        )

    def track(self, db: Database) -> None:
        """Also report the handoff queue and claim times, read from this database."""
        self.registry.register(HandoffCollector(db))

    def message_in(self, platform: str) -> None:
        self._in.labels(platform=platform).inc()

    def message_out(self, platform: str) -> None:
        self._out.labels(platform=platform).inc()

    def error(self, kind: str) -> None:
        self._errors.labels(kind=kind).inc()

    def answer_latency(self, seconds: float) -> None:
        self._latency.observe(max(0.0, seconds))

    def screenshot(self, outcome: str, seconds: float) -> None:
        self._screens.labels(outcome=outcome).inc()
        self._screen_time.observe(max(0.0, seconds))

    def exposition(self) -> bytes:
        """The Prometheus text format of every metric in the registry."""
        return generate_latest(self.registry)


def _probe(runtime: Runtime) -> dict[str, Any]:
    """Runs on the writer thread: a write rolled back in a savepoint, and the passage count."""
    conn = runtime.engine.store.db.conn
    outer = conn.in_transaction
    report: dict[str, Any] = {}
    try:
        conn.execute("SAVEPOINT healthz")
        try:
            conn.execute(
                "INSERT OR REPLACE INTO inbox (key, received) VALUES ('healthz:probe', ?)",
                [datetime.now(UTC).isoformat()],
            )
        finally:
            conn.execute("ROLLBACK TO healthz")
            conn.execute("RELEASE healthz")
        report["database"] = {"ok": True}
    except Exception as error:
        if conn.in_transaction and not outer:
            with contextlib.suppress(Exception):
                conn.execute("ROLLBACK")
        logger.warning("health check: the database is not writable: %s", error)
        report["database"] = {"ok": False, "error": str(error)[:200]}
    try:
        passages = runtime.engine.answering.index.count()
        report["index"] = {"ok": passages > 0, "passages": passages}
    except Exception as error:
        report["index"] = {"ok": False, "error": str(error)[:200]}
    return report


async def health(runtime: Runtime) -> dict[str, Any]:
    """Adapters attached, database writable, index loaded; `ok` only when all three are."""
    names = sorted(runtime.platforms)
    try:
        report = await asyncio.wait_for(runtime.call(_probe, runtime), HEALTH_TIMEOUT_SECONDS)
    except TimeoutError:
        report = {
            "database": {"ok": False, "error": "the writer thread is busy"},
            "index": {"ok": False, "error": "not checked"},
        }
    report["adapters"] = {"ok": bool(names), "connected": names}
    report["ok"] = all(part["ok"] for part in report.values())
    return report


class OpsServer:
    """`/healthz` (JSON; 200 when healthy, 503 otherwise) and `/metrics` (Prometheus text)."""

    def __init__(
        self, runtime: Runtime, metrics: PrometheusMetrics, port: int, host: str = "0.0.0.0"
    ):
        self.runtime = runtime
        self.metrics = metrics
        self.host = host
        self.port = port
        self.app = web.Application()
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/metrics", self._metrics)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        logger.info("health and metrics on %s", self.url)

    @property
    def url(self) -> str:
        """The base URL the server listens on (its real port when started with port 0)."""
        addresses = self._runner.addresses if self._runner else []
        port = addresses[0][1] if addresses else self.port
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, request: web.Request) -> web.Response:
        report = await health(self.runtime)
        return web.json_response(report, status=200 if report["ok"] else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        body = await self.runtime.call(self.metrics.exposition)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


async def serve(runtime: Runtime, metrics: PrometheusMetrics, port: int) -> OpsServer:
    """Start the health and metrics server for a running bot."""
    metrics.track(runtime.engine.store.db)
    server = OpsServer(runtime, metrics, port)
    await server.start()
    return server
