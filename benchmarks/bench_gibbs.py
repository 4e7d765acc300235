"""Collapsed Gibbs sampling: TopicLens's numba engine against tomotopy's LDAModel, side by side.

Both samplers get the same corpus (the same tokens and vocabulary), K, α, β, number of sweeps and number of workers
(``--workers 1 2``: one row per count; ours: :mod:`models.lda.gibbs.parallel`'s partition; tomotopy:
``ParallelScheme.NONE`` for one worker, ``PARTITION`` for more; hyperparameter optimisation off). Reported per
engine, as the median over ``--repeats`` runs with seeds 0, 1, ...:

- token-samples per second: tokens x sweeps / time spent sampling (ours: from the progress call before the first
  sweep to the one after the last, so it includes the log-likelihood records every 10 sweeps; tomotopy: ``train``
  after its initialisation by ``train(0)``);
- token-samples per CPU second ("per core"): the same over the process's CPU time in that span (all its threads),
  which other programs on a shared machine disturb much less than the wall clock;
- log-likelihood per token after the sweeps: the joint log p(w, z | α, β) of Griffiths & Steyvers (2004), computed by
  :func:`models.lda.gibbs.likelihood.joint_log_likelihood` on each engine's own final topic assignments (tomotopy's own
  ``ll_per_word`` is printed beside it as a check that both use the same quantity).

Corpora: (a) the Lee news corpus, (b) about 10,000 documents / 1 M tokens / 20,000 terms sampled from LDA's
generative model (cached in the temporary directory after the first run; terms that never occur are dropped so that
both engines see the same vocabulary size V).

The speed-up column divides each engine's speed by its own one-worker speed in the same run. ``--paired N`` measures
only our two-worker speed-up, as N pairs run back to back (one worker, then two, the same seed), each pair's ratio
and their median: on a shared machine a pair sees one background load, where the medians above compare runs minutes
apart.

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_gibbs.py [--repeats 3] [--quick | --no-lee] [--workers 1 2]
        [--topics ...] [--paired N]
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models import load_sample
from models.corpus.corpus import Corpus
from models.lda.gibbs import fit_gibbs
from models.lda.gibbs.counts import count_assignments
from models.lda.gibbs.likelihood import joint_log_likelihood
from models.lda.options import LdaOptions
from models.synthetic import generative

ALPHA, BETA = 0.1, 0.01
SYNTHETIC = {"n_docs": 10_000, "n_topics": 50, "n_terms": 20_000, "doc_length": 100, "alpha": 0.1, "eta": 0.05}


def synthetic_corpus() -> Corpus:
    """The generated corpus, from the cache when present; unused terms are dropped."""
    key = "-".join(f"{k}{v}" for k, v in SYNTHETIC.items()) + "-ids"  # the Corpus of token-id arrays
    cache = Path(tempfile.gettempdir()) / f"topiclens-bench-{key}.pkl"
    if cache.exists():
        try:
            with cache.open("rb") as f:
                return pickle.load(f)
        except (ImportError, AttributeError, EOFError, pickle.UnpicklingError):  # written by another version
            cache.unlink(missing_ok=True)
    corpus = generative(**SYNTHETIC, seed=0).corpus
    used = np.flatnonzero(corpus.term_frequency > 0)
    new_id = np.full(corpus.vocab_size, -1, dtype=np.int32)
    new_id[used] = np.arange(len(used), dtype=np.int32)
    corpus = replace(
        corpus,
        dtm=corpus.dtm[:, used].tocsr(),
        vocab=tuple(corpus.vocab[j] for j in used),
        token_ids=new_id[corpus.token_ids],
    )
    with cache.open("wb") as f:
        pickle.dump(corpus, f)
    return corpus


def ll_per_token(corpus: Corpus, word_ids: np.ndarray, doc_ids: np.ndarray, topics: np.ndarray, k: int) -> float:
    counts = count_assignments(
        word_ids, doc_ids, topics, n_docs=corpus.n_documents, n_terms=corpus.vocab_size, n_topics=k
    )
    return joint_log_likelihood(counts.nzw, counts.ndz, ALPHA, BETA) / len(word_ids)


def run_ours(corpus: Corpus, k: int, sweeps: int, seed: int, workers: int = 1) -> tuple[float, float, float]:
    """(token-samples/s, LL/token, token-samples per CPU second) of one fit_gibbs run."""
    stamps: list[tuple[float, float]] = []
    model = fit_gibbs(
        corpus,
        LdaOptions(n_topics=k, alpha=ALPHA, eta=BETA, iterations=sweeps, seed=seed, workers=workers),
        progress=lambda i, n, ll: stamps.append((time.perf_counter(), time.process_time())),
    )
    word_ids = corpus.token_ids
    doc_ids = np.repeat(np.arange(corpus.n_documents), np.diff(corpus.doc_offsets))
    ll = ll_per_token(corpus, word_ids, doc_ids, np.concatenate(model.assignments), k)
    samples = len(word_ids) * sweeps
    return samples / (stamps[-1][0] - stamps[0][0]), ll, samples / (stamps[-1][1] - stamps[0][1])


def run_tomotopy(corpus: Corpus, k: int, sweeps: int, seed: int, workers: int = 1) -> tuple[float, float, float, float]:
    """(token-samples/s, LL/token by our formula, tomotopy's ll_per_word, token-samples per CPU second)."""
    import tomotopy as tp

    scheme = tp.ParallelScheme.NONE if workers == 1 else tp.ParallelScheme.PARTITION
    mdl = tp.LDAModel(k=k, alpha=ALPHA, eta=BETA, seed=seed)
    mdl.optim_interval = 0  # keep α fixed, as ours
    for doc in corpus.doc_tokens:
        mdl.add_doc(list(doc))
    mdl.train(0, workers=workers, parallel=scheme)  # initialisation, not timed
    started, cpu = time.perf_counter(), time.process_time()
    mdl.train(sweeps, workers=workers, parallel=scheme)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    index = {t: j for j, t in enumerate(corpus.vocab)}
    vocabs = mdl.vocabs
    word_ids, doc_ids, topics = [], [], []
    for d, doc in enumerate(mdl.docs):
        word_ids.extend(index[vocabs[w]] for w in doc.words)
        doc_ids.extend([d] * len(doc.words))
        topics.extend(doc.topics)
    ll = ll_per_token(corpus, np.array(word_ids), np.array(doc_ids), np.array(topics), k)
    return mdl.num_words * sweeps / elapsed, ll, mdl.ll_per_word, mdl.num_words * sweeps / cpu


def paired(corpora: list, topics: list[int], n_pairs: int) -> None:
    """Our two-worker speed-up from ``n_pairs`` back-to-back pairs per K (one worker, then two, the same seed)."""
    print(f"alpha={ALPHA} beta={BETA}; {n_pairs} pairs per K (seeds 0..{n_pairs - 1})")
    for name, corpus, sweeps in corpora:
        for k in topics:
            ratios = []
            for seed in range(n_pairs):
                one = run_ours(corpus, k, sweeps, seed, 1)[0]
                two = run_ours(corpus, k, sweeps, seed, 2)[0]
                ratios.append(two / one)
                print(f"{name} K={k} pair {seed}: {one / 1e6:.2f} -> {two / 1e6:.2f} M tokens/s, {two / one:.2f}x",
                      flush=True)  # fmt: skip
            print(f"{name} K={k}: median speed-up of 2 workers over 1: {statistics.median(ratios):.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--topics", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--lee-sweeps", type=int, default=200)
    parser.add_argument("--synthetic-sweeps", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="Lee corpus only")
    parser.add_argument("--no-lee", action="store_true", help="the generated 1 M-token corpus only")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="worker counts, e.g. 1 2")
    parser.add_argument("--paired", type=int, default=0, help="only our 2-worker speed-up, from N back-to-back pairs")
    args = parser.parse_args()
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        print("note: set OPENBLAS_NUM_THREADS=1 for comparable numbers", file=sys.stderr)

    corpora = [] if args.no_lee else [("lee-news", load_sample("lee-news"), args.lee_sweeps)]
    if not args.quick or args.no_lee:
        started = time.perf_counter()
        corpora.append(("synthetic", synthetic_corpus(), args.synthetic_sweeps))
        print(f"synthetic corpus ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    for workers in sorted({1, 2} if args.paired else set(args.workers)):  # numba compile (or cache load), not timed
        fit_gibbs(load_sample("lee-news"), LdaOptions(n_topics=2, iterations=1, workers=workers))

    if args.paired:
        paired(corpora, args.topics, args.paired)
        return
    print(f"alpha={ALPHA} beta={BETA}; medians of {args.repeats} runs (seeds 0..{args.repeats - 1})")
    header = (
        f"{'corpus':<10} {'tokens':>9} {'V':>6} {'K':>4} {'sweeps':>6} {'work':>4} | "
        f"{'ours Mtok/s':>11} {'tomotopy':>9} {'ratio':>6} | {'per core':>8} {'tomotopy':>9} {'ratio':>6} | "
        f"{'ours x1':>7} {'tomo x1':>7} | "
        f"{'ours LL/tok':>11} {'tomotopy':>9} {'(own)':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, corpus, sweeps in corpora:
        for k in args.topics:
            single: dict[str, float] = {}
            for workers in args.workers:
                ours, theirs = [], []
                for seed in range(args.repeats):  # interleaved, so both see the same background load
                    ours.append(run_ours(corpus, k, sweeps, seed, workers))
                    theirs.append(run_tomotopy(corpus, k, sweeps, seed, workers))
                o_speed = statistics.median(r[0] for r in ours)
                t_speed = statistics.median(r[0] for r in theirs)
                o_core = statistics.median(r[2] for r in ours)
                t_core = statistics.median(r[3] for r in theirs)
                if workers == 1:
                    single = {"ours": o_speed, "tomotopy": t_speed}
                o_up = o_speed / single["ours"] if single else float("nan")
                t_up = t_speed / single["tomotopy"] if single else float("nan")
                print(
                    f"{name:<10} {corpus.n_tokens:>9} {corpus.vocab_size:>6} {k:>4} {sweeps:>6} {workers:>4} | "
                    f"{o_speed / 1e6:>11.2f} {t_speed / 1e6:>9.2f} {o_speed / t_speed:>6.2f} | "
                    f"{o_core / 1e6:>8.2f} {t_core / 1e6:>9.2f} {o_core / t_core:>6.2f} | "
                    f"{o_up:>7.2f} {t_up:>7.2f} | "
                    f"{statistics.median(r[1] for r in ours):>11.4f} {statistics.median(r[1] for r in theirs):>9.4f} "
                    f"{statistics.median(r[2] for r in theirs):>9.4f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
