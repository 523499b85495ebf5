"""Load on the Telegram adapter: newcomers ask questions through the Bot API emulator.

    python -m benchmarks.telegram_load --users 1000 --questions 3 --mentor-share 0.05
    python -m benchmarks.telegram_load --users 1000 --rate 150 --duration 20

The Bot API emulator and the load run in this process; the bot (the real python-telegram-bot
adapter, engine, store and outbox) runs in a process of its own (benchmarks/bot_process.py),
so its CPU is the bot's alone. Without `--rate`, a burst: every newcomer asks their questions
one after the other (the next once the answer arrived), all newcomers at once. With `--rate`,
messages are offered at that many per second for `--duration` seconds, newcomer after
newcomer. A `--mentor-share` of the newcomers instead asks for a mentor (/mentor), which
queues them and announces the request in the mentor group.

Prints the offered and achieved rates, the round trip (update injected → the reply recorded
by the emulator), the bot's own time seen from the platform (the update handed out by
getUpdates → the reply's sendMessage arriving), the instruments inside the bot (an event
reaching the core → its reply reaching the adapter), the bot's CPU, and how many questions
got no reply (lost) or more than one (duplicated). Telegram's own flood limits (30
messages/s, 20 per minute per group) are off unless `--telegram-limits` is given.
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
from benchmarks.bot_process import spawned
from benchmarks.common import (
    Timings,
    bench_settings,
    eval_questions,
    load_answering,
    percentile,
    serving,
    tree_cpu_seconds,
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
    offered: int = 0
    offered_seconds: float = 0.0
    platform_own_ms: list[float] = field(default_factory=list)
    bot_cpu_seconds: float = float("nan")
    worker_cpu_seconds: float = 0.0
    harness_cpu_seconds: float = 0.0
    bot_rss_mb: float = float("nan")
    separate: bool = False

    percentile = staticmethod(percentile)

    def lines(self) -> list[str]:
        rate = (self.answered + self.mentor_requests) / self.seconds if self.seconds else 0.0
        offered = self.offered / self.offered_seconds if self.offered_seconds else float("inf")
        lat, own = self.latencies_ms, self.platform_own_ms
        mean = statistics.fmean(lat) if lat else float("nan")
        handled = self.answered + self.mentor_requests
        cpu = self.bot_cpu_seconds
        where = "a process of its own" if self.separate else "this process (with the emulator)"
        return [
            f"newcomers {self.users}: {self.asked} questions, {self.mentor_requests} mentor"
            f" requests; the bot in {where}",
            f"offered {self.offered} messages"
            + (f" at {offered:.1f}/s" if self.offered_seconds else " at once")
            + f"; answered {self.answered} questions + {self.mentor_requests} requests in"
            f" {self.seconds:.2f} s: achieved {rate:.1f} messages/s"
            f" ({self.sent / self.seconds if self.seconds else 0:.1f} bot messages/s sent)",
            f"round trip ms: p50 {self.percentile(lat, 50):.1f}  p95 {self.percentile(lat, 95):.1f}"
            f"  p99 {self.percentile(lat, 99):.1f}  mean {mean:.1f}  max {max(lat or [0]):.1f}",
            f"bot's own time (update handed out by getUpdates → its sendMessage arriving) ms:"
            f" p50 {self.percentile(own, 50):.1f}  p95 {self.percentile(own, 95):.1f}"
            f"  p99 {self.percentile(own, 99):.1f}",
            f"mentor request → queued reply ms: p50 {self.percentile(self.mentor_ms, 50):.1f}"
            f"  p95 {self.percentile(self.mentor_ms, 95):.1f};"
            f" announcements {self.announced}/{self.mentor_requests}",
            *self.timings.lines(),
            (
                f"bot CPU over the load: {cpu:.1f} s ({cpu * 1000 / max(1, handled):.1f} ms per"
                f" message, {cpu / self.seconds * 100:.0f}% of one core)"
                + (
                    f", of which decider processes {self.worker_cpu_seconds:.1f} s"
                    f" ({self.worker_cpu_seconds * 1000 / max(1, handled):.1f} ms per message)"
                    if self.worker_cpu_seconds
                    else ""
                )
                + (
                    f"; bot peak RSS {self.bot_rss_mb:.0f} MB"
                    if self.bot_rss_mb == self.bot_rss_mb
                    else ""
                )
                + f"; the emulator and the load: {self.harness_cpu_seconds:.1f} s"
                if self.separate and self.seconds
                else "bot CPU: not measured (the bot shares this process)"
            ),
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


def platform_own_ms(emu: TelegramEmulator, chats: set[int]) -> list[float]:
    """Per message of these chats: its update handed out by getUpdates → the bot's first
    sendMessage to the chat after it arrived (both on the emulator's clock)."""
    handed: dict[int, list[float]] = defaultdict(list)
    replied: dict[int, list[float]] = defaultdict(list)
    for call in emu.calls:
        if call.method == "getUpdates" and call.ok:
            for update in call.result or []:
                chat = (update.get("message") or {}).get("chat", {}).get("id")
                if chat in chats:
                    handed[chat].append(call.finished_at)
        elif call.method == "sendMessage" and call.ok and call.chat_id in chats:
            replied[call.chat_id].append(call.started_at)  # type: ignore[index]
    out = []
    for chat, times in handed.items():
        out += [(r - h) * 1000 for h, r in zip(times, replied[chat], strict=False)]
    return out


@dataclass
class Plan:
    """Who asks what: the newcomers, which of them ask for a mentor, the question pool."""

    users: int
    per_user: int
    wants_mentor: set[int]
    pool: list[str]

    @classmethod
    def make(cls, users: int, per_user: int, mentor_share: float) -> Plan:
        requesters = round(users * mentor_share)
        every = users / requesters if requesters else 0.0
        return cls(users, per_user, {round(n * every) for n in range(requesters)}, questions())

    def question(self, index: int, number: int) -> str:
        return self.pool[(index * self.per_user + number) % len(self.pool)]

    def askers(self) -> list[int]:
        return [FIRST_USER + i for i in range(self.users) if i not in self.wants_mentor]


async def run(
    users: int,
    per_user: int,
    mentor_share: float,
    answering: Answering | None,
    *,
    timeout: float = 120.0,
    telegram_limits: bool = False,
    decide_processes: int = 0,
    rate: float = 0.0,
    duration: float = 0.0,
    index_dir: Path | None = None,
) -> Report:
    """Run the load once against a fresh emulator and database: with `answering`, the bot
    in this process; without, in a process of its own."""
    plan = Plan.make(users, per_user, mentor_share)
    async with TelegramEmulator() as emu:
        emu.add_chat(supergroup_chat(MENTOR_GROUP, "Mentors"))
        if answering is None:
            async with spawned(
                emu.base_url,
                emu.token,
                MENTOR_GROUP,
                decide_processes=decide_processes,
                telegram_limits=telegram_limits,
                index_dir=index_dir,
            ) as bot:
                main, workers = tree_cpu_seconds(bot.pid)
                harness = time.process_time()
                report = await _load(emu, plan, timeout, rate, duration)
                report.harness_cpu_seconds = time.process_time() - harness
                main_after, workers_after = tree_cpu_seconds(bot.pid)
                report.bot_cpu_seconds = main_after - main + workers_after - workers
                report.worker_cpu_seconds = workers_after - workers
            report.separate = True
            report.timings = Timings(**bot.result.get("timings", {}))  # type: ignore[arg-type]
            report.bot_rss_mb = float(bot.result.get("rss_mb", float("nan")))  # type: ignore[arg-type]
            return report
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
                report = await _load(emu, plan, timeout, rate, duration)
                await runtime.drain(30)
                report.timings = timings
                return report


async def _load(
    emu: TelegramEmulator, plan: Plan, timeout: float, rate: float, duration: float
) -> Report:
    replies = Replies()
    sent_at: dict[int, list[float]] = defaultdict(list)
    mentor_ms: list[float] = []

    def send(index: int, text: str) -> None:
        uid = FIRST_USER + index
        sent_at[uid].append(time.monotonic())
        emu.user_sends(uid, make_user(uid, f"N{index}", language_code="en"), text)

    async def newcomer(index: int) -> None:
        uid = FIRST_USER + index
        if index in plan.wants_mentor:
            send(index, "/mentor")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(replies.count(uid, 1), timeout)
            return
        for number in range(plan.per_user):
            send(index, plan.question(index, number))
            try:
                await asyncio.wait_for(replies.count(uid, number + 1), timeout)
            except TimeoutError:
                break

    async def offer() -> float:
        """Messages at `rate` per second for `duration`: newcomer after newcomer, round after
        round (a newcomer asking for a mentor does so once); the seconds it took."""
        schedule: list[tuple[int, str]] = []
        for number in range(max(1, plan.per_user) * 1000):
            for i in range(plan.users):
                if i not in plan.wants_mentor:
                    schedule.append((i, plan.question(i, number)))
                elif number == 0:
                    schedule.append((i, "/mentor"))
            if len(schedule) >= rate * duration:
                break
        schedule = schedule[: max(1, round(rate * duration))]
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n, (index, text) in enumerate(schedule):
            delay = start + n / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            send(index, text)
        return loop.time() - start

    watcher = asyncio.create_task(emu.wait_for(replies.collect, timeout=timeout * 10 + 3600))
    began = time.perf_counter()
    offered_seconds = 0.0
    if rate > 0:
        offered_seconds = await offer()
    else:
        await asyncio.gather(*(newcomer(i) for i in range(plan.users)))
    expected = {uid: len(times) for uid, times in sent_at.items()}
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(
            asyncio.gather(*(replies.count(uid, n) for uid, n in expected.items())), timeout
        )
    requesters = len(plan.wants_mentor)
    if requesters:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(replies.count(MENTOR_GROUP, requesters), timeout)
    last = max((times[-1] for times in replies.at.values() if times), default=0.0)
    first = min((times[0] for times in sent_at.values()), default=last)
    seconds = max(last - first, 1e-9) if last else time.perf_counter() - began
    await asyncio.sleep(0.5)  # a duplicate would arrive about now
    replies.finished = True
    emu.user_sends(FIRST_USER - 1, make_user(FIRST_USER - 1, "Last"), "/help")  # wakes the watcher
    await watcher
    askers = [uid for uid in plan.askers() if uid in expected]
    mentors = [FIRST_USER + i for i in plan.wants_mentor]
    latencies = [
        (reply - asked) * 1000
        for uid in askers
        for asked, reply in zip(sent_at[uid], replies.at[uid], strict=False)
    ]
    mentor_ms = [
        (replies.at[uid][0] - sent_at[uid][0]) * 1000 for uid in mentors if replies.at[uid]
    ]
    return Report(
        users=plan.users,
        questions=plan.per_user,
        asked=sum(expected[uid] for uid in askers),
        answered=sum(min(expected[uid], len(replies.at[uid])) for uid in askers),
        lost=sum(max(0, expected[uid] - len(replies.at[uid])) for uid in askers),
        duplicated=sum(max(0, len(replies.at[uid]) - expected[uid]) for uid in askers),
        mentor_requests=requesters,
        announced=len(replies.at[MENTOR_GROUP]),
        seconds=seconds,
        latencies_ms=latencies,
        mentor_ms=mentor_ms,
        sent=replies.sent,
        offered=sum(expected.values()),
        offered_seconds=offered_seconds,
        platform_own_ms=platform_own_ms(emu, set(askers)),
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
        "--rate",
        type=float,
        default=0.0,
        help="offer this many messages per second for --duration seconds (default: a burst)",
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds to offer --rate")
    parser.add_argument(
        "--same-process",
        action="store_true",
        help="run the bot in this process, with the emulator (as before it had its own)",
    )
    parser.add_argument(
        "--index-dir",
        type=Path,
        default=ROOT / "data" / "bench-index",
        help="where the knowledge-base index is kept between runs",
    )
    args = parser.parse_args(argv)
    if answering is None and args.same_process:
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
            rate=args.rate,
            duration=args.duration,
            index_dir=args.index_dir,
        )
    )
    print("\n".join(report.lines()))
    ok = report.lost == 0 and report.duplicated == 0 and report.announced == report.mentor_requests
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
