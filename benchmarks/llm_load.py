"""A slow chat model holds up nobody: N newcomers ask at once while the model takes `--delay`
seconds per answer, and a mentor relays a message meanwhile.

    python -m benchmarks.llm_load --newcomers 50 --delay 2

Runs the real phraser (langchain-openai's ChatOpenAI, GUIDE_LLM_PROVIDER=openai) against an
OpenAI-compatible emulator on 127.0.0.1, and the real engine, store and runtime with an
in-memory platform. Prints when the answers arrived (from the moment all were asked), how
many model calls were in flight at once, and how long the mentor's relay took.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from benchmarks.common import bench_settings, load_answering, percentile
from bot.answering.llm import build_phraser
from bot.answering.service import Answering
from bot.bootstrap import compose
from bot.delivery import Outbox
from bot.models import Address, ButtonPress, Delivery, IncomingMessage, Sender, UserRef
from bot.runtime import Runtime
from bot.store import open_database
from bot.store.records import Store

try:
    from tests.emulators.openai_api import OpenAIEmulator
except ImportError:  # under pytest, tests/ itself is on sys.path
    from emulators.openai_api import OpenAIEmulator  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
QUESTIONS = [
    "what is the cat tax",
    "how do i sign up for rednote",
    "why was my post removed",
    "is rednote safe to use",
    "where is the translate button",
]


def question(user: str, text: str, key: str) -> IncomingMessage:
    return IncomingMessage(key, Sender(UserRef("telegram", user), f"N{user}", "en"),
                           Address("telegram", user), text)  # fmt: skip


async def run(newcomers: int, delay: float, answering: Answering) -> list[str]:
    """Ask all at once; relay a mentor's message while the model is busy; report."""
    async with OpenAIEmulator(delay=delay) as llm:
        with tempfile.TemporaryDirectory() as data_dir:
            settings = bench_settings(
                data_dir,
                GUIDE_LLM_PROVIDER="openai",
                GUIDE_LLM_MODEL="emulated",
                GUIDE_LLM_BASE_URL=llm.base_url,
                TELEGRAM_MENTOR_CHAT_ID="-100777",
            )
            phrased = Answering(KNOWLEDGE, answering.index, phraser=build_phraser(settings))
            engine = compose(settings, Store(open_database(settings.db_path)), phrased)
            mentor = Sender(UserRef("telegram", "900"), "Mei", "en", is_room_member=True)
            room = Address("telegram", "-100777")
            # A handoff to relay into: Ana asks for a mentor, Mei claims it.
            engine.handle(question("800", "/mentor", "setup-1"))
            claim = engine.store.db.execute(
                "SELECT token FROM callbacks WHERE action = 'claim'"
            ).fetchone()[0]
            engine.handle(ButtonPress("setup-2", mentor, room, claim, chat_kind="mentor_room"))
            outbox = Outbox(engine.store)  # "deliver" the setup: the brief opens topic 55
            while groups := outbox.due(engine.clock(), {"telegram"}):
                for row in (row for group in groups for row in group):
                    topic = "55" if row.message.new_thread else None
                    outbox.sent(row, Delivery(str(row.id), thread_id=topic), engine.clock())
            space = Address("telegram", "-100777", "55")
            runtime = Runtime(engine)
            # One question first, so the model client's own start-up is not counted.
            await runtime.submit(question("999", QUESTIONS[0], "warm-up"))
            began = time.monotonic()
            done: list[float] = []

            async def ask(n: int) -> None:
                text = QUESTIONS[n % len(QUESTIONS)]
                out = await runtime.submit(question(str(1000 + n), text, f"q{n}"))
                assert out and "[1]" in out[0].text, out
                done.append(time.monotonic() - began)

            asks = [asyncio.create_task(ask(n)) for n in range(newcomers)]
            await asyncio.sleep(min(0.5, delay / 4))
            relay_began = time.monotonic()
            relayed = await runtime.submit(
                IncomingMessage(
                    "relay", mentor, space, "Hi Ana, I'm here!", chat_kind="mentor_room"
                )
            )
            relay_s = time.monotonic() - relay_began
            pending = sum(not task.done() for task in asks)
            await asyncio.gather(*asks)
            await runtime.stop()
    return [
        f"{newcomers} newcomers asked at once; the chat model answers each in {delay:.1f} s",
        f"answers arrived after: p50 {percentile(done, 50):.2f} s  p95 {percentile(done, 95):.2f} s"
        f"  last {max(done):.2f} s (one after another would take {newcomers * delay:.0f} s)",
        f"model calls in flight at once: {llm.most_in_flight} of {len(llm.requests)}",
        f"a mentor's relay sent meanwhile: delivered to the outbox in {relay_s * 1000:.0f} ms"
        f" while {pending} answers were still with the model"
        f" ({'ok' if relayed and relayed[0].text.startswith('Mei:') else 'NOT relayed'})",
    ]


def main(argv: list[str] | None = None, *, answering: Answering | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.llm_load", description=__doc__)
    parser.add_argument("--newcomers", type=int, default=50)
    parser.add_argument("--delay", type=float, default=2.0, help="seconds per model answer")
    parser.add_argument("--index-dir", type=Path, default=ROOT / "data" / "bench-index")
    args = parser.parse_args(argv)
    if answering is None:
        answering = load_answering(args.index_dir)
    try:
        import langchain_openai  # noqa: F401
    except ImportError:
        print("llm_load: langchain-openai is not installed (pip install '.[llm]')", file=sys.stderr)
        return 1
    print("\n".join(asyncio.run(run(args.newcomers, args.delay, answering))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
