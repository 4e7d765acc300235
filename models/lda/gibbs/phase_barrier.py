"""A barrier between sampling phases that numba kernels pass without returning to Python.

Each worker owns one counter (on a cache line of its own) of the phases it has finished. It publishes a finished
phase with a *release* store, after every count it wrote in that phase, and waits for the others with *acquire*
loads of theirs, so that what a worker reads in the next phase is what the others wrote before they arrived (the
C++11 memory model's release/acquire pairs, which LLVM implements; on x86 both are plain moves, so the barrier costs
only the wait). Waiting spins with the CPU's pause hint, then yields the core to other threads after
``SPIN_BEFORE_YIELD`` rounds and sleeps 50 µs at a time after ``YIELD_BEFORE_SLEEP`` more, so that more workers than
cores (or another fit on the same cores) still make progress. A worker that fails raises the abort flag (the
counters' last row), and every waiting worker returns instead of waiting for it forever.

Measured on the 2-core machine this replaced a Python thread pool's hand-off per phase, which cost 0.3-0.7 ms per
sweep (two phases): a sleeping thread is woken across cores through the hypervisor.
"""

from __future__ import annotations

import platform

import numba
import numpy as np
from llvmlite import ir
from numba.core import cgutils, types
from numba.extending import intrinsic

__all__ = ["SPIN_BEFORE_YIELD", "YIELD_BEFORE_SLEEP", "abort", "arrive", "counters", "wait_for_all"]

SPIN_BEFORE_YIELD = 4096
YIELD_BEFORE_SLEEP = 256
_X86 = platform.machine().lower() in {"x86_64", "amd64", "i386", "i686"}


def counters(n_workers: int) -> np.ndarray:
    """Zeroed phase counters: shape (n_workers + 1, 16), row w for worker w (128 bytes apart), the last row the
    abort flag."""
    return np.zeros((n_workers + 1, 16), dtype=np.int64)


def abort(counter: np.ndarray) -> None:
    """Raise the abort flag: every worker waiting at the barrier returns."""
    counter[-1, 0] = 1


@intrinsic
def _load_acquire(typingctx, array, index):
    """``array[index]`` read with acquire ordering (an int64 array)."""

    def codegen(context, builder, signature, args):
        array_type = signature.args[0]
        data = context.make_array(array_type)(context, builder, args[0])
        pointer = cgutils.get_item_pointer(context, builder, array_type, data, [args[1], ir.Constant(args[1].type, 0)])
        return builder.load_atomic(pointer, ordering="acquire", align=8)

    return types.int64(array, index), codegen


@intrinsic
def _store_release(typingctx, array, index, value):
    """``array[index] = value`` written with release ordering (an int64 array)."""

    def codegen(context, builder, signature, args):
        array_type = signature.args[0]
        data = context.make_array(array_type)(context, builder, args[0])
        pointer = cgutils.get_item_pointer(context, builder, array_type, data, [args[1], ir.Constant(args[1].type, 0)])
        builder.store_atomic(args[2], pointer, ordering="release", align=8)
        return context.get_dummy_value()

    return types.void(array, index, types.int64), codegen


@intrinsic
def _pause(typingctx):
    """The CPU's spin-wait hint (x86 ``pause``; nothing elsewhere)."""

    def codegen(context, builder, signature, args):
        if _X86:
            hint = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(ir.VoidType(), []), "llvm.x86.sse2.pause"
            )
            builder.call(hint, [])
        return context.get_dummy_value()

    return types.void(), codegen


@intrinsic
def _sched_yield(typingctx):
    """C's ``sched_yield()``: give the core to another runnable thread (declared by name, resolved in the process,
    so that the kernels calling it can still be cached on disk)."""

    def codegen(context, builder, signature, args):
        function = cgutils.get_or_insert_function(builder.module, ir.FunctionType(ir.IntType(32), []), "sched_yield")
        builder.call(function, [])
        return context.get_dummy_value()

    return types.void(), codegen


@intrinsic
def _sleep_50us(typingctx):
    """C's ``usleep(50)``."""

    def codegen(context, builder, signature, args):
        function = cgutils.get_or_insert_function(
            builder.module, ir.FunctionType(ir.IntType(32), [ir.IntType(32)]), "usleep"
        )
        builder.call(function, [ir.Constant(ir.IntType(32), 50)])
        return context.get_dummy_value()

    return types.void(), codegen


@numba.njit(cache=True, nogil=True)
def arrive(counter: np.ndarray, worker: int, phases_done: int) -> None:
    """Publish that ``worker`` has finished ``phases_done`` phases (everything it wrote before is visible to a worker
    that sees this). ``counter`` is :func:`counters`' array of shape (n_workers, 16)."""
    _store_release(counter, worker, phases_done)


@numba.njit(cache=True, nogil=True)
def wait_for_all(counter: np.ndarray, phases_done: int) -> bool:
    """Wait until every worker has published at least ``phases_done`` finished phases; False if the abort flag was
    raised instead."""
    flag = counter.shape[0] - 1
    for worker in range(flag):
        rounds = 0
        while _load_acquire(counter, worker) < phases_done:
            if _load_acquire(counter, flag) != 0:
                return False
            if rounds < SPIN_BEFORE_YIELD:
                _pause()
            elif rounds < SPIN_BEFORE_YIELD + YIELD_BEFORE_SLEEP:
                _sched_yield()
            else:
                _sleep_50us()
            rounds += 1
    return True
