"""A small process-wide LRU cache for fitted results, keyed by corpus content hash and options.

Streamlit's own caches replay the elements a cached function draws (here: the fit's progress bar), so fits use
this plain cache instead. Cached values are immutable (frozen dataclasses of arrays), so sessions may share them:
a key contains the content hash of the corpus, so a session only ever gets results for data it supplied itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_MAX_ENTRIES = 24
_lock = threading.Lock()
_store: OrderedDict[str, Any] = OrderedDict()


def get(key: str) -> Any | None:
    """The cached value for ``key``, or None."""
    with _lock:
        if key in _store:
            _store.move_to_end(key)
            return _store[key]
    return None


def put(key: str, value: Any) -> None:
    """Store ``value`` under ``key``, evicting the least recently used entries beyond the limit."""
    with _lock:
        _store[key] = value
        _store.move_to_end(key)
        while len(_store) > _MAX_ENTRIES:
            _store.popitem(last=False)


def get_or_compute(key: str, compute: Callable[[], T]) -> T:
    """The cached value for ``key``, computing and storing it first when missing (exceptions are not cached)."""
    value = get(key)
    if value is None:
        value = compute()
        put(key, value)
    return value


def clear() -> None:
    """Forget everything (tests)."""
    with _lock:
        _store.clear()
