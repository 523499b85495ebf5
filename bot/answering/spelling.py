"""Typo repair for English questions: unknown words become the closest knowledge-base word."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+")
# Chat shorthand the nearest spelling would turn into another word ("acct" into "act", "algo"
# into "ago"): each is read as the word it stands for.
SHORTHAND = {
    "acct": "account",
    "accts": "accounts",
    "algo": "algorithm",
    "algos": "algorithms",
    "alot": "a lot",
    "comms": "comments",
}
# Everyday words the articles happen not to use, which the nearest spelling would turn into one
# they do ("dont" into "donts", "pings" into "pins" once an article spoke of pinning a comment).
# Not "whats": its nearest word, "what", is the right repair.
EVERYDAY = frozenset({"dont", "ping", "pings", "pinged", "pinging", "lmao", "lmfao"})
# English endings: a word that is a known word with one of these ("appealing", "reposted",
# "blocks") is that word inflected, not a typo of a word one letter away ("appearing"); it is
# searched as the word the articles use ("appeal").
_ENDINGS = ("ing", "ed", "es", "s", "ly")
# Repairs are remembered (a fuzzy match costs a fraction of a millisecond) up to this many words.
REMEMBERED_WORDS = 20_000


class Speller:
    """Maps a misspelled word ('transalte') to a word the articles use ('translate')."""

    def __init__(self, words: Iterable[str], cutoff: float = 0.8):
        self.vocabulary = {word.lower() for word in words if word.isascii() and word.isalpha()}
        self.cutoff = cutoff
        self._by_shape: dict[tuple[str, int], list[str]] = {}
        for word in sorted(self.vocabulary):
            self._by_shape.setdefault((word[0], len(word)), []).append(word)
        self._repaired: dict[str, str] = {}

    def word(self, word: str) -> str:
        """The word itself when known or short, else its closest known spelling, if close."""
        repaired = self._repaired.get(word)
        if repaired is None:
            repaired = self._repair(word)
            if len(self._repaired) >= REMEMBERED_WORDS:
                self._repaired.clear()
            self._repaired[word] = repaired
        return repaired

    def _repair(self, word: str) -> str:
        lower = word.lower()
        if lower in SHORTHAND:
            return SHORTHAND[lower]
        if lower in self.vocabulary or lower in EVERYDAY or len(lower) < 4:
            return word
        base = self._base(lower)
        if base:
            return base
        pool = [
            known
            for length in (len(lower) - 1, len(lower), len(lower) + 1)
            for known in self._by_shape.get((lower[0], length), [])
        ]
        match = difflib.get_close_matches(lower, pool, n=1, cutoff=self.cutoff)
        return match[0] if match else word

    def _base(self, word: str) -> str:
        """The known word this one inflects with an English ending, or "": "appealing"
        (appeal), "liked" (like), "stopped" (stop), "replies" (reply)."""
        for ending in _ENDINGS:
            if not word.endswith(ending) or len(word) - len(ending) < 3:
                continue
            stem = word[: -len(ending)]
            candidates = {stem, stem + "e"}
            if len(stem) > 3 and stem[-1] == stem[-2]:
                candidates.add(stem[:-1])  # stopped, tapped
            if stem.endswith("i"):
                candidates.add(stem[:-1] + "y")  # replies, replied
            known = sorted(candidates & self.vocabulary, key=lambda w: (-len(w), w))
            if known:
                return known[0]
        return ""

    def text(self, text: str) -> str:
        """The text with each unknown Latin-script word repaired."""
        return _WORD.sub(lambda m: self.word(m.group(0)), text)
