"""Where Spark pays off: Spark MLlib LDA in local mode (online and EM) against the project's Gibbs engine (and gensim)
on one machine, the same generated corpus, the same K.

For each engine: wall time of the fit (Spark: also the session's start, reported apart), tokens per second (corpus
tokens × iterations / fit seconds: how fast the engine walks the corpus), and quality measured the same way for all:
mean c_v and u_mass coherence of the top-10 terms (``models.lda.quality``) and held-out perplexity by document
completion (10% of the documents held out; θ of each held-out document estimated from its first half with φ fixed,
the second half scored).

    flock /tmp/topiclens-bench.lock python benchmarks/bench_spark.py [--scale 1 10] [--topics 20]
        [--engines gibbs spark-online spark-em gensim] [--master local[2]]

``--scale 1`` is the 1 M-token corpus of ``bench_gibbs.py`` (10,000 documents, 50 planted topics); ``--scale 10``
ten times as many documents (10 M tokens, generated once and cached in the temporary folder).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

from models.corpus.corpus import Corpus, count_matrix
from models.lda.options import LdaOptions
from models.lda.quality import coherence
from models.lda.topic_model import TopicModel

HELD_OUT = 0.1


def corpus_at(scale: int) -> Corpus:
    """The 1 M-token generated corpus, or ``scale`` copies' worth of new documents from the same topics."""
    from bench_gibbs import SYNTHETIC, synthetic_corpus

    if scale == 1:
        return synthetic_corpus()
    cache = Path(tempfile.gettempdir()) / f"topiclens-bench-spark-x{scale}.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    from models.synthetic import generative

    parts = [generative(**SYNTHETIC, seed=0).corpus]
    # more documents from the same planted topics: the same φ (seed 0), new θ and words per part
    rng = np.random.default_rng(1)
    base = parts[0]
    phi = np.random.default_rng(0).dirichlet(np.full(SYNTHETIC["n_terms"], SYNTHETIC["eta"]), SYNTHETIC["n_topics"])
    cdf = np.cumsum(phi, axis=1)
    cdf[:, -1] = 1.0
    ids, lengths = [base.token_ids], [np.diff(base.doc_offsets)]
    for _ in range(scale - 1):
        n = SYNTHETIC["n_docs"]
        theta = rng.dirichlet(np.full(SYNTHETIC["n_topics"], SYNTHETIC["alpha"]), size=n)
        length = np.maximum(rng.poisson(SYNTHETIC["doc_length"], size=n), 1)
        doc = np.repeat(np.arange(n), length)
        z = (rng.random(len(doc))[:, None] > np.cumsum(theta, axis=1)[doc]).sum(axis=1)
        z = np.minimum(z, SYNTHETIC["n_topics"] - 1)
        words = np.empty(len(doc), dtype=np.int32)
        u = rng.random(len(doc))
        for k in range(SYNTHETIC["n_topics"]):
            sel = z == k
            words[sel] = np.minimum(np.searchsorted(cdf[k], u[sel], side="right"), SYNTHETIC["n_terms"] - 1)
        ids.append(words)
        lengths.append(length)
    token_ids = np.concatenate(ids).astype(np.int32)
    offsets = np.concatenate(([0], np.cumsum(np.concatenate(lengths)))).astype(np.int64)
    n_terms = len(base.vocab)
    from models.corpus.documents import RawDocument

    docs = tuple(RawDocument(text="", source="synthetic", name=f"doc {i + 1}") for i in range(len(offsets) - 1))
    corpus = replace(
        base, dtm=count_matrix(token_ids, offsets, n_terms), token_ids=token_ids, doc_offsets=offsets, documents=docs
    )
    with cache.open("wb") as f:
        pickle.dump(corpus, f)
    return corpus


def split(corpus: Corpus, seed: int = 0) -> tuple[Corpus, np.ndarray]:
    """The training corpus (90% of the documents) and the held-out documents' rows of ``corpus.dtm``' token ids."""
    rng = np.random.default_rng(seed)
    n = corpus.dtm.shape[0]
    held = np.zeros(n, dtype=bool)
    held[rng.choice(n, size=int(n * HELD_OUT), replace=False)] = True
    train = np.flatnonzero(~held)
    starts, ends = corpus.doc_offsets[:-1], corpus.doc_offsets[1:]
    train_ids = np.concatenate([corpus.token_ids[starts[d] : ends[d]] for d in train])
    train_offsets = np.concatenate(([0], np.cumsum(ends[train] - starts[train]))).astype(np.int64)
    docs = tuple(corpus.documents[d] for d in train)
    train_corpus = replace(
        corpus,
        dtm=count_matrix(train_ids, train_offsets, len(corpus.vocab)),
        token_ids=train_ids,
        doc_offsets=train_offsets,
        documents=docs,
    )
    held_docs = [corpus.token_ids[starts[d] : ends[d]] for d in np.flatnonzero(held)]
    return train_corpus, held_docs


