"""The metrics port: what the engine and the runtime report, and a no-op default."""

from __future__ import annotations

from typing import Protocol


class Metrics(Protocol):
    """Counts and timings the core reports as it works; implementations decide where they go."""

    def message_in(self, platform: str) -> None: ...

    def message_out(self, platform: str) -> None: ...

    def error(self, kind: str) -> None: ...

    def answer_latency(self, seconds: float) -> None: ...

    def screenshot(self, outcome: str, seconds: float) -> None: ...


class NoMetrics:
    """Reports nothing: the default when no metrics port is configured."""

    def message_in(self, platform: str) -> None:
        return None

    def message_out(self, platform: str) -> None:
        return None

    def error(self, kind: str) -> None:
        return None

    def answer_latency(self, seconds: float) -> None:
        return None

    def screenshot(self, outcome: str, seconds: float) -> None:
        return None
