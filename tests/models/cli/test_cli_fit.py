"""``python -m models fit``: the LSA and LDA reports, the offline HTML, and one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests.models.cli.conftest import run_models


def test_lsa_report_of_the_lecture(tmp_path: Path) -> None:
    out = tmp_path / "lsa.json"
    done = run_models("fit", "lecture-lsa", "--method", "lsa", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert "singular values: 1.932 1.732 1.000 1.000 0.518" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["method"] == "lsa" and report["full_svd"] is True and report["k"] == 5
    np.testing.assert_allclose(report["singular_values"], [1.932, 1.732, 1, 1, 0.518], atol=1e-3)
    assert report["terms"] == ["pizza", "hamburger", "cookie", "ramen", "sushi"]
    assert len(report["documents"]) == 6
    assert np.array(report["U"]).shape == (5, 5) and np.array(report["Vt"]).shape == (5, 6)
    np.testing.assert_allclose(
        np.array(report["document_concepts"])[:2],
        [[0.628, 1.716, 0.628, 0, 0, 0], [0, 0, 0, 0.707, 0.707, 1.414]],
        atol=1e-3,
    )


def test_lsa_truncated_to_k(tmp_path: Path) -> None:
    out = tmp_path / "lsa2.json"
    assert run_models("fit", "lecture-lsa", "--method", "lsa", "--k", "2", "--json", str(out)).returncode == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert np.array(report["U"]).shape == (5, 2) and np.array(report["document_concepts"]).shape == (2, 6)


@pytest.fixture(scope="module")
def lda_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], dict, str]:
    folder = tmp_path_factory.mktemp("fit")
    done = run_models(
        "fit",
        "ko-market",
        "--method",
        "lda",
        "--engine",
        "gibbs",
        "--k",
        "6",
        "--seed",
        "3",
        "--json",
        str(folder / "lda.json"),
        "--html",
        str(folder / "lda.html"),
    )
    assert done.returncode == 0, done.stderr
    return done, json.loads((folder / "lda.json").read_text(encoding="utf-8")), (folder / "lda.html").read_text()


def test_lda_report_fields(lda_run: tuple) -> None:
    done, report, _ = lda_run
    assert report["method"] == "lda" and report["engine"] == "gibbs" and report["n_topics"] == 6
    assert report["seed"] == 3 and report["documents"] == 180
    assert report["perplexity"] > 1 and 0 < report["coherence"]["c_v"] < 1 and report["coherence"]["u_mass"] < 0
    topics = report["topics"]
    assert [t["rank"] for t in topics] == [1, 2, 3, 4, 5, 6]
    assert sorted(t["id"] for t in topics) == list(range(6))
    prevalence = [t["prevalence"] for t in topics]
    assert prevalence == sorted(prevalence, reverse=True) and abs(sum(prevalence) - 1) < 1e-4
    for topic in topics:
        assert len(topic["top_terms_lambda_1"]) == 30 and len(topic["top_terms_lambda_0_6"]) == 30
        assert isinstance(topic["x"], float) and isinstance(topic["y"], float)
    assert "#1" in done.stdout and "perplexity" in done.stdout


def test_lda_topics_are_the_listing_themes(lda_run: tuple) -> None:
    _, report, _ = lda_run
    heads = {w for t in report["topics"] for w in t["top_terms_lambda_0_6"][:5]}
    assert {"유모차", "책상", "노트북"} & heads, heads


def test_lda_html_is_offline(lda_run: tuple) -> None:
    _, _, page = lda_run
    assert "<script src=" not in page and 'href="http' not in page
    assert "LDAvis" in page
    assert "유모차" in page or json.dumps("유모차")[1:-1] in page  # the vocabulary is embedded (maybe \u-escaped)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("fit", "lecture-lsa", "--method", "lda", "--k", "0"), "K"),
        (("fit", "lecture-lsa", "--method", "lda", "--alpha", "abc"), "alpha"),
        (("fit", "lecture-lsa", "--method", "lsa", "--k", "9"), "9"),
        (("fit", "lecture-lsa", "--method", "lda", "--k", "1", "--html", "/tmp/x.html"), "2 topics"),
        (("fit", "lecture-lsa"), "--method"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], needle: str) -> None:
    done = run_models(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), done.stderr
    assert needle.lower() in lines[0].lower()
    assert "Traceback" not in done.stderr
