"""The app's side of the job runner: one runner per server process, its limits, and a progress box with Cancel.

A session waits for its job by polling it a few times a second while drawing the progress; every poll is also a
point where Streamlit can stop the script (a Cancel click, a page switch, the browser leaving). A page switch
reruns the script, which asks for the same key again and so attaches to the job that is still running; a Cancel
click lets go of it (the child is killed when no other session shares it); a browser that left stops polling, and
the runner kills the job after ``TOPICLENS_JOB_ABANDON_SECONDS``.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from app import state
from app.i18n import t
from app.jobs import CANCELLED, DIED, MEMORY, TIME, Job, JobFailed, JobRunner, Limits, Status
from app.text import TEXT
from models.errors import InputError
from models.messages import MESSAGES

POLL_SECONDS = 0.2


def _env_float(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def memory_mb() -> int:
    """Largest resident memory of one job (``TOPICLENS_JOB_MEMORY_MB``, default 4096)."""
    return int(_env_float("TOPICLENS_JOB_MEMORY_MB", 4096))


def limits(kind: str) -> Limits:
    """The limits of a ``kind`` of job: "read" (``TOPICLENS_JOB_SECONDS``, default 600 s) or "fit" and "sweep"
    (``TOPICLENS_FIT_SECONDS``, default 1800 s); memory as :func:`memory_mb` for both.

    The address-space limit (``RLIMIT_AS``) is a backstop: the child's own start size plus twice the memory
    limit, so one huge allocation fails at once instead of outrunning the 0.1 s memory checks. "export" jobs (a
    picture drawn by Chromium, which reserves tens of GB of address space it never uses) get no address-space limit
    and two minutes.
    """
    memory = memory_mb() * 1024 * 1024
    if kind == "export":
        return Limits(memory_bytes=memory, seconds=120.0, address_space_headroom=None)
    seconds = _env_float("TOPICLENS_JOB_SECONDS", 600) if kind == "read" else _env_float("TOPICLENS_FIT_SECONDS", 1800)
    return Limits(memory_bytes=memory, seconds=seconds, address_space_headroom=2 * memory)


_runner: JobRunner | None = None
_runner_lock = threading.Lock()


def runner() -> JobRunner:
    """The server's job runner, created on first use (``TOPICLENS_JOB_WORKERS`` jobs at once, default: CPUs)."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = JobRunner(
                workers=int(_env_float("TOPICLENS_JOB_WORKERS", os.cpu_count() or 1)),
                preload=("app.job_preload",),
                abandon_after=_env_float("TOPICLENS_JOB_ABANDON_SECONDS", 30),
            )
        return _runner


def owner() -> str:
    """This browser session's name as a job owner."""
    return st.session_state.setdefault(state.JOB_OWNER, uuid.uuid4().hex)


# The job messages are app text (``app.text``) under codes of the models' catalogue, which ``app.i18n.message``
# renders: they are registered there once, at import, without replacing any of the models' own messages.
for _code, _entry in TEXT.items():
    if _code.startswith("job_"):
        MESSAGES.setdefault(_code, _entry)
MESSAGES.setdefault("job_unexpected", TEXT["unexpected"])


class JobProblem(InputError):
    """A job that failed for a reason the user should hear about (memory, time, a dead worker, a cancel).

    It is an :class:`InputError` so that pages show it the way they show any refusal; its code is
    ``job_<reason>_<kind>`` (e.g. ``job_memory_read``) or ``job_<reason>``, with its text in ``app.text``.
    """

    def __init__(self, failure: JobFailed, kind: str) -> None:
        self.reason = failure.reason
        self.kind = kind
        params = dict(failure.params)
        limit_mb = int(params.get("limit_mb") or memory_mb())
        params["limit"] = f"{limit_mb / 1024:g} GB" if limit_mb >= 1024 else f"{limit_mb} MB"
        params["minutes"] = f"{float(params.get('seconds') or 0) / 60:g}"
        params["signal"] = str(params.get("signal") or "?")
        code = next((c for c in (f"job_{self.reason}_{kind}", f"job_{self.reason}") if c in MESSAGES), "job_unexpected")
        super().__init__(code, **params)

    @property
    def user_facing(self) -> bool:
        """False for a bug in the worker or an abandoned job (the page says "Something went wrong" instead)."""
        return self.reason in (MEMORY, TIME, DIED, CANCELLED)


