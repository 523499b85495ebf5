"""Strings of the web dashboard and of `/dashboard` and `/logout`, in en, es and zh."""

from __future__ import annotations


def _s(en: str, es: str, zh: str) -> dict[str, str]:
    return {"en": en, "es": es, "zh": zh}


DASHBOARD_STRINGS: dict[str, dict[str, str]] = {
    # --- in chat
    "dash.cmd.private_only": _s(
        "Ask me for the dashboard in a private chat with me: the link is yours alone.",
        "Pídeme el panel en un chat privado conmigo: el enlace es solo para ti.",
        "请在和我的私聊中索取控制台链接：这个链接只属于你。",
    ),
    "dash.cmd.off": _s(
        "The web dashboard is not switched on for this bot (GUIDE_DASHBOARD_PORT).",
        "El panel web no está activado para este bot (GUIDE_DASHBOARD_PORT).",
        "这个机器人的网页控制台没有开启（GUIDE_DASHBOARD_PORT）。",
    ),
    "dash.cmd.link": _s(
        "Your dashboard link, for one sign-in within {minutes} minutes:\n{link}\nDon't share it. /logout signs you out everywhere.",
        "Tu enlace al panel, para iniciar sesión una vez en los próximos {minutes} minutos:\n{link}\nNo lo compartas. /logout cierra todas tus sesiones.",
        "你的控制台链接，{minutes} 分钟内可登录一次：\n{link}\n请勿分享。/logout 可退出所有会话。",
    ),
    "dash.cmd.logged_out": _s(
        "Signed out of the dashboard ({count} sessions ended).",
        "Sesión cerrada en el panel ({count} sesiones terminadas).",
        "已退出控制台（结束了 {count} 个会话）。",
    ),
    # --- frame
    "dash.title": _s(
        "newcomer-guide dashboard", "Panel de newcomer-guide", "newcomer-guide 控制台"
    ),
    "dash.nav.overview": _s("Overview", "Resumen", "概览"),
    "dash.nav.gaps": _s("Gaps", "Lagunas", "知识缺口"),
    "dash.nav.handoffs": _s("Handoffs", "Mentorías", "导师对话"),
    "dash.nav.drafts": _s("Drafts", "Borradores", "草稿"),
    "dash.nav.knowledge": _s("Knowledge", "Conocimiento", "知识库"),
    "dash.logout": _s("Log out", "Cerrar sesión", "退出登录"),
    "dash.signed_in_as": _s("{name} ({role})", "{name} ({role})", "{name}（{role}）"),
    "dash.role.admin": _s("admin", "administrador", "管理员"),
    "dash.role.mentor": _s("mentor", "mentor", "导师"),
    "dash.login.title": _s("Sign in", "Iniciar sesión", "登录"),
    "dash.login.how": _s(
        "Send /dashboard to the bot in a private chat to get a sign-in link.",
        "Envía /dashboard al bot en un chat privado para recibir un enlace de acceso.",
        "在和机器人的私聊中发送 /dashboard 即可获得登录链接。",
    ),
    "dash.login.intro": _s(
        "This link signs you in once; then it stops working.",
        "Este enlace sirve para iniciar sesión una sola vez; después deja de funcionar.",
        "此链接只能登录一次，之后即失效。",
    ),
    "dash.login.button": _s("Sign in to the dashboard", "Entrar al panel", "登录控制台"),
    "dash.login.bad": _s(
        "This link was already used, has expired or is unknown. Send /dashboard to the bot for a new one.",
        "Este enlace ya se usó, caducó o no existe. Envía /dashboard al bot para pedir otro.",
        "此链接已被使用、已过期或无效。请向机器人发送 /dashboard 获取新链接。",
    ),
    "dash.login.ended": _s(
        "Your dashboard access has ended: you are no longer on the mentor team.",
        "Tu acceso al panel terminó: ya no formas parte del equipo de mentores.",
        "你的控制台访问权限已结束：你已不在导师团队中。",
    ),
    "dash.logged_out": _s("You are signed out.", "Cerraste sesión.", "你已退出登录。"),
    "dash.forbidden": _s(
        "This page is for admins.", "Esta página es para administradores.", "此页面仅供管理员查看。"
    ),
    "dash.not_found": _s("Not found.", "No encontrado.", "未找到。"),
    "dash.csrf": _s(
        "That form has expired: reload the page and try again.",
        "El formulario caducó: recarga la página e inténtalo de nuevo.",
        "表单已失效：请刷新页面后重试。",
    ),
    "dash.none": _s("none", "ninguno", "无"),
    "dash.days": _s("days", "días", "天数"),
    "dash.show": _s("Show", "Mostrar", "显示"),
    # --- overview
    "dash.overview.title": _s(
        "Overview: the last {days} days (UTC)",
        "Resumen: los últimos {days} días (UTC)",
        "概览：最近 {days} 天（UTC）",
    ),
    "dash.overview.questions": _s(
        "Questions per day, by platform",
        "Preguntas por día, por plataforma",
        "每天的问题数（按平台）",
    ),
    "dash.overview.languages": _s(
        "Questions by language", "Preguntas por idioma", "各语言的问题数"
    ),
    "dash.overview.rates": _s(
        "Answered, unsure and declined, per day",
        "Respondidas, dudosas y rechazadas, por día",
        "每天的已回答、不确定和已拒绝比例",
    ),
    "dash.overview.feedback": _s("👍 and 👎 per day", "👍 y 👎 por día", "每天的 👍 和 👎"),
    "dash.overview.handoffs": _s(
        "Handoffs per day: requested, claimed, closed",
        "Mentorías por día: pedidas, tomadas, cerradas",
        "每天的导师对话：请求、接手、结束",
    ),
    "dash.overview.claim": _s(
        "Time to claim, in minutes",
        "Tiempo hasta que un mentor la toma, en minutos",
        "等待接手的时间（分钟）",
    ),
    "dash.overview.ratings": _s("Ratings", "Valoraciones", "评分"),
    "dash.overview.hours": _s(
        "Busiest hours (UTC)", "Horas con más preguntas (UTC)", "最繁忙的时段（UTC）"
    ),
    "dash.overview.empty": _s(
        "Nothing recorded in this period.",
        "No hay nada registrado en este periodo.",
        "这段时间没有记录。",
    ),
    # --- table columns
    "dash.col.day": _s("day", "día", "日期"),
    "dash.col.platform": _s("platform", "plataforma", "平台"),
    "dash.col.language": _s("language", "idioma", "语言"),
    "dash.col.questions": _s("questions", "preguntas", "问题"),
    "dash.col.answer": _s("answered", "respondidas", "已回答"),
    "dash.col.unsure": _s("unsure", "dudosas", "不确定"),
    "dash.col.decline": _s("declined", "rechazadas", "已拒绝"),
    "dash.col.requested": _s("requested", "pedidas", "请求"),
    "dash.col.claimed": _s("claimed", "tomadas", "已接手"),
    "dash.col.closed": _s("closed", "cerradas", "已结束"),
    "dash.col.count": _s("count", "cantidad", "数量"),
    "dash.col.hour": _s("hour", "hora", "小时"),
    "dash.col.total": _s("total", "total", "合计"),
    "dash.col.rating": _s("rating", "valoración", "评分"),
    "dash.col.examples": _s("examples", "ejemplos", "示例"),
    "dash.col.reasons": _s("why", "motivo", "原因"),
    "dash.col.closest": _s(
        "closest article (score)", "artículo más cercano (puntuación)", "最接近的文章（得分）"
    ),
    "dash.col.seen": _s("first – last seen", "primera – última vez", "首次 – 最近出现"),
    "dash.col.question": _s("question", "pregunta", "问题"),
    "dash.col.asked": _s("asked", "preguntada", "提问时间"),
    "dash.col.state": _s("state", "estado", "状态"),
    "dash.col.newcomer": _s("newcomer", "recién llegado", "新人"),
    "dash.col.mentor": _s("mentor", "mentor", "导师"),
    "dash.col.waiting": _s("waiting (min)", "esperando (min)", "已等待（分钟）"),
    "dash.col.wait": _s("wait (min)", "espera (min)", "等待（分钟）"),
    "dash.col.duration": _s("duration (min)", "duración (min)", "时长（分钟）"),
    "dash.col.created": _s("requested at", "pedida el", "请求时间"),
    "dash.col.category": _s("category", "categoría", "分类"),
    "dash.col.article": _s("article", "artículo", "文章"),
    "dash.col.review_by": _s("review by", "revisar antes del", "复核日期"),
    "dash.col.missing": _s("missing", "faltan", "缺少"),
    "dash.col.title": _s("title", "título", "标题"),
    "dash.col.from": _s("from", "origen", "来源"),
    # --- gaps
    "dash.gaps.title": _s(
        "Knowledge gaps since {since}",
        "Lagunas de conocimiento desde {since}",
        "{since} 以来的知识缺口",
    ),
    "dash.gaps.intro": _s(
        "Questions the bot was unsure about, declined, got 👎 for or handed to a mentor, grouped by meaning.",
        "Preguntas en las que el bot dudó, que rechazó, que recibieron 👎 o que pasaron a un mentor, agrupadas por significado.",
        "机器人不确定、拒绝回答、收到 👎 或转给导师的问题，按含义分组。",
    ),
    "dash.gaps.since": _s("since", "desde", "起始日期"),
    "dash.gaps.all_languages": _s("all languages", "todos los idiomas", "所有语言"),
    "dash.gaps.none": _s(
        "No gaps in this period.", "No hay lagunas en este periodo.", "这段时间没有知识缺口。"
    ),
    "dash.gaps.cluster": _s(
        "Cluster {number}: {count} questions",
        "Grupo {number}: {count} preguntas",
        "第 {number} 组：{count} 个问题",
    ),
    # --- handoffs
    "dash.handoffs.queue": _s("Waiting for a mentor", "Esperando a un mentor", "等待导师"),
    "dash.handoffs.recent": _s(
        "Open and recent handoffs", "Mentorías abiertas y recientes", "进行中和最近的导师对话"
    ),
    "dash.handoffs.mine": _s(
        "You see the queue and the handoffs you held.",
        "Ves la cola y las mentorías que atendiste.",
        "你可以看到排队列表和你处理过的对话。",
    ),
    "dash.handoff.title": _s("Handoff #{id}", "Mentoría n.º {id}", "导师对话 #{id}"),
    "dash.handoff.transcript": _s("Transcript", "Transcripción", "对话记录"),
    "dash.handoff.question": _s("What they asked", "Lo que preguntó", "新人的问题"),
    "dash.handoff.answer": _s("What the bot answered", "Lo que respondió el bot", "机器人的回答"),
    "dash.handoff.empty": _s(
        "No messages (or they were deleted under the retention policy).",
        "No hay mensajes (o se borraron según la política de conservación).",
        "没有消息（或已按保留政策删除）。",
    ),
    # --- drafts
    "dash.drafts.title": _s(
        "Drafts waiting for review", "Borradores pendientes de revisión", "待审阅的草稿"
    ),
    "dash.drafts.how": _s(
        "Rewrite it against real sources, set the category, tags and sources, delete draft_from, then move it into the knowledge base:",
        "Reescríbelo con fuentes reales, pon la categoría, las etiquetas y las fuentes, borra draft_from y muévelo a la base de conocimiento:",
        "请依据真实来源改写，填写分类、标签和来源，删除 draft_from，然后移入知识库：",
    ),
    "dash.drafts.mark": _s("Mark reviewed", "Marcar como revisado", "标记为已审阅"),
    "dash.drafts.reviewed": _s("Reviewed", "Revisados", "已审阅"),
    "dash.drafts.reviewed_by": _s(
        "reviewed by {name} on {day}", "revisado por {name} el {day}", "{name} 于 {day} 审阅"
    ),
    "dash.drafts.none": _s(
        "No drafts waiting.", "No hay borradores pendientes.", "没有待审阅的草稿。"
    ),
    # --- knowledge
    "dash.kb.title": _s(
        "Knowledge base: {count} articles",
        "Base de conocimiento: {count} artículos",
        "知识库：{count} 篇文章",
    ),
    "dash.kb.sections": _s(
        "{sections} sections; oldest review: {oldest}",
        "{sections} secciones; revisión más antigua: {oldest}",
        "{sections} 个章节；最早的复核日期：{oldest}",
    ),
    "dash.kb.missing": _s("Translations missing", "Traducciones que faltan", "缺少的翻译"),
    "dash.kb.overdue": _s(
        "Past their review date", "Con la fecha de revisión vencida", "已过复核日期"
    ),
    "dash.kb.disliked": _s(
        "Answers with the most 👎", "Respuestas con más 👎", "收到 👎 最多的回答"
    ),
    "dash.article.sources": _s("Sources", "Fuentes", "来源"),
    "dash.article.reviewed": _s("Last reviewed {day}", "Última revisión: {day}", "最近复核：{day}"),
}
