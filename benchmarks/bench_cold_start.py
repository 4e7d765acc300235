"""Cold start: from ``streamlit run app/main.py`` to the fitted sample's topic map on screen in a real browser.

Run from the repository root: ``python benchmarks/bench_cold_start.py`` (``--runs N`` warm starts, ``--fresh`` for
one more start with numba's compiled kernels gone, ``--repo DIR`` to start another checkout's app, e.g. an older
one exported with ``git archive``). Each start runs::

    python -m streamlit run app/main.py --server.headless true --server.fileWatcherType none \\
        --browser.gatherUsageStats false --server.port <free> --server.address 127.0.0.1

with Debian's headless Chromium (Playwright, English locale, launched before the clock starts, as a user's browser is
already open) pointed at it as soon as the server answers, and prints seconds from the server process's start to:

- health: ``/_stcore/health`` answers 200 (polled every 20 ms);
- page: the app's first content is drawn (the sidebar's first heading, the page's title or the fit's progress);
- map: the fitted Lee news map's circles are visible (the Plotly chart with the topic numbers, ``.textpoint``, and
  its circle points drawn).

The page and map times are taken inside the page (``Date.now()`` at the first 10 ms poll that sees them), on the
same clock as the start. Warm starts come after one untimed start (``--warmup``), so numba's cache and the OS's file
cache are filled; ``--fresh`` starts once more with ``NUMBA_CACHE_DIR`` set to a new empty temporary directory (the
real cache is left alone), i.e. a first-ever start where every kernel is compiled. Target: map ≤ 5 s warm.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live_app import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

TARGET_SECONDS = 5.0

_PAGE = """() => {
  const first = document.querySelector(
    "[data-testid='stSidebar'] [data-testid='stHeading'], [data-testid='stMain'] h1, [data-testid='stProgress']");
  return first && first.offsetParent !== null ? Date.now() : false;
}"""
_MAP = """() => {
  const chart = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .find(c => c.querySelector('.textpoint'));
  const circle = chart && chart.querySelector('.scatterlayer .trace .points path');
  if (!circle) return false;
  const box = circle.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? Date.now() : false;
}"""


@dataclass(frozen=True)
class Start:
    """Seconds from the server process's start to each milestone."""

    health: float
    page: float
    map: float


def _wait_health(url: str, proc: subprocess.Popen, deadline: float) -> float:
    """Poll ``/_stcore/health`` every 20 ms; the wall-clock time (``time.time()``) of the first 200."""
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.time()
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("Streamlit did not start")
        time.sleep(0.02)


def one_start(browser: object, env: dict[str, str], log: Path, repo: Path = ROOT, timeout: float = 120.0) -> Start:
    """Start ``repo``'s app, open it in a new browser context, and time the three milestones."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(timeout * 1000)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app/main.py",
        "--server.headless", "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
        "--server.port", str(port), "--server.address", "127.0.0.1",
    ]  # fmt: skip
    with log.open("w") as out:
        t0 = time.time()
        proc = subprocess.Popen(cmd, cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        health = _wait_health(url, proc, time.monotonic() + timeout)
        page.goto(url)
        shown = page.wait_for_function(_PAGE, polling=10).json_value() / 1000
        drawn = page.wait_for_function(_MAP, polling=10).json_value() / 1000
        return Start(health=health - t0, page=shown - t0, map=drawn - t0)
    except Exception:
        print(log.read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        context.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _row(name: str, s: Start) -> str:
    verdict = "meets" if s.map <= TARGET_SECONDS else "MISSES"
    return f"{name:<8} health {s.health:5.2f} s   page {s.page:5.2f} s   map {s.map:5.2f} s   ({verdict} ≤ 5 s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed warm starts")
    parser.add_argument("--warmup", type=int, default=1, help="untimed starts first (fill numba's and the OS cache)")
    parser.add_argument("--fresh", action="store_true", help="one more start with an empty NUMBA_CACHE_DIR")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout whose app is started (e.g. an older one)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    import streamlit
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()[0]
    print(
        f"Python {platform.python_version()} · Streamlit {streamlit.__version__} · {os.cpu_count()} CPUs · "
        f"{platform.machine()} · load average {load:.2f} · {args.repo}"
    )
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        log = Path(tmp) / "streamlit.log"
        for _ in range(args.warmup):
            one_start(browser, env, log, args.repo)
        warm = []
        for i in range(args.runs):
            warm.append(one_start(browser, env, log, args.repo))
            print(_row(f"warm {i + 1}", warm[-1]), flush=True)
        if warm:
            median = Start(*(statistics.median(getattr(s, f) for s in warm) for f in ("health", "page", "map")))
            print(_row("median", median))
        if args.fresh:
            cache = Path(tmp) / "numba-cache"
            cache.mkdir()
            fresh = one_start(browser, {**env, "NUMBA_CACHE_DIR": str(cache)}, log, args.repo)
            print(_row("fresh", fresh) + "  (empty NUMBA_CACHE_DIR: every kernel compiled)")
        browser.close()
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
