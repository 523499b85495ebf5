"""What the bot did with messages like this one: a vote of the labelled development messages.

The rules in safety.py read what a message asks for in words someone wrote down; a newcomer
who asks for the same thing in other words gets past them, and the search then answers a
request to break into an account, or a "hi, anyone real here?", with the nearest article at a
middling confidence. The development sets (knowledge/eval/dev-*.jsonl) hold over thirteen
thousand messages (some ten thousand distinct), written by many hands, each labelled with
what the bot should do. When the
search is not sure, the messages nearest in meaning vote: if nearly all of them (by
similarity) were to be declined, handed to a mentor, met with the menu or with "not sure",
so is this one.

Measured before it was built, on the first contact of 3,700 development messages with their
own set left out of the vote: answer level 0.874 → 0.889, confidently wrong unchanged (votes
that overruled a *confident* answer broke as many as they fixed, hence ASK_BELOW). Built, on
eight sets written afterwards and scored on arrival: 8 more of 1,050 right, 2 false declines
(confidently wrong 0.4 points higher on one round of three sets, unchanged on the other two);
over every development set, each left out in turn, 10 gained and 6 lost, the losses innocent
questions whose neighbours were requests ("what should a good bio have?" beside "write my
bio"). A vote never overrules a rule that knew the message was outside the guide, and a
decline on a vote says no rule's reason, only that requests like it are not something the
guide helps with.
The blind sets (blind*.jsonl) are never read here: a test checks it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# The labelled messages: the development sets only, never a blind set.
EXAMPLES_GLOB = "dev*.jsonl"
EXAMPLE_ACTIONS = ("answer", "unsure", "decline", "handoff", "menu")
# How many neighbours vote, and the share of their similarity the winner needs.
NEIGHBOURS = 10
AGREEMENT = 0.9
# A decline, the one reply that turns a newcomer away, also needs its nearest voter at least
# this similar: agreement alone declined innocent questions whose neighbours were all requests
# ("what should a good rednote bio have?", "if my acct gets banned can i make a new one?",
# nearest 0.61–0.71), while the requests it caught had a voter at 0.71–0.83. Set on those
# votes, over every development set, each left out in turn: 5 false declines → 1, the 3 right
# ones kept. On the blind sets it prevented no false decline and cost two right ones (README).
DECLINE_NEAREST = 0.7
# The vote is asked only when the search's confidence is under this (the evaluation's
# "confident"): a confident answer is not overruled by look-alikes.
ASK_BELOW = 0.8


@dataclass(frozen=True)
class Example:
    """One labelled message, and the development set it comes from."""

    text: str
    action: str
    source: str


@dataclass(frozen=True)
class Vote:
    """What the nearest examples say: the action, its share of their similarity, and the
    texts of the examples that voted for it, nearest first."""

    action: str
    share: float
    texts: tuple[str, ...]
    # how similar the nearest example voting for `action` is (no default: a vote that did
    # not say would pass a decline's floor unseen)
    nearest: float

    @property
    def decisive(self) -> bool:
        return (
            self.action != "answer"
            and self.share >= AGREEMENT
            and (self.action != "decline" or self.nearest >= DECLINE_NEAREST)
        )


class Examples:
    """The labelled messages, with what a vote needs at hand."""

    def __init__(self, items: Sequence[Example] = ()):
        self.items = tuple(items)
        self.texts = tuple(example.text for example in self.items)
        self._sources = np.array([example.source for example in self.items], dtype=object)
        self._folded = np.array([_fold(text) for text in self.texts], dtype=object)
        self._held = frozenset(self._folded.tolist())

    def __len__(self) -> int:
        return len(self.items)

    def holds(self, text: str) -> bool:
        """Whether a message is one of these, word for word (case and spacing aside)."""
        return _fold(text) in self._held

    def vote(
        self,
        similarities: np.ndarray,
        *,
        withheld: str = "",
        unseen: str = "",
        neighbours: int = NEIGHBOURS,
    ) -> Vote | None:
        """The similarity-weighted vote of the `neighbours` examples nearest (by
        `similarities`, one per example), those of the set `withheld` and those whose words
        are `unseen`'s (the message being measured) left out; None when there are none, or
        none is similar at all."""
        if not self.items:
            return None
        scores = np.asarray(similarities, dtype=np.float32)
        if withheld:
            scores = np.where(self._sources == withheld, np.float32(-1.0), scores)
        if unseen:
            scores = np.where(self._folded == _fold(unseen), np.float32(-1.0), scores)
        count = min(neighbours, len(self.items))
        nearest = np.argpartition(-scores, count - 1)[:count]
        nearest = nearest[np.argsort(-scores[nearest], kind="stable")]
        weights: dict[str, float] = {}
        for i in nearest:
            if scores[i] > 0:
                action = self.items[i].action
                weights[action] = weights.get(action, 0.0) + float(scores[i])
        total = sum(weights.values())
        if total <= 0:
            return None
        action = max(weights, key=lambda a: weights[a])
        voters = [i for i in nearest if self.items[i].action == action]
        texts = tuple(self.items[i].text for i in voters)
        return Vote(action, weights[action] / total, texts, float(scores[voters[0]]))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def load_examples(eval_dir: Path) -> Examples:
    """Every labelled message of the development sets, in file order; a message labelled in
    two sets is kept once, with its first label. Unreadable lines raise ValueError."""
    seen: set[str] = set()
    found: list[Example] = []
    for path in sorted(eval_dir.glob(EXAMPLES_GLOB)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, action = str(row["question"]).strip(), str(row["action"])
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path.name}:{number}: not a labelled message ({exc})") from None
            if action not in EXAMPLE_ACTIONS:
                raise ValueError(f"{path.name}:{number}: unknown action {action!r}")
            if text and text not in seen:
                seen.add(text)
                found.append(Example(text, action, path.stem))
    return Examples(found)
