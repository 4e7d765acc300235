"""Korean throughput (issue 11): Kiwi's threads, the batch of pieces and the lean word filter change no token."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os

import pytest

from models.corpus import stopwords
from models.corpus.ingest import read_files
from models.corpus.preprocess import KOREAN_PIECE_CHARS, _korean_pieces, tokenize_documents
from models.corpus.samples import SAMPLES
from models.corpus.tokenize import MAX_KIWI_WORKERS, kiwi, kiwi_model, kiwi_workers, korean_words, tokenize_korean

STOP = stopwords.KOREAN | stopwords.ENGLISH


@pytest.fixture(scope="module")
def listings() -> list[str]:
    sample = SAMPLES["ko-market"]
    return [d.text for d in read_files(sample.files(), sample.ingest).documents]


def _digest(tokens: list[list[str]]) -> str:
    return hashlib.sha256("\n".join(" ".join(doc) for doc in tokens).encode("utf-8")).hexdigest()


def test_ko_market_tokens_are_those_before_the_speed_work(listings: list[str]) -> None:
    # Digests of the tokens made by the code before issue 11's Korean changes (commit 4bbc89e), with the pinned
    # kiwipiepy 0.24.1 and its model 0.24.0: a new Kiwi may change them, and then they must be looked at.
    options = SAMPLES["ko-market"].preprocess
    _, tokens = tokenize_documents(listings, options)
    assert (len(tokens), sum(map(len, tokens))) == (180, 2315)
    assert " ".join(tokens[0]) == "무선 이어폰 판매 이어폰 배터리 소리 생활 사용감 가격 택배 거래 원"
    assert _digest(tokens) == "3eccfaad4100048e393429e378fd6df83ed6dbe772761fc42fb12fccef3c9405"

    every = dataclasses.replace(options, korean_verbs=True, keep_numbers=True, korean_fragments=True)
    _, tokens = tokenize_documents(listings, every)
    assert sum(map(len, tokens)) == 3320
    assert _digest(tokens) == "220c8dc6262b214cff40c7ae91701de94903579ba32485a691f9abb9f3828b9e"


def test_one_and_two_threads_give_the_same_tokens(listings: list[str]) -> None:
    # One analyser is kept at a time (about 0.5 GB each), so each thread count is loaded once here.
    def morphemes(workers: int) -> list[list[tuple]]:
        analysed = kiwi(workers).tokenize(listings)
        return [[(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in analysed]

    one_words = list(tokenize_korean(listings, STOP, verbs=True, num_workers=1))
    one = morphemes(1)
    assert kiwi_model(1).num_workers == 1
    two = morphemes(2)
    assert kiwi(2).num_workers == 2
    assert one == two
    assert list(tokenize_korean(listings, STOP, verbs=True, num_workers=2)) == one_words


def test_a_long_document_cut_into_pieces_keeps_kiwis_tokens(listings: list[str]) -> None:
    # One text of 14,000 characters given to Kiwi whole, against the same text cut at line or sentence ends; the
    # bigrams are formed over the whole document, across the cuts.
    analyser = kiwi()
    for joiner in ("\n", " "):
        text = joiner.join(listings)
        pieces = list(_korean_pieces(text))
        assert len(pieces) > 5 and "".join(pieces) == text
        assert max(map(len, pieces)) <= KOREAN_PIECE_CHARS
        words = [w for w in korean_words(analyser.tokenize(text)) if w not in STOP]
        options = dataclasses.replace(SAMPLES["ko-market"].preprocess, bigrams=True)
        _, (tokens,) = tokenize_documents([text], options)
        assert tokens == words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def test_pieces_are_cut_at_line_ends_then_sentence_ends_then_spaces() -> None:
    assert list(_korean_pieces("가나 다라.\n마바 사아. 자차 카타", 9)) == ["가나 다라.\n", "마바 사아. ", "자차 카타"]
    assert list(_korean_pieces("가나. 다라 마바 사아 자차", 9)) == ["가나. ", "다라 마바 사아 ", "자차"]
    assert list(_korean_pieces("가나다라마바사아자차", 4)) == ["가나다라", "마바사아", "자차"]
    assert list(_korean_pieces("짧은 글", 9)) == ["짧은 글"]


@pytest.mark.parametrize("bad", [0, -1, MAX_KIWI_WORKERS + 1, 1.5, True, "2"])
def test_kiwi_threads_are_checked(bad: object) -> None:
    with pytest.raises(ValueError, match="num_workers"):
        kiwi_model(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="num_workers"):
        next(tokenize_korean(["문고리 거래"], STOP, num_workers=bad))  # type: ignore[arg-type]


def test_default_threads_are_the_cores_this_process_may_use() -> None:
    assert 1 <= kiwi_workers() <= len(os.sched_getaffinity(0))
    assert kiwi().num_workers == min(kiwi_workers(), MAX_KIWI_WORKERS)
