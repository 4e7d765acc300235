"""``python -m models sweep`` (per K: coherence, perplexity, stability, links to the previous K) and
``fit --seed-words``; bad input is one ``error:`` line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.models.cli.conftest import run_models


def test_sweep_json(tmp_path: Path) -> None:
    out = tmp_path / "sweep.json"
    done = run_models("sweep", "lee-news", "--k", "2:4", "--seeds", "2", "--iterations", "50", "--workers", "1",
                      "--json", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "K sweep (gibbs)" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["ks"] == [2, 3, 4] and report["seeds"] == 2
    per_k = {entry["k"]: entry for entry in report["per_k"]}
    for k, entry in per_k.items():
        assert set(entry) >= {"c_v", "u_mass", "perplexity", "stability", "new_themes", "links", "topics"}
        assert 0.0 <= entry["stability"] <= 1.0 and len(entry["topics"]) == k
        assert all(len(topic["top_terms"]) == 8 for topic in entry["topics"])
    assert per_k[2]["links"] == [] and per_k[2]["previous_k"] is None
    links = per_k[3]["links"]
    assert links and {"from", "to", "weight", "similarity"} <= set(links[0])
    assert sum(link["weight"] for link in links) == pytest.approx(26865)  # every token flows from K = 2 to K = 3
    assert all(0 <= link["from"] < 2 and 0 <= link["to"] < 3 for link in links)


def test_sweep_without_stability(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    done = run_models("sweep", "lecture-lsa", "--k", "2:3", "--seeds", "1", "--engine", "sklearn", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert all(entry["stability"] is None for entry in json.loads(out.read_text())["per_k"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--k", "1:5"), "K from 2 up"),
        (("--k", "2-5"), "FROM:TO"),
        (("--k", "2:5", "--seeds", "0"), "--seeds"),
        (("--k", "2:200"), "K sweep"),
    ],
)
def test_sweep_bad_input(args: tuple[str, ...], needle: str) -> None:
    done = run_models("sweep", "lecture-lsa", *args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]


def test_fit_with_seed_words(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("sports: game team\n# comment\npolitics: government minister\n", encoding="utf-8")
    out = tmp_path / "fit.json"
    done = run_models("fit", "lee-news", "--method", "lda", "--k", "8", "--workers", "1", "--seed-words", str(seeds),
                      "--json", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    named = {topic["id"]: topic for topic in report["topics"]}
    assert named[0]["name"] == "sports" and named[1]["name"] == "politics"
    assert report["seed_words"] == [["sports", ["game", "team"]], ["politics", ["government", "minister"]]]
    assert "[sports]" in done.stdout


@pytest.mark.parametrize(
    ("text", "extra", "needle"),
    [
        ("sports game team\n", (), "name: word"),
        ("sports: zzzzunknown\n", (), "not in the corpus"),
        ("sports: game\n", ("--engine", "gensim"), "only the gibbs engine"),
        ("", (), "no 'name: word"),
    ],
)
def test_fit_bad_seed_words(tmp_path: Path, text: str, extra: tuple[str, ...], needle: str) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(text, encoding="utf-8")
    done = run_models("fit", "lee-news", "--method", "lda", "--k", "4", "--seed-words", str(seeds), *extra)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], lines
