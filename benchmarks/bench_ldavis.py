"""Native LDAvis data (``models.ldavis.vis_data.prepare_vis``) against ``pyLDAvis.prepare``, and λ re-rank latency.

Run from the repository root: ``python benchmarks/bench_ldavis.py``. Targets: ``prepare_vis`` at least 10× faster
than ``pyLDAvis.prepare`` at K=50, V=20,000, D=5,000; λ re-rank p95 below 20 ms at K=50, V=50,000.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.lda.topic_model import TopicModel
from models.ldavis.vis_data import prepare_vis, top_terms


def synthetic_model(k: int, v: int, d: int, seed: int = 0) -> TopicModel:
    """phi ~ Dirichlet(0.05) per topic, theta ~ Dirichlet(0.1) per document, lengths 50-500 tokens (seeded)."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(v, 0.05), size=k)
    theta = rng.dirichlet(np.full(k, 0.1), size=d)
    lengths = rng.integers(50, 500, size=d).astype(np.float64)
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=tuple(f"w{i:05d}" for i in range(v)),
        doc_lengths=lengths,
        term_frequency=np.round((lengths @ theta) @ phi),
    )


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pyldavis_prepare(model: TopicModel, n_jobs: int) -> object:
    import pyLDAvis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pyLDAvis.prepare(
            topic_term_dists=model.phi,
            doc_topic_dists=model.theta,
            doc_lengths=model.doc_lengths,
            vocab=list(model.vocab),
            term_frequency=model.term_frequency,
            sort_topics=True,
            mds="pcoa",
            R=30,
            n_jobs=n_jobs,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of prepare_vis (best is reported)")
    parser.add_argument("--skip-parallel", action="store_true", help="skip pyLDAvis with n_jobs=-1 (slow)")
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, NumPy {np.__version__}, {os.cpu_count()} CPUs")
    k, v, d = 50, 20_000, 5_000
    model = synthetic_model(k, v, d)
    print(f"\nprepare: K={k}, V={v:,}, D={d:,} (phi ~ Dirichlet(0.05), theta ~ Dirichlet(0.1), seed 0)")
    native = timed(lambda: prepare_vis(model, layout="pcoa", R=30), args.repeat)
    rows = [("models.ldavis.vis_data.prepare_vis (pcoa)", native)]
    rows.append(("pyLDAvis.prepare n_jobs=1", timed(lambda: pyldavis_prepare(model, 1), 1)))
    if not args.skip_parallel:
        rows.append(("pyLDAvis.prepare n_jobs=-1 (default)", timed(lambda: pyldavis_prepare(model, -1), 1)))
    print(f"  {'implementation':<40}{'seconds':>10}{'vs native':>12}")
    for name, seconds in rows:
        print(f"  {name:<40}{seconds:>10.3f}{seconds / native:>11.1f}x")
    fastest_pyldavis = min(seconds for _, seconds in rows[1:])
    ratio = fastest_pyldavis / native
    print(f"  speed-up vs fastest pyLDAvis: {ratio:.1f}x (target >= 10x: {'PASS' if ratio >= 10 else 'FAIL'})")

    k, v, d = 50, 50_000, 5_000
    model = synthetic_model(k, v, d, seed=1)
    start = time.perf_counter()
    vis = prepare_vis(model, R=30)
    prep = time.perf_counter() - start
    n_cand = (vis.candidates >= 0).sum(axis=1)
    print(f"\nλ re-rank: K={k}, V={v:,} (prepare_vis {prep:.3f} s)")
    print(f"  candidate terms per topic: median {np.median(n_cand):.0f}, max {n_cand.max()} of {v:,}")
    rng = np.random.default_rng(2)
    times = []
    for lam in rng.permutation(np.linspace(0.0, 1.0, 100)):
        topic = int(rng.integers(k))
        start = time.perf_counter()
        top_terms(vis, topic, float(lam), R=30)
        times.append(time.perf_counter() - start)
    times_ms = np.array(times) * 1e3
    p95 = np.percentile(times_ms, 95)
    print(f"  {'100 λ values, random topic':<40}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}")
    print(f"  {'top_terms (re-rank candidates)':<40}{np.median(times_ms):>10.3f}{p95:>10.3f}{times_ms.max():>10.3f}")
    print(f"  p95 target < 20 ms: {'PASS' if p95 < 20 else 'FAIL'}")


if __name__ == "__main__":
    main()
