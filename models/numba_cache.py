"""Where numba keeps the compiled kernels: one writable per-user folder, so they are compiled once per machine.

Every kernel is ``@numba.njit(cache=True)``. numba's own default keeps the compiled code in ``__pycache__`` beside
each module, which is read-only for an installed package (numba then falls back to a folder of its own choosing)
and differs per checkout. :func:`configure` (called by ``models/__init__.py``, before any module imports numba)
points ``NUMBA_CACHE_DIR`` at ``$XDG_CACHE_HOME/topiclens/numba`` (``~/.cache/topiclens/numba``) when the user has
not set it; a ``NUMBA_CACHE_DIR`` set by the user is always respected. numba checks each cached kernel against its
source file's time stamp and the CPU, so an edited module or another machine recompiles by itself; deleting the
folder only costs one slow start (about 10 s here) while the kernels are compiled again.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["ENV", "configure", "default_dir"]

ENV = "NUMBA_CACHE_DIR"


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/topiclens/numba``, or ``~/.cache/topiclens/numba`` when ``XDG_CACHE_HOME`` is unset."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "topiclens" / "numba"


def configure() -> str | None:
    """Point numba's cache at :func:`default_dir` unless ``NUMBA_CACHE_DIR`` is already set; returns the folder used.

    Returns None (numba keeps its own default) when the folder cannot be created or written. Safe to call more than
    once; when numba was imported before, its loaded configuration is updated too.
    """
    chosen = os.environ.get(ENV)
    if not chosen:
        folder = default_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            logger.warning("numba's cache stays in its default place: cannot create %s (%s)", folder, err)
            return None
        if not os.access(folder, os.W_OK | os.X_OK):
            logger.warning("numba's cache stays in its default place: %s is not writable", folder)
            return None
        chosen = os.environ[ENV] = str(folder)
    config = sys.modules.get("numba.core.config")
    if config is not None and getattr(config, "CACHE_DIR", None) != chosen:
        config.CACHE_DIR = chosen  # numba read its environment at import; its cache locators read this each time
    return chosen
