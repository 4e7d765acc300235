"""BERT's inputs: sentence-like chunks, [CLS] A [SEP] B [SEP] pairs (IsNext 50%), and the 15% / 80-10-10 rule."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import InputError
from models.synthetic import grammar, word_clusters
from models.transformer.masking import (
    CLS,
    FATES,
    KEPT,
    MASK,
    MASKED,
    RANDOM,
    SEP,
    SPECIALS,
    corpus_sentences,
    make_pairs,
    mask_corpus,
    mask_ids,
    mask_pair,
    mask_pairs,
    masking_shares,
    split_sentences,
)


def test_documents_are_cut_into_near_equal_chunks() -> None:
    words = [f"w{i}" for i in range(73)]
    chunks = split_sentences(words, 12)
    assert [len(c) for c in chunks] == [10, 11, 10, 11, 10, 11, 10]
    assert [t for c in chunks for t in c] == words  # nothing lost, order kept
    assert [len(c) for c in split_sentences(words[:12], 12)] == [6, 6]  # two sentences once it has 8 tokens
    assert [len(c) for c in split_sentences(words[:7], 12)] == [7]
    assert split_sentences([], 12) == []


def test_grammar_documents_split_back_into_their_sentences() -> None:
    g = grammar(n_docs=3, sentences_per_doc=4, slots=6)
    sentences = corpus_sentences(g.corpus, g.sentence_length)
    assert [len(doc) for doc in sentences] == [4, 4, 4]
    assert all(len(s) == 6 for doc in sentences for s in doc)


def test_pairs_are_cls_a_sep_b_sep_with_segments_and_positions() -> None:
    sentences = [[("a1", "a2"), ("b1", "b2", "b3")], [("c1",), ("d1", "d2")]]
    pairs = make_pairs(sentences, seed=3)
    assert len(pairs) == 2  # one per sentence with a successor
    for p in pairs:
        assert p.tokens[0] == CLS and p.tokens[-1] == SEP and p.tokens.count(SEP) == 2
        first_sep = p.tokens.index(SEP)
        assert p.segment_ids.tolist() == [0] * (first_sep + 1) + [1] * (len(p.tokens) - first_sep - 1)
        assert p.position_ids.tolist() == list(range(len(p.tokens)))
        b = p.tokens[first_sep + 1 : -1]
        own = sentences[p.doc_a]
        a = p.tokens[1:first_sep]
        if p.is_next:
            assert p.doc_b == p.doc_a and b == own[own.index(a) + 1]
        else:
            assert p.doc_b != p.doc_a and b in sentences[p.doc_b]


def test_is_next_share_is_half_over_a_large_seeded_draw() -> None:
    corpus = word_clusters(n_docs=500, doc_length=200, seed=1).corpus
    sentences = corpus_sentences(corpus)  # 200 tokens → 17 chunks a document: 8,000 pairs
    pairs = make_pairs(sentences, seed=0)
    assert len(pairs) == 8_000
    share = np.mean([p.is_next for p in pairs])
    assert abs(share - 0.5) < 0.02  # binomial sd 0.0056
    assert all(p.doc_b != p.doc_a for p in pairs if not p.is_next)
    again = make_pairs(sentences, seed=0)
    assert [p.tokens for p in again] == [p.tokens for p in pairs]  # seeded
    assert [p.tokens for p in make_pairs(sentences, seed=1)] != [p.tokens for p in pairs]


def test_one_document_draws_not_next_from_its_other_sentences() -> None:
    sentences = [[("a",), ("b",), ("c",), ("d",)]]
    for p in make_pairs(sentences, seed=0):
        a, b = p.tokens[1], p.tokens[3]
        assert p.is_next == ("abcd".index(b) == "abcd".index(a) + 1)
        assert b != a


def test_no_document_with_two_sentences_is_refused() -> None:
    with pytest.raises(InputError) as err:
        make_pairs([[("a", "b")], [("c",)]])
    assert err.value.code == "bert_too_few_sentences"


def test_selected_share_and_80_10_10_over_a_large_seeded_draw() -> None:
    rng = np.random.default_rng(0)
    n_rows, width, n_vocab = 20_000, 27, 1_000
    ids = rng.integers(len(SPECIALS), n_vocab, size=(n_rows, width))
    lengths = rng.integers(5, width + 1, size=n_rows)
    maskable = np.arange(width)[None, :] < lengths[:, None]
    maskable[:, 0] = False  # a [CLS] column
    inputs, fate = mask_ids(ids, maskable, len(SPECIALS), n_vocab, np.random.default_rng(1))
    n_tokens = maskable.sum()  # ~ 310,000
    selected = fate >= MASKED
    assert abs(selected.sum() / n_tokens - 0.15) < 0.003  # stochastic rounding: sd of the share ~ 0.0002
    n_sel = selected.sum()
    assert abs((fate == MASKED).sum() / n_sel - 0.8) < 0.01  # binomial sd 0.0018
    assert abs((fate == RANDOM).sum() / n_sel - 0.1) < 0.01  # sd 0.0014
    assert abs((fate == KEPT).sum() / n_sel - 0.1) < 0.01
    assert not selected[~maskable].any()  # specials and padding are never selected
    assert (inputs[~selected] == ids[~selected]).all()
    assert (inputs[fate == MASKED] == SPECIALS.index(MASK)).all()
    assert (inputs[fate == KEPT] == ids[fate == KEPT]).all()
    assert (inputs[fate == RANDOM] >= len(SPECIALS)).all()  # random words are never special tokens
    # per row, the count is 0.15·m rounded down or up
    m = maskable.sum(axis=1)
    count = selected.sum(axis=1)
    assert ((count == np.floor(0.15 * m)) | (count == np.floor(0.15 * m) + 1)).all()


def test_mask_ids_is_seeded() -> None:
    ids = np.full((50, 20), 7)
    maskable = np.ones_like(ids, dtype=bool)
    a = mask_ids(ids, maskable, 5, 100, np.random.default_rng(4))
    b = mask_ids(ids, maskable, 5, 100, np.random.default_rng(4))
    assert (a[0] == b[0]).all() and (a[1] == b[1]).all()


def test_each_tokens_fate_is_recorded_and_specials_are_never_masked() -> None:
    g = grammar(n_docs=20, seed=2)
    pairs = make_pairs(corpus_sentences(g.corpus, g.sentence_length), seed=0)
    rng = np.random.default_rng(0)
    seen = set()
    for p in pairs:
        m = mask_pair(p, g.corpus.vocab, rng=rng)
        assert len(m.tokens) == len(m.fate) == len(p.tokens)
        for original, shown, fate in zip(p.tokens, m.tokens, m.fate, strict=True):
            seen.add(fate)
            if original in (CLS, SEP):
                assert fate == "special" and shown == original
            elif fate == "masked":
                assert shown == MASK
            elif fate in ("kept", "unselected"):
                assert shown == original
            else:
                assert fate == "random" and shown in g.corpus.vocab
    assert seen == set(FATES)
    assert mask_pair(pairs[0], g.corpus.vocab, seed=5) == mask_pair(pairs[0], g.corpus.vocab, seed=5)


def test_masking_shares_over_a_corpus() -> None:
    corpus = word_clusters(n_docs=500, doc_length=200, seed=1).corpus
    pairs = make_pairs(corpus_sentences(corpus), seed=0)
    masked = mask_pairs(pairs, corpus.vocab, seed=0)
    shares = masking_shares(masked)
    assert shares.n_pairs == 8_000
    assert shares.n_tokens == sum(len(p.tokens) - 3 for p in pairs)  # every non-special token counted
    assert abs(shares.selected_share - 0.15) < 0.003
    assert abs(shares.masked - 0.8) < 0.015 and abs(shares.random - 0.1) < 0.015 and abs(shares.kept - 0.1) < 0.015
    assert abs(shares.is_next_share - 0.5) < 0.02
    assert shares == masking_shares(mask_pairs(pairs, corpus.vocab, seed=0))
    assert [m.fate for m in masked[:3]] != [m.fate for m in mask_pairs(pairs[:3], corpus.vocab, seed=1)]
    whole = masking_shares(mask_corpus(corpus, seed=0))  # pairs and masks from one generator
    assert whole.n_pairs == 8_000 and abs(whole.selected_share - 0.15) < 0.003 and abs(whole.masked - 0.8) < 0.015
