"""Screenshots in chat: which pictures the bot reads, reading one off the writer thread, and
the reply a newcomer (or a mentor who asked) gets.

Reading a picture is the slow part (OCR takes most of a second), so it is decided like an
answer: `Looker.read` runs in the runtime's OCR thread, one picture at a time, and writes
the labelled copy as a PNG under the data directory; the commit on the writer turns the
`Looked` result into a reply whose `Outgoing.image` is that file. The picture the user sent
is never written to disk: its bytes live only in memory while they are read.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bot.i18n import t
from bot.models import Address, Button, Media, Outgoing, UserRef
from bot.screens.values import Gloss, ImageRefused, Item, Lang, Reading

if TYPE_CHECKING:
    from bot.context import Context
    from bot.screens.service import Screens

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 20_000_000
# Pictures one user may have in flight (one being read, one waiting), and send in a minute;
# past either, the flood reply instead of a backlog.
PER_USER = 2
PER_MINUTE = 4
# Pictures waiting for the OCR thread from everyone; past it, "busy, send it again soon".
WAITING = 12
# Article buttons under a labelled screenshot.
ARTICLE_BUTTONS = 3
# Labelled copies nobody delivered (a duplicate event, a crash before the commit) are
# swept after this long.
ORPHAN_SECONDS = 3600.0

Refusal = Literal[
    "too_big",
    "too_many_pixels",
    "not_image",
    "unreadable",
    "fetch_failed",
    "flood",
    "busy",
    "unavailable",
]
READABLE = ("photo", "document")


@dataclass(frozen=True)
class ScreenJob:
    """A picture to read, in which language, and for whom: the person who sent it, or a
    mentor who pressed "label it" under a newcomer's picture (`handoff_id`)."""

    media: Media
    language: str
    handoff_id: int | None = None


@dataclass(frozen=True)
class Looked:
    """What reading one picture gave: the reading and the labelled copy's path, or why not."""

    handle: str
    language: str
    reading: Reading | None = None
    image: str | None = None
    refusal: Refusal | None = None


def wants_reading(media: Media | None, attachment: str | None) -> bool:
    """A photo, or a file the platform sent along (which may turn out not to be a picture)."""
    return media is not None and attachment in READABLE


class Looker:
    """Reads pictures with the OCR pipeline (loaded on the first one) and keeps the labelled
    copies under `<data>/outgoing-media` until they are delivered."""

    def __init__(
        self,
        glossary: Path,
        media_dir: Path,
        *,
        enabled: bool = True,
        screens: Screens | None = None,
    ):
        self.glossary = glossary
        self.media_dir = media_dir
        self.enabled = enabled
        self._screens = screens  # given to share one loaded pipeline (tests, benchmarks)
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._screens is not None

    def screens(self) -> Screens:
        """The OCR pipeline, built on first use (the OCR model loads on the first picture)."""
        with self._lock:
            if self._screens is None:
                from bot.screens.service import Screens

                self._screens = Screens(self.glossary)
            return self._screens

    def read(self, data: bytes, job: ScreenJob) -> Looked:
        """Read one picture and write its labelled copy; for the OCR thread only."""
        handle = job.media.handle
        if not self.enabled:
            return Looked(handle, job.language, refusal="unavailable")
        began = time.perf_counter()
        try:
            lang: Lang = job.language if job.language in ("es", "zh") else "en"  # type: ignore[assignment]
            reading = self.screens().describe(data, lang)
        except ImageRefused as refused:
            return Looked(handle, job.language, refusal=refused.reason)
        except Exception:
            logger.exception("reading a screenshot failed")
            return Looked(handle, job.language, refusal="unavailable")
        image = None
        if reading.png is not None:
            self.media_dir.mkdir(parents=True, exist_ok=True)
            path = self.media_dir / f"{uuid.uuid4().hex}.png"
            path.write_bytes(reading.png)
            image = str(path)
        logger.info(
            "screenshot read: %d runs, %d Chinese, %d items in %.2f s",
            reading.found,
            reading.chinese,
            len(reading.items),
            time.perf_counter() - began,
        )
        return Looked(handle, job.language, reading=reading, image=image)

    def discard(self, path: str | None) -> None:
        """Delete a labelled copy once delivered (or given up on); only files of ours."""
        if not path:
            return
        file = Path(path)
        if file.parent.resolve() != self.media_dir.resolve():
            logger.warning("refusing to delete %s: not an outgoing picture", path)
            return
        file.unlink(missing_ok=True)

    def sweep(self, keep: set[str], now: float | None = None) -> int:
        """Delete labelled copies older than an hour that no pending message refers to."""
        if not self.media_dir.is_dir():
            return 0
        now = time.time() if now is None else now
        kept = {str(Path(p).resolve()) for p in keep}
        removed = 0
        for file in self.media_dir.glob("*.png"):
            if str(file.resolve()) in kept:
                continue
            if now - file.stat().st_mtime > ORPHAN_SECONDS:
                file.unlink(missing_ok=True)
                removed += 1
        return removed


