"""Strings of the mentor handoff, for newcomers and mentors, in en, es and zh."""

from __future__ import annotations

HANDOFF_STRINGS: dict[str, dict[str, str]] = {
    "handoff.asked": {
        "en": "You'd like to talk to a person — I'll ask the volunteer mentors.",
        "es": "Quieres hablar con una persona: aviso a los mentores voluntarios.",
        "zh": "你想找真人聊聊——我这就通知志愿者导师。",
    },
    "handoff.queued": {
        "en": (
            "I've asked the volunteer mentors. You're number {position} in the queue. "
            "I'll tell you here when someone picks it up — meanwhile you can keep asking me "
            "questions. /cancel leaves the queue."
        ),
        "es": (
            "Ya avisé a los mentores voluntarios. Eres el número {position} en la cola. Te "
            "avisaré aquí cuando alguien te atienda; mientras tanto puedes seguir preguntándome. "
            "/cancel para salir de la cola."
        ),
        "zh": (
            "已经通知志愿者导师了。你目前排在第 {position} 位。有人接手时我会在这里告诉你，"
            "在此期间你可以继续问我问题。/cancel 可以退出排队。"
        ),
    },
    "handoff.no_mentors": {
        "en": (
            "I'm sorry — this community has no volunteer mentors set up yet, so I can't "
            "connect you with a person. I'll keep answering what I can."
        ),
        "es": (
            "Lo siento: esta comunidad todavía no tiene mentores voluntarios configurados, así "
            "que no puedo ponerte en contacto con una persona. Seguiré respondiendo lo que pueda."
        ),
        "zh": "抱歉，这个社区还没有设置志愿者导师，我暂时没法帮你联系真人。我会继续尽力回答。",
    },
    "handoff.already_queued": {
        "en": "You're already in the queue (number {position}). /cancel leaves it.",
        "es": "Ya estás en la cola (número {position}). /cancel para salir.",
        "zh": "你已经在排队了（第 {position} 位）。/cancel 可以退出。",
    },
    "handoff.already_active": {
        "en": "You're already talking to {mentor}. Just write here. /end finishes the conversation.",
        "es": "Ya estás hablando con {mentor}. Escribe aquí. /end termina la conversación.",
        "zh": "你正在和 {mentor} 聊天，直接在这里发消息即可。/end 结束对话。",
    },
    "handoff.go_private": {
        "en": "A mentor can only talk with you privately. Open a private chat with me here: {link}",
        "es": "Un mentor solo puede hablar contigo en privado. Abre un chat privado conmigo: {link}",
        "zh": "导师只能和你私聊。点这里和我开始私聊：{link}",
    },
    "handoff.go_private_nolink": {
        "en": "A mentor can only talk with you privately: send me a direct message and type /mentor.",
        "es": "Un mentor solo puede hablar contigo en privado: escríbeme por mensaje directo y pon /mentor.",
        "zh": "导师只能和你私聊：请给我发私信并输入 /mentor。",
    },
    "handoff.cancelled": {
        "en": "You've left the queue. You can ask for a mentor again any time with /mentor.",
        "es": "Saliste de la cola. Puedes pedir un mentor cuando quieras con /mentor.",
        "zh": "你已退出排队。随时可以用 /mentor 再次找导师。",
    },
    "handoff.nothing_open": {
        "en": "You're not in the queue or talking to a mentor right now. /mentor asks for one.",
        "es": "Ahora no estás en la cola ni hablando con un mentor. /mentor para pedir uno.",
        "zh": "你现在没有在排队，也没有在和导师聊天。/mentor 可以找导师。",
    },
    "handoff.claimed_newcomer": {
        "en": (
            "{mentor}, a volunteer mentor, is here to help. Everything you write now goes to "
            "them. /end finishes the conversation."
        ),
        "es": (
            "{mentor}, mentor voluntario, ya está aquí para ayudarte. Todo lo que escribas ahora "
            "le llegará. /end termina la conversación."
        ),
        "zh": "志愿者导师 {mentor} 来帮你了。你现在发的所有消息都会转给TA。/end 结束对话。",
    },
    "handoff.released_newcomer": {
        "en": "Your mentor had to step away, so you're back in the queue (number {position}). Someone else will pick it up.",
        "es": "Tu mentor tuvo que irse, así que vuelves a la cola (número {position}). Otra persona te atenderá.",
        "zh": "你的导师暂时离开了，你重新回到队列（第 {position} 位），会有其他导师接手。",
    },
    "handoff.still_waiting": {
        "en": "Still looking for a mentor for you — you're number {position} in the queue. Thanks for your patience!",
        "es": "Sigo buscando un mentor para ti: eres el número {position} en la cola. ¡Gracias por tu paciencia!",
        "zh": "还在为你找导师——你排在第 {position} 位。感谢耐心等待！",
    },
    "handoff.slow": {
        "en": (
            "I'm sorry it's taking a while. {wait} Your request stays in the queue and I'll tell "
            "you when someone picks it up. Meanwhile, these topics might help:"
        ),
        "es": (
            "Siento que esté tardando. {wait} Tu solicitud sigue en la cola y te avisaré cuando "
            "alguien la tome. Mientras tanto, quizá te sirvan estos temas:"
        ),
        "zh": "抱歉让你久等了。{wait}你的请求仍在队列中，有人接手时我会通知你。这些话题也许能帮到你：",
    },
    "handoff.wait_known": {
        "en": "Lately mentors have taken about {minutes} minutes to pick up a request.",
        "es": "Últimamente los mentores tardan unos {minutes} minutos en atender una solicitud.",
        "zh": "最近导师接手请求大约需要 {minutes} 分钟。",
    },
    "handoff.wait_none_on_shift": {
        "en": "No mentor is on shift right now, so it may be a few hours.",
        "es": "Ahora mismo no hay mentores de turno, así que puede tardar unas horas.",
        "zh": "现在没有导师在值班，可能需要几个小时。",
    },
    "handoff.wait_unknown": {
        "en": "I can't estimate the wait yet.",
        "es": "Todavía no puedo estimar la espera.",
        "zh": "我暂时无法估计需要等多久。",
    },
    "handoff.closed_newcomer": {
        "en": "The conversation with {mentor} has ended. How helpful was it? (1 = not at all, 5 = very)",
        "es": "La conversación con {mentor} ha terminado. ¿Te ayudó? (1 = nada, 5 = mucho)",
        "zh": "和 {mentor} 的对话已结束。这次帮助对你有用吗？（1 = 没用，5 = 很有用）",
    },
    "handoff.idle_closed_newcomer": {
        "en": "This conversation was quiet for a while, so I've closed it. /mentor starts a new one.",
        "es": "La conversación llevaba un rato sin actividad, así que la cerré. /mentor abre otra.",
        "zh": "这段对话很久没有动静，我已将其关闭。/mentor 可以重新开始。",
    },
    "handoff.rated": {
        "en": "Thank you! If you'd like to add a comment for the mentors, just type it now.",
        "es": "¡Gracias! Si quieres dejar un comentario para los mentores, escríbelo ahora.",
        "zh": "谢谢！如果想给导师留言，现在直接输入即可。",
    },
    "handoff.comment_saved": {
        "en": "Thanks — your comment has been passed on. 💛",
        "es": "Gracias: tu comentario ya les llegó. 💛",
        "zh": "谢谢，你的留言已转达。💛",
    },
    "handoff.from_mentor": {
        "en": "{mentor}: {text}",
        "es": "{mentor}: {text}",
        "zh": "{mentor}：{text}",
    },
    "handoff.attachment_note": {
        "en": "({who} sent a {kind}, which I can't pass on here. Please describe it in words.)",
        "es": "({who} envió un archivo ({kind}) que no puedo reenviar aquí. Descríbelo con palabras.)",
        "zh": "（{who} 发送了{kind}，这里无法转发，请用文字描述。）",
    },
    "handoff.refused": {
        "en": "Sorry, you can't do that here.",
        "es": "Lo siento, eso no se puede hacer aquí.",
        "zh": "抱歉，你不能在这里这样操作。",
    },
    # --- mentor side
    "mentor.announce": {
        "en": (
            "🙋 Request #{id} — {name} ({platform}, {language}) is waiting for a mentor "
            "(since {since} UTC, {waited} min).\n"
            "Asked: {question}\n"
            "Bot answered: {answer}{note}{mentions}"
        ),
        "es": (
            "🙋 Solicitud #{id}: {name} ({platform}, {language}) espera un mentor "
            "(desde las {since} UTC, {waited} min).\n"
            "Preguntó: {question}\n"
            "Respuesta del bot: {answer}{note}{mentions}"
        ),
        "zh": (
            "🙋 请求 #{id}：{name}（{platform}，{language}）正在等待导师"
            "（自 UTC {since} 起，已等 {waited} 分钟）。\n"
            "提问：{question}\n"
            "机器人的回答：{answer}{note}{mentions}"
        ),
    },
    "mentor.announce_note": {
        "en": "\nNote from the previous mentor: {note}",
        "es": "\nNota del mentor anterior: {note}",
        "zh": "\n上一位导师的留言：{note}",
    },
    "mentor.announce_mentions": {
        "en": "\nSpeaks {language}: {names}",
        "es": "\nHablan {language}: {names}",
        "zh": "\n会说{language}：{names}",
    },
    "mentor.claim": {"en": "✋ Claim", "es": "✋ Atender", "zh": "✋ 接手"},
    "mentor.claimed_by": {
        "en": "✅ Request #{id} ({name}) was claimed by {mentor}.",
        "es": "✅ La solicitud #{id} ({name}) la atiende {mentor}.",
        "zh": "✅ 请求 #{id}（{name}）已由 {mentor} 接手。",
    },
    "mentor.cancelled_by_newcomer": {
        "en": "↩️ Request #{id} ({name}) was withdrawn by the newcomer.",
        "es": "↩️ La solicitud #{id} ({name}) fue retirada.",
        "zh": "↩️ 请求 #{id}（{name}）已被新人撤回。",
    },
    "mentor.already_claimed": {
        "en": "Request #{id} was already claimed by {mentor}.",
        "es": "La solicitud #{id} ya la atiende {mentor}.",
        "zh": "请求 #{id} 已由 {mentor} 接手。",
    },
    "mentor.not_open": {
        "en": "Request #{id} is no longer waiting.",
        "es": "La solicitud #{id} ya no está en espera.",
        "zh": "请求 #{id} 已不在等待中。",
    },
    "mentor.at_capacity": {
        "en": "You already hold {count} open handoffs (your limit is {capacity}). Close or release one first.",
        "es": "Ya tienes {count} conversaciones abiertas (tu límite es {capacity}). Cierra o libera una antes.",
        "zh": "你已有 {count} 个进行中的对话（上限 {capacity}）。请先结束或退回一个。",
    },
    "mentor.off_shift": {
        "en": "You're off shift. /shift on to start taking requests.",
        "es": "No estás de turno. /shift on para empezar a atender.",
        "zh": "你目前不在值班。输入 /shift on 开始接单。",
    },
    "mentor.only_mentors": {
        "en": "That's for volunteer mentors only.",
        "es": "Eso es solo para mentores voluntarios.",
        "zh": "这只限志愿者导师使用。",
    },
    "mentor.not_yours": {
        "en": "Request #{id} is held by another mentor.",
        "es": "La solicitud #{id} la atiende otro mentor.",
        "zh": "请求 #{id} 由另一位导师处理。",
    },
    "mentor.which": {
        "en": "Which handoff? Add its number, e.g. /{command} 12. Yours: {ids}",
        "es": "¿Cuál? Añade el número, p. ej. /{command} 12. Las tuyas: {ids}",
        "zh": "哪一个？请加上编号，例如 /{command} 12。你的：{ids}",
    },
    "mentor.none_held": {
        "en": "You don't hold any open handoff.",
        "es": "No tienes conversaciones abiertas.",
        "zh": "你当前没有进行中的对话。",
    },
    "mentor.brief": {
        "en": (
            "You're now helping {name} (#{id}, {platform}, {language}; waited {waited} min). "
            'They see you as "{mentor}". Write here and I\'ll pass it on; /release [note] '
            "hands it back, /close ends it.{note}\n\nThe conversation so far:\n{history}"
        ),
        "es": (
            "Ahora ayudas a {name} (#{id}, {platform}, {language}; esperó {waited} min). Te ve "
            'como "{mentor}". Escribe aquí y se lo paso; /release [nota] la devuelve, /close '
            "la cierra.{note}\n\nLa conversación hasta ahora:\n{history}"
        ),
        "zh": (
            "你正在帮助 {name}（#{id}，{platform}，{language}；已等 {waited} 分钟）。"
            "TA 看到的你的名字是“{mentor}”。在这里发消息我会转达；/release [留言] 退回队列，"
            "/close 结束对话。{note}\n\n之前的对话：\n{history}"
        ),
    },
    "mentor.history_q": {
        "en": "• Asked: {text}",
        "es": "• Preguntó: {text}",
        "zh": "• 提问：{text}",
    },
    "mentor.history_a": {
        "en": "  Bot: {action} {article}",
        "es": "  Bot: {action} {article}",
        "zh": "  机器人：{action} {article}",
    },
    "mentor.history_empty": {
        "en": "(no questions before the request)",
        "es": "(ninguna pregunta antes de la solicitud)",
        "zh": "（请求前没有提问）",
    },
    "mentor.from_newcomer": {
        "en": "{name}: {text}",
        "es": "{name}: {text}",
        "zh": "{name}：{text}",
    },
    "mentor.released": {
        "en": "#{id} is back in the queue. Thanks for your help!",
        "es": "#{id} vuelve a la cola. ¡Gracias por tu ayuda!",
        "zh": "#{id} 已退回队列。感谢你的帮助！",
    },
    "mentor.released_silent": {
        "en": "#{id} went back to the queue because there was no reply from the mentor for {minutes} minutes.",
        "es": "#{id} volvió a la cola porque el mentor no respondió en {minutes} minutos.",
        "zh": "#{id} 因导师 {minutes} 分钟未回复已退回队列。",
    },
    "mentor.closed": {
        "en": "#{id} is closed. Thank you! 💛",
        "es": "#{id} está cerrada. ¡Gracias! 💛",
        "zh": "#{id} 已结束。谢谢你！💛",
    },
    "mentor.closed_by_newcomer": {
        "en": "{name} ended the conversation (#{id}). Thank you! 💛",
        "es": "{name} terminó la conversación (#{id}). ¡Gracias! 💛",
        "zh": "{name} 结束了对话（#{id}）。谢谢你！💛",
    },
    "mentor.idle_closed": {
        "en": "#{id} was idle for {hours} hours and has been closed.",
        "es": "#{id} estuvo inactiva {hours} horas y se cerró.",
        "zh": "#{id} 已 {hours} 小时无动静，已自动结束。",
    },
    "mentor.rating": {
        "en": "⭐ {name} rated #{id}: {rating}/5",
        "es": "⭐ {name} valoró #{id}: {rating}/5",
        "zh": "⭐ {name} 给 #{id} 打了 {rating}/5 分",
    },
    "mentor.comment": {
        "en": "💬 {name} commented on #{id}: {text}",
        "es": "💬 {name} comentó sobre #{id}: {text}",
        "zh": "💬 {name} 对 #{id} 的留言：{text}",
    },
    "mentor.queue": {
        "en": "Waiting:\n{rows}",
        "es": "En espera:\n{rows}",
        "zh": "等待中：\n{rows}",
    },
    "mentor.queue_empty": {
        "en": "Nobody is waiting. 🎉",
        "es": "No hay nadie esperando. 🎉",
        "zh": "没有人在等待。🎉",
    },
    "mentor.mine": {
        "en": "Your open handoffs:\n{rows}",
        "es": "Tus conversaciones abiertas:\n{rows}",
        "zh": "你进行中的对话：\n{rows}",
    },
    "mentor.shift_on": {
        "en": "You're on shift — thank you! You'll be mentioned for requests in {languages}.",
        "es": "Estás de turno, ¡gracias! Te mencionaré en solicitudes en {languages}.",
        "zh": "你已开始值班，谢谢！有 {languages} 的请求时会提醒你。",
    },
    "mentor.shift_off": {
        "en": "You're off shift. Thanks for your time!",
        "es": "Terminaste tu turno. ¡Gracias por tu tiempo!",
        "zh": "你已结束值班。感谢付出！",
    },
    "mentor.languages_set": {
        "en": "Your languages: {languages}.",
        "es": "Tus idiomas: {languages}.",
        "zh": "你的语言：{languages}。",
    },
    "mentor.name_set": {
        "en": 'Newcomers will see you as "{name}".',
        "es": 'Los recién llegados te verán como "{name}".',
        "zh": "新人会看到你的名字是“{name}”。",
    },
    "mentor.usage": {
        "en": "Usage: {usage}",
        "es": "Uso: {usage}",
        "zh": "用法：{usage}",
    },
    "mentor.transcript": {
        "en": "Transcript of #{id} ({state}):\n{lines}",
        "es": "Transcripción de #{id} ({state}):\n{lines}",
        "zh": "#{id} 的对话记录（{state}）：\n{lines}",
    },
    "mentor.blocked": {
        "en": "{user} is blocked: no answers, no mentor requests.",
        "es": "{user} está bloqueado: sin respuestas ni solicitudes de mentor.",
        "zh": "{user} 已被屏蔽：不会收到回答，也不能找导师。",
    },
    "mentor.unblocked": {
        "en": "{user} is unblocked.",
        "es": "{user} ya no está bloqueado.",
        "zh": "{user} 已解除屏蔽。",
    },
    "mentor.start_privately": {
        "en": "(I can't write to you privately yet: open {link} and press Start, then I can pass messages to you there.)",
        "es": "(Aún no puedo escribirte en privado: abre {link} y pulsa Iniciar; después podré pasarte los mensajes allí.)",
        "zh": "（我还不能私聊你：请打开 {link} 并点击“开始”，之后我就能把消息转给你。）",
    },
    "mentor.delivery_failed": {
        "en": "⚠️ I couldn't deliver your message to the newcomer ({reason}).",
        "es": "⚠️ No pude entregar tu mensaje ({reason}).",
        "zh": "⚠️ 无法把你的消息送达新人（{reason}）。",
    },
    "handoff.mentor_changed": {
        "en": "Your mentor is no longer on the mentor team, so you're back in the queue (number {position}). Another mentor will pick it up and can read what you talked about.",
        "es": "Tu mentor ya no forma parte del equipo de mentores, así que vuelves a la cola (número {position}). Otro mentor te atenderá y podrá leer lo que hablaron.",
        "zh": "你的导师已不在导师团队中，你重新回到队列（第 {position} 位）。会有其他导师接手，并能看到你们之前的对话。",
    },
    "mentor.left_team": {
        "en": "↩️ #{id}: {mentor} is no longer a mentor, so the request is back in the queue.",
        "es": "↩️ #{id}: {mentor} ya no es mentor, así que la solicitud vuelve a la cola.",
        "zh": "↩️ #{id}：{mentor} 已不再是导师，请求已回到队列。",
    },
    "mentor.left_team_note": {
        "en": "The previous mentor ({mentor}) left the mentor team mid-conversation.",
        "es": "El mentor anterior ({mentor}) dejó el equipo a mitad de la conversación.",
        "zh": "上一位导师（{mentor}）在对话中途离开了导师团队。",
    },
    "mentor.newcomer_left": {
        "en": "🚪 {name} deleted their data with /forget and left (#{id}). The conversation is closed; nothing more will reach them.",
        "es": "🚪 {name} borró sus datos con /forget y se fue (#{id}). La conversación está cerrada; ya no le llegará nada.",
        "zh": "🚪 {name} 用 /forget 删除了自己的数据并离开了（#{id}）。对话已结束，之后的消息不会再送达。",
    },
    "mentor.withdrawn": {
        "en": "↩️ Request #{id} was withdrawn ({reason}).",
        "es": "↩️ La solicitud #{id} fue retirada ({reason}).",
        "zh": "↩️ 请求 #{id} 已撤回（{reason}）。",
    },
    "mentor.closed_blocked": {
        "en": "⛔ #{id} was closed: the newcomer was blocked.",
        "es": "⛔ #{id} se cerró: la persona fue bloqueada.",
        "zh": "⛔ #{id} 已关闭：该新人已被屏蔽。",
    },
    "admin.reloaded": {
        "en": "Knowledge base reloaded: {added} added, {updated} updated, {removed} removed.",
        "es": "Base de conocimiento recargada: {added} nuevas, {updated} cambiadas, {removed} quitadas.",
        "zh": "知识库已重新加载：新增 {added}，更新 {updated}，删除 {removed}。",
    },
    "admin.index_busy": {
        "en": "Another process is updating the index (guide kb index). Nothing was reloaded: "
        "the bot reloads by itself once it has finished, or try /reload again in a minute.",
        "es": "Otro proceso está actualizando el índice (guide kb index). No se recargó nada: "
        "el bot recarga solo cuando termine, o prueba /reload otra vez en un minuto.",
        "zh": "另一个进程正在更新索引（guide kb index），这次没有重新加载。"
        "它完成后机器人会自动重新加载，也可以一分钟后再发 /reload。",
    },
}
