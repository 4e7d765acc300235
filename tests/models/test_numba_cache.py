"""numba's compiled kernels go to a writable per-user folder unless the user chose one (issue 11: cold start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numba.core.config
import pytest

from models import numba_cache

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No NUMBA_CACHE_DIR, XDG_CACHE_HOME in a temporary folder; numba's loaded setting restored afterwards."""
    monkeypatch.delenv(numba_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(numba.core.config, "CACHE_DIR", numba.core.config.CACHE_DIR)
    return tmp_path


def test_unset_goes_to_a_writable_per_user_folder(clean: Path) -> None:
    chosen = numba_cache.configure()
    expected = clean / "cache" / "topiclens" / "numba" / numba_cache.sources_key()
    assert chosen == str(expected) == os.environ["NUMBA_CACHE_DIR"] == numba.core.config.CACHE_DIR
    assert expected.is_dir() and os.access(expected, os.W_OK)


def test_without_xdg_it_is_under_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert numba_cache.default_dir() == tmp_path / ".cache" / "topiclens" / "numba"


def test_a_folder_set_by_the_user_is_respected(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = clean / "mine"
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(mine))
    assert numba_cache.configure() == str(mine) == os.environ["NUMBA_CACHE_DIR"]
    assert not (clean / "cache").exists()


def test_an_unwritable_place_leaves_numbas_default(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = clean / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # mkdir under a file fails
    assert numba_cache.configure() is None
    assert "NUMBA_CACHE_DIR" not in os.environ


def test_set_before_numba_is_imported(tmp_path: Path) -> None:
    """A fresh interpreter that imports a kernel module directly: numba reads the folder at its own import."""
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    probe = "import models.lda.gibbs.likelihood, numba.core.config as c; print(c.CACHE_DIR)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(tmp_path / "topiclens" / "numba" / numba_cache.sources_key())


def test_the_key_follows_every_kernel_module(tmp_path: Path) -> None:
    """A kernel calling a kernel of another module must not outlive a change there: the folder's key covers the text
    of every module that uses numba, and only those."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "sampler.py").write_text("import numba\n\n@numba.njit(cache=True)\ndef f(x):\n    return x + 1\n")
    (package / "sub" / "parallel.py").write_text("import numba\nfrom pkg.sampler import f\n")
    (package / "words.py").write_text("WORDS = 1\n")
    key = numba_cache.sources_key(package)
    assert len(key) == numba_cache.KEY_LENGTH
    (package / "words.py").write_text("WORDS = 2\n")
    assert numba_cache.sources_key(package) == key  # no numba there
    (package / "sampler.py").write_text("import numba\n\n@numba.njit(cache=True)\ndef f(x):\n    return x + 2\n")
    assert numba_cache.sources_key(package) != key


def test_other_versions_folders_are_removed(clean: Path) -> None:
    parent = clean / "cache" / "topiclens" / "numba"
    old = parent / "0123456789abcdef"
    (old / "deep").mkdir(parents=True)
    (old / "deep" / "kernel.nbc").write_bytes(b"old")
    legacy = parent / "gibbs_135763c88733bd8367e5dfc7deff4cc0ecc5a797"  # the layout before keyed folders
    legacy.mkdir()
    chosen = Path(numba_cache.configure())
    assert chosen.is_dir() and chosen.parent == parent
    assert list(parent.iterdir()) == [chosen]
