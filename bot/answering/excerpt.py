"""The sentences of a section that speak to a question, when the whole section does not fit.

A reply shows the best section whole. A second section of the same article that the
question is about as close to, or a close rival article's section, is shown too, but two
whole sections often do not fit in one chat message (REPLY_BUDGET); then the other section's
sentences that share the question's rarest words are shown, in their own order, with "…"
where sentences were left out. Nothing is reworded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.answering.subject import content_terms
from bot.text import HAN_CHAR

# A sentence ends at . ! ? (followed by a space and what starts a sentence) or at 。！？
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(¿¡A-ZÁÉÍÓÚÑ0-9])|(?<=[。！？])")
# What ends in a full stop without ending a sentence: initials and short abbreviations.
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[A-Z]{1,2}|[A-Z]\.[A-Z]|e\.g|i\.e|vs|approx|No|Dr|Mr|Mrs|Ms|St|Jr|Sr|Inc|Ltd)\.$"
)
# An excerpt shorter than this says too little to be worth showing (a Chinese character
# counts twice: it says about as much as a short word). On the development sets 60, 120 and
# 250 differed by a few replies of 20,630.
MIN_EXCERPT = 60
# An excerpt is a few sentences, not most of a section: on the development sets a cap of 450
# characters kept the gain of an uncapped one (4 replies fewer right of 20,630; 300 lost 17)
# and left fewer replies past 1,600 characters (about 12% of answers, against 16% uncapped
# and 7% with no excerpts).
MAX_EXCERPT = 450
ELLIPSIS = "…"


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each stripped. A full stop after an abbreviation ("EE. UU.",
    "U.S.", "e.g.") does not end one."""
    found: list[str] = []
    for part in _SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if found and _ABBREVIATION.search(found[-1]):
            found[-1] += " " + part
        else:
            found.append(part)
    return found


def excerpt(text: str, asked: Iterable[str], weight: Callable[[str], float], room: int) -> str:
    """The sentences of `text` that share the most (by `weight`) of the question's terms
    `asked`, within `room` characters (and MAX_EXCERPT), in their order; '' when none shares
    a term or what fits is shorter than MIN_EXCERPT."""
    asked = set(asked)
    room = min(room, MAX_EXCERPT)
    parts = sentences(text)
    if not asked or len(parts) < 2:
        return ""
    scored = []
    for position, sentence in enumerate(parts):
        shared = asked & content_terms(sentence)
        score = sum(weight(term) for term in shared)
        if score > 0:
            scored.append((score, position))
    chosen: list[int] = []
    used = 0
    for _, position in sorted(scored, key=lambda pair: (-pair[0], pair[1])):
        cost = len(parts[position]) + len(ELLIPSIS) + 1
        if used + cost > room:
            continue
        chosen.append(position)
        used += cost
    if not chosen:
        return ""
    chosen.sort()
    shown: list[str] = []
    previous = -1
    for position in chosen:
        if position != previous + 1:
            shown.append(ELLIPSIS)
        shown.append(parts[position])
        previous = position
    if previous != len(parts) - 1:
        shown.append(ELLIPSIS)
    result = " ".join(shown)
    return result if len(result) + len(HAN_CHAR.findall(result)) >= MIN_EXCERPT else ""
