"""Maintainer tooling: knowledge gaps, drafts from mentor answers, usage statistics."""

from __future__ import annotations

import argparse
import json
import os
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from chat import Conversation, Person
from conftest import Clock, make_settings

from bot.answering.knowledge import read_article
from bot.answering.service import Answering
from bot.answering.validate import validate
from bot.bootstrap import compose
from bot.maintenance import drafts, gaps, stats
from bot.maintenance.drafts import list_drafts, scrub, write_atomic
from bot.models import Address
from bot.store import open_database
from bot.store.records import Store

DC_ROOM = Address("discord", "888")
SINCE = datetime(2026, 11, 1, tzinfo=UTC)


def newcomer(chat: Conversation, user_id: str = "42", name: str = "Ana") -> Person:
    return chat.person("telegram", user_id, name, language_code="en")


def mentor(chat: Conversation, user_id: str = "500", name: str = "Mei") -> Person:
    return chat.person("discord", user_id, name, chat_id="888", room_member=True)


def claim(chat: Conversation, who: Person) -> Address:
    """Press the latest Claim button in the Discord room; the handoff's thread address."""
    announcement = [m for m in chat.room("discord", "888") if m.buttons][-1]
    chat.press(who, "Claim", message=announcement, where=DC_ROOM, kind="mentor_room")
    thread = sorted(chat.threads("discord", "888"))[-1]
    return Address("discord", "888", thread)


# --- kb gaps


def test_gaps_cluster_what_the_bot_failed_with_reasons_and_the_closest_article(
    chat: Conversation, answering: Answering, clock: Clock
) -> None:
    lipstick = [
        "what's the best lipstick brand",
        "which lipstick brand is the best",
        "what is the best lipstick brand, mail me at ana@example.com",
    ]
    for n, text in enumerate(lipstick):
        chat.say(newcomer(chat, f"{100 + n}", f"L{n}"), text)
        clock.advance(minutes=30)
    ben = newcomer(chat, "200", "Ben")
    chat.say(ben, "how do i appeal a ban on my account")
    chat.press(ben, "👎")
    cleo = newcomer(chat, "300", "Cleo")
    chat.say(cleo, "can i get paid for posts")
    clock.advance(minutes=3)
    chat.say(cleo, "/mentor")
    chat.say(newcomer(chat, "400", "Dan"), "how do I hack my ex's account")
    chat.say(newcomer(chat, "500", "Eve"), "what is the cat tax")  # answered, no complaint

    found = gaps.gaps(chat.engine.store.db, answering, SINCE)
    report = [gap.as_json() for gap in found]
    first = report[0]
    assert first["count"] == 3 and first["reasons"] == {"outside": 3}  # off-topic
    assert first["languages"] == {"en": 3}
    assert any("lipstick" in text for text in first["examples"])
    assert not any("ana@example.com" in text for text in first["examples"])
    assert first["closest_article"]["id"] and 0 < first["closest_article"]["score"] < 1
    reasons = {tuple(sorted(r["reasons"])): r for r in report[1:]}
    assert ("👎",) in reasons and ("handoff",) in reasons and ("decline",) in reasons
    assert reasons[("handoff",)]["examples"] == ["can i get paid for posts"]
    assert not any("cat tax" in text for r in report for text in r["examples"])

    markdown = gaps.report_markdown(found, date(2026, 11, 1), date(2026, 11, 22))
    assert markdown.startswith("## Knowledge gaps, 2026-11-01 – 2026-11-22")
    assert "| # | questions | examples |" in markdown and "outside 3" in markdown
    assert "ana@example.com" not in markdown
    data = json.loads(gaps.report_json(found, date(2026, 11, 1)))
    assert data["questions"] == 6 and len(data["clusters"]) == len(found)


def test_an_unsure_on_a_topic_is_a_gap_and_an_off_topic_one_is_outside(
    store: Store, clock: Clock
) -> None:
    from bot.models import UserRef

    now = clock()
    for n, (action, reason) in enumerate(
        [("unsure", ""), ("unsure", "out_of_scope"), ("unsure", "live_data"), ("answer", "")]
    ):
        store.log_question(
            UserRef("telegram", str(n)),
            f"question {n}",
            "en",
            action,
            "",
            "",
            0.4,
            5.0,
            now,
            reason=reason,
        )
    found = {miss.text: miss.reasons for miss in gaps.misses(store.db, SINCE)}
    assert found == {
        "question 0": {"unsure"},
        "question 1": {"outside"},
        "question 2": {"outside"},
    }


def test_gaps_since_leaves_older_questions_out(
    chat: Conversation, answering: Answering, clock: Clock
) -> None:
    chat.say(newcomer(chat), "which lipstick brand is the best")
    later = clock.now + timedelta(days=1)
    assert gaps.gaps(chat.engine.store.db, answering, later) == []
    assert "Nothing to report" in gaps.report_markdown([], later.date(), later.date())


def test_a_question_that_asks_for_a_person_counts_as_a_handoff(
    chat: Conversation, answering: Answering
) -> None:
    chat.say(newcomer(chat), "can i talk to a real human please")
    [miss] = gaps.misses(chat.engine.store.db, SINCE)
    assert miss.reasons == {"handoff"}


