"""Shared fixtures: a real SQLite file per test, one real Chroma index per session."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
sys.path.insert(0, str(Path(__file__).parent))

from chat import Conversation

from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.index import ChromaIndex
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.engine import Engine
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def decided_here(engine: Engine) -> list[object]:
    """The events this process's engine decides from now on (a spy on `Engine.prepare`): empty
    when every one was decided in a worker process."""
    decided: list[object] = []
    prepare = engine.prepare

    def spy(event: Any) -> Any:
        decided.append(event)
        return prepare(event)

    engine.prepare = spy  # type: ignore[method-assign]
    return decided


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test: no .env, a private data dir, mentor rooms on both platforms."""
    values: dict[str, Any] = {
        "GUIDE_DATA_DIR": str(data_dir),
        "GUIDE_KNOWLEDGE_DIR": str(KNOWLEDGE),
        "TELEGRAM_MENTOR_CHAT_ID": "-100777",
        "DISCORD_MENTOR_CHANNEL_ID": "888",
        "GUIDE_ADMINS": "telegram:1",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def answering(tmp_path_factory: pytest.TempPathFactory) -> Answering:
    """The real knowledge base in a real Chroma index, built once per test session."""
    directory = tmp_path_factory.mktemp("index")
    db = open_database(directory / "index.db")
    index = ChromaIndex(directory / "chroma", db, UniversalSentenceEncoder())
    service = Answering(KNOWLEDGE, index)
    service.sync()
    return service


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    db = open_database(settings.db_path)
    yield Store(db)
    db.close()


@pytest.fixture
def engine(settings: Settings, store: Store, answering: Answering, clock: Clock) -> Engine:
    return compose(
        settings,
        store,
        answering,
        clock=clock,
        bot_links={"telegram": "https://t.me/newcomer_guide_bot"},
    )


@pytest.fixture
def chat(engine: Engine, clock: Clock) -> Conversation:
    """A conversation with the engine that reads like a chat log."""
    return Conversation(engine, clock)
