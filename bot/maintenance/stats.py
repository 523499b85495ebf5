"""`guide stats`: questions, outcomes, feedback and handoffs per day, platform and language."""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from bot.handoff.repo import HandoffRepo
from bot.settings import Settings
from bot.store.records import iso

Key = tuple[str, str, str]  # day, platform, language


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _minutes(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return max(0.0, delta.total_seconds() / 60)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class Bucket:
    """Everything counted for one day, platform and language (or for a whole period)."""

    questions: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    up: int = 0
    down: int = 0
    handoffs: int = 0
    claim_minutes: list[float] = field(default_factory=list)
    durations: list[float] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)
    hours: Counter[int] = field(default_factory=Counter)

    def add(self, other: Bucket) -> None:
        self.questions += other.questions
        self.actions.update(other.actions)
        self.up += other.up
        self.down += other.down
        self.handoffs += other.handoffs
        self.claim_minutes += other.claim_minutes
        self.durations += other.durations
        self.ratings += other.ratings
        self.hours.update(other.hours)

    def rate(self, action: str) -> float | None:
        return round(self.actions[action] / self.questions, 3) if self.questions else None

    def as_json(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "answer_rate": self.rate("answer"),
            "unsure_rate": self.rate("unsure"),
            "decline_rate": self.rate("decline"),
            "thumbs_up": self.up,
            "thumbs_down": self.down,
            "handoffs": self.handoffs,
            "claim_p50_minutes": _round(percentile(self.claim_minutes, 50)),
            "claim_p95_minutes": _round(percentile(self.claim_minutes, 95)),
            "duration_p50_minutes": _round(percentile(self.durations, 50)),
            "mean_rating": _round(sum(self.ratings) / len(self.ratings), 2)
            if self.ratings
            else None,
            "busiest_hours_utc": [
                {"hour": hour, "count": count}
                for hour, count in sorted(self.hours.items(), key=lambda i: (-i[1], i[0]))[:3]
            ],
        }


def collect(db: Database, since: datetime) -> dict[Key, Bucket]:
    """Buckets by (day, platform, language) for questions and handoffs since `since`."""
    buckets: dict[Key, Bucket] = {}
    stamp = iso(since)
    for row in db.query(
        "SELECT q.platform, q.language, q.action, q.created,"
        " (SELECT SUM(vote > 0) FROM feedback f WHERE f.question_id = q.id) AS up,"
        " (SELECT SUM(vote < 0) FROM feedback f WHERE f.question_id = q.id) AS down"
        " FROM questions q WHERE q.created >= ?",
        [stamp],
    ):
        bucket = buckets.setdefault(
            (row["created"][:10], row["platform"], row["language"] or "?"), Bucket()
        )
        bucket.questions += 1
        bucket.actions[row["action"]] += 1
        bucket.up += int(row["up"] or 0)
        bucket.down += int(row["down"] or 0)
        bucket.hours[int(row["created"][11:13])] += 1
    for handoff in HandoffRepo(db).created_since(since):
        row = asdict(handoff)
        bucket = buckets.setdefault(
            (row["created"][:10], row["newcomer_platform"], row["language"] or "?"), Bucket()
        )
        bucket.handoffs += 1
        claim = _minutes(row["created"], row["claimed_at"])
        if claim is not None:
            bucket.claim_minutes.append(claim)
        duration = _minutes(row["claimed_at"], row["closed_at"])
        if duration is not None:
            bucket.durations.append(duration)
        if row["rating"]:
            bucket.ratings.append(int(row["rating"]))
    return buckets


def report(db: Database, days: int, now: datetime | None = None) -> dict[str, Any]:
    """The `guide stats --json` shape: one row per day, platform and language, and totals."""
    now = now or datetime.now(UTC)
    first = (now - timedelta(days=max(1, days) - 1)).date()
    since = datetime(first.year, first.month, first.day, tzinfo=UTC)
    buckets = collect(db, since)
    total = Bucket()
    rows = []
    for (day, platform, language), bucket in sorted(buckets.items()):
        total.add(bucket)
        rows.append({"day": day, "platform": platform, "language": language, **bucket.as_json()})
    return {"since": first.isoformat(), "days": days, "rows": rows, "total": total.as_json()}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def print_table(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Usage since {data['since']} (UTC)")
    columns = ("day", "platform", "lang", "questions", "answer", "unsure", "decline", "👍", "👎")
    for column in columns:
        table.add_column(column, justify="left" if column in columns[:3] else "right")
    for column in ("handoffs", "claim p50/p95 min", "duration p50", "rating", "busiest hours"):
        table.add_column(column, justify="right")
    total = {"day": "total", "platform": "", "language": "", **data["total"]}
    for index, row in enumerate([*data["rows"], total]):
        hours = " ".join(f"{h['hour']:02d}h({h['count']})" for h in row["busiest_hours_utc"])
        table.add_row(
            row["day"],
            row["platform"],
            row["language"],
            str(row["questions"]),
            _pct(row["answer_rate"]),
            _pct(row["unsure_rate"]),
            _pct(row["decline_rate"]),
            str(row["thumbs_up"]),
            str(row["thumbs_down"]),
            str(row["handoffs"]),
            f"{_num(row['claim_p50_minutes'])}/{_num(row['claim_p95_minutes'])}",
            _num(row["duration_p50_minutes"]),
            _num(row["mean_rating"]),
            hours or "—",
            style="bold" if index == len(data["rows"]) else None,
        )
    Console(width=160).print(table)


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`guide stats [--days N] [--json]`."""
    from bot.store import open_database

    data = report(open_database(settings.db_path), args.days)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_table(data)
    return 0
