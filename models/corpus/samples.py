"""Built-in sample corpora, by name: the lecture's examples, Korean market listings and the Lee news corpus."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from models.corpus.corpus import Corpus, PreprocessOptions
from models.corpus.documents import IngestOptions
from models.corpus.ingest import read_files
from models.corpus.preprocess import build_corpus
from models.errors import InputError

__all__ = ["SAMPLES", "Sample", "gibbs_example", "load_sample", "sample_files", "word2vec_sentences"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Sample:
    """A named sample corpus with the options that suit it."""

    name: str
    title_en: str
    title_ko: str
    files: Callable[[], list[tuple[str, bytes]]]
    ingest: IngestOptions = field(default_factory=IngestOptions)
    preprocess: PreprocessOptions = field(default_factory=PreprocessOptions)

    def title(self, lang: str = "en") -> str:
        """The sample's title in ``lang``."""
        return self.title_ko if lang == "ko" else self.title_en


def _data(name: str) -> Callable[[], list[tuple[str, bytes]]]:
    return lambda: [(name, (DATA_DIR / name).read_bytes())]


def gibbs_example() -> dict[str, Any]:
    """The lecture's Gibbs-sampling example: documents, tokens, initial topics (1-based), K, alpha, beta."""
    return json.loads((DATA_DIR / "lecture-gibbs.json").read_text(encoding="utf-8"))


def word2vec_sentences() -> list[list[str]]:
    """The lecture's Word2vec sample as tokenised sentences, case kept ("The fat cat sat on the mat" first)."""
    from models.embeddings.pairs import sentence_tokens

    text = (DATA_DIR / "lecture-word2vec.txt").read_text(encoding="utf-8")
    return [sentence_tokens(line) for line in text.splitlines() if line.strip()]


def _gibbs_files() -> list[tuple[str, bytes]]:
    lines = [" ".join(d["tokens"]) for d in gibbs_example()["documents"]]
    return [("lecture-gibbs.txt", ("\n".join(lines) + "\n").encode("utf-8"))]


def _lee_files() -> list[tuple[str, bytes]]:
    # gensim's own test data (``gensim.test.utils.datapath``), found without importing gensim: that import (SciPy's
    # stats with it) cost the app's first page 1.2-1.8 s (benchmarks/bench_cold_start.py).
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the Lee news sample ships with gensim, which is not installed", name="gensim")
    path = Path(spec.submodule_search_locations[0]) / "test" / "test_data" / "lee_background.cor"
    return [("lee_background.txt", path.read_bytes())]


SAMPLES: dict[str, Sample] = {
    s.name: s
    for s in (
        Sample(
            "lecture-lsa",
            "Lecture: LSA, 6 food documents",
            "강의: LSA 음식 문서 6개",
            _data("lecture-lsa.txt"),
            IngestOptions(doc_mode="line"),
            PreprocessOptions(language="en"),
        ),
        Sample(
            "lecture-gibbs",
            "Lecture: Gibbs, 3 documents",
            "강의: 깁스 샘플링 문서 3개",
            _gibbs_files,
            IngestOptions(doc_mode="line"),
            PreprocessOptions(language="ko"),
        ),
        Sample(
            "lecture-word2vec",
            "Lecture: Word2vec, 12 sentences",
            "강의: 워드투벡 문장 12개",
            _data("lecture-word2vec.txt"),
            IngestOptions(doc_mode="line"),
            PreprocessOptions(language="en"),
        ),
        Sample(
            "ko-market",
            "Korean market listings (180)",
            "중고거래 게시글 (180개)",
            _data("ko-market-listings.csv"),
            IngestOptions(text_column="text"),
            PreprocessOptions(language="ko"),
        ),
        Sample(
            "ko-market-dated",
            "Korean listings with dates (180)",
            "날짜가 있는 중고거래 게시글 (180개)",
            _data("ko-market-dated.csv"),
            IngestOptions(text_column="text"),
            PreprocessOptions(language="ko"),
        ),
        Sample(
            "lee-news",
            "Lee news (300 articles)",
            "Lee 뉴스 (영어 기사 300개)",
            _lee_files,
            IngestOptions(doc_mode="line"),
            PreprocessOptions(language="en", min_df=2, max_df=0.5),
        ),
    )
}


def _get(name: str) -> Sample:
    try:
        return SAMPLES[name]
    except KeyError:
        raise InputError("unknown_sample", name=name, names=", ".join(SAMPLES)) from None


def sample_files(name: str) -> list[tuple[str, bytes]]:
    """The files of sample ``name`` as (file name, bytes)."""
    return _get(name).files()


@lru_cache(maxsize=8)
def load_sample(name: str) -> Corpus:
    """The sample ``name`` read and preprocessed with its own options."""
    sample = _get(name)
    return build_corpus(read_files(sample.files(), sample.ingest), sample.preprocess)