# --- the reply


def gloss_line(gloss: Gloss, lang: str) -> str:
    """`设置 (shè zhì) — Settings: what it does`; in Chinese, what the item does rather than
    the label again. Literal dictionary meanings are marked."""
    if gloss.source == "dictionary":
        meaning = t("screen.literal", lang, meaning=gloss.meaning)
    elif lang == "zh" and gloss.does and not gloss.fallback_en:
        meaning = gloss.does
    else:
        meaning = f"{gloss.meaning}: {gloss.does}" if gloss.does else gloss.meaning
    pinyin = f" ({gloss.pinyin})" if gloss.pinyin and lang != "zh" else ""
    return f"{gloss.text}{pinyin} — {meaning}"


def items_text(items: tuple[Item, ...], lang: str) -> str:
    """One numbered line per item: `1. 设置 (shè zhì) — Settings: …`."""
    return "\n".join(f"{item.number}. {gloss_line(item.gloss, lang)}" for item in items)


def reply(
    ctx: Context,
    address: Address,
    looked: Looked | None,
    lang: str,
    *,
    owner: UserRef | None = None,
    offer_mentor: bool = True,
) -> list[Outgoing]:
    """The labelled picture with its list, or a short honest reply about why not (with the
    offer of a mentor, pressable by `owner` alone)."""
    offer = ctx.say.button(t("button.mentor", lang), "mentor", owner) if offer_mentor else None
    mentor = [[offer]] if offer else []
    if looked is None:
        return [ctx.say.reply(address, t("screen.unavailable", lang), mentor)]
    if looked.refusal is not None:
        limits = {"mb": MAX_IMAGE_BYTES // 1_000_000, "mp": MAX_IMAGE_PIXELS // 1_000_000}
        return [ctx.say.reply(address, t(f"screen.{looked.refusal}", lang, **limits), mentor)]
    reading = looked.reading
    if reading is None or not reading.items or looked.image is None:
        key = "screen.not_chinese" if reading is not None and reading.found else "screen.no_text"
        return [ctx.say.reply(address, t(key, lang), mentor)]
    items = reading.items
    parts = [t("screen.found", lang, count=len(items)), "", items_text(items, lang)]
    if any(item.gloss.source == "dictionary" for item in items):
        parts += ["", t("screen.literal_note", lang)]
    if lang != "en" and any(item.gloss.fallback_en for item in items):
        parts += [t("screen.english_note", lang)]
    rows: list[list[Button]] = []
    seen: set[str] = set()
    for item in items:
        slug = item.gloss.article
        if slug and slug not in seen and ctx.answering.catalog.variant(slug, "en") is not None:
            seen.add(slug)
            rows.append([ctx.say.button(ctx.say.title(slug, lang), "art", None, id=slug)])
        if len(rows) == ARTICLE_BUTTONS:
            break
    return [replace(ctx.say.reply(address, "\n".join(parts), rows), image=looked.image)]


# How the message log marks the labels the glossary lacks (read back by `guide kb labels`).
UNKNOWN_MARK = " | not in the glossary: "
LABEL_SEPARATOR = " · "


def summary(looked: Looked | None) -> str:
    """What the conversation log keeps of a screenshot: the labels read, not the picture;
    those the glossary lacks (glossed only literally) are listed apart, for maintainers."""
    if looked is None or looked.reading is None:
        return f"[screenshot: {looked.refusal if looked else 'not read'}]"
    items = looked.reading.items
    if not items:
        return "[screenshot: no Chinese text]"
    text = "[screenshot] " + LABEL_SEPARATOR.join(item.gloss.text for item in items)
    unknown = [item.gloss.text for item in items if item.gloss.source == "dictionary"]
    return text + UNKNOWN_MARK + LABEL_SEPARATOR.join(unknown) if unknown else text
