"""The text of a figures CSV: which encoding each row is in, and the errors that name where bytes go wrong.

Figures files come from spreadsheets saved on many machines: UTF-8 with or without a BOM, Windows-1252,
sometimes both pasted together. Read as one encoding, a mixed file turns "Ministère" into "MinistÃ¨re"
on the map.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from geo.errors import DataError


def fail(path: Path, where: str | None, what: str) -> DataError:
    """A DataError that is also its own one-line problem list (what the figures reader raises)."""
    err = DataError(path, where, what)
    err.problems = [str(err)]
    return err


def decode(path: Path, data: bytes, warnings: list[str]) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252, else an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise fail(path, None, "is UTF-16 text; save it as CSV UTF-8 (comma or semicolon separated)")
    if data.startswith(b"PK\x03\x04"):
        raise fail(path, None, "is a zipped workbook (e.g. Excel), not CSV text: "
                                "name it .xlsx or save it as CSV")
    if b"\x00" in data:
        raise fail(path, _row_of(data, data.index(b"\x00")),
                    "contains NUL bytes: this is not a CSV text file")
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")[1 if has_bom else 0:]
    except UnicodeDecodeError as e:
        if has_bom:  # declared UTF-8, so a bad byte is damage, not another encoding
            raise fail(path, _row_of(data, e.start), f"byte 0x{data[e.start]:02X} is not valid "
                        "UTF-8 although the file starts with a UTF-8 mark") from None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise fail(path, _row_of(data, e.start), f"byte 0x{data[e.start]:02X} is neither UTF-8 "
                    "nor Windows-1252/Latin-1 text: save the file as CSV UTF-8") from None
    mixed = _mixed_encodings(data)
    if mixed is not None:
        text, legacy = mixed
        shown = ", ".join(map(str, legacy[:5])) + (f" and {len(legacy) - 5} more" if len(legacy) > 5 else "")
        warnings.append(f"{path.name} mixes encodings: row{'s' if len(legacy) > 1 else ''} {shown} "
                        "Windows-1252/Latin-1, the others UTF-8; each row was read in its own (check their "
                        "accents, and save the file as CSV UTF-8)")
        return text
    warnings.append(f"{path.name} is not UTF-8: read it as Windows-1252/Latin-1 (Western "
                    "European); save it as CSV UTF-8 if accented letters look wrong")
    return text


def _mixed_encodings(data: bytes) -> tuple[str, list[int]] | None:
    """A file pasted together from UTF-8 and Windows-1252 rows, decoded row by row, with the rows that
    were not UTF-8; None when no row is UTF-8 beyond ASCII (the whole file is Windows-1252). Read as
    one encoding, the UTF-8 rows would show "MinistÃ¨re" on the map."""
    lines = data.split(b"\n")
    out, legacy, utf8_beyond_ascii = [], [], False
    for n, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            utf8_beyond_ascii = utf8_beyond_ascii or not line.isascii()
        except UnicodeDecodeError:
            out.append(line.decode("cp1252"))
            legacy.append(n)
    return ("\n".join(out), legacy) if utf8_beyond_ascii and legacy else None


def _row_of(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"row {line}"
