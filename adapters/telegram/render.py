"""Core messages → Bot API text and keyboards: HTML-escaped, cut to Telegram's limits."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit
from telegram.helpers import mention_html

from bot.models import Button, Outgoing

MAX_CHARS = MessageLimit.MAX_TEXT_LENGTH  # counted once the markup is parsed
CAPTION_CHARS = MessageLimit.CAPTION_LENGTH
MENTION_LABEL = "🔔"


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts in."""
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


def cut_text(text: str, limit: int) -> tuple[str, str]:
    """The head of a text that fits in `limit` (cut at a paragraph, then a line, then a word
    boundary) and the rest; the rest is empty when the whole text fits."""
    if utf16_len(text) <= limit:
        return text, ""
    head = text[: _fitting_prefix(text, limit)]
    cut = next(
        (
            index + len(sep)
            for sep in ("\n\n", "\n", " ")
            if (index := head.rfind(sep)) > len(head) // 4
        ),
        len(head),
    )
    return text[:cut].rstrip(), text[cut:].lstrip("\n")


def split_text(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Cut a text into parts that fit, at paragraph, then line, then word boundaries."""
    parts: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        head, rest = cut_text(rest, limit)
        parts.append(head)
    if rest.strip() or not parts:
        parts.append(rest)
    return parts


def mention_ids(message: Outgoing) -> list[str]:
    """The Telegram user ids the core asks to ping (meta `mentions`), digits only."""
    raw = message.meta.get("mentions", "")
    return [part.strip() for part in raw.split(",") if part.strip().isdigit()]


def mention_links(user_ids: Sequence[str]) -> str:
    """Mention links that notify those users; purely presentational."""
    return " ".join(mention_html(int(uid), MENTION_LABEL) for uid in user_ids)


def keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """Inline keyboard: a token becomes callback data, a URL a link button."""
    data = keyboard_json(rows)
    if data is None:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(**button) for button in row] for row in data["inline_keyboard"]]
    )


def keyboard_json(rows: Sequence[Sequence[Button]]) -> dict[str, Any] | None:
    """The inline keyboard as the Bot API's JSON (what `keyboard(...).to_dict()` gives), for
    a message sent by `Bot.do_api_request`: no TelegramObjects built just to be serialised."""
    built = []
    for row in rows:
        line: list[dict[str, str]] = []
        for button in row:
            label = button.label or "·"
            if button.url:
                line.append({"text": label, "url": button.url})
            elif button.token:
                line.append({"text": label, "callback_data": button.token})
        if line:
            built.append(line)
    return {"inline_keyboard": built} if built else None


def html_parts(message: Outgoing, extra: str = "", *, first: int = MAX_CHARS) -> list[str]:
    """The message as HTML parts to send in order; `extra` is a plain line appended to it.
    `first` is the limit of the first part: a photo's caption (CAPTION_CHARS) is shorter
    than a text message, and what does not fit follows as text."""
    text = message.text + (f"\n\n{extra}" if extra else "")
    head, rest = cut_text(text, first)
    plain = [head, *(split_text(rest) if rest.strip() else [])]
    parts = [html.escape(part, quote=False) for part in plain]
    mentions = mention_ids(message)
    if mentions:
        suffix_len = (utf16_len(MENTION_LABEL) + 1) * len(mentions) + 2
        links = mention_links(mentions)
        last_limit = first if len(plain) == 1 else MAX_CHARS
        if utf16_len(plain[-1]) + suffix_len <= last_limit:
            parts[-1] = f"{parts[-1]}\n\n{links}"
        else:
            parts.append(links)
    return parts


def html_edit(message: Outgoing, limit: int = MAX_CHARS) -> str:
    """An edit replaces one message (or a photo's caption, `limit` CAPTION_CHARS): the text
    cut to fit, escaped."""
    text = message.text
    if utf16_len(text) > limit:
        text = text[: _fitting_prefix(text, limit - 1)] + "…"
    return html.escape(text, quote=False)
