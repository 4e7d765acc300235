"""The child's side of a job: how its process is started from the fork server, and what runs in it.

:class:`app.jobs.JobRunner` starts a :class:`JobProcess` with :func:`child_main` as its target; the child runs the
job's function, sends progress and one final message over a pipe, and writes the value to a file. No Streamlit here.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import logging
import multiprocessing
import os
import pickle
import resource
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing import context, forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.connection import Connection, wait
from typing import Any

from models.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["PARTIAL_SUFFIX", "PROGRESS_EVERY", "JobProcess", "child_main", "rss_bytes"]

PROGRESS_EVERY = 0.1  # seconds between progress messages from a child
PARTIAL_SUFFIX = ".partial"  # beside the result file: the latest intermediate value


def _status_bytes(pid: int | str, field: bytes) -> int:
    """A size field (``VmRSS:``, ``VmSize:``) of ``/proc/<pid>/status`` in bytes; 0 when the line is missing.

    Raises
    ------
    OSError
        When the process is gone.
    """
    with open(f"/proc/{pid}/status", "rb") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    return 0


def rss_bytes(pid: int) -> int | None:
    """Resident set size of process ``pid``, or None when it is gone (0 for a zombie, which has no VmRSS line)."""
    try:
        return _status_bytes(pid, b"VmRSS:")
    except (OSError, ValueError, IndexError):
        return None


class _Popen(popen_forkserver.Popen):
    """The fork server's launcher, except that the child does not re-run the parent's ``__main__``.

    ``multiprocessing`` re-imports the parent's main script in every child so that functions defined there can be
    unpickled. Here the parent is Streamlit's (or pytest's) command-line script: re-running it would cost an import
    of Streamlit per job, or start a second server. Job functions live in importable modules, so it is not needed.
    This is ``popen_forkserver.Popen._launch`` (CPython 3.11) with the two ``init_main_*`` entries left out.
    """

    def _launch(self, process_obj: Any) -> None:
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_name", None)
        prep_data.pop("init_main_from_path", None)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class JobProcess(context.ForkServerProcess):
    """A fork-server process started by :class:`_Popen` (the parent's ``__main__`` is not re-run)."""

    @staticmethod
    def _Popen(process_obj: Any) -> _Popen:
        return _Popen(process_obj)


def child_main(
    conn: Connection, fn: Callable[..., Any], args: tuple, result_path: str, headroom: int | None, niceness: int
) -> None:
    """Run ``fn(*args, progress=...)`` in the child and report over ``conn``: progress, then one final message.

    A ``fn`` with a ``partial`` parameter also gets ``partial(value)``: each call pickles ``value`` (an
    intermediate result, e.g. a model while it converges) to ``result_path + ".partial"`` and sends its number.

    ``headroom``: when given, the child's address space is capped at its size at start plus this many bytes (a
    backstop: one huge allocation fails at once with ``MemoryError``); ``niceness`` is added to its priority.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:  # the server died (or was killed): no monitor is left to stop this job, so stop now
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()
    if niceness:
        os.nice(niceness)  # when the cores are busy, the server's own threads (other users' clicks) go first
    if headroom:
        ceiling = _status_bytes("self", b"VmSize:") + headroom
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    last = [0.0]

    def progress(i: int, total: int, value: float | None) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or i >= total:
            last[0] = now
            conn.send(("progress", (int(i), int(total), None if value is None else float(value))))

    published = [0]

    def partial(value: Any) -> None:
        path = result_path + PARTIAL_SUFFIX
        with open(path + ".part", "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".part", path)  # atomic: the server reads the previous one or this one, never half
        published[0] += 1
        conn.send(("partial", published[0]))

    kwargs: dict[str, Any] = {"progress": progress}
    if "partial" in inspect.signature(fn).parameters:
        kwargs["partial"] = partial
    message: tuple[str, Any]
    try:
        value = fn(*args, **kwargs)
        partial = result_path + ".part"
        with open(partial, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, result_path)
        message = ("done", None)
    except InputError as err:
        message = ("input_error", (err.code, _picklable(err.params)))
    except MemoryError:
        message = ("memory", None)
    except BaseException:
        text = traceback.format_exc()
        logger.error("job failed in the worker:\n%s", text)
        message = ("unexpected", text)
    with contextlib.suppress(OSError):  # the server is gone: nobody is left to tell
        conn.send(message)
    conn.close()


def _picklable(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` if they pickle, else their text (an error's details must reach the server)."""
    try:
        pickle.dumps(params)
    except Exception:
        return {key: str(value) for key, value in params.items()}
    return params


def _exit_with_parent(sentinel: int) -> None:
    """Wait until the parent (the server) has gone, then end this child at once (exit code 70)."""
    wait([sentinel])
    os._exit(70)
