"""Which K: one sweep over K giving, per K, coherence, perplexity, mean stability across seeds and new themes,
with the genealogy that links consecutive K (:mod:`models.lda.genealogy`)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.genealogy import PARENT_SIMILARITY, Genealogy, fit_range, genealogy_of
from models.lda.options import LdaOptions, Progress
from models.lda.quality import coherence, perplexity, top_terms
from models.lda.stability import MAX_RUNS, STABLE_SIMILARITY, Stability, topic_stability
from models.lda.topic_model import TopicModel

__all__ = ["KRow", "KSweep", "k_sweep", "sweep_report"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class KRow:
    """The scores of one K: mean c_v and u_mass, held-in perplexity, mean stability (None without extra runs) and
    the number of topics without a parent at the previous K."""

    k: int
    c_v: float
    u_mass: float
    perplexity: float
    stability: float | None
    new_themes: int


@dataclass(frozen=True, eq=False)
class KSweep:
    """A sweep's result: its rows (in K order), the genealogy, and each K's stability (when runs > 1)."""

    rows: tuple[KRow, ...]
    genealogy: Genealogy
    stability: dict[int, Stability]


def k_sweep(
    corpus: Corpus,
    options: LdaOptions,
    ks: Sequence[int],
    runs: int = 1,
    cache: MutableMapping[int, TopicModel] | None = None,
    progress: Progress | None = None,
    threshold: float = PARENT_SIMILARITY,
) -> KSweep:
    """Fit every K (cached in ``cache``), link consecutive K, and score each K.

    Parameters
    ----------
    corpus : Corpus
    options : LdaOptions
        Engine, seed and priors of every fit; ``n_topics`` is replaced by each K.
    ks : sequence of int
    runs : int
        Fits per K for stability: the reference plus ``runs - 1`` more seeds (1: no stability).
    cache : mutable mapping, optional
        K -> fitted model; reused and filled.
    progress : callable, optional
        ``progress(done, total, None)`` in fits (the genealogy's fits, then the stability runs); may raise
        ``FitCancelled``.
    threshold : float
        JS similarity from which a topic has a parent.

    Returns
    -------
    KSweep
    """
    if not (isinstance(runs, int) and 1 <= runs <= MAX_RUNS + 1):
        raise InputError("bad_option", option="--seeds", value=runs, why=f"use 1 to {MAX_RUNS + 1} runs per K")
    ks = sorted(set(ks))
    total = len(ks) * runs

    def fit_progress(done: int, _n: int, _v: float | None) -> None:
        if progress is not None:
            progress(done, total, None)

    models = fit_range(corpus, options, ks, cache, fit_progress if progress else None)
    family = genealogy_of(models, threshold)
    rows, stability = [], {}
    for i, k in enumerate(ks):
        model = models[k]
        if runs > 1:
            done = len(ks) + i * (runs - 1)

            def run_progress(j: int, _n: int, _v: float | None, done: int = done) -> None:
                if progress is not None:
                    progress(done + j, total, None)

            stability[k], _ = topic_stability(
                corpus, dataclasses.replace(options, n_topics=k), runs - 1, model, STABLE_SIMILARITY,
                run_progress if progress else None,
            )  # fmt: skip
        row = KRow(
            k=k,
            c_v=coherence(model, corpus, "c_v").mean,
            u_mass=coherence(model, corpus, "u_mass").mean,
            perplexity=perplexity(model, corpus),
            stability=stability[k].mean if k in stability else None,
            new_themes=family.new_themes(k),
        )
        logger.info("k_sweep: %s", row)
        rows.append(row)
    return KSweep(tuple(rows), family, stability)


def sweep_report(sweep: KSweep, topn: int = 8) -> dict:
    """The sweep as JSON-ready data: per K its scores, topics (top terms, parent, lineage, stability) and
    ``links[]`` (``from``: topic at the previous K, ``to``: topic at this K, ``weight``: shared tokens,
    ``similarity``: JS similarity)."""
    family = sweep.genealogy
    out = []
    for row in sweep.rows:
        k = row.k
        terms = top_terms(family.models[k], topn)
        stab = sweep.stability.get(k)
        topics = [
            {
                "id": t,
                "top_terms": terms[t],
                "parent": int(family.parents[k][t]),
                "lineage": int(family.lineage[k][t]),
                "stability": None if stab is None else float(stab.per_topic[t]),
                "stable_words": None if stab is None else list(stab.stable_words[t]),
            }
            for t in range(k)
        ]
        links = [
            {"from": link.source, "to": link.target, "weight": link.weight, "similarity": round(link.similarity, 4)}
            for link in family.links(k)
        ]
        out.append({**dataclasses.asdict(row), "previous_k": _previous(family, k), "topics": topics, "links": links})
    return {"ks": list(family.ks), "parent_similarity": family.threshold, "per_k": out}


def _previous(family: Genealogy, k: int) -> int | None:
    i = family.ks.index(k)
    return family.ks[i - 1] if i else None