def test_greedy_clustering_joins_only_close_vectors() -> None:
    vectors = {"a": [1.0, 0.0], "a2": [0.9, 0.1], "b": [0.0, 1.0]}
    found = [gaps.Miss(n, text, "en", "2026-11-22") for n, text in enumerate(["a", "b", "a2"])]
    groups = gaps.cluster(found, lambda text: vectors[text], threshold=0.75)
    assert [[m.text for m in group] for group in groups] == [["a", "a2"], ["b"]]


# --- drafts from mentor answers


@pytest.fixture
def drafting(tmp_path: Path, answering: Answering, clock: Clock) -> Conversation:
    """A conversation whose knowledge dir (for drafts) is a private copy."""
    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    settings = make_settings(tmp_path, GUIDE_KNOWLEDGE_DIR=str(knowledge))
    engine = compose(settings, Store(open_database(settings.db_path)), answering, clock=clock)
    return Conversation(engine, clock)


def _handoff_with_answer(chat: Conversation) -> tuple[Person, Person, Address]:
    ana = newcomer(chat, "4242424242", "Ana")
    chat.say(ana, "how do I link my account to a Telegram handle like @ana_rn")
    chat.say(ana, "/mentor")
    mei = mentor(chat)
    where = claim(chat, mei)
    chat.say(ana, "I'm Ana, my wechat id is ana_1988, call me on +1 (555) 123-4567")
    chat.say(
        mei,
        "Hi Ana! You can't link them. Share your profile link instead, not "
        "https://www.xiaohongshu.com/user/profile/5f1e2d3c and never your email "
        "ana.rn@example.com. See https://help.xiaohongshu.com/faq for the official steps.",
        where=where,
    )
    return ana, mei, where


def test_suggest_writes_a_scrubbed_draft_with_filled_front_matter(
    drafting: Conversation, tmp_path: Path
) -> None:
    chat = drafting
    _, mei, where = _handoff_with_answer(chat)
    chat.say(mei, "/suggest", where=where)
    reply = chat.room("discord", "888", where.thread_id)[-1].text
    assert reply.startswith("Draft saved: kb/drafts/2026-11-22-") and reply.endswith(
        "; a maintainer will review it."
    )
    [path] = (tmp_path / "kb" / "drafts").glob("*.md")
    assert reply == f"Draft saved: kb/drafts/{path.name}; a maintainer will review it."
    text = path.read_text(encoding="utf-8")
    for secret in ("Ana", "4242424242", "@ana_rn", "5f1e2d3c", "ana.rn@example.com"):
        assert secret not in text, secret
    assert "https://help.xiaohongshu.com/faq" in text
    assert "# TODO: a maintainer must pick the category" in text
    article = read_article(path)
    meta = article.meta
    assert meta["id"] == path.stem[len("2026-11-22-") :] and meta["id"].startswith("how-do-i-link")
    assert meta["title"].startswith("how do I link my account to a Telegram handle")
    assert meta["category"] == "getting-started" and meta["tags"] == []
    assert meta["language"] == "en" and meta["sources"] == ["mentor handoff"]
    assert meta["last_reviewed"] == date(2026, 11, 22)
    assert meta["summary"] == "You can't link them."
    assert meta["draft_from"].startswith("handoff #") and meta["draft_from"].endswith(
        ", 2026-11-22"
    )
    [section] = article.sections
    assert section.heading == meta["title"]
    assert "Share your profile link instead" in section.body
    assert not list(path.parent.glob(".draft-*")), "a temporary file was left behind"


def test_suggest_with_a_title_and_a_second_draft_never_overwrites(drafting: Conversation) -> None:
    chat = drafting
    _, mei, where = _handoff_with_answer(chat)
    chat.say(mei, "/suggest Linking other accounts to RedNote", where=where)
    chat.say(mei, "/suggest Linking other accounts to RedNote", where=where)
    found = list_drafts(chat.engine.settings.knowledge_dir)
    assert [d.title for d in found] == ["Linking other accounts to RedNote"] * 2
    assert len({d.path for d in found}) == 2
    assert found[0].day == "2026-11-22" and found[0].source.startswith("handoff #")


def test_only_the_holder_or_an_admin_may_suggest(drafting: Conversation) -> None:
    chat = drafting
    _, _, where = _handoff_with_answer(chat)
    other = mentor(chat, "501", "Kai")
    chat.say(other, "/suggest", where=where)
    assert "held by another mentor" in chat.room("discord", "888", where.thread_id)[-1].text
    ana = chat.people[0]
    chat.say(ana, "/suggest")
    assert ana.last().text == "That's for volunteer mentors only."
    admin = chat.person("telegram", "1", "Admin", chat_id="-100777")
    handoff_id = chat.engine.store.db.execute("SELECT MAX(id) FROM handoffs").fetchone()[0]
    chat.say(
        admin, f"/suggest #{handoff_id} Admins can draft too", where=Address("telegram", "-100777")
    )
    assert admin.last().text.startswith("Draft saved: kb/drafts/2026-11-22-admins-can-draft-too")
    assert len(list_drafts(chat.engine.settings.knowledge_dir)) == 1


