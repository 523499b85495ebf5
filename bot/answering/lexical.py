"""Lexical terms for the FTS5 side of retrieval: words, CJK bigrams, emoji."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from bot.text import HAN_CHAR

# Chinese runs and Latin-script words are split apart where they touch ("TikTok最后期限",
# "city不city"): a word never swallows the Chinese next to it.
_TOKEN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff]+|[^\W_\u3400-\u9fff\uf900-\ufaff]+"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF]",
    re.UNICODE,
)
# Bumped whenever `terms` changes what it makes of a text: an index built with another
# version is rebuilt (its stored terms would not match the queries').
VERSION = "2"
STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at for with from by as is are was were be been do
    does did i me my you your we our it its this that these those what whats how why
    when where who which can could should would will i'm im u ur there here about just
    so not no yes get got have has had any some all more most very really pls please lol
    el la los las un una unos unas y o de del en con por para que qué como cómo es son
    se mi mis tu tus lo le les al pero si sí no hay ya muy 的 了 吗 呢 是 在 我 你 和 有 吧 啊
    even actually exactly literally basically tho kinda sorta bro lmao omg plz um uh hey guys
    yall ok okay osea pues bueno che wey guey po xd
    """.split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """A word lower-cased without accents (remembered: the same words come back all the
    time, and the catalog folds every word of every section when it loads)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def terms(text: str, *, drop_stopwords: bool = False) -> list[str]:
    """Split text into searchable terms.

    Latin-script words are lower-cased and stripped of accents; runs of Chinese
    characters become their single characters and bigrams; emoji become `emojiXXXX`.
    """
    result: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if HAN_CHAR.match(token):
            chars = list(token)
            result.extend(chars)
            result.extend(a + b for a, b in itertools.pairwise(chars))
        elif len(token) == 1 and ord(token) > 0x2500 and not token.isalnum():
            result.append(f"emoji{ord(token):x}")
        else:
            word = _fold(token)
            if drop_stopwords and word in STOPWORDS:
                continue
            result.append(word)
    if drop_stopwords:
        result = [t for t in result if t not in STOPWORDS]
    return result


def fts_query(text: str, skip: frozenset[str] = frozenset()) -> str:
    """An FTS5 MATCH expression: any of the query's content terms, each quoted, but those in
    `skip` (terms too common to tell passages apart)."""
    unique = dict.fromkeys(term for term in terms(text, drop_stopwords=True) if term not in skip)
    return " OR ".join(f'"{term}"' for term in unique)
