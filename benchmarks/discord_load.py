"""Load on the Discord adapter: N users DM questions through the emulator and the real client.

    python -m benchmarks.discord_load --users 200 --questions 3

Starts the Discord emulator and the real adapter, engine, store and outbox in this process;
every user asks their questions one after the other (the next once the answer arrived),
all users at once. Prints messages per second, round-trip latency percentiles, and how many
questions were lost (no answer) or answered more than once.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from adapters.discord import DiscordAdapter
from benchmarks.common import (
    Timings,
    bench_settings,
    eval_questions,
    load_answering,
    percentile,
    serving,
)
from bot.answering.service import Answering
from bot.runtime import Runtime

try:
    from tests.emulators.discord_api import DiscordEmulator
except ImportError:  # under pytest, tests/ itself is on sys.path
    from emulators.discord_api import DiscordEmulator  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@dataclass
class Report:
    """What one run measured."""

    users: int
    questions: int
    answered: int
    lost: int
    duplicated: int
    seconds: float
    latencies_ms: list[float]
    timings: Timings

    def percentile(self, p: float) -> float:
        return percentile(self.latencies_ms, p)

    def lines(self) -> list[str]:
        rate = self.answered / self.seconds if self.seconds else 0.0
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else float("nan")
        slowest = max(self.latencies_ms or [0.0])
        return [
            f"users {self.users}, questions {self.questions} ({self.users * self.questions} sent)",
            f"answered {self.answered} in {self.seconds:.2f} s: {rate:.1f} messages/s",
            f"round trip ms: p50 {self.percentile(50):.1f}  p95 {self.percentile(95):.1f}"
            f"  p99 {self.percentile(99):.1f}  mean {mean:.1f}  max {slowest:.1f}",
            *self.timings.lines(),
            f"lost {self.lost}, duplicated {self.duplicated}",
        ]


def questions(limit: int = 200) -> list[str]:
    """Eval questions a single message answers (no mentor requests)."""
    return eval_questions(limit=limit)


async def run(
    users: int,
    per_user: int,
    answering: Answering,
    *,
    timeout: float = 120.0,
    decide_processes: int = 0,
) -> Report:
    """Run the load once against a fresh emulator and database."""
    names = [f"user{n:04d}" for n in range(users)]
    pool = questions()
    async with DiscordEmulator(newcomers=names, mentors=["mentor"]) as emu:
        with emu.patch_discord(), tempfile.TemporaryDirectory() as data_dir:
            settings = bench_settings(
                data_dir,
                DISCORD_BOT_TOKEN="bench",
                DISCORD_API_BASE_URL=emu.rest_base,
                DISCORD_GATEWAY_URL=str(emu.gateway_url),
                DISCORD_MENTOR_CHANNEL_ID=str(emu.mentor_channel_id),
                DISCORD_GUILD_IDS=str(emu.guild_id),
            )

            def adapter(runtime: Runtime) -> DiscordAdapter:
                return DiscordAdapter(settings, runtime, guild_ready_timeout=0.1, identify_pause=0)

            async with serving(settings, answering, adapter, decide_processes=decide_processes) as (
                runtime,
                timings,
            ):
                report = await _load(emu, runtime, names, per_user, pool, timeout)
                report.timings = timings
                return report


async def _load(
    emu: DiscordEmulator,
    runtime: Runtime,
    names: list[str],
    per_user: int,
    pool: list[str],
    timeout: float,
) -> Report:
    channels = {emu.dm_channel_for(name): name for name in names}
    replies: Counter[int] = Counter()
    arrived: dict[int, asyncio.Event] = {channel: asyncio.Event() for channel in channels}
    latencies: list[float] = []
    seen = 0
    finished = False

    def collect() -> bool:
        nonlocal seen
        sent = emu.sent()
        for message in sent[seen:]:
            if message.channel_id in arrived:
                replies[message.channel_id] += 1
                arrived[message.channel_id].set()
        seen = len(sent)
        return finished

    async def user(index: int, channel: int) -> int:
        answered = 0
        for number in range(per_user):
            question = pool[(index * per_user + number) % len(pool)]
            arrived[channel].clear()
            began = time.perf_counter()
            emu.user_sends(channel, channels[channel], question)
            try:
                await asyncio.wait_for(
                    _until(arrived[channel], replies, channel, number + 1), timeout
                )
            except TimeoutError:
                break
            latencies.append((time.perf_counter() - began) * 1000)
            answered += 1
        return answered

    watcher = asyncio.create_task(emu.wait_for(collect, timeout=timeout * per_user + 60))
    began = time.perf_counter()
    answered = await asyncio.gather(*(user(i, c) for i, c in enumerate(channels)))
    seconds = time.perf_counter() - began
    await runtime.drain(10)
    finished = True
    await watcher
    total = len(names) * per_user
    duplicated = sum(max(0, replies[c] - per_user) for c in channels)
    return Report(
        len(names),
        per_user,
        sum(answered),
        total - sum(answered),
        duplicated,
        seconds,
        latencies,
        [],
    )


async def _until(event: asyncio.Event, replies: Counter[int], channel: int, count: int) -> None:
    while replies[channel] < count:
        await event.wait()
        event.clear()


def main(argv: list[str] | None = None, *, answering: Answering | None = None) -> int:
    """Parse the options, build (or reuse) the index, run the load and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.discord_load", description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=3, help="questions per user")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait per answer")
    parser.add_argument(
        "--decide-processes",
        type=int,
        default=0,
        help="answer questions in this many worker processes (GUIDE_DECIDE_PROCESSES)",
    )
    parser.add_argument(
        "--index-dir",
        type=Path,
        default=ROOT / "data" / "bench-index",
        help="where the knowledge-base index is kept between runs",
    )
    args = parser.parse_args(argv)
    if answering is None:
        began = time.perf_counter()
        answering = load_answering(args.index_dir)
        print(f"index ready in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    report = asyncio.run(
        run(
            args.users,
            args.questions,
            answering,
            timeout=args.timeout,
            decide_processes=args.decide_processes,
        )
    )
    print("\n".join(report.lines()))
    return 0 if report.lost == 0 and report.duplicated == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
