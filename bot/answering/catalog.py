"""The loaded knowledge base in memory: articles, passages and their language variants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.answering.calibration import Calibration
from bot.answering.calibration import load as load_calibration
from bot.answering.examples import Examples, load_examples
from bot.answering.knowledge import (
    CATEGORIES,
    Article,
    Passage,
    load_articles,
    load_out_of_scope,
    passages,
)
from bot.answering.lexical import terms
from bot.answering.spelling import Speller
from bot.answering.subject import Subjects


@dataclass
class Catalog:
    """Everything the bot can say, indexed for lookups by id, topic and language."""

    articles: dict[str, Article] = field(default_factory=dict)
    passages: dict[str, Passage] = field(default_factory=dict)
    variants: dict[str, dict[str, Article]] = field(default_factory=dict)
    by_topic: dict[tuple[str, int, str], Passage] = field(default_factory=dict)
    speller: Speller = field(default_factory=lambda: Speller(()))
    out_of_scope: tuple[str, ...] = ()
    # The labelled development messages that vote when the search is unsure (examples.py).
    examples: Examples = field(default_factory=Examples)
    calibration: Calibration | None = None
    _subjects: Subjects | None = field(default=None, repr=False, compare=False)

    def subjects(self) -> Subjects:
        """What each section and article is about (built once, on first use)."""
        if self._subjects is None:
            self._subjects = Subjects(self.passages.values())
        return self._subjects

    @classmethod
    def load(cls, knowledge_dir: Path) -> Catalog:
        """Read the knowledge base from disk."""
        catalog = cls.from_articles(load_articles(knowledge_dir))
        examples = load_out_of_scope(knowledge_dir)
        catalog.out_of_scope = tuple(dict.fromkeys(t for texts in examples.values() for t in texts))
        catalog.examples = load_examples(knowledge_dir / "eval")
        catalog.calibration = load_calibration(knowledge_dir)
        return catalog

    @classmethod
    def from_articles(cls, articles: list[Article]) -> Catalog:
        catalog = cls()
        variants: dict[str, dict[str, Article]] = defaultdict(dict)
        for article in articles:
            catalog.articles[article.id] = article
            variants[article.english_id][article.language] = article
        catalog.variants = dict(variants)
        words: set[str] = set()
        for passage in passages(articles):
            catalog.passages[passage.id] = passage
            catalog.by_topic[(passage.english_id, passage.position, passage.language)] = passage
            if passage.language == "en":
                words.update(terms(f"{passage.title} {passage.heading} {passage.text}"))
                words.update(terms(" ".join(passage.tags)))
        catalog.speller = Speller(words)
        return catalog

    def all_passages(self) -> list[Passage]:
        return list(self.passages.values())

    def variant(self, english_id: str, language: str) -> Article | None:
        """The article in `language`, if it has been written."""
        return self.variants.get(english_id, {}).get(language)

    def localized(self, english_id: str, language: str) -> Article | None:
        """The article in `language`, else the English one."""
        return self.variant(english_id, language) or self.variant(english_id, "en")

    def passage_in(self, passage: Passage, language: str) -> Passage | None:
        """The same section of the same article in another language, if written."""
        return self.by_topic.get((passage.english_id, passage.position, language))

    def categories(self) -> dict[str, list[Article]]:
        """English articles by category, in the canonical category order."""
        grouped: dict[str, list[Article]] = {name: [] for name in CATEGORIES}
        for article in self.articles.values():
            if article.language == "en" and article.category in grouped:
                grouped[article.category].append(article)
        for items in grouped.values():
            items.sort(key=lambda a: a.title.lower())
        return {name: items for name, items in grouped.items() if items}

    def first_with_tag(self, tag: str, category: str | None = None) -> Article | None:
        """The first English article carrying a tag (optionally within a category)."""
        for article in sorted(self.articles.values(), key=lambda a: a.id):
            if article.language != "en" or (category and article.category != category):
                continue
            if tag.lower() in (t.lower() for t in article.tags):
                return article
        return None
