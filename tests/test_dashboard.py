"""The web dashboard: its pages, its queries and every access rule, through a real server."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from chat import Conversation, Person
from conftest import Clock, make_settings
from dashboard_fixtures import client, csrf_of, dashboard_env, direct_site, link_in, sign_in
from dashboard_fixtures import dashboard as dashboard  # the fixture
from test_handoff import DC_ROOM, announcement
from test_mentor_rights import leaves

from bot.answering.knowledge import read_article
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.dashboard import charts
from bot.dashboard.auth import Logins, Viewer, digest
from bot.dashboard.queries import handoffs, overview
from bot.dashboard.server import DashboardServer
from bot.dashboard.site import accepted_language
from bot.maintenance.kbstats import most_disliked, summarize
from bot.models import MemberChanged, UserRef
from bot.ops.logs import Redactor
from bot.settings import Settings
from bot.store import open_database
from bot.store.records import Store

NEWCOMER_ID = "9876543"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    (tmp_path / "kb" / "drafts").mkdir(parents=True)
    return make_settings(tmp_path, GUIDE_KNOWLEDGE_DIR=str(tmp_path / "kb"), **dashboard_env())


def admin(chat: Conversation) -> Person:
    return chat.person("telegram", "1", "Root")


def mentor_in_private(chat: Conversation, user_id: str = "500", name: str = "Mei") -> Person:
    """A Discord mentor writing to the bot in a DM; the platform vouches for her."""
    return chat.person("discord", user_id, name, chat_id=f"dm-{user_id}", room_member=True)


def ask_for_mentor(chat: Conversation, name: str = "Ana", user_id: str = NEWCOMER_ID) -> Person:
    ana = chat.person("telegram", user_id, name)
    chat.say(ana, "how do I appeal a ban on my account")
    chat.say(ana, "/mentor")
    return ana


def claimed_by(chat: Conversation, user_id: str, name: str) -> Person:
    """A mentor in the Discord room claims the newest request."""
    room = chat.person("discord", user_id, name, chat_id="888", room_member=True)
    brief = announcement(chat, DC_ROOM)
    chat.press(room, "Claim", message=brief, where=DC_ROOM, kind="mentor_room")
    return room


def url(server: DashboardServer, path: str = "/") -> str:
    return server.url + path


# --- getting a link


def test_dashboard_in_a_group_says_to_ask_in_private(chat: Conversation) -> None:
    root = chat.person("telegram", "1", "Root", chat_id="-500")
    chat.say(root, "/dashboard", kind="group", where=root.address)
    assert "private chat" in root.last().text and "/login/" not in root.last().text


def test_newcomers_get_no_link(chat: Conversation) -> None:
    ana = chat.person("telegram", NEWCOMER_ID, "Ana")
    chat.say(ana, "/dashboard")
    assert ana.last().text == "That's for volunteer mentors only."


def test_the_link_is_stored_only_as_a_digest(chat: Conversation) -> None:
    root = admin(chat)
    link = link_in(chat.say(root, "/dashboard"))
    token = link.rsplit("/", 1)[1]
    rows = chat.engine.store.db.execute("SELECT token_hash FROM dashboard_links").fetchall()
    assert rows == [(digest(token),)]
    assert "10 minutes" in root.last().text


def test_without_a_port_the_dashboard_is_off(tmp_path: Path) -> None:
    assert make_settings(tmp_path, GUIDE_DASHBOARD_PORT="").dashboard_base == ""
    on = make_settings(tmp_path, GUIDE_DASHBOARD_PORT="8080")
    assert on.dashboard_base == "http://127.0.0.1:8080"
    proxied = make_settings(
        tmp_path, GUIDE_DASHBOARD_PORT="8080", GUIDE_DASHBOARD_URL="https://g.example/dash/"
    )
    assert proxied.dashboard_base == "https://g.example/dash"


# --- access rules


async def test_an_admin_signs_in_and_sees_every_page(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    ana = ask_for_mentor(chat)
    claimed_by(chat, "500", "Mei")
    chat.say(ana, "thanks <b>so</b> much")
    link = link_in(chat.say(admin(chat), "/dashboard"))
    async with client() as http:
        signed = await sign_in(http, link)
        assert signed.status == 303 and signed.headers["Location"] == "/"
        cookie = signed.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
        for path in ("/", "/handoffs", "/handoffs/1", "/gaps", "/drafts", "/knowledge"):
            async with http.get(url(dashboard, path)) as page:
                html = await page.text()
                assert page.status == 200, path
                assert page.headers["X-Frame-Options"] == "DENY"
                assert page.headers["Referrer-Policy"] == "no-referrer"
                assert "default-src 'none'" in page.headers["Content-Security-Policy"]
                assert NEWCOMER_ID not in html and "<script" not in html, path
        async with http.get(url(dashboard, "/")) as page:
            html = await page.text()
        assert html.count("<svg") >= 6 and "<table>" in html and "Root (admin)" in html
        async with http.get(url(dashboard, "/handoffs/1")) as page:
            html = await page.text()
        assert "thanks &lt;b&gt;so&lt;/b&gt; much" in html and "Ana" in html


async def test_no_session_or_an_unknown_cookie_is_sent_to_the_bot(
    dashboard: DashboardServer,
) -> None:
    async with client() as http:
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 401
            assert "Send /dashboard to the bot" in await page.text()
        http.cookie_jar.update_cookies({"guide_dashboard": "made-up"})
        async with http.get(url(dashboard, "/handoffs")) as page:
            assert page.status == 401
        async with http.get(url(dashboard, "/style.css")) as page:
            assert page.status == 200 and page.headers["X-Frame-Options"] == "DENY"


async def test_a_link_works_once(chat: Conversation, dashboard: DashboardServer) -> None:
    link = link_in(chat.say(admin(chat), "/dashboard"))
    async with client() as http:
        assert (await sign_in(http, link)).status == 303
    async with client() as other:
        again = await sign_in(other, link)
        assert again.status == 403 and "Set-Cookie" not in again.headers
        async with other.get(url(dashboard, "/")) as page:
            assert page.status == 401


async def test_an_expired_link_is_refused(
    chat: Conversation, clock: Clock, dashboard: DashboardServer
) -> None:
    link = link_in(chat.say(admin(chat), "/dashboard"))
    clock.advance(minutes=11)
    async with client() as http:
        assert (await sign_in(http, link)).status == 403


async def test_a_session_ends_after_twelve_hours(
    chat: Conversation, clock: Clock, dashboard: DashboardServer
) -> None:
    link = link_in(chat.say(admin(chat), "/dashboard"))
    async with client() as http:
        await sign_in(http, link)
        clock.advance(hours=11, minutes=59)
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 200
        clock.advance(minutes=2)
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 401


async def test_a_mentor_sees_the_queue_and_only_transcripts_of_handoffs_they_held(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    ask_for_mentor(chat, "Ana", "9876543")
    claimed_by(chat, "500", "Mei")
    ask_for_mentor(chat, "Bea", "9876544")
    claimed_by(chat, "501", "Joe")
    ask_for_mentor(chat, "Cy", "9876545")  # still waiting
    mei = mentor_in_private(chat)
    link = link_in(chat.say(mei, "/dashboard"))
    async with client() as http:
        assert (await sign_in(http, link)).status == 303
        async with http.get(url(dashboard, "/handoffs")) as page:
            html = await page.text()
        assert "Cy" in html and "Ana" in html and "Bea" not in html
        assert "/handoffs/1" in html and "/handoffs/2" not in html
        async with http.get(url(dashboard, "/handoffs/1")) as page:
            assert page.status == 200
        for path in ("/handoffs/2", "/handoffs/3", "/handoffs/99"):
            async with http.get(url(dashboard, path)) as page:
                assert page.status == 404, path
        for path in ("/gaps", "/drafts", "/knowledge", "/articles/cat-tax"):
            async with http.get(url(dashboard, path)) as page:
                assert page.status == 403, path
        async with http.get(url(dashboard, "/")) as page:
            html = await page.text()
            assert page.status == 200 and "/gaps" not in html


async def test_a_mentor_who_leaves_loses_access_at_once(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    mei = mentor_in_private(chat)
    link = link_in(chat.say(mei, "/dashboard"))
    async with client() as http:
        await sign_in(http, link)
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 200
        leaves(chat, mei)
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 403
            assert "no longer on the mentor team" in await page.text()
    rows = chat.engine.store.db.execute("SELECT COUNT(*) FROM dashboard_sessions").fetchone()
    assert rows[0] == 0
    chat.engine.handle(MemberChanged("test:back", mei.ref, mentor=True))  # back in the room
    async with client() as http:  # but the old session is gone for good
        http.cookie_jar.update_cookies({"guide_dashboard": "x"})
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 401


async def test_an_admin_keeps_access_after_leaving_the_mentor_room(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    root = chat.person("telegram", "1", "Root", chat_id="-100777", room_member=True)
    chat.say(root, "/shift on", where=root.address, kind="mentor_room")
    private = admin(chat)
    link = link_in(chat.say(private, "/dashboard"))
    leaves(chat, root)
    async with client() as http:
        await sign_in(http, link)
        async with http.get(url(dashboard, "/gaps")) as page:
            assert page.status == 200


async def test_logout_needs_the_csrf_token(chat: Conversation, dashboard: DashboardServer) -> None:
    link = link_in(chat.say(admin(chat), "/dashboard"))
    async with client() as http:
        await sign_in(http, link)
        async with http.post(url(dashboard, "/logout"), data={"csrf": "wrong"}) as out:
            assert out.status == 403
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 200
        csrf = await csrf_of(http, url(dashboard, "/"))
        async with http.post(url(dashboard, "/logout"), data={"csrf": csrf}) as out:
            assert out.status == 200 and "signed out" in await out.text()
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 401


async def test_logout_in_chat_ends_every_session(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    root = admin(chat)
    async with client() as one, client() as two:
        await sign_in(one, link_in(chat.say(root, "/dashboard")))
        await sign_in(two, link_in(chat.say(root, "/dashboard")))
        chat.say(root, "/logout")
        assert "2 sessions ended" in root.last().text
        for http in (one, two):
            async with http.get(url(dashboard, "/")) as page:
                assert page.status == 401


async def test_marking_a_draft_reviewed_needs_csrf_and_an_admin(
    chat: Conversation, settings: Settings, dashboard: DashboardServer
) -> None:
    draft = settings.knowledge_dir / "drafts" / "2026-11-22-how-to-appeal.md"
    draft.write_text(
        "---\nid: how-to-appeal\ntitle: How to <appeal>\ndraft_from: handoff #1\n---\n\n"
        "## How do I appeal?\nOpen the app and ask.\n",
        encoding="utf-8",
    )
    link = link_in(chat.say(admin(chat), "/dashboard"))
    async with client() as http:
        await sign_in(http, link)
        async with http.get(url(dashboard, "/drafts")) as page:
            html = await page.text()
        assert "How to &lt;appeal&gt;" in html and "git mv knowledge/drafts/" in html
        form = {"csrf": "nope", "name": draft.name}
        async with http.post(url(dashboard, "/drafts/reviewed"), data=form) as out:
            assert out.status == 403
        form["csrf"] = await csrf_of(http, url(dashboard, "/drafts"))
        async with http.post(url(dashboard, "/drafts/reviewed"), data=form) as out:
            html = await out.text()
        assert "reviewed by Root" in html
        form["name"] = "../../etc/passwd"
        async with http.post(url(dashboard, "/drafts/reviewed"), data=form) as out:
            assert out.status == 404


async def test_pages_follow_the_viewers_language(
    chat: Conversation, dashboard: DashboardServer
) -> None:
    root = admin(chat)
    chat.say(root, "/language es")
    link = link_in(chat.say(root, "/dashboard"))
    assert "minutos" in root.last().text
    async with client(**{"Accept-Language": "zh-CN,zh;q=0.9"}) as http:
        async with http.get(url(dashboard, "/")) as page:
            assert "私聊" in await page.text()  # not signed in: the browser's language
        await sign_in(http, link)
        async with http.get(url(dashboard, "/")) as page:
            html = await page.text()
        assert 'lang="es"' in html and "Resumen" in html


async def test_login_tokens_and_session_ids_never_reach_the_logs(
    chat: Conversation, dashboard: DashboardServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    link = link_in(chat.say(admin(chat), "/dashboard"))
    token = link.rsplit("/", 1)[1]
    async with client() as http:
        signed = await sign_in(http, link)
        session_id = signed.cookies["guide_dashboard"].value
        async with http.get(url(dashboard, "/")) as page:
            assert page.status == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "signed in" in logged
    assert token not in logged and session_id not in logged
    assert token not in Redactor().redact(f"sent {link} to telegram:1")


# --- the queries and builders behind the pages


def test_overview_counts_questions_votes_and_handoffs(chat: Conversation, clock: Clock) -> None:
    ana = chat.person("telegram", NEWCOMER_ID, "Ana")
    chat.say(ana, "what is the cat tax")
    chat.press(ana, "👎")
    ask_for_mentor(chat)
    claimed_by(chat, "500", "Mei")
    data = overview(chat.engine.store.db, clock(), 7)
    today = clock().date().isoformat()
    assert data.days[-1] == today and len(data.days) == 7
    assert data.per_day[today].questions == data.total.questions >= 2
    assert data.total.down == 1 and data.total.handoffs == 1 and data.claimed[today] == 1
    assert data.languages["en"] == data.total.questions and data.platforms == ["telegram"]
    assert data.claim_p50 == 0.0


def test_a_mentor_lists_only_handoffs_they_held(chat: Conversation, clock: Clock) -> None:
    ask_for_mentor(chat, "Ana", "9876543")
    claimed_by(chat, "500", "Mei")
    ask_for_mentor(chat, "Bea", "9876544")
    claimed_by(chat, "501", "Joe")
    db = chat.engine.store.db
    logins = Logins(db)
    _, session = logins.redeem(logins.issue(UserRef("discord", "500"), clock()), clock()) or (
        "",
        None,
    )
    assert session is not None
    mei = Viewer(session, "mentor", "Mei", None)
    queue, recent = handoffs(db, mei, clock())
    assert queue == [] and [row.handoff.newcomer_name for row in recent] == ["Ana"]
    root = Viewer(session, "admin", "Root", None)
    assert [row.handoff.newcomer_name for row in handoffs(db, root, clock())[1]] == ["Bea", "Ana"]


def test_most_disliked_answers(chat: Conversation) -> None:
    ana = chat.person("telegram", NEWCOMER_ID, "Ana")
    chat.say(ana, "what is the cat tax")
    chat.press(ana, "👎")
    rows = most_disliked(chat.engine.store.db)
    assert len(rows) == 1 and rows[0]["down"] == 1 and rows[0]["up"] == 0


def test_knowledge_summary_counts_and_finds_missing_translations(tmp_path: Path) -> None:
    def write(name: str, meta: str) -> Path:
        path = tmp_path / name
        path.write_text(f"---\n{meta}\n---\n\n## A question?\nAn answer.\n", encoding="utf-8")
        return path

    en = write("a.md", "id: a\ntitle: A\ncategory: slang\nlanguage: en\nreview_by: 2026-01-01")
    es = write("a-es.md", "id: a-es\ntitle: A\ncategory: slang\nlanguage: es\ntranslation_of: a")
    articles = [read_article(en), read_article(es)]
    summary = summarize(articles, date(2026, 12, 6))
    assert summary.counts["slang"] == {"en": 1, "es": 1, "zh": 0} and summary.total == 2
    assert [(a.id, langs) for a, langs in summary.missing] == [("a", ["zh"])]
    assert [a.id for a in summary.overdue] == ["a"] and summary.sections == 2


def test_charts_escape_labels_and_scale_to_the_largest_value() -> None:
    svg = charts.bars("Q <per> day", ["<a>", "b"], {"x&y": [3, 7], "z": [1, 0]})
    assert svg.startswith("<svg") and "<a>" not in svg and "&lt;a&gt;" in svg
    assert ">10<" in svg and "x&amp;y" in svg
    line = charts.lines("rates", ["d1", "d2", "d3"], {"answer": [0.5, None, 1.0]}, percent=True)
    assert ">100%<" in line and "<polyline" not in line  # a gap breaks the line
    assert charts.bars("empty", [], {}).endswith("</svg>")


def test_accept_language_picks_the_best_supported_language() -> None:
    assert accepted_language("fr-FR,es;q=0.8,en;q=0.5") == "es"
    assert accepted_language("zh-TW") == "zh"
    assert accepted_language("fr,de") is None
    assert accepted_language("") is None


async def test_behind_a_proxy_the_dashboard_lives_under_its_url_path(
    tmp_path: Path, answering: Answering, clock: Clock
) -> None:
    env = dashboard_env()
    port = env["GUIDE_DASHBOARD_PORT"]
    settings = make_settings(tmp_path, GUIDE_DASHBOARD_URL="https://guide.example.org/dash", **env)
    store = Store(open_database(settings.db_path))
    engine = compose(settings, store, answering, clock=clock)
    chat = Conversation(engine, clock)
    link = link_in(chat.say(admin(chat), "/dashboard"))
    assert link.startswith("https://guide.example.org/dash/login/")
    server = DashboardServer(direct_site(engine), "127.0.0.1", int(port))
    await server.start()
    try:
        local = link.replace("https://guide.example.org", f"http://127.0.0.1:{port}")
        async with client() as http:
            signed = await sign_in(http, local)
            assert signed.headers["Location"] == "/dash/"
            cookie = signed.headers["Set-Cookie"]
            assert "Secure" in cookie and "Path=/dash" in cookie
            async with http.get(f"http://127.0.0.1:{port}/") as page:
                assert page.status == 404
    finally:
        await server.stop()
        store.db.close()
