"""``python -m models word2vec`` and ``python -m models pairs``: the JSON fields, the lecture's table, the vectors
file, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.cli.main import main
from models.embeddings.pairs import LECTURE_PAIRS


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_pairs_gives_the_lectures_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pairs.json"
    assert main(["pairs", "The fat cat sat on the mat", "--window", "2", "--json", str(out)]) == 0
    report = _json(out)
    rows = [(p["input"], p["context"], p["label"]) for p in report["pairs"]]
    assert rows[5:13] == list(LECTURE_PAIRS) and len(rows) == 22
    assert report["tokens"] == ["The", "fat", "cat", "sat", "on", "the", "mat"]
    assert capsys.readouterr().out.splitlines()[:2] == ["입력1\t입력2\t레이블", "The\tfat\t1"]


def test_pairs_with_negatives_are_seeded_and_labelled(tmp_path: Path) -> None:
    out = tmp_path / "neg.json"
    assert main(["pairs", "The fat cat sat on the mat", "--negative", "2", "--seed", "4", "--json", str(out)]) == 0
    pairs = _json(out)["pairs"]
    assert len(pairs) == 22 * 3 and [p["label"] for p in pairs[:3]] == [1, 0, 0]
    assert all(0 < p["probability"] < 1 for p in pairs if p["label"] == 0)
    assert all(p["context"] not in (q["context"], q["input"]) for q, p in zip(pairs[::3], pairs[1::3], strict=True))
    again = tmp_path / "again.json"
    main(["pairs", "The fat cat sat on the mat", "--negative", "2", "--seed", "4", "--json", str(again)])
    assert _json(again) == _json(out)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["pairs", "?! ..."], "no words to pair"),
        (["pairs", "a b", "--window", "0"], "window"),
        (["pairs", "a b", "--negative", "99"], "negative"),
        (["word2vec", "lecture-word2vec", "--dim", "0"], "dim"),
        (["word2vec", "lecture-word2vec", "--min-count", "1000"], "min_count"),
        (["word2vec", "lecture-word2vec", "--epochs", "2", "--probe", "zzz"], "zzz"),
    ],
)
def test_bad_input_is_one_error_line(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and expected in err[0], err


def test_word2vec_json_and_vectors(tmp_path: Path) -> None:
    from gensim.models import KeyedVectors

    out, vectors = tmp_path / "w2v.json", tmp_path / "vectors.txt"
    code = main(["word2vec", "lee-news", "--epochs", "3", "--dim", "20", "--probe", "police", "israel",
                 "--json", str(out), "--vectors", str(vectors)])  # fmt: skip
    assert code == 0
    report = _json(out)
    assert report["dim"] == 20 and report["vocabulary_size"] > 1000 and len(report["loss"]) == 4
    assert report["loss"][-1] < report["loss"][0]
    assert set(report["neighbours"]) == {"police", "israel"}
    assert all(len(rows) == 10 and rows[0]["cosine"] >= rows[-1]["cosine"] for rows in report["neighbours"].values())
    kv = KeyedVectors.load_word2vec_format(str(vectors), binary=False)
    assert len(kv) == report["vocabulary_size"] and kv.vector_size == 20
    assert kv.most_similar("police", topn=1)[0][0] == report["neighbours"]["police"][0]["word"]
