"""A fast PNG encoder for rendered pages: numpy 'Up' filter and zlib, compressed on two threads.

Qt's PNG writer spends ~200 ms on an A4 page at 300 dpi; maps are flat colour, so the 'Up'
filter plus zlib level 3 gives a file within 15 % of Qt's size in about a third of the time.
Pages are split into two halves compressed in parallel (zlib releases the GIL) and joined
into one valid zlib stream, as pigz does; each half is filtered and compressed in bands of rows
viewed in place, so encoding holds no copy of the whole page.
"""

from __future__ import annotations

import struct
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtGui import QImage

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="png")
LEVEL = 3


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


def _compress_rows(px: np.ndarray, start: int, stop: int, level: int, last: bool) -> tuple[list[bytes], int, int]:
    """Rows ``start``..``stop`` 'Up'-filtered and deflated band by band: the raw deflate data in pieces
    (ending on a sync flush unless ``last``), the Adler-32 of the filtered bytes and their length."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    out, adler, length = [], 1, 0
    _, w, channels = px.shape
    # Two buffers per half, reused band after band (zlib has consumed a band when compress returns):
    # the band's rows with the one above, gathered from the image's (possibly channel-reversed) view
    # into contiguous memory, and the filtered rows, each led by its filter type byte, 2 for 'Up'.
    rows = np.zeros((BAND_ROWS + 1, w, channels), np.uint8)  # zeros above the page's first row
    filtered_all = np.empty((BAND_ROWS, w * channels + 1), np.uint8)
    filtered_all[:, 0] = 2
    for y0 in range(start, stop, BAND_ROWS):
        n = min(BAND_ROWS, stop - y0)
        if y0 > 0:
            np.copyto(rows[: n + 1], px[y0 - 1:y0 + n])
        else:
            np.copyto(rows[1: n + 1], px[:n])
        filtered = filtered_all[:n]
        # the rows' bytes as pixels (splitting the contiguous last axis: always a view); uint8
        # arithmetic wraps modulo 256, as PNG wants
        np.subtract(rows[1: n + 1], rows[:n], out=filtered[:, 1:].reshape(n, w, channels))
        data = filtered.data
        adler = zlib.adler32(data, adler)
        length += filtered.nbytes
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


def _deflate(px: np.ndarray, level: int, parts: int = 2) -> list[bytes]:
    """One zlib stream of the filtered rows, in pieces, compressed in ``parts`` parts in parallel (zlib
    and numpy release the GIL), each ending on a sync flush, as pigz does."""
    h = px.shape[0]
    cuts = [h * i // parts for i in range(parts + 1)]
    pieces = list(_POOL.map(lambda i: _compress_rows(px, cuts[i], cuts[i + 1], level, i == parts - 1),
                            range(parts)))
    adler = pieces[0][1]
    for _, a, n in pieces[1:]:
        adler = _adler32_combine(adler, a, n)
    return [b"\x78\x5e", *(band for p in pieces for band in p[0]), struct.pack(">I", adler & 0xFFFFFFFF)]


def encode_png(image: QImage, dpi: float | None = None, level: int = LEVEL) -> bytes:
    """The PNG file bytes for ``image`` (RGB, or RGBA when it has alpha), with its dpi recorded."""
    px, colour_type, _keep = _pixels(image)
    out = [b"\x89PNG\r\n\x1a\n",
           *_chunk(b"IHDR", struct.pack(">IIBBBBB", image.width(), image.height(), 8, colour_type, 0, 0, 0))]
    if dpi:
        ppm = round(dpi / 0.0254)
        out += _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += _chunk(b"IDAT", *_deflate(px, level))
    out += _chunk(b"IEND")
    return b"".join(out)
