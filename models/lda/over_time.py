"""Topics across time and groups: each topic's share of tokens per date bin or category, with bootstrap intervals
over documents, what a topic said in each bin, and which topics differ between two groups.

A group's share of topic k is ``Σ_{d∈g} n_d θ_dk / Σ_{d∈g} n_d`` (θ weighted by document length, as LDAvis weighs
topic prevalence; Sievert & Shirley 2014). Intervals resample the group's documents with replacement (the
percentile bootstrap, Efron & Tibshirani 1993), seeded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from models.corpus.corpus import Corpus
from models.corpus.dates import parse_date
from models.errors import InputError
from models.lda.topic_model import TopicModel

__all__ = [
    "BIN_SIZES",
    "ColumnKind",
    "GroupDifference",
    "GroupShares",
    "bin_labels",
    "column_kinds",
    "group_difference",
    "group_shares",
    "group_top_terms",
    "metadata_values",
]

BIN_SIZES = ("auto", "year", "quarter", "month")
MAX_GROUPS = 60  # more distinct values than this is not a category column
DATE_SHARE = 0.8  # a column whose non-empty values parse as dates at least this often is a date column
MAX_BOOTSTRAP = 5000


@dataclass(frozen=True)
class ColumnKind:
    """What a metadata column can be used as.

    Attributes
    ----------
    name : str
    kind : {"date", "category"}
    distinct : int
        Distinct non-empty values.
    unparsable : int
        Date columns: non-empty values that are not dates (reported, left out of the bins).
    """

    name: str
    kind: str
    distinct: int
    unparsable: int = 0


def metadata_values(corpus: Corpus, column: str) -> list[str]:
    """The value of ``column`` for each document ("" where the document has none)."""
    return [dict(doc.meta).get(column, "") for doc in corpus.documents]


def column_kinds(corpus: Corpus) -> list[ColumnKind]:
    """The metadata columns usable as dates or categories, in the table's order."""
    names: dict[str, None] = {}
    for doc in corpus.documents:
        for key, _ in doc.meta:
            names.setdefault(key, None)
    kinds = []
    for name in names:
        values = [v.strip() for v in metadata_values(corpus, name) if v.strip()]
        if not values:
            continue
        parsed = sum(parse_date(v) is not None for v in values)
        distinct = len(set(values))
        if parsed >= DATE_SHARE * len(values):
            kinds.append(ColumnKind(name, "date", distinct, len(values) - parsed))
        elif 2 <= distinct <= MAX_GROUPS and distinct < len(values):
            kinds.append(ColumnKind(name, "category", distinct))
    return kinds


def _bin(d: date, size: str) -> str:
    if size == "year":
        return f"{d.year}"
    if size == "quarter":
        return f"{d.year} Q{(d.month - 1) // 3 + 1}"
    return f"{d.year}-{d.month:02d}"


MIN_PER_BIN = 15  # "auto" picks the finest bin with at least this many documents per bin on average


