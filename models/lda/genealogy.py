"""Topic genealogy across K: fit a range of K, align consecutive K, and follow topics as they split and merge.

Consecutive models are linked twice: by the JS similarity of their φ rows (:func:`models.lda.alignment.js_similarity`,
which decides each topic's parent) and by the token mass they share (the width of a flow in the Sankey diagram):
for the Gibbs engine the number of tokens assigned to topic k at K and to topic j at K' (co-assignment counts), for
the variational engines the θ-weighted expected count ``Σ_d n_d θ_dk θ'_dj``. This is the alluvial view of topics
across K of e.g. Chuang et al. 2015 ("TopicCheck") and of hierarchical "topic flows" (Tang et al. 2024).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral

import numpy as np

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.alignment import js_similarity
from models.lda.options import LdaOptions, Progress
from models.lda.topic_model import TopicModel

__all__ = [
    "PARENT_SIMILARITY",
    "Genealogy",
    "Link",
    "fit_range",
    "genealogy",
    "genealogy_of",
    "parse_k_range",
    "shared_mass",
]

logger = logging.getLogger(__name__)

# JS similarity from which a topic at K' has a parent at the previous K. A planted topic against the union of it and
# one sibling scores 0.69; a topic with no counterpart scores below 0.3 on the samples.
PARENT_SIMILARITY = 0.5


@dataclass(frozen=True)
class Link:
    """A flow from topic ``source`` at K = ``k_from`` to topic ``target`` at K = ``k_to``.

    ``weight`` is the shared token mass (tokens); ``similarity`` the JS similarity of the two φ rows.
    """

    k_from: int
    source: int
    k_to: int
    target: int
    weight: float
    similarity: float


@dataclass(frozen=True, eq=False)
class Genealogy:
    """Topics of a range of K and how they descend from one another.

    Attributes
    ----------
    ks : tuple of int
        The K values, increasing.
    models : dict of int to TopicModel
    flows : dict of int to ndarray
        ``flows[K']`` (shape (K, K')) is the token mass shared by each topic at the previous K and each at K'.
    similarity : dict of int to ndarray
        ``similarity[K']`` (shape (K, K')) the JS similarity of their φ rows.
    parents : dict of int to ndarray
        ``parents[K'][j]``: the most similar topic at the previous K, or -1 when below the threshold (a new theme).
        The first K has no parents (all -1).
    lineage : dict of int to ndarray
        A lineage id per topic, shared with its parent by the child most similar to that parent (stable colours);
        other children and new themes start new lineages.
    threshold : float
    """

    ks: tuple[int, ...]
    models: dict[int, TopicModel]
    flows: dict[int, np.ndarray]
    similarity: dict[int, np.ndarray]
    parents: dict[int, np.ndarray]
    lineage: dict[int, np.ndarray]
    threshold: float
    n_lineages: int = field(default=0)

    def new_themes(self, k: int) -> int:
        """Topics at ``k`` without a parent at the previous K (0 for the first K)."""
        return 0 if k == self.ks[0] else int((self.parents[k] < 0).sum())

    def links(self, k: int, min_share: float = 0.0) -> list[Link]:
        """The flows into the topics at ``k`` from the previous K, largest first; flows below ``min_share`` of the
        source topic's tokens are left out."""
        if k == self.ks[0]:
            return []
        prev = self.ks[self.ks.index(k) - 1]
        flow, sim = self.flows[k], self.similarity[k]
        out_total = flow.sum(axis=1, keepdims=True)
        keep = np.argwhere(flow > min_share * np.maximum(out_total, 1e-12))
        links = [Link(prev, int(a), k, int(b), float(flow[a, b]), float(sim[a, b])) for a, b in keep]
        return sorted(links, key=lambda link: -link.weight)


def parse_k_range(text: str) -> list[int]:
    """``"2:30"`` or ``"2:30:2"`` (inclusive) or ``"3,5,8"`` to a sorted list of distinct K.

    Raises
    ------
    InputError
        ``bad_option`` when the text is not such a range or holds a K below 2.
    """
    text = str(text).strip()
    try:
        if ":" in text:
            parts = [int(p) for p in text.split(":")]
            if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] < 1):
                raise ValueError
            start, stop, step = parts[0], parts[1], parts[2] if len(parts) == 3 else 1
            ks = list(range(start, stop + 1, step))
        else:
            ks = sorted({int(p) for p in text.split(",") if p.strip()})
    except ValueError:
        raise InputError(
            "bad_option", option="--k", value=text, why="write FROM:TO[:STEP], e.g. 2:30 or 2:30:2"
        ) from None
    if not ks or min(ks) < 2:
        raise InputError("bad_option", option="--k", value=text, why="a genealogy needs K from 2 up")
    return ks


