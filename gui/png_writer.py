"""A fast PNG encoder for rendered pages, compressed on two threads, with what publishing needs.

Qt's PNG writer spends ~200 ms on an A4 page at 300 dpi. Pages are split into two halves
compressed in parallel (zlib releases the GIL) and joined into one valid zlib stream, as pigz
does (starting the second half from the first's last 32 kB as a dictionary saved 45 bytes of
476 kB: not done). Each half is filtered and compressed in bands of rows viewed in place, so
encoding holds no copy of the whole page.

Maps are flat colour: rows left unfiltered (PNG filter 'None') let deflate copy whole runs of the
row above (10.5 kB back, inside its 32 kB window), which beats 'Up' at every level from 4 up.
Level 4 is the cheapest that is never larger than zlib's best level (9) on the 'Up' rows encoded
before (0.93–0.96 of it on the default, Arabic, OD, small-multiple and transparent maps; level 3
was 1.01–1.24), for about 1.5 times the CPU time of that encode (level 3, 'Up'), where level 6
took 1.7 times for 3 % less. bench/png_encode.py measures them (bench/README.md).

The file says what it is: ``sRGB`` (with ``gAMA`` and ``cHRM`` for decoders that read only those,
as the PNG specification recommends), the page's dpi (``pHYs``) and text chunks (title, sources,
licences, software: ``geo.map_metadata``), ``tEXt`` when Latin-1 holds the text, else ``iTXt``.
"""

from __future__ import annotations

import contextlib
import struct
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from geo.atomic import atomic_output
from geo.errors import ExportError

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="png")
# PNG row filter types (PNG specification, 9.2) this encoder writes.
FILTER_NONE, FILTER_UP = 0, 2
FILTER = FILTER_NONE
LEVEL = 4
# sRGB, as the specification writes it for the gAMA and cHRM chunks beside an sRGB chunk (11.3.3.5):
# gamma 1/2.2 and the Rec. 709 primaries with the D65 white point, times 100,000.
SRGB_PERCEPTUAL = 0
SRGB_GAMMA = 45455
SRGB_CHROMATICITIES = (31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)


def _chunk(kind: bytes, *data: bytes) -> list[bytes]:
    """A PNG chunk as pieces, ``data`` as given: the compressed page is joined only once, into the file."""
    crc = zlib.crc32(kind)
    for piece in data:
        crc = zlib.crc32(piece, crc)
    return [struct.pack(">I", sum(map(len, data))), kind, *data, struct.pack(">I", crc & 0xFFFFFFFF)]


# Rows filtered and compressed at a time: the page is never copied whole (an A4 page at 300 dpi
# once took four 26 MB copies on top of the image while it was encoded). 32 rows of A4 at 300 dpi
# are 0.3 MB in each of two buffers a thread; 128-row bands, a new copy and result each, held 9 MB
# more at the peak of a cold render, for no measurable speed.
BAND_ROWS = 32


def _pixels(image: QImage) -> tuple[np.ndarray, int, QImage]:
    """The pixels as an (height, width, channels) uint8 array, the PNG colour type, and the image the
    array views (kept alive by the caller). An opaque page is viewed in place, not converted."""
    alpha = image.hasAlphaChannel()
    w, h = image.width(), image.height()
    if not alpha and image.format() == QImage.Format.Format_RGB32 and sys.byteorder == "little":
        raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
        bgrx = raw.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4)
        return bgrx[:, :, 2::-1], 2, image  # 0xffRRGGBB in memory is B, G, R, 255: a view, reversed
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    if image.format() != fmt:
        image = image.convertToFormat(fmt)
    channels = 4 if alpha else 3
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return raw.reshape(h, image.bytesPerLine())[:, : w * channels].reshape(h, w, channels), (6 if alpha else 2), image


