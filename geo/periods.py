"""Reporting periods (years, quarters, months, date ranges) parsed from the many ways people write them.

Figures files are typed by hand or exported from spreadsheets in English and French, so one
quarter arrives as ``2024Q4``, ``Q4 2024`` or ``T4 2024``. Everything is turned into one
:class:`Period` with a canonical label, so that the same period is the same value everywhere.

Canonical labels: ``2024`` (year), ``2024Q4`` (quarter), ``2024-07`` (month) and
``2024-01-01/2024-10-16`` (interval, always full ISO dates, even when written with months).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

KINDS = ("year", "quarter", "month", "interval")

# Years outside this range are almost certainly typing mistakes in a migration figures file.
MIN_YEAR, MAX_YEAR = 1900, 2100

_EXAMPLES = "write e.g. 2024Q4, Q4 2024 or 2024"

_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july",
              "august", "september", "october", "november", "december")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
              "août", "septembre", "octobre", "novembre", "décembre")
# English names and abbreviations, French names with and without accents: "sept" is September.
_MONTH_NAMES = {name: i for i, (en, fr) in enumerate(zip(_MONTHS_EN, _MONTHS_FR, strict=True), start=1)
                for name in (en, en[:3], fr, fr.replace("é", "e").replace("û", "u"))} | {"sept": 9}

_SEP = r"[\s\-_/]*"
_QUARTER_YEAR_FIRST = re.compile(rf"([0-9]{{4}}){_SEP}[QT]([0-9]+)", re.I)
_QUARTER_YEAR_LAST = re.compile(rf"[QT]([0-9]+){_SEP}([0-9]{{4}})", re.I)
_QUARTER_SHORT_YEAR = re.compile(rf"[QT][0-9]+{_SEP}[0-9]{{2}}|[0-9]{{2}}{_SEP}[QT][0-9]+", re.I)
_YEAR = re.compile(r"[0-9]{4}")
_MONTH_YEAR_FIRST = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})")
_MONTH_YEAR_LAST = re.compile(r"([0-9]{1,2})[-/]([0-9]{4})")
_MONTH_NAME = re.compile(r"([^\W\d_]+)[.,]?\s*([0-9]{4})")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_INTERVAL_SEP = re.compile(r"\s*(?:/|--)\s*|\s+-\s+")  # ISO "/" or "--"; a spaced dash


@dataclass(frozen=True)
class Period:
    """A reporting period: a calendar year, quarter or month, or an explicit date interval.

    ``start`` and ``end`` are inclusive. Periods sort chronologically, by end then start, so
    of two periods ending on the same day the longer comes first (2024 just before 2024Q4).
    """

    label: str
    start: date
    end: date
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.start > self.end:
            raise ValueError(f"period {self.label!r} starts after it ends")

    # -- constructors: the only places that know how a canonical label is spelled ----------------
    @classmethod
    def year(cls, year: int, *, text: str | None = None) -> Period:
        """The calendar year ``year``; ``text`` is what the user wrote, for error messages."""
        _check_year(year, text or str(year))
        return cls(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int, *, text: str | None = None) -> Period:
        """Calendar quarter ``quarter`` (1-4) of ``year``."""
        text = text or f"{year}Q{quarter}"
        _check_year(year, text)
        if not 1 <= quarter <= 4:
            raise ValueError(f"'{text}' is not a period: quarters run Q1–Q4; {_EXAMPLES}")
        first = 3 * quarter - 2
        return cls(f"{year:04d}Q{quarter}", date(year, first, 1),
                   date(year, first + 2, calendar.monthrange(year, first + 2)[1]), "quarter")

    @classmethod
    def month(cls, year: int, month: int, *, text: str | None = None) -> Period:
        """Calendar month ``month`` (1-12) of ``year``."""
        text = text or f"{year}-{month:02d}"
        _check_year(year, text)
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' is not a period: months run 01–12; "
                             "write e.g. 2024-07 or July 2024")
        return cls(f"{year:04d}-{month:02d}", date(year, month, 1),
                   date(year, month, calendar.monthrange(year, month)[1]), "month")

    @classmethod
    def interval(cls, start: date, end: date, *, text: str | None = None) -> Period:
        """The inclusive date range ``start``..``end``."""
        label = f"{start.isoformat()}/{end.isoformat()}"
        text = text or label
        if start > end:
            raise ValueError(f"'{text}' is not a period: it starts after it ends")
        _check_year(start.year, text)
        _check_year(end.year, text)
        return cls(label, start, end, "interval")

    # -- presentation and ordering ------------------------------------------------------------
    def __str__(self) -> str:
        return self.label

    def display(self) -> str:
        """A label for people: ``Q4 2024``, ``2024``, ``July 2024``, ``1 Jan – 16 Oct 2024``."""
        if self.kind == "year":
            return f"{self.start.year}"
        if self.kind == "quarter":
            return f"Q{(self.start.month + 2) // 3} {self.start.year}"
        if self.kind == "month":
            return f"{_MONTHS_EN[self.start.month - 1].capitalize()} {self.start.year}"
        s, e = self.start, self.end
        if s == e:
            return _day(e, year=True)
        return f"{_day(s, year=s.year != e.year)} – {_day(e, year=True)}"

    def _key(self) -> tuple:
        return (self.end, self.start, KINDS.index(self.kind), self.label)

    def __lt__(self, other: Period) -> bool:
        return self._key() < other._key() if isinstance(other, Period) else NotImplemented

    def __le__(self, other: Period) -> bool:
        return self._key() <= other._key() if isinstance(other, Period) else NotImplemented

    def __gt__(self, other: Period) -> bool:
        return self._key() > other._key() if isinstance(other, Period) else NotImplemented

    def __ge__(self, other: Period) -> bool:
        return self._key() >= other._key() if isinstance(other, Period) else NotImplemented


def _day(d: date, *, year: bool) -> str:
    return f"{d.day} {_MONTHS_EN[d.month - 1][:3].capitalize()}" + (f" {d.year}" if year else "")


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"'{text}' is not a period: year {year} is outside {MIN_YEAR}–{MAX_YEAR}")


def _calendar_date(y: str, m: str, d: str, text: str) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise ValueError(f"'{text}' is not a period: {y}-{m}-{d} is not a calendar date") from None


def _interval_end(side: str, text: str, *, first: bool) -> date | None:
    """One side of an interval (a date or a month), or None if it is neither."""
    if m := _DATE.fullmatch(side):
        return _calendar_date(*m.groups(), text)
    if m := _ISO_MONTH.fullmatch(side):
        month = Period.month(int(m[1]), int(m[2]), text=text)
        return month.start if first else month.end
    return None


def parse_period(text: str | Period) -> Period:
    """Parse a period as people write it, or raise ValueError saying why it isn't one.

    Accepted (case-insensitive, any spaces): ``2024``; ``2024Q4``, ``2024-Q4``, ``2024 Q4``,
    ``Q4 2024``, ``Q4-2024`` and the French ``T4 2024``/``2024T4``; ``2024-07``, ``2024/07``,
    ``07/2024``, ``July 2024``, ``Jul 2024``, ``juillet 2024``; intervals of ISO dates or
    months separated by ``/`` or ``--``: ``2024-01-01/2024-10-16``, ``2024-08/2024-12``.
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str):
        raise TypeError(f"a period is text, not {type(text).__name__}")
    t = " ".join(text.split())  # also folds no-break and other Unicode spaces
    text = t if len(t) <= 60 else t[:57] + "..."  # as shown in messages: one short line
    for dash in "‐‑‒–—−":
        t = t.replace(dash, "-")
    if not t:
        raise ValueError(f"an empty text is not a period; {_EXAMPLES}")

    if _YEAR.fullmatch(t):
        return Period.year(int(t), text=text)
    if m := _QUARTER_YEAR_FIRST.fullmatch(t):
        return Period.quarter(int(m[1]), int(m[2]), text=text)
    if m := _QUARTER_YEAR_LAST.fullmatch(t):
        return Period.quarter(int(m[2]), int(m[1]), text=text)
    if _QUARTER_SHORT_YEAR.fullmatch(t):
        raise ValueError(f"'{text}' is not a period: write the year with four digits, "
                         "e.g. Q4 2024 or 2024Q4")
    if _DATE.fullmatch(t):
        raise ValueError(f"'{text}' is a date, not a period: write 2024-07 for a month "
                         "or 2024-01-01/2024-07-15 for a date range")
    if m := _MONTH_YEAR_FIRST.fullmatch(t):
        return Period.month(int(m[1]), int(m[2]), text=text)
    if m := _MONTH_YEAR_LAST.fullmatch(t):
        return Period.month(int(m[2]), int(m[1]), text=text)
    if (m := _MONTH_NAME.fullmatch(t)) and m[1].lower() in _MONTH_NAMES:
        return Period.month(int(m[2]), _MONTH_NAMES[m[1].lower()], text=text)

    sides = _INTERVAL_SEP.split(t)
    if len(sides) == 2:
        start = _interval_end(sides[0], text, first=True)
        end = _interval_end(sides[1], text, first=False)
        if start is not None and end is not None:
            return Period.interval(start, end, text=text)
        raise ValueError(f"'{text}' is not a period: write a date range as two ISO dates or "
                         "months, e.g. 2024-01-01/2024-10-16 or 2024-08/2024-12")
    raise ValueError(f"'{text}' is not a period; write e.g. 2024Q4, Q4 2024, 2024, 2024-07 "
                     "or 2024-01-01/2024-10-16")


def part_problem(whole: str | Period, part: str | Period) -> str | None:
    """Why ``part`` is not a part of ``whole`` (None when it is: inside it and shorter), for a label
    that prints a quarter's figure under the year's ("of which Q4 2024: 16,166")."""
    w, p = parse_period(whole), parse_period(part)
    if p.start < w.start or p.end > w.end or (p.start, p.end) == (w.start, w.end):
        return f"{p.label} is not a part of {w.label}"
    return None


def future_periods(path: Path, frame, today: date) -> list[str]:
    """One warning per period that starts after ``today``.

    Figures cannot exist yet, so the year is most likely mistyped (2042Q4 for 2024Q4). Kept, not
    refused: a template for the coming quarter is legitimate, and the map never opens on such a
    period (see ``default_period``).
    """
    out = []
    for label, rows in frame.groupby("period", sort=False)["row"]:
        period = parse_period(label)
        if period.start > today:
            more = f" (and {len(rows) - 1} more row{'s' if len(rows) > 2 else ''})" if len(rows) > 1 else ""
            out.append(f"{path.name}, row {rows.iloc[0]}{more}: period {label} is in the future (it starts "
                       f"{period.start.isoformat()}, after today {today.isoformat()}); is the year mistyped?")
    return out
