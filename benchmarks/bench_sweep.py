"""Which K: the time of a genealogy sweep over K = 2..30 (models.lda.k_sweep), on the Lee sample and on 1 M tokens.

A sweep fits one model per K and links consecutive K. It reuses work: the corpus's token arrays are built once for
the whole range (``models.lda.genealogy.fit_range`` hands them to every Gibbs fit), the numba kernels are compiled
(or loaded from numba's cache) once per process and shared by every K, and each K is fitted once: a second sweep over
the same range with the same cache fits nothing. Printed per corpus: the one-off costs (token arrays, first kernel
call), the time per K (fit, then the scores: c_v, u_mass, perplexity), the genealogy's linking, the whole sweep, and
the same sweep again with the cache.

    OPENBLAS_NUM_THREADS=1 flock /tmp/topiclens-bench.lock python benchmarks/bench_sweep.py \\
        [--corpus lee synthetic] [--k 2:30] [--iterations N] [--workers W] [--seeds R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from models import load_sample
from models.corpus.corpus import Corpus
from models.lda.genealogy import fit_range, genealogy_of, parse_k_range
from models.lda.gibbs.engine import corpus_tokens, fit_gibbs
from models.lda.k_sweep import k_sweep
from models.lda.options import LdaOptions


def _corpus(name: str) -> Corpus:
    if name == "lee":
        return load_sample("lee-news")
    from bench_gibbs import synthetic_corpus  # 10,000 documents, ~1 M tokens, ~20,000 terms (cached in TMPDIR)

    return synthetic_corpus()


def bench(name: str, ks: list[int], iterations: int | None, workers: int, seeds: int) -> None:
    corpus = _corpus(name)
    options = LdaOptions(iterations=iterations, workers=workers, seed=0)
    print(
        f"\n{name}: {corpus.n_documents} documents, {corpus.n_tokens:,} tokens, {corpus.vocab_size:,} terms; "
        f"K = {ks[0]}..{ks[-1]} ({len(ks)} fits), {iterations or 200} sweeps, {workers} worker(s), "
        f"{seeds} run(s) per K"
    )

    started = time.perf_counter()
    corpus_tokens(corpus)
    print(f"  token arrays (built once per sweep):  {time.perf_counter() - started:8.3f} s")
    started = time.perf_counter()
    fit_gibbs(corpus, LdaOptions(n_topics=2, iterations=1, workers=workers))
    print(f"  first kernel call (compile/cache load):{time.perf_counter() - started:8.3f} s  (once per process)")

    cache: dict = {}
    started = time.perf_counter()
    models = fit_range(corpus, options, ks, cache)
    fitted = time.perf_counter() - started
    started = time.perf_counter()
    genealogy_of(models)
    linked = time.perf_counter() - started
    started = time.perf_counter()
    sweep = k_sweep(corpus, options, ks, runs=seeds, cache=cache)  # fits reused from the cache: only the scores
    scored = time.perf_counter() - started
    started = time.perf_counter()
    k_sweep(corpus, options, ks, runs=1, cache=cache)
    again = time.perf_counter() - started
    label = f"fits, K = {ks[0]}..{ks[-1]}:"
    print(f"  {label:<38}{fitted:8.2f} s  ({fitted / len(ks):.2f} s per K)")
    print(f"  genealogy (JS + shared tokens, all K):{linked:8.3f} s")
    label = "scores (c_v, u_mass, perplexity" + (", stability):" if seeds > 1 else "):")
    print(f"  {label:<38}{scored:8.2f} s")
    print(f"  whole sweep:                          {fitted + linked + scored:8.2f} s")
    print(f"  the same sweep again (cached fits):   {again:8.2f} s  (scores only, no fit)")
    best = max(sweep.rows, key=lambda r: r.c_v)
    print(f"  best c_v at K = {best.k} ({best.c_v:.3f}); new themes per K: "
          + " ".join(f"{r.k}:{r.new_themes}" for r in sweep.rows))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", nargs="+", choices=["lee", "synthetic"], default=["lee", "synthetic"])
    parser.add_argument("--k", default="2:30")
    parser.add_argument("--iterations", type=int, default=None, help="sweeps per fit (default: the engine's 200)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seeds", type=int, default=1, help="fits per K for stability (1: none)")
    args = parser.parse_args()
    ks = parse_k_range(args.k)
    for name in args.corpus:
        bench(name, ks, args.iterations, args.workers, args.seeds)


if __name__ == "__main__":
    main()