def _filter_rows(px: np.ndarray, y0: int, n: int, filter_type: int, rows: np.ndarray | None,
                 out: np.ndarray) -> None:
    """Rows ``y0``..``y0 + n`` of the page as PNG filtered rows into ``out[:n]`` (each led by its filter
    type byte); ``rows`` is the 'Up' filter's scratch for the band and the row above it."""
    _, w, channels = px.shape
    out[:n, 0] = filter_type
    target = out[:n, 1:].reshape(n, w, channels)  # the rows' bytes as pixels: splitting the last axis is a view
    if filter_type == FILTER_NONE:
        np.copyto(target, px[y0:y0 + n])
        return
    # gathered from the image's (possibly channel-reversed) view into contiguous memory; zeros above
    # the page's first row; uint8 arithmetic wraps modulo 256, as PNG wants
    if y0 > 0:
        np.copyto(rows[: n + 1], px[y0 - 1:y0 + n])
    else:
        rows[0] = 0
        np.copyto(rows[1: n + 1], px[:n])
    np.subtract(rows[1: n + 1], rows[:n], out=target)


def _compress_rows(px: np.ndarray, start: int, stop: int, level: int, last: bool,
                   filter_type: int = FILTER) -> tuple[list[bytes], int, int]:
    """Rows ``start``..``stop`` filtered and deflated band by band: the raw deflate data in pieces
    (ending on a sync flush unless ``last``), the Adler-32 of the filtered bytes and their length."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    _, w, channels = px.shape
    # Buffers per half, reused band after band (zlib has consumed a band when compress returns): the
    # filtered rows, and for 'Up' the band's rows with the one above.
    rows = np.zeros((BAND_ROWS + 1, w, channels), np.uint8) if filter_type == FILTER_UP else None
    filtered_all = np.empty((BAND_ROWS, w * channels + 1), np.uint8)
    row_bytes = w * channels + 1
    out, adler, length = [], 1, 0
    for y0 in range(start, stop, BAND_ROWS):
        n = min(BAND_ROWS, stop - y0)
        _filter_rows(px, y0, n, filter_type, rows, filtered_all)
        data = filtered_all[:n].data
        adler = zlib.adler32(data, adler)
        length += n * row_bytes
        out.append(c.compress(data))
    out.append(c.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))
    return out, adler, length


def _adler32_combine(a1: int, a2: int, len2: int) -> int:
    """The Adler-32 of two byte strings joined, from theirs (zlib's adler32_combine)."""
    base = 65521
    rem = len2 % base
    s1 = a1 & 0xFFFF
    s2 = (rem * s1) % base
    s1 += (a2 & 0xFFFF) + base - 1
    s2 += ((a1 >> 16) & 0xFFFF) + ((a2 >> 16) & 0xFFFF) + base - rem
    s1 = s1 - base if s1 >= base else s1
    s1 = s1 - base if s1 >= base else s1
    s2 = s2 - 2 * base if s2 >= 2 * base else s2
    s2 = s2 - base if s2 >= base else s2
    return s1 | (s2 << 16)


def _deflate(px: np.ndarray, level: int, filter_type: int = FILTER, parts: int = 2) -> list[bytes]:
    """One zlib stream of the filtered rows, in pieces, compressed in ``parts`` parts in parallel (zlib
    and numpy release the GIL), each ending on a sync flush, as pigz does."""
    h = px.shape[0]
    cuts = [h * i // parts for i in range(parts + 1)]
    pieces = list(_POOL.map(lambda i: _compress_rows(px, cuts[i], cuts[i + 1], level, i == parts - 1, filter_type),
                            range(parts)))
    adler = pieces[0][1]
    for _, a, n in pieces[1:]:
        adler = _adler32_combine(adler, a, n)
    return [_zlib_header(level), *(band for p in pieces for band in p[0]), struct.pack(">I", adler & 0xFFFFFFFF)]


def _zlib_header(level: int) -> bytes:
    """The two bytes that open a zlib stream (RFC 1950): deflate with a 32 kB window, the level's
    class (informative only) and the check bits that make the pair a multiple of 31."""
    level_class = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    cmf, flg = 0x78, level_class << 6
    return bytes([cmf, flg + (31 - (cmf * 256 + flg) % 31) % 31])


def text_chunk(keyword: str, text: str, language: str = "") -> list[bytes]:
    """A ``tEXt`` chunk when Latin-1 holds ``text``, else an uncompressed ``iTXt`` (UTF-8, with the
    ``language`` tag); PNG keywords are Latin-1, 1–79 characters."""
    key, text = keyword.encode("latin-1"), text.replace("\0", "")  # a NUL would end the text early
    if not 1 <= len(key) <= 79:
        raise ValueError(f"PNG keyword {keyword!r} must be 1–79 characters")
    try:
        return _chunk(b"tEXt", key + b"\0" + text.encode("latin-1"))
    except UnicodeEncodeError:
        head = key + b"\0\0\0" + language.encode("ascii") + b"\0\0"  # no compression, no translated keyword
        return _chunk(b"iTXt", head + text.encode("utf-8"))


def colour_chunks() -> list[bytes]:
    """``sRGB`` (perceptual), with the ``gAMA`` and ``cHRM`` that go with it."""
    return [*_chunk(b"sRGB", bytes([SRGB_PERCEPTUAL])),
            *_chunk(b"gAMA", struct.pack(">I", SRGB_GAMMA)),
            *_chunk(b"cHRM", struct.pack(">8I", *SRGB_CHROMATICITIES))]


def encode_png(image: QImage, dpi: float | None = None, level: int = LEVEL, *, texts: dict[str, str] | None = None,
               language: str = "", filter_type: int = FILTER) -> bytes:
    """The PNG file bytes for ``image`` (RGB, or RGBA when it has alpha, in sRGB), with its dpi and
    ``texts`` (keyword → text, e.g. ``Title``; ``language`` tags those that need UTF-8)."""
    px, colour_type, _keep = _pixels(image)
    out = [b"\x89PNG\r\n\x1a\n",
           *_chunk(b"IHDR", struct.pack(">IIBBBBB", image.width(), image.height(), 8, colour_type, 0, 0, 0)),
           *colour_chunks()]
    if dpi:
        ppm = round(dpi / 0.0254)
        out += _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    for keyword, text in (texts or {}).items():
        out += text_chunk(keyword, text, language)
    out += _chunk(b"IDAT", *_deflate(px, level, filter_type))
    out += _chunk(b"IEND")
    return b"".join(out)


# -- the PNG export's files ------------------------------------------------------------------------------
def png_metadata(doc, periods=None) -> dict:
    """``encode_png``'s ``texts`` and ``language`` for ``doc``'s map (``geo.map_metadata``)."""
    from geo.map_metadata import map_metadata
    from geo.periods import parse_period

    labels = [str(parse_period(p)) for p in periods] if periods else None
    meta = map_metadata(doc, labels)
    return {"texts": meta.png_texts(), "language": meta.language}


def png_sidecars(doc, path: Path, settings) -> dict[Path, str]:
    """The world file, ``.prj`` and ``.aux.xml`` that ``settings.world_file`` asks for beside ``path``
    (none otherwise), each checked as an output; small multiples are refused by name."""
    if not settings.world_file:
        return {}
    from geo.atomic import check_output_target
    from geo.georef import world_file_sidecars
    from gui.layout import page_view

    if settings.periods:
        raise ExportError(f"{path.name}: a world file places one map, and small multiples draw one per period; "
                          "export them without a world file")
    sidecars = world_file_sidecars(path, page_view(doc, settings.page))
    for side in sidecars:
        check_output_target(side)
    return sidecars


def write_png_files(path: Path, data: bytes, sidecars: dict[Path, str]) -> None:
    """The PNG and its sidecars, each under a temporary name until all are written (inside an
    ``output_set`` they wait for the rest of the export too)."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(atomic_output(path)).write_bytes(data)
        for side, text in sidecars.items():
            stack.enter_context(atomic_output(side)).write_text(text, encoding="utf-8")
