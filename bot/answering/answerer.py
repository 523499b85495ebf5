"""From a question to an Answer: intent, hybrid retrieval, confidence and composition."""

from __future__ import annotations

import contextlib
import logging
import math
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

import numpy as np

from bot.answering.catalog import Catalog
from bot.answering.examples import ASK_BELOW, Vote
from bot.answering.excerpt import excerpt
from bot.answering.hanzi import simplified
from bot.answering.knowledge import Article, Passage
from bot.answering.language import detect
from bot.answering.naming import name_the_app, unshouted
from bot.answering.safety import (
    about_political_rules,
    about_the_bot_itself,
    arrived_and_asks_what_the_bot_does,
    asks_what_the_bot_does,
    beyond_the_guide,
    hacked,
    live_figure,
    nothing_left_to_ask,
    read,
    small_talk,
)
from bot.answering.subject import content_terms
from bot.i18n import t
from bot.text import HAN

logger = logging.getLogger(__name__)
# What is left out of the vote while a set is measured (Answerer.withholding): that set's
# labelled messages, and any message in the words of the one being measured.
_WITHHELD: ContextVar[tuple[str, str]] = ContextVar("withheld", default=("", ""))

Action = Literal["answer", "unsure", "decline", "menu", "handoff"]
MAX_QUERY_CHARS = 1000
# A related topic must score at least this share of the answer's own score.
RELATED_SHARE = 0.6
# Another article's best section within this of the answer's score: retrieval cannot tell
# the two apart, so the reply shows that section too (and cites its article). Over the
# development sets' answerable questions, the best section alone was wrong about one time in
# ten with a rival within 0.05-0.07, one in eighteen within 0.07-0.10, one in thirty-three
# beyond: at 0.07 one answer in nine shows two articles (one in fourteen at the 0.05 used
# until the fifteenth session; one in seven at 0.10).
CLOSE_MARGIN = 0.07
# A second section of the answer's article is shown too when the question is about as close
# to it as to the first (dense similarity, before the article support that lifts both): "how
# do I switch the app to English" is both "can I?" and "where is the setting?". So is one
# whose final score is within CLOSE_MARGIN, like a rival article's: "why is Chinese New Year
# later than ours?" ranked what families do a hair above why the date moves.
SECOND_SECTION_SHARE = 0.95
# Two articles whose best sections score within TIE_MARGIN of each other, at TIE_SCORE or
# more, tie: a question the search is unsure of only because of that tie gets both sections,
# not "I'm not sure" (on the development sets: 6 replies gained the facts, and 2, one message
# in two sets, were questions to leave unanswered).
TIE_MARGIN = 0.01  # a tie is a close rival (CLOSE_MARGIN) closer still
TIE_SCORE = 0.8
# A second section or a second article is shown whole only while the reply stays within this
# many characters (a chat message, not a page: Discord cuts at 2,000). Past it, the sentences
# of that section that share the question's words are shown (excerpt.py), within the budget;
# when none does, a second article is named and offered first instead. On the development
# sets the sentences made 36 replies right and broke 2 (20,630 messages: 34 more right, 15
# fewer confidently wrong), most often a fact in a second section of the right article.
REPLY_BUDGET = 1600
# The last question sentence among other words is answered when the search answers it at
# all; any other question found (a fragment after "lol", an earlier question) only when its
# answer is at least this sure: a short part of an unclear message is often just as unclear
# ("What do Chinese people feel about us? Do they like us or not?").
PART_CONFIDENCE = 0.6
MAX_PARTS = 4
# A message this short with a greeting or thanks in it and no question is small talk, however
# close an article's words come ("Hello from America").
SHORT_TALK = 4
# At most this many sections are handed to a phraser: the best one, then any others that
# clear the confidence threshold on their own.
PHRASED_PASSAGES = 3


class Index(Protocol):
    """What the answerer needs from the search index."""

    def embed_query(self, text: str) -> list[float]: ...

    def dense(
        self, vector: Sequence[float], k: int = 30, also: Iterable[str] = ()
    ) -> dict[str, float]: ...

    def lexical(self, text: str, k: int = 30) -> dict[str, float]: ...

    def embed_queries(self, texts: Sequence[str]) -> None: ...

    def scope(self, vector: Sequence[float]) -> tuple[float, float]: ...

    def example_vectors(self, texts: tuple[str, ...]) -> np.ndarray: ...


@dataclass(frozen=True)
class Phrased:
    """A phraser's reply: text citing the passages it was given (by index), or unsure."""

    text: str = ""
    cited: tuple[int, ...] = ()
    unsure: bool = False


class Phraser(Protocol):
    """Merges retrieved passages into one answer (an LLM); None when it has nothing usable.

    A phraser may also offer `async def aphrase(...)` with the same arguments: the running
    bot then awaits the model instead of holding a thread while it answers.
    """

    def phrase(
        self, question: str, language: str, passages: Sequence[Passage]
    ) -> Phrased | None: ...


