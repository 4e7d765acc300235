"""``python -m models attention``, ``mask`` and ``bert``: the JSON fields and values, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.cli.main import main
from models.transformer.attention import multi_head_attention


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_attention_json_is_the_pages_computation(tmp_path: Path) -> None:
    out = tmp_path / "attention.json"
    assert main(["attention", "The fat cat sat on the mat", "--d-k", "4", "--heads", "2", "--json", str(out)]) == 0
    report = _json(out)
    assert report["tokens"] == ["The", "fat", "cat", "sat", "on", "the", "mat"] and len(report["heads"]) == 2
    X = np.random.default_rng([0, 7]).normal(0.0, 1.0, (7, 8))
    expected = multi_head_attention(X, d_k=4, n_heads=2, seed=0)
    for got, head in zip(report["heads"], expected.heads, strict=True):
        np.testing.assert_allclose(got["weights"], head.weights, atol=1e-6)
        np.testing.assert_allclose(got["scores"], head.raw / 2.0, atol=1e-6)  # QKᵀ / √4
        np.testing.assert_allclose(np.sum(got["weights"], axis=1), 1.0, atol=1e-5)
        assert np.array(got["Q"]).shape == (7, 4)


def test_mask_shares_follow_berts_rule(tmp_path: Path) -> None:
    out = tmp_path / "mask.json"
    assert main(["mask", "lee-news", "--seed", "3", "--json", str(out)]) == 0
    report = _json(out)
    assert report["n_pairs"] > 1000
    assert report["selected_share"] == pytest.approx(0.15, abs=0.01)
    assert report["masked"] == pytest.approx(0.8, abs=0.03)
    assert report["random"] == pytest.approx(0.1, abs=0.02) and report["kept"] == pytest.approx(0.1, abs=0.02)
    assert report["is_next_share"] == pytest.approx(0.5, abs=0.05)
    assert {"a", "b", "is_next"} <= set(report["pairs"][0])


def test_bert_reports_loss_and_accuracy_against_the_baseline(tmp_path: Path) -> None:
    out = tmp_path / "bert.json"
    code = main(["bert", "ko-market", "--steps", "40", "--dim", "16", "--heads", "2", "--layers", "1",
                 "--json", str(out)])  # fmt: skip
    assert code == 0
    report = _json(out)
    assert report["steps_done"] == 40 and len(report["loss"]) == len(report["loss_steps"]) >= 3
    assert report["loss"][-1] < report["loss"][0]
    assert 0 <= report["baseline_accuracy"] <= 1 and 0 <= report["accuracy"] <= 1
    assert report["options"]["dim"] == 16


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["attention", "?!"], "no words"),
        (["attention", "a b c", "--heads", "99"], "heads"),
        (["attention", "a b c", "--d-k", "0"], "d_k"),
        (["bert", "ko-market", "--dim", "30", "--heads", "4"], "multiple"),
        (["mask", "nothere.txt"], "nothere.txt"),
    ],
)
def test_bad_input_is_one_error_line(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and expected in err[0], err
