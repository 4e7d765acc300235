"""The built-in samples (issue 11: cold start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_lee_sample_is_gensims_file_read_without_importing_gensim() -> None:
    """The app's first page reads the Lee news sample; importing gensim for its path cost that page 1.2-1.8 s."""
    probe = (
        "import sys\n"
        "from models.corpus.samples import _lee_files\n"
        "[(name, data)] = _lee_files()\n"
        "print('gensim' in sys.modules, name, len(data.splitlines()))\n"
        "from gensim.test.utils import datapath\n"
        "print(open(datapath('lee_background.cor'), 'rb').read() == data)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "lee_background.txt", "300", "True"]
