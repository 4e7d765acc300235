"""The heavy work the app hands to the job runner: each function runs in a child process (see ``app.jobs``).

Every task takes its inputs and a keyword ``progress(i, total, value)`` callback, and returns a picklable value.
A corpus reaches a fit either as itself (the small built-in samples) or as a :class:`CorpusFile`, the pickle a
reading job left behind, so the server never has to pickle a large corpus again. No Streamlit here.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import IngestOptions
from models.errors import InputError
from models.lda.explore import LdaExploration
from models.lda.options import LdaOptions, Progress
from models.lda.quality import KScore
from models.lsa.svd import LsaResult

__all__ = [
    "CorpusFile",
    "export_image",
    "fit_lda",
    "fit_lsa",
    "read_corpus",
    "sweep_k",
    "train_seq2seq",
    "train_tiny_bert",
    "train_word2vec",
    "warm_up",
]  # fmt: skip


@dataclass(frozen=True)
class CorpusFile:
    """A corpus pickled to ``path`` by :func:`read_corpus`'s job (loaded by the child that needs it)."""

    path: str


def _corpus(source: Corpus | CorpusFile) -> Corpus:
    if isinstance(source, CorpusFile):
        with open(source.path, "rb") as stream:
            return pickle.load(stream)
    return source


def read_corpus(
    files: tuple[tuple[str, bytes], ...], ingest: IngestOptions, prep: PreprocessOptions, *, progress: Progress
) -> Corpus:
    """Read ``files`` and build the corpus (``models.corpus.ingest.read_files``, then
    ``models.corpus.preprocess.build_corpus``)."""
    from models.corpus.ingest import read_files
    from models.corpus.preprocess import build_corpus

    return build_corpus(read_files(files, ingest), prep)


def fit_lda(
    source: Corpus | CorpusFile,
    options: LdaOptions,
    *,
    progress: Progress,
    partial: Callable[[LdaExploration], None] | None = None,
) -> LdaExploration:
    """Fit LDA and prepare everything the explorer shows (``models.lda.explore.explore_lda``).

    ``partial`` (the job's publisher) receives the Gibbs engine's model while it converges, so the page can show a
    map before the fit ends.
    """
    from models.lda.explore import explore_lda

    return explore_lda(_corpus(source), options, progress, partial=partial)


def fit_lsa(source: Corpus | CorpusFile, k: int | None, weighting: str, *, progress: Progress) -> LsaResult:
    """The SVD of the term-document matrix (``models.lsa.fit_lsa``); it reports no progress."""
    from models.lsa.svd import fit_lsa as lsa

    return lsa(_corpus(source), n_components=k, weighting=weighting)


def train_word2vec(source: Corpus | CorpusFile, options: Any, *, progress: Progress) -> Any:
    """gensim Word2Vec on the corpus's tokens, one epoch at a time (``models.embeddings.word2vec``)."""
    from models.embeddings.word2vec import train_word2vec as train

    return train(_corpus(source), options, progress)


def train_tiny_bert(source: Corpus | CorpusFile, options: Any, *, progress: Progress) -> Any:
    """The tiny BERT trained on the corpus with the masked-LM objective (``models.transformer.bert``; JAX is
    imported here, in the worker, never in the fork server)."""
    from models.transformer.bert import train_tiny_bert as train

    return train(_corpus(source), options, progress)


def train_seq2seq(options: Any, *, progress: Progress) -> Any:
    """The toy encoder-decoders, source read forward and reversed, and the attention decoder
    (``models.transformer.seq2seq``; JAX is imported there, in the worker, never in the fork server)."""
    from models.transformer.seq2seq import train_seq2seq as train

    return train(options, progress)


def export_image(figure_json: str, fmt: str, width: int, height: int, *, progress: Progress) -> bytes:
    """A Plotly figure as PNG (twice the pixels, for a sharp projector picture) or SVG, drawn by kaleido with the
    system's Chromium (``/usr/bin/chromium`` unless ``BROWSER_PATH`` says otherwise)."""
    import os
    import shutil

    import plotly.io as pio

    if "BROWSER_PATH" not in os.environ:
        found = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chrome")) if p), None)
        if found and os.path.exists(found):
            os.environ["BROWSER_PATH"] = found
    figure = pio.from_json(figure_json)
    try:
        return figure.to_image(format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)
    except Exception as err:  # kaleido's errors when no browser can be started
        if "chrom" in f"{type(err).__name__} {err}".lower() or "browser" in str(err).lower():
            raise InputError("export_no_browser") from None
        raise


def sweep_k(
    source: Corpus | CorpusFile, options: LdaOptions, k_values: tuple[int, ...], *, progress: Progress
) -> list[KScore]:
    """One fit per K, scored by coherence and perplexity (``models.lda.quality.choose_k``)."""
    from models.lda.quality import choose_k

    return choose_k(_corpus(source), options, k_values, progress)


def warm_up() -> None:
    """Load what the first real job would otherwise load: numba's compiled kernels (the Gibbs sampler on all cores,
    its log-likelihood, the native coherence), through a tiny fit and its explorer data.

    Runs once in the fork server (``app.job_preload``), which the app starts first, so every child starts warm. The
    kernels come from numba's cache (``models.numba_cache``: about 0.7 s) or, on a machine's first start, are
    compiled here and cached (5-10 s). It imports neither gensim, scikit-learn, pyLDAvis nor pandas: the first fit
    (Gibbs, native coherence) needs none of them. Kiwi is not warmed here: its first analysis starts worker
    threads, and a child forked from a process with those threads hangs (measured).
    """
    from models.corpus.ingest import read_files
    from models.corpus.preprocess import build_corpus

    text = b"apple banana cherry\nbanana cherry date\napple date egg\ncherry egg apple\n"
    corpus = build_corpus(read_files((("warm-up.txt", text),), IngestOptions()), PreprocessOptions())
    fit_lda(corpus, LdaOptions(n_topics=2, iterations=5), progress=lambda i, n, v: None)
