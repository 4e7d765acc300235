"""Topics across time and groups: date parsing, bins, shares with bootstrap intervals that recover a planted trend,
per-bin terms, and group differences."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from models.corpus.corpus import Corpus
from models.corpus.dates import parse_date
from models.corpus.documents import RawDocument
from models.errors import InputError
from models.lda.gibbs import fit_gibbs
from models.lda.options import LdaOptions
from models.lda.over_time import (
    bin_labels,
    column_kinds,
    group_difference,
    group_shares,
    group_top_terms,
    metadata_values,
)

YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
TREND = np.linspace(0.15, 0.75, len(YEARS))  # the planted share of topic "rise" per year


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2024-03-05", date(2024, 3, 5), "day"),
        ("2024.03.05", date(2024, 3, 5), "day"),
        ("2024/3/5", date(2024, 3, 5), "day"),
        ("2024년 3월 5일", date(2024, 3, 5), "day"),
        ("2024-03", date(2024, 3, 1), "month"),
        ("2024", date(2024, 1, 1), "year"),
        ("2024-03-05 14:20", date(2024, 3, 5), "day"),
    ],
)
def test_dates_as_spreadsheets_write_them(text: str, expected: date, precision: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.value == expected and parsed.precision == precision


@pytest.mark.parametrize("text", ["어제", "2024-02-30", "24-3-5", "", "2024-13", "3/5/2024", "x" * 100])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_bins_are_in_time_order_with_empty_bins_and_unparsable_values_reported() -> None:
    labels, order, bad = bin_labels(["2024-01-10", "2024.03.02", "어제", "", "2024년 6월 1일"], "quarter")
    assert labels == ["2024 Q1", "2024 Q1", None, None, "2024 Q2"] and order == ["2024 Q1", "2024 Q2"] and bad == [2]
    many = ["2024-01-05"] * 20 + ["2024-02-05"] * 20 + ["2024-03-05"] * 20  # 20 documents a month: months
    assert bin_labels(many, "auto")[1] == ["2024-01", "2024-02", "2024-03"]
    fewer = [f"2023-{m:02d}-01" for m in range(1, 13)] * 5  # 5 a month, 15 a quarter: quarters
    assert bin_labels(fewer, "auto")[1] == ["2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"]
    assert bin_labels(["2020-01-01", "2023-06-01"], "auto")[1] == ["2020", "2021", "2022", "2023"]  # sparse: years
    assert bin_labels(["2021", "2022-05-01"], "auto")[1] == ["2021", "2022"]  # a year-only value: year bins
    with pytest.raises(InputError):
        bin_labels(["2024"], "week")


def _planted() -> tuple[Corpus, np.ndarray]:
    """Two topics with disjoint words; in each year a share ``TREND`` of the documents is about topic "rise"."""
    rng = np.random.default_rng(0)
    rise = [f"up{i}" for i in range(20)]
    fall = [f"down{i}" for i in range(20)]
    docs, tokens = [], []
    year_of = []
    for y, p in zip(YEARS, TREND, strict=True):
        about_rise = rng.permutation(np.arange(80) < round(p * 80))
        for j in range(80):
            words = list(rng.choice(rise if about_rise[j] else fall, 40))
            tokens.append(words)
            category = "A" if j % 2 else "B"
            docs.append(RawDocument(" ".join(words), "gen", f"{y}-{j}", meta=(("date", f"{y}.{j % 12 + 1}.1"),
                                                                          ("kind", category))))  # fmt: skip
            year_of.append(y)
    return Corpus.from_tokens(rise + fall, tokens, docs, language="en"), np.array(year_of)


def test_shares_with_intervals_recover_the_planted_trend() -> None:
    corpus, _ = _planted()
    kinds = {k.name: k for k in column_kinds(corpus)}
    assert kinds["date"].kind == "date" and kinds["kind"].kind == "category" and kinds["kind"].distinct == 2
    model = fit_gibbs(corpus, LdaOptions(n_topics=2, iterations=100, seed=1, workers=1))
    rise_topic = int(np.argmax(model.phi[:, 0]))  # the topic of "up0"
    labels, order, bad = bin_labels(metadata_values(corpus, "date"), "year")
    assert order == [str(y) for y in YEARS] and not bad
    shares = group_shares(model, labels, order, n_boot=400, seed=0)
    est = shares.share[:, rise_topic]
    np.testing.assert_allclose(shares.share.sum(axis=1), 1.0)
    assert np.all(np.diff(est) > 0)  # rising every year, as planted
    planted = np.round(TREND * 80) / 80
    np.testing.assert_allclose(est, planted, atol=0.03)
    lo, hi = shares.low[:, rise_topic], shares.high[:, rise_topic]
    assert np.all(lo <= est) and np.all(est <= hi) and np.all(hi - lo < 0.25)
    assert np.all((lo <= planted) & (hi >= planted))  # the planted share inside every 90% interval
    again = group_shares(model, labels, order, n_boot=400, seed=0)
    np.testing.assert_array_equal(again.low, shares.low)  # seeded


def test_per_bin_terms_and_group_differences() -> None:
    corpus, _ = _planted()
    model = fit_gibbs(corpus, LdaOptions(n_topics=2, iterations=60, seed=1, workers=1))
    rise_topic = int(np.argmax(model.phi[:, 0]))
    labels, order, _ = bin_labels(metadata_values(corpus, "date"), "year")
    terms = group_top_terms(model, corpus, labels, order, rise_topic, n=5)
    assert all(w.startswith("up") for rows in terms.values() for w, _ in rows)
    assert sum(c for _, c in terms["2024"]) > 2 * sum(c for _, c in terms["2019"])  # the topic says more later
    years = [str(y) if y in (2019, 2024) else None for y in (int(lb) for lb in labels)]
    diff = group_difference(model, years, "2024", "2019", n_boot=300)
    assert diff.topics[0] in (0, 1) and abs(diff.difference[0]) > 0.4
    assert diff.low[0] <= diff.difference[0] <= diff.high[0]
    kinds = metadata_values(corpus, "kind")
    same = group_difference(model, kinds, "A", "B", n_boot=300)
    assert np.all(same.low <= 0.05) and np.all(same.high >= -0.05)  # A and B are drawn alike: no clear difference
    with pytest.raises(InputError):
        group_difference(model, kinds, "A", "A")
