"""Strings of the screenshot reader, in en, es and zh."""

from __future__ import annotations

SCREEN_STRINGS: dict[str, dict[str, str]] = {
    "screen.found": {
        "en": "I found {count} Chinese labels on your screenshot. The numbers on the picture match this list:",
        "es": "Encontré {count} textos en chino en tu captura. Los números de la imagen corresponden a esta lista:",
        "zh": "我在截图里找到 {count} 处中文。图上的编号对应下面的说明：",
    },
    "screen.literal": {
        "en": "literally “{meaning}” (dictionary)",
        "es": "literalmente «{meaning}» (diccionario, en inglés)",
        "zh": "字面意思：{meaning}（词典释义）",
    },
    "screen.literal_note": {
        "en": "Items marked “dictionary” are not in my list of RedNote's buttons: they are word-for-word translations from CC-CEDICT, so they may miss what the button does in the app.",
        "es": "Lo marcado como «diccionario» no está en mi lista de botones de RedNote: es una traducción palabra por palabra de CC-CEDICT (en inglés) y puede no reflejar lo que hace el botón.",
        "zh": "标注“词典释义”的条目不在我整理的小红书按钮表里，只是 CC-CEDICT 词典的直译（英文），未必是它在应用里的功能。",
    },
    "screen.english_note": {
        "en": "",
        "es": "Algunas explicaciones solo están en inglés por ahora.",
        "zh": "部分说明暂时只有英文。",
    },
    "screen.no_text": {
        "en": "I couldn't find any text in this picture. If it's a screenshot of RedNote, a sharper one (not a photo of a screen) works best — or ask a mentor.",
        "es": "No encontré texto en esta imagen. Si es una captura de RedNote, prueba con una más nítida (no una foto de la pantalla) o pregunta a una persona.",
        "zh": "这张图里没有找到文字。如果是小红书的截图，请发一张更清晰的（不要拍屏幕），或者找导师帮忙。",
    },
    "screen.not_chinese": {
        "en": "The text I can read in this picture isn't Chinese, so there's nothing for me to label. Send a screenshot of the Chinese app, or ask me in words.",
        "es": "El texto que leo en esta imagen no está en chino, así que no hay nada que etiquetar. Envía una captura de la app en chino o pregúntame con palabras.",
        "zh": "这张图里能读到的文字不是中文，没有需要标注的内容。请发中文界面的截图，或者直接打字问我。",
    },
    "screen.too_big": {
        "en": "That file is over {mb} MB, too big for me to read. A normal phone screenshot is much smaller — please send one of those.",
        "es": "Ese archivo pasa de {mb} MB y es demasiado grande para mí. Una captura normal del móvil pesa mucho menos: envía una de esas.",
        "zh": "这个文件超过 {mb} MB，太大了，我读不了。普通手机截图小得多，请发截图。",
    },
    "screen.too_many_pixels": {
        "en": "That picture is over {mp} million pixels, too large for me to read. Please send a normal phone screenshot.",
        "es": "Esa imagen tiene más de {mp} millones de píxeles, demasiado grande para mí. Envía una captura normal del móvil.",
        "zh": "这张图超过 {mp} 百万像素，太大了，我读不了。请发普通的手机截图。",
    },
    "screen.not_image": {
        "en": "That file isn't a picture I can read. Send a screenshot as a photo (PNG, JPEG or WebP).",
        "es": "Ese archivo no es una imagen que pueda leer. Envía la captura como foto (PNG, JPEG o WebP).",
        "zh": "这个文件不是我能读的图片。请把截图作为图片发送（PNG、JPEG 或 WebP）。",
    },
    "screen.unreadable": {
        "en": "That picture seems to be damaged, so I couldn't open it. Could you send it again?",
        "es": "Esa imagen parece dañada y no pude abrirla. ¿Puedes enviarla otra vez?",
        "zh": "这张图片好像损坏了，我打不开。可以再发一次吗？",
    },
    "screen.fetch_failed": {
        "en": "I couldn't download that picture just now. Please send it again in a moment.",
        "es": "No pude descargar esa imagen ahora mismo. Envíala otra vez en un momento.",
        "zh": "刚才没能下载这张图片，请稍后再发一次。",
    },
    "screen.flood": {
        "en": "That's more pictures than I can read at once, so I skipped this one. Send it again in a minute, when the labels of the others have arrived.",
        "es": "Son más imágenes de las que puedo leer a la vez, así que me salté esta. Vuelve a enviarla en un minuto, cuando lleguen las etiquetas de las otras.",
        "zh": "一次发的图片太多了，这张我先跳过。等前面几张的标注回来后，过一分钟再发一次。",
    },
    "screen.busy": {
        "en": "Lots of people are sending pictures right now. Please send yours again in a minute.",
        "es": "Mucha gente está enviando imágenes ahora mismo. Vuelve a enviar la tuya en un minuto.",
        "zh": "现在很多人在发图片，请过一分钟再发。",
    },
    "screen.unavailable": {
        "en": "I can't read pictures right now. Please describe what you see in words, or ask a mentor.",
        "es": "Ahora mismo no puedo leer imágenes. Describe con palabras lo que ves o pregunta a una persona.",
        "zh": "我现在读不了图片。请用文字描述你看到的内容，或者找导师帮忙。",
    },
    "screen.label_button": {
        "en": "🔎 Label this screenshot",
        "es": "🔎 Etiquetar esta captura",
        "zh": "🔎 标注这张截图",
    },
    "screen.label_gone": {
        "en": "That picture is from a conversation you no longer hold, so I won't fetch it.",
        "es": "Esa imagen es de una conversación que ya no atiendes, así que no la descargo.",
        "zh": "这张图片属于你已不再负责的对话，我不会下载它。",
    },
}
