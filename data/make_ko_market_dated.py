"""Write ``ko-market-dated.csv``: the 180 Korean market listings of ``ko-market-listings.csv`` with a posting date.

The dates are planted (seeded), so the Time & groups tab has something to find: furniture listings grow from 5% of
a month's listings in early 2023 to about 30% by late 2024 (people moving), clothes (winter coats) come in the
colder months, the rest spread evenly. Dates are written in the forms Korean spreadsheets use (ISO, 2024.03.05,
2024/3/5, 2024년 3월 5일), and three are not dates at all ("어제", "지난주", empty), which the tab reports.

Run: ``python data/make_ko_market_dated.py`` (the output is committed; the sample never changes by itself).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
MONTHS = [date(2023 + m // 12, m % 12 + 1, 1) for m in range(24)]


def _weights(category: str) -> np.ndarray:
    t = np.arange(24) / 23
    if category == "furniture":
        w = 0.15 + 1.7 * t  # rising
    elif category == "clothes":
        w = np.array([2.0 if d.month in (11, 12, 1, 2) else 0.5 for d in MONTHS])  # winter
    else:
        w = np.ones(24)
    return w / w.sum()


def _write(d: date, form: int) -> str:
    return (
        f"{d:%Y-%m-%d}",
        f"{d:%Y.%m.%d}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}년 {d.month}월 {d.day}일",
    )[form]


def main() -> None:
    rng = np.random.default_rng(20240305)
    with open(HERE / "ko-market-listings.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for i, row in enumerate(rows):
        month = MONTHS[int(rng.choice(24, p=_weights(row["category"])))]
        day = date(month.year, month.month, int(rng.integers(1, 29)))
        form = int(rng.choice(4, p=[0.55, 0.2, 0.1, 0.15]))
        written = _write(day, form)
        if i in (17, 88, 141):
            written = ("어제", "지난주", "")[(17, 88, 141).index(i)]
        out.append({"id": row["id"], "date": written, "category": row["category"], "title": row["title"],
                    "text": row["text"]})  # fmt: skip
    out.sort(key=lambda r: int(r["id"]))
    with open(HERE / "ko-market-dated.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "date", "category", "title", "text"])
        writer.writeheader()
        writer.writerows(out)


if __name__ == "__main__":
    main()
