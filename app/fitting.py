"""Running fits: a pending fit runs in a worker process with a progress bar and a Cancel button.

A fit is asked for in the entry script, above the page, and runs as a job (``app.jobs``) keyed by the fit's cache
key: a page switch reruns the script, which attaches to the job still running instead of starting it again, and
another session asking for the same fit shares it. Clicking Cancel reruns the script; that run sees the click, lets
go of the job (its process is killed unless another session shares it) and does not reschedule the fit.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import streamlit as st

from app import corpus_source, job_tasks, job_ui, result_cache, state
from app.i18n import message, t
from app.model_controls import FitSpec
from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.explore import LdaExploration

logger = logging.getLogger(__name__)

AUTO_FIT_MAX_TOKENS = 300_000


def schedule(spec: FitSpec) -> None:
    """Ask for ``spec`` to be fitted on the next run."""
    st.session_state[state.PENDING] = spec
    st.session_state.pop(state.FIT_MESSAGE, None)
    st.session_state.get(state.FAILED_FITS, set()).discard(spec.key)


def _result_key(method: str) -> str:
    return state.LDA_KEY if method == "lda" else state.LSA_KEY


def _give_up(spec: FitSpec, note: tuple[str, str]) -> None:
    """Drop the pending fit and remember it, so the page does not start it again by itself."""
    ss = st.session_state
    ss.pop(state.PENDING, None)
    ss.setdefault(state.FAILED_FITS, set()).add(spec.key)
    ss[state.FIT_MESSAGE] = note


def _problem_note(err: InputError) -> tuple[str, str]:
    if isinstance(err, job_ui.JobProblem) and not err.user_facing:
        return ("error", t("unexpected"))
    if isinstance(err, job_ui.JobProblem) and err.reason == "cancelled":
        return ("info", t("fit_cancelled"))
    return ("error", message(err))


def run_pending(corpus: Corpus | None, page: str | None = None) -> None:
    """Run the pending fit, if any, showing progress; store its key in this session when it succeeds.

    On the fit's own page (``page`` equal to its method, or None) the page waits for it behind a progress box with
    Cancel. On any other page (the Gibbs classroom, the corpus) the page stays usable: the fit runs on in its worker
    and a sidebar fragment polls it every second (which also keeps it from counting as abandoned), with its own
    Cancel; when the fit is done the app reruns once and the result is stored.
    """
    ss = st.session_state
    spec: FitSpec | None = ss.get(state.PENDING)
    if spec is None:
        return
    if ss.get(state.CANCEL_BUTTON):  # the rerun of a Cancel click
        job_ui.release(spec.key)
        _give_up(spec, ("info", t("fit_cancelled")))
        return
    if corpus is None:
        ss.pop(state.PENDING, None)
        return
    if result_cache.get(spec.key) is None:
        source = corpus_source.job_source(spec.corpus_key, corpus)
        if spec.method == "lda":
            label = t("fitting_lda", engine=t(f"engine_{spec.lda.engine}"), k=spec.lda.n_topics)
            job = job_ui.submit(spec.key, job_tasks.fit_lda, (source, spec.lda), "fit")
        else:
            label = t("fitting_lsa")
            job = job_ui.submit(spec.key, job_tasks.fit_lsa, (source, spec.lsa_k, spec.lsa_weighting), "fit")
        if page is not None and page != spec.method and not job.poll(job_ui.owner()).final:
            with st.sidebar:  # a fragment may not write to the sidebar from inside: call it there
                _background_status(spec.key, label)
            return
        if spec.method == "lda":  # on its page: the map as the chain converges, once the fit takes a while
            job_ui.wait(job, label=label, cancel_key=state.CANCEL_BUTTON, detail=_iteration, until=_live_now)
            if not job.poll(job_ui.owner()).final:
                ss[_LIVE] = spec.key  # the LDA page draws the latest model, and the status box under its title
                ss[_FULL_RUN] = True
                if page is None:  # no page follows that would draw the box
                    live_box()
                return
        job_ui.wait(job, label=label, cancel_key=state.CANCEL_BUTTON, detail=_iteration)
        try:
            result_cache.put(spec.key, job_ui.outcome(job, "fit"))
        except InputError as err:  # the options' problem, or a JobProblem (memory, time, a dead worker)
            _give_up(spec, _problem_note(err))
            return
        finally:
            job_ui.release(spec.key)
    ss[_result_key(spec.method)] = spec
    ss.pop(state.PENDING, None)


@st.fragment(run_every=1.0)
def _background_status(key: str, label: str) -> None:
    """A fit running while another page is shown: its progress in the sidebar, polled every second, and Cancel."""
    job = job_ui.running(key)
    if job is None:
        return
    status = job.poll(job_ui.owner())
    if status.final:
        st.rerun(scope="app")  # the full run stores the result (or shows the failure)
    fraction, detail = 0.0, ""
    if status.progress is not None:
        fraction = min(max(status.progress[0] / max(status.progress[1], 1), 0.0), 1.0)
        detail = " — " + _iteration(status.progress)
    with st.container(border=True):
        st.progress(fraction, text=label + detail)
        st.caption(t("fit_in_background"))
        if st.button(t("cancel"), key=state.CANCEL_BACKGROUND):  # a click reruns only this fragment: act here
            job_ui.release(key)
            pending = st.session_state.get(state.PENDING)
            if pending is not None and pending.key == key:
                _give_up(pending, ("info", t("fit_cancelled")))
            st.rerun(scope="app")


LIVE_AFTER = 2.0  # seconds a fit runs before its page shows the model while it converges (quick fits just finish)


def _live_now(status: job_ui.Status) -> bool:
    """Whether to stop waiting and show the model as it stands: there is one, and the fit is not nearly done."""
    return status.partial > 0 and status.elapsed >= LIVE_AFTER


def live(corpus_key: str | None) -> tuple[FitSpec, LdaExploration] | None:
    """The LDA fit running for this session on ``corpus_key`` and its latest model while it converges, or None."""
    spec: FitSpec | None = st.session_state.get(state.PENDING)
    if spec is None or spec.method != "lda" or spec.corpus_key != corpus_key or st.session_state.get(_LIVE) != spec.key:
        return None
    job = job_ui.running(spec.key)
    latest = job.partial() if job is not None else None
    if latest is None:
        return None
    st.session_state[_LIVE_SHOWN] = latest[0]
    return spec, latest[1]


_LIVE = "_tl_live_fit"  # the key of the fit whose partial model this run shows (set by _live_status)
_LIVE_SHOWN = "_tl_live_shown"  # the number of the partial model the page drew last
_FULL_RUN = "_tl_live_full_run"  # set by a full run for the status fragment: the page is about to draw


def live_box() -> None:
    """Under the LDA page's title while its fit shows the model as it converges: the status box (else nothing)."""
    spec: FitSpec | None = st.session_state.get(state.PENDING)
    if spec is not None and st.session_state.get(_LIVE) == spec.key and st.session_state.get(_FULL_RUN):
        _live_status(spec.key)


