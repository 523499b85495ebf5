"""Load on the Telegram adapter: N newcomers ask questions through the Bot API emulator.

    python -m benchmarks.telegram_load --users 1000 --questions 3 --mentor-share 0.05

Starts the Bot API emulator and the real adapter (python-telegram-bot, long polling), engine,
store and outbox in this process. Every newcomer asks their questions one after the other
(the next once the answer arrived), all newcomers at once; a `--mentor-share` of them instead
asks for a mentor (/mentor), which queues them and announces the request in the mentor group.
Prints messages per second, round-trip latency percentiles (update injected → the bot's reply
recorded by the emulator), and how many questions got no reply (lost) or more than one
(duplicated). Telegram's own flood limits (30 messages/s, 20 per minute per group) are off
unless `--telegram-limits` is given: without them the figures are the adapter's and core's
capacity, with them they are what Telegram would allow.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from adapters.telegram import TelegramAdapter
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
    from tests.emulators.telegram_api import ApiCall, TelegramEmulator, make_user, supergroup_chat
except ImportError:  # under pytest, tests/ itself is on sys.path
    from emulators.telegram_api import (  # type: ignore[no-redef]
        ApiCall,
        TelegramEmulator,
        make_user,
        supergroup_chat,
    )

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
MENTOR_GROUP = -1_001_000_000_777
FIRST_USER = 5_000_000
BUILT_IN = [
    "what is the cat tax",
    "how do i sign up for rednote",
    "why was my post removed",
    "what does yyds mean",
    "is rednote safe to use",
    "¿qué es el impuesto del gato?",
    "我的帖子为什么被删了",
]


@dataclass
class Report:
    """What one run measured."""

    users: int
    questions: int
    asked: int
    answered: int
    lost: int
    duplicated: int
    mentor_requests: int
    announced: int
    seconds: float
    latencies_ms: list[float]
    mentor_ms: list[float]
    timings: Timings = field(default_factory=Timings)
    sent: int = 0

    percentile = staticmethod(percentile)

    def lines(self) -> list[str]:
        rate = (self.answered + self.mentor_requests) / self.seconds if self.seconds else 0.0
        lat = self.latencies_ms
        mean = statistics.fmean(lat) if lat else float("nan")
        return [
            f"newcomers {self.users}: {self.asked} questions, {self.mentor_requests} mentor"
            f" requests",
            f"answered {self.answered} questions + {self.mentor_requests} requests in"
            f" {self.seconds:.2f} s: {rate:.1f} messages/s"
            f" ({self.sent / self.seconds if self.seconds else 0:.1f} bot messages/s sent)",
            f"round trip ms: p50 {self.percentile(lat, 50):.1f}  p95 {self.percentile(lat, 95):.1f}"
            f"  p99 {self.percentile(lat, 99):.1f}  mean {mean:.1f}  max {max(lat or [0]):.1f}",
            f"mentor request → queued reply ms: p50 {self.percentile(self.mentor_ms, 50):.1f}"
            f"  p95 {self.percentile(self.mentor_ms, 95):.1f};"
            f" announcements {self.announced}/{self.mentor_requests}",
            *self.timings.lines(),
            f"lost {self.lost}, duplicated {self.duplicated}",
        ]


def questions() -> list[str]:
    """Eval questions that one message answers, or a few built-in ones."""
    return eval_questions(fallback=BUILT_IN)


class Replies:
    """Every message the bot sent, by chat, with when the emulator recorded it."""

    def __init__(self) -> None:
        self.at: dict[int, list[float]] = defaultdict(list)
        self.arrived: dict[int, asyncio.Event] = defaultdict(asyncio.Event)
        self.sent = 0
        self.finished = False

    def collect(self, call: ApiCall) -> bool:
        if call.method == "sendMessage" and call.ok and isinstance(call.chat_id, int):
            self.at[call.chat_id].append(call.finished_at)
            self.arrived[call.chat_id].set()
            self.sent += 1
        return self.finished

    async def count(self, chat: int, count: int) -> float:
        """Wait for the chat's `count`-th reply; when it was recorded."""
        while len(self.at[chat]) < count:
            self.arrived[chat].clear()
            await self.arrived[chat].wait()
        return self.at[chat][count - 1]


