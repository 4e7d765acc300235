"""Reading limits, and the budget that enforces them while files are read.

Declared sizes (a zip's directory, a PDF's page count) are checked first, but nothing relies on them: the
:class:`ReadBudget` counts the bytes that really come out of every decompressed stream, the documents as they are
produced and the time spent on each file, and stops the read with a user-facing :class:`InputError` the moment one
runs over. Why these defaults: reading and tokenizing take about 10x the unpacked text in memory (measured by
``benchmarks/bench_hostile_inputs.py``), so 200 MB of text stays within a worker's 4 GB.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from models.errors import InputError

__all__ = ["MB", "WHOLE_READ_CODES", "Limits", "ReadBudget", "default_limits"]

MB = 1024 * 1024
# Refusals that stop the whole read (the budget is shared by all files), not just the file that ran over.
WHOLE_READ_CODES = frozenset({"unpacked_too_large", "too_many_documents", "too_many_documents_lines"})


@dataclass(frozen=True)
class Limits:
    """Size, count and time limits of one read (all input files together).

    Attributes
    ----------
    max_file_bytes : int
        Largest single file (or zip member) accepted.
    max_zip_members : int
        Most files a zip archive may hold.
    max_zip_total_bytes : int
        Largest sum of the declared uncompressed sizes in a zip archive.
    max_zip_ratio : float
        Largest compression ratio (unpacked / packed) of a member over 1 MB, of a whole archive over 10 MB, or of an
        office file's parts; a higher ratio is treated as a decompression bomb.
    max_documents : int
        Most documents read from all inputs together, counted as they are produced.
    max_unpacked_bytes : int
        Most bytes read from all inputs together after decompression (plain files count their own size; zip members
        and the XML parts of .docx/.xlsx/.hwpx count what comes out of the decompressor).
    max_pdf_pages : int
        Most pages read from one PDF.
    max_read_seconds : float
        Longest time spent reading one file (decoding, parsing and splitting; tokenizing is not included).
    """

    max_file_bytes: int = 200 * MB
    max_zip_members: int = 2000
    max_zip_total_bytes: int = 200 * MB
    max_zip_ratio: float = 200.0
    max_documents: int = 200_000
    max_unpacked_bytes: int = 200 * MB
    max_pdf_pages: int = 2000
    max_read_seconds: float = 60.0


# environment variable -> (field, unit multiplier)
_ENVIRONMENT: dict[str, tuple[str, float]] = {
    "TOPICLENS_MAX_UPLOAD_MB": ("max_file_bytes", MB),
    "TOPICLENS_MAX_ZIP_MB": ("max_zip_total_bytes", MB),
    "TOPICLENS_MAX_UNPACKED_MB": ("max_unpacked_bytes", MB),
    "TOPICLENS_MAX_DOCUMENTS": ("max_documents", 1),
    "TOPICLENS_MAX_PDF_PAGES": ("max_pdf_pages", 1),
    "TOPICLENS_MAX_READ_SECONDS": ("max_read_seconds", 1),
}


def default_limits() -> Limits:
    """The limits, with any of ``TOPICLENS_MAX_UPLOAD_MB``, ``_ZIP_MB``, ``_UNPACKED_MB``, ``_DOCUMENTS``,
    ``_PDF_PAGES`` and ``_READ_SECONDS`` from the environment.

    Raises
    ------
    InputError
        When a variable is not a finite positive number.
    """
    values: dict[str, float | int] = {}
    for variable, (name, unit) in _ENVIRONMENT.items():
        raw = os.environ.get(variable)
        if raw is None or not raw.strip():
            continue
        try:
            number = float(raw)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number <= 0:
            raise InputError("bad_limit", variable=variable, value=raw)
        values[name] = number if name == "max_read_seconds" else max(1, int(number * unit))
    return Limits(**values)  # type: ignore[arg-type]


class ReadBudget:
    """What one read may still spend: unpacked bytes, documents, and time on the current file.

    Parameters
    ----------
    limits : Limits
        The limits to enforce.
    clock : callable, optional
        Monotonic seconds (tests pass a fake clock).
    """

    def __init__(self, limits: Limits, clock: Callable[[], float] | None = None) -> None:
        self.limits = limits
        self._clock = clock or time.monotonic
        self.unpacked_bytes = 0
        self.documents = 0
        self._file = ""
        self._deadline = math.inf

    def start_file(self, name: str) -> None:
        """Start the clock of file ``name`` (the time limit is per file)."""
        self._file = name
        self._deadline = self._clock() + self.limits.max_read_seconds

    def check_time(self) -> None:
        """Raise when the current file has taken longer than ``max_read_seconds``."""
        if self._clock() > self._deadline:
            raise InputError("read_too_slow", name=self._file, seconds=self.limits.max_read_seconds)

    def add_bytes(self, count: int, name: str) -> None:
        """Count ``count`` unpacked bytes of ``name``; raise past ``max_unpacked_bytes``."""
        self.unpacked_bytes += count
        if self.unpacked_bytes > self.limits.max_unpacked_bytes:
            raise InputError("unpacked_too_large", name=name, limit_mb=self.limits.max_unpacked_bytes / MB)

    def add_documents(self, count: int, name: str, doc_mode: str) -> None:
        """Count ``count`` new documents of ``name``; raise past ``max_documents`` (with a hint for ``doc_mode``)."""
        self.documents += count
        if self.documents > self.limits.max_documents:
            code = "too_many_documents_lines" if doc_mode == "line" else "too_many_documents"
            raise InputError(code, name=name, limit=self.limits.max_documents)
