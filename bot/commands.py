"""The one command registry: every command's name, who may run it, what it says in en/es/zh,
its arguments and its handler. The engine dispatches from it; the help texts, Telegram's
command menus and Discord's slash commands are generated from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot import newcomer
from bot.context import Call, Context
from bot.dashboard import chat as dashboard
from bot.handoff import commands as mentor
from bot.handoff.membership import enrol, is_admin, is_mentor
from bot.i18n import t
from bot.maintenance.suggest import suggest
from bot.models import Outgoing

Who = Literal["newcomer", "mentor", "admin"]
Handler = Callable[[Context, Call], list[Outgoing]]


@dataclass(frozen=True)
class Arg:
    """A command's argument, for the slash-command form and the usage line."""

    name: str
    kind: Literal["text", "int", "choice"]
    description: str
    required: bool = True
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Command:
    """One command. `group`: offered in group chats too. `escapes`: during a conversation
    with a mentor it runs instead of being passed on to the mentor."""

    name: str
    who: Who
    description: dict[str, str]
    handler: Handler
    args: tuple[Arg, ...] = ()
    group: bool = False
    escapes: bool = False
    platforms: tuple[str, ...] = ("telegram", "discord", "console")

    @property
    def usage(self) -> str:
        words = [f"<{a.name}>" if a.required else f"[{a.name}]" for a in self.args]
        return " ".join([f"/{self.name}", *words])


def _help(ctx: Context, call: Call) -> list[Outgoing]:
    if call.event.chat_kind == "mentor_room" and is_mentor(ctx, call.sender):
        return _mentor_help(ctx, call)
    return [ctx.say.reply(call.address, help_text("newcomer", call.lang))]


def _mentor_help(ctx: Context, call: Call) -> list[Outgoing]:
    return [ctx.say.reply(call.address, help_text("mentor", call.lang))]


def _d(en: str, es: str, zh: str) -> dict[str, str]:
    return {"en": en, "es": es, "zh": zh}


ID = Arg("id", "int", "The request number (see /queue)")
USER = Arg("user", "text", "platform:id, for example discord:1234 or telegram:5678")

