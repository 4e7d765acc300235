"""TopicLens computation library: ingestion, preprocessing and topic models, with no Streamlit import.

Use it from Python (``from models import read_files, build_corpus``) or from the command line
(``python -m models --help``).
"""

from __future__ import annotations

from models.corpus import Corpus, PreprocessOptions
from models.documents import FileReport, Ingested, IngestOptions, RawDocument
from models.errors import InputError, Notice
from models.ingest import SUPPORTED_EXTENSIONS, read_files
from models.limits import Limits
from models.preprocess import build_corpus
from models.samples import SAMPLES, load_sample, sample_files

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
