"""The Telegram adapter: python-telegram-bot in, the core's outbox out; translation only."""

from __future__ import annotations

from adapters.telegram.adapter import TelegramAdapter
from adapters.telegram.translate import to_event

__all__ = ["TelegramAdapter", "to_event"]
