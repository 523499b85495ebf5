"""Logging: text or one JSON object per line, with bot tokens redacted from everything."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"
# A Telegram bot token (`123456:AA…`) and a Discord bot token (three dot-separated parts).
TOKEN_SHAPES = (
    re.compile(r"\d{6,}:[A-Za-z0-9_-]{30,}"),
    re.compile(r"[A-Za-z0-9_-]{24,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{27,}"),
    re.compile(r"(?<=/login/)[A-Za-z0-9_-]{16,}"),  # a dashboard login link's token
)
# The attributes every LogRecord has; anything else was passed as `extra=`.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    "taskName",
    "guide_redacted",
}


class Redactor(logging.Filter):
    """Removes secrets from a record's message, arguments, extra fields and exception text.

    Installed on handlers, so it sees records from every logger (a logger's own filters do
    not apply to records propagated from its children).
    """

    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 8}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        for shape in TOKEN_SHAPES:
            text = shape.sub(REDACTED, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "guide_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg} {record.args}"
        record.msg, record.args = self.redact(message), None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, self.redact(value))
        record.guide_redacted = True
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extra fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(
    level: int, log_format: str, secrets: Iterable[str], stream: TextIO | None = None
) -> logging.Handler:
    """Send logs to stderr (or `stream`) as text or JSON; redact secrets on every handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name("guide")
    if log_format.lower() == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    redactor = Redactor(secrets)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "guide"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for existing in root.handlers:
        for old_filter in [f for f in existing.filters if isinstance(f, Redactor)]:
            existing.removeFilter(old_filter)
        existing.addFilter(redactor)
    return handler
