"""The command menus Telegram shows, generated from the core's command registry."""

from __future__ import annotations

from bot.commands import listed

PLATFORM = "telegram"
LANGUAGES = ("en", "es", "zh")


def private_menu(lang: str) -> dict[str, str]:
    """Newcomers' commands in a private chat, described in `lang`."""
    return {
        command.name: command.description.get(lang) or command.description["en"]
        for command in listed("newcomer", PLATFORM)
    }


def group_menu() -> dict[str, str]:
    """The few commands offered in groups (the rest happen in private)."""
    return {
        command.name: command.description["en"]
        for command in listed("newcomer", PLATFORM)
        if command.group
    }


def mentor_menu() -> dict[str, str]:
    """Mentors' commands, shown in the mentor group."""
    return {command.name: command.description["en"] for command in listed("mentor", PLATFORM)}
