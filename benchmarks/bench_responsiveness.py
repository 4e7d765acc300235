"""Does one user's heavy work slow down another user's clicks? Two real browser sessions against one server.

Run from the repository root: ``python benchmarks/bench_responsiveness.py``. It starts ``streamlit run app/main.py``
on a free loopback port and drives two headless Chromium sessions with Playwright:

- session B opens the app (the Lee news sample, fitted automatically on first start) and clicks topic circles on the
  map, one after the other; each click is timed inside the page from the ``mousedown`` to the first poll (every
  5 ms) that sees the term bars titled with the clicked topic and the run finished (as in ``bench_ui_latency.py``);
- session A first stays idle (B's baseline), then uploads each heavy input in turn while B keeps clicking, and
  finally presses Fit on the heavy corpus and, after ``--fit-seconds``, Cancel.

Heavy inputs, generated in a temporary directory: ``text``, about 20 MB of short lines (one document per line), and
``zip``, 100 members of exactly 1 MiB of text each (it may be refused at once by the reading limits). Printed:
B's click latency (median, p95, max) with A idle and during each of A's tasks; the server process's resident memory
before, at its peak and after A's work; the peak of the worker processes; how long Cancel took to end the worker.
Target: every click answers within 1 s while A's work runs.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import string
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ui_latency import _ARM, _TITLE_NAMES, _clickable_circles, _elapsed_ms, _map  # noqa: E402

from tests.live_app import CHROMIUM, CHROMIUM_ARGS, IDLE, running_app, wait_idle  # noqa: E402

TARGET_MS = 1000.0
MB = 1024 * 1024


# --- inputs ----------------------------------------------------------------------------------------------------------


def make_text(path: Path, megabytes: float = 20.0, seed: int = 0) -> Path:
    """About ``megabytes`` of short lines (14-22 words from a 20,000-word vocabulary), one document per line."""
    rnd = random.Random(seed)
    words = ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(3, 9))) for _ in range(20_000)]
    lines, size = [], 0
    while size < megabytes * MB:
        line = " ".join(rnd.choice(words) for _ in range(rnd.randint(14, 22)))
        lines.append(line)
        size += len(line) + 1
    path.write_text("\n".join(lines) + "\n")
    return path


def make_zip(path: Path, members: int = 100) -> Path:
    """``members`` deflated members of exactly 1 MiB of text each (a 0.27 MB file that expands 400 times)."""
    member = (b"lorem ipsum dolor sit amet consectetur\n" * 30_000)[:MB]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(members):
            archive.writestr(f"part{i:03d}.txt", member)
    return path


# --- processes -------------------------------------------------------------------------------------------------------


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def server_pid(port: str) -> int:
    """The ``streamlit run`` process serving ``port``."""
    for pid in _pids():
        line = _cmdline(pid)
        if "streamlit" in line and "app/main.py" in line and f"--server.port {port} " in line + " ":
            return pid
    raise RuntimeError(f"no streamlit process on port {port}")


def worker_pids(server: int) -> list[int]:
    """The job workers: children of the server's fork server."""
    forkservers = [pid for pid in _pids() if _ppid(pid) == server and "forkserver" in _cmdline(pid)]
    return [pid for pid in _pids() if _ppid(pid) in forkservers]


