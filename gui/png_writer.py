"""A fast PNG encoder for rendered pages: numpy 'Up' filter and zlib, compressed on two threads.

Qt's PNG writer spends ~200 ms on an A4 page at 300 dpi; maps are flat colour, so the 'Up'
filter plus zlib level 3 gives a file within 15 % of Qt's size in about a third of the time.
Pages are split into two halves compressed in parallel (zlib releases the GIL) and joined
into one valid zlib stream, as pigz does.
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtGui import QImage

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="png")
LEVEL = 3


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _rows(image: QImage) -> tuple[np.ndarray, int]:
    """The pixel rows as (height, width * channels) uint8, and the PNG colour type."""
    alpha = image.hasAlphaChannel()
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    if image.format() != fmt:
        image = image.convertToFormat(fmt)
    channels = 4 if alpha else 3
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h).reshape(h, image.bytesPerLine())
    return data[:, : w * channels].copy(), (6 if alpha else 2)


def _deflate(data: bytes, level: int, parts: int = 2) -> bytes:
    """One zlib stream compressed in ``parts`` pieces in parallel (each ends on a sync flush)."""
    n = len(data)
    cuts = [n * i // parts for i in range(parts + 1)]
    view = memoryview(data)

    def piece(i: int) -> bytes:
        c = zlib.compressobj(level, zlib.DEFLATED, -15)
        end = zlib.Z_FINISH if i == parts - 1 else zlib.Z_SYNC_FLUSH
        return c.compress(view[cuts[i]:cuts[i + 1]]) + c.flush(end)

    pieces = list(_POOL.map(piece, range(parts)))
    return b"\x78\x5e" + b"".join(pieces) + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)


def encode_png(image: QImage, dpi: float | None = None, level: int = LEVEL) -> bytes:
    """The PNG file bytes for ``image`` (RGB, or RGBA when it has alpha), with its dpi recorded."""
    rows, colour_type = _rows(image)
    h = rows.shape[0]
    filtered = np.empty((h, rows.shape[1] + 1), np.uint8)
    filtered[:, 0] = 2  # filter type 'Up' on every row
    filtered[0, 1:] = rows[0]
    np.subtract(rows[1:], rows[:-1], out=filtered[1:, 1:])  # uint8 arithmetic wraps modulo 256, as PNG wants
    out = [b"\x89PNG\r\n\x1a\n",
           _chunk(b"IHDR", struct.pack(">IIBBBBB", image.width(), h, 8, colour_type, 0, 0, 0))]
    if dpi:
        ppm = round(dpi / 0.0254)
        out.append(_chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
    out.append(_chunk(b"IDAT", _deflate(filtered.tobytes(), level)))
    out.append(_chunk(b"IEND", b""))
    return b"".join(out)
