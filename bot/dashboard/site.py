"""What the dashboard's handlers work with, and the viewer's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from sqlite_utils import Database

from bot.answering.service import Answering
from bot.i18n import LANGUAGES
from bot.settings import Settings

Work = Callable[[Database], Any]


@dataclass(frozen=True)
class Site:
    """What the handlers work with: settings, a clock, answering, and database access."""

    settings: Settings
    clock: Callable[[], datetime]
    answering: Answering
    read: Callable[[Work], Awaitable[Any]]
    write: Callable[[Work], Awaitable[Any]]

    @property
    def prefix(self) -> str:
        """The path the dashboard lives under (from GUIDE_DASHBOARD_URL), '' at the root."""
        return urlparse(self.settings.dashboard_base).path.rstrip("/")

    @property
    def secure(self) -> bool:
        return self.settings.dashboard_base.startswith("https://")


def accepted_language(header: str) -> str | None:
    """The best of en/es/zh in an Accept-Language header, if any."""
    best: tuple[float, str] | None = None
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        try:
            weight = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            weight = 0.0
        if code in LANGUAGES and weight > 0 and (best is None or weight > best[0]):
            best = (weight, code)
    return best[1] if best else None