COMMANDS: tuple[Command, ...] = (
    Command(
        "start",
        "newcomer",
        _d("Welcome and main topics", "Bienvenida y temas principales", "欢迎和主要话题"),
        newcomer.start,
        escapes=True,
        platforms=("telegram", "console"),
    ),
    Command(
        "help",
        "newcomer",
        _d("What I can do", "Qué puedo hacer", "我能做什么"),
        _help,
        group=True,
        escapes=True,
    ),
    Command(
        "topics",
        "newcomer",
        _d("Browse the guide by topic", "Explorar la guía por temas", "按话题浏览指南"),
        newcomer.topics,
        group=True,
    ),
    Command(
        "language",
        "newcomer",
        _d("Choose my language", "Elegir mi idioma", "选择语言"),
        newcomer.language,
        args=(Arg("code", "choice", "en, es or zh", required=False, choices=("en", "es", "zh")),),
        escapes=True,
    ),
    Command(
        "mentor",
        "newcomer",
        _d(
            "Talk to a volunteer mentor (a real person)",
            "Hablar con un mentor voluntario (una persona)",
            "找志愿者导师（真人）聊聊",
        ),
        newcomer.mentor,
        group=True,
    ),
    Command(
        "cancel",
        "newcomer",
        _d("Leave the mentor queue", "Salir de la cola de mentores", "退出导师排队"),
        newcomer.leave_handoff,
        escapes=True,
    ),
    Command(
        "end",
        "newcomer",
        _d(
            "End the conversation with a mentor",
            "Terminar la conversación con el mentor",
            "结束和导师的对话",
        ),
        newcomer.leave_handoff,
        escapes=True,
    ),
    Command(
        "privacy",
        "newcomer",
        _d("What I store about you", "Qué guardo sobre ti", "我会保存你的哪些信息"),
        newcomer.privacy,
        escapes=True,
    ),
    Command(
        "forget",
        "newcomer",
        _d(
            "Delete everything I store about you",
            "Borrar todo lo que guardo sobre ti",
            "删除我保存的关于你的一切",
        ),
        newcomer.forget,
        escapes=True,
    ),
    Command(
        "ask",
        "newcomer",
        _d("Ask me a question", "Hazme una pregunta", "问我一个问题"),
        newcomer.ask_command,
        args=(Arg("question", "text", "Your question, in your own words"),),
        group=True,
    ),
    Command(
        "queue",
        "mentor",
        _d("Requests waiting for a mentor", "Solicitudes en espera", "正在等待的请求"),
        mentor.queue,
    ),
    Command(
        "claim",
        "mentor",
        _d(
            "Take a request (or press its Claim button)",
            "Tomar una solicitud (o pulsa su botón)",
            "接手一个请求（或点击“接手”按钮）",
        ),
        mentor.claim,
        args=(ID,),
    ),
    Command(
        "release",
        "mentor",
        _d(
            "Hand it back to the queue with a note for the next mentor",
            "Devolverla a la cola con una nota",
            "退回队列，并给下一位导师留言",
        ),
        mentor.release,
        args=(Arg("note", "text", "A note for the next mentor", required=False),),
    ),
    Command(
        "close",
        "mentor",
        _d("Close the conversation you are in", "Cerrar la conversación", "结束当前对话"),
        mentor.close,
    ),
    Command(
        "mine",
        "mentor",
        _d("Your open handoffs", "Tus conversaciones abiertas", "你正在处理的对话"),
        mentor.mine,
    ),
    Command(
        "transcript",
        "mentor",
        _d(
            "The transcript of a handoff you hold or held",
            "La transcripción de una conversación tuya",
            "查看你处理过的对话记录",
        ),
        mentor.transcript,
        args=(Arg("id", "int", "The request number"),),
    ),
    Command(
        "shift",
        "mentor",
        _d("Start or end your shift", "Empezar o terminar tu turno", "开始或结束值班"),
        mentor.shift,
        args=(Arg("state", "choice", "on or off", choices=("on", "off")),),
    ),
    Command(
        "languages",
        "mentor",
        _d("The languages you speak", "Los idiomas que hablas", "你会说的语言"),
        mentor.languages,
        args=(Arg("codes", "text", "For example: en es zh"),),
    ),
    Command(
        "name",
        "mentor",
        _d("The name newcomers see", "El nombre que ven los recién llegados", "新人看到的名字"),
        mentor.name,
        args=(Arg("display", "text", "Your display name"),),
    ),
    Command(
        "block",
        "mentor",
        _d("Stop a user everywhere", "Bloquear a un usuario en todas partes", "在所有平台屏蔽用户"),
        mentor.block,
        args=(USER,),
    ),
    Command(
        "unblock",
        "mentor",
        _d("Allow a blocked user again", "Volver a permitir a un usuario", "解除屏蔽用户"),
        mentor.unblock,
        args=(USER,),
    ),
    Command(
        "suggest",
        "mentor",
        _d(
            "Turn your last answer in this handoff into an article draft",
            "Convertir tu última respuesta en un borrador de artículo",
            "把你在这次对话中的最后一条回答变成文章草稿",
        ),
        suggest,
        args=(Arg("title", "text", "A title for the draft", required=False),),
    ),
    Command(
        "mentorhelp",
        "mentor",
        _d("The mentor commands", "Los comandos para mentores", "导师命令列表"),
        _mentor_help,
    ),
    Command(
        "dashboard",
        "mentor",
        _d(
            "A one-time link to the web dashboard (in a private chat)",
            "Un enlace de un solo uso al panel web (en un chat privado)",
            "网页控制台的一次性登录链接（请在私聊中使用）",
        ),
        dashboard.dashboard,
        platforms=("telegram", "discord"),
    ),
    Command(
        "logout",
        "mentor",
        _d(
            "Sign out of the web dashboard everywhere",
            "Cerrar sesión en el panel web en todas partes",
            "退出所有网页控制台会话",
        ),
        dashboard.logout,
        platforms=("telegram", "discord"),
    ),
    Command(
        "reload",
        "admin",
        _d(
            "Load changed articles now",
            "Cargar ahora los artículos modificados",
            "立即加载修改过的文章",
        ),
        mentor.reload,
    ),
)
REGISTRY: dict[str, Command] = {command.name: command for command in COMMANDS}


def listed(who: Who, platform: str | None = None) -> list[Command]:
    """The commands a kind of user is offered (mentors' list includes the admin's)."""
    kinds = ("newcomer",) if who == "newcomer" else ("mentor", "admin")
    return [
        command
        for command in COMMANDS
        if command.who in kinds and (platform is None or platform in command.platforms)
    ]


def help_text(who: Who, lang: str) -> str:
    """The help message, generated from the registry."""
    lines = [
        f"{command.usage} — {command.description.get(lang) or command.description['en']}"
        for command in listed(who)
        if command.name != "start"
    ]
    header = "help.header" if who == "newcomer" else "mentor_help.header"
    return "\n".join([t(header, lang), *lines])


def run(ctx: Context, call: Call) -> list[Outgoing]:
    """Run a registered command for a sender allowed to; a polite no otherwise."""
    command = REGISTRY[call.name]
    sender = call.sender
    if command.who == "admin" and not is_admin(ctx, sender.ref):
        return [ctx.say.reply(call.address, t("mentor.only_mentors", call.lang))]
    if command.who == "mentor":
        if not is_mentor(ctx, sender):
            return [ctx.say.reply(call.address, t("mentor.only_mentors", call.lang))]
        enrol(ctx, sender, call.now)
    return command.handler(ctx, call)
