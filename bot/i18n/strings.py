"""Every string the bot shows, in en, es and zh (a test checks that all three exist)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # --- welcome, help, menu
    "welcome": {
        "en": (
            "Hi {name}! 👋 I'm the newcomer guide for RedNote (Xiaohongshu, 小红书).\n\n"
            "Ask me anything in your own words — how to sign up, where the translate button "
            'is, what the "cat tax" is, why a post was removed, whether your data is safe. '
            "I answer from a curated, sourced knowledge base and tell you where each answer "
            "comes from. When I don't know, I say so, and a volunteer mentor can help.\n\n"
            "Stuck on a Chinese screen? Send me a screenshot and I'll label its buttons.\n\n"
            "Pick a topic below, or just type your question."
        ),
        "es": (
            "¡Hola, {name}! 👋 Soy la guía para quienes llegan a RedNote (Xiaohongshu, 小红书).\n\n"
            "Pregúntame lo que quieras con tus propias palabras: cómo registrarte, dónde está el "
            'botón de traducir, qué es el "impuesto gatuno", por qué borraron una publicación '
            "o si tus datos están seguros. Respondo con una base de conocimiento revisada y con "
            "fuentes, y siempre te digo de dónde sale cada respuesta. Si no lo sé, te lo digo, y "
            "una persona voluntaria puede ayudarte.\n\n"
            "¿Una pantalla en chino? Envíame una captura y te explico sus botones.\n\n"
            "Elige un tema o escribe tu pregunta."
        ),
        "zh": (
            "{name}，你好！👋 我是小红书（RedNote）新人指南。\n\n"
            '用你自己的话问我就行：怎么注册、翻译按钮在哪、"猫税"是什么、帖子为什么被删、'
            "数据安不安全。我的回答都来自经过整理、注明出处的知识库，每条回答都会告诉你来源。"
            "不知道的我会直说，也可以请志愿者导师帮你。\n\n"
            "看不懂某个界面？发截图给我，我来标注上面的按钮。\n\n"
            "选一个话题，或者直接输入你的问题。"
        ),
    },
    "help.header": {
        "en": "Just type a question, in English, Spanish or Chinese, or send a screenshot of the app to have its Chinese labelled. Commands:",
        "es": "Escribe tu pregunta en español, inglés o chino, o envía una captura de la app para que te explique sus textos en chino. Comandos:",
        "zh": "直接输入问题即可，中文、英文、西班牙文都行；也可以发应用截图，我来标注上面的中文。命令：",
    },
    "mentor_help.header": {
        "en": "Mentor commands (in the mentor room, in a handoff's thread, or in private):",
        "es": "Comandos para mentores (en la sala de mentores, en el hilo de una conversación o en privado):",
        "zh": "导师命令（可在导师群、对话帖子或私聊中使用）：",
    },
    "menu.intro": {
        "en": (
            "Hi! Ask me anything about RedNote in your own words, or pick a topic below. I "
            "answer from a guide volunteers keep sourced, and a volunteer mentor is one tap away."
        ),
        "es": (
            "¡Hola! Pregúntame lo que quieras sobre RedNote o elige un tema. Respondo con una "
            "guía con fuentes que mantienen personas voluntarias, y una persona mentora está a un "
            "toque."
        ),
        "zh": "你好！关于小红书的任何问题都可以直接问我，或者选一个话题。我的回答来自志愿者维护、"
        "注明来源的指南；需要的话，一键就能找志愿者导师。",
    },
    "topics.title": {
        "en": "What would you like to read about?",
        "es": "¿Sobre qué quieres leer?",
        "zh": "你想了解哪方面？",
    },
    "topics.category": {
        "en": "{category} — pick an article:",
        "es": "{category}: elige un artículo:",
        "zh": "{category}——选择一篇文章：",
    },
    "topics.article": {
        "en": "{title}\n\n{summary}\n\nPick a question:",
        "es": "{title}\n\n{summary}\n\nElige una pregunta:",
        "zh": "{title}\n\n{summary}\n\n选择一个问题：",
    },
    "button.back": {"en": "« Topics", "es": "« Temas", "zh": "« 话题"},
    "button.more": {"en": "More ›", "es": "Más ›", "zh": "更多 ›"},
    "button.sources": {"en": "🔗 Sources", "es": "🔗 Fuentes", "zh": "🔗 来源"},
    "button.mentor": {
        "en": "🙋 Talk to a mentor",
        "es": "🙋 Hablar con una persona",
        "zh": "🙋 找导师聊聊",
    },
    "category.getting-started": {"en": "Getting started", "es": "Primeros pasos", "zh": "入门"},
    "category.app-how-to": {"en": "Using the app", "es": "Usar la app", "zh": "使用应用"},
    "category.translation-language": {
        "en": "Translation & language",
        "es": "Traducción e idioma",
        "zh": "翻译与语言",
    },
    "category.rules-moderation": {
        "en": "Rules & moderation",
        "es": "Normas y moderación",
        "zh": "规则与审核",
    },
    "category.etiquette-culture": {
        "en": "Etiquette & culture",
        "es": "Etiqueta y cultura",
        "zh": "礼仪与文化",
    },
    "category.slang": {"en": "Slang", "es": "Jerga", "zh": "网络用语"},
    "category.privacy-safety": {
        "en": "Privacy & safety",
        "es": "Privacidad y seguridad",
        "zh": "隐私与安全",
    },
    "category.news-context": {
        "en": "News & context",
        "es": "Noticias y contexto",
        "zh": "新闻背景",
    },
    "category.creators-shopping": {
        "en": "Creating & shopping",
        "es": "Crear y comprar",
        "zh": "创作与购物",
    },
    "category.this-community": {
        "en": "This bot & mentors",
        "es": "Este bot y los mentores",
        "zh": "本机器人与导师",
    },
    # --- answers
    "answer.on_screen": {
        "en": "📱 In the app:",
        "es": "📱 En la app:",
        "zh": "📱 应用里：",
    },
    "answer.source": {
        "en": "📖 Source: {title}",
        "es": "📖 Fuente: {title}",
        "zh": "📖 来源：{title}",
    },
    "answer.also": {
        "en": "Your question is just as close to this, from “{title}”:",
        "es": "Tu pregunta está igual de cerca de esto, de «{title}»:",
        "zh": "你的问题同样接近下面这段，出自《{title}》：",
    },
    "answer.also_named": {
        "en": "Did you mean “{heading}”? That is in “{title}”, below.",
        "es": "¿Buscabas «{heading}»? Está en «{title}», abajo.",
        "zh": "你是不是想问“{heading}”？见下方的“{title}”。",
    },
    "answer.only_in": {
        "en": "(This answer is only written in {language} so far.)",
        "es": "(Esta respuesta por ahora solo está escrita en {language}.)",
        "zh": "（这条回答目前只有{language}版本。）",
    },
    "answer.sources_list": {
        "en": 'Sources for "{title}" (last reviewed {reviewed}):\n{sources}',
        "es": 'Fuentes de "{title}" (revisado el {reviewed}):\n{sources}',
        "zh": "《{title}》的来源（最后审核：{reviewed}）：\n{sources}",
    },
    "language.en": {"en": "English", "es": "inglés", "zh": "英文"},
    "language.es": {"en": "Spanish", "es": "español", "zh": "西班牙文"},
    "language.zh": {"en": "Chinese", "es": "chino", "zh": "中文"},
    "unsure.text": {
        "en": (
            "I'm not sure I have a good answer to that, and I'd rather not guess. "
            "You can rephrase it, or ask a volunteer mentor."
        ),
        "es": (
            "No estoy segura de tener una buena respuesta y prefiero no adivinar. "
            "Puedes reformular la pregunta o hablar con una persona voluntaria."
        ),
        "zh": "这个问题我没有把握回答好，不想乱猜。你可以换个说法，或者请志愿者导师帮忙。",
    },
    "unsure.out_of_scope": {
        "en": (
            "That sounds outside what I know: I only answer questions about RedNote and this "
            "community, from a guide volunteers keep sourced, and I have no live data such as "
            "prices, counts or news of today. A volunteer mentor may still be able to help."
        ),
        "es": (
            "Eso parece quedar fuera de lo que sé: solo respondo preguntas sobre RedNote y esta "
            "comunidad, con una guía con fuentes que mantienen personas voluntarias, y no tengo "
            "datos en vivo como precios, cifras o noticias de hoy. Una persona voluntaria quizá "
            "pueda ayudarte."
        ),
        "zh": (
            "这个问题好像超出了我的范围：我只根据志愿者维护、注明来源的指南回答关于小红书和本社区的问题，"
            "也没有价格、实时数据或今天的新闻这类信息。志愿者导师或许能帮上忙。"
        ),
    },
    "unsure.live_data": {
        "en": (
            "I can't see live figures: prices, exchange rates, the weather, or how many people "
            "are online or following someone right now. What I know comes from a guide with "
            "dated sources, and where it has a figure it says when that was true. The app "
            "itself or a news site will have today's numbers; a volunteer mentor may help too."
        ),
        "es": (
            "No puedo ver cifras en vivo: precios, tipos de cambio, el clima, ni cuánta gente "
            "está conectada o sigue a alguien ahora mismo. Lo que sé viene de una guía con "
            "fuentes fechadas y, cuando da una cifra, dice cuándo era cierta. La propia app o un "
            "sitio de noticias tendrán las cifras de hoy; una persona voluntaria también puede "
            "ayudarte."
        ),
        "zh": (
            "我看不到实时数据：价格、汇率、天气，或者此刻有多少人在线、某个账号有多少粉丝。我知道的内容来自"
            "一份注明来源和日期的指南，提到数字时会说明是什么时候的数据。最新数字请查看小红书本身或新闻网站；"
            "志愿者导师也可能帮得上忙。"
        ),
    },
    "unsure.own_case": {
        "en": (
            "I can't see anyone's account, appeal or report, so I can't tell where yours stands "
            "or when RedNote will answer. What I can share is how the process works, from a "
            "sourced guide; a volunteer mentor may help too."
        ),
        "es": (
            "No puedo ver cuentas, apelaciones ni denuncias, así que no sé cómo va la tuya ni "
            "cuándo responderá RedNote. Sí puedo contarte cómo funciona el proceso, según una "
            "guía con fuentes; una persona voluntaria también puede ayudarte."
        ),
        "zh": "我看不到任何人的账号、申诉或举报，所以没法知道你的进度，也不知道小红书什么时候回复。"
        "我可以根据有来源的指南讲讲流程是怎样的；志愿者导师也可能帮得上忙。",
    },
    "unsure.prediction": {
        "en": (
            "I can't tell what will happen: nobody can promise what RedNote, a government or a "
            "court will do next. I can share what has happened so far, with dates and sources."
        ),
        "es": (
            "No puedo saber qué pasará: nadie puede prometer lo que harán RedNote, un gobierno o "
            "un tribunal. Sí puedo contarte lo que ha pasado hasta ahora, con fechas y fuentes."
        ),
        "zh": "我没法预测以后会怎样：没人能保证小红书、某国政府或法院接下来会怎么做。"
        "我可以告诉你到目前为止发生了什么，附上日期和来源。",
    },
    "unsure.unseen": {
        "en": (
            "I can't see what you're looking at. Send a screenshot of it and I'll read the "
            "Chinese labels on it, or tell me the words you see and what you were trying to do."
        ),
        "es": (
            "No puedo ver lo que estás mirando. Envíame una captura de pantalla y leeré las "
            "etiquetas en chino, o dime qué palabras ves y qué intentabas hacer."
        ),
        "zh": "我看不到你眼前的内容。发一张截图给我，我会读出上面的中文标签；或者告诉我你看到的文字、想做什么。",
    },
    "unsure.prediction_so_far": {
        "en": (
            "I can't tell what will happen: nobody can promise what RedNote, a government or a "
            "court will do next. Here is what has happened so far:"
        ),
        "es": (
            "No puedo saber qué pasará: nadie puede prometer lo que harán RedNote, un gobierno o "
            "un tribunal. Esto es lo que ha pasado hasta ahora:"
        ),
        "zh": "我没法预测以后会怎样：没人能保证小红书、某国政府或法院接下来会怎么做。到目前为止的情况是这样的：",
    },
    "unsure.opinion": {
        "en": (
            "I can't speak for what a whole people thinks or is like: views differ from person "
            "to person, and no sourced guide can sum them up. I can share what the articles say "
            "about the topic on RedNote."
        ),
        "es": (
            "No puedo hablar por lo que piensa o cómo es todo un pueblo: cada persona opina "
            "distinto y ninguna guía con fuentes puede resumirlo. Sí puedo contarte lo que dicen "
            "los artículos sobre el tema en RedNote."
        ),
        "zh": "我没法替一整个群体说他们怎么想、是什么样：每个人的看法都不同，任何有来源的指南都概括不了。"
        "我可以告诉你文章里关于这个话题在小红书上的情况。",
    },
    "unsure.account": {
        "en": (
            "I can't look up or judge a particular account: I don't see RedNote's users, and "
            "I won't guess about a real person. I can explain how to spot fake accounts and how "
            "to report one."
        ),
        "es": (
            "No puedo buscar ni juzgar una cuenta concreta: no veo a los usuarios de RedNote y "
            "no voy a adivinar sobre una persona real. Sí puedo explicarte cómo reconocer cuentas "
            "falsas y cómo denunciarlas."
        ),
        "zh": "我没法查询或评判某个具体账号：我看不到小红书的用户，也不会对真实的人乱猜。"
        "我可以讲讲怎么识别假账号、怎么举报。",
    },
    "unsure.closest": {
        "en": "The closest topics I know:",
        "es": "Los temas más cercanos que conozco:",
        "zh": "我知道的最相近的话题：",
    },
    "feedback.thanks_up": {
        "en": "Thanks for the 👍 — glad it helped!",
        "es": "¡Gracias por el 👍! Me alegra haber ayudado.",
        "zh": "谢谢你的 👍，很高兴帮到你！",
    },
    "feedback.thanks_down": {
        "en": "Thanks for telling me. Sorry that didn't help — would you like a person to help?",
        "es": "Gracias por decírmelo. Siento no haber ayudado. ¿Quieres que te ayude una persona?",
        "zh": "谢谢反馈，抱歉没帮上忙。要不要请一位真人导师帮你？",
    },
    "feedback.not_yours": {
        "en": "Only the person who asked can rate this answer.",
        "es": "Solo quien hizo la pregunta puede valorar esta respuesta.",
        "zh": "只有提问的人可以评价这条回答。",
    },
    # --- declines
    "decline.account_intrusion": {
        "en": "I can't help with getting into someone else's account — that's against RedNote's rules and the law.",
        "es": "No puedo ayudar a entrar en la cuenta de otra persona: va contra las normas de RedNote y contra la ley.",
        "zh": "我不能帮忙进入别人的账号——这违反小红书的规则，也违法。",
    },
    "decline.fake_engagement": {
        "en": "I can't help with buying followers or faking likes and views — RedNote bans fake accounts and mass-liking.",
        "es": "No puedo ayudar a comprar seguidores ni a falsear me gusta o vistas: RedNote sanciona las cuentas falsas y los likes masivos.",
        "zh": "我不能帮忙买粉或刷赞刷量——小红书会处罚虚假账号和批量点赞。",
    },
    "decline.evade_moderation": {
        "en": "I can't help with getting around moderation or a ban. I can explain what the rules say, and how penalties and appeals work.",
        "es": "No puedo ayudar a esquivar la moderación o un baneo. Sí puedo explicarte qué dicen las normas y cómo funcionan las sanciones y apelaciones.",
        "zh": "我不能帮忙绕过审核或封禁。不过我可以讲讲规则怎么说，以及处罚和申诉是怎么回事。",
    },
    "decline.scam": {
        "en": "I can't help with getting money out of people, pretending to be someone official, or faking a verification. I can explain how to spot and report scams.",
        "es": "No puedo ayudar a sacarle dinero a nadie, a hacerse pasar por alguien oficial ni a falsificar una verificación. Sí puedo explicarte cómo reconocer y denunciar estafas.",
        "zh": "我不能帮忙骗钱、冒充官方或伪造认证。不过我可以讲讲怎么识别和举报诈骗。",
    },
    "decline.identity_fraud": {
        "en": "I can't help with verifying an account under someone else's identity or a fake or bought ID. I can explain what real-name verification asks for and what works from abroad.",
        "es": "No puedo ayudar a verificar una cuenta con la identidad de otra persona ni con un documento falso o comprado. Sí puedo explicarte qué pide la verificación con nombre real y qué funciona desde el extranjero.",
        "zh": "我不能帮忙用别人的身份、假证件或买来的证件做认证。不过我可以讲讲实名认证需要什么，以及在海外怎么办。",
    },
    "decline.content_theft": {
        "en": "I can't help with reposting other people's work as your own. I can explain how reposting, credit and watermarks work on RedNote.",
        "es": "No puedo ayudar a publicar el trabajo de otras personas como propio. Sí puedo explicarte cómo funcionan en RedNote las republicaciones, los créditos y las marcas de agua.",
        "zh": "我不能帮忙把别人的作品当成自己的发。不过我可以讲讲小红书上转载、注明出处和水印是怎么回事。",
    },
    "decline.sexual_minors": {
        "en": "No. Sexual content involving minors is illegal and harmful, and I won't help find or share it. If you have seen it, report it in the app.",
        "es": "No. El contenido sexual con menores es ilegal y dañino, y no voy a ayudar a buscarlo ni a compartirlo. Si lo has visto, denúncialo en la app.",
        "zh": "不行。涉及未成年人的色情内容违法且有害，我不会帮忙查找或传播。如果你看到了，请在应用里举报。",
    },
    "decline.non_consensual": {
        "en": "I can't help with filming or sharing anyone without their consent. It hurts people and breaks RedNote's rules and the law.",
        "es": "No puedo ayudar a grabar ni a compartir imágenes de nadie sin su consentimiento. Hace daño y va contra las normas de RedNote y contra la ley.",
        "zh": "我不能帮忙偷拍或未经同意传播任何人的影像。这会伤害别人，也违反小红书的规则和法律。",
    },
    "decline.illegal_goods": {
        "en": "I can't help with selling or buying weapons, drugs or other restricted goods. I can explain what RedNote's rules allow to be sold.",
        "es": "No puedo ayudar a vender ni a comprar armas, drogas u otros artículos restringidos. Sí puedo explicarte qué permiten vender las normas de RedNote.",
        "zh": "我不能帮忙买卖武器、毒品或其他违禁物品。不过我可以讲讲小红书规则允许卖什么。",
    },
    "decline.doxxing": {
        "en": "I can't help find someone's identity, address or other private details. Sharing people's private information is not OK, here or on RedNote.",
        "es": "No puedo ayudar a averiguar la identidad, la dirección u otros datos privados de alguien.",
        "zh": "我不能帮忙查别人的身份、住址或其他隐私信息。",
    },
    "decline.harassment": {
        "en": "I can't help with targeting or harassing anyone. If someone is bothering you, I can explain how reporting works.",
        "es": "No puedo ayudar a acosar a nadie. Si alguien te molesta, puedo explicarte cómo denunciarlo.",
        "zh": "我不能帮忙针对或骚扰任何人。如果有人骚扰你，我可以告诉你怎么举报。",
    },
    "decline.concealment": {
        "en": "I can't help with hiding something from RedNote's checks or from the people it affects, or with passing off something fake as real. I can explain what the rules say and how penalties work.",
        "es": "No puedo ayudar a ocultarle algo a los controles de RedNote o a las personas afectadas, ni a hacer pasar algo falso por real. Sí puedo explicarte qué dicen las normas y cómo funcionan las sanciones.",
        "zh": "我不能帮忙瞒过小红书的审核或相关的人，也不能帮忙以假乱真。不过我可以讲讲规则怎么说，以及处罚是怎么回事。",
    },
    "decline.politics": {
        "en": "I don't give verdicts on political questions. What I can share is what RedNote's rules say about sensitive topics and what the community advises newcomers.",
        "es": "No doy opiniones sobre cuestiones políticas. Sí puedo contarte qué dicen las normas de RedNote sobre temas sensibles y qué aconseja la comunidad.",
        "zh": "我不对政治问题下结论。我可以告诉你小红书规则对敏感话题怎么说，以及社区给新人的建议。",
    },
    "decline.write_content": {
        "en": "I don't write posts, captions or roasts for people: I'm a guide that answers questions about RedNote from sourced articles. I can tell you what makes a good note and what the rules say.",
        "es": "No escribo publicaciones, pies de foto ni roasts: soy una guía que responde preguntas sobre RedNote con artículos con fuentes. Sí puedo contarte qué hace buena una nota y qué dicen las normas.",
        "zh": "我不代写笔记、文案或吐槽段子：我只是根据有来源的文章回答关于小红书的问题。不过我可以告诉你怎样写好一篇笔记，以及规则怎么说。",
    },
    "decline.examples": {
        "en": "I can't help with that one: requests like it go against RedNote's rules or could hurt someone. If I misread you, say it another way, or ask a volunteer mentor.",
        "es": "No puedo ayudar con eso: pedidos así van contra las normas de RedNote o pueden hacerle daño a alguien. Si te entendí mal, dilo de otra forma o habla con una persona voluntaria.",
        "zh": "这个我帮不了：类似的请求违反小红书的规则，或者可能伤害到别人。如果我理解错了，请换个说法，或者请志愿者导师帮忙。",
    },
    "decline.read_more": {
        "en": "See: {title}",
        "es": "Mira: {title}",
        "zh": "参见：{title}",
    },
    # --- input edge cases
    "input.empty": {
        "en": "I didn't catch any words there. Type your question and I'll look it up.",
        "es": "No he visto ninguna palabra. Escribe tu pregunta y la busco.",
        "zh": "我没看到文字。输入你的问题，我来帮你查。",
    },
    "input.attachment": {
        "en": "I can't hear voice messages or see stickers and videos, so please type your question. Screenshots of the app are fine: send one as a photo and I'll label its Chinese for you.",
        "es": "No puedo oír audios ni ver stickers o vídeos, así que escribe tu pregunta, por favor. Las capturas de la app sí: envía una como foto y te traduzco sus textos en chino.",
        "zh": "我听不了语音，也看不了表情包和视频，请把问题打出来。应用截图可以：作为图片发给我，我会标注上面的中文。",
    },
    "input.too_long": {
        "en": "That's a long message! I read the first part of it.",
        "es": "¡Qué mensaje tan largo! He leído la primera parte.",
        "zh": "消息有点长！我只读了开头部分。",
    },
    "input.unknown_command": {
        "en": "I don't know the command {command}. /help lists what I can do — or just type your question.",
        "es": "No conozco el comando {command}. /help muestra lo que puedo hacer, o escribe tu pregunta.",
        "zh": "我不认识 {command} 这个命令。/help 可以查看我能做什么，或者直接输入问题。",
    },
    "input.button_stale": {
        "en": "Sorry, that button no longer works. Type /help to start again.",
        "es": "Lo siento, ese botón ya no funciona. Escribe /help para empezar de nuevo.",
        "zh": "抱歉，这个按钮已失效。输入 /help 重新开始。",
    },
    "input.flood": {
        "en": "You're sending messages faster than I can read them 🙂 Give me a few seconds, then ask again.",
        "es": "Me escribes más rápido de lo que puedo leer. Espera unos segundos y vuelve a preguntar.",
        "zh": "你发得太快啦，我读不过来。请稍等几秒再问。",
    },
    "input.group_private": {
        "en": "Let's continue in a private chat: {link}",
        "es": "Sigamos en un chat privado: {link}",
        "zh": "我们私聊继续吧：{link}",
    },
    # --- groups
    "group.welcome": {
        "en": (
            "Welcome, {names}! 👋 I'm the newcomer guide for RedNote. Ask me here by mentioning "
            "me or replying to me, with /ask <your question>, or privately for a longer chat."
        ),
        "es": (
            "¡Bienvenidos, {names}! 👋 Soy la guía para recién llegados a RedNote. Pregúntame "
            "aquí mencionándome o respondiéndome, con /ask <tu pregunta>, o en privado."
        ),
        "zh": "欢迎 {names}！👋 我是小红书新人指南。在群里@我或回复我提问，也可以用 /ask <问题>，或者私聊我。",
    },
    "group.private_chat": {"en": "Chat privately", "es": "Hablar en privado", "zh": "私聊"},
    # --- language
    "language.pick": {
        "en": "Which language should I use?",
        "es": "¿En qué idioma te hablo?",
        "zh": "你希望我用哪种语言？",
    },
    "language.set": {
        "en": "Done — I'll answer in English.",
        "es": "Listo: te responderé en español.",
        "zh": "好的，我会用中文回答。",
    },
    "language.unknown": {
        "en": "I speak English (en), Spanish (es) and Chinese (zh). Try /language es",
        "es": "Hablo inglés (en), español (es) y chino (zh). Prueba /language es",
        "zh": "我会说英文 (en)、西班牙文 (es) 和中文 (zh)。试试 /language zh",
    },
    # --- privacy
    "privacy": {
        "en": (
            "What I store about you:\n"
            "• your platform user id, first name and chosen language\n"
            "• your messages to me and my answers, and your 👍/👎 feedback\n"
            "• if you talk to a mentor: the transcript and your rating\n\n"
            "Message logs and transcripts are deleted automatically after {days} days. "
            "/forget deletes everything now. Mentors see only your first name and the "
            "conversation. This bot is run by volunteers and is not part of RedNote."
        ),
        "es": (
            "Qué guardo sobre ti:\n"
            "• tu id de usuario en la plataforma, tu nombre y el idioma elegido\n"
            "• tus mensajes, mis respuestas y tus valoraciones 👍/👎\n"
            "• si hablas con un mentor: la transcripción y tu valoración\n\n"
            "Los mensajes y transcripciones se borran solos a los {days} días. "
            "/forget lo borra todo ahora. Los mentores solo ven tu nombre y la conversación. "
            "Este bot lo llevan voluntarios y no forma parte de RedNote."
        ),
        "zh": (
            "我保存的关于你的信息：\n"
            "• 你在平台上的用户 ID、名字和所选语言\n"
            "• 你发给我的消息、我的回答，以及你的 👍/👎 反馈\n"
            "• 如果你和导师聊过：对话记录和你的评分\n\n"
            "消息记录和对话记录会在 {days} 天后自动删除。/forget 可以立即删除全部。"
            "导师只能看到你的名字和对话内容。本机器人由志愿者运营，不隶属于小红书。"
        ),
    },
    "forget.confirm": {
        "en": "This deletes your profile, messages, feedback and mentor transcripts, and cannot be undone. Delete everything?",
        "es": "Esto borra tu perfil, mensajes, valoraciones y transcripciones, y no se puede deshacer. ¿Borrar todo?",
        "zh": "这会删除你的资料、消息、反馈和导师对话记录，且无法恢复。确定全部删除吗？",
    },
    "forget.yes": {"en": "🗑 Yes, delete everything", "es": "🗑 Sí, borrar todo", "zh": "🗑 确定删除"},
    "forget.no": {"en": "Keep my data", "es": "Conservar mis datos", "zh": "保留"},
    "forget.done": {
        "en": "Done. Everything I stored about you has been deleted. If you write again, I'll start fresh.",
        "es": "Hecho. He borrado todo lo que guardaba sobre ti. Si vuelves a escribir, empezamos de cero.",
        "zh": "已完成。我保存的关于你的一切都已删除。如果你再来找我，一切重新开始。",
    },
    "forget.kept": {
        "en": "OK, nothing was deleted.",
        "es": "De acuerdo, no se ha borrado nada.",
        "zh": "好的，什么都没有删除。",
    },
}

from bot.i18n.dashboard_strings import DASHBOARD_STRINGS  # noqa: E402
from bot.i18n.handoff_strings import HANDOFF_STRINGS  # noqa: E402
from bot.i18n.maintenance_strings import MAINTENANCE_STRINGS  # noqa: E402
from bot.i18n.screen_strings import SCREEN_STRINGS  # noqa: E402

STRINGS.update(HANDOFF_STRINGS)
STRINGS.update(MAINTENANCE_STRINGS)
STRINGS.update(DASHBOARD_STRINGS)
STRINGS.update(SCREEN_STRINGS)