def _auto_size(dates: list) -> str:
    """The finest of month, quarter, year whose bins (from the first to the last date) hold ``MIN_PER_BIN``
    documents on average; years when a value was written as a year only (it fits no finer bin)."""
    if any(p.precision == "year" for p in dates):
        return "year"
    first, last = min(p.value for p in dates), max(p.value for p in dates)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    quarters = (last.year * 4 + (last.month - 1) // 3) - (first.year * 4 + (first.month - 1) // 3) + 1
    for size, bins in (("month", months), ("quarter", quarters)):
        if len(dates) / bins >= MIN_PER_BIN:
            return size
    return "year"


def bin_labels(values: Sequence[str], size: str = "auto") -> tuple[list[str | None], list[str], list[int]]:
    """Date bins for each value.

    Parameters
    ----------
    values : sequence of str
        One date string per document.
    size : {"auto", "year", "quarter", "month"}
        "auto" picks the finest size whose bins hold ``MIN_PER_BIN`` documents on average (years when a value was
        written as a year only).

    Returns
    -------
    labels : list of str or None
        The bin of each document (None: empty or unparsable).
    order : list of str
        The bins in time order (every bin between the first and the last, empty ones included).
    unparsable : list of int
        Positions of non-empty values that are not dates.
    """
    if size not in BIN_SIZES:
        raise InputError("bad_option", option="bin", value=size, why="use " + ", ".join(BIN_SIZES))
    parsed = [parse_date(v) if v and v.strip() else None for v in values]
    unparsable = [i for i, (v, p) in enumerate(zip(values, parsed, strict=True)) if v and v.strip() and p is None]
    dates = [p for p in parsed if p is not None]
    if not dates:
        return [None] * len(values), [], unparsable
    if size == "auto":
        size = _auto_size(dates)
    labels = [None if p is None else _bin(p.value, size) for p in parsed]
    first, last = min(p.value for p in dates), max(p.value for p in dates)
    order, d = [], date(first.year, first.month, 1)
    while d <= last:
        label = _bin(d, size)
        if not order or order[-1] != label:
            order.append(label)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return labels, order, unparsable


@dataclass(frozen=True, eq=False)
class GroupShares:
    """Each topic's share of tokens per group, with bootstrap intervals.

    Attributes
    ----------
    groups : tuple of str
        In display order (time order for dates).
    documents : ndarray of shape (G,)
        Documents per group.
    share : ndarray of shape (G, K)
        ``Σ_{d∈g} n_d θ_dk / Σ_{d∈g} n_d``; rows sum to 1 (0 for an empty group).
    low, high : ndarray of shape (G, K)
        The bootstrap interval at ``level`` (equal to ``share`` for a group of one document; nan when empty).
    level : float
    """

    groups: tuple[str, ...]
    documents: np.ndarray
    share: np.ndarray
    low: np.ndarray
    high: np.ndarray
    level: float


def _weighted_share(theta: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    total = lengths.sum()
    return (lengths[:, None] * theta).sum(axis=0) / total if total > 0 else np.zeros(theta.shape[1])


def group_shares(
    model: TopicModel,
    labels: Sequence[str | None],
    order: Sequence[str] | None = None,
    n_boot: int = 500,
    level: float = 0.9,
    seed: int = 0,
) -> GroupShares:
    """Topic shares per group with percentile-bootstrap intervals over the group's documents.

    Parameters
    ----------
    model : TopicModel
    labels : sequence of str or None
        The group of each document (None: left out).
    order : sequence of str, optional
        Groups to show, in order (default: sorted distinct labels).
    n_boot : int
        Bootstrap resamples (at most ``MAX_BOOTSTRAP``).
    level : float
        Interval coverage, e.g. 0.9 for the 5th to 95th percentile.
    seed : int
    """
    if len(labels) != model.theta.shape[0]:
        raise ValueError(f"{len(labels)} labels for {model.theta.shape[0]} documents")
    if not 1 <= n_boot <= MAX_BOOTSTRAP:
        raise InputError("bad_option", option="n_boot", value=n_boot, why=f"use 1 to {MAX_BOOTSTRAP}")
    groups = tuple(order) if order is not None else tuple(sorted({g for g in labels if g is not None}))
    index = {g: i for i, g in enumerate(groups)}
    members: list[list[int]] = [[] for _ in groups]
    for d, g in enumerate(labels):
        if g is not None and g in index:
            members[index[g]].append(d)
    K = model.n_topics
    lengths = np.asarray(model.doc_lengths, dtype=np.float64)
    share = np.zeros((len(groups), K))
    low = np.full((len(groups), K), np.nan)
    high = np.full((len(groups), K), np.nan)
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    for i, docs in enumerate(members):
        if not docs:
            continue
        ids = np.asarray(docs)
        theta, n = model.theta[ids], lengths[ids]
        share[i] = _weighted_share(theta, n)
        draws = rng.integers(0, len(ids), size=(n_boot, len(ids)))
        weights = n[draws]  # (B, m)
        totals = weights.sum(axis=1, keepdims=True)
        boot = np.einsum("bm,bmk->bk", weights, theta[draws]) / np.where(totals > 0, totals, 1.0)
        low[i], high[i] = np.quantile(boot, [alpha, 1 - alpha], axis=0)
    documents = np.array([len(m) for m in members])
    return GroupShares(groups, documents, share, low, high, level)


def group_top_terms(
    model: TopicModel, corpus: Corpus, labels: Sequence[str | None], groups: Sequence[str], topic: int, n: int = 8
) -> dict[str, list[tuple[str, float]]]:
    """What ``topic`` said in each group: its top terms counted from the group's own tokens.

    Gibbs fits count the tokens the sampler assigned to the topic; variational fits use the expected counts
    ``Σ_{d∈g} n_dw θ_dk φ_kw / Σ_j θ_dj φ_jw`` (the posterior of each word's topic, Blei et al. 2003).

    Returns
    -------
    dict
        group -> [(term, count)] with at most ``n`` terms, largest first.
    """
    index = {g: [] for g in groups}
    for d, g in enumerate(labels):
        if g in index:
            index[g].append(d)
    out: dict[str, list[tuple[str, float]]] = {}
    for g, docs in index.items():
        counts: Counter[int] = Counter()
        for d in docs:
            ids = corpus.doc_token_ids(d).astype(np.int64)
            if ids.size == 0:
                continue
            if model.assignments is not None:
                z = np.asarray(model.assignments[d])
                counts.update(ids[z == topic].tolist())
            else:
                joint = model.theta[d][:, None] * model.phi[:, ids]  # (K, tokens)
                posterior = joint[topic] / np.maximum(joint.sum(axis=0), 1e-300)
                for w, p in zip(ids.tolist(), posterior.tolist(), strict=True):
                    counts[w] += p
        out[g] = [(model.vocab[w], float(c)) for w, c in counts.most_common(n) if c > 0]
    return out


@dataclass(frozen=True, eq=False)
class GroupDifference:
    """Topic shares of group a minus group b, with bootstrap intervals, largest absolute difference first.

    Attributes
    ----------
    topics : ndarray of shape (K,)
        Topic ids in display order.
    difference, low, high : ndarray of shape (K,)
    """

    topics: np.ndarray
    difference: np.ndarray
    low: np.ndarray
    high: np.ndarray


def group_difference(
    model: TopicModel,
    labels: Sequence[str | None],
    a: str,
    b: str,
    n_boot: int = 500,
    level: float = 0.9,
    seed: int = 0,
) -> GroupDifference:
    """Which topics differ between groups ``a`` and ``b`` (each group resampled on its own)."""
    if a == b:
        raise InputError("bad_option", option="groups", value=f"{a}, {b}", why="choose two different groups")
    ab = group_shares(model, labels, order=(a, b), n_boot=n_boot, level=level, seed=seed)
    if (ab.documents == 0).any():
        raise InputError("bad_option", option="groups", value=f"{a}, {b}", why="a group has no documents")
    # the bootstrap of a difference: resample each group again with its own draws
    lengths = np.asarray(model.doc_lengths, dtype=np.float64)
    rng = np.random.default_rng(seed + 1)
    boots = []
    for g in (a, b):
        ids = np.array([d for d, label in enumerate(labels) if label == g])
        draws = rng.integers(0, len(ids), size=(n_boot, len(ids)))
        weights = lengths[ids][draws]
        totals = weights.sum(axis=1, keepdims=True)
        boots.append(np.einsum("bm,bmk->bk", weights, model.theta[ids][draws]) / np.where(totals > 0, totals, 1.0))
    diff_boot = boots[0] - boots[1]
    alpha = (1 - level) / 2
    low, high = np.quantile(diff_boot, [alpha, 1 - alpha], axis=0)
    difference = ab.share[0] - ab.share[1]
    order = np.argsort(-np.abs(difference), kind="stable")
    return GroupDifference(order, difference[order], low[order], high[order])
