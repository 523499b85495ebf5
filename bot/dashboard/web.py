"""The dashboard's HTTP side: aiohttp handlers over a small `Site`, security headers on every
response, sign-in by one-time link, a session checked (with its owner's rights) per request.

Reads run on a read-only connection off the writer thread; the few writes (signing in and
out, marking a draft reviewed) run on the writer thread in a transaction. No access log is
kept: login links carry their token in the path.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any

from aiohttp import web
from sqlite_utils import Database

from bot.dashboard import kbpages, overview, pages, queries
from bot.dashboard.auth import SESSION_TTL, Logins, Session, Viewer, viewer
from bot.dashboard.layout import STYLE, Frame, message
from bot.dashboard.site import Site, accepted_language
from bot.i18n import LANGUAGES

logger = logging.getLogger(__name__)
COOKIE = "guide_dashboard"
GAP_DAYS = 30
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
    " frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


class Dashboard:
    """The routes and handlers of the dashboard."""

    def __init__(self, site: Site):
        self.site = site
        self.app = web.Application()
        self.app.on_response_prepare.append(self._headers)
        p = site.prefix
        routes = [
            web.get(f"{p}/", self.overview),
            web.get(f"{p}/style.css", self.style),
            web.get(p + "/login/{token}", self.login_page),
            web.post(f"{p}/login", self.login),
            web.post(f"{p}/logout", self.logout),
            web.get(f"{p}/handoffs", self.handoffs),
            web.get(p + "/handoffs/{id:\\d+}", self.handoff),
            web.get(f"{p}/gaps", self.gaps),
            web.get(p + "/gaps/{number:\\d+}", self.cluster),
            web.get(f"{p}/drafts", self.drafts),
            web.post(f"{p}/drafts/reviewed", self.mark_reviewed),
            web.get(f"{p}/knowledge", self.knowledge),
            web.get(p + "/articles/{id}", self.article),
        ]
        if p:
            routes.append(web.get(p, self.overview))
        self.app.add_routes(routes)

    @staticmethod
    async def _headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(HEADERS)

    def _frame(self, request: web.Request, who: Viewer | None = None) -> Frame:
        lang = (who.language if who else None) or accepted_language(
            request.headers.get("Accept-Language", "")
        )
        return Frame(lang or "en", self.site.prefix, who)

    def _cookie(self, response: web.Response, value: str, max_age: int) -> None:
        response.set_cookie(
            COOKIE,
            value,
            max_age=max_age,
            path=self.site.prefix or "/",
            httponly=True,
            samesite="Strict",
            secure=self.site.secure,
        )

    async def _viewer(self, request: web.Request) -> Viewer | web.Response:
        """The signed-in viewer with their rights as of now, or the page saying why not."""
        session_id = request.cookies.get(COOKIE, "")
        now = self.site.clock()
        settings = self.site.settings

        def look(db: Database) -> tuple[Viewer | None, Session | None]:
            found = Logins(db).session(session_id, now) if session_id else None
            return (viewer(settings, db, found) if found else None), found

        who, session = await self.site.read(look)
        if who is not None:
            return who
        reason, status = "dash.login.how", 401
        if session is not None:  # a live session whose owner is no longer a mentor
            ended = session.ref
            await self.site.write(lambda db: Logins(db).end_all(ended))
            reason, status = "dash.login.ended", 403
        response = _html(pages.signed_out(self._frame(request), reason), status)
        if session_id:
            self._cookie(response, "", 0)
        return response

    async def _admin(self, request: web.Request) -> Viewer | web.Response:
        who = await self._viewer(request)
        if isinstance(who, Viewer) and not who.is_admin:
            frame = self._frame(request, who)
            return _html(message(frame, frame.t("dash.forbidden"), frame.t("dash.forbidden")), 403)
        return who

    def _not_found(self, request: web.Request, who: Viewer) -> web.Response:
        frame = self._frame(request, who)
        return _html(message(frame, frame.t("dash.not_found"), frame.t("dash.not_found")), 404)

    async def _checked_post(self, request: web.Request) -> tuple[Viewer, Any] | web.Response:
        """A state-changing request: signed in, and carrying the session's CSRF token."""
        who = await self._viewer(request)
        if not isinstance(who, Viewer):
            return who
        form = await request.post()
        if not who.session.csrf_ok(str(form.get("csrf", ""))):
            frame = self._frame(request, who)
            return _html(message(frame, frame.t("dash.csrf"), frame.t("dash.csrf")), 403)
        return who, form

    # --- signing in and out
    async def style(self, request: web.Request) -> web.Response:
        return web.Response(text=STYLE, content_type="text/css", charset="utf-8")

    async def login_page(self, request: web.Request) -> web.Response:
        return _html(pages.sign_in(self._frame(request), request.match_info["token"]))

    async def login(self, request: web.Request) -> web.Response:
        token = str((await request.post()).get("token", ""))
        now = self.site.clock()
        redeemed = await self.site.write(lambda db: Logins(db).redeem(token, now))
        if redeemed is None:
            return _html(pages.signed_out(self._frame(request), "dash.login.bad"), 403)
        session_id, session = redeemed
        logger.info("dashboard: %s signed in", session.ref)
        response = web.Response(status=303, headers={"Location": f"{self.site.prefix}/"})
        self._cookie(response, session_id, int(SESSION_TTL.total_seconds()))
        return response

    async def logout(self, request: web.Request) -> web.Response:
        checked = await self._checked_post(request)
        if isinstance(checked, web.Response):
            return checked
        who, _ = checked
        await self.site.write(lambda db: Logins(db).end(who.session.key))
        response = _html(pages.signed_out(self._frame(request), "dash.logged_out"))
        self._cookie(response, "", 0)
        return response

    # --- pages
    async def overview(self, request: web.Request) -> web.Response:
        who = await self._viewer(request)
        if not isinstance(who, Viewer):
            return who
        try:
            days = min(365, max(1, int(request.query.get("days", "14"))))
        except ValueError:
            days = 14
        now = self.site.clock()
        data = await self.site.read(lambda db: queries.overview(db, now, days))
        return _html(overview.render(self._frame(request, who), data, days))

    async def handoffs(self, request: web.Request) -> web.Response:
        who = await self._viewer(request)
        if not isinstance(who, Viewer):
            return who
        now = self.site.clock()
        queue, recent = await self.site.read(lambda db: queries.handoffs(db, who, now))
        return _html(pages.handoffs(self._frame(request, who), queue, recent))

    async def handoff(self, request: web.Request) -> web.Response:
        who = await self._viewer(request)
        if not isinstance(who, Viewer):
            return who
        number, now = int(request.match_info["id"]), self.site.clock()
        found = await self.site.read(lambda db: queries.transcript(db, who, number, now))
        if found is None:
            return self._not_found(request, who)
        return _html(pages.transcript(self._frame(request, who), *found))

    def _gap_filter(self, request: web.Request) -> tuple[date, str | None]:
        try:
            since = date.fromisoformat(request.query.get("since", ""))
        except ValueError:
            since = self.site.clock().date() - timedelta(days=GAP_DAYS)
        language = request.query.get("lang") or None
        return since, language if language in LANGUAGES else None

    async def _gaps(self, request: web.Request) -> tuple[date, str | None, list[Any]]:
        since, language = self._gap_filter(request)
        start = datetime(since.year, since.month, since.day, tzinfo=UTC)
        answering = self.site.answering
        found = await self.site.read(lambda db: queries.gaps(db, answering, start, language))
        return since, language, found

    async def gaps(self, request: web.Request) -> web.Response:
        who = await self._admin(request)
        if not isinstance(who, Viewer):
            return who
        since, language, found = await self._gaps(request)
        return _html(kbpages.gaps(self._frame(request, who), found, since, language))

    async def cluster(self, request: web.Request) -> web.Response:
        who = await self._admin(request)
        if not isinstance(who, Viewer):
            return who
        number = int(request.match_info["number"])
        _, _, found = await self._gaps(request)
        if not 1 <= number <= len(found):
            return self._not_found(request, who)
        return _html(kbpages.cluster(self._frame(request, who), number, found[number - 1]))

    async def drafts(self, request: web.Request) -> web.Response:
        who = await self._admin(request)
        if not isinstance(who, Viewer):
            return who
        folder = self.site.settings.knowledge_dir
        found = await self.site.read(lambda db: queries.drafts(db, folder))
        return _html(kbpages.drafts(self._frame(request, who), found))

    async def mark_reviewed(self, request: web.Request) -> web.Response:
        checked = await self._checked_post(request)
        if isinstance(checked, web.Response):
            return checked
        who, form = checked
        if not who.is_admin:
            frame = self._frame(request, who)
            return _html(message(frame, frame.t("dash.forbidden"), frame.t("dash.forbidden")), 403)
        name, now, folder = (
            str(form.get("name", "")),
            self.site.clock(),
            self.site.settings.knowledge_dir,
        )
        marked = await self.site.write(lambda db: queries.mark_reviewed(db, folder, name, who, now))
        if not marked:
            return self._not_found(request, who)
        return web.Response(status=303, headers={"Location": f"{self.site.prefix}/drafts"})

    async def knowledge(self, request: web.Request) -> web.Response:
        who = await self._admin(request)
        if not isinstance(who, Viewer):
            return who
        answering, now = self.site.answering, self.site.clock()
        data = await self.site.read(lambda db: queries.knowledge(db, answering, now))
        frame = self._frame(request, who)
        titles = {
            english_id: (answering.catalog.localized(english_id, frame.lang) or article).title
            for english_id, variants in answering.catalog.variants.items()
            for article in [next(iter(variants.values()))]
        }
        return _html(kbpages.knowledge(frame, data, titles))

    async def article(self, request: web.Request) -> web.Response:
        who = await self._admin(request)
        if not isinstance(who, Viewer):
            return who
        frame = self._frame(request, who)
        found = self.site.answering.catalog.localized(request.match_info["id"], frame.lang)
        if found is None:
            return self._not_found(request, who)
        return _html(kbpages.article(frame, found))
