"""`guide handoffs` and `guide mentors`: the queue, the conversations and the volunteers."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.handoff.mentors import MentorRoster
from bot.handoff.repo import HandoffRepo
from bot.settings import Settings
from bot.store import open_database


def _repo(settings: Settings) -> HandoffRepo:
    return HandoffRepo(open_database(settings.db_path))


def _roster(settings: Settings) -> MentorRoster:
    return MentorRoster(open_database(settings.db_path))


def cmd_handoffs(args: argparse.Namespace, settings: Settings) -> int:
    """Open and recent handoffs with their states and waits."""
    from rich.console import Console
    from rich.table import Table

    since = datetime.now(UTC) - timedelta(days=args.days)
    handoffs = _repo(settings).recent(since, args.limit)
    if args.json:
        print(json.dumps([asdict(h) for h in handoffs], ensure_ascii=False, default=str))
        return 0
    table = Table(title=f"Handoffs (open, and from the last {args.days} days)")
    for column in ("id", "state", "newcomer", "lang", "mentor", "created", "claimed", "rating"):
        table.add_column(column)
    for h in handoffs:
        table.add_row(
            str(h.id),
            h.state,
            f"{h.newcomer_name} ({h.newcomer_platform})",
            h.language or "",
            h.mentor_name or "—",
            (h.created or "")[:16],
            (h.claimed_at or "—")[:16],
            str(h.rating or "—"),
        )
    Console(width=120).print(table)
    return 0


def mentor_rows(
    roster: MentorRoster, repo: HandoffRepo, settings: Settings
) -> list[dict[str, Any]]:
    """Every mentor the bot has seen, per platform, with what an organiser wants to know."""
    rows = []
    for mentor in roster.all():
        rows.append(
            {
                "platform": mentor.platform,
                "user_id": mentor.user_id,
                "name": mentor.display_name,
                "languages": mentor.languages.split(),
                "on_shift": bool(mentor.on_shift),
                "capacity": mentor.capacity,
                "open_handoffs": [h.id for h in repo.held_by(mentor.ref)],
                "still_a_mentor": bool(mentor.active),
                "admin": settings.is_admin(mentor.platform, mentor.user_id),
                "confirmed_at": mentor.confirmed_at,
            }
        )
    return rows


def cmd_mentors(args: argparse.Namespace, settings: Settings) -> int:
    """Mentors per platform: languages, shift, open handoffs, when membership was confirmed."""
    from rich.console import Console
    from rich.table import Table

    rows = mentor_rows(_roster(settings), _repo(settings), settings)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    table = Table(title="Mentors (rights come from the mentor group or role, checked live)")
    for column in ("platform", "name", "languages", "shift", "open", "mentor now", "confirmed"):
        table.add_column(column)
    for row in rows:
        status = "admin" if row["admin"] else ("yes" if row["still_a_mentor"] else "left")
        table.add_row(
            row["platform"],
            row["name"],
            " ".join(row["languages"]),
            "on" if row["on_shift"] else "off",
            ", ".join(f"#{n}" for n in row["open_handoffs"]) or "—",
            status,
            (row["confirmed_at"] or "—")[:16],
        )
    Console(width=120).print(table)
    if not rows:
        print("No mentors yet: a mentor is recorded the first time they act in the mentor room.")
    return 0
