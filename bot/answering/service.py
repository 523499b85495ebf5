"""The answering service: the loaded catalog, the index and the answerer, swapped on reload."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.answering.answerer import Answerer, Phraser, Tuning
from bot.answering.catalog import Catalog
from bot.answering.index import ChromaIndex, IndexReport

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _State:
    catalog: Catalog
    answerer: Answerer


class Answering:
    """Holds what answering needs and replaces it atomically when the knowledge base changes."""

    def __init__(
        self,
        knowledge_dir: Path,
        index: ChromaIndex,
        tuning: Tuning | None = None,
        phraser: Phraser | None = None,
    ):
        self.knowledge_dir = knowledge_dir
        self.index = index
        self.tuning = tuning or Tuning()
        self.phraser = phraser
        self._lock = threading.Lock()
        self._state = self._build(Catalog.load(knowledge_dir))
        # Counts reloads, however they came (the watch, /reload): decider processes compare it.
        self.generation = 0

    def _build(self, catalog: Catalog) -> _State:
        return _State(
            catalog=catalog, answerer=Answerer(catalog, self.index, self.tuning, self.phraser)
        )

    @property
    def catalog(self) -> Catalog:
        return self._state.catalog

    @property
    def answerer(self) -> Answerer:
        return self._state.answerer

    def sync(
        self, *, rebuild: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> IndexReport:
        """Bring the index in step with the loaded catalog (waiting for another process that
        is writing it)."""
        with self._lock:
            return self._sync(self.catalog, rebuild=rebuild, progress=progress)

    def _sync(
        self,
        catalog: Catalog,
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IndexReport:
        with self.index.writing():
            report = self.index.sync(catalog.all_passages(), rebuild=rebuild, progress=progress)
            added, removed = self.index.sync_out_of_scope(catalog.out_of_scope)
            report.out_of_scope_added, report.out_of_scope_removed = added, removed
            report.examples_added, report.examples_removed = self.index.sync_examples(
                catalog.examples.texts
            )
        return report

    def reload(self, *, wait: bool = True) -> IndexReport:
        """Re-read the knowledge base, update the index, then switch to it in one assignment.

        Without `wait`, raises `IndexBusy` while another process writes the index, before
        reading anything (the knowledge base takes about a second to load: not on every
        tick of a watch that waits for the other process)."""
        with self._lock, self.index.writing(wait=wait):
            catalog = Catalog.load(self.knowledge_dir)
            report = self._sync(catalog)
            self._state = self._build(catalog)
            self.generation += 1
        logger.info(
            "knowledge reloaded: %d added, %d updated, %d removed",
            len(report.added),
            len(report.updated),
            len(report.removed),
        )
        return report
