"""TopicLens computation library: ingestion, preprocessing and topic models, with no Streamlit import.

Use it from Python (``from models import read_files, build_corpus``) or from the command line
(``python -m models --help``).
"""

from __future__ import annotations

from models import numba_cache

numba_cache.configure()  # before any module here imports numba: compiled kernels go to a writable per-user cache

from models.corpus.corpus import Corpus, PreprocessOptions  # noqa: E402
from models.corpus.documents import FileReport, Ingested, IngestOptions, RawDocument  # noqa: E402
from models.corpus.ingest import SUPPORTED_EXTENSIONS, read_files  # noqa: E402
from models.corpus.limits import Limits  # noqa: E402
from models.corpus.preprocess import build_corpus  # noqa: E402
from models.corpus.samples import SAMPLES, load_sample, sample_files  # noqa: E402
from models.errors import InputError, Notice  # noqa: E402

__all__ = [
    "SAMPLES",
    "SUPPORTED_EXTENSIONS",
    "Corpus",
    "FileReport",
    "IngestOptions",
    "Ingested",
    "InputError",
    "Limits",
    "Notice",
    "PreprocessOptions",
    "RawDocument",
    "build_corpus",
    "load_sample",
    "read_files",
    "sample_files",
]
