"""Figures from an Excel workbook: one worksheet's rows as text cells, as a CSV would give them.

Kept apart from the CSV reader (``geo.flow_table``) because a workbook can lie in ways a CSV
cannot: merged cells that read as empty, formulas without a saved result, hidden sheets of old
figures, and a few megabytes that unpack to gigabytes. Each is refused by name.
"""

from __future__ import annotations

import math
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from geo.csv_text import fail as _fail
from geo.errors import ChoiceNeeded, DataError
from geo.figure_values import quote_cell

# A workbook is a zip whose XML may be a hundred times its size; a 4 MB file once unpacked to 1.5 GB.
# The limit is far above any figures workbook (a figures CSV may have 50 MB).
MAX_XLSX_UNPACKED_BYTES = 250_000_000


def read_xlsx_rows(path: Path, sheet_name: str | None, max_rows: int) -> list[list[str]]:
    """One worksheet's rows as text cells (numbers and dates written the CSV way).

    A workbook with one worksheet is read; with several, ``sheet_name`` must name one (a hidden
    sheet of last quarter's figures once stood first and was read instead of the visible one).
    Refused: merged cells (only the first cell of a merged range holds the value, so the others
    would silently read as empty), formulas without a saved result (they would read as "no
    data") and workbooks that unpack to more than ``MAX_XLSX_UNPACKED_BYTES`` (a "zip bomb").
    """
    _check_unpacked_size(path)
    from openpyxl import load_workbook  # only needed for workbooks: keep it off start-up

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
        try:
            if not book.worksheets:
                raise _fail(path, None, "the workbook has no worksheet")
            index = _sheet_index(path, book, sheet_name)
            sheet, raw = book.worksheets[index], formulas.worksheets[index]
            merged = _merged_ranges(path, getattr(sheet, "_worksheet_path", None))
            if merged:
                raise _merged_error(path, merged[0])
            rows = []
            for n, (values, cells) in enumerate(zip(sheet.iter_rows(values_only=True),
                                                    raw.iter_rows(values_only=True), strict=False), start=1):
                if n > max_rows:
                    raise _fail(path, None, f"has more than {max_rows:,} rows, more than a figures file may have")
                for col, (v, f) in enumerate(zip(values, cells, strict=False), start=1):
                    if v is None and isinstance(f, str) and f.startswith("="):
                        raise _fail(path, f"row {n}", f"cell {_column_letter(col)}{n} holds the formula "
                                    f"{quote_cell(f)} with no saved result; open and save the workbook in Excel or "
                                    "LibreOffice, or paste the values")
                rows.append([_cell_text(v) for v in values])
            return rows
        finally:
            book.close()
            formulas.close()
    except DataError:
        raise
    except Exception as e:  # openpyxl raises many types for a broken or foreign file
        reason = (str(e).splitlines() or [type(e).__name__])[0][:80]
        raise _fail(path, None, f"is not a readable Excel .xlsx workbook ({reason})") from None


def _sheet_index(path: Path, book, name: str | None) -> int:
    names = [ws.title for ws in book.worksheets]
    if name is not None:
        if name not in names:
            raise _fail(path, None, f"has no sheet {quote_cell(name)}; its sheets: {', '.join(map(quote_cell, names))}")
        return names.index(name)
    if len(names) == 1:
        return 0
    listed = ", ".join(quote_cell(ws.title) + (" (hidden)" if ws.sheet_state != "visible" else "")
                       for ws in book.worksheets)
    raise ChoiceNeeded(path, "sheet", names, f"holds {len(names)} sheets ({listed}): name the one to read after "
                                             f"a '#', as {path.name}#<sheet>")


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than the limit, before unpacking any."""
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: openpyxl's own message names the problem
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise _fail(path, None, f"unpacks to {unpacked / 1e6:,.0f} MB, over the {MAX_XLSX_UNPACKED_BYTES // 1_000_000} MB "
                                "a figures workbook may hold; save the figures as CSV, or split the workbook")


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')


def _merged_ranges(path: Path, member: str | None) -> list[str]:
    """The merged ranges of a worksheet (e.g. ``["B1:C1"]``), read from its XML without loading it."""
    if not member:
        return []
    found: list[str] = []
    tail = b""
    with zipfile.ZipFile(path) as z, z.open(member.lstrip("/")) as f:
        while chunk := f.read(1 << 20):
            data = tail + chunk
            found += [m.decode() for m in _MERGE_CELL.findall(data)]
            if found:
                break
            tail = data[-200:]
    def position(ref: str) -> tuple[int, int, str]:
        m = re.match(r"([A-Z]+)([0-9]+)", ref)
        return int(m[2]), len(m[1]), m[1]

    return sorted(dict.fromkeys(found), key=position)


def _merged_error(path: Path, ref: str) -> DataError:
    first = ref.partition(":")[0]
    row = int(re.sub(r"[A-Z]", "", first))
    return _fail(path, f"row {row}", f"cells {ref} are merged; only {first} holds a value, so the "
                 "other cells would read as empty: unmerge them and fill every cell (one column name per "
                 "header cell)")


def _column_letter(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _cell_text(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time(0) else v.isoformat(" ")
    if isinstance(v, date):
        return v.isoformat()
    return str(v)
