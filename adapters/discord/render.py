"""Core → Discord: message text (escaped, split at 2000), mentions and button rows."""

from __future__ import annotations

import discord

from adapters.discord.buttons import TokenButton
from bot.models import Button, Outgoing

MESSAGE_LIMIT = 2000
MAX_ROWS = 5
MAX_PER_ROW = 5
LABEL_LIMIT = 80
OVERFLOW_TEXT = "…"

Rows = list[list[Button]]


def escape(text: str) -> str:
    """Show text as typed: no markdown, and no @everyone/@here/role/user mentions."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def mention_ids(message: Outgoing) -> list[int]:
    """The user ids the core asked to ping (`meta["mentions"]`, comma-separated)."""
    raw = message.meta.get("mentions", "") if message.meta else ""
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


def body(message: Outgoing) -> str:
    """The full text: the requested pings first, then the core's text, escaped."""
    text = escape(message.text)
    pings = " ".join(f"<@{user_id}>" for user_id in mention_ids(message))
    return f"{pings}\n{text}" if pings else text


def allowed_mentions(message: Outgoing) -> discord.AllowedMentions:
    """Never @everyone, @here, roles or reply pings; users only when the core named them."""
    users = [discord.Object(user_id) for user_id in mention_ids(message)]
    return discord.AllowedMentions(
        everyone=False, roles=False, users=users or False, replied_user=False
    )


def split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut text into parts of at most `limit` characters, at a line break or a space when
    there is one in the second half, never between a backslash and what it escapes."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut < limit // 2:
            cut = text.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
            while cut > 1 and text[cut - 1] == "\\":
                cut -= 1
        head, text = text[:cut].rstrip(), text[cut:].lstrip()
        parts.append(head)
    parts.append(text)
    return [part for part in parts if part] or [""]


def pages(buttons: tuple[tuple[Button, ...], ...]) -> list[Rows]:
    """The button rows as Discord allows them (5 rows of 5): kept as they are when they fit,
    otherwise packed evenly, with more than 25 buttons spread over several messages."""
    rows = [list(row) for row in buttons if row]
    if not rows:
        return []
    if len(rows) <= MAX_ROWS and all(len(row) <= MAX_PER_ROW for row in rows):
        return [rows]
    flat = [button for row in rows for button in row]
    out: list[Rows] = []
    page_size = MAX_ROWS * MAX_PER_ROW
    for start in range(0, len(flat), page_size):
        chunk = flat[start : start + page_size]
        width = -(-len(chunk) // MAX_ROWS)
        out.append([chunk[i : i + width] for i in range(0, len(chunk), width)])
    return out


def view(rows: Rows) -> discord.ui.View:
    """A finished View holding the buttons: it only renders components. Clicks on `ng:`
    buttons reach `TokenButton`, registered once as a dynamic item, so they work after a
    restart and no view is kept in memory per message."""
    holder = discord.ui.View(timeout=None)
    for number, row in enumerate(rows):
        for button in row:
            label = button.label[:LABEL_LIMIT] or OVERFLOW_TEXT
            if button.url:
                holder.add_item(discord.ui.Button(label=label, url=button.url, row=number))
            else:
                holder.add_item(TokenButton(button.token or "", label, row=number))
    holder.stop()
    return holder