def test_suggest_needs_an_answer_and_works_after_close(drafting: Conversation) -> None:
    chat = drafting
    ana = newcomer(chat)
    chat.say(ana, "/mentor")
    mei = mentor(chat)
    where = claim(chat, mei)
    chat.say(mei, "/suggest", where=where)
    assert "no answer of yours" in chat.room("discord", "888", where.thread_id)[-1].text
    chat.say(ana, "is there a dark mode?")
    chat.say(mei, "Yes: Me, then Settings, then Dark mode.", where=where)
    chat.say(mei, "/close", where=where)
    chat.say(mei, "/suggest", where=where)
    assert "Draft saved" in chat.room("discord", "888", where.thread_id)[-1].text
    [draft] = list_drafts(chat.engine.settings.knowledge_dir)
    body = draft.path.read_text(encoding="utf-8")
    assert "## is there a dark mode?" in body and "summary: 'Yes: Me, then Settings" in body


def test_a_reviewed_draft_is_validated_like_any_article(
    drafting: Conversation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = drafting
    _, mei, where = _handoff_with_answer(chat)
    chat.say(mei, "/suggest", where=where)
    knowledge = chat.engine.settings.knowledge_dir
    assert validate(knowledge) == []  # drafts are never validated
    drafts.run_cli(argparse.Namespace(), chat.engine.settings)
    assert "how do I link my" in capsys.readouterr().out
    [draft] = list_drafts(knowledge)
    (knowledge / "en").mkdir()
    shutil.copy(draft.path, knowledge / "en" / draft.path.name)
    messages = [f.message for f in validate(knowledge, today=date(2026, 11, 22))]
    assert any("'mentor handoff' is not a well-formed" in m for m in messages)


def test_scrub_removes_what_identifies_a_person_and_keeps_the_rest() -> None:
    text = (
        "Ana (@ana_rn, ana@example.com, 微信号：abc12345, WeChat: ana_1988, +86 138 1234 5678)"
        " posted on 2025-01-15 at t.me/ana_rn; WeChat is popular; read "
        "https://www.rednote.com/user/profile/abc and https://help.xiaohongshu.com/faq"
    )
    clean = scrub(text, names=("Ana",), ids=("4242424242",))
    for secret in ("Ana", "@ana_rn", "ana@example.com", "abc12345", "ana_1988", "138", "t.me"):
        assert secret not in clean, secret
    assert "/user/profile" not in clean
    assert "2025-01-15" in clean and "WeChat is popular" in clean
    assert "https://help.xiaohongshu.com/faq" in clean


def test_an_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "drafts" / "x.md"
    write_atomic(target, "first")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in target.parent.iterdir()] == ["x.md"]


# --- stats


def test_stats_per_day_platform_and_language(chat: Conversation, clock: Clock) -> None:
    ana = newcomer(chat)
    chat.say(ana, "what is the cat tax")
    chat.press(ana, "👍")
    chat.say(ana, "which lipstick brand is the best")
    chat.say(ana, "/mentor")
    mei = mentor(chat)
    clock.advance(minutes=6)
    where = claim(chat, mei)
    chat.say(mei, "Hello!", where=where)
    clock.advance(minutes=20)
    chat.say(mei, "/close", where=where)
    chat.press(ana, "5")
    bo = chat.person("discord", "77", "Bo", language_code="es")
    chat.say(bo, "¿qué es el impuesto del gato?")
    chat.press(bo, "👎")

    data = stats.report(chat.engine.store.db, 7, now=clock())
    rows = {(r["day"], r["platform"], r["language"]): r for r in data["rows"]}
    telegram = rows[("2026-11-22", "telegram", "en")]
    assert telegram["questions"] == 2 and telegram["answer_rate"] == 0.5
    assert telegram["unsure_rate"] == 0.5 and telegram["thumbs_up"] == 1
    assert telegram["handoffs"] == 1 and telegram["claim_p50_minutes"] == 6.0
    assert telegram["duration_p50_minutes"] == 20.0 and telegram["mean_rating"] == 5.0
    assert telegram["busiest_hours_utc"] == [{"hour": 12, "count": 2}]
    discord = rows[("2026-11-22", "discord", "es")]
    assert discord["questions"] == 1 and discord["thumbs_down"] == 1
    assert data["total"]["questions"] == 3 and data["total"]["handoffs"] == 1
    assert stats.report(chat.engine.store.db, 7, now=clock() + timedelta(days=8))["rows"] == []


def test_stats_table_and_json_print(
    chat: Conversation, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    chat.say(newcomer(chat), "what is the cat tax")
    stats.print_table(stats.report(chat.engine.store.db, 7, now=clock()))
    out = capsys.readouterr().out
    assert "2026-11-22" in out and "telegram" in out and "100%" in out and "12h(1)" in out
    stats.run_cli(argparse.Namespace(days=3650, json=True), chat.engine.settings)
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["questions"] == 1


def test_percentiles() -> None:
    assert stats.percentile([], 50) is None
    assert stats.percentile([4.0], 95) == 4.0
    assert stats.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert stats.percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)
