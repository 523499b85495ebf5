"""`guide kb gaps`: what the bot failed lately, grouped by meaning, next to the closest article.

A question counts as a miss when the bot was `unsure`, declined it, the asker pressed 👎,
or it ended with a person: the question asked for one, or the asker requested a mentor
within a few minutes of it. An `unsure` the bot gave because the question was off-topic or
asked for a live figure is marked `outside`: usually no article is needed, unless the bot
was wrong to think so.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from sqlite_utils import Database

from bot.answering.safety import BEYOND_KINDS
from bot.answering.service import Answering
from bot.handoff.repo import HandoffRepo
from bot.maintenance.drafts import scrub
from bot.settings import Settings
from bot.store.records import iso

HANDOFF_WINDOW = timedelta(minutes=10)
# Paraphrases of one question score about 0.6-0.75 with the multilingual USE; unrelated
# questions about the same app rarely pass 0.55.
THRESHOLD = 0.6
REASONS = ("unsure", "outside", "decline", "👎", "handoff")
# The reasons for an `unsure` that no article would fix: live figures, and what no guide can
# know (safety.BEYOND_KINDS).
OUTSIDE = ("live_data", *BEYOND_KINDS)


@dataclass
class Miss:
    """One question the bot did not serve well, and why."""

    id: int
    text: str
    language: str
    created: str
    reasons: set[str] = field(default_factory=set)


@dataclass
class Gap:
    """A cluster of similar misses: what newcomers keep asking that the bot cannot answer."""

    misses: list[Miss]
    closest: dict[str, Any] | None = None

    @property
    def examples(self) -> list[str]:
        seen: list[str] = []
        for miss in self.misses:
            text = scrub(" ".join(miss.text.split()))[:200]
            if text.lower() not in (s.lower() for s in seen):
                seen.append(text)
            if len(seen) == 3:
                break
        return seen

    def as_json(self) -> dict[str, Any]:
        reasons = Counter(reason for miss in self.misses for reason in miss.reasons)
        return {
            "count": len(self.misses),
            "examples": self.examples,
            "languages": dict(Counter(miss.language for miss in self.misses).most_common()),
            "reasons": {reason: reasons[reason] for reason in REASONS if reasons[reason]},
            "first_seen": min(miss.created for miss in self.misses)[:10],
            "last_seen": max(miss.created for miss in self.misses)[:10],
            "closest_article": self.closest,
        }


def misses(db: Database, since: datetime) -> list[Miss]:
    """Every question since `since` that was unsure, declined, voted 👎 or ended in a handoff."""
    handoffs: dict[tuple[str, str], list[datetime]] = {}
    for handoff in HandoffRepo(db).created_since(since):
        key = (handoff.newcomer_platform, handoff.newcomer_user)
        handoffs.setdefault(key, []).append(datetime.fromisoformat(handoff.created))
    found: list[Miss] = []
    for row in db.query(
        "SELECT q.id, q.platform, q.user_id, q.text, q.language, q.action, q.reason, q.created,"
        " EXISTS(SELECT 1 FROM feedback f WHERE f.question_id = q.id AND f.vote < 0) AS down"
        " FROM questions q WHERE q.created >= ? ORDER BY q.id",
        [iso(since)],
    ):
        reasons: set[str] = set()
        if row["action"] == "unsure" and row["reason"] in OUTSIDE:
            reasons.add("outside")
        elif row["action"] in ("unsure", "decline"):
            reasons.add(row["action"])
        if row["down"]:
            reasons.add("👎")
        asked = datetime.fromisoformat(row["created"])
        later = handoffs.get((row["platform"], row["user_id"]), [])
        if row["action"] == "handoff" or any(
            timedelta(0) <= at - asked <= HANDOFF_WINDOW for at in later
        ):
            reasons.add("handoff")
        if reasons and (row["text"] or "").strip():
            found.append(
                Miss(row["id"], row["text"], row["language"] or "", row["created"], reasons)
            )
    return found


def cluster(
    found: Sequence[Miss],
    embed: Callable[[str], Sequence[float]],
    threshold: float = THRESHOLD,
) -> list[list[Miss]]:
    """Greedy clustering: each question joins the most similar cluster centroid, if close enough."""
    groups: list[list[Miss]] = []
    sums: list[np.ndarray] = []
    centroids: list[np.ndarray] = []
    cache: dict[str, np.ndarray] = {}
    for miss in found:
        key = " ".join(miss.text.lower().split())
        if key not in cache:
            vector = np.asarray(embed(miss.text), dtype=np.float32)
            cache[key] = vector / max(float(np.linalg.norm(vector)), 1e-9)
        vector = cache[key]
        best, score = -1, -1.0
        if centroids:
            scores = np.stack(centroids) @ vector
            best = int(np.argmax(scores))
            score = float(scores[best])
        if best >= 0 and score >= threshold:
            groups[best].append(miss)
            sums[best] = sums[best] + vector
            centroids[best] = sums[best] / max(float(np.linalg.norm(sums[best])), 1e-9)
        else:
            groups.append([miss])
            sums.append(vector.copy())
            centroids.append(vector)
    return sorted(groups, key=lambda g: (-len(g), -max(m.id for m in g)))


def gaps(
    db: Database,
    answering: Answering,
    since: datetime,
    threshold: float = THRESHOLD,
    language: str | None = None,
) -> list[Gap]:
    """The misses since `since` (in one language, if given), clustered, each cluster with the
    closest existing article."""
    found = [m for m in misses(db, since) if not language or m.language == language]
    result: list[Gap] = []
    for group in cluster(found, answering.index.embed_query, threshold):
        gap = Gap(group)
        candidates = answering.answerer.retrieve(group[0].text, k=1)
        if candidates:
            best = candidates[0]
            article = answering.catalog.localized(best.english_id, "en")
            gap.closest = {
                "id": best.english_id,
                "title": article.title if article else best.english_id,
                "score": round(best.score, 3),
            }
        result.append(gap)
    return result


def report_json(found: list[Gap], since: date) -> str:
    return json.dumps(
        {
            "since": since.isoformat(),
            "questions": sum(len(g.misses) for g in found),
            "clusters": [g.as_json() for g in found],
        },
        ensure_ascii=False,
        indent=2,
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _summary(values: dict[str, int]) -> str:
    return ", ".join(f"{key} {count}" for key, count in values.items())


def report_markdown(found: list[Gap], since: date, today: date) -> str:
    """A report to paste into a GitHub issue: one row per cluster, biggest first."""
    total = sum(len(g.misses) for g in found)
    lines = [
        f"## Knowledge gaps, {since.isoformat()} – {today.isoformat()}",
        "",
        f"{_count(total, 'question')} the bot was unsure about, declined, got 👎 for or handed "
        f"to a mentor, in {_count(len(found), 'cluster')} of similar questions "
        "(from `guide kb gaps`).",
        "",
    ]
    if not found:
        return "\n".join([*lines, "Nothing to report."]) + "\n"
    lines += [
        "| # | questions | examples | languages | why | closest article (score) |",
        "|---|---|---|---|---|---|",
    ]
    for number, gap in enumerate(found, start=1):
        data = gap.as_json()
        examples = "<br>".join(f"“{_cell(text)}”" for text in data["examples"])
        closest = data["closest_article"]
        article = f"`{closest['id']}` ({closest['score']:.2f})" if closest else "—"
        lines.append(
            f"| {number} | {data['count']} | {examples} | {_summary(data['languages'])} |"
            f" {_summary(data['reasons'])} | {article} |"
        )
    lines += [
        "",
        "A cluster whose closest article scores well may only need a new `## question` "
        "heading or tags in that article; a low score means a new article. `outside` means "
        "the bot judged the question off-topic or a live figure: no article is needed unless "
        "that was wrong. Mentors can turn a good answer into a draft with `/suggest` (see "
        "`guide kb drafts`).",
    ]
    return "\n".join(lines) + "\n"


def print_table(found: list[Gap], since: date) -> None:
    from rich.console import Console
    from rich.table import Table

    total = sum(len(g.misses) for g in found)
    table = Table(
        title=f"Knowledge gaps since {since.isoformat()} — {_count(total, 'question')}, "
        f"{_count(len(found), 'cluster')}",
        show_lines=True,
    )
    for column in ("#", "n", "examples", "languages", "why", "closest article"):
        table.add_column(column, overflow="fold")
    for number, gap in enumerate(found, start=1):
        data = gap.as_json()
        closest = data["closest_article"]
        table.add_row(
            str(number),
            str(data["count"]),
            "\n".join(data["examples"]),
            _summary(data["languages"]),
            _summary(data["reasons"]),
            f"{closest['id']} ({closest['score']:.2f})" if closest else "—",
        )
    Console(width=140).print(table)


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`guide kb gaps [--since YYYY-MM-DD] [--json|--markdown]`."""
    from bot.bootstrap import build

    today = datetime.now(UTC).date()
    since = date.fromisoformat(args.since) if args.since else today - timedelta(days=30)
    app = build(settings)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    found = gaps(app.db, app.answering, start, args.threshold)
    if args.json:
        print(report_json(found, since))
    elif args.markdown:
        print(report_markdown(found, since, today), end="")
    else:
        print_table(found, since)
    return 0
