"""Offline language detection for the three languages the bot speaks."""

from __future__ import annotations

import re

from bot.text import HAN, HAN_CHAR

SUPPORTED = ("en", "es", "zh")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[a-záéíóúüñ]+")
_SPANISH = frozenset(
    """
    que qué como cómo cuál cual cuándo cuando dónde donde por porque para puedo puede
    tengo tiene es son está estan están esta el la los las un una unos unas y o de del
    en con mi mis tu tus su sus lo le al se si sí hay hola gracias ayuda cuenta
    aplicación aplicacion idioma número numero teléfono telefono publicación publicacion
    pago pagar significa quiero necesito hablar persona también tambien sin nada muy eso
    esto ese chino china gato impuesto cambio cambiar ingles inglés español espanol hago
    hacer funciona sale pero ya otra otro subir publicar traducir traductor botón boton
    seguidores baneo baneada baneado bloqueada bloqueado bloquearon código codigo mensaje
    mensajes verificación verificacion celular contraseña contrasena borrar borraron
    usar sirve nadie alguien porqué cuánto cuanto ahora todavía todavia llega llego llegó
    dice dicen pongo puse mucho mucha muchos muchas soy eres somos estoy estás estas nuevo
    nueva aca acá aquí aqui onda vos podes podés puedes sabes sabés tenés tienes querés
    quieres necesitas sirvio sirvió ayudó ayudo operador asesor genio buenas buenos días
    dias noches tardes saludos chao adiós adios favor porfa pues oye che pasame pásame
    q xq pq
    """.split()  # noqa: SIM905
)
_ENGLISH = frozenset(
    """
    the is are was what whats how why when where who which do does did i my me you your
    can could should would will to and of in on for with it this that there an a be get
    have has not no yes mean means app account post posts phone number sign up need want
    talk real human help please thanks
    """.split()  # noqa: SIM905
)
_SPANISH_MARKS = re.compile(r"[¿¡ñáéíóú]")
_DRAWN_OUT = re.compile(r"(.)\1{2,}")


def detect(text: str) -> str | None:
    """Return 'en', 'es' or 'zh', or None when the text gives too little to tell."""
    cjk = len(HAN_CHAR.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk and cjk * 2 >= latin and not _quotes_chinese(text):
        return "zh"
    # Letters drawn out in chat ("holaaa", "graciaaas") count as the word they stretch.
    words = [_DRAWN_OUT.sub(r"\1", word) for word in _WORD.findall(text.lower())]
    spanish = sum(1 for word in words if word in _SPANISH)
    english = sum(1 for word in words if word in _ENGLISH)
    spanish += 2 * len(_SPANISH_MARKS.findall(text.lower()))
    if spanish == english == 0:
        return None
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return None


# Words that frame a Chinese sentence rather than name a term: "我想问一下", "是什么意思".
_FRAMES = re.compile(r"什么|什麼|甚麼|怎么|怎麼|为什么|為什麼|吗|嗎|呢|吧|我|你|妳|请|請|哪")


def _quotes_chinese(text: str) -> bool:
    """Whether Chinese in a Latin-script message is a term it quotes, not the language it is
    written in: one or two short runs of characters inside at least two English or Spanish
    words ("what's a 吃瓜群众", "qué significa 破防"), and no run that frames a question itself."""
    runs = HAN.findall(text)
    if not runs or len(runs) > 2 or any(len(run) > 6 or _FRAMES.search(run) for run in runs):
        return False
    words = _WORD.findall(HAN.sub(" ", text).lower())
    return sum(1 for word in words if word in _ENGLISH or word in _SPANISH) >= 2


def normalise(code: str | None) -> str | None:
    """Map a platform language code ('es-MX', 'zh-hans', 'en_US') to a supported one."""
    if not code:
        return None
    base = code.lower().replace("_", "-").split("-")[0]
    return base if base in SUPPORTED else None
