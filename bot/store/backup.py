"""A consistent copy of the live database through SQLite's online backup API."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path


class BackupError(RuntimeError):
    """The database is missing or the copy failed its integrity check."""


def backup_path(target: Path, now: datetime | None = None) -> Path:
    """`target` itself, or a dated `guide-<UTC stamp>.db` inside it when it is a directory."""
    if target.is_dir():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        return target / f"guide-{stamp}.db"
    return target


def backup(source: Path, target: Path) -> Path:
    """Copy `source` to `target` while others keep writing; returns the file written.

    One backup step copies every page under a single read transaction, so the copy is one
    moment of the database (in WAL mode the writers are not blocked meanwhile). It is written
    beside the target and renamed into place once it passes `PRAGMA quick_check`.
    """
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    target = backup_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    live = sqlite3.connect(source, timeout=30.0)
    try:
        copy = sqlite3.connect(partial)
        try:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
    finally:
        live.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {verdict}")
    os.replace(partial, target)
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)
    return target
