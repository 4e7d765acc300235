"""Dates written the ways Korean and English spreadsheets write them: ``2024-03-05``, ``2024.03.05``, ``2024/3/5``,
``2024년 3월 5일``, ``2024-03``, ``2024년 3월``, ``2024``; a time after the date (``2024-03-05 14:20``) is ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["ParsedDate", "parse_date"]

_NUMERIC = re.compile(
    r"^\s*(\d{4})(?:\s*[-./]\s*(\d{1,2})(?:\s*[-./]\s*(\d{1,2}))?)?\.?"  # 2024, 2024-03, 2024.3.5.
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"  # a time of day after it
)
_KOREAN = re.compile(r"^\s*(\d{4})\s*년(?:\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)?\s*$")
MIN_YEAR, MAX_YEAR = 1000, 2999


@dataclass(frozen=True)
class ParsedDate:
    """A date and how precisely it was written.

    Attributes
    ----------
    value : datetime.date
        The date (the 1st of the month, or 1 January, when the day or month is missing).
    precision : {"day", "month", "year"}
    """

    value: date
    precision: str


def parse_date(text: str) -> ParsedDate | None:
    """The date in ``text``, or None when it is not one of the accepted forms or not a real date (2024-02-30)."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    match = _NUMERIC.match(text) or _KOREAN.match(text)
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    precision = "day" if day is not None else "month" if month is not None else "year"
    try:
        return ParsedDate(date(year, month or 1, day or 1), precision)
    except ValueError:
        return None
