"""The records that ingestion produces: raw documents, per-file reports and dropped documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from models.corpus.limits import Limits
from models.errors import Notice

__all__ = ["DocMode", "Dropped", "FileReport", "IngestOptions", "Ingested", "RawDocument"]

DocMode = Literal["line", "paragraph", "file"]
DOC_MODES: tuple[str, ...] = ("line", "paragraph", "file")


@dataclass(frozen=True)
class IngestOptions:
    """How files are split into documents.

    Attributes
    ----------
    doc_mode : {"line", "paragraph", "file"}
        For .txt/.md: one document per line, per blank-line-separated paragraph, or per file. For .pdf:
        "file" gives one document per file, otherwise one per page. For .docx/.hwpx: "file" gives one
        document per file, otherwise one per paragraph.
    text_column : str, optional
        For .csv/.tsv/.xlsx: the column holding the text (default: the longest text column).
    encoding : str, optional
        Force a text encoding (e.g. "cp949") instead of detecting it.
    limits : Limits
        Size limits.
    """

    doc_mode: str = "line"
    text_column: str | None = None
    encoding: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document before tokenization (slotted: a million short documents cost ~100 bytes each plus text)."""

    text: str
    source: str
    name: str
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def meta_dict(self) -> dict[str, str]:
        """Metadata (e.g. the other columns of a table row) as a dict."""
        return dict(self.meta)


@dataclass(frozen=True)
class Dropped:
    """A document that was left out, and why (``reason`` is a message code)."""

    source: str
    name: str
    reason: str
    preview: str = ""


@dataclass(frozen=True)
class FileReport:
    """What was read from one input file."""

    name: str
    kind: str
    encoding: str | None = None
    n_documents: int = 0
    columns: tuple[str, ...] = ()
    text_column: str | None = None
    notices: tuple[Notice, ...] = ()
    error: Notice | None = None


@dataclass(frozen=True)
class Ingested:
    """Documents read from all inputs, with a report per file and the documents dropped."""

    documents: tuple[RawDocument, ...]
    files: tuple[FileReport, ...]
    dropped: tuple[Dropped, ...] = ()
