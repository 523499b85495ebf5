"""`guide kb labels`: the app's labels newcomers' screenshots showed that the UI glossary
lacks, most seen first, with the literal meaning they got instead; the list to source next."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from bot.screenshots import LABEL_SEPARATOR, UNKNOWN_MARK
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import iso


def unknown_labels(db: Database, since: datetime) -> Counter[str]:
    """How often each label the glossary lacked was read on a screenshot since `since`."""
    rows = db.execute(
        "SELECT text FROM messages WHERE direction = 'in' AND created >= ?"
        " AND text LIKE '[screenshot] %'",
        [iso(since)],
    ).fetchall()
    seen: Counter[str] = Counter()
    for (text,) in rows:
        _, mark, unknown = str(text).partition(UNKNOWN_MARK)
        if mark:
            seen.update(label for label in unknown.split(LABEL_SEPARATOR) if label)
    return seen


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`guide kb labels [--since YYYY-MM-DD] [--json]`."""
    today = datetime.now(UTC).date()
    since = date.fromisoformat(args.since) if args.since else today - timedelta(days=30)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    seen = unknown_labels(open_database(settings.db_path), start)
    if args.json:
        print(json.dumps([{"label": label, "seen": n} for label, n in seen.most_common()]))
        return 0
    if not seen:
        print(f"Since {since}, every label read on a screenshot was in the glossary.")
        return 0
    from bot.screens.dictionary import CedictDictionary

    words = CedictDictionary()
    print(f"Labels read on screenshots since {since} that knowledge/ui-glossary.yaml lacks:")
    for label, count in seen.most_common():
        literal = words.literal(label)
        print(f"{count:5d}  {label}  ({literal.pinyin}) literally “{literal.meaning}”")
    print("Add an entry for each you can source (guide kb validate checks them).")
    return 0
