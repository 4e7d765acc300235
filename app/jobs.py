"""Heavy work in child processes: a small job runner with limits, cancellation and single flight.

The server's own process only draws pages. Reading uploads and fitting run here, one child process per job, started
by a ``multiprocessing`` fork server whose process has already imported (and warmed) the ``models`` code, so a job
starts in tens of milliseconds and a killed job gives all its memory back at once. One monitor thread per runner
watches every job about ten times a second: it forwards progress, enforces the memory and time limits, starts
queued jobs when a worker is free, and kills jobs that nobody has asked about for a while (the browser left).

Jobs are keyed (the key holds the content hash of the input and every option): asking for a key that is already
queued or running attaches to that job instead of starting another one (single flight). Each asker is an *owner*;
a job is killed when its last owner lets go of it (Cancel) or stops polling (abandonment).

This module never imports Streamlit; ``app.job_ui`` draws the progress and the Cancel button.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from typing import Any

from app.job_child import PARTIAL_SUFFIX, JobProcess, child_main, rss_bytes
from models.errors import InputError

logger = logging.getLogger(__name__)

__all__ = ["Job", "JobFailed", "JobRunner", "Limits", "Status", "rss_bytes"]

WAITING, RUNNING, DONE, FAILED = "waiting", "running", "done", "failed"
FINAL = frozenset({DONE, FAILED})

# Reasons a job can fail without being the user's input error (``JobFailed.reason``).
MEMORY, TIME, DIED, UNEXPECTED, CANCELLED, ABANDONED = "memory", "time", "died", "unexpected", "cancelled", "abandoned"


@dataclass(frozen=True)
class Limits:
    """What one job may spend.

    Attributes
    ----------
    memory_bytes : int, optional
        Largest resident set size of the child; past it the child is killed. None: no limit.
    seconds : float, optional
        Longest run time (from its start, not counting the wait for a worker). None: no limit.
    address_space_headroom : int, optional
        A backstop: the child's ``RLIMIT_AS`` is its virtual size at start plus this, so one huge allocation
        fails at once with ``MemoryError`` (reported as the memory limit) instead of outrunning the monitor's
        checks. None: no address-space limit.
    """

    memory_bytes: int | None = None
    seconds: float | None = None
    address_space_headroom: int | None = None


class JobFailed(Exception):
    """A job ended without a value for a reason other than the user's input.

    Parameters
    ----------
    reason : {"memory", "time", "died", "unexpected", "cancelled", "abandoned"}
        Past the memory limit, past the time limit, the child died (a signal, e.g. the kernel's OOM killer),
        a bug in the child (the traceback is logged), cancelled by its last owner, or nobody polled it.
    **params
        Details for the message: ``limit_mb``, ``seconds``, ``signal``, ``exitcode``.
    """

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        self.params = params
        super().__init__(f"job {reason}: {params}" if params else f"job {reason}")


@dataclass(frozen=True)
class Status:
    """A snapshot of a job for the UI.

    Attributes
    ----------
    state : {"waiting", "running", "done", "failed"}
    progress : tuple of (int, int, float or None), optional
        The latest ``progress(i, total, value)`` the work reported.
    ahead : int
        While waiting: how many queued jobs start before this one.
    elapsed : float
        Seconds since the job started running (0 while waiting).
    partial : int
        How many intermediate values the work has published so far (:meth:`Job.partial` reads the latest).
    """

    state: str
    progress: tuple[int, int, float | None] | None
    ahead: int
    elapsed: float
    partial: int = 0

    @property
    def final(self) -> bool:
        """True once the job has a value or an error."""
        return self.state in FINAL


class Job:
    """One computation in a child process, shared by every owner that asked for its key.

    Created by :meth:`JobRunner.submit`; read it with :meth:`poll` and :meth:`outcome`.
    """

    def __init__(
        self, runner: JobRunner, key: str, fn: Callable[..., Any], args: tuple, limits: Limits, keep_file: bool
    ) -> None:
        self.key = key
        self.fn = fn
        self.args = args
        self.limits = limits
        self.keep_file = keep_file
        self.result_path = os.path.join(runner.spool, f"{uuid.uuid4().hex}.pickle")
        self.state = WAITING
        self.progress: tuple[int, int, float | None] | None = None
        self.owners: dict[str, float] = {}
        self.submitted = time.monotonic()
        self.started: float | None = None
        self.finished: float | None = None
        self.peak_rss = 0
        self.pid: int | None = None
        self.error: BaseException | None = None
        self._runner = runner
        self._process: Any = None
        self._conn: Connection | None = None
        self._value: Any = None
        self._loaded = False
        self._load_lock = threading.Lock()
        self.partial_count = 0  # intermediate values published by the child (its latest is in a file)
        self._partial: tuple[int, Any] | None = None

    def poll(self, owner: str) -> Status:
        """The job's state; also tells the runner that ``owner`` still wants it."""
        return self._runner._poll(self, owner)

    def outcome(self) -> Any:
        """The value of a finished job (loaded from the child's file on first call), or raise its error.

        Raises
        ------
        InputError
            The user's input was refused by the work (code and parameters as raised in the child).
        JobFailed
            Memory or time limit, a dead child, a bug, a cancellation or abandonment.
        """
        if self.state == FAILED:
            assert self.error is not None
            raise self.error
        if self.state != DONE:
            raise RuntimeError(f"job {self.key!r} is {self.state}")
        with self._load_lock:
            if not self._loaded:
                # Reading from a file (not one big bytes object) lets other threads run between chunks.
                try:
                    with open(self.result_path, "rb") as stream:
                        self._value = pickle.load(stream)
                except FileNotFoundError:  # let go of (by every owner) before this one came back for it
                    raise JobFailed(ABANDONED) from None
                self._loaded = True
        return self._value

    def partial(self) -> tuple[int, Any] | None:
        """The latest intermediate value the work published, with its number (1, 2, ...), or None.

        Loaded from the child's file when a newer one has arrived since the last call. Kept after the job has
        finished (or was cancelled), until the job is let go.
        """
        with self._load_lock:
            count = self.partial_count
            if count and (self._partial is None or self._partial[0] < count):
                try:
                    with open(self.result_path + PARTIAL_SUFFIX, "rb") as stream:
                        self._partial = (count, pickle.load(stream))
                except (OSError, EOFError, pickle.UnpicklingError):  # gone with the job, or not there yet
                    pass
            return self._partial

    def __repr__(self) -> str:
        return f"Job({self.key!r}, {self.state}, pid={self.pid}, owners={len(self.owners)})"


class JobRunner:
    """Runs keyed jobs in child processes, at most ``workers`` at once, with limits and single flight.

    Parameters
    ----------
    workers : int, optional
        Jobs running at once; more wait in a queue. Default: the number of CPUs.
    preload : sequence of str
        Modules the fork server imports once before forking any child (e.g. the task modules).
    abandon_after : float
        Seconds without a poll from any owner after which a job is killed (or, finished, forgotten).
    tick : float
        Seconds between the monitor's checks of memory, time and abandonment.
    niceness : int
        Added to each child's nice value, so that on busy cores the server answers clicks before heavy work runs.
    """

    def __init__(
        self,
        *,
        workers: int | None = None,
        preload: Sequence[str] = (),
        abandon_after: float = 30.0,
        tick: float = 0.1,
        niceness: int = 10,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.abandon_after = abandon_after
        self.tick = tick
        self.niceness = niceness
        self.spool = tempfile.mkdtemp(prefix="topiclens-jobs-")
        self._ctx = multiprocessing.get_context("forkserver")
        if preload:
            self._ctx.set_forkserver_preload(list(preload))
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}  # key -> job that is queued, running, or finished and not yet let go
        self._queue: list[Job] = []
        self._wake_r, self._wake_w = multiprocessing.Pipe(duplex=False)
        self._closed = False
        self._thread = threading.Thread(target=self._monitor, name="topiclens-jobs", daemon=True)
        self._thread.start()
        atexit.register(self.shutdown)

    # --- asking -----------------------------------------------------------------------------------------------------

    def submit(
        self,
        key: str,
        fn: Callable[..., Any],
        args: tuple = (),
        *,
        owner: str,
        limits: Limits | None = None,
        keep_file: bool = False,
    ) -> Job:
        """Run ``fn(*args, progress=...)`` in a child, or attach ``owner`` to the job already running for ``key``.

        ``fn`` must be importable by name (a module-level function) and its arguments and value picklable; it
        receives a ``progress(i, total, value)`` callback. With ``keep_file`` the pickled value stays in
        :attr:`Job.result_path` after the job is let go (the caller deletes it), e.g. to hand it to later jobs.
        """
        with self._lock:
            job = self._jobs.get(key)
            if job is None or (job.state == FAILED and isinstance(job.error, JobFailed)):
                job = Job(self, key, fn, args, limits or Limits(), keep_file)
                self._jobs[key] = job
                self._queue.append(job)
            job.owners[owner] = time.monotonic()
        self._wake()
        return job

    def find(self, key: str) -> Job | None:
        """The job for ``key`` that is queued, running or finished and not yet let go, or None."""
        with self._lock:
            return self._jobs.get(key)

    def release(self, key: str, owner: str) -> None:
        """``owner`` no longer wants ``key``: when nobody else does, kill the job (Cancel) or forget it (done)."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                return
            job.owners.pop(owner, None)
            if not job.owners:
                self._drop(job, CANCELLED)
        self._wake()

    def jobs(self) -> list[Job]:
        """Every job the runner knows about (tests and benchmarks)."""
        with self._lock:
            return list(self._jobs.values())

    def cancel_all(self) -> None:
        """Kill every job and forget it (tests)."""
        with self._lock:
            for job in list(self._jobs.values()):
                job.owners.clear()
                self._drop(job, CANCELLED)
        self._wake()

    def shutdown(self) -> None:
        """Kill every child and stop the monitor; the spool directory is removed."""
        if self._closed:
            return
        self.cancel_all()
        self._closed = True
        self._wake()
        self._thread.join(timeout=2)
        shutil.rmtree(self.spool, ignore_errors=True)

    # --- inside the runner ------------------------------------------------------------------------------------------

    def _poll(self, job: Job, owner: str) -> Status:
        with self._lock:
            now = time.monotonic()
            if self._jobs.get(job.key) is job:
                job.owners[owner] = now
            ahead = self._queue.index(job) if job in self._queue else 0
            elapsed = (job.finished or now) - job.started if job.started is not None else 0.0
            return Status(
                state=job.state, progress=job.progress, ahead=ahead, elapsed=elapsed, partial=job.partial_count
            )

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send_bytes(b"!")

    def _drop(self, job: Job, reason: str) -> None:
        """Forget ``job`` (lock held); kill it first if it is still queued or running."""
        if self._jobs.get(job.key) is job:
            del self._jobs[job.key]
        if job in self._queue:
            self._queue.remove(job)
        if job.state not in FINAL:
            self._fail(job, JobFailed(reason))
        if not (job.keep_file and job._loaded):
            _remove(job.result_path)
        _remove(job.result_path + PARTIAL_SUFFIX)

    def _fail(self, job: Job, error: BaseException) -> None:
        """Mark ``job`` failed and kill its child (lock held)."""
        job.error = error
        job.state = FAILED
        job.finished = time.monotonic()
        self._kill(job)

    def _kill(self, job: Job) -> None:
        process = job._process
        if process is not None and process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                process.kill()
        if job._conn is not None:
            job._conn.close()
            job._conn = None
        _remove(job.result_path + ".part")
        _remove(job.result_path + PARTIAL_SUFFIX + ".part")

    def _start(self, job: Job) -> None:
        """Start ``job``'s child (lock held)."""
        receive, send = self._ctx.Pipe(duplex=False)
        process = JobProcess(
            target=child_main,
            args=(send, job.fn, job.args, job.result_path, job.limits.address_space_headroom, self.niceness),
            name=f"topiclens-job-{job.key[:40]}",
            daemon=True,
        )
        try:
            process.start()
        except Exception as err:  # could not fork or pickle the arguments: a bug, not the user's input
            logger.exception("could not start job %s", job.key)
            send.close()
            receive.close()
            self._fail(job, JobFailed(UNEXPECTED, detail=str(err)))
            return
        send.close()
        job._process, job._conn, job.pid = process, receive, process.pid
        job.state, job.started = RUNNING, time.monotonic()
        logger.info("job started: pid %s, %s", job.pid, job.key[:80])

    def _monitor(self) -> None:
        try:  # start the fork server (it imports and warms the preloaded modules) before the first job needs it
            forkserver.ensure_running()
        except Exception:
            logger.exception("could not start the fork server; the first job will try again")
        while not self._closed:
            with self._lock:
                conns = [job._conn for job in self._jobs.values() if job.state == RUNNING and job._conn is not None]
            try:
                ready = wait([self._wake_r, *conns], timeout=self.tick)
            except (OSError, ValueError):  # a connection closed under us: look again
                ready = []
            if self._wake_r in ready:
                while self._wake_r.poll():
                    self._wake_r.recv_bytes()
            with self._lock:
                for job in list(self._jobs.values()):
                    if job.state == RUNNING:
                        self._receive(job)
                    if job.state == RUNNING:
                        self._check_limits(job)
                self._forget_abandoned()
                running = sum(1 for job in self._jobs.values() if job.state == RUNNING)
                while self._queue and running < self.workers:
                    self._start(self._queue.pop(0))
                    running += 1

    def _receive(self, job: Job) -> None:
        """Read every message the child sent; notice a child that died without a final message (lock held)."""
        conn = job._conn
        if conn is None:
            return
        try:
            while conn.poll():
                kind, payload = conn.recv()
                if kind == "progress":
                    job.progress = payload
                    continue
                if kind == "partial":
                    job.partial_count = payload
                    continue
                self._finish(job, kind, payload)
                return
        except (EOFError, OSError):
            pass
        else:
            if job._process.is_alive():
                return
            if conn.poll():  # the final message arrived between the two checks
                self._receive(job)
                return
        job._process.join(timeout=0.5)
        exitcode = job._process.exitcode
        signal = -exitcode if exitcode is not None and exitcode < 0 else None
        logger.error("job died: pid %s exit code %s, %s", job.pid, exitcode, job.key[:80])
        self._fail(job, JobFailed(DIED, signal=signal, exitcode=exitcode))

    def _finish(self, job: Job, kind: str, payload: Any) -> None:
        if kind == "done":
            job.state, job.finished = DONE, time.monotonic()
            job._conn.close()
            job._conn = None
            logger.info("job done in %.2f s (peak %d MB): %s", job.finished - job.started, job.peak_rss >> 20, job.key)
        elif kind == "input_error":
            code, params = payload
            self._fail(job, InputError(code, **params))
        elif kind == "memory":
            limit = job.limits.memory_bytes or job.limits.address_space_headroom
            self._fail(job, JobFailed(MEMORY, limit_mb=_mb(limit)))
        else:
            logger.error("job %s failed: %s", job.key[:80], payload)
            self._fail(job, JobFailed(UNEXPECTED))

    def _check_limits(self, job: Job) -> None:
        rss = rss_bytes(job.pid) if job.pid is not None else None
        if rss is not None:
            job.peak_rss = max(job.peak_rss, rss)
        limits = job.limits
        if limits.memory_bytes is not None and rss is not None and rss > limits.memory_bytes:
            logger.warning("job killed at %d MB (limit %d MB): %s", rss >> 20, _mb(limits.memory_bytes), job.key)
            self._fail(job, JobFailed(MEMORY, limit_mb=_mb(limits.memory_bytes)))
        elif limits.seconds is not None and time.monotonic() - job.started > limits.seconds:
            logger.warning("job killed after %.0f s: %s", limits.seconds, job.key)
            self._fail(job, JobFailed(TIME, seconds=limits.seconds))

    def _forget_abandoned(self) -> None:
        now = time.monotonic()
        for job in list(self._jobs.values()):
            for owner, seen in list(job.owners.items()):
                if now - seen > self.abandon_after:
                    del job.owners[owner]
            if not job.owners:
                if job.state not in FINAL:
                    logger.warning("job abandoned (nobody polled it for %.0f s): %s", self.abandon_after, job.key)
                self._drop(job, ABANDONED)


def _mb(n: int | None) -> int:
    return int(n or 0) >> 20


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError:
        logger.warning("could not remove %s", path)
