"""Strings of the maintainer tools mentors see (`/suggest`), in en, es and zh."""

from __future__ import annotations

MAINTENANCE_STRINGS: dict[str, dict[str, str]] = {
    "mentor.draft_saved": {
        "en": "Draft saved: {path}; a maintainer will review it.",
        "es": "Borrador guardado: {path}; un mantenedor lo revisará.",
        "zh": "草稿已保存：{path}；维护者会审阅。",
    },
    "mentor.draft_no_answer": {
        "en": "There is no answer of yours in #{id} yet: reply to the newcomer first, then /suggest.",
        "es": "Todavía no hay ninguna respuesta tuya en #{id}: responde primero y luego usa /suggest.",
        "zh": "#{id} 中还没有你的回答：请先回复新人，再使用 /suggest。",
    },
    "mentor.draft_failed": {
        "en": "The draft could not be saved ({reason}). Please tell a maintainer.",
        "es": "No se pudo guardar el borrador ({reason}). Avisa a un mantenedor, por favor.",
        "zh": "草稿保存失败（{reason}）。请告诉维护者。",
    },
}
