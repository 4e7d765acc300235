"""Latent semantic analysis: the SVD of the term-document matrix, as in the lecture.

Deerwester, Dumais, Furnas, Landauer & Harshman (1990), "Indexing by latent semantic analysis", JASIS 41(6).

The term-document matrix ``A`` has one row per term and one column per document (the lecture's layout, the
transpose of ``Corpus.dtm``). ``A = U Σ Vᵀ``; keeping the k largest singular values gives the best rank-k
approximation ``A_k = U_k Σ_k V_kᵀ`` (Eckart-Young), and ``Σ_k V_kᵀ`` places each document in the k "concept"
dimensions (the lecture's "document matrix for topic").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import scipy.linalg
import scipy.sparse as sp

from models.corpus.corpus import Corpus
from models.errors import InputError
from models.lda.fit import MAX_MATRIX_CELLS, SEED_MAX, format_bytes

__all__ = [
    "FULL_SVD_MAX_MIN_SIDE",
    "FULL_SVD_MAX_SIDE",
    "MAX_FACTOR_CELLS",
    "WEIGHTINGS",
    "LectureView",
    "LsaResult",
    "ReconstructionError",
    "fit_lsa",
    "lecture_rounding",
    "lecture_view",
    "term_document_matrix",
]

logger = logging.getLogger(__name__)

WEIGHTINGS: tuple[str, ...] = ("count", "tfidf")
ALGORITHMS: tuple[str, ...] = ("auto", "full", "randomized")

# "auto" uses the exact LAPACK SVD (all factors) when min(n_terms, n_docs) <= 200 and both sides <= 2000,
# scikit-learn's randomized TruncatedSVD otherwise.
FULL_SVD_MAX_MIN_SIDE = 200
FULL_SVD_MAX_SIDE = 2000
# Truncated mode when n_components is not given (Deerwester et al. used about 100 dimensions).
DEFAULT_TRUNCATED_COMPONENTS = 100
# Most cells of the factors U (terms × k) and Vᵀ (k × documents) together: k × (terms + documents). The randomized
# SVD works on a few float64 arrays of about this size (its range finder holds k + 10 columns), so 20 million cells
# is about 160 MB per copy, the same budget as LDA's φ; `--k 10000` on 555,000 terms asked NumPy for 41.4 GiB.
MAX_FACTOR_CELLS = MAX_MATRIX_CELLS
# Power iterations of the randomized SVD. Measured on lee-news (3308 terms × 300 documents) against the exact
# SVD, worst relative error of the top-k singular values:
#   n_iter   k=10     k=100
#   5        2.7e-3   3.2e-2   (scikit-learn's default)
#   7        4.6e-4   1.6e-2
#   10       3.4e-5   7.1e-3
RANDOMIZED_N_ITER = 10
# Entries of a U column within this relative distance of its largest |value| count as tied (see _flip_signs).
_TIE_RTOL = 1e-9
# reconstruction_error forms A - A_k densely up to this many entries, above it uses the trace identity.
_DENSE_ERROR_MAX_ENTRIES = 4_000_000


class ReconstructionError(NamedTuple):
    """Frobenius norm of ``A - A_k``, absolute and relative to ``‖A‖_F``."""

    absolute: float
    relative: float


@dataclass(frozen=True, eq=False)
class LsaResult:
    """A fitted LSA model: ``A ≈ U Σ Vᵀ`` with r components.

    Attributes
    ----------
    A : scipy.sparse.csr_matrix of shape (n_terms, n_docs)
        The weighted term-document matrix that was decomposed (float64).
    U : ndarray of shape (n_terms, r)
        Left singular vectors: the lecture's "word matrix for topic" (orthonormal columns).
    sigma : ndarray of shape (r,)
        Singular values, descending: the lecture's "topic strength".
    Vt : ndarray of shape (r, n_docs)
        Right singular vectors as rows (orthonormal rows).
    terms : tuple of str
        Row labels of ``A`` and ``U``.
    document_names : tuple of str
        Column labels of ``A`` and ``Vt``.
    weighting : {"count", "tfidf"}
        How ``A`` was built from the counts.
    full : bool
        True when the factors come from an exact (LAPACK) SVD, False for scikit-learn's randomized TruncatedSVD.
    explained_variance_ratio : ndarray of shape (r,)
        ``σ_i² / ‖A‖_F²``: the share of the squared Frobenius norm ("energy") each component captures. This is
        not scikit-learn's ``TruncatedSVD.explained_variance_ratio_``, which uses column-centred variances.

    Notes
    -----
    Signs are deterministic: in each column of ``U`` the entry of largest absolute value is positive (ties
    broken by the lowest row index), and the matching row of ``Vt`` is flipped with it (the convention of
    scikit-learn's ``svd_flip``). Singular vectors of repeated singular values (the lecture's σ₃ = σ₄ = 1) are
    only defined up to a rotation, so they may differ from the lecture's picture.
    """

    A: sp.csr_matrix
    U: np.ndarray
    sigma: np.ndarray
    Vt: np.ndarray
    terms: tuple[str, ...]
    document_names: tuple[str, ...]
    weighting: str
    full: bool
    explained_variance_ratio: np.ndarray

    def __post_init__(self) -> None:
        n_terms, n_docs = self.A.shape
        r = self.sigma.shape[0]
        problems = []
        if self.U.shape != (n_terms, r):
            problems.append(f"U shape {self.U.shape}, expected ({n_terms}, {r})")
        if self.Vt.shape != (r, n_docs):
            problems.append(f"Vt shape {self.Vt.shape}, expected ({r}, {n_docs})")
        if len(self.terms) != n_terms or len(self.document_names) != n_docs:
            problems.append(f"{len(self.terms)} terms and {len(self.document_names)} names for A {self.A.shape}")
        if self.explained_variance_ratio.shape != (r,):
            problems.append(f"explained_variance_ratio shape {self.explained_variance_ratio.shape}")
        if np.any(np.diff(self.sigma) > 1e-9 * max(1.0, float(self.sigma[0]) if r else 1.0)):
            problems.append("singular values are not in descending order")
        if problems:
            raise ValueError("invalid LsaResult: " + "; ".join(problems))

    @property
    def n_components(self) -> int:
        """Number of components r kept."""
        return self.sigma.shape[0]

    def truncate(self, k: int) -> LsaResult:
        """The same result restricted to the first ``k`` components."""
        self._check_k(k)
        return LsaResult(
            A=self.A,
            U=self.U[:, :k],
            sigma=self.sigma[:k],
            Vt=self.Vt[:k],
            terms=self.terms,
            document_names=self.document_names,
            weighting=self.weighting,
            full=self.full,
            explained_variance_ratio=self.explained_variance_ratio[:k],
        )

    def document_concepts(self, k: int) -> np.ndarray:
        """``Σ_k V_kᵀ``: documents in the k-dimensional concept space (the lecture's 2×6 table for k = 2).

        Returns
        -------
        ndarray of shape (k, n_docs)
        """
        self._check_k(k)
        return self.sigma[:k, None] * self.Vt[:k]

    def term_loadings(self, k: int) -> np.ndarray:
        """``U_k Σ_k``: terms in the same scaled concept space as :meth:`document_concepts`.

        Deerwester et al. compare terms by the rows of ``U_k Σ_k`` and documents by the columns of ``Σ_k V_kᵀ``.
        Within one concept the ranking of terms is the same as by ``U_k``; the unscaled ``U`` (the lecture's
        "word matrix for topic") is the attribute :attr:`U`.

        Returns
        -------
        ndarray of shape (n_terms, k)
        """
        self._check_k(k)
        return self.U[:, :k] * self.sigma[:k]

    def reconstruct(self, k: int) -> np.ndarray:
        """``A_k = U_k Σ_k V_kᵀ``, the best rank-k approximation of ``A`` (dense).

        Returns
        -------
        ndarray of shape (n_terms, n_docs)
        """
        self._check_k(k)
        return (self.U[:, :k] * self.sigma[:k]) @ self.Vt[:k]

    def reconstruction_error(self, k: int) -> ReconstructionError:
        """``‖A − A_k‖_F`` and ``‖A − A_k‖_F / ‖A‖_F``.

        For an exact SVD this equals ``sqrt(Σ_{i>k} σ_i²)`` (Eckart-Young). Small matrices are compared entry by
        entry; large ones through ``‖A − B‖² = ‖A‖² − 2⟨A, B⟩ + ‖B‖²`` without forming ``A_k``.
        """
        self._check_k(k)
        norm_a = float(sp.linalg.norm(self.A))
        n_terms, n_docs = self.A.shape
        if n_terms * n_docs <= _DENSE_ERROR_MAX_ENTRIES:
            absolute = float(np.linalg.norm(self.A.toarray() - self.reconstruct(k)))
        else:
            absolute = _error_without_dense(self.A, self.U[:, :k], self.sigma[:k], self.Vt[:k])
        return ReconstructionError(absolute, absolute / norm_a if norm_a > 0 else 0.0)

    def _check_k(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= self.n_components:
            raise InputError("lsa_bad_k", k=k, max_k=self.n_components, n_terms=self.A.shape[0], n_docs=self.A.shape[1])


def _error_without_dense(A: sp.csr_matrix, U: np.ndarray, sigma: np.ndarray, Vt: np.ndarray) -> float:
    # ‖A − UΣVᵀ‖² = ‖A‖² − 2 Σ_i σ_i u_iᵀ A v_i + Σ_i σ_i²   (U, V with orthonormal columns)
    cross = float(np.sum(sigma * np.einsum("ti,ti->i", U, A @ Vt.T)))
    squared = float(sp.linalg.norm(A) ** 2) - 2.0 * cross + float(np.sum(sigma**2))
    return float(np.sqrt(max(squared, 0.0)))


def term_document_matrix(corpus: Corpus, weighting: str = "count") -> sp.csr_matrix:
    """The lecture's term-document matrix ``A`` (terms × documents) with the chosen weighting.

    Parameters
    ----------
    corpus : Corpus
        Its ``dtm`` may be any SciPy sparse matrix or a dense array of counts.
    weighting : {"count", "tfidf"}
        "count": raw counts. "tfidf": scikit-learn's ``TfidfTransformer()`` defaults (smooth idf
        ``ln((1 + n) / (1 + df)) + 1``, each document l2-normalised) applied to the document-term matrix, then
        transposed.

    Returns
    -------
    scipy.sparse.csr_matrix of shape (n_terms, n_docs)
    """
    if weighting not in WEIGHTINGS:
        raise InputError("lsa_bad_weighting", weighting=weighting, choices=", ".join(WEIGHTINGS))
    dtm = sp.csr_matrix(corpus.dtm, dtype=np.float64)
    if weighting == "tfidf":
        from sklearn.feature_extraction.text import TfidfTransformer

        dtm = sp.csr_matrix(TfidfTransformer().fit_transform(dtm))
    return sp.csr_matrix(dtm.T)


def fit_lsa(
    corpus: Corpus,
    n_components: int | None = None,
    weighting: str = "count",
    seed: int = 0,
    *,
    algorithm: str = "auto",
) -> LsaResult:
    """Decompose the term-document matrix of ``corpus`` by SVD.

    Parameters
    ----------
    corpus : Corpus
        The documents; ``dtm`` may be dense or sparse.
    n_components : int, optional
        Components r to keep, ``1 ≤ r ≤ min(n_terms, n_docs)`` (randomized mode: ``r < min(n_terms, n_docs)``),
        and ``r × (n_terms + n_docs) ≤`` :data:`MAX_FACTOR_CELLS` (checked before the SVD allocates anything).
        None keeps all of them with the exact SVD, and ``min(100, min side − 1)`` with the randomized one, lowered
        to what :data:`MAX_FACTOR_CELLS` allows on a very large matrix.
    weighting : {"count", "tfidf"}
        See :func:`term_document_matrix`.
    seed : int
        Random state of the randomized SVD (the exact SVD does not use it), from 0 to
        :data:`models.lda.SEED_MAX` (scikit-learn's ``TruncatedSVD`` takes 0 to 2**32 - 1).
    algorithm : {"auto", "full", "randomized"}
        "auto": exact when min side ≤ :data:`FULL_SVD_MAX_MIN_SIDE` and both sides ≤ :data:`FULL_SVD_MAX_SIDE`.

    Returns
    -------
    LsaResult

    Raises
    ------
    InputError
        Unknown weighting or algorithm, ``n_components`` out of range or too large for the memory budget, or a
        seed out of range.
    """
    if algorithm not in ALGORITHMS:
        raise InputError("bad_option", option="algorithm", value=algorithm, why=" / ".join(ALGORITHMS))
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or not 0 <= seed <= SEED_MAX:
        raise InputError("seed_out_of_range", value=seed, max_seed=SEED_MAX, engine="LSA")
    A = term_document_matrix(corpus, weighting)
    n_terms, n_docs = A.shape
    min_side = min(n_terms, n_docs)
    if algorithm == "auto":
        full = min_side <= FULL_SVD_MAX_MIN_SIDE and max(n_terms, n_docs) <= FULL_SVD_MAX_SIDE
    else:
        full = algorithm == "full"
    max_k = min_side if full else min_side - 1
    budget_k = MAX_FACTOR_CELLS // (n_terms + n_docs)
    if n_components is None:
        n_components = min_side if full else max(1, min(DEFAULT_TRUNCATED_COMPONENTS, max_k, budget_k))
    if isinstance(n_components, bool) or not isinstance(n_components, int | np.integer) or n_components < 1:
        raise InputError("lsa_bad_k", k=n_components, max_k=max_k, n_terms=n_terms, n_docs=n_docs)
    if n_components > max_k:
        code = "lsa_bad_k" if full else "lsa_bad_k_randomized"
        raise InputError(code, k=n_components, max_k=max_k, n_terms=n_terms, n_docs=n_docs)
    k = int(n_components)
    if k > budget_k:
        raise InputError(
            "lsa_too_large",
            k=k,
            n_terms=n_terms,
            n_docs=n_docs,
            size=format_bytes(8 * k * (n_terms + n_docs)),
            limit=format_bytes(8 * MAX_FACTOR_CELLS),
            cells=MAX_FACTOR_CELLS,
            max_k=min(max_k, budget_k),
        )

    if full:
        U, sigma, Vt = _full_svd(A)
    else:
        U, sigma, Vt = _randomized_svd(A, k, seed)
    U, Vt = _flip_signs(U[:, :k], Vt[:k])
    sigma = sigma[:k]
    norm2 = float(sp.linalg.norm(A) ** 2)
    ratio = sigma**2 / norm2 if norm2 > 0 else np.zeros_like(sigma)
    logger.info(
        "LSA %s: %d terms × %d documents, %d components (%s)",
        weighting,
        n_terms,
        n_docs,
        k,
        "exact" if full else "randomized",
    )
    return LsaResult(
        A=A,
        U=U,
        sigma=sigma,
        Vt=Vt,
        terms=tuple(corpus.vocab),
        document_names=tuple(d.name for d in corpus.documents),
        weighting=weighting,
        full=full,
        explained_variance_ratio=ratio,
    )


def _full_svd(A: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # Thin SVD: U (n_terms, r), sigma (r,), Vt (r, n_docs) with r = min(n_terms, n_docs).
    return scipy.linalg.svd(A.toarray(), full_matrices=False, lapack_driver="gesdd")


def _randomized_svd(A: sp.csr_matrix, k: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    from sklearn.decomposition import TruncatedSVD

    svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=RANDOMIZED_N_ITER, random_state=seed)
    projected = svd.fit_transform(A)  # U Σ, shape (n_terms, k)
    sigma = svd.singular_values_
    safe = np.where(sigma > 0, sigma, 1.0)
    return projected / safe, sigma, svd.components_


def _flip_signs(U: np.ndarray, Vt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Make the largest-|value| entry of each U column positive (lowest index among ties), flip Vt's row too."""
    signs = np.array([_column_sign(U[:, i]) for i in range(U.shape[1])])
    return U * signs, Vt * signs[:, None]


def _column_sign(column: np.ndarray) -> float:
    magnitude = np.abs(column)
    top = magnitude.max() if magnitude.size else 0.0
    if top == 0:
        return 1.0
    first = int(np.argmax(magnitude >= top * (1 - _TIE_RTOL)))
    return 1.0 if column[first] > 0 else -1.0


# --- the lecture's rounded tables -------------------------------------------------------------------------------


def lecture_rounding(x: np.ndarray | float, decimals: int = 1) -> np.ndarray:
    """Round half away from zero (as the lecture's tables and spreadsheets do), without negative zeros.

    NumPy's ``round`` rounds halves to even (0.25 → 0.2); here 0.25 → 0.3 and -0.25 → -0.3.
    """
    scale = 10.0**decimals
    arr = np.asarray(x, dtype=np.float64)
    # The tiny nudge keeps products such as 1.9 × 0.3 = 0.5700000000000001 or 0.5699999999 from flipping.
    rounded = np.sign(arr) * np.floor(np.abs(arr) * scale + 0.5 + 1e-9) / scale
    return rounded + 0.0


@dataclass(frozen=True, eq=False)
class LectureView:
    """The SVD tables rounded as the lecture prints them.

    Attributes
    ----------
    U : ndarray of shape (n_terms, n_terms) or (n_terms, r)
        ``U`` rounded to 1 decimal; for an exact SVD completed to a square orthonormal matrix as in the lecture.
    Sigma : ndarray of shape (n_terms, n_docs) or (r, r)
        Σ as a rectangular diagonal matrix (the lecture's 5×6), rounded to 1 decimal.
    Vt : ndarray of shape (n_docs, n_docs) or (r, n_docs)
        ``Vᵀ`` rounded to 1 decimal; for an exact SVD completed to a square matrix (the lecture's 6×6).
    document_concepts : ndarray of shape (k, n_docs)
        ``Σ_k V_kᵀ`` computed from the ROUNDED factors, then rounded to 2 decimals (the lecture's
        0.57 1.71 0.57 = 1.9 × 0.3, 1.9 × 0.9, 1.9 × 0.3).
    document_concepts_exact : ndarray of shape (k, n_docs)
        The exact ``Σ_k V_kᵀ`` rounded to 2 decimals (0.63 1.72 0.63 for the lecture's example).
    k : int
        Components in the product.

    Notes
    -----
    The completing rows of ``Vᵀ`` (and columns of ``U``) span the null space; they multiply zeros of Σ, are only
    defined up to a rotation, and follow the same sign rule as the other factors.
    """

    U: np.ndarray
    Sigma: np.ndarray
    Vt: np.ndarray
    document_concepts: np.ndarray
    document_concepts_exact: np.ndarray
    k: int


def lecture_view(result: LsaResult, k: int = 2) -> LectureView:
    """Round ``result``'s factors as the lecture does and multiply the rounded ``Σ_k`` and ``V_kᵀ``.

    Parameters
    ----------
    result : LsaResult
    k : int
        Components in the "document matrix for topic" (the lecture uses 2).
    """
    result._check_k(k)
    U, sigma, Vt = result.U, result.sigma, result.Vt
    if result.full and result.n_components == min(result.A.shape):
        U = _complete_columns(U)
        Vt = _complete_columns(Vt.T).T
    Sigma = np.zeros((U.shape[1], Vt.shape[0]))
    Sigma[np.arange(sigma.size), np.arange(sigma.size)] = sigma
    sigma_r = lecture_rounding(sigma[:k], 1)
    vt_r = lecture_rounding(result.Vt[:k], 1)
    return LectureView(
        U=lecture_rounding(U, 1),
        Sigma=lecture_rounding(Sigma, 1),
        Vt=lecture_rounding(Vt, 1),
        document_concepts=lecture_rounding(sigma_r[:, None] * vt_r, 2),
        document_concepts_exact=lecture_rounding(result.document_concepts(k), 2),
        k=k,
    )


def _complete_columns(Q: np.ndarray) -> np.ndarray:
    """Append an orthonormal basis of the orthogonal complement of Q's columns (signs as in ``_flip_signs``)."""
    n, r = Q.shape
    if r >= n:
        return Q
    extra = scipy.linalg.null_space(Q.T)
    extra, _ = _flip_signs(extra, np.zeros((extra.shape[1], 0)))
    return np.hstack([Q, extra])