def shared_mass(a: TopicModel, b: TopicModel) -> np.ndarray:
    """Token mass shared by every topic of ``a`` and every topic of ``b`` (both fitted on one corpus).

    Co-assignment counts when both models have token assignments (Gibbs); otherwise the θ-weighted expected counts
    ``Σ_d n_d θ_dk θ'_dj``.

    Returns
    -------
    ndarray of shape (a.n_topics, b.n_topics)
        Sums to the number of tokens.
    """
    if a.assignments is not None and b.assignments is not None:
        za = np.concatenate(a.assignments) if a.assignments else np.zeros(0, dtype=np.int64)
        zb = np.concatenate(b.assignments) if b.assignments else np.zeros(0, dtype=np.int64)
        counts = np.bincount(za * b.n_topics + zb, minlength=a.n_topics * b.n_topics)
        return counts.reshape(a.n_topics, b.n_topics).astype(np.float64)
    return (a.theta * a.doc_lengths[:, None]).T @ b.theta


def fit_range(
    corpus: Corpus,
    options: LdaOptions,
    ks: Sequence[int],
    cache: MutableMapping[int, TopicModel] | None = None,
    progress: Progress | None = None,
    fit: Callable[[Corpus, LdaOptions, Progress | None], TopicModel] | None = None,
) -> dict[int, TopicModel]:
    """Fit one model per K (other options unchanged), each K once: models already in ``cache`` are reused and new
    ones are added to it.

    The Gibbs engine's token arrays are built once for the whole range, and the compiled kernels are shared by
    every fit. ``progress(done, len(ks), None)`` is called after each K and during fits (it may raise
    ``FitCancelled``); ``fit`` replaces :func:`models.lda.fit_lda` (the app passes its cached fit).
    """
    from models.lda.fit import fit_lda, validate_lda_options
    from models.lda.quality import MAX_SWEEP_FITS, MAX_SWEEP_K

    ks = list(ks)
    if len(ks) > MAX_SWEEP_FITS:
        raise InputError("choose_k_too_many", count=len(ks), limit=MAX_SWEEP_FITS)
    for k in ks:
        if isinstance(k, Integral) and k > MAX_SWEEP_K:
            raise InputError("choose_k_too_large", k=k, limit=MAX_SWEEP_K)
        validate_lda_options(corpus, dataclasses.replace(options, n_topics=k))
    cache = {} if cache is None else cache
    tokens = None
    if fit is None and options.engine == "gibbs":
        from models.lda.gibbs.engine import corpus_tokens, fit_gibbs

        tokens = corpus_tokens(corpus)

        def fit(c: Corpus, o: LdaOptions, p: Progress | None) -> TopicModel:
            return fit_gibbs(c, o, p, tokens=tokens)

    fit = fit or fit_lda
    models = {}
    for done, k in enumerate(ks):
        if k not in cache:
            inner = None if progress is None else (lambda _i, _n, _v, done=done: progress(done, len(ks), None))
            cache[k] = fit(corpus, dataclasses.replace(options, n_topics=k), inner)
        models[k] = cache[k]
        if progress is not None:
            progress(done + 1, len(ks), None)
    return models


def genealogy_of(models: dict[int, TopicModel], threshold: float = PARENT_SIMILARITY) -> Genealogy:
    """Link the models of consecutive K (see the module docstring) and assign parents and lineages.

    Parameters
    ----------
    models : dict of int to TopicModel
        Fits of one corpus at several K.
    threshold : float
        JS similarity from which a topic has a parent.

    Returns
    -------
    Genealogy
    """
    ks = tuple(sorted(models))
    if not ks:
        raise InputError("choose_k_empty")
    flows, similarity, parents, lineage = {}, {}, {}, {}
    first = ks[0]
    parents[first] = np.full(first, -1, dtype=np.int64)
    lineage[first] = np.arange(first, dtype=np.int64)
    n_lineages = first
    for prev, k in itertools.pairwise(ks):
        sim = js_similarity(models[prev].phi, models[k].phi)
        flows[k], similarity[k] = shared_mass(models[prev], models[k]), sim
        parent = sim.argmax(axis=0)
        best = sim[parent, np.arange(k)]
        parent = np.where(best >= threshold, parent, -1)
        parents[k] = parent
        ids = np.full(k, -1, dtype=np.int64)
        for p in np.unique(parent[parent >= 0]):  # the child most like its parent carries the lineage on
            children = np.flatnonzero(parent == p)
            ids[children[np.argmax(sim[p, children])]] = lineage[prev][p]
        for j in np.flatnonzero(ids < 0):
            ids[j] = n_lineages
            n_lineages += 1
        lineage[k] = ids
    return Genealogy(ks, dict(models), flows, similarity, parents, lineage, float(threshold), n_lineages)


def genealogy(
    corpus: Corpus,
    options: LdaOptions,
    ks: Sequence[int],
    cache: MutableMapping[int, TopicModel] | None = None,
    progress: Progress | None = None,
    threshold: float = PARENT_SIMILARITY,
) -> Genealogy:
    """:func:`fit_range` then :func:`genealogy_of`."""
    return genealogy_of(fit_range(corpus, options, ks, cache, progress), threshold)
