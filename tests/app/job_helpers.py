"""Tiny functions for the job runner's tests: each runs in a child process, so it must be importable by name."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable

import numpy as np

from models.errors import InputError

Progress = Callable[[int, int, "float | None"], None]


def add(a: int, b: int, *, progress: Progress) -> dict[str, object]:
    """Report three steps of progress, then return the sum, this process's pid and nice value, and an array."""
    for i in range(1, 4):
        progress(i, 3, i / 10)
        time.sleep(0.15)
    return {"sum": a + b, "pid": os.getpid(), "nice": os.nice(0), "array": np.arange(5)}


def count_then_sleep(path: str, seconds: float, *, progress: Progress) -> int:
    """Append one line to ``path`` (counts how many times the job ran), then sleep."""
    with open(path, "a") as out:
        out.write(f"{os.getpid()}\n")
    time.sleep(seconds)
    return 42


def sleep(seconds: float, *, progress: Progress) -> None:
    """Sleep, reporting progress every 50 ms."""
    steps = max(1, int(seconds / 0.05))
    for i in range(steps):
        progress(i, steps, None)
        time.sleep(0.05)


def refuse(*, progress: Progress) -> None:
    """Raise the user's error with a code and parameters."""
    raise InputError("too_many_documents", documents=1_280_000, limit=200_000)


def allocate(n_bytes: int, *, progress: Progress) -> int:
    """Allocate and touch ``n_bytes`` (numpy.ones writes every page), then keep it for a while."""
    block = np.ones(n_bytes // 8)
    time.sleep(5)
    return int(block.size)


def die(*, progress: Progress) -> None:
    """Kill this process with SIGKILL, as the kernel's OOM killer would."""
    os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(5)


def bug(*, progress: Progress) -> None:
    """An unexpected exception."""
    raise ZeroDivisionError("a bug in the worker")


def publish(n: int, gate: str, *, progress: Progress, partial: Callable[[object], None]) -> str:
    """Publish ``n`` intermediate values (``{"step": i}``), then wait until the file ``gate`` exists."""
    for i in range(1, n + 1):
        partial({"step": i, "array": np.full(3, i)})
        progress(i, n, None)
    while not os.path.exists(gate):
        time.sleep(0.02)
    return "finished"
