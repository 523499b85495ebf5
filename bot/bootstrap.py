"""The composition root: everything the bot needs, built from Settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.answering.answerer import Phraser, Tuning
from bot.answering.embedder import UniversalSentenceEncoder
from bot.answering.index import ChromaIndex, IndexReport
from bot.answering.service import Answering
from bot.builder import MessageBuilder
from bot.context import Context
from bot.engine import Engine, utcnow
from bot.handoff.mentors import MentorRoster
from bot.handoff.repo import HandoffRepo
from bot.ops.instruments import Metrics, NoMetrics
from bot.screens.glossary import Glossary, GlossaryError
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

logger = logging.getLogger(__name__)


@dataclass
class App:
    """The built bot: settings, database, answering and the engine."""

    settings: Settings
    db: Database
    store: Store
    answering: Answering
    engine: Engine
    index_report: IndexReport


def build(
    settings: Settings | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    progress: Callable[[int, int], None] | None = None,
    metrics: Metrics | None = None,
) -> App:
    """Open the database, load the knowledge base, bring the index up to date, build the engine."""
    settings = settings or Settings()
    phraser: Phraser | None = None
    if settings.llm_provider.strip():
        # langchain's chat models cost half a second to import: only when one is configured.
        from bot.answering.llm import build_phraser

        phraser = build_phraser(settings)
    db = open_database(settings.db_path)
    store = Store(db)
    embedder = UniversalSentenceEncoder()
    embedder.verify()
    embedder.warm_up()
    index = ChromaIndex(settings.chroma_dir, db, embedder)
    tuning = Tuning(min_confidence=settings.confidence_threshold)
    answering = Answering(settings.knowledge_dir, index, tuning, phraser=phraser)
    report = answering.sync(progress=progress)
    if report.changed:
        logger.info(
            "index updated: %d added, %d updated, %d removed",
            len(report.added),
            len(report.updated),
            len(report.removed),
        )
    engine = compose(settings, store, answering, clock=clock, metrics=metrics)
    return App(settings, db, store, answering, engine, report)


def compose(
    settings: Settings,
    store: Store,
    answering: Answering,
    *,
    clock: Callable[[], datetime] | None = None,
    bot_links: dict[str, str] | None = None,
    metrics: Metrics | None = None,
) -> Engine:
    """The engine and the context its handlers share, over an open store and answering."""
    clock = clock or utcnow

    def title(english_id: str, lang: str) -> str:
        article = answering.catalog.localized(english_id, lang)
        return article.title if article else english_id

    context = Context(
        settings=settings,
        clock=clock,
        store=store,
        handoffs=HandoffRepo(store.db),
        mentors=MentorRoster(store.db),
        say=MessageBuilder(settings, store, clock, title, bot_links),
        answering=answering,
        metrics=metrics if metrics is not None else NoMetrics(),
        glossary=load_glossary(settings),
    )
    return Engine(context)


def load_glossary(settings: Settings) -> Glossary | None:
    """The app's interface labels, for naming what a question quotes; None (and an error in
    the log, which `guide kb validate` explains) when the file is missing or broken."""
    path = settings.glossary_path
    try:
        return Glossary.load(path)
    except (OSError, GlossaryError) as error:
        logger.error("the UI glossary %s could not be loaded: %s", path, error)
        return None
