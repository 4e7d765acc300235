"""Topic coherence, native (models.lda.coherence) against gensim's CoherenceModel on the same topics and texts.

The corpus is the generated 1 M-token corpus of ``bench_gibbs.py`` (or the Lee sample with ``--quick``); the topics
are the top-10 terms of a Gibbs fit at each K. Each measure is timed for both, and the largest difference between
their per-topic values is printed (it must stay below 1e-6).

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_coherence.py [--quick] [--topics 20 50]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_gibbs import synthetic_corpus
from models import load_sample
from models.lda.gibbs import fit_gibbs
from models.lda.options import LdaOptions
from models.lda.quality import coherence, coherence_gensim


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the Lee sample instead of the 1 M-token corpus")
    parser.add_argument("--topics", type=int, nargs="+", default=[20, 50])
    args = parser.parse_args()
    corpus = load_sample("lee-news") if args.quick else synthetic_corpus()
    print(f"{corpus.n_documents} documents, {corpus.n_tokens} tokens, V = {corpus.vocab_size}")
    print(f"{'K':>4} {'measure':<8} {'ours s':>8} {'gensim s':>9} {'speed-up':>9} {'max |diff|':>11}")
    for k in args.topics:
        model = fit_gibbs(corpus, LdaOptions(n_topics=k, iterations=30, seed=0))
        for measure in ("c_v", "u_mass", "c_npmi"):
            coherence(model, corpus, measure)  # numba cache load, not timed
            started = time.perf_counter()
            ours = coherence(model, corpus, measure)
            t_ours = time.perf_counter() - started
            started = time.perf_counter()
            theirs = coherence_gensim(model, corpus, measure)
            t_gensim = time.perf_counter() - started
            diff = float(np.max(np.abs(ours.per_topic - theirs.per_topic)))
            print(f"{k:>4} {measure:<8} {t_ours:>8.3f} {t_gensim:>9.2f} {t_gensim / t_ours:>8.0f}x {diff:>11.1e}")


if __name__ == "__main__":
    main()
