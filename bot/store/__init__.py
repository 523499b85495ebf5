"""Persistence on SQLite through sqlite-utils."""

from bot.store.db import open_database

__all__ = ["open_database"]
