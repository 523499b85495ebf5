"""What each dashboard page shows, read from the database and the knowledge base.

Built on the maintainer tools' own queries (`guide stats`, `guide kb gaps`, `guide kb
drafts`, `guide kb stats`) and the handoff repository; nothing here is written twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.answering.service import Answering
from bot.dashboard.auth import Viewer
from bot.handoff.repo import HandoffRepo
from bot.handoff.values import Handoff
from bot.maintenance import gaps as gap_report
from bot.maintenance.drafts import DraftInfo, list_drafts
from bot.maintenance.kbstats import KnowledgeSummary, most_disliked, summarize
from bot.maintenance.stats import Bucket, collect, percentile
from bot.store.records import iso

RECENT_DAYS = 14
RECENT_LIMIT = 100


@dataclass
class Overview:
    """The overview's figures: per day, per platform and language, and in total."""

    days: list[str]
    platforms: list[str]
    per_day: dict[str, Bucket]
    per_day_platform: dict[tuple[str, str], Bucket]
    languages: Counter[str]
    total: Bucket
    claimed: dict[str, int] = field(default_factory=dict)
    closed: dict[str, int] = field(default_factory=dict)

    @property
    def claim_p50(self) -> float | None:
        return percentile(self.total.claim_minutes, 50)

    @property
    def claim_p95(self) -> float | None:
        return percentile(self.total.claim_minutes, 95)


def overview(db: Database, now: datetime, days: int) -> Overview:
    """`guide stats` buckets for the last `days` days, regrouped for charts."""
    first = (now - timedelta(days=max(1, days) - 1)).date()
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    buckets = collect(db, since)
    day_list = [(first + timedelta(days=n)).isoformat() for n in range(max(1, days))]
    per_day = {day: Bucket() for day in day_list}
    per_day_platform: dict[tuple[str, str], Bucket] = {}
    languages: Counter[str] = Counter()
    total = Bucket()
    for (day, platform, language), bucket in buckets.items():
        per_day.setdefault(day, Bucket()).add(bucket)
        per_day_platform.setdefault((day, platform), Bucket()).add(bucket)
        languages[language] += bucket.questions
        total.add(bucket)
    platforms = sorted({platform for _, platform in per_day_platform})
    claimed = {day: len(bucket.claim_minutes) for day, bucket in per_day.items()}
    closed = {day: len(bucket.durations) for day, bucket in per_day.items()}
    return Overview(
        day_list, platforms, per_day, per_day_platform, languages, total, claimed, closed
    )


@dataclass(frozen=True)
class HandoffRow:
    """One handoff as the Handoffs page lists it: first names only, never user ids."""

    handoff: Handoff
    wait_minutes: float | None
    duration_minutes: float | None


def _minutes(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return round(max(0.0, delta.total_seconds() / 60), 1)


def _row(handoff: Handoff, now: datetime) -> HandoffRow:
    if handoff.state == "requested":
        return HandoffRow(handoff, _minutes(handoff.created, iso(now)), None)
    return HandoffRow(
        handoff,
        _minutes(handoff.created, handoff.claimed_at),
        _minutes(handoff.claimed_at, handoff.closed_at),
    )


def handoffs(
    db: Database, viewer: Viewer, now: datetime
) -> tuple[list[HandoffRow], list[HandoffRow]]:
    """(the queue, open and recent handoffs): all of them for admins, a mentor's own for them."""
    repo = HandoffRepo(db)
    since = now - timedelta(days=RECENT_DAYS)
    queue = [_row(h, now) for h in repo.queue()]
    if viewer.is_admin:
        recent = repo.recent(since, RECENT_LIMIT)
    else:
        recent = repo.of_mentor(viewer.ref, since, RECENT_LIMIT)
    return queue, [_row(h, now) for h in recent if h.state != "requested"]


def may_read(db: Database, viewer: Viewer, handoff: Handoff) -> bool:
    """Admins read every transcript; mentors those of handoffs they held."""
    return viewer.is_admin or HandoffRepo(db).mentor_of(handoff, viewer.ref)


def transcript(
    db: Database, viewer: Viewer, handoff_id: int, now: datetime
) -> tuple[HandoffRow, list[dict[str, Any]]] | None:
    """A handoff and its transcript, or None when it does not exist or is not the viewer's."""
    repo = HandoffRepo(db)
    handoff = repo.get(handoff_id)
    if handoff is None or not may_read(db, viewer, handoff):
        return None
    lines = [
        {"created": row["created"], "role": str(row["author"]).split(":")[0], "text": row["text"]}
        for row in repo.transcript(handoff_id)
    ]
    return _row(handoff, now), lines


def gaps(
    db: Database, answering: Answering, since: datetime, language: str | None
) -> list[gap_report.Gap]:
    """The clusters of `guide kb gaps`, optionally in one language."""
    return gap_report.gaps(db, answering, since, language=language)


@dataclass(frozen=True)
class DraftView:
    """A draft with its text and, once marked, who reviewed it and when."""

    info: DraftInfo
    text: str
    reviewed_by: str | None = None
    reviewed_at: str | None = None


def drafts(db: Database, knowledge_dir: Path) -> list[DraftView]:
    """Every draft of `guide kb drafts`, with its text and review mark."""
    marks = {
        row["name"]: row
        for row in db.query(
            "SELECT r.name, r.reviewed_at, COALESCE(m.display_name, u.first_name, '') AS who"
            " FROM draft_reviews r LEFT JOIN mentors m"
            " ON m.platform = r.platform AND m.user_id = r.user_id"
            " LEFT JOIN users u ON u.platform = r.platform AND u.user_id = r.user_id"
        )
    }
    found = []
    for info in list_drafts(knowledge_dir):
        mark = marks.get(info.path.name)
        try:
            text = info.path.read_text(encoding="utf-8")
        except OSError:
            text = ""
        found.append(
            DraftView(
                info,
                text,
                reviewed_by=(mark["who"] or "?") if mark else None,
                reviewed_at=str(mark["reviewed_at"])[:10] if mark else None,
            )
        )
    return found


def mark_reviewed(
    db: Database, knowledge_dir: Path, name: str, viewer: Viewer, now: datetime
) -> bool:
    """Mark a draft (by file name) reviewed; False when there is no such draft."""
    if name not in {info.path.name for info in list_drafts(knowledge_dir)}:
        return False
    db.execute(
        "INSERT OR REPLACE INTO draft_reviews (name, platform, user_id, reviewed_at)"
        " VALUES (?, ?, ?, ?)",
        [name, viewer.ref.platform, viewer.ref.user_id, iso(now)],
    )
    return True


@dataclass(frozen=True)
class Knowledge:
    """The Knowledge page: `guide kb stats` and the answers with the most 👎."""

    summary: KnowledgeSummary
    disliked: list[dict[str, Any]]


def knowledge(db: Database, answering: Answering, now: datetime) -> Knowledge:
    articles = list(answering.catalog.articles.values())
    return Knowledge(summarize(articles, now.date()), most_disliked(db))
