"""The CLI's JSON for ``mask`` and ``bert``: the fields the issue names, with real numbers, serialisable."""

from __future__ import annotations

import json

import pytest

from models.errors import InputError
from models.synthetic import grammar, word_clusters
from models.transformer.bert import BertOptions, train_tiny_bert
from models.transformer.report import bert_report, mask_report


def test_mask_report_shares_pairs_and_examples() -> None:
    corpus = word_clusters(n_docs=300, doc_length=120, seed=0).corpus  # 10 chunks a document: 2,700 pairs
    report = mask_report(corpus, seed=0)
    json.dumps(report)
    assert report["n_pairs"] == 2_700 and len(report["pairs"]) == 20
    assert abs(report["selected_share"] - 0.15) < 0.005
    assert abs(report["masked"] - 0.8) < 0.02 and abs(report["random"] - 0.1) < 0.02
    assert abs(report["kept"] - 0.1) < 0.02 and abs(report["masked"] + report["random"] + report["kept"] - 1) < 1e-12
    assert abs(report["is_next_share"] - 0.5) < 0.04
    assert report["n_selected"] == round(report["selected_share"] * report["n_tokens"])
    for example in report["tokens"]:
        n = len(example["tokens"])
        assert len(example["input"]) == len(example["fate"]) == len(example["segment_ids"]) == n
        assert example["position_ids"] == list(range(n))
        assert example["tokens"][0] == "[CLS]" and example["fate"][0] == "special"
    first = report["pairs"][0]
    assert report["tokens"][0]["tokens"] == ["[CLS]", *first["a"], "[SEP]", *first["b"], "[SEP]"]
    assert {p["is_next"] for p in report["pairs"]} == {True, False}
    assert all(p["doc_a"] == p["doc_b"] for p in report["pairs"] if p["is_next"])
    assert mask_report(corpus, seed=0) == report and mask_report(corpus, seed=1) != report


def test_mask_report_refuses_a_corpus_of_one_sentence_documents() -> None:
    with pytest.raises(InputError) as err:
        mask_report(grammar(n_docs=5, sentences_per_doc=1, slots=6).corpus, seed=0, sentence_length=6)
    assert err.value.code == "bert_too_few_sentences"


def test_bert_report_fields() -> None:
    planted = grammar(n_docs=60, seed=1)
    options = BertOptions(n_layers=1, n_heads=2, dim=16, steps=20, log_every=5, sentence_length=6, seed=2)
    model = train_tiny_bert(planted.corpus, options)
    report = bert_report(model)
    json.dumps(report)
    assert report["loss_steps"] == [5, 10, 15, 20] and len(report["loss"]) == 4
    assert all(0 < x < 10 for x in report["loss"])
    assert 0 <= report["baseline_accuracy"] <= 1 and 0 <= report["accuracy"] <= 1
    assert report["baseline_word"] in planted.corpus.vocab and report["held_out_targets"] > 0
    assert report["config"] == {
        "n_vocab": 96 + 5,
        "max_len": 15,
        "dim": 16,
        "n_layers": 1,
        "n_heads": 2,
        "ffn_dim": 64,
    }
    assert report["options"]["steps"] == 20 and report["options"]["seed"] == 2
    assert report["steps_done"] == 20 and report["stopped_early"] is False and report["seconds"] > 0
    # token, position, segment embeddings; one layer; the head (dense, LayerNorm, output bias)
    layer = 4 * (16 * 16 + 16) + 2 * 16 * 64 + 64 + 16 + 4 * 16
    assert report["parameters"] == 101 * 16 + 15 * 16 + 2 * 16 + 2 * 16 + layer + 16 * 16 + 16 + 2 * 16 + 101
