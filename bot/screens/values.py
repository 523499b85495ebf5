"""The values the screenshot feature passes between its parts: what OCR found on a
picture, what the app's vocabulary says about a label, and the labelled reading the core
turns into a reply. Pure data; no OCR, image or dictionary library is imported here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "es", "zh"]
Refusal = Literal["too_big", "too_many_pixels", "not_image", "unreadable"]


class ImageRefused(Exception):
    """A file the bot will not decode: over the byte or pixel limit, not an image, or
    broken. `reason` picks the reply the newcomer gets."""

    def __init__(self, reason: Refusal, detail: str = ""):
        super().__init__(detail or reason)
        self.reason: Refusal = reason
        self.detail = detail


@dataclass(frozen=True)
class TextBox:
    """One run of text OCR found: the text, its corners (x, y) clockwise from top-left in
    the picture's pixels, and the recogniser's confidence (0..1)."""

    text: str
    box: tuple[tuple[float, float], ...]
    confidence: float


@dataclass(frozen=True)
class GlossaryEntry:
    """One label of RedNote's interface, from `knowledge/ui-glossary.yaml`.

    `meaning` is the label in each language (a short name: "Settings"); `does` says what
    the item does in each language; `article` is the slug of a knowledge article about it,
    when there is one; `sources` are where the label was seen (URLs)."""

    label: str
    pinyin: str
    meaning: dict[str, str]
    does: dict[str, str]
    area: str
    sources: tuple[str, ...]
    article: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gloss:
    """What one recognised label means, in one language.

    `source` says where the meaning came from: the app's glossary, or a literal
    dictionary translation (CC-CEDICT), which the reply marks as literal. `fallback_en`
    is true when the newcomer's language had no text and English was used instead."""

    text: str
    pinyin: str
    meaning: str
    does: str = ""
    source: Literal["glossary", "dictionary"] = "glossary"
    article: str | None = None
    fallback_en: bool = False


@dataclass(frozen=True)
class Item:
    """A numbered marker on the labelled picture and its line in the reply."""

    number: int
    box: TextBox
    gloss: Gloss


@dataclass(frozen=True)
class Reading:
    """What the bot makes of one screenshot: the numbered items, the labelled picture as
    PNG bytes (None when nothing Chinese was found), and counts for the reply and the
    figures: how many text runs OCR found and how many of them were Chinese."""

    items: tuple[Item, ...]
    png: bytes | None
    found: int
    chinese: int
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())
