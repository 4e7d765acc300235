"""The job runner on its own: real child processes running the tiny functions of ``tests.app.job_helpers``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from app import result_cache
from app.job_ui import JobProblem
from app.jobs import Job, JobFailed, JobRunner, Limits
from models.errors import InputError
from tests.app import job_helpers

MB = 1024 * 1024


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner(workers=2, preload=("tests.app.job_helpers",), abandon_after=30.0)
    yield jobs
    jobs.shutdown()


def _finish(job: Job, owner: str = "a", timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not job.poll(owner).final:
        assert time.monotonic() < deadline, f"{job} did not finish in {timeout} s"
        time.sleep(0.02)


def _running_pid(job: Job, owner: str = "a") -> int:
    deadline = time.monotonic() + 60
    while job.poll(owner).state != "running" or job.pid is None:
        assert time.monotonic() < deadline, f"{job} did not start"
        time.sleep(0.02)
    return job.pid


def _gone_within(pid: int, seconds: float) -> float:
    """Seconds until process ``pid`` no longer exists; fails after ``seconds``."""
    start = time.monotonic()
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return time.monotonic() - start
        assert time.monotonic() - start < seconds, f"pid {pid} still exists after {seconds} s"
        time.sleep(0.01)


def test_result_and_progress_come_back(runner: JobRunner) -> None:
    job = runner.submit("add", job_helpers.add, (2, 3), owner="a")
    seen = set()
    while not (status := job.poll("a")).final:
        if status.progress is not None:
            seen.add(status.progress)
        time.sleep(0.01)
    value = job.outcome()
    assert value["sum"] == 5
    assert value["pid"] != os.getpid()  # it ran in a child
    assert value["nice"] == os.nice(0) + 10  # behind the server when the cores are busy
    np.testing.assert_array_equal(value["array"], np.arange(5))
    assert job.progress == (3, 3, 0.3)  # the last report always comes through
    assert seen <= {(1, 3, 0.1), (2, 3, 0.2), (3, 3, 0.3)} and len(seen) >= 2
    runner.release("add", "a")
    assert runner.find("add") is None


def test_input_error_keeps_its_code_and_params(runner: JobRunner) -> None:
    job = runner.submit("refuse", job_helpers.refuse, owner="a")
    _finish(job)
    with pytest.raises(InputError) as caught:
        job.outcome()
    assert caught.value.code == "too_many_documents"
    assert caught.value.params == {"documents": 1_280_000, "limit": 200_000}


def test_cancel_kills_the_child_within_a_second(runner: JobRunner) -> None:
    job = runner.submit("slow", job_helpers.sleep, (60.0,), owner="a")
    pid = _running_pid(job)
    runner.release("slow", "a")
    assert _gone_within(pid, 1.0) < 1.0
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "cancelled"
    assert runner.find("slow") is None


def test_cancel_by_one_owner_leaves_the_job_to_the_other(runner: JobRunner) -> None:
    job = runner.submit("shared", job_helpers.sleep, (1.0,), owner="a")
    assert runner.submit("shared", job_helpers.sleep, (1.0,), owner="b") is job
    runner.release("shared", "a")
    _finish(job, owner="b")
    assert job.state == "done"


def test_memory_limit_kills_the_child(runner: JobRunner) -> None:
    limits = Limits(memory_bytes=300 * MB)
    job = runner.submit("big", job_helpers.allocate, (1024 * MB,), owner="a", limits=limits)
    pid = _running_pid(job)
    _finish(job, timeout=10)
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "memory"
    assert caught.value.params == {"limit_mb": 300}
    assert 300 * MB < job.peak_rss < 1024 * MB  # killed on the way, not after the allocation
    _gone_within(pid, 1.0)
    problem = JobProblem(caught.value, "read")
    assert problem.text("en").startswith("Reading this input needed more than 300 MB of memory")
    assert "300 MB" in problem.text("ko")


def test_address_space_backstop_stops_one_huge_allocation_at_once(runner: JobRunner) -> None:
    limits = Limits(memory_bytes=300 * MB, address_space_headroom=600 * MB)
    job = runner.submit("huge", job_helpers.allocate, (1024 * MB,), owner="a", limits=limits)
    _finish(job, timeout=10)
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "memory"
    assert job.peak_rss < 1024 * MB


def test_time_limit(runner: JobRunner) -> None:
    job = runner.submit("long", job_helpers.sleep, (30.0,), owner="a", limits=Limits(seconds=0.5))
    pid = _running_pid(job)
    _finish(job, timeout=5)
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "time"
    ten_minutes = JobProblem(JobFailed("time", seconds=600), "fit").text("en")
    assert ten_minutes.startswith("This fit took longer than 10 minutes")
    _gone_within(pid, 1.0)


def test_a_child_killed_by_a_signal_is_reported_not_waited_for(runner: JobRunner) -> None:
    job = runner.submit("die", job_helpers.die, owner="a")
    _finish(job, timeout=10)
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "died"
    assert caught.value.params["signal"] == 9


def test_an_unexpected_exception_becomes_unexpected(runner: JobRunner) -> None:
    job = runner.submit("bug", job_helpers.bug, owner="a")
    _finish(job, timeout=10)
    with pytest.raises(JobFailed) as caught:
        job.outcome()
    assert caught.value.reason == "unexpected"
    assert not JobProblem(caught.value, "read").user_facing


def test_an_abandoned_job_is_killed() -> None:
    jobs = JobRunner(workers=1, abandon_after=1.0)
    try:
        job = jobs.submit("left", job_helpers.sleep, (60.0,), owner="a")
        pid = _running_pid(job)
        started = time.monotonic()  # nobody polls from here on: the browser left
        _gone_within(pid, 3.0)
        assert 0.8 < time.monotonic() - started < 3.0
        assert job.state == "failed" and isinstance(job.error, JobFailed) and job.error.reason == "abandoned"
        assert jobs.find("left") is None
    finally:
        jobs.shutdown()


def test_a_job_does_not_outlive_the_server() -> None:
    script = (
        "import sys, time; sys.path.insert(0, sys.argv[1])\n"
        "from app.jobs import JobRunner\n"
        "from tests.app import job_helpers\n"
        "jobs = JobRunner(workers=1)\n"  # a job that sleeps 60 s and reports no progress
        "job = jobs.submit('orphan', job_helpers.count_then_sleep, ('/dev/null', 60.0), owner='a')\n"
        "while job.poll('a').state != 'running': time.sleep(0.02)\n"
        "print(job.pid, flush=True)\n"
        "import os; os._exit(0)\n"  # no clean shutdown: as if the server were killed
    )
    root = str(Path(__file__).resolve().parents[2])
    started = time.monotonic()
    # The child inherits stdout: run() returns when the server and the orphaned job have both gone.
    done = subprocess.run([sys.executable, "-c", script, root], stdout=subprocess.PIPE, text=True, timeout=120)
    assert time.monotonic() - started < 30
    assert _gone_within(int(done.stdout.split()[-1]), 3.0) < 3.0


def test_single_flight_runs_the_function_once(runner: JobRunner, tmp_path: Path) -> None:
    count = tmp_path / "runs.txt"
    first = runner.submit("same", job_helpers.count_then_sleep, (str(count), 0.5), owner="a")
    second = runner.submit("same", job_helpers.count_then_sleep, (str(count), 0.5), owner="b")
    assert second is first
    _finish(first, owner="a")
    _finish(second, owner="b")
    assert first.outcome() == 42 and second.outcome() == 42
    assert len(count.read_text().splitlines()) == 1


def test_jobs_beyond_the_workers_wait(tmp_path: Path) -> None:
    jobs = JobRunner(workers=1)
    try:
        first = jobs.submit("one", job_helpers.sleep, (1.0,), owner="a")
        second = jobs.submit("two", job_helpers.sleep, (0.1,), owner="a")
        _running_pid(first)
        status = second.poll("a")
        assert status.state == "waiting" and status.ahead == 0
        _finish(second)
        assert first.state == "done" and first.finished <= second.started
    finally:
        jobs.shutdown()


def test_cache_byte_bound_evicts_the_least_recently_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_cache, "MAX_BYTES", 20 * MB)
    result_cache.clear()
    evicted = []
    try:
        result_cache.put("a", np.zeros(8 * MB // 8), on_evict=lambda: evicted.append("a"))
        result_cache.put("b", np.zeros(8 * MB // 8))
        assert result_cache.get("a") is not None  # a is now the most recently used
        result_cache.put("c", np.zeros(8 * MB // 8))
        assert result_cache.get("b") is None and evicted == []
        assert result_cache.get("a") is not None and result_cache.get("c") is not None
        result_cache.put("d", np.zeros(30 * MB // 8))  # alone over the bound: kept, everything else goes
        assert result_cache.get("d") is not None and result_cache.get("a") is None
        assert evicted == ["a"]
        entries, nbytes = result_cache.size()
        assert entries == 1 and 30 * MB <= nbytes < 31 * MB
    finally:
        result_cache.clear()


def test_estimate_of_a_corpus_scales_its_samples() -> None:
    tokens = tuple(tuple(f"w{i}_{j}" for j in range(10)) for i in range(10_000))
    estimate = result_cache.estimate_bytes({"tokens": tokens, "matrix": np.ones((100, 100))})
    exact_strings = sum(len(t) for doc in tokens for t in doc) + 49 * 100_000  # ASCII str: 49 bytes + characters
    assert 80_000 + exact_strings < estimate < 2.0 * (80_000 + exact_strings + 10_000 * 120)


def test_partial_values_come_back_while_the_job_runs(runner: JobRunner, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    job = runner.submit("publish", job_helpers.publish, (3, str(gate)), owner="a")
    deadline = time.monotonic() + 60
    while job.poll("a").partial < 3:
        assert time.monotonic() < deadline, "the partial values did not arrive"
        time.sleep(0.02)
    status = job.poll("a")
    assert status.state == "running" and status.partial == 3
    count, value = job.partial()
    assert count == 3 and value["step"] == 3 and value["array"].tolist() == [3, 3, 3]
    assert job.partial()[1] is value  # loaded once per new value
    gate.touch()
    _finish(job)
    assert job.outcome() == "finished" and job.partial()[1]["step"] == 3  # kept after the end
    partial_file = job.result_path + ".partial"
    assert os.path.exists(partial_file)
    runner.release("publish", "a")
    assert not os.path.exists(partial_file)  # gone with the job


def test_a_cancelled_job_leaves_its_last_partial_to_whoever_loaded_it(runner: JobRunner, tmp_path: Path) -> None:
    job = runner.submit("publish-cancel", job_helpers.publish, (2, str(tmp_path / "never")), owner="a")
    deadline = time.monotonic() + 60
    while job.poll("a").partial < 2:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    kept = job.partial()
    pid = job.pid
    runner.release("publish-cancel", "a")
    _gone_within(pid, 5)
    assert kept[1]["step"] == 2 and job.partial() == kept  # in memory; the file is removed
    assert not os.path.exists(job.result_path + ".partial")


def test_functions_without_a_partial_parameter_are_called_as_before(runner: JobRunner) -> None:
    job = runner.submit("add-no-partial", job_helpers.add, (1, 1), owner="a")
    _finish(job)
    assert job.outcome()["sum"] == 2 and job.poll("a").partial == 0 and job.partial() is None
