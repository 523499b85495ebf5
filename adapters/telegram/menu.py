"""The command menus Telegram shows: newcomers' per language, mentors' in the mentor group."""

from __future__ import annotations

NEWCOMER_COMMANDS: dict[str, dict[str, str]] = {
    "en": {
        "start": "Welcome and main topics",
        "help": "What I can do",
        "topics": "Browse topics",
        "language": "Choose my language",
        "mentor": "Talk to a volunteer mentor",
        "cancel": "Leave the mentor queue",
        "end": "End the conversation with a mentor",
        "privacy": "What I store about you",
        "forget": "Delete everything I store about you",
    },
    "es": {
        "start": "Bienvenida y temas principales",
        "help": "Qué puedo hacer",
        "topics": "Explorar temas",
        "language": "Elegir mi idioma",
        "mentor": "Hablar con un mentor voluntario",
        "cancel": "Salir de la cola de mentores",
        "end": "Terminar la conversación con el mentor",
        "privacy": "Qué guardo sobre ti",
        "forget": "Borrar todo lo que guardo sobre ti",
    },
    "zh": {
        "start": "欢迎和主要话题",
        "help": "我能做什么",
        "topics": "浏览话题",
        "language": "选择语言",
        "mentor": "和志愿者导师聊天",
        "cancel": "退出导师排队",
        "end": "结束和导师的对话",
        "privacy": "我会保存你的哪些信息",
        "forget": "删除我保存的关于你的一切",
    },
}

GROUP_COMMANDS: dict[str, str] = {
    "ask": "Ask me a question: /ask how do I sign up",
    "topics": "Browse topics",
    "help": "What I can do",
    "mentor": "Talk to a volunteer mentor (in private)",
}

MENTOR_COMMANDS: dict[str, str] = {
    "queue": "Waiting requests",
    "claim": "Take a request: /claim <id>",
    "release": "Hand it back to the queue: /release [note]",
    "close": "Close the conversation",
    "mine": "Your open handoffs",
    "transcript": "Transcript of a handoff: /transcript <id>",
    "shift": "Start or end your shift: /shift on|off",
    "languages": "Languages you speak: /languages en es zh",
    "name": "The name newcomers see: /name <name>",
    "block": "Stop a user everywhere: /block <platform:user>",
    "unblock": "Allow a user again: /unblock <platform:user>",
    "suggest": "Save your last answer as a draft article: /suggest [title]",
}
