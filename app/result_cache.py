"""A small process-wide LRU cache for corpora and fitted results, bounded in entries and in bytes.

Streamlit's own caches replay the elements a cached function draws (here: the fit's progress bar), so the app uses
this plain cache instead. Cached values are immutable (frozen dataclasses of arrays), so sessions may share them:
a key contains the content hash of the corpus, so a session only ever gets results for data it supplied itself.

Limits: ``TOPICLENS_CACHE_ENTRIES`` entries (default 32) and ``TOPICLENS_CACHE_MB`` megabytes (default 2048) as
estimated by :func:`estimate_bytes`; the least recently used entries go first. The newest entry is always kept,
even alone over the byte limit, so a page can always show what it just computed.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import scipy.sparse as sp

logger = logging.getLogger(__name__)

T = TypeVar("T")

_SAMPLE = 64  # items of a long sequence actually measured; the rest are assumed alike


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


MAX_ENTRIES = _env_int("TOPICLENS_CACHE_ENTRIES", 32)
MAX_BYTES = _env_int("TOPICLENS_CACHE_MB", 2048) * 1024 * 1024

_lock = threading.Lock()
_store: OrderedDict[str, tuple[Any, int, Callable[[], None] | None]] = OrderedDict()
_total = 0
_computing: dict[str, threading.Lock] = {}


def estimate_bytes(value: Any, _seen: set[int] | None = None, _depth: int = 0) -> int:
    """Roughly how much memory ``value`` holds: NumPy and SciPy buffers, strings, containers and dataclasses.

    Long sequences and mappings are measured on an even sample of :data:`_SAMPLE` items and scaled, so a corpus of
    a million token lists costs milliseconds. Objects reached twice are counted once.
    """
    seen = set() if _seen is None else _seen
    if id(value) in seen or _depth > 12:
        return 0
    seen.add(id(value))
    if isinstance(value, np.ndarray):
        return value.nbytes + 112
    if sp.issparse(value):
        buffers = (getattr(value, name, None) for name in ("data", "indices", "indptr", "row", "col"))
        return sum(estimate_bytes(b, seen, _depth + 1) for b in buffers if b is not None)
    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, bytearray)):
        return sys.getsizeof(value)
    size = sys.getsizeof(value)
    if isinstance(value, dict):
        pairs = list(value.items())
        sample = pairs if len(pairs) <= _SAMPLE else _sampled(pairs)
        measured = sum(estimate_bytes(k, seen, _depth + 1) + estimate_bytes(v, seen, _depth + 1) for k, v in sample)
        return size + _scaled(measured, len(sample), len(pairs))
    if isinstance(value, (list, tuple, set, frozenset)):
        sequence = value if isinstance(value, (list, tuple)) else list(value)
        sample = sequence if len(sequence) <= _SAMPLE else _sampled(sequence)
        return size + _scaled(sum(estimate_bytes(v, seen, _depth + 1) for v in sample), len(sample), len(sequence))
    fields = getattr(value, "__dict__", None)
    if fields is None and hasattr(value, "__slots__"):
        fields = {name: getattr(value, name, None) for name in value.__slots__}
    if isinstance(fields, dict):
        return size + sum(estimate_bytes(v, seen, _depth + 1) for v in fields.values())
    return size


def _sampled(items: list[Any] | tuple[Any, ...]) -> list[Any]:
    step = len(items) / _SAMPLE
    return [items[int(i * step)] for i in range(_SAMPLE)]


def _scaled(measured: int, n_measured: int, n_total: int) -> int:
    return measured if n_measured in (0, n_total) else int(measured * n_total / n_measured)


def get(key: str) -> Any | None:
    """The cached value for ``key``, or None."""
    with _lock:
        if key in _store:
            _store.move_to_end(key)
            return _store[key][0]
    return None


def put(key: str, value: Any, *, nbytes: int | None = None, on_evict: Callable[[], None] | None = None) -> None:
    """Store ``value`` under ``key``, evicting the least recently used entries beyond the limits.

    ``nbytes`` overrides the estimate; ``on_evict`` is called (outside the lock) when the entry leaves the cache.
    """
    _store_value(key, value, estimate_bytes(value) if nbytes is None else nbytes, on_evict, replace=True)


def setdefault(key: str, value: T, *, on_evict: Callable[[], None] | None = None) -> T:
    """Store ``value`` under ``key`` unless a value is there already; return the one that is stored.

    When ``value`` is not stored, ``on_evict`` is not kept either (the caller cleans up after itself).
    """
    return _store_value(key, value, estimate_bytes(value), on_evict, replace=False)


def _store_value(key: str, value: Any, size: int, on_evict: Callable[[], None] | None, replace: bool) -> Any:
    global _total
    evicted: list[tuple[str, int, Callable[[], None] | None]] = []
    with _lock:
        if key in _store:
            if not replace:
                _store.move_to_end(key)
                return _store[key][0]
            _, old_size, old_callback = _store.pop(key)
            _total -= old_size
            if old_callback is not None and old_callback is not on_evict:
                evicted.append((key, old_size, old_callback))
        _store[key] = (value, size, on_evict)
        _total += size
        while len(_store) > 1 and (len(_store) > MAX_ENTRIES or _total > MAX_BYTES):
            old_key, (_, old_size, callback) = _store.popitem(last=False)
            _total -= old_size
            evicted.append((old_key, old_size, callback))
    for old_key, old_size, callback in evicted:
        logger.info("cache: evicted %s (%d MB)", old_key[:80], old_size >> 20)
        if callback is not None:
            callback()
    return value


def get_or_compute(key: str, compute: Callable[[], T]) -> T:
    """The cached value for ``key``, computing and storing it first when missing (exceptions are not cached).

    Two threads asking for the same missing key compute it once: the second waits for the first.
    """
    value = get(key)
    if value is not None:
        return value
    with _lock:
        key_lock = _computing.setdefault(key, threading.Lock())
    with key_lock:
        value = get(key)
        if value is None:
            value = compute()
            put(key, value)
    with _lock:
        if _computing.get(key) is key_lock and not key_lock.locked():
            del _computing[key]
    return value


def size() -> tuple[int, int]:
    """(entries, estimated bytes) held now."""
    with _lock:
        return len(_store), _total


def clear() -> None:
    """Forget everything (tests); eviction callbacks run."""
    global _total
    with _lock:
        callbacks = [entry[2] for entry in _store.values() if entry[2] is not None]
        _store.clear()
        _total = 0
    for callback in callbacks:
        callback()
