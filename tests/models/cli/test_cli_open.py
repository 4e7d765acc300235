"""``python -m models fit ... --save`` and ``python -m models open``: the same report, refusals on one line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.models.cli.conftest import run_models


def test_fit_save_then_open_gives_the_same_report(tmp_path: Path) -> None:
    saved, fit_json, open_json = tmp_path / "lee.topiclens", tmp_path / "fit.json", tmp_path / "open.json"
    done = run_models("fit", "lee-news", "--method", "lda", "--k", "5", "--iterations", "30", "--workers", "1",
                      "--json", str(fit_json), "--save", str(saved))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert saved.stat().st_size > 10_000
    opened = run_models("open", str(saved), "--json", str(open_json))
    assert opened.returncode == 0, opened.stderr
    assert "lee.topiclens: LDA (gibbs) K=5 on 300 documents" in opened.stdout
    fit, reopened = json.loads(fit_json.read_text()), json.loads(open_json.read_text())
    for key in ("engine", "n_topics", "params", "seed", "documents", "tokens", "perplexity", "coherence", "layout"):
        assert reopened[key] == fit[key], key
    assert [t["top_terms_lambda_1"] for t in reopened["topics"]] == [t["top_terms_lambda_1"] for t in fit["topics"]]
    assert [(t["x"], t["y"]) for t in reopened["topics"]] == [(t["x"], t["y"]) for t in fit["topics"]]
    assert len(reopened["saved"]["content_hash"]) == 64 and reopened["saved"]["merges"] == []
    assert reopened["saved"]["original_ids"] == [[k] for k in range(5)]
    assert run_models("show", str(saved)).stdout == opened.stdout


def test_open_refuses_a_damaged_file_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.topiclens"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    done = run_models("open", str(bad))
    assert done.returncode == 2
    assert done.stderr.startswith("error: bad.topiclens: this is not a TopicLens model file")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_save_is_for_lda(tmp_path: Path) -> None:
    done = run_models("fit", "lecture-lsa", "--method", "lsa", "--save", str(tmp_path / "x.topiclens"))
    assert done.returncode == 2 and "--save" in done.stderr
