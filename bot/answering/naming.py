"""The app a newcomer means when they do not name it.

Asked of a guide to RedNote, "what does this app do?" and "¿es segura esta app?" are about
RedNote, but the embedding model only sees "this app": the question falls under the
threshold although "what does RedNote do?" is answered with confidence. So the searched text
names the app, unless the message names another one ("is this app like TikTok?" stays as it
is: the comparison is the question).

A message typed in capitals is searched in lower case: the model reads "WHAT DOES THIS APP
DO?" as other words than "what does this app do?" (0.61 against 0.98 for the same section).
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


# The app's Chinese name in Latin letters: the articles call it "RedNote (Xiaohongshu, 小红书)", and
# the model reads "Xiaohongshu" alone as other words ("What is Xiaohongshu?" came nearer to a
# section on red envelopes, 红包 hóngbāo, than "What is RedNote?" does).
_PINYIN_NAME = re.compile(
    r"(?<![a-z])(xiaohongshu|xiao hong shu|xiaohong shu|xiao hongshu)(?![a-z])", re.IGNORECASE
)
# A question about the name itself ("what does xiaohongshu literally mean?") keeps it, with
# the characters beside it.
_ABOUT_THE_NAME = re.compile(
    r"\b(mean|means|meaning|literally|translat\w*|name|names|called|significa\w*|nombre|traduc\w*|"
    r"quiere decir|pronounc\w*|pronuncia\w*)\b|意思|含义|名字|英文名|怎么读|读音|为什么叫",
    re.IGNORECASE,
)


def name_the_app(text: str, language: str | None) -> str:
    """The text with "this app" read as RedNote. In Spanish and Chinese the name is added and
    the word for the app kept: "¿cómo pongo la app en inglés?" needs its "app" to find "Can I
    switch the app to English?", while in English "the RedNote app" scores lower than the bare
    name (0.55 against 0.99 for "what does … do"). Outside Chinese, "Xiaohongshu" in Latin
    letters is searched as "RedNote (Xiaohongshu)"; a question about the name, or one written
    in Chinese, gets the characters beside it, "Xiaohongshu (小红书, RedNote)": alone, the model
    reads the pinyin as other words ("que significa xiaohongshu" came nearest to 加油 jiāyóu,
    "xiaohongshu 是什么意思" to a slang term)."""
    if _ABOUT_THE_NAME.search(text) or language == "zh":
        text = _PINYIN_NAME.sub("Xiaohongshu (小红书, RedNote)", text)
    else:
        text = _PINYIN_NAME.sub("RedNote (Xiaohongshu)", text)
    if _OTHER_APPS.search(text):
        return text
    if language == "zh":
        return _THIS_APP_ZH.sub(lambda m: "小红书" + m.group(0), text)
    if language == "es":
        return _THIS_APP_ES.sub(lambda m: m.group(0) + " RedNote", text)
    return _THIS_APP_EN.sub("RedNote", text)


def unshouted(text: str) -> str:
    """The text in lower case when it is typed in capitals (at least 8 letters, 70% capital)."""
    letters = [c for c in text if "a" <= c.lower() <= "z"]
    capitals = sum(1 for c in letters if c.isupper())
    if len(letters) >= 8 and capitals >= 0.7 * len(letters):
        return text.lower()
    return text
