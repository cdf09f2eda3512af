"""The finishing pass over a PDF QPdfWriter wrote: searchable Arabic, a smaller file, an optional geo frame.

QPdfWriter gives no say in how it writes text or numbers, so every page of its bytes goes through
:func:`finish_pdf` (pypdf, no Qt):

- **Text** (``geo.pdf_text``): right-to-left glyph runs left to right, glyphs mapped to letters.
- **Size.** The fonts were already subset (15 kB in all in the English default map's 602 kB PDF),
  but their ``/BaseFont`` lacked the subset tag their descriptor has (PDF 32000-1, 9.6.4), so
  ``pdffonts`` said "sub no": the tag is copied there. The bytes were the page's paths: Qt writes
  every coordinate with nine significant digits (``2323.28394``). Cut to hundredths of a device
  pixel (at most 0.0035 mm at 72 dpi; Qt draws in device pixels) the file is two thirds of its size
  (A4 at 300 dpi, default map: 602 → 395 kB; bench/README.md).
- **Georeferencing** (optional): a ``/VP`` viewport per map frame with an ISO 32000-2 ``/Measure``
  of subtype ``/GEO`` (``geo.georef``), as GDAL and so QGIS's GeoPDF export write it.
"""

from __future__ import annotations

import io
import re

import numpy as np
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from geo.errors import ExportError
from geo.georef import DISPLAY_UNITS, GeoViewport, geo_viewport
from geo.pdf_text import logical_to_unicode, visual_order
from geo.view import MapView

STREAM_LEVEL = 4
"""zlib level of a finished page's content: the default level (6) took 77 ms of the default map's
1.17 MB of content for 367 kB, level 4 takes 25 ms for 385 kB (level 1: 10 ms, 439 kB)."""
# Decimal places kept in path coordinates (device pixels): see the module's docstring.
PATH_DECIMALS = 2
# Lines that build a path in Qt's content streams end in one of these operators.
_PATH_OPERATORS = (b" m", b" l", b" c", b"re")


def trim_path_decimals(content: bytes, decimals: int = PATH_DECIMALS) -> bytes:
    """``content`` with the coordinates of path operators (m, l, c, re) cut to ``decimals`` places;
    colours, matrices, line widths and glyph positions keep every digit.

    Numpy over the decimal points, not a regex with a callback (0.29 s for the default map's 45,000
    lines) nor a running maximum over every byte (85 ms): each point's digits end at the next byte
    that is not a digit, and its line is a path line if it ends in a path operator."""
    raw = np.frombuffer(content, np.uint8)
    if not len(raw):
        return content
    dots = np.flatnonzero(raw == ord("."))
    if not len(dots):
        return content
    not_digit = np.flatnonzero((raw < ord("0")) | (raw > ord("9")))
    after = np.searchsorted(not_digit, dots, side="right")
    ends = np.append(not_digit, len(raw))[after]  # where each fraction's digits stop
    starts = dots + 1 + decimals
    long = ends > starts
    if not long.any():
        return content
    starts, ends = starts[long], ends[long]
    line_ends = np.append(np.flatnonzero(raw == ord("\n")), len(raw))  # the last line may have no newline
    line_end = line_ends[np.searchsorted(line_ends, starts)]
    tail = raw[np.maximum(line_end - 2, 0)].astype(np.uint16) << 8 | raw[np.maximum(line_end - 1, 0)]
    on_path = np.isin(tail, [a << 8 | b for a, b in _PATH_OPERATORS]) & (line_end >= 2)
    if not on_path.any():
        return content
    starts, ends = starts[on_path], ends[on_path]
    # +1 where a cut begins (a digit), -1 where it ends (the byte after the digits): the running sum
    # marks the bytes to drop
    marks = np.zeros(len(raw) + 1, np.int8)
    marks[starts] = 1
    marks[ends] = -1
    return raw[np.cumsum(marks[:-1], dtype=np.int8) == 0].tobytes()


