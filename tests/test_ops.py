"""Operations: metrics and health over HTTP, reloads without a restart, safe structured logs."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import pytest
from chat import Conversation
from conftest import KNOWLEDGE, Clock, decided_here, make_settings

from bot.answering.calibration import Calibration
from bot.answering.calibration import save as save_calibration
from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.index import ChromaIndex
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.cli import _logging
from bot.engine import Engine
from bot.i18n import t
from bot.models import (
    Address,
    ButtonPress,
    Delivery,
    DeliveryError,
    Event,
    IncomingMessage,
    Outgoing,
    Sender,
    UserRef,
)
from bot.ops.logs import configure
from bot.ops.metrics import PrometheusMetrics, serve
from bot.ops.reload import KnowledgeWatch
from bot.runtime import Runtime
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
ARTICLES = ("cat-tax", "yyds", "translate-button", "penalties-bans-and-appeals")
OLD = "posting a photo of your cat became the joking"
NEW = "posting a photo of your cat (RELOADED-MARKER) became the joking"


class RecordingPlatform:
    """An in-memory platform: records what it sends; can be told to refuse."""

    def __init__(self, name: str = "telegram"):
        self.name = name
        self.sent: list[Outgoing] = []
        self.failures: list[DeliveryError] = []

    async def send(self, message: Outgoing) -> Delivery:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(message)
        return Delivery(str(len(self.sent)), thread_id=message.address.thread_id)

    async def edit(self, message: Outgoing, target: Delivery) -> None:
        return None


def ask(user: str, text: str, key: str, platform: str = "telegram") -> IncomingMessage:
    sender = Sender(UserRef(platform, user), f"U{user}", "en")
    return IncomingMessage(key, sender, Address(platform, user), text)


def engine_for(
    settings: Settings, answering: Answering, clock: Clock, metrics: PrometheusMetrics
) -> Engine:
    store = Store(open_database(settings.db_path))
    return compose(settings, store, answering, clock=clock, metrics=metrics)


def sample(metrics: PrometheusMetrics, name: str, **labels: str) -> float:
    return metrics.registry.get_sample_value(name, labels) or 0.0


# --- metrics


async def test_runtime_and_engine_report_messages_errors_and_latency(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    metrics = PrometheusMetrics()
    runtime = Runtime(engine_for(make_settings(tmp_path), answering, clock, metrics))
    platform = RecordingPlatform()
    platform.failures = [
        DeliveryError("429", retry_after=0),
        DeliveryError("Forbidden: bot was blocked by the user", permanent=True),
    ]
    runtime.attach(platform)
    await runtime.start(tick=False)
    await runtime.submit(ask("1", "what is the cat tax", "k1"))
    await runtime.submit(ask("2", "/help", "k2"))
    await runtime.submit(ask("3", "/privacy", "k3"))
    await runtime.submit(ask("3", "/privacy", "k3"))  # redelivered: not a new message
    assert await runtime.drain()
    await runtime.stop()
    assert sample(metrics, "messages_in_total", platform="telegram") == 3
    assert sample(metrics, "messages_out_total", platform="telegram") == 2
    assert sample(metrics, "errors_total", kind="delivery_transient") == 1
    assert sample(metrics, "errors_total", kind="delivery_permanent") == 1
    assert sample(metrics, "answer_latency_seconds_count") == 1
    assert 0 < sample(metrics, "answer_latency_seconds_sum") < 5
    assert PrometheusMetrics().registry is not metrics.registry  # no global registry


class BrokenEngine(Engine):
    """An engine with a bug."""

    def handle_many(
        self, events: Sequence[tuple[Event, Any]], budget: float | None = None
    ) -> list[Any]:
        raise RuntimeError("a bug")


async def test_an_engine_failure_is_counted(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    metrics = PrometheusMetrics()
    settings = make_settings(tmp_path)
    built = compose(
        settings, Store(open_database(settings.db_path)), answering, clock=clock, metrics=metrics
    )
    engine = BrokenEngine(built.ctx)
    runtime = Runtime(engine)
    with pytest.raises(RuntimeError):
        await runtime.submit(ask("1", "hello", "k1"))
    await runtime.stop()
    assert sample(metrics, "errors_total", kind="engine") == 1


async def test_healthz_and_metrics_over_http(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    metrics = PrometheusMetrics()
    engine = engine_for(make_settings(tmp_path), answering, clock, metrics)
    runtime = Runtime(engine)
    await runtime.start(tick=False)
    server = await serve(runtime, metrics, 0)
    try:
        async with aiohttp.ClientSession(server.url) as http:
            async with http.get("/healthz") as response:
                assert response.status == 503
                report = await response.json()
            assert report["adapters"] == {"ok": False, "connected": []}
            assert report["database"]["ok"] and report["index"]["passages"] > 100
            runtime.attach(RecordingPlatform("telegram"))
            runtime.attach(RecordingPlatform("discord"))
            async with http.get("/healthz") as response:
                assert response.status == 200
                report = await response.json()
            assert report["ok"] and report["adapters"]["connected"] == ["discord", "telegram"]

            await runtime.submit(ask("42", "/mentor", "k1"))
            async with http.get("/metrics") as response:
                assert response.status == 200
                assert response.headers["Content-Type"].startswith("text/plain")
                text = await response.text()
            assert "handoff_queue_length 1.0" in text
            assert 'messages_in_total{platform="telegram"} 1.0' in text

            clock.advance(minutes=4)
            handoff_id = engine.store.db.execute("SELECT MAX(id) FROM handoffs").fetchone()[0]
            token = engine.store.issue("claim", {"h": handoff_id}, None, clock())
            mentor = Sender(UserRef("discord", "500"), "Mei", "en", True)
            await runtime.submit(
                ButtonPress("k2", mentor, Address("discord", "888"), token, "mentor_room")
            )
            async with http.get("/metrics") as response:
                text = await response.text()
            assert "handoff_queue_length 0.0" in text
            assert "handoff_time_to_claim_seconds_count 1.0" in text
            assert 'handoff_time_to_claim_seconds_bucket{le="300.0"} 1.0' in text
            assert 'handoff_time_to_claim_seconds_bucket{le="120.0"} 0.0' in text
            assert "handoff_time_to_claim_seconds_sum 240.0" in text
    finally:
        await server.stop()
        await runtime.stop()


async def test_healthz_fails_when_the_database_is_not_writable(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    metrics = PrometheusMetrics()
    engine = engine_for(make_settings(tmp_path), answering, clock, metrics)
    engine.store.db.execute("PRAGMA query_only = ON")
    runtime = Runtime(engine)
    runtime.attach(RecordingPlatform())
    server = await serve(runtime, metrics, 0)
    try:
        async with aiohttp.ClientSession(server.url) as http, http.get("/healthz") as response:
            assert response.status == 503
            report = await response.json()
        assert report["database"]["ok"] is False and report["adapters"]["ok"]
        assert not engine.store.db.conn.in_transaction
    finally:
        await server.stop()
        await runtime.stop()


# --- reloading without a restart


@pytest.fixture
def small_kb(tmp_path: Path) -> Path:
    """A private copy of a few articles (and their translations) that a test may edit."""
    knowledge = tmp_path / "knowledge"
    for language in ("en", "es", "zh"):
        (knowledge / language).mkdir(parents=True)
        for name in ARTICLES:
            source = KNOWLEDGE / language / f"{name}.md"
            if source.exists():
                shutil.copy(source, knowledge / language / source.name)
    return knowledge


def build_small(tmp_path: Path, knowledge: Path, **overrides: str) -> tuple[Engine, Settings]:
    """An engine over the small knowledge base, index and store in one database (as in prod)."""
    settings = make_settings(tmp_path, GUIDE_KNOWLEDGE_DIR=str(knowledge), **overrides)
    db = open_database(settings.db_path)
    answering = Answering(
        knowledge, ChromaIndex(settings.chroma_dir, db, UniversalSentenceEncoder())
    )
    answering.sync()
    return compose(settings, Store(db), answering, metrics=PrometheusMetrics()), settings


async def test_a_reload_during_traffic_answers_every_question_once(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, _ = build_small(tmp_path, small_kb, GUIDE_TICK_SECONDS="0.05")
    runtime = Runtime(engine)
    platform = RecordingPlatform()
    runtime.attach(platform)
    await runtime.start()
    article = small_kb / "en" / "cat-tax.md"
    original = article.read_text(encoding="utf-8")
    assert OLD in original
    after_reload: set[str] = set()
    stop = asyncio.Event()
    submitted: list[str] = []

    async def newcomers(lane: int) -> None:
        n = 0
        while not stop.is_set():
            user = f"{lane}-{n}"
            reloaded = runtime.watch.reloads > 0
            await runtime.submit(ask(user, "what is the cat tax", f"key-{user}"))
            submitted.append(user)
            if reloaded:
                after_reload.add(user)
            n += 1
            await asyncio.sleep(0.005)

    async def maintainer() -> None:
        await asyncio.sleep(0.2)
        article.write_text(original.replace(OLD, NEW), encoding="utf-8")
        async with asyncio.timeout(30):
            while runtime.watch.reloads == 0:
                await asyncio.sleep(0.01)
            while len(after_reload) < 10:
                await asyncio.sleep(0.01)
        stop.set()

    await asyncio.gather(maintainer(), *(newcomers(lane) for lane in range(3)))
    assert await runtime.drain()
    await runtime.stop()
    by_chat: dict[str, list[str]] = {}
    for message in platform.sent:
        by_chat.setdefault(message.address.chat_id, []).append(message.text)
    assert sorted(by_chat) == sorted(submitted)
    assert all(len(texts) == 1 for texts in by_chat.values())
    assert all("cat tax" in texts[0].lower() and "📖" in texts[0] for texts in by_chat.values())
    before = [by_chat[user][0] for user in submitted if user not in after_reload]
    assert any(OLD in text for text in before)
    assert all("RELOADED-MARKER" in by_chat[user][0] for user in after_reload)
    assert runtime.watch.reloads == 1


async def test_the_index_changed_by_another_process_and_a_broken_article(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, _ = build_small(tmp_path, small_kb)
    runtime = Runtime(engine)
    assert await runtime.refresh_knowledge() is False  # nothing changed
    # `guide kb index` in another process rewrites the passages table
    engine.store.db.execute("UPDATE passages SET content_hash = 'changed' WHERE id LIKE 'yyds#%'")
    assert await runtime.refresh_knowledge() is True
    assert engine.store.db.execute(
        "SELECT COUNT(*) FROM passages WHERE content_hash = 'changed'"
    ).fetchone() == (0,)
    (small_kb / "en" / "yyds.md").write_text("no front matter", encoding="utf-8")
    assert await runtime.refresh_knowledge() is False
    assert await runtime.refresh_knowledge() is False  # tried once, not on every tick
    metrics = engine.metrics
    assert isinstance(metrics, PrometheusMetrics)
    assert sample(metrics, "errors_total", kind="reload") == 1
    answer = engine.answering.answerer.answer("what does yyds mean")
    assert answer.action == "answer"  # the old knowledge base is still in use
    await runtime.stop()


def guide_kb_index(settings: Settings, knowledge: Path, *args: str) -> str:
    """`guide kb index` run in its own process, as a maintainer would from a shell; its output."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "TELEGRAM_", "DISCORD_"))
    }
    environment.update(GUIDE_DATA_DIR=str(settings.data_dir), GUIDE_KNOWLEDGE_DIR=str(knowledge))
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "kb", "index", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_rebuild_by_guide_kb_index_in_another_process_is_followed(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, settings = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    assert engine.answering.answerer.answer("what is the cat tax").action == "answer"
    # A maintainer rebuilds the index from a shell while the bot runs: every collection the
    # bot holds is deleted and made again under a new id.
    done = guide_kb_index(settings, small_kb, "--rebuild")
    assert "0 added" in done and "0 removed" in done  # the same passages again
    # Nothing changed in the passages, so the bot had no reason to reload; its next look at
    # the index (a changed article) follows the new collections instead of failing on the
    # deleted ones.
    article = small_kb / "en" / "cat-tax.md"
    article.write_text(article.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    report = watch.check()
    assert report is not None and any(p.startswith("cat-tax#") for p in report.updated)
    answer = engine.answering.answerer.answer("what is the cat tax")
    assert answer.action == "answer" and "RELOADED-MARKER" in answer.text
    assert (
        engine.answering.index.count()
        == engine.store.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    )


def test_the_watch_and_reload_wait_while_another_process_writes_the_index(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, settings = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    assert OLD in engine.answering.answerer.answer("what is the cat tax").text  # the bot is up
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys;"
            f"fd = os.open({str(settings.chroma_dir / 'write.lock')!r}, os.O_RDWR | os.O_CREAT);"
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "held"
        article = small_kb / "en" / "cat-tax.md"
        article.write_text(article.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
        # The tick does not block the writer thread: it tries again later.
        assert watch.check() is None
        assert watch.check() is None
        # An admin's /reload says why nothing happened, in the admin's language.
        chat = Conversation(engine, Clock())
        admin = chat.person("telegram", "1", "Admin")
        [reply] = chat.say(admin, "/reload")
        assert reply.text == t("admin.index_busy", "en")
        answer = engine.answering.answerer.answer("what is the cat tax")
        assert answer.action == "answer" and OLD in answer.text  # the old one still answers
    finally:
        holder.kill()
        holder.wait()
    report = watch.check()
    assert report is not None and any(p.startswith("cat-tax#") for p in report.updated)
    assert "RELOADED-MARKER" in engine.answering.answerer.answer("what is the cat tax").text
    assert watch.check() is None


def test_a_watch_sees_new_files_and_keeps_quiet_otherwise(tmp_path: Path, small_kb: Path) -> None:
    engine, _ = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    assert watch.check() is None
    shutil.copy(KNOWLEDGE / "en" / "what-is-rednote.md", small_kb / "en" / "what-is-rednote.md")
    report = watch.check()
    assert report is not None and any(p.startswith("what-is-rednote#") for p in report.added)
    assert watch.check() is None and watch.reloads == 1


def test_out_of_scope_examples_turn_off_topic_questions_into_an_honest_unsure(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, _ = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    question = "will it rain in paris tomorrow afternoon"
    assert engine.answering.answerer.answer(question).reason != "out_of_scope"
    (small_kb / "out-of-scope.yaml").write_text(
        "en:\n  - what's the weather forecast for tomorrow\n  - is it going to rain this weekend\n"
        "es:\n  - va a llover mañana en madrid\n",
        encoding="utf-8",
    )
    report = watch.check()  # a changed examples file reloads like a changed article
    assert report is not None and report.out_of_scope_added == 3 and not report.added
    answer = engine.answering.answerer.answer(question)
    assert (answer.action, answer.reason) == ("unsure", "out_of_scope")
    assert answer.text == t("unsure.out_of_scope", "en")
    spanish = engine.answering.answerer.answer("¿lloverá el sábado en barcelona?")
    assert (spanish.action, spanish.language) == ("unsure", "es")
    assert engine.answering.answerer.answer("what does yyds mean").action == "answer"
    (small_kb / "out-of-scope.yaml").write_text("en:\n  - is it going to rain this weekend\n")
    report = watch.check()
    assert report is not None and report.out_of_scope_removed == 2
    assert report.out_of_scope_added == 0


def test_out_of_scope_examples_indexed_by_another_process_are_used_after_the_reload(
    tmp_path: Path, small_kb: Path
) -> None:
    engine, settings = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    question = "will it rain in paris tomorrow afternoon"
    assert engine.answering.answerer.answer(question).reason != "out_of_scope"  # scope read
    (small_kb / "out-of-scope.yaml").write_text(
        "en:\n  - what's the weather forecast for tomorrow\n  - is it going to rain this weekend\n",
        encoding="utf-8",
    )
    # The maintainer indexes them from a shell before the bot's watch looks.
    assert "out-of-scope examples: 2 added" in guide_kb_index(settings, small_kb)
    report = watch.check()  # nothing left to embed here, but the file changed
    assert report is not None and report.out_of_scope_added == 0
    answer = engine.answering.answerer.answer(question)
    assert (answer.action, answer.reason) == ("unsure", "out_of_scope")


async def test_a_decider_process_answers_from_the_reloaded_index(
    tmp_path: Path, small_kb: Path
) -> None:
    """A worker that decides questions opens the index in its own process: after the main
    process reloads an edited article, the worker's next answer is the new text."""
    engine, _ = build_small(tmp_path, small_kb)
    in_process = decided_here(engine)
    runtime = Runtime(engine, decide_processes=1)
    await runtime.start(tick=False)
    try:
        before = await asyncio.wait_for(runtime.submit(ask("1", "what is the cat tax", "k1")), 60)
        article = small_kb / "en" / "cat-tax.md"
        article.write_text(article.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
        assert await runtime.refresh_knowledge() is True
        after = await asyncio.wait_for(runtime.submit(ask("2", "what is the cat tax", "k2")), 60)
    finally:
        await runtime.stop()
    assert OLD in before[0].text and "RELOADED-MARKER" in after[0].text
    assert in_process == []  # both decided in the worker


def test_a_new_calibration_is_picked_up_by_the_watch(tmp_path: Path, small_kb: Path) -> None:
    engine, _ = build_small(tmp_path, small_kb)
    watch = KnowledgeWatch(engine.answering, engine.store.db)
    assert engine.answering.catalog.calibration is None
    before = engine.answering.answerer.answer("what does yyds mean").confidence
    model = Calibration((0.0, 0.0, 0.0, 0.0), 0.0, "a test: always one half")
    save_calibration(small_kb, model)
    report = watch.check()
    assert report is not None and not report.changed  # nothing to embed, still reloaded
    assert engine.answering.catalog.calibration == model
    after = engine.answering.answerer.answer("what does yyds mean")
    assert after.confidence == 0.5 != before and after.action == "answer"


# --- logs


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    filters = {handler: list(handler.filters) for handler in handlers}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    for handler, kept in filters.items():
        handler.filters[:] = kept
    root.setLevel(level)


def _log_secrets(log: logging.Logger) -> None:
    log.warning("getUpdates failed (%s)", f"https://api.telegram.org/bot{TOKEN}/getUpdates")
    try:
        try:
            raise httpx.ConnectError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getMe")
        except httpx.ConnectError as error:
            raise RuntimeError("starting the adapter failed") from error
    except RuntimeError:
        log.exception("Telegram start failed")
    log.info(
        "token %s and %s",
        "discord-secret-token-value",
        "555555555:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    )


def test_tokens_never_reach_the_logs(
    tmp_path: Path,
    restored_logging: None,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, DISCORD_BOT_TOKEN="discord-secret-token-value"
    )
    _logging(settings)
    with caplog.at_level(logging.INFO):
        _log_secrets(logging.getLogger("adapters.telegram.receive"))
    captured = capsys.readouterr().err + caplog.text
    assert "getMe" in captured and "starting the adapter failed" in captured
    assert "[redacted]" in captured
    for secret in (TOKEN, TOKEN.split(":")[1], "discord-secret-token-value", "ZZHdqTcvCH1v"):
        assert secret not in captured, secret


def test_json_logs_are_one_object_per_line(restored_logging: None) -> None:
    stream = io.StringIO()
    configure(logging.INFO, "json", [TOKEN], stream=stream)
    log = logging.getLogger("bot.test")
    log.info("delivered %s", "a message", extra={"chat": "telegram:42", "attempt": 2})
    _log_secrets(log)
    entries = [json.loads(line) for line in stream.getvalue().splitlines()]
    first = entries[0]
    assert first["message"] == "delivered a message" and first["level"] == "INFO"
    assert first["logger"] == "bot.test" and first["chat"] == "telegram:42"
    assert first["attempt"] == 2 and first["time"].endswith("+00:00")
    failure = next(e for e in entries if e["message"] == "Telegram start failed")
    assert "Traceback" in failure["exception"] and "[redacted]" in failure["exception"]
    assert TOKEN not in stream.getvalue()


def test_message_bodies_are_not_logged_at_info(
    chat: Conversation, caplog: pytest.LogCaptureFixture
) -> None:
    body = "my secret question about zebra-striped-lipstick"
    with caplog.at_level(logging.DEBUG):
        ana = chat.person("telegram", "42", "Ana")
        chat.say(ana, body)
        chat.say(ana, "/mentor")
        chat.say(ana, body + " again")
        chat.say(ana, "/cancel")
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not any("zebra" in message for message in loud)


def test_bot_tokens_are_secrets_that_never_print(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        DISCORD_BOT_TOKEN="discord-secret-token-value",
        TELEGRAM_WEBHOOK_SECRET="webhook-secret-value",
    )
    shown = repr(settings) + str(settings.model_dump())
    for secret in (TOKEN, "discord-secret-token-value", "webhook-secret-value"):
        assert secret not in shown
        assert secret in settings.secrets
    assert settings.telegram_bot_token.get_secret_value() == TOKEN
    assert settings.platforms == ("telegram", "discord")
    assert make_settings(tmp_path, TELEGRAM_BOT_TOKEN="  ").platforms == ()
