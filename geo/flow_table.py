"""Read a tidy figures file (CSV or .xlsx: one figure per row) into a :class:`FlowTable`.

Figures files are typed or exported by people, in several locales, so reading is lenient about
spelling (headers, periods, metric names, number formats, encodings) and strict about meaning:
anything that would draw a wrong map is rejected with a :class:`DataError` naming the file and
the row a user sees in a spreadsheet (the header is row 1). An empty value means "no data"
(NaN), never zero.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from geo.csv_text import decode as _decode
from geo.csv_text import fail as _fail
from geo.errors import DataError, split_choice
from geo.figure_values import MAX_VALUE, forbidden_character, parse_stated_change, parse_value, quote_cell  # noqa: F401  (parse_value: public here too)
from geo.periods import Period, future_periods, parse_period
from geo.qualifiers import parse_qualifier
from geo.xlsx_table import MAX_XLSX_UNPACKED_BYTES, read_xlsx_rows  # noqa: F401  (the limit: public here too)

REQUIRED = ("route_id", "period", "metric", "value")
OPTIONAL = ("qualifier", "date_from", "date_to", "source", "source_ref", "note", "origin", "destination",
            "place_id", "country", "stated_change")
# An origin-destination file names both ends instead of a route: route_id becomes "origin→destination".
OD_COLUMNS = ("origin", "destination")
FRAME_COLUMNS = (*REQUIRED, "qualifier", "source", "source_ref", "note", "date_from", "date_to", "stated_change", "row")
PLACE_KEYS = ("place_id", "country")
"""A figure counted at a place (a place id of the places layer: ``dirkou``) or in a country (its ISO 3166
alpha-3 code: ``LBY``) names one of these instead of a route: people stranded in a town, migrants
present in a country, returns from it (geo.place_figures)."""
PLACE_FRAME_COLUMNS = (*PLACE_KEYS, *FRAME_COLUMNS[1:])
_ISO3 = re.compile(r"[A-Za-z]{3}")


# A figures file is a table of hand-checked figures: the shipped one has 43 rows. Files above these
# limits are the wrong file (a database dump, a raster renamed .csv), refused before they are read.
MAX_FILE_BYTES = 50_000_000
MAX_ROWS = 500_000

# A few obvious header spellings; keys are headers lowercased with spaces and dashes as "_".
HEADER_ALIASES = {
    "route": "route_id", "routeid": "route_id",
    "quarter": "period", "time_period": "period",
    "indicator": "metric",
    "figure": "value", "count": "value",
    "from": "date_from", "start_date": "date_from", "from_date": "date_from",
    "to": "date_to", "end_date": "date_to", "to_date": "date_to",
    "reference": "source_ref",
    "qualifiers": "qualifier", "precision": "qualifier", "approximation": "qualifier",
    "notes": "note", "comment": "note", "comments": "note",
    "dest": "destination", "destination_country": "destination", "origin_country": "origin",
    "place": "place_id", "placeid": "place_id",
    "iso3": "country", "iso_a3": "country", "country_code": "country", "iso": "country",
}

# Metric slugs that name the same measure. Keep small: each entry is a spelling seen in reports.
METRIC_ALIASES = {
    "dead_and_missing": "dead_missing", "dead_or_missing": "dead_missing",
    "dead_and_or_missing": "dead_missing", "deaths_and_disappearances": "dead_missing",
    "arrival": "arrivals", "interception": "interceptions",
    "expulsion": "expulsions", "rescue": "rescues",
}


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


_TABLE_TOKENS = itertools.count(1)


@dataclass
class FlowTable:
    """The figures of one file: a tidy frame plus what the reader noticed on the way.

    ``frame`` has the columns route_id, period (canonical label), metric (slug), value (float,
    NaN = no data), qualifier (geo.qualifiers; "" = exact), source, source_ref, note, date_from,
    date_to (ISO or "") and row (the spreadsheet row the figure came from). Lists offered to the user come from it, never from
    hard-coded vocabularies.
    """

    frame: pd.DataFrame
    path: Path | None
    """The file read; None for figures edited or merged in the window (written with the project)."""
    warnings: list[str] = field(default_factory=list)
    today: date | None = None
    """The date periods are compared with (None: the day it is asked); set by tests."""
    sheet: str | None = None
    """The worksheet read, when the workbook holds several (saved with the project)."""
    place_figures: pd.DataFrame | None = None
    """The figures counted at a place or in a country (columns ``PLACE_FRAME_COLUMNS``), kept apart
    from ``frame``: they are no route's, and every route selection, join and scale reads ``frame``."""
    token: int = field(default_factory=lambda: next(_TABLE_TOKENS), init=False, compare=False, repr=False)
    """Names this table in the document's caches (joins are kept per selection and table). A table
    is never changed in place: new figures are a new table, with a new token."""

    def places(self) -> pd.DataFrame:
        """The place and country figures (an empty frame when the file has none)."""
        if self.place_figures is None:
            return pd.DataFrame(columns=list(PLACE_FRAME_COLUMNS))
        return self.place_figures

    def periods(self) -> list[Period]:
        """The distinct periods, oldest first."""
        return sorted({parse_period(label) for label in self.frame["period"].unique()})

    def metrics(self, period: str | Period | None = None) -> list[str]:
        """The metrics (in file order) that have rows, in ``period`` if given."""
        rows = self.frame if period is None else self._in_period(period)
        return list(rows["metric"].unique())

    def sources(self, period: str | Period | None = None, metric: str | None = None) -> list[str]:
        """The non-empty sources (in file order) of the rows matching ``period`` and ``metric``."""
        rows = self.frame if period is None else self._in_period(period)
        if metric is not None:
            rows = rows[rows["metric"] == normalise_metric(metric)]
        return [s for s in rows["source"].unique() if s]

    def default_period(self) -> Period:
        """The period to show first: the latest quarter, or the latest period if none is a quarter.

        Periods that start after today (almost always a typo in the year) are passed over while
        the file has any other period.
        """
        today = self.today or date.today()
        periods = [p for p in self.periods() if p.start <= today] or self.periods()
        return ([p for p in periods if p.kind == "quarter"] or periods)[-1]

    def select(self, period: str | Period, metric: str, source: str | None = None) -> pd.DataFrame:
        """The rows for ``period`` (any accepted spelling) and ``metric``, and ``source`` if given."""
        rows = self._in_period(period)
        rows = rows[rows["metric"] == normalise_metric(metric)]
        if source is not None:
            rows = rows[rows["source"] == source.strip()]
        return rows.reset_index(drop=True)

    def _in_period(self, period: str | Period) -> pd.DataFrame:
        return self.frame[self.frame["period"] == parse_period(period).label]


