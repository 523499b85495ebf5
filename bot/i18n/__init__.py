"""User-interface strings in English, Spanish and Chinese."""

from __future__ import annotations

from bot.i18n.strings import STRINGS

LANGUAGES = ("en", "es", "zh")


def t(key: str, lang: str | None, **values: object) -> str:
    """The string `key` in `lang` (English when missing), formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang or "en") or entry["en"]
    return text.format(**values) if values else text


__all__ = ["LANGUAGES", "STRINGS", "t"]
