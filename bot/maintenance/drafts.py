"""Article drafts from mentor answers: personal details scrubbed, written atomically.

A draft lives in `knowledge/drafts/<date>-<slug>.md`, which is never validated or indexed;
a maintainer reviews it, fixes its fields and moves it into `knowledge/en/` (or es/, zh/).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.answering.knowledge import CATEGORIES, ArticleError, read_article
from bot.settings import Settings
from bot.text import HAN_CHAR

DRAFTS = "drafts"
_URL = re.compile(r"https?://[^\s<>()\[\]]+|(?<![\w.@])(?:www\.)[^\s<>()\[\]]+", re.IGNORECASE)
# Links that point at a person rather than a page: profiles, chat links, share links.
_PERSONAL_URL = re.compile(
    r"(?:^|[/.])(?:t\.me|telegram\.me|wa\.me|xhslink\.com|discord\.gg)(?:/|$)"
    r"|/(?:user|users|u|profile|people|member|members|channels/@me)(?:/|$)"
    r"|/@|@|[?&](?:share_from_user\w*|xsec_token|user_?id|uid)=",
    re.IGNORECASE,
)
# The same without a scheme: `t.me/someone`, `xiaohongshu.com/user/profile/…`.
_BARE_PERSONAL = re.compile(
    r"(?<![\w./@])(?:(?:t\.me|telegram\.me|wa\.me|xhslink\.com|discord\.gg)/"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)+/(?:user|users|u|profile|people)/)[^\s<>()\[\]]+",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MENTION = re.compile(r"(?<![\w@])@[\w.]{2,}")
_CHAT_ID = re.compile(
    r"(?P<label>(?:\b(?:wechat|weixin|wx|vx|line|red\s?id|xhs\s?id)\b(?:\s*id\b)?"
    r"|微信号?|v信|小红书号)\s*(?:[:：=]|\bis\b)?\s*)(?P<id>[A-Za-z0-9][-_A-Za-z0-9]{4,30})",
    re.IGNORECASE,
)
_WXID = re.compile(r"(?i)\bwxid_[a-z0-9]{4,}\b")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()./-]{6,}\d(?!\w)")
_SENTENCE = re.compile(r"^(.+?(?:[.!?](?=\s|$)|[。！？]))", re.DOTALL)
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(ch.isdigit() for ch in found)
    return "[phone removed]" if digits >= 9 and not _DATE.match(found) else found


def _chat_id(match: re.Match[str]) -> str:
    label, value = match.group("label"), match.group("id")
    explicit = re.search(r"[:：=]|\bid\b|号|red\s?id|xhs\s?id", label, re.IGNORECASE)
    if explicit or re.search(r"[\d_-]", value):
        return f"{label}[id removed]"
    return match.group(0)


def _url(match: re.Match[str]) -> str:
    url = match.group(0)
    return "[link removed]" if _PERSONAL_URL.search(url.split("://", 1)[-1]) else url


def scrub(text: str, names: tuple[str, ...] = (), ids: tuple[str, ...] = ()) -> str:
    """Remove what identifies a person: profile links, emails, @mentions, phones, ids, names."""
    text = _URL.sub(_url, text)
    text = _BARE_PERSONAL.sub("[link removed]", text)
    text = _EMAIL.sub("[email removed]", text)
    text = _WXID.sub("[id removed]", text)
    text = _CHAT_ID.sub(_chat_id, text)
    text = _MENTION.sub("[mention removed]", text)
    text = _PHONE.sub(_phone, text)
    for name in names:
        name = name.strip()
        if len(name) < 2:
            continue
        if name.isascii():
            text = re.sub(rf"(?i)\b{re.escape(name)}\b", "[name]", text)
        else:
            text = text.replace(name, "[name]")
    for user_id in ids:
        if len(user_id.strip()) >= 5:
            text = text.replace(user_id.strip(), "[id removed]")
    return text


def slug(text: str) -> str:
    """An article id: ASCII lowercase words and digits joined by hyphens, at most ~60 chars."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > 60:
            break
        out = candidate
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def first_sentence(text: str, limit: int = 300) -> str:
    """The first real sentence of a text: a short greeting ("Hi there!") is skipped."""
    rest = _one_line(text)
    sentences = []
    while rest:
        match = _SENTENCE.match(rest)
        sentences.append(match.group(1) if match else rest)
        rest = rest[len(sentences[-1]) :].strip()
    real = [
        s for s in sentences if len(re.findall(r"\w+", s)) >= 3 or len(HAN_CHAR.findall(s)) >= 6
    ]
    sentence = (real or sentences or [""])[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _field(name: str, value: Any) -> str:
    """One front-matter line, quoted by YAML where needed; lists in flow style (`[a, b]`)."""
    if isinstance(value, list):
        flow = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
        return f"{name}: {flow.strip()}"
    dumped = yaml.safe_dump({name: value}, allow_unicode=True, width=10**6)
    return dumped.strip()


@dataclass(frozen=True)
class Draft:
    """A draft article made from one mentor answer."""

    id: str
    title: str
    question: str
    answer: str
    language: str
    handoff_id: int
    day: date

    def markdown(self) -> str:
        """The draft as an article file: front matter, then one `## question` section."""
        lines = [
            "---",
            _field("id", self.id),
            _field("title", self.title),
            "# TODO: a maintainer must pick the category, one of: " + ", ".join(CATEGORIES),
            _field("category", "getting-started"),
            _field("tags", []),
            _field("language", self.language),
            _field("sources", ["mentor handoff"]),
            _field("last_reviewed", self.day),
            _field("summary", first_sentence(self.answer)),
            _field("draft_from", f"handoff #{self.handoff_id}, {self.day.isoformat()}"),
            "---",
            "",
            f"## {self.question}",
            self.answer.strip(),
            "",
        ]
        return "\n".join(lines)


def make_draft(handoff: dict[str, Any], question: str, answer: str, title: str, day: date) -> Draft:
    """A scrubbed draft from a handoff row, the newcomer's question and the mentor's answer."""
    names = (str(handoff.get("newcomer_name") or ""),)
    ids = (str(handoff.get("newcomer_user") or ""),)
    question = _one_line(scrub(question, names, ids))[:300]
    answer = scrub(answer, names, ids).strip()
    title = _one_line(scrub(title, names, ids))[:120] or question[:120]
    question = question or title
    return Draft(
        id=slug(title) or f"mentor-answer-{handoff['id']}",
        title=title,
        question=question,
        answer=answer,
        language=str(handoff.get("language") or "en"),
        handoff_id=int(handoff["id"]),
        day=day,
    )


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see either nothing or all of it (temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def save(draft: Draft, knowledge_dir: Path) -> Path:
    """Write the draft to `knowledge/drafts/<date>-<slug>.md` (never over another draft)."""
    folder = knowledge_dir / DRAFTS
    stem = f"{draft.day.isoformat()}-{draft.id}"
    path = folder / f"{stem}.md"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.md"
        number += 1
    write_atomic(path, draft.markdown())
    return path


@dataclass(frozen=True)
class DraftInfo:
    """What `guide kb drafts` shows about one draft."""

    path: Path
    title: str
    day: str
    source: str


def list_drafts(knowledge_dir: Path) -> list[DraftInfo]:
    """Every draft waiting for review, oldest first."""
    folder = knowledge_dir / DRAFTS
    found: list[DraftInfo] = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        try:
            meta = read_article(path).meta
        except ArticleError:
            meta = {}
        day = path.name[:10] if re.match(r"\d{4}-\d{2}-\d{2}", path.name) else ""
        found.append(
            DraftInfo(
                path=path,
                title=str(meta.get("title") or "(unreadable front matter)"),
                day=day or str(meta.get("last_reviewed") or ""),
                source=str(meta.get("draft_from") or ""),
            )
        )
    return found


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`guide kb drafts`: the drafts waiting for a maintainer."""
    from rich.console import Console
    from rich.table import Table

    drafts = list_drafts(settings.knowledge_dir)
    table = Table(title=f"Drafts waiting for review — {len(drafts)}")
    for column in ("path", "title", "date", "from"):
        table.add_column(column)
    for draft in drafts:
        table.add_row(str(draft.path), draft.title, draft.day, draft.source)
    Console(width=140).print(table)
    return 0
