"""JSON reports of fitted models: what ``python -m models fit --json`` writes and the app's JSON download.

Field names are part of the public interface (documented in the README); extend, never rename.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from models.lda.explore import LdaExploration
from models.ldavis.vis_data import top_terms
from models.lsa.svd import LsaResult

__all__ = ["lda_report", "lsa_report"]


def _floats(a: np.ndarray, digits: int = 6) -> list:
    return (np.round(np.asarray(a, dtype=float), digits) + 0.0).tolist()  # + 0.0 turns -0.0 into 0.0


def lda_report(exploration: LdaExploration, names: dict[int, str] | None = None, R: int = 30) -> dict[str, Any]:
    """The LDA report: per topic its id, display rank, name, prevalence, map position and top terms at λ = 1 and
    λ = 0.6, with coherence and perplexity.

    Parameters
    ----------
    exploration : LdaExploration
    names : dict of int to str, optional
        Topic names by model id (the app's user-given names); empty strings when absent.
    R : int
        Number of top terms per λ.
    """
    model, vis, quality = exploration.model, exploration.vis, exploration.quality
    names = names or {}
    R = min(R, vis.R)
    topics = []
    for k in (int(i) for i in vis.order):
        topics.append(
            {
                "id": k,
                "rank": int(vis.ranks[k]),
                "name": names.get(k, ""),
                "prevalence": round(float(vis.prevalence[k]), 6),
                "x": round(float(vis.coordinates[k, 0]), 6),
                "y": round(float(vis.coordinates[k, 1]), 6),
                "top_terms_lambda_1": list(top_terms(vis, k, 1.0, R).terms),
                "top_terms_lambda_0_6": list(top_terms(vis, k, 0.6, R).terms),
                "coherence_c_v": round(float(quality.c_v[k]), 6),
                "coherence_u_mass": round(float(quality.u_mass[k]), 6),
            }
        )
    options = exploration.options
    return {
        "method": "lda",
        "engine": model.engine,
        "n_topics": model.n_topics,
        "params": {
            key: (value if isinstance(value, str | int | float | None) else str(value))
            for key, value in model.params.items()
        },
        "seed": options.seed,
        "documents": int(model.theta.shape[0]),
        "vocabulary_size": len(model.vocab),
        "tokens": int(np.sum(model.doc_lengths)),
        "perplexity": round(float(quality.perplexity), 6),
        "coherence": {"c_v": round(quality.c_v_mean, 6), "u_mass": round(quality.u_mass_mean, 6)},
        "layout": vis.layout,
        "seconds": round(exploration.seconds, 3),
        "topics": topics,
    }


def lsa_report(lsa: LsaResult, k: int | None = None) -> dict[str, Any]:
    """The LSA report: singular values, terms, documents, ``U`` and ``Vt`` truncated to k, and ``Σ_k V_kᵀ``.

    Parameters
    ----------
    lsa : LsaResult
    k : int, optional
        Components kept in ``U``, ``Vt`` and ``document_concepts`` (default: all computed).
    """
    k = k or lsa.n_components
    return {
        "method": "lsa",
        "weighting": lsa.weighting,
        "full_svd": bool(lsa.full),
        "k": int(k),
        "singular_values": _floats(lsa.sigma),
        "explained_variance_ratio": _floats(lsa.explained_variance_ratio),
        "terms": list(lsa.terms),
        "documents": list(lsa.document_names),
        "U": _floats(lsa.U[:, :k]),
        "Vt": _floats(lsa.Vt[:k]),
        "document_concepts": _floats(lsa.document_concepts(k)),
        "reconstruction_error": round(lsa.reconstruction_error(k).absolute, 6),
    }
