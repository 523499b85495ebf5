"""The app's vocabulary: RedNote's Chinese interface labels and what they mean.

`knowledge/ui-glossary.yaml` lists each label with its pinyin, its meaning and what it
does in English, Spanish and Chinese, and the public pages where the label was seen.
`Glossary.find` looks up one OCR text run; `Glossary.split` finds the labels inside a run
where OCR merged neighbours ("设置 帮助与客服"). `validate` is what `guide kb validate`
runs on the file.

Pure and fast: PyYAML and the standard library only; lookups go through a dict built at
load time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import yaml

from bot.screens.values import Gloss, GlossaryEntry, Lang
from bot.text import HAN

if TYPE_CHECKING:
    from bot.answering.validate import Finding

GLOSSARY_FILE = "ui-glossary.yaml"
AREAS = (
    "tab_bar",
    "home",
    "profile",
    "settings",
    "privacy",
    "account",
    "notifications",
    "editor",
    "post",
    "comments",
    "messages",
    "search",
    "shop",
    "creator",
    "promotion",
    "live",
    "other",
)
LANGS = ("en", "es", "zh")
_FIELDS = ("label", "pinyin", "area", "meaning", "does", "article", "aliases", "sources")
_REQUIRED = ("label", "pinyin", "area", "meaning", "does", "sources")

# Characters OCR leaves around a label: menu chevrons, arrows, colons, bullets, dots.
_EDGE = set(":;,.!?、。，；：！？…·•‧>›»〉》❯❱▸▶►→⟩<‹«〈《❮❰◂◀◄←⟨|/\\-–—~*#")
_TONED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
_SYLLABLE = re.compile(r"^[a-zü" + "".join(sorted(_TONED)) + r"]+$")

# Traditional → simplified for the characters of the labels (a small table rather than a
# dependency): enough for a screenshot of the app in traditional characters to match.
_TRADITIONAL = dict(
    zip(
        (
            "設從與帳帐號隱關於訊評論讚贊發佈筆記單購車訂幫話題長態視頻權錄絲賬戶藝語"
            "頁麼點過覽動廣專條實證認屬開啟時間創務數據畫產貨銷買賣兌換紅書際擊鍵詞鎖"
            "標簽籤層錢優劵還確續繼協議規範違處罰頭暱簡圖編輯儲預轉載聯繫線連結複製舉"
            "報選擇輸內顯觀眾彈禮場帶鏈檔註讓見個薦興區網雙級總幣現瀏歷綜刪檢緩鋪風獲"
            "資稱體讀閱費額團傳達當機碼維掃請電腦濾鏡貼紙樂聲熱門尋驗護隨員夠雲邊無應"
            "戲為億這裡們"
        ),
        (
            "设从与账账号隐关于讯评论赞赞发布笔记单购车订帮话题长态视频权录丝账户艺语"
            "页么点过览动广专条实证认属开启时间创务数据画产货销买卖兑换红书际击键词锁"
            "标签签层钱优券还确续继协议规范违处罚头昵简图编辑储预转载联系线连结复制举"
            "报选择输内显观众弹礼场带链档注让见个荐兴区网双级总币现浏历综删检缓铺风获"
            "资称体读阅费额团传达当机码维扫请电脑滤镜贴纸乐声热门寻验护随员够云边无应"
            "戏为亿这里们"
        ),
        strict=True,
    )
)


class GlossaryError(Exception):
    """The glossary file cannot be read as a list of entries."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def _normal_char(char: str) -> str:
    """One character as lookups compare it: compatibility form (fullwidth → halfwidth),
    simplified, lower case; whitespace disappears."""
    if char.isspace():
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(_TRADITIONAL.get(c, c) for c in folded if not c.isspace())


def normalize(text: str) -> str:
    """A label as the glossary indexes it: no whitespace, halfwidth forms, simplified
    characters, lower case, and no chevrons, arrows or punctuation at either end."""
    key = "".join(_normal_char(char) for char in text)
    start, end = 0, len(key)
    while start < end and key[start] in _EDGE:
        start += 1
    while end > start and key[end - 1] in _EDGE:
        end -= 1
    return key[start:end]