@st.fragment(run_every=1.0)
def _live_status(key: str) -> None:
    """The LDA page's box while its fit runs: sweep, log-likelihood, the map's sweep, the converged mark, Stop.

    Polled every second; when the fit has a newer model (or has finished) the whole page reruns to draw it.
    Stop keeps the model as it stands (the last one drawn) as this session's fit.
    """
    ss = st.session_state
    job = job_ui.running(key)
    if job is None:  # let go of elsewhere (another tab's Cancel): the full run sorts it out
        st.rerun(scope="app")
    status = job.poll(job_ui.owner())
    full_run = ss.pop(_FULL_RUN, False)
    latest = job.partial()
    exploration: LdaExploration | None = latest[1] if latest is not None else None
    action = live_action(bool(ss.get(state.STOP_LIVE)), status, full_run, ss.get(_LIVE_SHOWN))
    if action == "stop":
        _keep_partial(key, exploration)
    if action != "draw":
        st.rerun(scope="app")
    fraction, text = 0.0, ""
    if status.progress is not None:
        i, total, ll = status.progress
        fraction = min(max(i / max(total, 1), 0.0), 1.0)
        text = t("live_progress", i=i, total=total) + ("" if ll is None else " · " + t("live_ll", ll=ll))
    with st.container(border=True):
        bar, stop = st.columns([5, 1], vertical_alignment="center")
        bar.progress(fraction, text=text)
        stop.button(t("stop_keep"), key=state.STOP_LIVE, help=t("stop_keep_help"), width="stretch")  # see live_action
        if exploration is not None:
            st.caption(_convergence_note(exploration))


def live_action(stop_clicked: bool, status: job_ui.Status, full_run: bool, shown: int | None) -> str:
    """What the live box does on this run of the page or of its fragment.

    ``"stop"``: Stop was clicked and the fit still runs; the model as it stands is kept. A click is acted on before
    anything else: when a newer model had arrived, the fragment's run that the click starts used to rerun the page
    for it first, and the click was lost (the fit ran on). ``"rerun"``: the fit has its result, or (on the
    fragment's own runs) a newer model than the page drew, so the whole page reruns. ``"draw"``: the box as it is.
    """
    if stop_clicked and not status.final:
        return "stop"
    if status.final or (not full_run and status.partial != shown):
        return "rerun"
    return "draw"