@dataclass
class MemoryLog:
    """Resident memory of the server and (summed) of its workers, sampled every 50 ms by a thread."""

    server: int
    samples: list[tuple[float, int, int]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            workers = sum(_rss(pid) for pid in worker_pids(self.server))
            self.samples.append((time.monotonic(), _rss(self.server), workers))
            time.sleep(0.05)

    def between(self, start: float, end: float) -> list[tuple[float, int, int]]:
        return [s for s in self.samples if start <= s[0] <= end]


# --- browser ---------------------------------------------------------------------------------------------------------


def _is_idle(page: object) -> bool:
    return bool(
        page.evaluate(
            "(idle) => !!document.querySelector(idle) && !document.querySelector('[data-testid=\"stSkeleton\"]')"
            " && !document.querySelector('[data-testid=\"stProgress\"]')",
            IDLE,
        )
    )


def click_once(page: object, points: dict[str, tuple[float, float]], rank: str) -> float:
    """Click the circle of ``rank``; milliseconds until the bars name that topic with the run finished."""
    page.evaluate(_ARM)
    page.mouse.click(*points[rank])
    page.wait_for_function(_TITLE_NAMES, arg=f"Topic #{rank} ", polling=5, timeout=60_000)
    elapsed = _elapsed_ms(page)
    wait_idle(page, timeout=60_000)
    return elapsed


class Clicker:
    """Session B's clicks, cycling over the map's circles (never the selected one twice in a row)."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.points = _clickable_circles(page)
        self.ranks = sorted(self.points, key=int)
        if len(self.ranks) < 2:
            raise RuntimeError(f"need two clickable circles, found {self.ranks}")
        self.i = 0

    def click(self) -> float:
        rank = self.ranks[self.i % len(self.ranks)]
        self.i += 1
        return click_once(self.page, self.points, rank)


def clicks_while(clicker: Clicker, busy: object, minimum: int, limit_s: float) -> tuple[list[float], float]:
    """Click until ``busy()`` is False (at least ``minimum`` clicks, at most ``limit_s`` seconds)."""
    times: list[float] = []
    start = time.monotonic()
    while (busy() or len(times) < minimum) and time.monotonic() - start < limit_s:
        times.append(clicker.click())
    return times, time.monotonic() - start


def _alert(page: object) -> str:
    texts = page.locator("[data-testid='stAlert']").all_text_contents()
    return " | ".join(text.strip().replace("\n", " ")[:200] for text in texts) if texts else "(no message)"


def upload(page: object, path: Path) -> None:
    """Replace session A's uploaded files by ``path`` (the uploader keeps adding files otherwise)."""
    while page.get_by_test_id("stFileChipDeleteBtn").count():
        page.get_by_test_id("stFileChipDeleteBtn").first.click()
        wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    page.wait_for_timeout(300)


def wait_until_idle(page: object) -> None:
    while not _is_idle(page):
        page.wait_for_timeout(100)


def _summary(name: str, times: list[float]) -> str:
    if not times:
        return f"{name:<34} no clicks"
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    verdict = "meets" if ordered[-1] < TARGET_MS else "MISSES"
    return (
        f"{name:<34} n={len(times):<3} median {statistics.median(ordered):6.0f} ms   p95 {p95:6.0f} ms   "
        f"max {ordered[-1]:6.0f} ms   {verdict} 'every click < {TARGET_MS:.0f} ms'"
    )


def _mb(n: int) -> str:
    return f"{n / MB:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=int, default=20, help="B's clicks with A idle")
    parser.add_argument("--inputs", nargs="*", default=["text", "zip"], choices=["text", "zip"])
    parser.add_argument("--text-mb", type=float, default=20.0)
    parser.add_argument("--fit-seconds", type=float, default=20.0, help="A's heavy fit runs this long, then Cancel")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    import streamlit
    from playwright.sync_api import sync_playwright

    print(
        f"Python {platform.python_version()} · Streamlit {streamlit.__version__} · {os.cpu_count()} CPUs · "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {}
        if "text" in args.inputs:
            inputs["text"] = make_text(Path(tmp) / "short-lines.txt", args.text_mb)
        if "zip" in args.inputs:
            inputs["zip"] = make_zip(Path(tmp) / "hundred-mib.zip")
        for name, path in inputs.items():
            print(f"input {name}: {path.name}, {path.stat().st_size / MB:.2f} MB")
        with running_app(Path(tmp) / "streamlit.log") as url, sync_playwright() as p:
            server = server_pid(url.rsplit(":", 1)[1])
            memory = MemoryLog(server)
            threading.Thread(target=memory.run, daemon=True).start()
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages = {}
            for who in ("B", "A"):
                page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()
                page.set_default_timeout(180_000)
                page.goto(url)
                wait_idle(page)
                pages[who] = page
            page_a, page_b = pages["A"], pages["B"]
            _map(page_b).locator(".scatterlayer .trace .points path").nth(1).wait_for()
            clicker = Clicker(page_b)
            clicker.click()
            clicker.click()  # warm-up

            results: list[tuple[str, list[float]]] = []
            idle, _ = clicks_while(clicker, lambda: False, args.baseline, 600)
            results.append(("A idle", idle))
            time.sleep(1)
            rss_before = _rss(server)

            page_a.get_by_test_id("stSidebar").get_by_text("Upload files").click()
            wait_idle(page_a)
            work_start = time.monotonic()
            for name, path in inputs.items():
                started = time.monotonic()
                upload(page_a, path)
                times, _ = clicks_while(clicker, lambda: not _is_idle(page_a), 5, 900)
                wait_until_idle(page_a)
                took = time.monotonic() - started
                print(f"A's {name} upload: {took:.1f} s until its page was idle; it says: {_alert(page_a)}")
                results.append((f"A reads {name} ({took:.0f} s)", times))
            if args.fit_seconds > 0 and "text" in inputs:
                if list(inputs)[-1] != "text":  # back to the text corpus for the fit (read from the cache)
                    upload(page_a, inputs["text"])
                    wait_until_idle(page_a)
                page_a.get_by_test_id("stSidebar").get_by_role("button", name="Fit", exact=True).click()
                page_a.wait_for_timeout(500)
                fit_start = time.monotonic()
                times, _ = clicks_while(clicker, lambda: time.monotonic() - fit_start < args.fit_seconds, 5, 900)
                results.append((f"A fits LDA on it ({args.fit_seconds:.0f} s)", times))
                workers = worker_pids(server)
                cancel = page_a.get_by_role("button", name="Cancel")
                if cancel.count():
                    clicked = time.monotonic()
                    cancel.first.click()
                    while any(Path(f"/proc/{pid}").exists() and _rss(pid) for pid in workers):
                        time.sleep(0.01)
                    print(
                        f"A's Cancel: the fit's worker was gone {1000 * (time.monotonic() - clicked):.0f} ms after "
                        f"the click (workers before: {workers})"
                    )
                    wait_idle(page_a)
                else:
                    print("A's fit ended before Cancel was pressed")
            work_end = time.monotonic()
            time.sleep(3)
            rss_after = _rss(server)
            during = memory.between(work_start, work_end)
            memory.stop.set()
            print()
            for name, times in results:
                print(_summary(f"B's clicks, {name}", times))
            print()
            print(
                f"server RSS: before A's work {_mb(rss_before)}, peak during it "
                f"{_mb(max(s[1] for s in during))}, 3 s after it {_mb(rss_after)}"
            )
            print(f"worker processes: peak RSS (summed) {_mb(max(s[2] for s in during))}")
            print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            browser.close()


if __name__ == "__main__":
    main()
