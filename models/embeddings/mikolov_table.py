"""The accuracy table the lecture shows: Mikolov, Chen, Corrado & Dean (2013), "Efficient estimation of word
representations in vector space", Table 3 (architectures trained on the same data, 640-dimensional vectors)."""

from __future__ import annotations

__all__ = ["MIKOLOV_TABLE_3", "SOURCE"]

SOURCE = (
    "Mikolov, T., Chen, K., Corrado, G., Dean, J. (2013). Efficient estimation of word representations in vector "
    "space. arXiv:1301.3781, Table 3."
)

# (model, semantic accuracy %, syntactic accuracy %, MSR word relatedness %); the slide writes "CBOV" for CBOW.
MIKOLOV_TABLE_3: tuple[tuple[str, int, int, int], ...] = (
    ("RNNLM", 9, 36, 35),
    ("NNLM", 23, 53, 47),
    ("CBOW", 24, 64, 61),
    ("Skip-gram", 55, 59, 56),
)
