"""Fit time and quality of every LDA engine on the same corpus, side by side, with tomotopy as the reference.

For each corpus and K: wall-clock fit time (each engine with the defaults the app uses, one core) and the quality of
the result measured the same way for all (mean c_v and u_mass coherence of the top-10 terms with gensim's
``CoherenceModel``, and held-in perplexity), so speed is compared at equal quality. tomotopy's LDAModel runs with
``workers=1`` and the same α, β and number of sweeps as our Gibbs engine.

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_engines.py [--corpus lee synthetic] [--topics 20 50]
                                                             [--engines gibbs gensim sklearn tomotopy]

The synthetic corpus (about 10,000 documents, 1 M tokens, 20,000 terms, from LDA's generative model) is the one of
``bench_gibbs.py``; variational engines take minutes on it, so ``--synthetic-passes`` caps their passes there.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

from models import load_sample
from models.corpus.corpus import Corpus
from models.lda.fit import fit_lda
from models.lda.options import LdaOptions
from models.lda.quality import coherence, perplexity
from models.lda.topic_model import TopicModel


def fit_tomotopy(corpus: Corpus, k: int, alpha: float, eta: float, sweeps: int, seed: int) -> TopicModel:
    """tomotopy's LDAModel on the same tokens, wrapped as a TopicModel (phi, theta from its counts)."""
    import tomotopy as tp

    model = tp.LDAModel(k=k, alpha=alpha, eta=eta, seed=seed)
    for tokens in corpus.doc_tokens:
        model.add_doc(list(tokens))
    model.optim_interval = 0
    model.train(0, workers=1, parallel=tp.ParallelScheme.NONE)
    model.train(sweeps, workers=1, parallel=tp.ParallelScheme.NONE)
    index = {w: j for j, w in enumerate(corpus.vocab)}
    phi = np.zeros((k, len(corpus.vocab)))
    for topic in range(k):
        dist = model.get_topic_word_dist(topic)
        for tid, p in enumerate(dist):
            phi[topic, index[model.used_vocabs[tid]]] = p
    phi /= phi.sum(axis=1, keepdims=True)
    theta = np.array([doc.get_topic_dist() for doc in model.docs])
    theta /= theta.sum(axis=1, keepdims=True)
    return TopicModel(
        phi=phi,
        theta=theta,
        vocab=corpus.vocab,
        doc_lengths=corpus.doc_lengths,
        term_frequency=corpus.term_frequency,
        engine="tomotopy",
    )


def synthetic() -> Corpus:
    from bench_gibbs import synthetic_corpus

    return synthetic_corpus()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["lee"], choices=["lee", "synthetic"])
    parser.add_argument("--topics", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--engines", nargs="+", default=["gibbs", "gensim", "sklearn", "tomotopy"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--synthetic-passes", type=int, default=5)
    args = parser.parse_args()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, OPENBLAS_NUM_THREADS="
        f"{os.environ.get('OPENBLAS_NUM_THREADS')}"
    )
    header = f"{'corpus':<10} {'K':>4} {'engine':<9} {'fit s':>8} {'c_v':>7} {'u_mass':>8} {'perplexity':>11}"
    print(header)
    print("-" * len(header))
    for name in args.corpus:
        corpus = load_sample("lee-news") if name == "lee" else synthetic()
        for k in args.topics:
            for engine in args.engines:
                start = time.perf_counter()
                if engine == "tomotopy":
                    model = fit_tomotopy(corpus, k, alpha=1.0 / k, eta=0.01, sweeps=200, seed=args.seed)
                else:
                    options = LdaOptions(engine=engine, n_topics=k, seed=args.seed)
                    if name == "synthetic" and engine in ("gensim", "sklearn"):
                        options = replace(options, passes=args.synthetic_passes)
                    model = fit_lda(corpus, options)
                seconds = time.perf_counter() - start
                c_v = coherence(model, corpus, "c_v").mean
                u_mass = coherence(model, corpus, "u_mass").mean
                ppl = perplexity(model, corpus)
                print(
                    f"{name:<10} {k:>4} {engine:<9} {seconds:>8.2f} {c_v:>7.3f} {u_mass:>8.3f} {ppl:>11.1f}", flush=True
                )


if __name__ == "__main__":
    main()
