"""The PNG encoder: files any decoder reads back pixel for pixel, with the page's dpi."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from gui.png_writer import encode_png


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h = image.width(), image.height()
    return np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h).reshape(h, -1)[:, : w * 4].copy()


def test_round_trip_rgb_and_rgba_with_dpi(qapp, tmp_path):
    rng = np.random.default_rng(0)
    for fmt in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32):
        image = QImage(97, 61, fmt)  # odd sizes: rows are padded in Qt's memory, not in the PNG
        for _ in range(300):
            x, y = rng.integers(0, 97), rng.integers(0, 61)
            image.setPixelColor(int(x), int(y), QColor(*map(int, rng.integers(0, 256, 4))))
        path = tmp_path / f"{fmt.name}.png"
        path.write_bytes(encode_png(image, dpi=300))
        back = QImage(str(path))
        assert not back.isNull()
        assert (pixels(back) == pixels(image)).all()
        assert round(back.dotsPerMeterX() * 0.0254) == 300


def test_pillow_reads_it_too(qapp, tmp_path):
    Image = pytest.importorskip("PIL.Image")

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#0072b2"))
    (tmp_path / "a.png").write_bytes(encode_png(image))
    with Image.open(tmp_path / "a.png") as im:
        assert im.size == (40, 30) and im.mode == "RGB" and im.getpixel((5, 5)) == (0, 114, 178)


@pytest.mark.parametrize("fmt", [QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied])
def test_a_page_taller_than_many_bands_round_trips(qapp, tmp_path, fmt):
    """Rows are filtered and compressed band by band in two halves: every band edge and the
    join of the halves must decode to the same pixels (the Up filter reads the row above)."""
    from gui.png_writer import BAND_ROWS

    rng = np.random.default_rng(1)
    h = 5 * BAND_ROWS + 37
    image = QImage(53, h, fmt)
    image.fill(QColor(0, 0, 0, 0) if fmt != QImage.Format.Format_RGB32 else QColor("#dbe9f4"))
    for _ in range(4000):
        image.setPixelColor(int(rng.integers(0, 53)), int(rng.integers(0, h)),
                            QColor(*map(int, rng.integers(0, 256, 3)), 255))
    path = tmp_path / "tall.png"
    path.write_bytes(encode_png(image))
    back = QImage(str(path))
    assert not back.isNull() and (back.width(), back.height()) == (53, h)
    assert (pixels(back) == pixels(image)).all()


def test_encoding_a_page_holds_no_copy_of_it(qapp):
    """An A4 page at 300 dpi is filtered band by band into two reused buffers per thread: ~1.4 MB
    besides the image and the file (bands of 128 rows took 5 MB more at a cold render's peak, and
    whole-page copies once took 100 MB)."""
    import tracemalloc

    image = QImage(3508, 2480, QImage.Format.Format_RGB32)
    image.fill(QColor("#dbe9f4"))
    tracemalloc.start()
    try:
        encode_png(image, 300)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * 2**20, f"{peak / 2**20:.1f} MB"
