"""``python -m models spark-fit``: a CSV and a folder of text files through Spark (local mode) into a ``.topiclens``
file, Korean through the Kiwi pandas UDF, a uniform sample of θ, and bad input on one line.

The commands run in this process (one Spark session for the module: a JVM start costs 10-40 s here), except the
refusals that come before Spark starts, which run as real processes. Marked ``spark``: CI runs them; skip locally
with ``-m "not spark"``.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from models.cli.main import main
from models.corpus.corpus import PreprocessOptions
from models.corpus.preprocess import iter_document_tokens
from models.lda.engines import spark_lda
from models.lda.saved_model import open_saved

ROOT = Path(__file__).resolve().parents[3]
THEMES = {
    "sport": "goal match team player league coach score season stadium referee".split(),
    "food": "pizza pasta cheese bread tomato sauce oven recipe kitchen flavour".split(),
    "space": "rocket orbit planet moon launch satellite astronaut telescope galaxy comet".split(),
}


@pytest.fixture(scope="module")
def spark():
    if not spark_lda.spark_available():
        if os.environ.get("CI") or os.environ.get("TOPICLENS_REQUIRE_SPARK"):
            pytest.fail(f"Spark is not installed here ({spark_lda.spark_missing()}); .ci/run should install it")
        pytest.skip(
            f"Spark is not installed ({spark_lda.spark_missing()} missing): pip install -r requirements-spark.txt"
        )
    session = spark_lda.spark_session("local[2]")
    yield session


def _texts(n: int = 90, seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    themes = list(THEMES)
    out = []
    for i in range(n):
        theme = themes[i % len(themes)]
        words = [rng.choice(THEMES[theme]) for _ in range(25)]
        out.append((theme, " ".join(words) + ". The reporter's notes were short."))
    return out


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["spark-fit", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _theme_of(terms: list[str]) -> str:
    """The planted theme that holds most of a topic's top terms."""
    return max(THEMES, key=lambda t: len(set(terms) & set(THEMES[t])))


def _assert_themes_recovered(top_terms: list[list[str]]) -> None:
    themes = {_theme_of(terms[:8]) for terms in top_terms}
    assert themes == set(THEMES), top_terms
    for terms in top_terms:
        theme = _theme_of(terms[:8])
        assert len(set(terms[:8]) & set(THEMES[theme])) >= 7, terms


@pytest.mark.spark
def test_csv_to_a_topiclens_file(spark, tmp_path, capsys):
    table = tmp_path / "news.csv"
    with table.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "body", "year"])
        for i, (theme, text) in enumerate(_texts()):
            writer.writerow([f"{theme} {i}", text, 2000 + i % 4])
    out, summary = tmp_path / "news.topiclens", tmp_path / "news.json"
    code, stdout, err = _run(capsys, str(table), "--k", "3", "--optimizer", "em", "--master", "local[2]",
                             "--out", str(out), "--json", str(summary))  # fmt: skip
    assert code == 0, err
    assert "Spark LDA (em, local[2]) K=3 on 90 documents" in stdout
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert report["engine"] == "spark" and report["documents_total"] == 90 and report["theta_sample"] is False
    _assert_themes_recovered([[w for w in t if w not in ("reporter", "notes", "short")] for t in report["top_terms"]])
    saved = open_saved(out.read_bytes(), out.name)
    assert saved.model.engine == "spark" and saved.model.theta.shape == (90, 3)
    vocab = set(saved.corpus.vocab)  # Spark's tokenizer and stop words as the corpus command's
    assert {"reporter", "notes", "short"} <= vocab and not {"the", "were", "reporter's", "s"} & vocab
    assert saved.corpus.documents[0].name == "sport 0"
    assert dict(saved.corpus.documents[0].meta)["year"] == "2000"
    assert saved.model.params["documents_in_theta"] == 90
    # θ of the document about sport is the topic whose words are sport's
    sport_topic = [_theme_of(t[:8]) for t in report["top_terms"]].index("sport")
    assert saved.model.theta[0].argmax() == sport_topic