async def run(
    users: int,
    per_user: int,
    mentor_share: float,
    answering: Answering,
    *,
    timeout: float = 120.0,
    telegram_limits: bool = False,
    decide_processes: int = 0,
) -> Report:
    """Run the load once against a fresh emulator and database."""
    async with TelegramEmulator() as emu:
        emu.add_chat(supergroup_chat(MENTOR_GROUP, "Mentors"))
        with tempfile.TemporaryDirectory() as data_dir:
            settings = bench_settings(
                data_dir,
                TELEGRAM_BOT_TOKEN=emu.token,
                TELEGRAM_API_BASE_URL=emu.base_url,
                TELEGRAM_MENTOR_CHAT_ID=str(MENTOR_GROUP),
            )
            limits = {} if telegram_limits else {"overall_max_rate": 0, "group_max_rate": 0}

            def adapter(runtime: Runtime) -> TelegramAdapter:
                return TelegramAdapter(settings, runtime, **limits)

            async with serving(settings, answering, adapter, decide_processes=decide_processes) as (
                runtime,
                timings,
            ):
                report = await _load(emu, runtime, users, per_user, mentor_share, timeout)
                report.timings = timings
                return report


async def _load(
    emu: TelegramEmulator,
    runtime: Runtime,
    users: int,
    per_user: int,
    mentor_share: float,
    timeout: float,
) -> Report:
    pool = questions()
    requesters = round(users * mentor_share)
    every = users / requesters if requesters else 0.0
    wants_mentor = {round(n * every) for n in range(requesters)}
    replies = Replies()
    latencies: list[float] = []
    mentor_ms: list[float] = []

    async def newcomer(index: int) -> int:
        uid = FIRST_USER + index
        user = make_user(uid, f"N{index}", language_code="en")
        if index in wants_mentor:
            began = time.monotonic()
            emu.user_sends(uid, user, "/mentor")
            with contextlib.suppress(TimeoutError):
                at = await asyncio.wait_for(replies.count(uid, 1), timeout)
                mentor_ms.append((at - began) * 1000)
            return 0
        answered = 0
        for number in range(per_user):
            question = pool[(index * per_user + number) % len(pool)]
            began = time.monotonic()
            emu.user_sends(uid, user, question)
            try:
                at = await asyncio.wait_for(replies.count(uid, number + 1), timeout)
            except TimeoutError:
                break
            latencies.append((at - began) * 1000)
            answered += 1
        return answered

    watcher = asyncio.create_task(emu.wait_for(replies.collect, timeout=timeout * per_user + 600))
    began = time.perf_counter()
    answered = await asyncio.gather(*(newcomer(i) for i in range(users)))
    if requesters:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(replies.count(MENTOR_GROUP, requesters), timeout)
    seconds = time.perf_counter() - began
    await runtime.drain(30)
    replies.finished = True
    emu.user_sends(FIRST_USER - 1, make_user(FIRST_USER - 1, "Last"), "/help")  # wakes the watcher
    await watcher
    askers = [FIRST_USER + i for i in range(users) if i not in wants_mentor]
    return Report(
        users=users,
        questions=per_user,
        asked=len(askers) * per_user,
        answered=sum(answered),
        lost=sum(max(0, per_user - len(replies.at[uid])) for uid in askers),
        duplicated=sum(max(0, len(replies.at[uid]) - per_user) for uid in askers),
        mentor_requests=requesters,
        announced=len(replies.at[MENTOR_GROUP]),
        seconds=seconds,
        latencies_ms=latencies,
        mentor_ms=mentor_ms,
        sent=replies.sent,
    )


def main(argv: list[str] | None = None, *, answering: Answering | None = None) -> int:
    """Parse the options, build (or reuse) the index, run the load and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.telegram_load", description=__doc__)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=3, help="questions per newcomer")
    parser.add_argument(
        "--mentor-share", type=float, default=0.05, help="share of newcomers asking for a mentor"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait per answer")
    parser.add_argument(
        "--decide-processes",
        type=int,
        default=0,
        help="answer questions in this many worker processes (GUIDE_DECIDE_PROCESSES)",
    )
    parser.add_argument(
        "--telegram-limits",
        action="store_true",
        help="apply Telegram's flood limits (30 messages/s, 20 per minute per group)",
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
            args.mentor_share,
            answering,
            timeout=args.timeout,
            telegram_limits=args.telegram_limits,
            decide_processes=args.decide_processes,
        )
    )
    print("\n".join(report.lines()))
    ok = report.lost == 0 and report.duplicated == 0 and report.announced == report.mentor_requests
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