@dataclass(frozen=True)
class PhraseRequest:
    """What a phraser is to be asked, kept with an offline answer composed without it."""

    question: str
    language: str
    chosen: tuple[Candidate, ...]
    passages: tuple[Passage, ...]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Tuning:
    """The knobs of retrieval, tuned on the evaluation set (`guide kb eval`)."""

    lexical_weight: float = 0.2
    lexical_scale: float = 8.0
    # How much an article's second-best section adds to its best (and the best to the rest).
    article_support: float = 0.4
    # Answer when the calibrated confidence is at least this (GUIDE_CONFIDENCE_THRESHOLD).
    min_confidence: float = 0.5
    # Without a calibration file, the confidence is a sigmoid of the best score around
    # `threshold`: a rough fallback, not a probability.
    threshold: float = 0.43
    steepness: float = 0.05
    # Out of scope when the nearest out-of-scope example (knowledge/out-of-scope.yaml) is at
    # least as close as the nearest question the articles answer, less this margin: a message
    # that is about as close to "what's the weather" as to any article is not for the guide.
    scope_margin: float = -0.04
    # ...unless the calibrated confidence, which already weighs that closeness, is at least
    # this: a near tie with "do i need a visa to go to japan" does not overrule a section on
    # China's visa-free transit that the search finds far ahead of any other (0.81–0.87).
    scope_overruled_at: float = 0.8
    # What the question is about (subject.py): a section gains `heading_weight` times how
    # far its heading and the question's content words match beyond `heading_floor` (an
    # IDF-weighted Jaccard, rescaled to 0..1), and `named_weight` when the question is
    # exactly a heading of one article only (a terse "what is rednote").
    heading_weight: float = 0.2
    heading_floor: float = 0.5
    named_weight: float = 0.1
    dense_only: bool = False
    lexical_only: bool = False


@dataclass(frozen=True)
class Source:
    """An article an answer rests on."""

    id: str
    title: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """One section of one article (in any language), scored for a question."""

    english_id: str
    position: int
    passage: Passage
    score: float
    dense: float
    lexical: float
    heading: float = 0.0


@dataclass(frozen=True)
class Answer:
    """What the bot decided to do with a message, and what the user would see."""

    action: Action
    language: str
    text: str
    confidence: float = 0.0
    sources: tuple[Source, ...] = ()
    passage: Passage | None = None
    related: tuple[Article, ...] = ()
    reason: str = ""
    latency_ms: float = 0.0
    candidates: tuple[Candidate, ...] = field(default=(), compare=False, repr=False)
    # Set by answer(..., phrase=False) when a phraser should still be asked (see finish()).
    pending: PhraseRequest | None = field(default=None, compare=False, repr=False)

    def as_json(self) -> dict[str, object]:
        """The stable `guide ask --json` shape."""
        return {
            "action": self.action,
            "language": self.language,
            "text": self.text,
            "sources": [
                {"id": s.id, "title": s.title, "score": round(s.score, 4)} for s in self.sources
            ],
            "confidence": round(self.confidence, 4),
        }


def _menu(lang: str) -> Answer:
    """The menu: what the bot is for, with the topics under it."""
    return Answer("menu", lang, t("menu.intro", lang))


# A sentence that ends in a question mark, and one with enough in it to search alone (three
# words, four Chinese characters, or "what's" and the one thing asked about: "whats qixi? it
# was trending in august").
_QUESTION_SENTENCE = re.compile(r"[^.!?¿¡。！？\n]*[?？]")
_ENOUGH_TO_SEARCH = re.compile(
    r"\w+\W+\w+\W+\w+|[\u4e00-\u9fff]{4}|"
    r"^\W*(?:what'?s|whats|who'?s|qu[eé] es)\s+(?!(?:it|that|this|eso|esto)\b)\w{2,}\W*$",
    re.IGNORECASE,
)
# Where one thing said ends and the next begins: a sentence's end (a question mark stays with
# its question), a line break, an emoji, or a word of chat that starts afresh ("lol", "anyway",
# "btw", "and also", "jaja", "además").
_PART_BREAK = re.compile(
    r"(?<=[?？])\s*|\s*(?=[¿¡])|[.!;]+(?=\s|$)\s*|[。！\n；]+\s*|[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*"
    r"|\s*(?:\b(?:lol|lmao|lmfao|haha+|anyways?|btw|ok so|jaja+|otra cosa|and also|adem[aá]s|"
    r"y tambi[eé]n)\b|,\s*also\b)[,:]?\s*",
    re.IGNORECASE,
)
# A part that asks something: it ends with a question mark, or starts as a question does.
_ASKS = re.compile(
    r"[?？]\s*$|^\W*(how|what|whats|what's|why|where|when|which|who|can|could|is|are|does|do|did|"
    r"should|will|would|any ?way|anyone know|does anyone|c[oó]mo|qu[eé]|por qu[eé]|d[oó]nde|"
    r"cu[aá]ndo|cu[aá]l|puedo|se puede|hay)\b|^\W*(怎么|为什么|哪里|什么|如何|能不能|可以)",
    re.IGNORECASE,
)
# A short part that points back at something said before it ("is there even a button for
# it", "¿se puede sacar eso?") cannot be searched alone.
_POINTS_BACK = re.compile(
    r"\b(it|that|this|those|them|eso|esto|ello)\b|它|这个|那个|這個|那個", re.IGNORECASE
)
_SHORT_PART = 8


