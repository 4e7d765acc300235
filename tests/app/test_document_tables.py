"""Document identity in tables and downloads: ids, names (with a table's title column), files and metadata."""

from __future__ import annotations

import pandas as pd

from app.document_tables import identity_frame, with_identity
from models import IngestOptions, PreprocessOptions, build_corpus, read_files

CSV = (
    "package,title,section,description\n"
    "pkg-a,Alpha editor,editors,text editor for the terminal with syntax highlighting\n"
    "pkg-b,Beta player,sound,audio player for music files with playlists\n"
    "pkg-c,,shells,command shell with scripting and history\n"
)


def test_identity_columns_come_first_and_keep_every_table_column() -> None:
    corpus = build_corpus(read_files([("packages.csv", CSV.encode())], IngestOptions()), PreprocessOptions(min_df=1))
    frame = identity_frame(corpus)
    assert list(frame.columns) == ["#", "name", "file", "package", "title", "section"]
    assert frame.to_dict("records")[0] == {
        "#": 1,
        "name": "packages.csv #1 · Alpha editor",  # the title column names the document
        "file": "packages.csv",
        "package": "pkg-a",
        "title": "Alpha editor",
        "section": "editors",
    }
    assert list(frame["package"]) == ["pkg-a", "pkg-b", "pkg-c"]
    assert frame["name"][2] == "packages.csv #3"  # no title: the row number alone
    theta = with_identity(corpus, pd.DataFrame({"topic 0": [0.9, 0.2, 0.5], "topic 1": [0.1, 0.8, 0.5]}))
    assert list(theta.columns) == ["#", "name", "file", "package", "title", "section", "topic 0", "topic 1"]
    assert list(theta["topic 1"]) == [0.1, 0.8, 0.5]


def test_a_metadata_column_named_like_an_identity_column_is_kept_apart() -> None:
    data = b"name,file,text\nalpha,a.txt,some words about editors and terminals\n"
    corpus = build_corpus(read_files([("t.csv", data)], IngestOptions(text_column="text")), PreprocessOptions(min_df=1))
    frame = identity_frame(corpus)
    assert list(frame.columns) == ["#", "name", "file", "name (table)", "file (table)"]
    assert frame.iloc[0].tolist() == [1, "t.csv #1 · alpha", "t.csv", "alpha", "a.txt"]
