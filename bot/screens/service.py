"""Describing a screenshot: check it, read it, gloss each Chinese label, number and mark them.

The one way in for the screenshot feature: `Screens.describe(data, lang)` returns a
`Reading`; the core turns it into the reply. No platform, OCR or image library is named
here beyond Pillow (through `images` and `draw`); OCR sits behind `TextReader`, the app's
vocabulary behind `Vocabulary`, CC-CEDICT behind `Dictionary`.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PIL import Image

from bot.screens import draw, images
from bot.screens.glossary import Glossary, from_glossary
from bot.screens.values import Gloss, GlossaryEntry, Item, Lang, Reading, TextBox
from bot.text import HAN

logger = logging.getLogger(__name__)

LONGEST_LABEL = 12


class TextReader(Protocol):
    """Finds the runs of text on a picture."""

    @property
    def loaded(self) -> bool: ...

    def load(self) -> None: ...

    def read(self, image: Image.Image) -> list[TextBox]: ...


class Vocabulary(Protocol):
    """The app's own labels: `find` matches a label or an alias, normalised."""

    def find(self, text: str) -> GlossaryEntry | None: ...


class Dictionary(Protocol):
    """A dictionary's literal reading of a label it has no app meaning for."""

    def literal(self, text: str, lang: Lang = "en") -> Gloss: ...


_EDGES = re.compile(r"^[^\w@#]+|[^\w@#]+$")


def trimmed(text: str) -> str:
    """A label as shown in the reply: the run without the arrows, dots and bullets OCR read
    around it ("隐私设置 ›" is 隐私设置)."""
    return _EDGES.sub("", text) or text


def split_labels(text: str, find: Callable[[str], GlossaryEntry | None]) -> list[str] | None:
    """Cut a run OCR merged ("设置帮助") into known labels, fewest pieces first; None
    unless every character belongs to one. A piece must be a label itself, not an alias (the
    whole run may be either)."""
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - LONGEST_LABEL), end):
            before = best[start]
            entry = find(text[start:end]) if before is not None else None
            if before is None or entry is None:
                continue
            if end - start < len(text) and entry.label != text[start:end]:
                continue  # a piece is a label as such: 我的收藏 is not 我的 (an alias) + 收藏
            candidate = [*before, text[start:end]]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[len(text)]


def part_of(box: TextBox, text: str, start: int, length: int) -> TextBox:
    """The sub-box of a horizontal run that holds characters start..start+length, taking
    a Latin letter or digit as about half as wide as a Chinese character."""
    if len(box.box) != 4 or not text:
        return TextBox(text[start : start + length], box.box, box.confidence)
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = box.box
    widths = [1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text]
    total = sum(widths)
    a, b = sum(widths[:start]) / total, sum(widths[: start + length]) / total

    def along(p: tuple[float, float], q: tuple[float, float], t: float) -> tuple[float, float]:
        return p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t

    top, bottom = ((x0, y0), (x1, y1)), ((x3, y3), (x2, y2))
    corners = (
        along(*top, a),
        along(*top, b),
        along(*bottom, b),
        along(*bottom, a),
    )
    return TextBox(text[start : start + length], corners, box.confidence)


def icon_like(run: TextBox) -> bool:
    """A lone character in a box at least half again as tall as wide: OCR turns such a
    crop on its side and reads it as vertical text, which is how a chevron › becomes 八.
    Labels on a phone screen run across."""
    xs = [x for x, _ in run.box]
    ys = [y for _, y in run.box]
    tall = max(ys) - min(ys) >= 1.5 * (max(xs) - min(xs))
    return tall and len("".join(HAN.findall(run.text))) == 1


def reading_order(boxes: Sequence[TextBox]) -> list[TextBox]:
    """Top to bottom, and left to right within a line (boxes whose middles are within
    half a text height of each other)."""

    def middle(box: TextBox) -> tuple[float, float, float]:
        ys = [y for _, y in box.box]
        xs = [x for x, _ in box.box]
        return (min(ys) + max(ys)) / 2, min(xs), max(ys) - min(ys)

    lines: list[list[TextBox]] = []
    anchor: list[tuple[float, float]] = []
    for box in sorted(boxes, key=lambda b: middle(b)[0]):
        y, _, height = middle(box)
        if lines and abs(y - anchor[-1][0]) <= max(anchor[-1][1], height) / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
            anchor.append((y, height))
    return [box for line in lines for box in sorted(line, key=lambda b: middle(b)[1])]


