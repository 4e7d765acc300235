"""Formula injection (OWASP "CSV Injection"): text cells that start like a formula get a leading quote."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from models.export_safety import FORMULA_STARTS, neutralise_cell, safe_csv, safe_table


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_prefixed(start: str) -> None:
    assert neutralise_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"


@pytest.mark.parametrize("text", ["pizza", "문고리 거래", "", " =1", "'=already", "1+1", "a=b"])
def test_other_text_is_unchanged(text: str) -> None:
    assert neutralise_cell(text) == text


def test_formula_starts_are_owasps_six() -> None:
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")


def test_safe_table_prefixes_text_cells_and_names_and_keeps_numbers() -> None:
    frame = pd.DataFrame(
        {
            "=name (id 0)": ["=cmd|' /C calc'!A0", "+pizza", "ok", "@SUM(1)"],
            "log lift": [-0.5, 1.25, -3.0, 0.0],
            "count": np.array([-1, 2, 3, 4]),
            "kept": [True, False, True, False],
            "mixed": ["-x", 7, None, -2.5],
        }
    )
    safe = safe_table(frame)
    assert list(safe.columns) == ["'=name (id 0)", "log lift", "count", "kept", "mixed"]
    assert list(safe["'=name (id 0)"]) == ["'=cmd|' /C calc'!A0", "'+pizza", "ok", "'@SUM(1)"]
    assert list(safe["log lift"]) == [-0.5, 1.25, -3.0, 0.0] and safe["log lift"].dtype == np.float64
    assert list(safe["count"]) == [-1, 2, 3, 4] and safe["count"].dtype == frame["count"].dtype
    assert list(safe["kept"]) == [True, False, True, False]
    assert safe["mixed"].tolist()[:2] == ["'-x", 7] and safe["mixed"].tolist()[3] == -2.5
    assert frame.columns[0] == "=name (id 0)" and frame.iloc[0, 0].startswith("=")  # the input is not changed


def test_safe_csv_round_trip() -> None:
    frame = pd.DataFrame(
        {"term": ["-opinion", "\ttab", "\rcr", "a\r=cmd", "b\n@x", "plain"], "phi": [-0.25, 0.5, 0.125, 2.0, 3.0, 1e-9]}
    )
    text = safe_csv(frame)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["term", "phi"]
    assert [r[0] for r in rows[1:]] == ["'-opinion", "'\ttab", "'\rcr", "a\r=cmd", "b\n@x", "plain"]
    assert [float(r[1]) for r in rows[1:]] == [-0.25, 0.5, 0.125, 2.0, 3.0, 1e-9]
    # a spreadsheet that splits rows at any CR or LF outside quotes sees no cell starting like a formula
    outside_quotes = text.replace('"a\r=cmd"', "").replace('"b\n@x"', "")
    assert not any(line.startswith(("=", "+", "-", "@")) for line in outside_quotes.replace("\r", "\n").split("\n"))
    back = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert list(back["phi"]) == [-0.25, 0.5, 0.125, 2.0, 3.0, 1e-9]


def test_string_and_categorical_columns() -> None:
    frame = pd.DataFrame(
        {"s": pd.Series(["=a", "b"], dtype="string"), "c": pd.Categorical(["-x", "y"]), "n": pd.Series([1, None])}
    )
    safe = safe_table(frame)
    assert list(safe["s"]) == ["'=a", "b"]
    assert list(safe["c"]) == ["'-x", "y"]
    assert safe["n"].iloc[0] == 1.0 and np.isnan(safe["n"].iloc[1])
