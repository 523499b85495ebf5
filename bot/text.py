"""Cleaning what users type and reading commands out of it."""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters, bidi overrides and isolates: invisible, and a way to disguise text.
# Runs of Chinese characters (CJK unified ideographs, extension A, compatibility ideographs).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_COMMAND = re.compile(r"^/([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.DOTALL)


def clean(text: str, limit: int) -> tuple[str, bool]:
    """Strip invisible and control characters, trim, and cut to `limit`; say if it was cut."""
    text = _INVISIBLE.sub("", text or "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > limit:
        return text[:limit], True
    return text, False


def command(text: str) -> tuple[str, str] | None:
    """`/name@bot args` → ('name', 'args'); None when the text is not a command."""
    match = _COMMAND.match(text.strip())
    if not match:
        return None
    return match.group(1).lower(), (match.group(2) or "").strip()
