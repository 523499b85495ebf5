"""Noticing a changed knowledge base or index, so a running bot reloads without a restart."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from bot.answering.calibration import CALIBRATION_FILE
from bot.answering.index import IndexBusy, IndexReport
from bot.answering.knowledge import LANGUAGES, OUT_OF_SCOPE_FILE
from bot.answering.service import Answering

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fingerprint:
    """Cheap to take, and different whenever an article file or an indexed passage changed."""

    files: int
    newest: int
    size: int
    passages: int
    digest: str


def fingerprint(knowledge_dir: Path, db: Database) -> Fingerprint:
    """The knowledge files (count, newest mtime, total size) and the passages table.

    The knowledge files are the articles, the out-of-scope examples and the confidence
    calibration; the table gives its rows and their hashes.
    """
    count = newest = size = 0
    files = [knowledge_dir / OUT_OF_SCOPE_FILE, knowledge_dir / CALIBRATION_FILE]
    for language in LANGUAGES:
        folder = knowledge_dir / language
        if folder.is_dir():
            files.extend(folder.glob("*.md"))
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        count += 1
        newest = max(newest, stat.st_mtime_ns)
        size += stat.st_size
    digest = hashlib.sha1(usedforsecurity=False)
    rows = 0
    for passage_id, content_hash in db.execute(
        "SELECT id, content_hash FROM passages ORDER BY id"
    ).fetchall():
        rows += 1
        digest.update(f"{passage_id}\x1f{content_hash}\x1e".encode())
    return Fingerprint(count, newest, size, rows, digest.hexdigest())


class KnowledgeWatch:
    """Reloads the answering service when its fingerprint moves; runs on the writer thread.

    The reload itself is `Answering.reload`: the new catalog and answerer replace the old
    ones in one assignment, between two events, so no message sees half of each.
    """

    def __init__(self, answering: Answering, db: Database):
        self.answering = answering
        self.db = db
        self.reloads = 0
        self._seen = self._take()

    def _take(self) -> Fingerprint:
        return fingerprint(self.answering.knowledge_dir, self.db)

    def check(self) -> IndexReport | None:
        """Reload if the files or the index changed since the last look; the report, or None.

        A failed reload (a broken article) raises once; it is tried again only after the
        files change again, so a broken file does not fill the log on every tick. While
        another process writes the index (`guide kb index`), it waits for a later tick.
        """
        now = self._take()
        if now == self._seen:
            return None
        seen, self._seen = self._seen, now
        logger.info("the knowledge base changed on disk or in the index: reloading")
        try:
            report = self.answering.reload(wait=False)
        except IndexBusy:
            self._seen = seen
            logger.info("another process is writing the index: reloading on a later tick")
            return None
        self.reloads += 1
        self._seen = self._take()
        return report
