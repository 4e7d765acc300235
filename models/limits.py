"""Upload limits: how large a file, and how large and how many files inside a zip archive."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Limits", "default_limits"]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size limits checked before anything is decompressed or parsed.

    Attributes
    ----------
    max_file_bytes : int
        Largest single file (or zip member) accepted.
    max_zip_members : int
        Most files a zip archive may hold.
    max_zip_total_bytes : int
        Largest sum of the declared uncompressed sizes in a zip archive.
    max_zip_ratio : float
        Largest compression ratio of one member (a higher ratio is treated as a zip bomb).
    max_documents : int
        Most documents read from all inputs together.
    """

    max_file_bytes: int = 200 * MB
    max_zip_members: int = 2000
    max_zip_total_bytes: int = 500 * MB
    max_zip_ratio: float = 200.0
    max_documents: int = 200_000


def default_limits() -> Limits:
    """Limits from the environment (``TOPICLENS_MAX_UPLOAD_MB``, ``TOPICLENS_MAX_ZIP_MB``), else the defaults."""
    base = Limits()
    upload = os.environ.get("TOPICLENS_MAX_UPLOAD_MB")
    unzipped = os.environ.get("TOPICLENS_MAX_ZIP_MB")
    return Limits(
        max_file_bytes=int(float(upload) * MB) if upload else base.max_file_bytes,
        max_zip_members=base.max_zip_members,
        max_zip_total_bytes=int(float(unzipped) * MB) if unzipped else base.max_zip_total_bytes,
        max_zip_ratio=base.max_zip_ratio,
        max_documents=base.max_documents,
    )