def last_question(text: str) -> str:
    """The message's last question sentence, when it has other sentences around it ("I run a
    little bakery in Ohio. Could I sell my cookies to people on RedNote?"), else ''."""
    found = [
        part.strip() for part in _QUESTION_SENTENCE.findall(text) if _ENOUGH_TO_SEARCH.search(part)
    ]
    if not found or len(found[-1]) >= 0.8 * len(text.strip()):
        return ""
    return found[-1]


def question_parts(text: str) -> list[str]:
    """The questions a message asks among other things, in order, when it says more than
    them: "lol my cat spilled coffee on my laptop 🙃 anyway where's the english setting",
    "why is my feed all makeup lol how do i fix the algorithm", "I run a bakery in Ohio. Could
    I sell cookies on RedNote?". A part too short to search alone is left out, and so is a
    message that is one question and nothing else ([])."""
    # (each part is shorter than the message: answering one alone cannot come back here
    # with the same text)
    whole = text.strip()
    found = [
        part.strip(" ,:-—")
        for part in _PART_BREAK.split(whole)
        if part
        and _ENOUGH_TO_SEARCH.search(part)
        and _ASKS.search(part.strip(" ,:-—"))
        and not (_POINTS_BACK.search(part) and _words(part) < _SHORT_PART)
    ]
    return [part for part in found if len(part) < len(whole)]


def _words(text: str) -> int:
    """How many words a message has (a run of Chinese characters counts as one)."""
    return len(re.findall(r"\w+", text))


def _length(lines: Sequence[str]) -> int:
    """How long the reply's lines are when joined."""
    return sum(len(line) + 1 for line in lines)


_LATIN_WORD = re.compile(r"[a-z][a-z0-9]+")


def _relative(found: dict[str, float], scale: float) -> dict[str, float]:
    """BM25 scores relative to the best one, times how strong that best one is (up to
    `scale`)."""
    best = max(found.values(), default=0.0)
    if not best:
        return {}
    specificity = min(1.0, best / scale)
    return {pid: score / best * specificity for pid, score in found.items()}


def _latin_words(query: str) -> str:
    """The Latin-script words of a question written in Chinese ("" when it is not)."""
    if not HAN.search(query):
        return ""
    return " ".join(_LATIN_WORD.findall(query.lower()))