def held_out_perplexity(phi: np.ndarray, docs: list[np.ndarray], alpha: float = 0.1, iterations: int = 50) -> float:
    """Document completion: θ from each document's first half (EM with φ fixed), perplexity of the second half."""
    total, count = 0.0, 0
    k = phi.shape[0]
    for ids in docs:
        half = len(ids) // 2
        if half == 0 or len(ids) - half == 0:
            continue
        first, second = ids[:half], ids[half:]
        p = phi[:, first]  # K × n
        theta = np.full(k, 1.0 / k)
        for _ in range(iterations):
            r = theta[:, None] * p
            r /= r.sum(axis=0, keepdims=True) + 1e-300
            theta = r.sum(axis=1) + alpha
            theta /= theta.sum()
        total += float(np.log(theta @ phi[:, second] + 1e-300).sum())
        count += len(second)
    return float(np.exp(-total / count))


def fit(engine: str, corpus: Corpus, k: int, args: argparse.Namespace) -> tuple[TopicModel, float, float, int]:
    """(model, fit seconds, start seconds, iterations)."""
    if engine == "gibbs":
        from models.lda.gibbs.engine import fit_gibbs

        options = LdaOptions(engine="gibbs", n_topics=k, alpha=0.1, eta=0.01, iterations=args.sweeps, workers=2)
        started = time.perf_counter()
        model = fit_gibbs(corpus, options)
        return model, time.perf_counter() - started, 0.0, args.sweeps
    if engine == "gensim":
        from models.lda.engines.gensim_lda import fit_gensim

        options = LdaOptions(engine="gensim", n_topics=k, passes=args.gensim_passes)
        started = time.perf_counter()
        model = fit_gensim(corpus, options)
        return model, time.perf_counter() - started, 0.0, model.params.get("passes", args.gensim_passes)
    from models.lda.engines.spark_lda import fit_spark, spark_session

    started = time.perf_counter()
    spark_session(args.master, driver_memory=args.driver_memory)
    start = time.perf_counter() - started
    optimizer = engine.split("-")[1]
    iterations = args.online_iter if optimizer == "online" else args.em_iter
    options = LdaOptions(engine="spark", n_topics=k, passes=iterations)
    started = time.perf_counter()
    model = fit_spark(corpus, options, optimizer=optimizer, master=args.master)
    return model, time.perf_counter() - started, start, iterations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", nargs="+", type=int, default=[1], help="1: 1 M tokens; 10: 10 M tokens")
    parser.add_argument("--topics", type=int, default=20)
    parser.add_argument("--engines", nargs="+", default=["gibbs", "spark-online", "spark-em"])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--driver-memory", default="6g", help="spark.driver.memory (local mode: all of Spark's heap)")
    parser.add_argument("--sweeps", type=int, default=200, help="Gibbs sweeps")
    parser.add_argument("--online-iter", type=int, default=50)
    parser.add_argument("--em-iter", type=int, default=100)
    parser.add_argument("--gensim-passes", type=int, default=5)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    print("| tokens | engine | iterations | start s | fit s | M tokens/s | c_v | u_mass | held-out perplexity |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |", flush=True)
    for scale in args.scale:
        corpus = corpus_at(scale)
        train, held = split(corpus)
        for engine in args.engines:
            model, seconds, start, iterations = fit(engine, train, args.topics, args)
            c_v = coherence(model, train, "c_v").mean
            u_mass = coherence(model, train, "u_mass").mean
            ppl = held_out_perplexity(model.phi, held)
            rate = train.n_tokens * iterations / seconds / 1e6
            print(
                f"| {train.n_tokens:,} | {engine} | {iterations} | {start:.1f} | {seconds:.1f} | {rate:.2f} | "
                f"{c_v:.3f} | {u_mass:.2f} | {ppl:,.0f} |",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
