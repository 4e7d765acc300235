"""Word2vec on the user's corpus: the wrapper's cost next to gensim, the time to the first embedding map, and the
measurements behind ``Word2VecOptions``'s defaults.

Speed (default mode):

- words/s of :func:`models.embeddings.word2vec.train_word2vec` (one ``train`` call per epoch, the loss measured before
  training and after each epoch) on the 1 M-token generated corpus of ``bench_gibbs.py`` (10,000 documents sampled
  from LDA's generative model, cached in the temporary directory), next to gensim's ``Word2Vec`` called directly
  with the same options in one call (vocabulary and training), given the same token lists. Words/s is corpus
  tokens × epochs / wall time of the whole call; medians of ``--repeats`` runs, interleaved. The ratio is ours /
  gensim (the wrapper must cost < 5%, ratio > 0.95).
- seconds to the first embedding map on the Lee sample: ``train_word2vec`` with the default options plus the PCA
  projection of the 300 most frequent words; the first run in the process includes importing gensim.

Defaults (``--choose-defaults``): neighbour quality on the two built-in samples for skip-gram and CBOW, epochs,
window, dimension and min_count, three seeds each (mean ± spread):

- ``lee-news``: Spearman correlation between cosine similarity and the WordSim-353 ratings (gensim's test data) of
  the pairs whose two words are in the model's vocabulary;
- ``ko-market``: the share of each category word's 10 nearest neighbours that are words of the same listing
  category (a category word: seen at least 5 times, at least 80% of them in listings of one category).

Run timing under the shared lock:

    flock /tmp/topiclens-bench.lock python benchmarks/bench_word2vec.py [--repeats 3] [--epochs 5]
    python benchmarks/bench_word2vec.py --choose-defaults
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gibbs import synthetic_corpus  # the cached 1 M-token corpus

from models.corpus.corpus import Corpus
from models.corpus.samples import load_sample
from models.embeddings.neighbours import nearest
from models.embeddings.projection import project_words
from models.embeddings.word2vec import Word2VecOptions, corpus_sentences, stable_hash, train_word2vec


def gensim_direct(sentences: list, options: Word2VecOptions) -> None:
    from gensim.models import Word2Vec

    Word2Vec(
        sentences,
        vector_size=options.dim,
        window=options.window,
        min_count=options.min_count,
        sg=options.sg,
        hs=0,
        negative=options.negative,
        epochs=options.epochs,
        seed=options.seed,
        workers=1,
        hashfxn=stable_hash,
    )


def speed(repeats: int, epochs: int) -> None:
    started = time.perf_counter()
    corpus = synthetic_corpus()
    print(f"1 M-token corpus ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    started = time.perf_counter()
    sentences = corpus_sentences(corpus)  # builds corpus.doc_tokens once (the app has it already)
    print(f"token lists built in {time.perf_counter() - started:.2f}s (not in the figures below)")
    words = corpus.n_tokens * epochs
    print(f"corpus: {corpus.n_documents} documents, {corpus.n_tokens:,} tokens, {corpus.vocab_size:,} terms")
    for sg in (1, 0):
        options = Word2VecOptions(sg=sg, epochs=epochs)
        ours, theirs = [], []
        for _ in range(repeats):  # interleaved, so both see the same background load
            t = time.perf_counter()
            train_word2vec(corpus, options)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            gensim_direct(sentences, options)
            theirs.append(time.perf_counter() - t)
        o, g = statistics.median(ours), statistics.median(theirs)
        print(
            f"sg={sg} dim={options.dim} window={options.window} negative={options.negative} epochs={epochs}: "
            f"ours {words / o / 1e3:,.0f} k words/s ({o:.2f}s), gensim direct {words / g / 1e3:,.0f} k words/s "
            f"({g:.2f}s), ratio ours/gensim {g / o:.3f}",
            flush=True,
        )


def first_map() -> None:
    corpus = load_sample("lee-news")
    for run in ("first (gensim import included)", "second"):
        t = time.perf_counter()
        model = train_word2vec(corpus)
        trained = time.perf_counter() - t
        project_words(model, 300, "pca")
        total = time.perf_counter() - t
        print(f"Lee sample, default options, {run}: train {trained:.2f}s + PCA of 300 words = {total:.2f}s")


# --- choosing the defaults ----------------------------------------------------------------------------------------


def wordsim_pairs() -> list[tuple[str, str, float]]:
    from gensim.test.utils import datapath

    pairs = []
    for line in Path(datapath("wordsim353.tsv")).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, score = line.split("\t")
            pairs.append((a.lower(), b.lower(), float(score)))
    return pairs


def lee_quality(model, pairs) -> float:
    from scipy.stats import spearmanr

    unit, index = model.unit_vectors, model.index
    kept = [(a, b, s) for a, b, s in pairs if a in index and b in index]
    cos = [float(unit[index[a]] @ unit[index[b]]) for a, b, _ in kept]
    return float(spearmanr(cos, [s for *_, s in kept]).statistic)


def category_words(corpus: Corpus, min_count: int = 5, purity: float = 0.8) -> dict[str, str]:
    """Words seen ``min_count`` times or more, ``purity`` of them in listings of one category: word -> category."""
    by_word: dict[str, Counter] = defaultdict(Counter)
    for doc, tokens in zip(corpus.documents, corpus.doc_tokens, strict=True):
        category = dict(doc.meta)["category"]
        for t in tokens:
            by_word[t][category] += 1
    result = {}
    for word, cats in by_word.items():
        n = sum(cats.values())
        cat, top = cats.most_common(1)[0]
        if n >= min_count and top >= purity * n:
            result[word] = cat
    return result


def ko_quality(model, categories: dict[str, str]) -> float:
    shares = []
    for word, cat in categories.items():
        if word in model.index:
            shares.append(np.mean([categories.get(w) == cat for w, _ in nearest(model, word, 10)]))
    return float(np.mean(shares))


def choose_defaults() -> None:
    lee, ko = load_sample("lee-news"), load_sample("ko-market")
    pairs, categories = wordsim_pairs(), category_words(ko)
    print(f"ko-market: {len(categories)} category words; lee-news: WordSim-353 pairs in the vocabulary vary by model")
    base = Word2VecOptions()
    grid = [replace(base, sg=sg, epochs=e) for sg in (1, 0) for e in (5, 20, 50, 100)]
    grid += [replace(base, window=w) for w in (2, 10)]
    grid += [replace(base, dim=d) for d in (50, 200)]
    grid += [replace(base, min_count=m) for m in (1, 5)]
    grid += [replace(base, negative=k) for k in (10, 15)]
    print(f"{'options':<60} {'lee rho':>12} {'ko share':>12} {'lee s':>6}")
    for options in grid:
        rho, share, secs = [], [], []
        for seed in range(3):
            o = replace(options, seed=seed)
            m = train_word2vec(lee, o)
            rho.append(lee_quality(m, pairs))
            secs.append(m.seconds)
            share.append(ko_quality(train_word2vec(ko, o), categories))
        label = " ".join(f"{k}={v}" for k, v in vars(options).items() if k != "seed")
        print(
            f"{label:<60} {np.mean(rho):>6.3f}±{np.ptp(rho) / 2:.3f} {np.mean(share):>6.3f}±{np.ptp(share) / 2:.3f} "
            f"{np.mean(secs):>6.1f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=5, help="epochs on the 1 M-token corpus")
    parser.add_argument("--choose-defaults", action="store_true")
    args = parser.parse_args()
    if args.choose_defaults:
        choose_defaults()
        return
    first_map()
    speed(args.repeats, args.epochs)


if __name__ == "__main__":
    main()
