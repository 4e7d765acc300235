"""Where numba keeps the compiled kernels: one writable per-user folder, so they are compiled once per machine.

Every kernel is ``@numba.njit(cache=True)``. numba's own default keeps the compiled code in ``__pycache__`` beside
each module, which is read-only for an installed package (numba then falls back to a folder of its own choosing)
and differs per checkout. :func:`configure` (called by ``models/__init__.py``, before any module imports numba)
points ``NUMBA_CACHE_DIR`` at ``$XDG_CACHE_HOME/topiclens/numba/<key>`` (``~/.cache/topiclens/numba/<key>``) when
the user has not set it; a ``NUMBA_CACHE_DIR`` set by the user is always respected.

numba checks each cached kernel against its own source file's time stamp and the CPU, but not against the modules
it calls: a kernel of ``parallel.py`` that inlines the sampler of ``sampler.py`` kept running the old sampler after
``sampler.py`` changed (seen here). So ``<key>`` is a digest of every module of ``models`` that uses numba
(:func:`sources_key`): any change to any kernel starts a fresh folder, where everything is compiled once (about
10 s here), and what other versions left in ``topiclens/numba`` is removed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["ENV", "configure", "default_dir", "sources_key"]

ENV = "NUMBA_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parent
KEY_LENGTH = 16


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/topiclens/numba``, or ``~/.cache/topiclens/numba`` when ``XDG_CACHE_HOME`` is unset."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "topiclens" / "numba"


def sources_key(package: Path = PACKAGE) -> str:
    """A digest (``KEY_LENGTH`` hex digits) of the path and text of every module under ``package`` that uses numba."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        text = path.read_bytes()
        if b"numba" in text:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + text + b"\0")
    return digest.hexdigest()[:KEY_LENGTH]


def _remove_other_versions(folder: Path) -> None:
    """Delete everything beside ``folder`` in TopicLens's own cache folder: other versions' kernels, and those of
    the layout before keyed folders (best effort)."""
    for other in folder.parent.iterdir():
        if other != folder:
            if other.is_dir() and not other.is_symlink():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink(missing_ok=True)


def configure() -> str | None:
    """Point numba's cache at :func:`default_dir` / :func:`sources_key` unless ``NUMBA_CACHE_DIR`` is already set;
    returns the folder used.

    Returns None (numba keeps its own default) when the folder cannot be created or written. Safe to call more than
    once; when numba was imported before, its loaded configuration is updated too.
    """
    chosen = os.environ.get(ENV)
    if not chosen:
        folder = default_dir() / sources_key()
        try:
            fresh = not folder.exists()
            folder.mkdir(parents=True, exist_ok=True)
            if fresh:
                _remove_other_versions(folder)
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
