"""The bot alone in a process of its own, for the load benchmarks.

    python -m benchmarks.bot_process --base-url URL --token TOKEN --mentor-chat ID [...]

Builds the real index, engine, runtime and Telegram adapter against an emulator that runs in
another process (the load benchmark's), so this process's CPU is the bot's alone. It prints
one JSON line `{"ready": pid}` once it receives, then serves until a line arrives on stdin;
it then drains the outbox, stops, and prints one JSON line with its timings.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import resource
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from adapters.telegram import TelegramAdapter
from benchmarks.common import bench_settings, load_answering, serving
from bot.models import Address, IncomingMessage, Sender, UserRef
from bot.runtime import Runtime

ROOT = Path(__file__).resolve().parent.parent
WARM_UP_USER = 4_000_000


async def warm_up(runtime: Runtime, questions: int) -> None:
    """A few questions through the whole bot before the load, so that every decider (thread or
    process) has its model and vectors loaded: the figures are then the steady state's."""
    asked = []
    for n in range(questions):
        user = str(WARM_UP_USER - n)
        sender = Sender(UserRef("telegram", user), f"W{n}", "en")
        asked.append(
            IncomingMessage(f"warm-up-{n}", sender, Address("telegram", user), "what is rednote")
        )
    await asyncio.gather(*(runtime.submit(event) for event in asked))
    await runtime.drain(30)


async def serve(args: argparse.Namespace) -> dict[str, object]:
    """Serve until told to stop on stdin; what the instruments measured."""
    answering = load_answering(args.index_dir)
    answering.answerer.answer("warm up: load the model and the vectors")
    with tempfile.TemporaryDirectory() as data_dir:
        settings = bench_settings(
            data_dir,
            TELEGRAM_BOT_TOKEN=args.token,
            TELEGRAM_API_BASE_URL=args.base_url,
            TELEGRAM_MENTOR_CHAT_ID=args.mentor_chat,
        )
        limits = {} if args.telegram_limits else {"overall_max_rate": 0, "group_max_rate": 0}

        def adapter(runtime: Runtime) -> TelegramAdapter:
            return TelegramAdapter(settings, runtime, **limits)

        async with serving(
            settings, answering, adapter, decide_processes=args.decide_processes
        ) as (runtime, timings):
            await warm_up(runtime, 2 * max(1, args.decide_processes))
            for values in (timings.decide_ms, timings.commit_ms, timings.batches):
                values.clear()
            for values in (timings.own_ms, timings.send_ms):
                values.clear()
            before = runtime.decider_tasks
            print(json.dumps({"ready": os.getpid()}), flush=True)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
            drained = await runtime.drain(30)
            after = runtime.decider_tasks
            timings.decider_questions = after[0] - before[0]
            timings.decider_tasks = after[1] - before[1]
    return {
        "timings": dataclasses.asdict(timings),
        "drained": drained,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


class Spawned:
    """A bot process started by a load benchmark: its pid, and its figures once stopped."""

    def __init__(self, process: asyncio.subprocess.Process, pid: int):
        self.process = process
        self.pid = pid
        self.result: dict[str, object] = {}


@contextlib.asynccontextmanager
async def spawned(
    base_url: str,
    token: str,
    mentor_chat: int,
    *,
    decide_processes: int = 0,
    telegram_limits: bool = False,
    index_dir: Path | None = None,
) -> AsyncIterator[Spawned]:
    """Start the bot in a process of its own and wait until it receives; stop it on exit."""
    args = ["--base-url", base_url, "--token", token, "--mentor-chat", str(mentor_chat)]
    args += ["--decide-processes", str(decide_processes)]
    args += ["--telegram-limits"] if telegram_limits else []
    args += ["--index-dir", str(index_dir)] if index_dir else []
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "benchmarks.bot_process",
        *args,
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        limit=1 << 26,  # the figures come back as one long JSON line
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 300)
        if not line:
            raise RuntimeError("the bot process ended before it was ready")
        bot = Spawned(process, int(json.loads(line)["ready"]))
        yield bot
        process.stdin.write(b"stop\n")
        await process.stdin.drain()
        line = await asyncio.wait_for(process.stdout.readline(), 120)
        bot.result = json.loads(line) if line else {}
        await asyncio.wait_for(process.wait(), 60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def main(argv: list[str] | None = None) -> int:
    """Parse the options, serve, print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bot_process", description=__doc__)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--mentor-chat", required=True)
    parser.add_argument("--decide-processes", type=int, default=0)
    parser.add_argument("--telegram-limits", action="store_true")
    parser.add_argument("--index-dir", type=Path, default=ROOT / "data" / "bench-index")
    args = parser.parse_args(argv)
    result = asyncio.run(serve(args))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