def normalise_metric(name: str) -> str:
    """The metric's slug ("Dead and missing" -> "dead_missing"), so spellings compare equal."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", "_", s.lower().replace("&", " and ")).strip("_")
    return METRIC_ALIASES.get(s, s)


def read_flow_table(path: str | Path, *, today: date | None = None, sheet: str | None = None) -> FlowTable:
    """Read and check a figures file; raise one DataError listing every problem found.

    The error's message names the first problem (with "(+N more problems)"); its ``problems``
    attribute holds all of them, one complete line each. A period that starts after ``today``
    (default: the real today) is kept but warned about, once per period, in ``warnings``.
    ``sheet`` (or ``book.xlsx#sheet``) names the worksheet of a workbook that holds several.
    """
    path, chosen = split_choice(path)
    sheet = sheet or chosen
    warnings: list[str] = []
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _fail(path, None, "old Excel .xls workbooks are not supported: save it as .xlsx or CSV")
    if suffix in (".xlsx", ".xlsm"):
        rows, delimiter = _read_xlsx(path, sheet), None
    else:
        rows, delimiter = _read_csv(path, warnings)

    header_index = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if header_index is None:
        raise _fail(path, None, "the file is empty: expected a header row with route_id, "
                                "period, metric, value")
    header = rows[header_index]
    columns = _map_header(path, header, header_index + 1, delimiter, warnings)

    records, problems = check_rows(rows[header_index + 1:], columns, header, header_index + 2, delimiter)
    if problems:
        raise rows_error(path, problems)
    if not records:
        raise _fail(path, f"row {header_index + 1}", "there are no figures below the header")
    routes, places = split_records(records)
    if not routes:
        raise _fail(path, f"row {header_index + 1}", "every figure is counted at a place or in a country: a map "
                                                     "needs figures on routes too (a route_id on some rows)")
    frame = records_frame(routes)
    warnings += future_periods(path, frame, today or date.today())
    return FlowTable(frame=frame, path=path, warnings=warnings, today=today, sheet=sheet,
                     place_figures=places_frame(places))


def split_records(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """Checked records as (figures on routes, figures at places or in countries)."""
    at_place = [bool(r.get("place_id") or r.get("country")) for r in records]
    return ([r for r, p in zip(records, at_place, strict=True) if not p],
            [r for r, p in zip(records, at_place, strict=True) if p])


def places_frame(records: list[dict]) -> pd.DataFrame | None:
    """The place and country figures' frame from checked records; None when there are none."""
    if not records:
        return None
    frame = pd.DataFrame(records, columns=list(PLACE_FRAME_COLUMNS))
    frame["value"] = frame["value"].astype("float64")
    frame["row"] = frame["row"].astype("int64")
    return frame


def records_frame(records: list[dict]) -> pd.DataFrame:
    """The table's frame from checked records (origin and destination kept when every row has them)."""
    od = [c for c in OD_COLUMNS if all(c in r for r in records)]
    frame = pd.DataFrame(records, columns=[*FRAME_COLUMNS, *od])
    frame["value"] = frame["value"].astype("float64")
    frame["row"] = frame["row"].astype("int64")
    return frame


def check_rows(rows: list[list[str]], columns: dict[str, int], header: list[str], first_row: int,
               delimiter: str | None = None) -> tuple[list[dict], list[tuple[int, str]]]:
    """Every row checked (the file reader's and the figures editor's one set of rules): the clean
    records (each with its ``row`` number, ``first_row`` for the first) and the problems as
    (row, what). Blank rows are skipped; ``delimiter`` is the CSV's (None: a workbook or typed rows)."""
    problems: list[tuple[int, str]] = []
    records: list[dict] = []
    seen: dict[tuple, int] = {}
    for n, cells in enumerate(rows, start=first_row):
        if not any(c.strip() for c in cells):
            continue
        if any(c.strip() for c in cells[len(header):]):  # a shifted row: its cells mean nothing
            problems.append((n, _extra_cells_message(len(cells), len(header), delimiter)))
            continue
        swallowed = _swallowed_row(cells, header, delimiter)
        if swallowed:
            problems.append((n, swallowed))
            continue
        record, row_problems = _check_row(cells, columns, decimal_comma=delimiter == ";")
        problems += [(n, p) for p in row_problems]
        if row_problems:
            continue
        key = figure_key(record)
        if key in seen:
            what = "place_id" if record.get("place_id") else "country" if record.get("country") else "route_id"
            problems.append((n, f"duplicates row {seen[key]}: same {what}, period, metric, "
                                "source, date_from and date_to"))
            continue
        seen[key] = n
        records.append({**record, "row": n})
    return records, problems


def figure_key(record) -> tuple:
    """What names one figure: two rows with the same key are duplicates (the source's case aside)."""
    return (record["route_id"], record.get("place_id", ""), record.get("country", ""), record["period"],
            record["metric"], record["source"].casefold(), record["date_from"], record["date_to"])


def rows_error(path: Path | str | None, problems: list[tuple[int, str]]) -> DataError:
    """One DataError naming the first problem ("(+N more problems)"); ``problems`` holds every line."""
    lines = [str(DataError(path, f"row {n}", what)) for n, what in problems]
    more = len(problems) - 1
    suffix_text = f" (+{more} more problem{'s' if more > 1 else ''})" if more else ""
    err = DataError(path, f"row {problems[0][0]}", problems[0][1] + suffix_text)
    err.problems = lines
    err.rows = [n for n, _ in problems]
    return err


# -- reading ---------------------------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    _check_size(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, None, "file not found") from None
    except IsADirectoryError:
        raise _fail(path, None, "is a folder, not a figures file") from None
    except OSError as e:
        raise _fail(path, None, f"cannot be read: {e.strerror or e}") from None


def _check_size(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _fail(path, None, "file not found") from None
    except OSError as e:
        raise _fail(path, None, f"cannot be read: {e.strerror or e}") from None
    size = info.st_size
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        # a named pipe or a device would block the reader forever, or never end
        raise _fail(path, None, "is not a regular file (a pipe, socket or device): save the figures to a file")
    if size > MAX_FILE_BYTES:
        raise _fail(path, None, f"the file is {size / 1e6:,.0f} MB, over the {MAX_FILE_BYTES // 1_000_000} MB "
                                "a figures file may have: is it the right file?")


def _read_csv(path: Path, warnings: list[str]) -> tuple[list[list[str]], str]:
    """The CSV's records and its delimiter, detected from the header line."""
    text = _decode(path, _read_bytes(path), warnings)
    header_line = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise _fail(path, None, f"has more than {MAX_ROWS:,} rows, more than a figures file may have")
    except csv.Error as e:  # e.g. a field longer than the csv module's limit
        raise _fail(path, f"row {len(rows) + 1}", f"is not a readable CSV row ({e})") from None
    return rows, delimiter


def _read_xlsx(path: Path, sheet_name: str | None = None) -> list[list[str]]:
    _read_bytes(path)  # same messages as CSV for a missing, unreadable or oversized file
    return read_xlsx_rows(path, sheet_name, MAX_ROWS)


def _map_header(path: Path, header: list[str], row: int, delimiter: str | None,
                warnings: list[str]) -> dict[str, int]:
    """Column name -> index, or a DataError naming what is missing and what was found."""
    found = [h.strip() for h in header if h.strip()]
    if len(found) <= 1 and delimiter is not None:
        seen = next((name for ch, name in (("\t", "tabs"), ("|", "'|'"), (":", "':'"))
                     if ch in "".join(found)), None)
        hint = f"; this file seems to use {seen}" if seen else ""
        raise _fail(path, f"row {row}", f"found a single column {quote_cell(found[0] if found else '')}:"
                    f" columns must be separated by commas or semicolons{hint}")
    columns: dict[str, int] = {}
    ignored = []
    for i, name in enumerate(header):
        canon = header_column(name)
        if not name.strip():
            continue
        if canon is None:
            ignored.append(quote_cell(name))
        elif canon in columns:
            raise _fail(path, f"row {row}", f"columns {quote_cell(header[columns[canon]])} and "
                                            f"{quote_cell(name)} both mean {canon}")
        else:
            columns[canon] = i
    od = all(c in columns for c in OD_COLUMNS)
    keyed = od or any(c in columns for c in PLACE_KEYS)  # each row names its route, place or country
    missing = [c for c in REQUIRED if c not in columns and not (c == "route_id" and keyed)]
    if missing:
        raise _fail(path, f"row {row}", f"missing required column{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(missing)}; found columns: {', '.join(map(quote_cell, found))}")
    if ignored:
        warnings.append(f"{path.name}: ignored column{'s' if len(ignored) > 1 else ''} "
                        f"{', '.join(ignored)}")
    return columns


def header_column(name: str) -> str | None:
    """The column a header cell names ("Quarter" -> "period"), or None for a column not read."""
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    return key if key in REQUIRED or key in OPTIONAL else HEADER_ALIASES.get(key)


def _swallowed_row(cells: list[str], header: list[str], delimiter: str | None) -> str | None:
    """A quote opened and never closed makes one cell run over the line break into the next row, which
    then silently vanishes from the map: a cell whose text after a line break holds a row's worth of
    delimiters is that, named by its column."""
    if delimiter is None or len(header) < 3:
        return None
    for name, cell in zip(header, cells, strict=False):
        rest = cell.partition("\n")[2]
        if rest and rest.count(delimiter) >= len(header) - 2:
            return (f"the {name.strip() or 'unnamed'} cell runs over a line break into what looks like the next "
                    "row: a quote (\") is opened and not closed; close it, or the next row is lost")
    return None


def _extra_cells_message(cells: int, columns: int, delimiter: str | None) -> str:
    hint = ("; is there a comma inside a value? Quote it (\"41,484\") or write 41484"
            if delimiter == "," else "")
    return f"has {cells} cells but the header has {columns} columns{hint}"


# -- checking one row ------------------------------------------------------------------------------
def _check_row(cells: list[str], columns: dict[str, int],
               decimal_comma: bool) -> tuple[dict, list[str]]:
    """The row as clean values, and what is wrong with it (empty if nothing)."""
    def cell(name: str) -> str:
        i = columns.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    problems = []
    record = {name: cell(name) for name in ("route_id", "source", "source_ref", "note")}
    for name in ("route_id", "source", "source_ref", "note", "origin", "destination"):
        bad = forbidden_character(cell(name))
        if bad:
            problems.append(f"{name} holds the control character {bad}, which no map text may carry; "
                            "retype the cell")
    if all(c in columns for c in OD_COLUMNS):
        record["origin"], record["destination"] = cell("origin"), cell("destination")
        for name in OD_COLUMNS:
            if not record[name]:
                problems.append(f"{name} is empty")
        if not record["route_id"]:
            record["route_id"] = f"{record['origin']}→{record['destination']}"
    problems += _place_key(record, cell("place_id"), cell("country"), any(c in columns for c in PLACE_KEYS))

    period = None
    if not cell("period"):
        problems.append("period is empty")
    else:
        try:
            period = parse_period(cell("period"))
            record["period"] = period.label
        except ValueError as e:
            problems.append(str(e))

    record["metric"] = normalise_metric(cell("metric"))
    if not cell("metric"):
        problems.append("metric is empty")
    elif not record["metric"]:
        problems.append(f"metric {quote_cell(cell('metric'))} has no letters or digits")

    try:
        record["value"] = parse_value(cell("value"), decimal_comma=decimal_comma)
    except ValueError as e:
        problems.append(str(e))
    try:
        record["qualifier"] = parse_qualifier(cell("qualifier"))
    except ValueError as e:
        problems.append(str(e))
    try:
        record["stated_change"] = parse_stated_change(cell("stated_change"))
    except ValueError as e:
        problems.append(str(e))

    dates = {}
    for name in ("date_from", "date_to"):
        record[name] = cell(name)
        try:
            dates[name] = _parse_date(name, cell(name))
        except ValueError as e:
            problems.append(str(e))
    start, end = dates.get("date_from"), dates.get("date_to")
    if start and end and start > end:
        problems.append(f"date_from {start} is after date_to {end}")
    elif period and ((end and end < period.start) or (start and start > period.end)):
        problems.append(f"dates {start or '…'} to {end or '…'} lie outside period {period.label}")
    return record, problems


def _place_key(record: dict, place_id: str, country: str, place_columns: bool) -> list[str]:
    """Set the record's place_id and country (when given); what is wrong with the row's key: it names
    exactly one of a route, a place and a country."""
    named = [(k, v) for k, v in (("route_id", record["route_id"]), ("place_id", place_id), ("country", country)) if v]
    if not named:
        return ["names no route_id, place_id or country: say where the figure is counted"] if place_columns else \
               ["route_id is empty"]
    if len(named) > 1:
        both = " and ".join(f"{k} {quote_cell(v)}" for k, v in named)
        return [f"names {both}: a figure is counted on one route, at one place or in one country"]
    problems = []
    for name, text in (("place_id", place_id), ("country", country)):
        bad = forbidden_character(text)
        if bad:
            problems.append(f"{name} holds the control character {bad}; retype the cell")
    if country and not _ISO3.fullmatch(country):
        problems.append(f"country {quote_cell(country)} is not an ISO 3166 alpha-3 code (LBY for Libya, TUN for "
                        "Tunisia)")
    if place_id or country:
        record["place_id"], record["country"] = place_id, country.upper()
    return problems


def _parse_date(name: str, text: str) -> date | None:
    if not text:
        return None
    if not (m := _ISO_DATE.fullmatch(text)):
        raise ValueError(f"{name} {quote_cell(text)} is not a date: write it as YYYY-MM-DD, "
                         "e.g. 2024-09-29")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueError(f"{name} {quote_cell(text)} is not a calendar date") from None