def cancelled(kind: str) -> JobProblem:
    """The problem to remember when this session cancelled its ``kind`` of job."""
    return JobProblem(JobFailed(CANCELLED), kind)


def _describe(label: str, status: Status, detail: Callable[[tuple[int, int, float | None]], str] | None) -> str:
    if status.state == "waiting":
        return f"{label} — {t('job_waiting', ahead=status.ahead)}"
    parts = [label]
    if status.progress is not None and detail is not None:
        parts.append(detail(status.progress))
    parts.append(t("job_elapsed", seconds=int(status.elapsed)))
    return " — ".join(parts)


def wait(
    job: Job,
    *,
    label: str,
    cancel_key: str,
    detail: Callable[[tuple[int, int, float | None]], str] | None = None,
    until: Callable[[Status], bool] | None = None,
) -> None:
    """Draw a progress box with a Cancel button and poll ``job`` until it has finished (or ``until(status)``).

    The Cancel button only reruns the script; the caller sees ``st.session_state[cancel_key]`` in that rerun and
    lets go of the job (:func:`release`).
    """
    me = owner()
    status = job.poll(me)

    def done(status: Status) -> bool:
        return status.final or (until is not None and until(status))

    if done(status):
        return
    box = st.empty()
    with box.container(border=True):
        line = st.empty()
        st.button(t("cancel"), key=cancel_key)
    while not done(status):
        fraction = 0.0
        if status.progress is not None:
            i, total, _ = status.progress
            fraction = min(max(i / max(total, 1), 0.0), 1.0)
        line.progress(fraction, text=_describe(label, status, detail))  # also where Streamlit may stop this run
        time.sleep(POLL_SECONDS)
        status = job.poll(me)
    box.empty()


def submit(key: str, fn: Callable[..., Any], args: tuple, kind: str, keep_file: bool = False) -> Job:
    """Ask for ``fn(*args)`` under ``key`` (or join the job already running for it) as this session.

    This session's previous job of the same ``kind`` under another key is let go at once (new options or files
    replace it), instead of running on until it counts as abandoned.
    """
    latest: dict[str, str] = st.session_state.setdefault(state.LATEST_JOBS, {})
    previous = latest.get(kind)
    if previous is not None and previous != key:
        runner().release(previous, owner())
    latest[kind] = key
    return runner().submit(key, fn, args, owner=owner(), limits=limits(kind), keep_file=keep_file)


def running(key: str) -> Job | None:
    """The job for ``key`` that this session is waiting for, if any (to re-attach after a rerun)."""
    job = runner().find(key)
    return job if job is not None and owner() in job.owners else None


def release(key: str) -> None:
    """This session no longer wants ``key`` (Cancel, or the value has been taken)."""
    runner().release(key, owner())


def outcome(job: Job, kind: str) -> Any:
    """The job's value; a failure that is not the input's fault comes back as :class:`JobProblem`."""
    try:
        return job.outcome()
    except JobFailed as failure:
        raise JobProblem(failure, kind) from None


def cached_run(
    key: str,
    fn: Callable[..., Any],
    args: tuple,
    *,
    kind: str,
    label: str,
    cancel_key: str,
    start: bool,
    detail: Callable[[tuple[int, int, float | None]], str] | None = None,
    cancelled_text: str = "",
) -> Any | None:
    """A training the page asked for: its cached value, or a job run now (``start``) or still running for this
    session, waited for with progress and Cancel and then cached under ``key``; None when there is no value (not
    started, cancelled, or refused: the refusal is shown). Changing a view never trains again."""
    from app import result_cache
    from app.i18n import message

    value = result_cache.get(key)
    if value is not None:
        return value
    if st.session_state.get(cancel_key):  # the rerun of a Cancel click
        release(key)
        if cancelled_text:
            st.info(cancelled_text)
        return None
    if not start and running(key) is None:
        return None
    job = submit(key, fn, args, kind)
    wait(job, label=label, cancel_key=cancel_key, detail=detail)
    try:
        value = outcome(job, "fit")
    except InputError as err:
        st.error(message(err))
        return None
    finally:
        release(key)
    result_cache.put(key, value)
    return value
