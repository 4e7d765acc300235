"""Reading and tokenizing: files and their encodings, documents, Korean and English tokens, the corpus as token
ids and a document-term matrix, limits, built-in samples."""

from __future__ import annotations

from models.corpus.corpus import Corpus, PreprocessOptions

__all__ = ["Corpus", "PreprocessOptions"]
