"""The UI glossary: the shipped file, lookups in OCR text, validation and the CLI hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answering.knowledge import article_paths, read_article
from bot.screens.glossary import AREAS, GLOSSARY_FILE, Glossary, GlossaryError, normalize, validate
from bot.screens.values import GlossaryEntry

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "knowledge" / GLOSSARY_FILE

GOOD = """\
version: 1
reviewed: 2026-12-06
entries:
  - label: 设置
    pinyin: shè zhì
    area: settings
    meaning: {en: Settings, es: Ajustes, zh: 设置}
    does: {en: Opens settings., es: Abre los ajustes., zh: 进入各项设置。}
    sources: [https://example.com/a]
"""


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load(SHIPPED)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / GLOSSARY_FILE
    path.write_text(text, encoding="utf-8")
    return path


def entry(label: str, aliases: tuple[str, ...] = ()) -> GlossaryEntry:
    return GlossaryEntry(
        label=label,
        pinyin="",
        meaning={"en": label},
        does={"en": label},
        area="other",
        sources=("https://example.com",),
        aliases=aliases,
    )


def test_the_shipped_glossary_validates_and_loads() -> None:
    # how fast it loads is a figure for `make bench` (benchmarks/ocr.py), not a test
    errors = [f for f in validate(SHIPPED, ROOT / "knowledge") if f.level == "error"]
    assert errors == []
    loaded = Glossary.load(SHIPPED)
    assert all(e.area in AREAS and e.sources for e in loaded.entries)


def test_the_shipped_glossary_reaches_its_content_goal(glossary: Glossary) -> None:
    assert len(glossary) >= 150


def test_every_linked_article_exists(glossary: Glossary) -> None:
    ids = {read_article(path).id for path in article_paths(ROOT / "knowledge")}
    linked = {e.article for e in glossary.entries if e.article}
    assert linked and linked <= ids


def test_the_paid_tools_are_not_literal(glossary: Glossary) -> None:
    shutiao = glossary.find("薯条")
    pugongying = glossary.find("蒲公英")
    assert shutiao and "promotion" in shutiao.meaning["en"].lower()
    assert pugongying and "brand" in pugongying.meaning["en"].lower()


def test_normalize_drops_spaces_widths_chevrons_and_traditional_forms() -> None:
    assert normalize(" 设 置 ") == "设置"
    assert normalize("设置 >") == normalize("设置›") == normalize("设置：") == "设置"
    assert normalize("＞设置＞") == "设置"
    assert normalize("隱私設置") == "隐私设置"
    assert normalize("帳號與安全") == "账号与安全"
    assert normalize("联系ＴＡ") == normalize("联系ta")


def test_find_matches_labels_and_aliases(glossary: Glossary) -> None:
    found = glossary.find(" 隱私設置 › ")
    assert found is not None and found.label == "隐私设置"
    alias = glossary.find("账户与安全")
    assert alias is not None and alias.label == "账号与安全"
    assert glossary.find("设置 帮助与客服") is None
    assert glossary.find("") is None and glossary.find(">") is None


def test_split_finds_merged_labels_in_reading_order(glossary: Glossary) -> None:
    text = "设置 帮助与客服 >"
    spans = glossary.split(text)
    assert [(text[a:b], e.label) for a, b, e in spans] == [
        ("设置", "设置"),
        ("帮助与客服", "帮助与客服"),
    ]


def test_split_prefers_the_longest_label_and_does_not_overlap() -> None:
    small = Glossary.of([entry("设置"), entry("隐私设置"), entry("隐私"), entry("关注")])
    text = "隐私 设置关注"
    spans = small.split(text)
    assert [(text[a:b], e.label) for a, b, e in spans] == [
        ("隐私 设置", "隐私设置"),
        ("关注", "关注"),
    ]
    assert small.split("没有标签") == []


def test_split_offsets_point_into_the_original_text() -> None:
    small = Glossary.of([entry("账号与安全")])
    text = "› 帳號與安全 ＞"
    [(start, end, found)] = small.split(text)
    assert text[start:end] == "帳號與安全" and found.label == "账号与安全"


BAD_CASES = {
    "missing field": (GOOD.replace("    area: settings\n", ""), "missing required field 'area'"),
    "unknown area": (GOOD.replace("area: settings", "area: sidebar"), "unknown area 'sidebar'"),
    "missing language": (
        GOOD.replace(", es: Abre los ajustes.", ""),
        "does has no 'es' text",
    ),
    "syllable count": (GOOD.replace("shè zhì", "shè"), "has 1 syllables"),
    "tone numbers": (GOOD.replace("shè zhì", "she4 zhi4"), "not lower-case pinyin"),
    "no tone marks": (GOOD.replace("shè zhì", "she zhi"), "no tone marks"),
    "bad source": (GOOD.replace("https://example.com/a", "example.com/a"), "not a well-formed"),
    "no sources": (GOOD.replace("sources: [https://example.com/a]", "sources: []"), "'sources'"),
    "unknown article": (
        GOOD.replace("    sources:", "    article: no-such-article\n    sources:"),
        "article 'no-such-article'",
    ),
    "duplicate label": (GOOD + GOOD.split("entries:\n")[1], "is also the label or an alias"),
    "duplicate alias": (
        GOOD.replace("    sources:", "    aliases: [設置]\n    sources:"),
        "'設置' is listed twice",
    ),
    "unknown field": (GOOD.replace("    area:", "    colour: red\n    area:"), "unknown field"),
    "no version": (GOOD.replace("version: 1\n", ""), "version: 1"),
    "not yaml": ("entries: [\n", "not valid YAML"),
    "no entries": ("version: 1\n", "entries"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_validate_names_each_problem(tmp_path: Path, case: str) -> None:
    text, message = BAD_CASES[case]
    findings = validate(write(tmp_path, text), tmp_path)
    errors = [f for f in findings if f.level == "error"]
    assert any(message in f.message for f in errors), [str(f) for f in findings]


def test_a_good_file_has_no_findings_and_errors_carry_the_entry_line(tmp_path: Path) -> None:
    assert validate(write(tmp_path, GOOD), tmp_path) == []
    [finding] = validate(write(tmp_path, GOOD.replace("area: settings", "area: x")), tmp_path)
    assert finding.line == 4 and str(finding).startswith("error: ")


def test_a_does_text_that_repeats_the_label_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("zh: 进入各项设置。", "zh: 设置"))
    [finding] = validate(path, tmp_path)
    assert finding.level == "warning" and "repeats the label" in finding.message


def test_load_refuses_a_file_that_is_not_a_glossary(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError):
        Glossary.load(write(tmp_path, "version: 1\n"))
    with pytest.raises(GlossaryError):
        Glossary.load(write(tmp_path, GOOD.replace("    pinyin: shè zhì\n", "")))


def guide(knowledge: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_", "TELEGRAM_", "DISCORD_"))
    }
    environment.update(
        GUIDE_DATA_DIR=str(knowledge.parent / "data"), GUIDE_KNOWLEDGE_DIR=str(knowledge)
    )
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def test_kb_validate_fails_on_a_broken_glossary_and_stats_counts_it(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    write(knowledge, GOOD)
    good = guide(knowledge, "kb", "validate")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "UI glossary" in good.stdout
    stats = guide(knowledge, "kb", "stats")
    assert "UI glossary: 1 labels (settings 1)" in stats.stdout
    write(knowledge, GOOD.replace("area: settings", "area: sidebar"))
    broken = guide(knowledge, "kb", "validate")
    assert broken.returncode == 1 and "unknown area 'sidebar'" in broken.stdout
