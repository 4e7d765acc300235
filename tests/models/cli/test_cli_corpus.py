"""``python -m models corpus`` run as a subprocess: the printed summary, the --json fields and bad input.

Every run starts a fresh interpreter (~2 s of imports), so all runs of this module are started together once and
the tests read their results.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

LISTINGS_CSV = (
    "번호,제목,내용\n"
    "1,유모차,아이가 커서 유모차를 팝니다. 상태 좋아요\n"
    "2,책상,원목 책상 팝니다. 상태 좋아요\n"
    "3,가방,가방 나눔합니다. 문고리 거래\n"
)


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _write_inputs(folder: Path) -> None:
    (folder / "목록.csv").write_bytes(LISTINGS_CSV.encode("cp949"))
    (folder / "메모.txt").write_text("문고리 나눔 드림\n오늘 우리\n", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"not a docx")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "table.csv").write_text("id,title\n1,Desk lamp\n", encoding="utf-8")


def _commands(folder: Path) -> dict[str, list[str]]:
    f = str(folder)
    return {
        "sample": ["lecture-lsa", "--json", f"{f}/lsa.json"],
        "korean": [f"{f}/목록.csv", f"{f}/메모.txt", f"{f}/broken.docx", "--language", "ko", "--json", f"{f}/ko.json"],
        "missing": [f"{f}/nothere.txt"],
        "binary": [f"{f}/image.txt"],
        "min_df_0": ["lecture-lsa", "--min-df", "0"],
        "unknown_column": [f"{f}/table.csv", "--text-column", "body"],
        "bad_choice": ["lecture-lsa", "--language", "fr"],
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Run]]:
    folder = tmp_path_factory.mktemp("cli")
    _write_inputs(folder)
    procs = {
        key: subprocess.Popen(
            [sys.executable, "-m", "models", "corpus", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for key, args in _commands(folder).items()
    }
    results = {}
    for key, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        results[key] = Run(proc.returncode, out, err)
    return folder, results


def test_sample_summary_and_json(runs: tuple[Path, dict[str, Run]]) -> None:
    folder, results = runs
    run = results["sample"]
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.splitlines() == [
        "documents: 6",
        "tokens: 9",
        "vocabulary: 5",
        "language: en",
        "file: lecture-lsa.txt [txt, utf-8] 6 documents",
        "dropped: 0",
        "top terms: pizza (2), hamburger (2), ramen (2), sushi (2), cookie (1)",
    ]
    summary = json.loads((folder / "lsa.json").read_text(encoding="utf-8"))
    assert (summary["documents"], summary["tokens"], summary["vocabulary_size"], summary["language"]) == (
        6,
        9,
        5,
        "en",
    )
    assert summary["files"] == [
        {
            "name": "lecture-lsa.txt",
            "kind": "txt",
            "encoding": "utf-8",
            "documents": 6,
            "text_column": None,
            "notices": [],
            "error": None,
        }
    ]
    assert summary["dropped"] == []
    assert [t["term"] for t in summary["top_terms"]] == ["pizza", "hamburger", "ramen", "sushi", "cookie"]
    assert summary["top_terms"][0] == {"term": "pizza", "count": 2, "document_frequency": 2}


def test_korean_files_with_a_bad_one(runs: tuple[Path, dict[str, Run]]) -> None:
    folder, results = runs
    run = results["korean"]
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[:9] == [
        "documents: 4",
        "tokens: 13",
        "vocabulary: 10",
        "language: ko",
        "file: 목록.csv [csv, cp949, text column '내용'] 3 documents",
        "file: 메모.txt [txt, utf-8] 2 documents",
        "file: broken.docx [docx, -] error: broken.docx: the file could not be read as Word (.docx) (BadZipFile).",
        "dropped: 1",
        "  메모.txt #2: no terms left after preprocessing (only stop words, short or rare words)",
    ]
    assert lines[9].startswith("top terms: 상태 (2), 나눔 (2), 문고리 (2), ")

    raw = (folder / "ko.json").read_bytes()
    assert "목록.csv".encode() in raw  # Hangul written as UTF-8, not \uXXXX escapes
    summary = json.loads(raw.decode("utf-8"))
    assert (summary["documents"], summary["tokens"], summary["vocabulary_size"], summary["language"]) == (
        4,
        13,
        10,
        "ko",
    )
    assert [(f["name"], f["encoding"], f["documents"], f["text_column"]) for f in summary["files"]] == [
        ("목록.csv", "cp949", 3, "내용"),
        ("메모.txt", "utf-8", 2, None),
        ("broken.docx", None, 0, None),
    ]
    assert summary["files"][2]["error"] == "broken.docx: the file could not be read as Word (.docx) (BadZipFile)."
    assert summary["dropped"] == [
        {
            "source": "메모.txt",
            "name": "메모.txt #2",
            "reason": "dropped_no_terms",
            "message": "no terms left after preprocessing (only stop words, short or rare words)",
            "preview": "오늘 우리",
        }
    ]
    assert {t["term"] for t in summary["top_terms"]} == {
        "아이",
        "유모차",
        "상태",
        "원목",
        "책상",
        "가방",
        "나눔",
        "문고리",
        "거래",
        "드림",
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("missing", "error: {folder}/nothere.txt: no such file, and no sample of that name (samples: "),
        ("binary", "error: image.txt: this looks like a binary file, not text."),
        ("min_df_0", "error: Invalid option min_df=0: must be at least 1"),
        ("unknown_column", "error: table.csv: the table has no column named 'body'. Columns: id, title."),
        ("bad_choice", "error: argument --language: invalid choice: 'fr'"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_code_2(
    runs: tuple[Path, dict[str, Run]], key: str, expected: str
) -> None:
    folder, results = runs
    run = results[key]
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(expected.format(folder=folder))
    assert "Traceback" not in run.stderr
    if key == "missing":
        samples = "lecture-lsa, lecture-gibbs, lecture-word2vec, ko-market, ko-market-dated, lee-news"
        assert lines[0].endswith(f"(samples: {samples}).")
