"""The search index: dense vectors in embedded Chroma (through langchain-chroma), terms in FTS5.

This is the only module that imports chromadb or langchain-chroma. Indexing is
content-addressed: each passage keeps its content hash, and only new or changed passages are
embedded again. Reading needs only chromadb; langchain-chroma, which writes, is imported the
first time something has to be embedded (about half a second less to a first answer).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from typing import TYPE_CHECKING, cast

import chromadb
import numpy as np
from chromadb.api.client import Client as ChromaClient
from chromadb.api.models.Collection import Collection
from chromadb.api.types import GetResult
from chromadb.config import Settings as ChromaSettings
from sqlite_utils import Database

from bot.answering.embedder import Embedder
from bot.answering.knowledge import Passage
from bot.answering.lexical import VERSION as LEXICAL
from bot.answering.lexical import fts_query, terms

# A query term found in more than this share of the passages is left out of the lexical query:
# BM25's IDF, log((N - n + 0.5) / (n + 0.5)), is below zero there and FTS5 floors it at 1e-6,
# so such a term adds nothing to a score, yet its long posting list is the query's dearest part
# (about a quarter of the lexical side's time on the development questions).
COMMON_SHARE = 0.5

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

logger = logging.getLogger(__name__)
COLLECTION = "passages"
SCOPE_COLLECTION = "out_of_scope"
# The labelled development messages (examples.py), embedded once like the out-of-scope ones.
EXAMPLES_COLLECTION = "examples"
COLLECTIONS = (COLLECTION, SCOPE_COLLECTION, EXAMPLES_COLLECTION)
# In the Chroma directory: held exclusively by the one process writing the index (a running
# bot's reload, `guide kb index` in a shell), shared by a process reading vectors from it.
WRITE_LOCK = "write.lock"
# Also there: how many times a process has changed the index. Embedded Chroma keeps what it has
# read of a collection in memory; a process that sees this number move reconnects rather than
# trust that (another process's writes can otherwise read as "Nothing found on disk").
GENERATION = "generation"
# Each passage is embedded as the question its heading asks ("q"), as its answer ("a"), and
# once per phrasing in its article's `asked` field ("k0", "k1", ...). The question side of a
# passage is the best of its heading and its phrasings.
VIEWS = ("q", "a")
# How much each side counts in a passage's similarity (tuned with `guide kb eval`).
VIEW_WEIGHTS = {"q": 0.7, "a": 0.3}
# How many recent query vectors are kept: the questions being answered now (a decider's batch,
# up to bot.decider.MAX_BATCH, is embedded before any of it is answered), each looked up twice
# (dense and scope), and a newcomer sending the same question again.
RECENT_QUERIES = 128


class IndexBusy(RuntimeError):
    """Another process is writing the index (`guide kb index`); try again later."""


@dataclass
class IndexReport:
    """What one sync changed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    out_of_scope_added: int = 0
    out_of_scope_removed: int = 0
    examples_added: int = 0
    examples_removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.updated
            or self.removed
            or self.out_of_scope_added
            or self.out_of_scope_removed
            or self.examples_added
            or self.examples_removed
        )


