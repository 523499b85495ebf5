"""Loopback emulators of the external services the bot talks to, for the test suite.

Each service lives in its own module, imported directly (this package re-exports nothing, so
importing one emulator never pulls in another):

* :mod:`emulators.telegram_api` - the Telegram Bot API (``TelegramEmulator``), driven by
  python-telegram-bot through ``base_url``.
* :mod:`emulators.discord_api` - Discord's REST API and gateway.

``tests/`` has no ``__init__.py``, so pytest puts ``tests/`` on ``sys.path`` and the package is
imported as ``emulators``.
"""

from __future__ import annotations
