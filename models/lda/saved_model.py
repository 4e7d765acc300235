"""The ``.topiclens`` file: a whole LDA exploration (corpus, fitted model, names, merges) in one safe file.

A zip of JSON and NumPy ``.npz`` members, never pickle: opening a file someone sent must not run code. Members:

``manifest.json``
    ``{"format": "topiclens", "version": 1, "members": {name: sha256}, "content_hash": sha256}``; the content hash
    is the sha256 of each member's name and sha256 in name order, checked (with every member's own hash) on open.
``model.json``
    The engine, its params, the fit options, the map layout, the fit's seconds, the user's topic names (of the
    fitted model and of the model after the merges) and the merge history (each step's ids, as in
    :func:`models.lda.merge.apply_merges`).
``model.npz``
    ``phi`` (K × V), ``theta`` (D × K), ``doc_lengths``, ``term_frequency``, ``log_likelihood`` (n × 2) and, for
    Gibbs fits, ``assignments`` (one topic per token, in ``token_ids`` order) of the fitted (unmerged) model.
``corpus.json``
    Language, preprocessing options, vocabulary, and every document's text, source, name and metadata; the files read
    and the documents dropped.
``corpus.npz``
    ``token_ids`` and ``doc_offsets`` (the corpus's own arrays: the document-term matrix is counted from them).

Opening checks the zip before reading a member (names: only these five, no absolute path or ``..``; count, sizes
and compression ratio within :class:`models.corpus.limits.Limits`), then the hashes and the version, and reads
arrays with ``np.load(allow_pickle=False)`` only. Every refusal is an :class:`InputError`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.corpus.corpus import Corpus, PreprocessOptions, count_matrix
from models.corpus.documents import Dropped, FileReport, RawDocument
from models.corpus.limits import MB, Limits, default_limits
from models.errors import InputError
from models.lda.options import LdaOptions
from models.lda.topic_model import TopicModel

__all__ = [
    "FORMAT_VERSION",
    "MEMBERS",
    "SavedModel",
    "open_saved",
    "save_model",
]

FORMAT = "topiclens"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEMBERS: tuple[str, ...] = ("model.json", "model.npz", "corpus.json", "corpus.npz")
_MODEL_ARRAYS = frozenset({"phi", "theta", "doc_lengths", "term_frequency", "log_likelihood", "assignments"})
_CORPUS_ARRAYS = frozenset({"token_ids", "doc_offsets"})
_MEMBER_ERRORS = (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError, zlib.error)
_RATIO_FROM = 1 * MB  # members larger than this are judged by their compression ratio (as models.corpus.readers)


@dataclass(frozen=True, eq=False)
class SavedModel:
    """What a ``.topiclens`` file holds.

    Attributes
    ----------
    corpus : Corpus
    model : TopicModel
        The fitted model, before any merge.
    options : LdaOptions
    layout : str
        The intertopic map's layout ("pcoa", "mmds" or "tsne").
    merges : tuple of tuple of int
        The merge history (each step's ids in the model before that step).
    names : dict of int to str
        The user's topic names of the model after the merges.
    base_names : dict of int to str
        The user's topic names of the fitted model.
    seconds : float
        The fit's time.
    content_hash : str
        The file's content hash (sha256, hex).
    """

    corpus: Corpus
    model: TopicModel
    options: LdaOptions
    layout: str = "pcoa"
    merges: tuple[tuple[int, ...], ...] = ()
    names: dict[int, str] = field(default_factory=dict)
    base_names: dict[int, str] = field(default_factory=dict)
    seconds: float = 0.0
    content_hash: str = ""


# --- writing ------------------------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _npz(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # stored, not compressed: the outer zip compresses every member
    return buffer.getvalue()


def _json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(hashes: dict[str, str]) -> str:
    """sha256 over each member's name and sha256, in name order (hex)."""
    h = hashlib.sha256()
    for name in sorted(hashes):
        h.update(name.encode("utf-8") + b"\0" + hashes[name].encode("ascii") + b"\n")
    return h.hexdigest()


def save_model(saved: SavedModel) -> bytes:
    """The ``.topiclens`` file of ``saved`` (``saved.content_hash`` is ignored: it is computed here).

    Returns
    -------
    bytes
        A zip archive (deflated members; see the module's docstring for the members).
    """
    model, corpus = saved.model, saved.corpus
    arrays: dict[str, np.ndarray] = {
        "phi": np.asarray(model.phi, dtype=np.float64),
        "theta": np.asarray(model.theta, dtype=np.float64),
        "doc_lengths": np.asarray(model.doc_lengths, dtype=np.int64),
        "term_frequency": np.asarray(model.term_frequency, dtype=np.int64),
        "log_likelihood": np.asarray(model.log_likelihood, dtype=np.float64).reshape(-1, 2),
    }
    if model.assignments is not None:
        arrays["assignments"] = (
            np.concatenate(model.assignments).astype(np.int16 if model.n_topics < 2**15 else np.int32)
            if len(model.assignments)
            else np.zeros(0, dtype=np.int16)
        )
    model_json = {
        "engine": model.engine,
        "params": _json_value(model.params),
        "options": _json_value(dataclasses.asdict(saved.options)),
        "layout": saved.layout,
        "seconds": float(saved.seconds),
        "merges": [list(step) for step in saved.merges],
        "names": {str(k): v for k, v in saved.names.items()},
        "base_names": {str(k): v for k, v in saved.base_names.items()},
    }
    corpus_json = {
        "language": corpus.language,
        "options": _json_value(dataclasses.asdict(corpus.options)),
        "vocab": list(corpus.vocab),
        "documents": [
            {"text": d.text, "source": d.source, "name": d.name, "meta": [list(m) for m in d.meta]}
            for d in corpus.documents
        ],
        "files": [
            {
                "name": f.name,
                "kind": f.kind,
                "encoding": f.encoding,
                "n_documents": f.n_documents,
                "columns": list(f.columns),
                "text_column": f.text_column,
            }
            for f in corpus.files
        ],
        "dropped": [dataclasses.asdict(d) for d in corpus.dropped],
    }
    members = {
        "model.json": _json(model_json),
        "model.npz": _npz(arrays),
        "corpus.json": _json(corpus_json),
        "corpus.npz": _npz(
            {
                "token_ids": np.asarray(corpus.token_ids, dtype=np.int32),
                "doc_offsets": np.asarray(corpus.doc_offsets, dtype=np.int64),
            }
        ),
    }
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    manifest = {"format": FORMAT, "version": FORMAT_VERSION, "members": hashes, "content_hash": content_hash(hashes)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, _json(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


# --- reading ------------------------------------------------------------------------------------------------------


def _unsafe(member: str) -> bool:
    path = member.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or "\0" in path:
        return True
    return ".." in path.split("/") or ".." in posixpath.normpath(path).split("/")


def _members(data: bytes, name: str, limits: Limits) -> dict[str, bytes]:
    """The archive's members, read only after the names, count, sizes and ratios are checked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise InputError("saved_not_topiclens", name=name, detail="not a zip archive") from None
    expected = {MANIFEST, *MEMBERS}
    for info in infos:
        if _unsafe(info.filename):
            raise InputError("saved_unsafe_member", name=name, member=info.filename)
        if info.filename not in expected or info.is_dir():
            raise InputError("saved_unexpected_member", name=name, member=info.filename)
    limit_count = len(expected)
    total = sum(i.file_size for i in infos)
    if len(infos) > limit_count or total > limits.max_zip_total_bytes:
        raise InputError(
            "saved_too_large",
            name=name,
            size_mb=total / MB,
            count=len(infos),
            limit_mb=limits.max_zip_total_bytes / MB,
            limit_count=limit_count,
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM and ratio > limits.max_zip_ratio:
            raise InputError("saved_bomb", name=name, member=info.filename, ratio=ratio, limit=limits.max_zip_ratio)
    names = [i.filename for i in infos]
    if len(set(names)) != len(names) or MANIFEST not in names:
        raise InputError("saved_not_topiclens", name=name, detail="no TopicLens manifest")
    out: dict[str, bytes] = {}
    for info in infos:
        try:
            with archive.open(info) as handle:
                content = handle.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            NotImplementedError,
            EOFError,
            RuntimeError,
            zlib.error,
        ) as err:
            raise InputError("saved_damaged", name=name, detail=f"{info.filename}: {type(err).__name__}") from None
        if len(content) != info.file_size:
            raise InputError("saved_damaged", name=name, detail=f"{info.filename}: wrong size")
        out[info.filename] = content
    return out


def _load_json(data: bytes, name: str, member: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise InputError("saved_damaged", name=name, detail=f"{member} is not JSON") from None
    if not isinstance(value, dict):
        raise InputError("saved_damaged", name=name, detail=f"{member} is not a JSON object")
    return value


def _load_npz(data: bytes, name: str, member: str, allowed: frozenset[str]) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` member: plain numeric arrays only (``allow_pickle=False``; object arrays refused)."""
    try:
        inner = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("saved_damaged", name=name, detail=f"{member} is not an .npz archive") from None
    for info in inner:
        key = info.filename.removesuffix(".npy")
        if _unsafe(info.filename) or key not in allowed or not info.filename.endswith(".npy"):
            raise InputError("saved_unexpected_member", name=name, member=f"{member}/{info.filename}")
        if info.file_size > len(data) + 1024:  # stored members only: an inner array is never larger than the member
            raise InputError("saved_bomb", name=name, member=f"{member}/{info.filename}", ratio=0.0, limit=1.0)
    arrays: dict[str, np.ndarray] = {}
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for key in npz.files:
                arrays[key] = npz[key]
    except ValueError as err:
        if "pickle" in str(err).lower() or "object" in str(err).lower():
            raise InputError("saved_pickle", name=name, member=member) from None
        raise InputError("saved_damaged", name=name, detail=f"{member}: {err}") from None
    except (OSError, EOFError, zipfile.BadZipFile) as err:
        raise InputError("saved_damaged", name=name, detail=f"{member}: {type(err).__name__}") from None
    for key, array in arrays.items():
        if array.dtype.kind not in "iuf":
            raise InputError("saved_damaged", name=name, detail=f"{member}/{key} has dtype {array.dtype}")
    return arrays


def _tuples(value: Any) -> Any:
    """JSON lists back to the tuples the frozen options hold (nested too, e.g. seed words per topic)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _options(cls: type, raw: object, name: str, member: str) -> Any:
    if not isinstance(raw, dict):
        raise InputError("saved_damaged", name=name, detail=f"{member}: no options")
    known = {f.name for f in dataclasses.fields(cls)}
    values = {k: _tuples(v) for k, v in raw.items() if k in known}
    try:
        return cls(**values)
    except TypeError as err:
        raise InputError("saved_damaged", name=name, detail=f"{member}: {err}") from None


def _names(raw: object) -> dict[int, str]:
    if not isinstance(raw, dict):
        return {}
    return {int(k): str(v) for k, v in raw.items() if str(k).lstrip("-").isdigit()}


def open_saved(data: bytes, name: str = "model.topiclens", limits: Limits | None = None) -> SavedModel:
    """Open a ``.topiclens`` file safely.

    Parameters
    ----------
    data : bytes
        The file.
    name : str
        Its name, for messages.
    limits : Limits, optional
        Size, member-count and ratio limits (default :func:`models.corpus.limits.default_limits`).

    Returns
    -------
    SavedModel

    Raises
    ------
    InputError
        ``saved_not_topiclens``, ``saved_unsafe_member``, ``saved_unexpected_member``, ``saved_too_large``,
        ``saved_bomb``, ``saved_hash_mismatch``, ``saved_newer_version``, ``saved_pickle`` or ``saved_damaged``.
    """
    limits = limits or default_limits()
    if len(data) > limits.max_file_bytes:
        raise InputError("file_too_large", name=name, size_mb=len(data) / MB, limit_mb=limits.max_file_bytes / MB)
    members = _members(data, name, limits)
    manifest = _load_json(members[MANIFEST], name, MANIFEST)
    if manifest.get("format") != FORMAT:
        raise InputError("saved_not_topiclens", name=name, detail="no TopicLens manifest")
    version = manifest.get("version")
    if not isinstance(version, int):
        raise InputError("saved_damaged", name=name, detail="no format version")
    if version > FORMAT_VERSION:
        raise InputError("saved_newer_version", name=name, version=version, supported=FORMAT_VERSION)
    hashes = manifest.get("members")
    if not isinstance(hashes, dict) or set(hashes) != set(MEMBERS) or set(members) != {MANIFEST, *MEMBERS}:
        raise InputError("saved_damaged", name=name, detail="members missing")
    for member in MEMBERS:
        if hashlib.sha256(members[member]).hexdigest() != hashes[member]:
            raise InputError("saved_hash_mismatch", name=name, member=member)
    if content_hash(hashes) != manifest.get("content_hash"):
        raise InputError("saved_hash_mismatch", name=name, member=MANIFEST)
    try:
        return _build(members, name, str(manifest["content_hash"]))
    except InputError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as err:  # consistent hash, bad content
        raise InputError("saved_damaged", name=name, detail=f"{type(err).__name__}: {err}"[:200]) from None


def _build(members: dict[str, bytes], name: str, digest: str) -> SavedModel:
    model_json = _load_json(members["model.json"], name, "model.json")
    corpus_json = _load_json(members["corpus.json"], name, "corpus.json")
    arrays = _load_npz(members["model.npz"], name, "model.npz", _MODEL_ARRAYS)
    tokens = _load_npz(members["corpus.npz"], name, "corpus.npz", _CORPUS_ARRAYS)

    token_ids = tokens["token_ids"].astype(np.int32)
    offsets = tokens["doc_offsets"].astype(np.int64)
    vocab = tuple(str(t) for t in corpus_json["vocab"])
    if token_ids.size and (token_ids.min() < 0 or token_ids.max() >= len(vocab)):
        raise InputError("saved_damaged", name=name, detail="token ids outside the vocabulary")
    if offsets.ndim != 1 or len(offsets) < 1 or np.any(np.diff(offsets) < 0):
        raise InputError("saved_damaged", name=name, detail="document offsets")
    documents = tuple(
        RawDocument(
            text=str(d["text"]),
            source=str(d["source"]),
            name=str(d["name"]),
            meta=tuple((str(k), str(v)) for k, v in d.get("meta", [])),
        )
        for d in corpus_json["documents"]
    )
    files = tuple(
        FileReport(
            name=str(f["name"]),
            kind=str(f["kind"]),
            encoding=f.get("encoding"),
            n_documents=int(f.get("n_documents", 0)),
            columns=tuple(f.get("columns", ())),
            text_column=f.get("text_column"),
        )
        for f in corpus_json.get("files", [])
    )
    dropped = tuple(
        Dropped(str(d["source"]), str(d["name"]), str(d["reason"]), str(d.get("preview", "")))
        for d in corpus_json.get("dropped", [])
    )
    corpus = Corpus(
        dtm=count_matrix(token_ids, offsets, len(vocab)),
        vocab=vocab,
        token_ids=token_ids,
        doc_offsets=offsets,
        documents=documents,
        language=str(corpus_json["language"]),
        files=files,
        dropped=dropped,
        options=_options(PreprocessOptions, corpus_json.get("options"), name, "corpus.json"),
    )
    assignments = None
    doc_lengths = arrays["doc_lengths"].astype(np.int64)
    if "assignments" in arrays:
        flat = arrays["assignments"].astype(np.int64)
        if len(flat) != len(token_ids):
            raise InputError("saved_damaged", name=name, detail="assignments do not match the tokens")
        assignments = tuple(np.split(flat, offsets[1:-1]))
    trace = tuple((int(i), float(v)) for i, v in arrays["log_likelihood"].reshape(-1, 2))
    params = dict(model_json.get("params") or {})
    model = TopicModel(
        phi=arrays["phi"].astype(np.float64),
        theta=arrays["theta"].astype(np.float64),
        vocab=vocab,
        doc_lengths=doc_lengths,
        term_frequency=arrays["term_frequency"].astype(np.int64),
        assignments=assignments,
        engine=str(model_json["engine"]),
        params=params,
        log_likelihood=trace,
    )
    merges = tuple(tuple(int(k) for k in step) for step in model_json.get("merges", []))
    return SavedModel(
        corpus=corpus,
        model=model,
        options=_options(LdaOptions, model_json.get("options"), name, "model.json"),
        layout=str(model_json.get("layout", "pcoa")),
        merges=merges,
        names=_names(model_json.get("names")),
        base_names=_names(model_json.get("base_names")),
        seconds=float(model_json.get("seconds", 0.0)),
        content_hash=digest,
    )