class Answerer:
    """Decides and composes the bot's reply to one free-text message."""

    def __init__(
        self,
        catalog: Catalog,
        index: Index,
        tuning: Tuning | None = None,
        phraser: Phraser | None = None,
    ):
        self.catalog = catalog
        self.index = index
        self.tuning = tuning or Tuning()
        self.phraser = phraser

    def retrieve(
        self, text: str, k: int = 5, language: str | None = "en", *, include: str = ""
    ) -> list[Candidate]:
        """Rank sections for a question: dense similarity plus a relative lexical boost.

        English (or undetected) questions have their typos repaired first. The sections of
        article `include` are scored too, however far down they would rank.
        """
        query = self._query(text, language)
        tuning = self.tuning
        lexical = {} if tuning.dense_only else self.index.lexical(query, 40)
        # A Latin word in a Chinese question ("xswl啥意思 我外国朋友问我") is searched on its own
        # too: in the whole question its one rare hit is outweighed by many common characters.
        latin = _latin_words(query) if language == "zh" and not tuning.dense_only else ""
        words = self.index.lexical(latin, 40) if latin else {}
        # The lexical boost is relative to the best lexical hit, scaled down when even that
        # hit is weak (only common words matched): rare exact names lift their article. A
        # passage the Latin words find counts with the better of its two boosts.
        boost = _relative(lexical, tuning.lexical_scale)
        for pid, value in _relative(words, tuning.lexical_scale).items():
            boost[pid] = max(boost.get(pid, 0.0), value)
        also = list(boost)
        if include:
            also += [p.id for p in self.catalog.passages.values() if p.english_id == include]
        dense = (
            {}
            if tuning.lexical_only
            else self.index.dense(self.index.embed_query(query), 40, also=also)
        )
        topics: dict[tuple[str, int], dict[str, object]] = {}
        for pid in set(dense) | set(boost):
            passage = self.catalog.passages.get(pid)
            if passage is None:
                continue
            key = (passage.english_id, passage.position)
            entry = topics.setdefault(key, {"dense": 0.0, "lexical": 0.0, "passage": passage})
            entry["dense"] = max(float(entry["dense"]), dense.get(pid, 0.0))  # type: ignore[arg-type]
            entry["lexical"] = max(float(entry["lexical"]), boost.get(pid, 0.0))  # type: ignore[arg-type]
        ranked: list[Candidate] = []
        subjects = self.catalog.subjects()
        asked = content_terms(query)
        named = subjects.named(asked) if asked else None
        heading_match = subjects.matcher(asked)
        for (english_id, position), entry in topics.items():
            lex_norm = float(entry["lexical"])  # type: ignore[arg-type]
            dense_score = float(entry["dense"])  # type: ignore[arg-type]
            heading = heading_match(english_id, position)
            heading = max(0.0, heading - tuning.heading_floor) / (1.0 - tuning.heading_floor)
            # Named outright: the question is that section's heading.
            exact = float(named == (english_id, position))
            if tuning.lexical_only:
                score = lex_norm
            else:
                score = (
                    dense_score
                    + tuning.lexical_weight * lex_norm
                    + tuning.heading_weight * heading
                    + tuning.named_weight * exact
                )
            ranked.append(
                Candidate(
                    english_id=english_id,
                    position=position,
                    passage=entry["passage"],  # type: ignore[arg-type]
                    score=score,
                    dense=dense_score,
                    # A topic named outright is an exact-name hit, as a rare word is.
                    lexical=max(lex_norm, exact),
                    heading=heading,
                )
            )
        ranked = self._with_support(ranked)
        kept = ranked[: max(k, 1) * 4]
        return kept + [c for c in ranked[len(kept) :] if c.english_id == include]

    def _with_support(self, ranked: list[Candidate]) -> list[Candidate]:
        """Each section's score plus `article_support` times the best other section of its
        article: an article that answers with two sections is likelier the topic than one
        with a single close heading. Below 1, the order inside an article does not change."""
        by_article: dict[str, list[float]] = {}
        for candidate in ranked:
            by_article.setdefault(candidate.english_id, []).append(candidate.score)
        for scores in by_article.values():
            scores.sort(reverse=True)
        supported = []
        for candidate in ranked:
            scores = by_article[candidate.english_id]
            if len(scores) < 2:
                other = 0.0
            else:
                other = scores[1] if candidate.score >= scores[0] else scores[0]
            score = candidate.score + self.tuning.article_support * other
            supported.append(
                Candidate(
                    candidate.english_id,
                    candidate.position,
                    candidate.passage,
                    score,
                    candidate.dense,
                    candidate.lexical,
                    candidate.heading,
                )
            )
        supported.sort(key=lambda c: c.score, reverse=True)
        return supported

    def _query(self, text: str, language: str | None) -> str:
        """What is searched: the text, cut short, in simplified Chinese characters (the
        articles' own), out of capitals, "this app" read as RedNote, with English typos
        repaired."""
        query = name_the_app(unshouted(simplified(text[:MAX_QUERY_CHARS])), language)
        if language in (None, "en"):
            query = self.catalog.speller.text(query)
        return query

    def scope(self, text: str, language: str | None) -> tuple[float, float]:
        """How close the text is to the nearest question the articles answer, and to the
        nearest out-of-scope example."""
        return self.index.scope(self.index.embed_query(self._query(text, language)))

    def expect(self, texts: Sequence[str]) -> None:
        """Embed what these questions will be searched with, all in one call, before they
        are answered one by one (a decider's batch)."""
        self.index.embed_queries([self._query(text, detect(text)) for text in texts])

    def out_of_scope(self, scope: tuple[float, float]) -> bool:
        """Closer to an example of what the bot must not answer than to any article's question."""
        inside, outside = scope
        return outside > 0 and outside - inside > self.tuning.scope_margin

    @staticmethod
    def features(
        candidates: Sequence[Candidate], position: int, scope: tuple[float, float]
    ) -> tuple[float, float, float, float]:
        """The calibration's signals for one candidate (see calibration.FEATURES)."""
        chosen = candidates[position]
        rival = max((c.score for c in candidates if c.english_id != chosen.english_id), default=0.0)
        inside, outside = scope
        return (chosen.score, chosen.score - rival, inside - outside, chosen.lexical)

    def confidence(
        self, candidates: Sequence[Candidate], position: int, scope: tuple[float, float]
    ) -> float:
        """The chance that this candidate answers the question, from the knowledge base's
        calibration (`guide kb calibrate`); without one, a sigmoid of its score."""
        tuning = self.tuning
        score = candidates[position].score
        if tuning.lexical_only:
            return score
        calibration = self.catalog.calibration
        if calibration is not None:
            return calibration.probability(self.features(candidates, position, scope))
        return 1.0 / (1.0 + math.exp(-(score - tuning.threshold) / tuning.steepness))

    def answer(
        self,
        text: str,
        language: str | None = None,
        *,
        detect_language: bool = True,
        phrase: bool = True,
    ) -> Answer:
        """Decide what to do with a message and compose the reply.

        The reply's language is the one detected in the text, else `language`; with
        `detect_language=False` (a language the user chose) it is always `language`. With
        `phrase=False` a configured phraser is not called: the offline answer comes back with
        `pending` set, for the caller to phrase (asynchronously) and `finish()`.
        """
        started = time.perf_counter()
        written_in = detect(text)
        detected = written_in if detect_language else None
        lang = detected or language or "en"
        reading = read(text)
        if reading is not None and reading.intent == "menu":
            return self._timed(_menu(lang), started)
        if reading is not None and reading.intent == "handoff":
            return self._timed(Answer("handoff", lang, t("handoff.asked", lang)), started)
        if reading is not None and reading.intent in ("decline", "politics"):
            return self._timed(self._decline(text, lang, reading.intent, reading.reason), started)
        # What the rules do to a political post is the neutral politics article's question,
        # whatever place the post names: a rule says which article, the search which section.
        politics = self._politics_id() if about_political_rules(text) else ""
        candidates = self.retrieve(text, language=written_in, include=politics)
        if not candidates:
            return self._timed(self._unsure(lang, [], 0.0), started)
        scope = self.scope(text, written_in)
        # How sure the search is that the question is one the articles answer.
        confidence = self.confidence(candidates, 0, scope)
        unsure = confidence < self.tuning.min_confidence
        beyond = beyond_the_guide(text)
        if (
            small_talk(text)
            and not beyond
            and (unsure or _words(text) <= SHORT_TALK or nothing_left_to_ask(text))
        ):
            # A greeting or thanks in words the rules do not know, with nothing to search:
            # the menu, not a guess at an article ("gracias crack, me re sirvió").
            return self._timed(_menu(lang), started)
        if politics:
            candidates = [c for c in candidates if c.english_id == politics] + [
                c for c in candidates if c.english_id != politics
            ]
        routed = bool(politics)
        best = candidates[0]
        live = live_figure(text)
        if live:
            # No guessing at a live number. For a count on RedNote the closest topics may
            # still hold a dated figure; markets and weather have no topic to show.
            shown = candidates if live == "count" and not self.out_of_scope(scope) else []
            return self._timed(self._unsure(lang, shown, confidence, "live_data"), started)
        if beyond == "out_of_scope" or (
            self.out_of_scope(scope) and confidence < self.tuning.scope_overruled_at
        ):
            return self._timed(self._unsure(lang, [], confidence, "out_of_scope"), started)
        if beyond == "prediction" and not unsure:
            # What comes next no guide knows; what has happened so far, it does: said so, and
            # the section that tells it shown under that word.
            composed = self._compose(best, candidates, lang, confidence, rival=False, question=text)
            reply = t("unsure.prediction_so_far", lang) + "\n\n" + composed.text
            return self._timed(
                replace(composed, action="unsure", reason=beyond, text=reply), started
            )
        if beyond:
            # What no guide can know (one person's appeal, next year, a particular account):
            # said so, with the closest topics (how appeals work, what happened so far).
            return self._timed(self._unsure(lang, candidates, confidence, beyond), started)
        # Not sure, and not a question the rules above knew to be outside the guide: what was
        # to be done with the labelled messages most like it (examples.py)?
        voted = None if routed or confidence >= ASK_BELOW else self.vote(text, written_in)
        if voted is not None and voted.decisive and voted.action != "unsure":
            acted = self._as_voted(voted, text, lang)
            if acted is not None:
                return self._timed(acted, started)
        if (
            asks_what_the_bot_does(text)
            and not about_the_bot_itself(text)
            and (unsure or self._about_the_bot(best) or arrived_and_asks_what_the_bot_does(text))
        ):
            # "How does this bot work?" in any words: the menu shows it, with the topics.
            return self._timed(_menu(lang), started)
        if unsure:
            # A question inside a story or among chat ("…I don't know how to use it. Can someone
            # tell?"): the other words can drown it; the question alone may be clear. Each goes
            # through every rule again, the last first, and only an answer replaces the unsure.
            found = self._parts_answered(text, lang, detect_language, phrase)
            if found is not None:
                return self._timed(found, started)
            if not routed and self._two_way_tie(candidates, scope):
                # The only doubt is which of two articles: both sections, each cited, the
                # second under "your question is just as close to this" (the confidence stays
                # what it is: either may be the one).
                composed = self._compose(best, candidates, lang, confidence, question=text)
                if len(composed.sources) == 2:
                    return self._timed(replace(composed, reason="tie"), started)
            return self._timed(self._unsure(lang, candidates, confidence), started)
        if voted is not None and voted.decisive and voted.action == "unsure":
            # Messages like this one were not for the guide, and the search is not sure either.
            unsure_reply = self._unsure(lang, candidates, confidence)
            return self._timed(replace(unsure_reply, reason="examples"), started)
        composed = self._compose(
            best, candidates, lang, confidence, rival=not routed, question=text
        )
        if self.phraser is not None:
            request = self._phrase_request(text, candidates, lang, scope)
            if phrase:
                composed = self.finish(replace(composed, pending=request), self._ask(request))
            else:
                composed = replace(composed, pending=request)
        return self._timed(composed, started)

    def _parts_answered(
        self, text: str, lang: str, detect_language: bool, phrase: bool
    ) -> Answer | None:
        """The questions a message asks among other things, each answered alone (every rule
        again): its last question sentence first, then the other questions found, the last
        first. The first answered is the reply, with a second beside it when that one is about
        another article and both fit in one reply (two questions in one message). None when
        none of them is answered."""
        last = last_question(text)
        tried = [(last, self.tuning.min_confidence)] if last else []
        tried += [
            (part, PART_CONFIDENCE)
            for part in reversed(question_parts(text))
            if part.lstrip("¿¡ ") != last.lstrip("¿¡ ")
        ]
        answered: list[tuple[int, Answer]] = []
        # (at most MAX_PARTS: a wall of questions costs a few searches, not one per line)
        for question, surest in tried[:MAX_PARTS]:
            alone = self.answer(question, lang, detect_language=detect_language, phrase=phrase)
            if alone.action != "answer" or alone.confidence < surest:
                continue
            if alone.pending is not None:
                # To be phrased by the caller: one question's answer, as it is.
                return answered[0][1] if answered else alone
            if answered:
                # Beside another question's answer, each shows its own best section only.
                first, alone = self._own_section(answered[0][1]), self._own_section(alone)
                if {s.id for s in alone.sources} & {s.id for s in first.sources} or len(
                    alone.text
                ) + len(first.text) + 2 > REPLY_BUDGET:
                    continue
                answered[0] = (answered[0][0], first)
            answered.append((text.find(question), alone))
            if len(answered) == 2:
                break
        if not answered:
            return None
        # Two questions answered: in the order the message asked them.
        shown = [found for _, found in sorted(answered, key=lambda pair: pair[0])]
        if len(shown) == 1:
            return shown[0]
        one, two = shown
        return replace(
            one,
            text=one.text + "\n\n" + two.text,
            confidence=min(one.confidence, two.confidence),
            sources=one.sources + two.sources,
            related=tuple(a for a in one.related if a not in two.related) + two.related,
        )

    def _own_section(self, found: Answer) -> Answer:
        """An answer with its best section alone: no close rival article, no second section of
        its own article (composed again from its candidates)."""
        best = next(
            (c for c in found.candidates if found.sources and c.english_id == found.sources[0].id),
            None,
        )
        if best is None:
            return found
        alone = self._compose(
            best,
            list(found.candidates),
            found.language,
            found.confidence,
            rival=False,
            best_only=True,
        )
        return replace(alone, reason=found.reason)

    def vote(self, text: str, language: str | None) -> Vote | None:
        """What the labelled messages nearest to this one say should be done with it
        (examples.py), those of a withheld set left out."""
        examples = self.catalog.examples
        if not len(examples):
            return None
        vector = self.index.embed_query(self._query(text, language))
        similarities = self.index.example_vectors(examples.texts) @ np.asarray(
            vector, dtype=np.float32
        )
        withheld, unseen = _WITHHELD.get()
        return examples.vote(similarities, withheld=withheld, unseen=unseen)

    def warm_up(self) -> threading.Thread:
        """Read the labelled messages' vectors in the background, so the first message the
        search is unsure of does not wait for them. (Not a daemon: a process that ends at once
        waits the fraction of a second for it, rather than end inside Chroma's native code.)"""
        texts = self.catalog.examples.texts
        thread = threading.Thread(target=self.index.example_vectors, args=(texts,))
        thread.start()
        return thread

    @contextlib.contextmanager
    def withholding(self, source: str, text: str = "") -> Iterator[None]:
        """Answer without the labelled messages of one development set, nor any labelled
        message in the words of `text`: a set, or a message another set also holds, is then
        measured as one the bot has never seen (`guide kb eval`)."""
        token = _WITHHELD.set((source, text))
        try:
            yield
        finally:
            _WITHHELD.reset(token)

    def _as_voted(self, voted: Vote, text: str, lang: str) -> Answer | None:
        """The menu, a mentor or a decline, as the nearest labelled messages voted. A decline
        is political when the nearest of them that a rule reads is; otherwise it does not
        claim to know which rule the message breaks (its neighbours may break another)."""
        if voted.action == "menu":
            return _menu(lang)
        if voted.action == "handoff":
            if about_the_bot_itself(text) or asks_what_the_bot_does(text):
                # "Am I talking to a real person?" is near "a real person, please", and is a
                # question about the bot, which its article answers.
                return None
            return Answer("handoff", lang, t("handoff.asked", lang), reason="examples")
        if hacked(text):
            return None
        nearest = next(filter(None, map(read, voted.texts[:3])), None)
        if nearest is not None and nearest.intent == "politics":
            return self._decline(text, lang, "politics", nearest.reason)
        return self._decline(text, lang, "decline", "examples")

    @staticmethod
    def _timed(answer: Answer, started: float) -> Answer:
        elapsed = (time.perf_counter() - started) * 1000
        return Answer(**{**answer.__dict__, "latency_ms": elapsed})

    def _related(
        self, candidates: list[Candidate], exclude: str, n: int = 2, category: str = ""
    ) -> list[Article]:
        """The next best articles; those of `category` first, when one is given."""
        seen = {exclude}
        found: list[Article] = []
        for candidate in candidates:
            if candidate.english_id in seen:
                continue
            seen.add(candidate.english_id)
            article = self.catalog.variant(candidate.english_id, "en")
            if article is not None:
                found.append(article)
        if category:
            found.sort(key=lambda article: article.category != category)
        return found[:n]

    def _shown(self, candidate: Candidate, lang: str) -> Passage:
        """A candidate's section in `lang` when written, else in English, else as found."""
        english = self.catalog.by_topic.get((candidate.english_id, candidate.position, "en"))
        return self.catalog.passage_in(candidate.passage, lang) or english or candidate.passage

    def _compose(
        self,
        best: Candidate,
        candidates: list[Candidate],
        lang: str,
        confidence: float,
        *,
        rival: bool = True,
        best_only: bool = False,
        question: str = "",
    ) -> Answer:
        """The best section (and, unless `best_only`, a second one as close), sources, related
        articles, and a close rival's section when `rival` allows one (not when a rule chose the
        article). A second section or rival that does not fit whole is shown by its sentences
        that speak to `question` (the message), when it is given and some do."""
        shown = self._shown(best, lang)
        article = self.catalog.articles[shown.article_id]
        lines = []
        if shown.language != lang:
            lines.append(t("answer.only_in", lang, language=t(f"language.{shown.language}", lang)))
        lines += [shown.heading, "", shown.text, ""]
        close = self._close_rival(best, candidates) if rival else None
        cut: Passage | None = None
        # a section tied only in score gives way to a tied article, which adds another source
        for second in (
            self._more_sections(best, candidates, tied=close is None) if not best_only else []
        ):
            more = self._shown(second, lang)
            if _length(lines) + len(more.heading) + len(more.text) <= REPLY_BUDGET:
                lines += [more.heading, "", more.text, ""]
            elif cut is None:
                cut = more  # its sentences, after the rival's section has had its room
        after_sections = len(lines)
        related = self._related(
            [c for c in candidates[:8] if c.score >= RELATED_SHARE * best.score],
            best.english_id,
            category=best.passage.category,
        )
        sources = [Source(best.english_id, article.title, best.score)]
        if close is not None:
            # Too close to call: show the other article's section as well, and cite it.
            other = self._shown(close, lang)
            title = self._title(close.english_id, lang)
            related = [a for a in related if a.id != close.english_id]
            also = t("answer.also", lang, title=title)
            if _length(lines) + len(other.heading) + len(other.text) <= REPLY_BUDGET:
                shown_text = other.text
            else:
                room = REPLY_BUDGET - _length(lines) - len(also) - len(other.heading) - 4
                shown_text = self._excerpt(other.text, question, room)
            if shown_text:
                lines += [also, "", other.heading, "", shown_text, ""]
                sources.append(Source(close.english_id, title, close.score))
            else:
                # No room to show it: name it, and offer its article first.
                lines.append(t("answer.also_named", lang, heading=other.heading, title=title))
                article_of_rival = self.catalog.variant(close.english_id, "en")
                related = [article_of_rival, *related] if article_of_rival else related
        if cut is not None:
            room = REPLY_BUDGET - _length(lines) - len(cut.heading) - 2
            if part := self._excerpt(cut.text, question, room):
                lines[after_sections:after_sections] = [cut.heading, "", part, ""]
        titles = " · ".join(source.title for source in sources)
        lines.append(t("answer.source", lang, title=titles))
        return Answer(
            action="answer",
            language=lang,
            text="\n".join(lines),
            confidence=confidence,
            sources=tuple(sources),
            passage=shown,
            related=tuple(related[:2]),
            candidates=tuple(candidates),
        )

    def _excerpt(self, text: str, question: str, room: int) -> str:
        """The sentences of a section's `text` that share the rarest of the question's words,
        within `room` characters ('' when there is no question or none fits)."""
        if not question or room <= 0:
            return ""
        asked = content_terms(self._query(question, detect(question)))
        return excerpt(text, asked, self.catalog.subjects().idf, room)

    @staticmethod
    def _second_section(
        best: Candidate, candidates: Sequence[Candidate], *, tied: bool = True
    ) -> Candidate | None:
        """The next section of the best article, when the question is as close to it (or, with
        `tied`, when it scores within CLOSE_MARGIN)."""
        for candidate in candidates:
            if candidate.english_id == best.english_id and candidate.position != best.position:
                if candidate.dense >= SECOND_SECTION_SHARE * best.dense or (
                    tied and best.score - candidate.score < CLOSE_MARGIN
                ):
                    return candidate
                return None
        return None

    @classmethod
    def _more_sections(
        cls, best: Candidate, candidates: Sequence[Candidate], *, tied: bool = True
    ) -> list[Candidate]:
        """The second section (`_second_section`), and a third when even that one scores within
        CLOSE_MARGIN of the best: three sections of one article the search cannot order ("what
        should I not say to Chinese users?" is close to all of a guest article's advice)."""
        second = cls._second_section(best, candidates, tied=tied)
        if second is None:
            return []
        third = next(
            (
                c
                for c in candidates
                if c.english_id == best.english_id
                and c.position not in (best.position, second.position)
            ),
            None,
        )
        if tied and third is not None and best.score - third.score < CLOSE_MARGIN:
            return [second, third]
        return [second]

    @classmethod
    def _two_way_tie(cls, candidates: Sequence[Candidate], scope: tuple[float, float]) -> bool:
        """Whether the search found a question the articles answer, squarely (a high score,
        closer to the articles' questions than to anything out of scope), and is unsure only
        because two articles tie for it ("when was rednote started?": what RedNote is, and
        who owns it): a close rival (`_close_rival`) that is closer still."""
        best = candidates[0]
        rival = cls._close_rival(best, candidates)
        inside, outside = scope
        return (
            rival is not None
            and best.score >= TIE_SCORE
            and best.score - rival.score < TIE_MARGIN
            and inside > outside
        )

    @staticmethod
    def _close_rival(best: Candidate, candidates: Sequence[Candidate]) -> Candidate | None:
        """The best section of another article, when it scores within CLOSE_MARGIN."""
        for candidate in candidates:
            if candidate.english_id != best.english_id:
                return candidate if best.score - candidate.score < CLOSE_MARGIN else None
        return None

    def _phrase_request(
        self, question: str, candidates: list[Candidate], lang: str, scope: tuple[float, float]
    ) -> PhraseRequest:
        """The best section, and any others confident enough on their own, for the phraser."""
        chosen = [candidates[0]] + [
            c
            for i, c in enumerate(candidates[1:PHRASED_PASSAGES], start=1)
            if self.confidence(candidates, i, scope) >= self.tuning.min_confidence
        ]
        passages = tuple(self._shown(c, lang) for c in chosen)
        return PhraseRequest(
            question[:MAX_QUERY_CHARS], lang, tuple(chosen), passages, tuple(candidates)
        )

    def _ask(self, request: PhraseRequest) -> Phrased | None:
        assert self.phraser is not None
        try:
            return self.phraser.phrase(request.question, request.language, request.passages)
        except Exception as exc:
            logger.warning("phrasing failed (%s); using the offline answer", type(exc).__name__)
            return None

    def finish(self, offline: Answer, phrased: Phrased | None) -> Answer:
        """The phraser's merged answer when it cites only what it was given, else `offline`."""
        request = offline.pending
        offline = replace(offline, pending=None)
        if request is None or phrased is None:
            return offline
        lang, chosen, candidates = request.language, request.chosen, list(request.candidates)
        if phrased.unsure:
            return self._unsure(lang, candidates, offline.confidence)
        if not phrased.cited or not all(0 <= i < len(chosen) for i in phrased.cited):
            return offline
        sources: dict[str, Source] = {}
        for i in phrased.cited:
            cited = chosen[i]
            title = request.passages[i].title
            sources.setdefault(cited.english_id, Source(cited.english_id, title, cited.score))
        related = [
            a for a in self._related(candidates, "", n=len(sources) + 2) if a.id not in sources
        ]
        return replace(
            offline,
            text=phrased.text,
            sources=tuple(sources.values()),
            passage=request.passages[phrased.cited[0]],
            related=tuple(related[:2]),
        )

    def _unsure(
        self, lang: str, candidates: list[Candidate], confidence: float, reason: str = ""
    ) -> Answer:
        related = self._related(candidates, exclude="", n=3)
        text = t(f"unsure.{reason or 'text'}", lang)
        if related:
            text += "\n" + t("unsure.closest", lang)
        return Answer(
            action="unsure",
            language=lang,
            text=text,
            confidence=confidence,
            sources=tuple(
                Source(c.english_id, self._title(c.english_id, lang), c.score)
                for c in candidates[:1]
            ),
            related=tuple(related),
            reason=reason,
            candidates=tuple(candidates),
        )

    def _title(self, english_id: str, lang: str) -> str:
        article = self.catalog.localized(english_id, lang)
        return article.title if article else english_id

    def _decline(self, text: str, lang: str, intent: str, reason: str) -> Answer:
        if intent == "politics":
            article = self._politics_article()
            body = t("decline.politics", lang)
        elif reason == "scam":
            article = self.catalog.first_with_tag("scam", "privacy-safety")
            body = t(f"decline.{reason}", lang)
        elif reason == "write_content":
            article = self._closest_article(text)
            body = t(f"decline.{reason}", lang)
        else:
            article = self._rules_article(text)
            body = t(f"decline.{reason}", lang)
        related: tuple[Article, ...] = ()
        sources: tuple[Source, ...] = ()
        if article is not None:
            shown = self.catalog.localized(article.id, lang) or article
            body += "\n" + t("decline.read_more", lang, title=shown.title)
            related = (article,)
            sources = (Source(article.id, shown.title, 1.0),)
        return Answer(
            action="decline",
            language=lang,
            text=body,
            confidence=1.0,
            sources=sources,
            related=related,
            reason=reason,
        )

    def _about_the_bot(self, best: Candidate) -> bool:
        """Whether the best section is one of the articles on this bot: what it is, its commands.
        (Two scans of the catalog: asked only of messages that ask what the bot does.)"""
        return any(
            article is not None and best.english_id == article.id
            for article in (
                self.catalog.first_with_tag("bot", "this-community"),
                self.catalog.first_with_tag("commands", "this-community"),
            )
        )

    def _politics_article(self) -> Article | None:
        """The neutral politics article: what verdict demands are pointed at, and where
        questions about what the rules do to a political post are answered from."""
        return self.catalog.first_with_tag("politics", "rules-moderation")

    def _politics_id(self) -> str:
        """The neutral politics article's id ('' when the knowledge base has none)."""
        article = self._politics_article()
        return article.id if article is not None else ""

    def _closest_article(self, text: str) -> Article | None:
        """The article closest to a declined writing task (how to write a good note, the
        politics rules for a political roast), to point at what the guide can tell."""
        for candidate in self.retrieve(text, language=detect(text))[:1]:
            return self.catalog.variant(candidate.english_id, "en")
        return None

    def _rules_article(self, text: str) -> Article | None:
        """The rules article closest to a declined request, to point at what the rules say."""
        for candidate in self.retrieve(text, language=detect(text)):
            article = self.catalog.variant(candidate.english_id, "en")
            if article is not None and article.category == "rules-moderation":
                return article
        return None