@pytest.mark.spark
def test_folder_of_text_files_with_a_sample_of_documents(spark, tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    texts = _texts(120, seed=1)
    for j in range(3):
        (folder / f"part{j}.txt").write_text("\n".join(t for _, t in texts[j::3]) + "\n\n", encoding="utf-8")
    out, summary = tmp_path / "texts.topiclens", tmp_path / "texts.json"
    code, stdout, err = _run(capsys, str(folder), "--k", "3", "--optimizer", "em", "--sample-docs", "30",
                             "--seed", "1", "--out", str(out), "--json", str(summary))  # fmt: skip
    assert code == 0, err
    assert "uniform sample of 30" in stdout
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert report["documents_total"] == 120 and report["documents_in_theta"] == 30 and report["theta_sample"]
    assert report["tokens_total"] > report["tokens"]  # the saved corpus holds the sample, the counts the whole
    _assert_themes_recovered([[w for w in t if w not in ("reporter", "notes", "short")] for t in report["top_terms"]])
    saved = open_saved(out.read_bytes(), out.name)
    assert saved.model.theta.shape == (30, 3) and len(saved.corpus.documents) == 30
    assert {d.source for d in saved.corpus.documents} <= {"part0.txt", "part1.txt", "part2.txt"}
    assert saved.model.params["theta_sample"] is True and saved.model.params["documents_total"] == 120
    assert int(saved.model.term_frequency.sum()) == report["tokens_total"]


@pytest.mark.spark
def test_korean_text_through_the_kiwi_udf(spark, tmp_path, capsys):
    listings = ROOT / "data" / "ko-market-listings.csv"
    out, summary = tmp_path / "ko.topiclens", tmp_path / "ko.json"
    code, _, err = _run(capsys, str(listings), "--k", "6", "--text-column", "text", "--optimizer", "em",
                        "--out", str(out), "--json", str(summary))  # fmt: skip
    assert code == 0, err
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert report["params"]["language"] == "ko"
    hangul = [t for terms in report["top_terms"] for t in terms if any("가" <= c <= "힣" for c in t)]
    assert len(hangul) >= 50, report["top_terms"]
    found = {t for terms in report["top_terms"] for t in terms[:10]}
    assert {"소파", "이어폰", "패딩"} & found, report["top_terms"]
    # the UDF tokenizes as the corpus command does (same Kiwi, same rules): every document's tokens
    saved = open_saved(out.read_bytes(), out.name)
    texts = [d.text for d in saved.corpus.documents]
    expected = list(iter_document_tokens(texts, PreprocessOptions(language="ko"), "ko"))
    assert [list(tokens) for tokens in saved.corpus.doc_tokens] == expected


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.spark
def test_a_missing_text_column_is_one_line(spark, tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("title,body\na,some words here\n", encoding="utf-8")
    code, _, err = _run(capsys, str(table), "--k", "2", "--text-column", "text")
    assert code == 2
    assert _one_error_line(err) == "error: t.csv: no text column 'text'. String columns: title, body."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv", "--k", "3"], "missing.csv: no such file"),
        (["{xlsx}", "--k", "3"], "book.xlsx: spark-fit reads a folder of text files, .txt, .csv or .parquet"),
        (["{empty}", "--k", "3"], "empty: Spark found no document with text in it."),
        (["{csv}", "--k", "0"], "Invalid option --k=0: use 1 to 500"),
        (["{csv}", "--k", "3", "--sample-docs", "0"], "--sample-docs must be a whole number of at least 1"),
        (["{csv}", "--k", "3", "--optimizer", "gibbs"], "argument --optimizer: invalid choice"),
    ],
)
def test_bad_input_before_spark_starts_is_one_line(tmp_path, args, message):
    (tmp_path / "book.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty").mkdir()
    (tmp_path / "d.csv").write_text("text\nhello world\n", encoding="utf-8")
    paths = {"xlsx": tmp_path / "book.xlsx", "empty": tmp_path / "empty", "csv": tmp_path / "d.csv"}
    argv = [a.format(**{k: str(v) for k, v in paths.items()}) for a in args]
    done = subprocess.run(
        [sys.executable, "-m", "models", "spark-fit", *argv],
        cwd=tmp_path if argv[0] == "missing.csv" else ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and message in done.stderr, done.stderr


@pytest.mark.spark
def test_parquet_input(spark, tmp_path, capsys):
    rows = [(f"{theme} {i}", text) for i, (theme, text) in enumerate(_texts(60, seed=3))]
    spark.createDataFrame(rows, "title string, body string").write.parquet(str(tmp_path / "docs.parquet"))
    summary = tmp_path / "p.json"
    code, _, err = _run(capsys, str(tmp_path / "docs.parquet"), "--k", "3", "--optimizer", "em",
                             "--json", str(summary))  # fmt: skip
    assert code == 0, err
    report = json.loads(summary.read_text(encoding="utf-8"))
    assert report["documents_total"] == 60
    _assert_themes_recovered([[w for w in t if w not in ("reporter", "notes", "short")] for t in report["top_terms"]])