@dataclass(frozen=True)
class Glossary:
    """The loaded glossary: its entries in file order and an index of their labels."""

    entries: tuple[GlossaryEntry, ...]
    _index: dict[str, GlossaryEntry]
    _longest: int

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read `path`; raises GlossaryError when it is not a glossary (run `validate`
        for every problem at once)."""
        data = _read(path)
        entries: list[GlossaryEntry] = []
        for number, raw in enumerate(_raw_entries(path, data)):
            try:
                entries.append(_entry(raw))
            except (KeyError, TypeError, ValueError) as exc:
                raise GlossaryError(
                    path, _entry_lines(path).get(number, 1), f"entry {number + 1}: {exc}"
                ) from None
        return cls.of(entries)

    @classmethod
    def of(cls, entries: list[GlossaryEntry] | tuple[GlossaryEntry, ...]) -> Glossary:
        """A glossary of these entries; the first entry wins a label two entries share."""
        index: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for text in (entry.label, *entry.aliases):
                key = normalize(text)
                if key:
                    index.setdefault(key, entry)
        return cls(tuple(entries), index, max((len(k) for k in index), default=0))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> GlossaryEntry | None:
        """The entry whose label or alias is `text`, after normalising both."""
        return self._index.get(normalize(text))

    def split(self, text: str) -> list[tuple[int, int, GlossaryEntry]]:
        """The known labels inside `text`, as (start, end, entry) with offsets into `text`,
        in reading order. Longer labels win over shorter ones they overlap."""
        chars: list[str] = []
        origin: list[int] = []
        for position, char in enumerate(text):
            for normal in _normal_char(char):
                chars.append(normal)
                origin.append(position)
        normal_text = "".join(chars)
        found: list[tuple[int, int, GlossaryEntry]] = []
        size = len(normal_text)
        for i in range(size):
            for j in range(min(size, i + self._longest), i, -1):
                entry = self._index.get(normal_text[i:j])
                if entry is not None:
                    found.append((i, j, entry))
        found.sort(key=lambda match: (-(match[1] - match[0]), match[0]))
        taken = [False] * size
        chosen: list[tuple[int, int, GlossaryEntry]] = []
        for i, j, entry in found:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            chosen.append((origin[i], origin[j - 1] + 1, entry))
        return sorted(chosen, key=lambda match: match[0])


# The C loader when PyYAML was built with libyaml: ten times faster than the pure one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GlossaryError(
            path, (mark.line + 1) if mark else 1, f"not valid YAML: {exc}"
        ) from None


def _raw_entries(path: Path, data: Any) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise GlossaryError(path, 1, "the file needs `entries:`, a list of labels")
    return list(data["entries"])


def _entry_lines(path: Path) -> dict[int, int]:
    """Entry number (from 0) → the line its `- label:` starts on."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, 1) if re.match(r"^\s*-\s+label\s*:", line)]
    return dict(enumerate(starts))


def _texts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError("meaning and does map en, es and zh to text")
    return {str(lang): str(text) for lang, text in value.items()}


def _entry(raw: Any) -> GlossaryEntry:
    if not isinstance(raw, dict):
        raise TypeError("an entry is a mapping with label, pinyin, area, meaning, does, sources")
    aliases = raw.get("aliases") or []
    sources = raw.get("sources") or []
    if not isinstance(aliases, list) or not isinstance(sources, list):
        raise TypeError("aliases and sources are lists")
    article = raw.get("article")
    return GlossaryEntry(
        label=str(raw["label"]),
        pinyin=str(raw["pinyin"]),
        meaning=_texts(raw["meaning"]),
        does=_texts(raw["does"]),
        area=str(raw["area"]),
        sources=tuple(str(s) for s in sources),
        article=str(article) if article else None,
        aliases=tuple(str(a) for a in aliases),
    )


def _article_ids(knowledge_dir: Path) -> set[str]:
    from bot.answering.knowledge import ArticleError, article_paths, read_article

    ids: set[str] = set()
    for path in article_paths(knowledge_dir):
        try:
            ids.add(read_article(path).id)
        except ArticleError:
            continue
    return ids


def check_pinyin(label: str, pinyin: str) -> str | None:
    """Why `pinyin` does not fit `label` (one syllable per Chinese character, tone marks,
    not tone numbers), or None when it fits."""
    syllables = pinyin.split()
    han = sum(len(run) for run in HAN.findall(label))
    if len(syllables) != han:
        return (
            f"pinyin '{pinyin}' has {len(syllables)} syllables but '{label}' has {han} "
            "Chinese characters: write one syllable per character, separated by spaces"
        )
    for syllable in syllables:
        if not _SYLLABLE.match(syllable):
            return (
                f"pinyin syllable '{syllable}' is not lower-case pinyin with tone marks "
                "(write 'shè zhì', not 'she4 zhi4')"
            )
    if han and not any(char in _TONED for char in pinyin):
        return f"pinyin '{pinyin}' has no tone marks: write them (shè zhì)"
    return None