class Screens:
    """Screenshots in, labelled readings out. Loads OCR, the glossary and the dictionary
    on first use; one lock makes it safe to call from any one worker thread at a time."""

    def __init__(
        self,
        glossary_path: Path | None = None,
        *,
        glossary: Vocabulary | None = None,
        reader: TextReader | None = None,
        dictionary: Dictionary | None = None,
        max_bytes: int = images.MAX_BYTES,
        max_pixels: int = images.MAX_PIXELS,
    ):
        self._glossary_path = glossary_path
        self._glossary = glossary
        self._reader = reader
        self._dictionary = dictionary
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the OCR models are in memory (the first picture waits for them)."""
        return self._reader is not None and self._reader.loaded

    def _ocr(self) -> TextReader:
        if self._reader is None:
            from bot.screens.reader import PaddleReader

            self._reader = PaddleReader()
        return self._reader

    def _vocabulary(self) -> Vocabulary | None:
        if self._glossary is None and self._glossary_path is not None:
            if self._glossary_path.exists():
                self._glossary = Glossary.load(self._glossary_path)
            else:
                logger.warning("no UI glossary at %s: every label literal", self._glossary_path)
                self._glossary_path = None
        return self._glossary

    def _literal(self) -> Dictionary:
        if self._dictionary is None:
            from bot.screens.dictionary import CedictDictionary

            self._dictionary = CedictDictionary()
        return self._dictionary

    def warm(self) -> None:
        """Load the OCR models and the glossary now rather than on the first picture."""
        with self._lock:
            self._ocr().load()
            self._vocabulary()

    def describe(self, data: bytes, lang: Lang = "en") -> Reading:
        """Check, read, gloss, number and mark one screenshot. Raises `ImageRefused` for a
        file that is not decoded (too big, too many pixels, not an image, broken)."""
        began = time.perf_counter()
        with self._lock:
            checked = images.check(data, max_bytes=self.max_bytes, max_pixels=self.max_pixels)
            reader = self._ocr()
            first = not reader.loaded
            runs = reader.read(checked.image)
            chinese = [run for run in runs if HAN.search(run.text) and not icon_like(run)]
            items = [
                Item(number, box, gloss)
                for number, (box, gloss) in enumerate(self._gloss_all(chinese, lang), start=1)
            ]
            png = draw.mark(checked.image, items) if items else None
        notes = ("loaded_ocr",) if first else ()
        return Reading(
            tuple(items), png, len(runs), len(chinese), time.perf_counter() - began, notes
        )

    def _gloss_all(self, runs: Sequence[TextBox], lang: Lang) -> list[tuple[TextBox, Gloss]]:
        glossary = self._vocabulary()
        pieces: list[TextBox] = []
        for run in runs:
            pieces.extend(self._labels_in(run, glossary))
        out = []
        for piece in reading_order(pieces):
            entry = glossary.find(piece.text) if glossary else None
            if entry is not None:
                out.append((piece, from_glossary(entry, trimmed(piece.text), lang)))
            else:
                out.append((piece, self._literal().literal(piece.text, lang)))
        return out

    def _labels_in(self, run: TextBox, glossary: Vocabulary | None) -> list[TextBox]:
        """The labels in one run: the whole run when the glossary knows it, else each
        stretch of Chinese (counts, English, emoji and arrows dropped), each cut into known
        labels when it is several run together."""
        if glossary is not None and glossary.find(run.text) is not None:
            return [run]
        found = []
        for match in HAN.finditer(run.text):
            stretch = match.group()
            cut = split_labels(stretch, glossary.find) if glossary is not None else None
            if not cut or len(cut) == 1:
                found.append(part_of(run, run.text, match.start(), len(stretch)))
                continue
            offset = match.start()
            for label in cut:
                found.append(part_of(run, run.text, offset, len(label)))
                offset += len(label)
        return found