def subset_tag(font) -> None:
    """Give a Type 0 font and its CIDFont the subset-tagged name of their descriptor (``ABCDEF+Name``),
    as PDF 32000-1 (9.6.4) asks of a subset."""
    if font.get("/Subtype") != "/Type0" or "/DescendantFonts" not in font:
        return
    cid_font = font["/DescendantFonts"][0].get_object()
    descriptor = cid_font.get("/FontDescriptor")
    name = str(descriptor.get_object().get("/FontName", "")) if descriptor is not None else ""
    if "+" in name:
        for target in (font, cid_font):
            target[NameObject("/BaseFont")] = NameObject(name)


def _viewport(viewport: GeoViewport, name: str):
    """The ``/VP`` entry of one frame, direct objects as GDAL reads them."""
    def numbers(values):
        return ArrayObject(FloatObject(round(v, 10)) for v in values)

    gcs = DictionaryObject({NameObject("/Type"): NameObject("/GEOGCS" if viewport.geographic else "/PROJCS"),
                            NameObject("/WKT"): TextStringObject(viewport.wkt)})
    if viewport.epsg:
        gcs[NameObject("/EPSG")] = NumberObject(viewport.epsg)
    measure = DictionaryObject({
        NameObject("/Type"): NameObject("/Measure"),
        NameObject("/Subtype"): NameObject("/GEO"),
        NameObject("/Bounds"): numbers(viewport.lpts),
        NameObject("/GPTS"): numbers(viewport.gpts),
        NameObject("/LPTS"): numbers(viewport.lpts),
        NameObject("/GCS"): gcs,
        NameObject("/PDU"): ArrayObject(NameObject(f"/{unit}") for unit in DISPLAY_UNITS),
    })
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Viewport"),
        NameObject("/Name"): TextStringObject(name),
        NameObject("/BBox"): numbers(viewport.bbox),
        NameObject("/Measure"): measure,
    })


# QPdfWriter's first operator on a page: device pixels to PDF user space ("0.24 0 0 -0.24 0 595 cm").
_DEVICE_MATRIX = re.compile(rb"([-+\d.]+) 0 0 ([-+\d.]+) ([-+\d.]+) ([-+\d.]+) cm")


def _rewrite_contents(page) -> tuple[float, float, float, float] | None:
    """The page's content streams, text in visual order and paths trimmed (compressed again by
    pypdf); returns the device matrix (sx, sy, tx, ty) the page starts with, if it has one."""
    contents = page.get("/Contents")
    if contents is None:
        return None
    contents = contents.get_object()
    streams = [ref.get_object() for ref in (contents if isinstance(contents, list) else [contents])]
    matrix = None
    for stream in streams:
        data = stream.get_data()
        if matrix is None and (found := _DEVICE_MATRIX.search(data, 0, 4096)):
            sx, sy, tx, ty = map(float, found.groups())
            matrix = (sx, sy, tx, ty)
        finished = visual_order(trim_path_decimals(data))
        if len(streams) == 1:  # QPdfWriter's one stream a page: compressed at a quicker level than pypdf's
            new = DecodedStreamObject()
            new.set_data(finished)
            page.replace_contents(new.flate_encode(STREAM_LEVEL))
        else:
            stream.set_data(finished)
    return matrix


def finish_pdf(data: bytes, views: list[list[MapView]] | None = None) -> bytes:
    """``data`` (a QPdfWriter file) finished: see the module's docstring. ``views`` gives, per page,
    the map frames to georeference (None: the PDF is not georeferenced)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    seen_fonts: set[int] = set()
    for number, page in enumerate(writer.pages):
        matrix = _rewrite_contents(page)
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if id(font) in seen_fonts:
                continue
            seen_fonts.add(id(font))
            subset_tag(font)
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None:
                continue
            cmap = to_unicode.get_object()
            letters = logical_to_unicode(cmap.get_data().decode("latin-1"))
            if letters is not None:
                cmap.set_data(letters.encode("latin-1"))
        frames = views[number] if views and number < len(views) else []
        if frames:
            if matrix is None:
                raise ExportError("the PDF writer's page has no device matrix to georeference it by")
            page[NameObject("/VP")] = ArrayObject(
                _viewport(geo_viewport(view, matrix), f"Map {k + 1}" if len(frames) > 1 else "Map")
                for k, view in enumerate(frames))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
