"""LSA: the SVD of the term-document matrix, as the lecture writes it (A = U Σ Vᵀ)."""

from __future__ import annotations

from models.lsa.svd import LsaResult, fit_lsa, term_document_matrix

__all__ = ["LsaResult", "fit_lsa", "term_document_matrix"]