@dataclass(frozen=True)
class _Vectors:
    """The index's vectors in memory: one row per passage, plus the phrasings' rows."""

    ids: list[str]
    views: np.ndarray  # (len(VIEWS), passages, dimension)
    phrasings: np.ndarray  # (phrasings, dimension), grouped by passage row, rows ascending
    owners: np.ndarray  # the passage row of each phrasing
    rows: dict[str, int] = field(default_factory=dict)  # passage id -> row
    # Where each owner's run of phrasings starts, and which passage row it belongs to.
    starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    grouped: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))

    def question_side(self, query: np.ndarray) -> tuple[np.ndarray, float]:
        """Each passage's question-side similarity (its heading or its best phrasing), and
        the best similarity of any heading or phrasing."""
        question, inside = self.question_sides(query[np.newaxis, :])
        return question[0], float(inside[0])

    def question_sides(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`question_side` for several queries (one per row) in one product: the matrices are
        read from memory once for all of them instead of once each."""
        question = queries @ self.views[0].T
        inside = question.max(axis=1) if self.ids else np.zeros(len(queries), dtype=np.float32)
        if len(self.owners):
            asked = queries @ self.phrasings.T
            inside = np.maximum(inside, asked.max(axis=1))
            best = np.maximum.reduceat(asked, self.starts, axis=1)
            question[:, self.grouped] = np.maximum(question[:, self.grouped], best)
        return question, inside


def _langchain_embeddings(embedder: Embedder) -> Embeddings:
    """The project's Embedder port behind langchain's Embeddings interface."""
    from langchain_core.embeddings import Embeddings

    class PortEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed([text])[0].tolist()

    return PortEmbeddings()


def _text_id(text: str) -> str:
    """The id a plain text (an example) is stored under: the hash of its words."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def view_texts(passage: Passage) -> dict[str, str]:
    """The texts embedded for a passage, by view."""
    tags = ", ".join(passage.tags[:12])
    texts = {
        "q": f"{passage.heading} — {passage.title}. {tags}",
        "a": f"{passage.heading}\n{passage.text}",
    }
    texts.update({f"k{i}": phrasing for i, phrasing in enumerate(passage.asked)})
    return texts


def vector_ids(passage_id: str, count: int) -> list[str]:
    """The ids of a passage's `count` vectors in Chroma."""
    return [f"{passage_id}::{view}" for view in VIEWS] + [
        f"{passage_id}::k{i}" for i in range(count - len(VIEWS))
    ]


def passage_terms(passage: Passage) -> str:
    """What the lexical side searches: title and heading twice, tags, phrasings, the text."""
    weighted = " ".join(
        [passage.title, passage.heading] * 2 + list(passage.tags) * 2 + list(passage.asked)
    )
    return " ".join(terms(f"{weighted} {passage.text}"))


class ChromaIndex:
    """Dense and lexical search over passages, kept in step with the knowledge base."""

    def __init__(self, chroma_dir: Path, db: Database, embedder: Embedder):
        self.chroma_dir = chroma_dir
        self._db = db
        self._embedder = embedder
        chroma_dir.mkdir(parents=True, exist_ok=True)
        self._generation = self._on_disk_generation()
        # Held while the client may be replaced (`_follow`) and while it is read through.
        self._connection = threading.RLock()
        self._client = self._connect()
        self._collections = {name: self._open(name) for name in COLLECTIONS}
        self._writers: dict[str, Chroma] = {}
        self._vectors: _Vectors | None = None
        self._common: frozenset[str] | None = None
        self._scope_vectors: np.ndarray | None = None
        # The examples' vectors, in the order of the texts they were asked for.
        self._example_vectors: tuple[tuple[str, ...], np.ndarray] | None = None
        self._queries: OrderedDict[str, list[float]] = OrderedDict()
        self._queries_lock = threading.Lock()
        # Question sides worked out for a batch of queries (embed_queries), by query vector.
        self._sides: OrderedDict[int, tuple[object, _Vectors, np.ndarray, float]] = OrderedDict()
        self._local = threading.local()
        # Read once, here: the threads that answer never touch the main connection.
        row = db.execute("PRAGMA database_list").fetchone()
        self._file = str(row[2] or "") if row else ""

    def _connect(self) -> ChromaClient:
        client = chromadb.PersistentClient(
            path=str(self.chroma_dir),
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
        )
        return cast(ChromaClient, client)  # typed as the API; it is a Client, with close()

    def _on_disk_generation(self) -> int:
        try:
            return int((self.chroma_dir / GENERATION).read_text(encoding="ascii").strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def _metadata(self) -> dict[str, str]:
        return {"hnsw:space": "cosine", "embedder": self._embedder.name, "lexical": LEXICAL}

    def _open(self, name: str) -> Collection:
        """A collection for reading: vectors only, no embedding function."""
        return self._client.get_or_create_collection(
            name, metadata=self._metadata(), embedding_function=None
        )

    def _writer(self, name: str) -> Chroma:
        """The langchain-chroma store that embeds and writes into a collection."""
        if name not in self._writers:
            from langchain_chroma import Chroma

            self._writers[name] = Chroma(
                collection_name=name,
                embedding_function=_langchain_embeddings(self._embedder),
                client=self._client,
                collection_metadata=self._metadata(),
            )
        return self._writers[name]

    def _recreate(self, name: str) -> None:
        self._client.delete_collection(name)
        self._writers.pop(name, None)
        self._collections[name] = self._open(name)

    @contextlib.contextmanager
    def writing(self, *, wait: bool = True) -> Iterator[None]:
        """Hold the index's write lock, shared by every process on this directory, and first
        follow a rebuild another process made meanwhile. Without `wait`, raise `IndexBusy`
        at once if another process holds it (a running bot retries on its next tick rather
        than stop answering while `guide kb index --rebuild` runs in a shell)."""
        depth = getattr(self._local, "writing", 0)
        if depth:  # this thread holds it already
            self._local.writing = depth + 1
            try:
                yield
            finally:
                self._local.writing = depth
            return
        with self._flock(fcntl.LOCK_EX, wait=wait):
            self._local.writing = 1
            self._local.wrote = False
            try:
                with self._connection:
                    self._follow()
                yield
            finally:
                self._local.writing = 0
                if self._local.wrote:
                    # (the bump is this process's own: it need not reconnect for it)
                    self._generation = self._on_disk_generation() + 1
                    (self.chroma_dir / GENERATION).write_text(
                        f"{self._generation}\n", encoding="ascii"
                    )

    @contextlib.contextmanager
    def _flock(self, kind: int, *, wait: bool = True) -> Iterator[None]:
        fd = os.open(self.chroma_dir / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, kind | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    busy = f"another process is writing the index in {self.chroma_dir}"
                    raise IndexBusy(busy) from None
                logger.info("waiting for another process to finish writing the index")
                fcntl.flock(fd, kind)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def _read(self, name: str, ids: list[str] | None = None) -> GetResult:
        """The embeddings of a collection as it is now: not half written by another process
        (a shared lock waits for its writer), and not one it has since replaced."""
        if getattr(self._local, "writing", 0):
            return self._collections[name].get(ids=ids, include=["embeddings"])
        with self._flock(fcntl.LOCK_SH), self._connection:
            self._follow()
            return self._collections[name].get(ids=ids, include=["embeddings"])

    def _follow(self) -> None:
        """Reconnect if another process changed the index since this one last looked (a
        `guide kb index` in a shell, a rebuild), dropping what was read before."""
        generation = self._on_disk_generation()
        if generation == self._generation:
            return
        logger.info("the index was changed by another process: reconnecting to it")
        self._generation = generation
        # (closing the only client of this directory stops Chroma's state for it; the next
        # one reads the directory afresh)
        self._client.close()
        self._client = self._connect()
        self._collections = {name: self._open(name) for name in COLLECTIONS}
        self._writers.clear()
        self._vectors = None
        self._scope_vectors = None
        self._example_vectors = None
        self._common = None

    def _stored_hashes(self) -> dict[str, str]:
        return {row["id"]: row["content_hash"] for row in self._db.table("passages").rows}

    def _stored_vector_ids(self, passage_ids: Sequence[str]) -> list[str]:
        counts = {row["id"]: row["vectors"] for row in self._db.table("passages").rows}
        return [vid for pid in passage_ids for vid in vector_ids(pid, counts.get(pid, 2))]

    def _embedder_changed(self) -> bool:
        """The index was made by another embedder, or its terms by another tokenizer."""
        metadata = self._collections[COLLECTION].metadata or {}
        return metadata.get("embedder") not in (None, self._embedder.name) or (
            metadata.get("lexical") != LEXICAL
        )

    def pending(self, passages: Sequence[Passage]) -> IndexReport:
        """What a sync would change, without changing anything."""
        if self._inconsistent():
            return self._full(passages)
        stored = self._stored_hashes()
        report = IndexReport()
        for passage in passages:
            known = stored.pop(passage.id, None)
            if known is None:
                report.added.append(passage.id)
            elif known != passage.content_hash:
                report.updated.append(passage.id)
            else:
                report.unchanged += 1
        report.removed = sorted(stored)
        return report

    def _inconsistent(self) -> bool:
        """The vector store and the table disagree (a crash mid-sync, a deleted directory)."""
        expected = self._db.execute("SELECT coalesce(sum(vectors), 0) FROM passages").fetchone()[0]
        return bool(self._collections[COLLECTION].count() != expected)

    def _full(self, passages: Sequence[Passage]) -> IndexReport:
        report = IndexReport()
        stored = self._stored_hashes()
        for passage in passages:
            (report.updated if passage.id in stored else report.added).append(passage.id)
        report.removed = sorted(set(stored) - {p.id for p in passages})
        return report

    def sync(
        self,
        passages: Sequence[Passage],
        *,
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IndexReport:
        """Embed new and changed passages, drop removed ones; `rebuild` starts over."""
        with self.writing():
            return self._sync(passages, rebuild=rebuild, progress=progress)

    def _sync(
        self,
        passages: Sequence[Passage],
        *,
        rebuild: bool,
        progress: Callable[[int, int], None] | None,
    ) -> IndexReport:
        # The passages' rows stay as they were until the new vectors are in: a bot answering
        # meanwhile (in this process or another) keeps its lexical side.
        rebuilt = rebuild or self._embedder_changed() or self._inconsistent()
        if rebuilt:
            for name in COLLECTIONS:
                self._recreate(name)
            self._scope_vectors = None
            self._example_vectors = None
            report = self._full(passages)
        else:
            report = self.pending(passages)
        by_id = {p.id: p for p in passages}
        todo = [by_id[pid] for pid in report.added + report.updated]
        stale = report.removed + report.updated
        self._local.wrote = self._local.wrote or bool(rebuilt or todo or stale)
        if stale and not rebuilt:
            self._writer(COLLECTION).delete(ids=self._stored_vector_ids(stale))
        batch = 16
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            texts, metas, ids = [], [], []
            for passage in chunk:
                for view, text in view_texts(passage).items():
                    texts.append(text)
                    metas.append({"passage_id": passage.id, "language": passage.language})
                    ids.append(f"{passage.id}::{view}")
            self._writer(COLLECTION).add_texts(texts, metadatas=metas, ids=ids)
            if progress:
                progress(min(start + batch, len(todo)), len(todo))
        self._vectors = None
        with self._db.atomic():
            if rebuilt:
                self._db.execute("DELETE FROM passages")
                self._db.execute("DELETE FROM passages_fts")
            for pid in stale:
                self._db.execute("DELETE FROM passages WHERE id = ?", [pid])
                self._db.execute("DELETE FROM passages_fts WHERE id = ?", [pid])
            for passage in todo:
                lexical = passage_terms(passage)
                self._db.table("passages").insert(
                    {
                        "id": passage.id,
                        "article_id": passage.article_id,
                        "language": passage.language,
                        "content_hash": passage.content_hash,
                        "terms": lexical,
                        "vectors": len(VIEWS) + len(passage.asked),
                    },
                    replace=True,
                )
                self._db.execute(
                    "INSERT INTO passages_fts (id, terms) VALUES (?, ?)", [passage.id, lexical]
                )
        # Counted again from the rows just written (a question answered on another thread
        # meanwhile could otherwise count the old rows and keep that count).
        self._common = None
        return report

    def _load_vectors(self) -> _Vectors:
        """Every passage's vectors from Chroma, as matrices in a shared row order.

        At the knowledge base's size (a few thousand vectors) an exact product over an
        in-memory copy takes well under a millisecond: faster than an approximate query,
        and it lets every view of every passage be weighed together.
        """
        if self._vectors is None:
            data = self._read(COLLECTION)
            rows: dict[str, dict[str, np.ndarray]] = {}
            embeddings = list(data["embeddings"] if data["embeddings"] is not None else [])
            for vector_id, vector in zip(data["ids"], embeddings, strict=True):
                passage_id, _, view = vector_id.rpartition("::")
                rows.setdefault(passage_id, {})[view] = np.asarray(vector, dtype=np.float32)
            ids = sorted(pid for pid, views in rows.items() if set(VIEWS) <= set(views))
            dimension = len(embeddings[0]) if embeddings else 1
            stacked = np.zeros((len(VIEWS), len(ids), dimension), dtype=np.float32)
            asked: list[np.ndarray] = []
            owners: list[int] = []
            for row, pid in enumerate(ids):
                for v, view in enumerate(VIEWS):
                    stacked[v, row] = rows[pid][view]
                for view, vector in rows[pid].items():
                    if view not in VIEWS:
                        asked.append(vector)
                        owners.append(row)
            phrasings = np.stack(asked) if asked else np.zeros((0, dimension), dtype=np.float32)
            owned = np.asarray(owners, dtype=np.intp)
            starts = np.flatnonzero(np.r_[True, owned[1:] != owned[:-1]]) if len(owned) else owned
            self._vectors = _Vectors(
                ids,
                stacked,
                phrasings,
                owned,
                {pid: row for row, pid in enumerate(ids)},
                starts.astype(np.intp),
                owned[starts],
            )
        return self._vectors

    def dense(
        self, vector: Sequence[float], k: int = 30, also: Iterable[str] = ()
    ) -> dict[str, float]:
        """Cosine similarity of the question to the `k` closest passages, its views weighed
        together, and to the passages in `also` (the lexical hits, so that an exact name the
        model does not know is weighed with its real similarity, not with none)."""
        vectors = self._load_vectors()
        if not vectors.ids:
            return {}
        query = np.asarray(vector, dtype=np.float32)
        question, _ = self._question_side(vectors, vector, query)
        combined = VIEW_WEIGHTS["q"] * question + VIEW_WEIGHTS["a"] * (vectors.views[1] @ query)
        top = np.argsort(-combined)[:k]
        found = {vectors.ids[i]: float(combined[i]) for i in top}
        for pid in also:
            row = vectors.rows.get(pid)
            if row is not None:
                found[pid] = float(combined[row])
        return found

    def _question_side(
        self, vectors: _Vectors, vector: Sequence[float], query: np.ndarray
    ) -> tuple[np.ndarray, float]:
        """`_Vectors.question_side`, computed once per query vector and thread: a question's
        dense lookup and its scope check share it."""
        last = getattr(self._local, "question_side", None)
        if last is not None and last[0] is vector and last[1] is vectors:
            return last[2].copy(), last[3]
        with self._queries_lock:
            ready = self._sides.get(id(vector))
        if ready is not None and ready[0] is vector and ready[1] is vectors:
            self._local.question_side = (vector, vectors, ready[2], ready[3])
            return ready[2].copy(), ready[3]
        question, inside = vectors.question_side(query)
        self._local.question_side = (vector, vectors, question, inside)
        return question.copy(), inside

    def sync_out_of_scope(self, examples: Sequence[str]) -> tuple[int, int]:
        """Embed new out-of-scope examples and drop removed ones; (added, removed)."""
        with self.writing():
            counts = self._sync_texts(SCOPE_COLLECTION, examples)
        if any(counts):
            self._scope_vectors = None
        return counts

    def sync_examples(self, texts: Sequence[str]) -> tuple[int, int]:
        """Embed new labelled messages (examples.py) and drop removed ones; (added, removed)."""
        with self.writing():
            counts = self._sync_texts(EXAMPLES_COLLECTION, texts)
        if any(counts):
            self._example_vectors = None
        return counts

    def _sync_texts(self, name: str, texts: Sequence[str]) -> tuple[int, int]:
        """A collection of plain texts, each stored under the hash of its words."""
        wanted = {_text_id(text): text for text in texts}
        stored = set(self._collections[name].get(include=[])["ids"])
        removed = sorted(stored - set(wanted))
        added = [vid for vid in wanted if vid not in stored]
        if removed or added:
            self._local.wrote = True
        if removed:
            for start in range(0, len(removed), 4096):
                self._writer(name).delete(ids=removed[start : start + 4096])
        for start in range(0, len(added), 256):
            chunk = added[start : start + 256]
            self._writer(name).add_texts([wanted[vid] for vid in chunk], ids=chunk)
        return len(added), len(removed)

    def example_vectors(self, texts: tuple[str, ...]) -> np.ndarray:
        """The examples' vectors, one row per text in their order (one not yet embedded is
        all zeros, dissimilar to everything), read from the index on the first call for these
        texts (about 0.3 s for ten thousand) and kept: a reload that left them as they were
        reads nothing again."""
        cached = self._example_vectors
        if cached is not None and cached[0] is not texts and cached[0] == texts:
            cached = self._example_vectors = (texts, cached[1])
        if cached is None or cached[0] is not texts:
            dimension = self._load_vectors().views.shape[-1]
            matrix = np.zeros((len(texts), dimension), dtype=np.float32)
            ids = [_text_id(text) for text in texts]
            position = {vid: i for i, vid in enumerate(ids)}
            for start in range(0, len(ids), 4096):
                data = self._read(EXAMPLES_COLLECTION, ids[start : start + 4096])
                embeddings = data["embeddings"] if data["embeddings"] is not None else []
                for vid, embedding in zip(data["ids"], list(embeddings), strict=True):
                    matrix[position[vid]] = embedding
            cached = self._example_vectors = (texts, matrix)
        return cached[1]

    def scope(self, vector: Sequence[float]) -> tuple[float, float]:
        """How close a question is to the nearest question the articles answer (a heading or
        a phrasing), and to the nearest out-of-scope example (0 when there are none)."""
        vectors = self._load_vectors()
        if self._scope_vectors is None:
            data = self._read(SCOPE_COLLECTION)
            found = data["embeddings"] if data["embeddings"] is not None else []
            dimension = vectors.views.shape[-1]
            self._scope_vectors = np.asarray(list(found), dtype=np.float32).reshape(
                len(found), dimension
            )
        query = np.asarray(vector, dtype=np.float32)
        _, inside = self._question_side(vectors, vector, query)
        outside = float((self._scope_vectors @ query).max()) if len(self._scope_vectors) else 0.0
        return inside, outside

    def lexical(self, text: str, k: int = 30) -> dict[str, float]:
        """BM25 scores (higher is better) of passages sharing terms with the text."""
        query = fts_query(text, skip=self._common_terms())
        if not query:
            return {}
        rows = (
            self._reader()
            .execute(
                "SELECT id, -bm25(passages_fts) AS score FROM passages_fts "
                "WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?",
                [query, k],
            )
            .fetchall()
        )
        return {row[0]: float(row[1]) for row in rows}

    def _common_terms(self) -> frozenset[str]:
        """Terms in more than COMMON_SHARE of the passages ("rednote", 小红书's characters):
        BM25 gives them almost no weight, yet matching them costs the most."""
        if self._common is None:
            rows = self._reader().execute("SELECT terms FROM passages").fetchall()
            frequency: Counter[str] = Counter()
            for (stored,) in rows:
                frequency.update(set(stored.split()))
            limit = COMMON_SHARE * len(rows)
            self._common = frozenset(term for term, n in frequency.items() if n > limit)
        return self._common

    def database_file(self) -> str:
        """The SQLite file that holds the lexical side ('' when in memory)."""
        return self._file

    def _reader(self) -> sqlite3.Connection:
        """This thread's own read-only connection: questions are answered on several
        threads while the writer thread holds the main connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            path = self.database_file()
            if not path:
                return self._db.conn
            conn = sqlite3.connect(path, timeout=10.0)
            conn.execute("PRAGMA query_only = 1")
            self._local.conn = conn
        return conn

    def embed_query(self, text: str) -> list[float]:
        """The query's vector, computed once and shared by every lookup of that query (on any
        thread: the few most recent are kept)."""
        with self._queries_lock:
            vector = self._queries.get(text)
            if vector is not None:
                self._queries.move_to_end(text)
                return vector
        vector = self._embedder.embed([text])[0].tolist()
        with self._queries_lock:
            self._queries[text] = vector
            while len(self._queries) > RECENT_QUERIES:
                self._queries.popitem(last=False)
        return vector

    def embed_queries(self, texts: Sequence[str]) -> None:
        """Embed the queries not seen recently in one call, so that each one's lookups that
        follow find its vector ready: a batch costs a fraction of embedding each alone (its
        vectors differ from single ones by about 1e-7; tests/test_batched_deciding.py)."""
        with self._queries_lock:
            missing = list(dict.fromkeys(text for text in texts if text not in self._queries))
        if not missing:
            return
        vectors = self._embedder.embed(missing)
        with self._queries_lock:
            for text, vector in zip(missing, vectors, strict=True):
                self._queries[text] = vector.tolist()
            while len(self._queries) > RECENT_QUERIES:
                self._queries.popitem(last=False)
            stored = [self._queries[text] for text in missing if text in self._queries]
        # Their question sides too, in one product (each query's lookups then find it ready).
        passages = self._load_vectors()
        if len(stored) > 1 and passages.ids:
            question, inside = passages.question_sides(np.asarray(stored, dtype=np.float32))
            with self._queries_lock:
                for row, vector in enumerate(stored):
                    self._sides[id(vector)] = (vector, passages, question[row], float(inside[row]))
                while len(self._sides) > RECENT_QUERIES:
                    self._sides.popitem(last=False)

    def count(self) -> int:
        """How many passages are indexed."""
        return int(self._db.table("passages").count)
