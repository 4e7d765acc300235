"""Background work of the "Which K?" tab (run by ``app.jobs`` in a child process; no Streamlit here).

Like :mod:`app.job_tasks`: each task takes its inputs and a keyword ``progress(i, total, value)`` and returns a
picklable value.
"""

from __future__ import annotations

import pickle

from app.job_tasks import CorpusFile
from models.corpus.corpus import Corpus
from models.lda.k_sweep import KSweep
from models.lda.options import LdaOptions, Progress
from models.lda.stability import Stability
from models.lda.topic_model import TopicModel

__all__ = ["genealogy_sweep", "stability_runs"]


def _corpus(source: Corpus | CorpusFile) -> Corpus:
    if isinstance(source, CorpusFile):
        with open(source.path, "rb") as stream:
            return pickle.load(stream)
    return source


def genealogy_sweep(
    source: Corpus | CorpusFile, options: LdaOptions, ks: tuple[int, ...], runs: int, *, progress: Progress
) -> KSweep:
    """Fit every K (token arrays built once), link consecutive K and score each (``models.lda.k_sweep``)."""
    from models.lda.k_sweep import k_sweep

    return k_sweep(_corpus(source), options, ks, runs=runs, progress=progress)


def stability_runs(
    source: Corpus | CorpusFile, options: LdaOptions, reference: TopicModel, runs: int, *, progress: Progress
) -> tuple[Stability, list[TopicModel]]:
    """``runs`` more fits with other seeds, aligned to ``reference`` (``models.lda.stability.topic_stability``)."""
    from models.lda.stability import topic_stability

    return topic_stability(_corpus(source), options, runs, reference, progress=progress)
