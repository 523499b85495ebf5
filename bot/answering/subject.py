"""What a question is about, matched against what each section and article is about.

The dense model reads a terse question ("what is rednote", "rednote?") as close to many
headings at once (USE puts "rednote" next to "note"), and the lexical side cannot help when
the only content word is in every article. Two signals over content words (stop words and
pronouns dropped, plurals folded) find the section such a question names:

- heading match: how much the question's content words and a section's heading (in any of
  its languages) have in common, as a Jaccard weighted by how rare each word is (IDF);
- named: the question's content words are exactly those of one article's heading, and of no
  other article's.

(A third signal, how much of the question's rare words an article's title and tags name,
was tried against incidental heading words and dropped: it cost the held-out set an unsure.)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from bot.answering.knowledge import Passage
from bot.answering.lexical import terms


def _stem(term: str) -> str:
    """A light English plural fold ('notes' → 'note'); other terms as they are."""
    if term.isascii() and len(term) > 3 and term.endswith("s") and not term.endswith("ss"):
        return term[:-1]
    return term


# Words that say nothing about a question's subject, beyond the search's stop words.
_NOT_SUBJECT = frozenset(
    """
    they them their theirs themselves themselve he him his she her hers we us our ours
    someone somebody people person everyone anyone thing things stuff one ones why
    want need know mean means tell say said call called calls use used using like
    ella ellos ellas nosotros usted ustedes gente alguien algo cosa porque por
    他 她 他们 她们 我们 你们 什么 为什么 怎么 这个 那个 一个 可以 吗
    """.split()  # noqa: SIM905
)


def content_terms(text: str) -> set[str]:
    """The content terms of a text: words without stop words, folded; CJK characters and
    bigrams."""
    found = {_stem(term) for term in terms(text, drop_stopwords=True)}
    return {
        term
        for term in found
        if term not in _NOT_SUBJECT and not (term.isascii() and len(term) < 2)
    }


class Subjects:
    """IDF-weighted matching of a question against the headings of the articles."""

    def __init__(self, passages: Iterable[Passage]):
        frequency: dict[str, int] = defaultdict(int)
        headings: dict[tuple[str, int], list[frozenset[str]]] = defaultdict(list)
        count = 0
        for passage in passages:
            count += 1
            for term in content_terms(
                f"{passage.title} {passage.heading} {' '.join(passage.tags)} {passage.text}"
            ):
                frequency[term] += 1
            heading = frozenset(content_terms(passage.heading))
            if heading:
                headings[(passage.english_id, passage.position)].append(heading)
        # A question whose content words are exactly a heading's names that section.
        named: dict[frozenset[str], set[tuple[str, int]]] = defaultdict(set)
        for (english_id, position), sets in headings.items():
            for heading_terms in sets:
                named[heading_terms].add((english_id, position))
        self._named = dict(named)
        self._count = max(count, 1)
        self._frequency = dict(frequency)
        self._headings = dict(headings)
        self._idf = {
            term: math.log((self._count + 1) / (self._frequency.get(term, 0) + 1))
            for sets in self._headings.values()
            for heading in sets
            for term in heading
        }

    def named(self, question: set[str]) -> tuple[str, int] | None:
        """The section a question names outright: its content words are exactly those of a
        heading of one article only (in any language); None when it names none, or headings
        of several articles (a tag is not enough: tags name side topics too)."""
        found = self._named.get(frozenset(question), set())
        if len({english_id for english_id, _ in found}) != 1:
            return None
        return min(found)

    def idf(self, term: str) -> float:
        """How rare a term is: log(N / df), a term unseen in the knowledge base the rarest."""
        known = self._idf.get(term)
        if known is not None:
            return known
        return math.log((self._count + 1) / (self._frequency.get(term, 0) + 1))

    def heading_match(self, question: set[str], english_id: str, position: int) -> float:
        """The best IDF-weighted Jaccard of the question with the section's headings."""
        return self.matcher(question)(english_id, position)

    def matcher(self, question: set[str]) -> Callable[[str, int], float]:
        """`heading_match` for one question against any section, its weights worked out once."""
        weights = {term: self.idf(term) for term in question}
        asked = sum(weights.values())
        idf = self.idf

        def match(english_id: str, position: int) -> float:
            best = 0.0
            for heading in self._headings.get((english_id, position), ()):
                shared = question & heading
                if not shared:
                    continue
                union = asked + sum(idf(term) for term in heading if term not in weights)
                if union > 0:
                    best = max(best, sum(weights[term] for term in shared) / union)
            return best

        return match
