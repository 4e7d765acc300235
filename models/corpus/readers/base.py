"""What a format reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.corpus.documents import Dropped, RawDocument
from models.errors import Notice

__all__ = ["FileResult", "preview"]


@dataclass
class FileResult:
    """Documents read from one file, with what the reader noticed on the way."""

    kind: str
    documents: list[RawDocument] = field(default_factory=list)
    encoding: str | None = None
    columns: tuple[str, ...] = ()
    text_column: str | None = None
    notices: list[Notice] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def preview(text: str, width: int = 80) -> str:
    """First ``width`` characters of ``text`` on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