def validate(path: Path, knowledge_dir: Path | None = None) -> list[Finding]:
    """Every problem in the glossary at `path`: errors and warnings, empty when all is
    well. `article` slugs are checked against the articles in `knowledge_dir` (by default
    the glossary's own folder)."""
    from bot.answering.validate import Finding

    if not path.exists():
        return [Finding("error", path, 1, "the glossary file is missing")]
    try:
        data = _read(path)
        raws = _raw_entries(path, data)
    except GlossaryError as exc:
        return [Finding("error", path, exc.line, exc.message)]
    found: list[Finding] = []
    if data.get("version") != 1:
        found.append(Finding("error", path, 1, "`version: 1` is required at the top"))
    if "reviewed" not in data:
        found.append(Finding("error", path, 1, "`reviewed: YYYY-MM-DD` is required at the top"))
    lines = _entry_lines(path)
    articles = _article_ids(knowledge_dir or path.parent)
    owners: dict[str, tuple[int, str]] = {}
    for number, raw in enumerate(raws):
        line = lines.get(number, 1)

        def error(message: str, line: int = line) -> None:
            found.append(Finding("error", path, line, message))

        if not isinstance(raw, dict):
            error(f"entry {number + 1} is not a mapping of fields")
            continue
        label = str(raw.get("label") or "").strip()
        name = f"'{label}'" if label else f"entry {number + 1}"
        for field in _REQUIRED:
            if raw.get(field) in (None, "", [], {}):
                error(f"{name}: missing required field '{field}'")
        for field in raw:
            if field not in _FIELDS:
                error(f"{name}: unknown field '{field}' (fields: {', '.join(_FIELDS)})")
        if label and raw.get("pinyin"):
            problem = check_pinyin(label, str(raw["pinyin"]))
            if problem:
                error(f"{name}: {problem}")
        area = raw.get("area")
        if area and area not in AREAS:
            error(f"{name}: unknown area '{area}': use one of {', '.join(AREAS)}")
        for field in ("meaning", "does"):
            value = raw.get(field)
            if value in (None, "", {}):
                continue
            if not isinstance(value, dict):
                error(f"{name}: {field} must map en, es and zh to text")
                continue
            for lang in LANGS:
                text = value.get(lang)
                if not isinstance(text, str) or not text.strip():
                    error(f"{name}: {field} has no '{lang}' text")
            for lang in value:
                if lang not in LANGS:
                    error(f"{name}: {field} has unknown language '{lang}'")
        does = raw.get("does")
        if (
            isinstance(does, dict)
            and label
            and normalize(str(does.get("zh", ""))) == normalize(label)
        ):
            found.append(
                Finding(
                    "warning",
                    path,
                    line,
                    f"{name}: does.zh only repeats the label; say what it does in plain Chinese",
                )
            )
        sources = raw.get("sources")
        if sources is not None and not isinstance(sources, list):
            error(f"{name}: sources must be a YAML list of URLs")
        elif sources:
            for source in sources:
                parsed = urlparse(str(source))
                if (
                    parsed.scheme not in ("http", "https")
                    or "." not in parsed.netloc
                    or " " in str(source)
                ):
                    error(f"{name}: source '{source}' is not a well-formed http(s) URL")
        article = raw.get("article")
        if article and str(article) not in articles:
            error(f"{name}: article '{article}' is not the id of an article in the knowledge base")
        aliases = raw.get("aliases") or []
        if not isinstance(aliases, list):
            error(f"{name}: aliases must be a YAML list")
            aliases = []
        for text in ([label] if label else []) + [str(a) for a in aliases]:
            key = normalize(text)
            if not key:
                error(f"{name}: label or alias '{text}' is empty once normalised")
            elif key in owners and owners[key][0] != number:
                other = owners[key][1]
                error(
                    f"{name}: '{text}' is also the label or an alias of {other} (entry "
                    f"{owners[key][0] + 1})"
                )
            elif key in owners:
                error(f"{name}: '{text}' is listed twice")
            else:
                owners[key] = (number, name)
    return found


def in_lang(values: dict[str, str], lang: Lang) -> tuple[str, bool]:
    """A text in the reader's language, else in English; and whether English stood in."""
    if values.get(lang):
        return values[lang], False
    return values.get("en", ""), lang != "en" and bool(values.get("en"))


def from_glossary(entry: GlossaryEntry, seen: str, lang: Lang) -> Gloss:
    """A glossary entry's gloss of the label as it appears (on a screen, in a question)."""
    meaning, meaning_en = in_lang(entry.meaning, lang)
    does, does_en = in_lang(entry.does, lang)
    return Gloss(
        text=seen,
        pinyin=entry.pinyin,
        meaning=meaning,
        does=does,
        source="glossary",
        article=entry.article,
        fallback_en=meaning_en or does_en,
    )
