"""The app a newcomer means when they do not name it.

Asked of a guide to RedNote, "what does this app do?" and "¿es segura esta app?" are about
RedNote, but the embedding model only sees "this app": the question falls under the
threshold although "what does RedNote do?" is answered with confidence. So the searched text
names the app, unless the message names another one ("is this app like TikTok?" stays as it
is: the comparison is the question).
"""

from __future__ import annotations

import re

# Apps and platforms a newcomer may compare RedNote with, or be chatting in.
_OTHER_APPS = re.compile(
    r"\b(tik ?tok|douyin|instagram|insta|ig|lemon8|capcut|wechat|weixin|weibo|telegram|discord|"
    r"youtube|facebook|twitter|whatsapp|snapchat|threads|bluesky|pinterest|reddit|taobao|"
    r"bilibili|kuaishou|alipay|app store|play store|google play)\b|"
    r"抖音|微信|微博|快手|淘宝|支付宝|哔哩哔哩|b站",
    re.IGNORECASE,
)
_THIS_APP_EN = re.compile(
    r"\b(this|the|that) (new |chinese |red )?(app|application|platform)\b(?! store)", re.IGNORECASE
)
_THIS_APP_ES = re.compile(
    r"\b(esta|la|esa) (nueva |app |aplicaci[oó]n )?(app|aplicaci[oó]n|plataforma)"
    r"( china| nueva)?\b",
    re.IGNORECASE,
)
_THIS_APP_ZH = re.compile(r"(这个|这款|那个|该)(新)?(app|APP|App|软件|应用|平台)")


def name_the_app(text: str, language: str | None) -> str:
    """The text with "this app" (and its Spanish and Chinese kin) read as RedNote."""
    if _OTHER_APPS.search(text):
        return text
    if language == "zh":
        return _THIS_APP_ZH.sub("小红书", text)
    if language == "es":
        return _THIS_APP_ES.sub("RedNote", text)
    return _THIS_APP_EN.sub("RedNote", text)