def _convergence_note(exploration: LdaExploration) -> str:
    """What the page shows: the model's sweep and whether the chain has met the stopping rule."""
    done, at = exploration.sweeps_done, exploration.converged_at
    total = int(exploration.model.params.get("iterations", done or 0))
    if at is not None:
        return t("live_converged", done=done, total=total, at=at)
    return t("live_converging", done=done, total=total)


def _keep_partial(key: str, exploration: LdaExploration | None) -> None:
    """Stop the running fit ``key``; keep ``exploration`` (its model as it stood) as this session's fit."""
    ss = st.session_state
    spec: FitSpec | None = ss.get(state.PENDING)
    job_ui.release(key)
    if spec is None or spec.key != key:
        return
    if exploration is None:
        _give_up(spec, ("info", t("fit_cancelled")))
        return
    kept = dataclasses.replace(spec, stopped_at=exploration.sweeps_done)
    result_cache.put(kept.key, exploration)
    names = ss.setdefault(state.TOPIC_NAMES, {})
    names[kept.key] = dict(names.get(key, {}))  # the user's names and selection stay with the kept model
    if ss.get(state.EXPLORED_FIT) == key:
        ss[state.EXPLORED_FIT] = kept.key
    ss[_result_key(spec.method)] = kept
    ss.pop(state.PENDING, None)
    ss.setdefault(state.FAILED_FITS, set()).add(spec.key)  # not started again by itself
    ss[state.FIT_MESSAGE] = ("info", t("fit_stopped", done=exploration.sweeps_done))


def _iteration(progress: tuple[int, int, float | None]) -> str:
    i, total, value = progress
    return t("fit_progress", i=i, total=total) + (f" · {value:,.4g}" if value is not None else "")


def sweep(sweep_key: str, spec: FitSpec, corpus: Corpus, k_values: tuple[int, ...], *, start: bool) -> Any | None:
    """The choose-K sweep's rows: cached, or from a job started now (``start``) or still running for this session.

    The job runs with a progress bar and a Cancel button; a page switch or another tab leaves it running, and
    drawing the tab again re-attaches to it. Errors are shown here; None when there are no rows.
    """
    rows = result_cache.get(sweep_key)
    if rows is not None:
        return rows
    job = job_ui.running(sweep_key)
    if job is not None and st.session_state.get(state.CANCEL_SWEEP):
        job_ui.release(sweep_key)
        st.info(t("sweep_cancelled"))
        return None
    if job is None:
        if not start:
            return None
        source = corpus_source.job_source(spec.corpus_key, corpus)
        job = job_ui.submit(sweep_key, job_tasks.sweep_k, (source, spec.lda, k_values), "sweep")
    job_ui.wait(job, label=t("sweeping"), cancel_key=state.CANCEL_SWEEP, detail=lambda p: f"{p[0]}/{p[1]}")
    try:
        rows = job_ui.outcome(job, "sweep")
    except InputError as err:
        kind, text = _problem_note(err)
        (st.error if kind == "error" else st.info)(text)
        return None
    finally:
        job_ui.release(sweep_key)
    result_cache.put(sweep_key, rows)
    return rows


def may_auto_fit(spec: FitSpec | None, method: str, corpus: Corpus) -> bool:
    """Whether to fit ``spec`` without a click: a small corpus, and not a fit that failed or was cancelled here.

    When the reason is not the corpus's size, this says why and stops the page, so the page's "This corpus is
    large" note only shows when the corpus is large.
    """
    if spec is not None and spec.method == method and corpus.n_tokens <= AUTO_FIT_MAX_TOKENS:
        if spec.key not in st.session_state.get(state.FAILED_FITS, set()):
            return True
        st.info(t(f"press_fit_again_{method}"))
        st.stop()
    if spec is None or spec.method != method:
        st.info(t(f"press_fit_method_{method}"))
        st.stop()
    return False


def current(method: str, corpus_key: str | None) -> Any | None:
    """This session's latest fit of ``method`` on the current corpus, or None (re-fitted if the cache lost it)."""
    spec: FitSpec | None = st.session_state.get(_result_key(method))
    if spec is None or spec.corpus_key != corpus_key:
        return None
    result = result_cache.get(spec.key)
    if result is None:  # a stopped fit that the cache lost is fitted again in full
        schedule(dataclasses.replace(spec, stopped_at=None))
        st.rerun()
    return result


def show_message() -> None:
    """Show (once) what the last fit attempt said: an error or a cancellation."""
    note = st.session_state.pop(state.FIT_MESSAGE, None)
    if note:
        kind, text = note
        (st.error if kind == "error" else st.info)(text)
