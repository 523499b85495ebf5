"""Cleaning what users type and reading commands out of it."""

from __future__ import annotations

import re
import unicodedata

# One Chinese character (CJK unified ideographs, extension A, compatibility ideographs), and runs
# of them: the one definition every module that tells Chinese text from other text uses.
HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HAN = re.compile(HAN_CHAR.pattern + "+")
# Zero-width characters, bidi overrides and isolates: invisible, and a way to disguise text.
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
