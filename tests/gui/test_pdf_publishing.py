"""The PDF as a reader uses it: Arabic that pdftotext gives back as the words the map prints, a page
that still looks like the PNG, and fonts subset as their names say."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage, QPainter

from geo.map_texts import map_title
from geo.page import Page
from gui import pdf_export
from gui.export import VectorExportSettings, pdf_bytes, render_image
from gui.render import MapRenderer

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

PAGE = Page("A4", "landscape", 150)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # pdftotext marks runs with these


def pdftotext(path, *options: str) -> list[str]:
    done = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True)
    return [BIDI_CONTROLS.sub("", line).strip() for line in done.stdout.splitlines()]


def raster(pdf_path, dpi: float, tmp_path, name: str) -> np.ndarray:
    subprocess.run(["pdftoppm", "-r", f"{dpi:g}", "-png", "-singlefile", str(pdf_path), str(tmp_path / name)],
                   check=True, timeout=120)
    return _rgb(QImage(str(tmp_path / f"{name}.png")))


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)


def placed_names(doc, page: Page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The place names the renderer draws on ``page`` and their boxes in page pixels (its report:
    the expected texts and where to look, not the check)."""
    image = QImage(*page.size_px, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    painter = QPainter(image)
    renderer = MapRenderer(doc)
    try:
        renderer.render_page(painter, page)
    finally:
        painter.end()
    return [(text, box) for _, text, box in renderer.report.place_labels]


def test_arabic_names_and_title_come_back_as_the_arabic_the_map_prints(arabic, tmp_path):
    path = tmp_path / "ar.pdf"
    path.write_bytes(pdf_bytes(arabic, VectorExportSettings(PAGE)))
    lines = pdftotext(path)
    names = [n for n, _ in placed_names(arabic, PAGE) if "\n" not in n]
    assert len(names) >= 15 and any("لا" in n for n in names)  # Lanzarote, Lampedusa: the lam-alef ligature
    missing = [n for n in names if n not in lines]
    assert not missing, f"not in pdftotext's output as they are printed: {missing}"
    title = map_title(arabic)
    words = re.findall(r"\w+", title)
    # the title's words, in order, on one line (where pdftotext puts the colon is its own bidi rule)
    assert any(re.findall(r"\w+", line) == words for line in lines), title
    raw = pdftotext(path, "-raw")  # in content order: whole words (Qt's own order gave a glyph per line)
    one_word = [n for n in names if " " not in n]
    words = {w for line in raw for w in line.split()}  # two names on one baseline share pdftotext's line
    assert len(one_word) >= 10 and not [n for n in one_word if n not in words]
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", "\n".join(lines))  # letters, not presentation forms


def test_finishing_leaves_the_page_looking_as_qt_drew_it(arabic, tmp_path, monkeypatch):
    """Glyphs painted in another order, paths cut to hundredths of a pixel: poppler draws the same page."""
    finished = tmp_path / "finished.pdf"
    finished.write_bytes(pdf_bytes(arabic, VectorExportSettings(PAGE)))
    monkeypatch.setattr(pdf_export, "_finished", lambda pdf, views=None: pdf)
    as_qt_wrote_it = tmp_path / "qt.pdf"
    as_qt_wrote_it.write_bytes(pdf_bytes(arabic, VectorExportSettings(PAGE)))
    a = raster(finished, 150, tmp_path, "finished")
    b = raster(as_qt_wrote_it, 150, tmp_path, "qt")
    diff = np.abs(a - b).max(axis=2)
    # measured: 0.14 % of pixels differ at all, 0.008 % by more than 8 levels (anti-aliased edges of
    # hairlines whose ends moved by < 0.01 px); a moved glyph or a changed colour is thousands
    assert (diff > 8).mean() < 0.0005, f"{(diff > 8).sum()} pixels differ"


def test_pdf_shows_what_the_png_shows(arabic, tmp_path):
    """poppler's page against Crossings' own PNG of the same page: every label where the PNG has it,
    with its halo (Qt and poppler anti-alias text differently, so the ink is compared per label)."""
    path = tmp_path / "ar.pdf"
    path.write_bytes(pdf_bytes(arabic, VectorExportSettings(PAGE)))
    pdf = raster(path, PAGE.dpi, tmp_path, "ar")
    png = _rgb(render_image(arabic, PAGE))
    h, w = png.shape[:2]
    pdf = pdf[:h, :w]  # poppler rounds the page up to whole points
    checked = 0
    for text, (x0, y0, x1, y1) in placed_names(arabic, PAGE):
        box = (slice(max(0, int(y0) - 2), int(y1) + 3), slice(max(0, int(x0) - 2), int(x1) + 3))
        ink_png = png[box].sum(axis=2) < 3 * 110
        ink_pdf = pdf[box].sum(axis=2) < 3 * 110
        if ink_png.sum() < 10:
            continue
        ys, xs = np.nonzero(ink_png)
        ys2, xs2 = np.nonzero(ink_pdf)
        assert 0.6 < ink_pdf.sum() / ink_png.sum() < 1.6, text
        # Qt's raster engine puts a baseline on a whole pixel, poppler where the PDF says: up to 1.1 px
        # apart at 150 dpi in Qt's own PDF already (Tenerife, Nouakchott), never more
        assert abs(xs.mean() - xs2.mean()) < 1.25 and abs(ys.mean() - ys2.mean()) < 1.25, (text, "moved")
        # the halo: as much white around the letters (sea and land are darker) as in the PNG; measured
        # 0.91-0.99 of the PNG's, for Qt's own PDF as for the finished one
        white_png, white_pdf = (png[box].min(axis=2) > 245).sum(), (pdf[box].min(axis=2) > 245).sum()
        assert white_pdf > 0.8 * white_png, (text, "halo", white_pdf, white_png)
        checked += 1
    assert checked >= 15


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_fonts_are_subset_and_named_so(arabic, tmp_path):
    path = tmp_path / "ar.pdf"
    path.write_bytes(pdf_bytes(arabic, VectorExportSettings(PAGE)))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert {row[0].split("+", 1)[1] for row in rows} >= {"NotoSansArabic-Regular", "NotoSans-Regular"}
    assert all(re.fullmatch(r"[A-Z]{6}\+\S+", row[0]) for row in rows), fonts
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts  # embedded, subset, ToUnicode


def test_path_coordinates_are_cut_to_hundredths_and_the_file_is_smaller(arabic, monkeypatch):
    """Qt's nine significant digits (2323.28394) cut to hundredths of a device pixel: measured on this
    page, 200 kB as Qt wrote it, 142 kB finished (626 and 380 kB when halos were stroked outlines)."""
    finished = pdf_bytes(arabic, VectorExportSettings(PAGE))
    monkeypatch.setattr(pdf_export, "_finished", lambda pdf, views=None: pdf)
    as_qt_wrote_it = pdf_bytes(arabic, VectorExportSettings(PAGE))
    content = PdfReader(io.BytesIO(finished)).pages[0].get_contents().get_data().decode("latin-1")
    path_lines = [line for line in content.splitlines() if re.search(r" (?:m|l|c|re)$", line)]
    assert len(path_lines) > 1000
    assert not [line for line in path_lines if re.search(r"\.\d{3}", line)][:3]
    assert re.search(r"\d\.\d{5,} (?:scn|SCN)$", content, re.M)  # colours keep every digit
    assert len(finished) < 0.8 * len(as_qt_wrote_it)
