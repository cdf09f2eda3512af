"""The exported SVG in Chromium and Inkscape on a machine without Noto, compared with the PNG.

Most machines have no Noto fonts. Each client here gets a private fontconfig holding DejaVu only (and
the system's usual substitution rules), so it finds no Noto Sans whatever the test machine has:

- Chromium (Debian's, driven by playwright) reads the subset fonts embedded in the SVG, so its title,
  scale and names must be the PNG's letters at the PNG's places: same ink width, most ink shared.
- Inkscape 1.2 does not read fonts embedded in a file (its ``@font-face`` support loads .ttf and
  .otf files beside the document only), so it sets the texts in the face the machine has. They must
  still be whole: the title as wide as that face sets it, starting where the PNG's starts (the old
  export cut it to the width of the Noto title: "…the Mediterrar").

Exports used to clip each text to a box as wide as its Noto text and split Arabic into words that
ran together: both fail here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

CHROMIUM = Path("/usr/bin/chromium")
INKSCAPE = shutil.which("inkscape")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium; "
                "`make test` does it)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow

DPI = 300
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SVG_NS = "{http://www.w3.org/2000/svg}"
INK_THRESHOLD = 70
"""A pixel is ink when its darkest channel is below this: the title's and names' #222222 is, the subtitle's #555555 is not."""
LINE_WIDTH = 0.02
"""How far a line's width in the browser may be from the PNG's (measured at 300 dpi: within 0.8 %; at
150 dpi Qt sets 7 pt type 2.7 % wider than the browser, its advances rounded to pixels)."""
FIRST_WORDS_MM = 24.0
"""How much of the title, from where reading starts, is compared letter by letter (a third of it for 7 pt type)."""
USER_RULES = ("50-user.conf", "51-local.conf")
"""Left out of the private fontconfig: they would read the user's own font folders."""


@pytest.fixture(scope="module")
def no_noto(tmp_path_factory) -> dict[str, str]:
    """Environment for a client that sees DejaVu and no other font (the system's rules still apply)."""
    folder = tmp_path_factory.mktemp("fontconfig")
    rules = "".join(f'<include ignore_missing="yes">{p}</include>' for p in sorted(Path("/etc/fonts/conf.d").glob("*.conf"))
                    if p.name not in USER_RULES)
    (folder / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{folder / 'cache'}</cachedir>{rules}</fontconfig>",
        encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(folder / "fonts.conf"), XDG_CONFIG_HOME=str(folder / "config"),
               XDG_CACHE_HOME=str(folder / "cache"))
    if shutil.which("fc-list"):
        families = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True, text=True,
                                  check=True).stdout
        assert "DejaVu Sans" in families and "Noto" not in families, families
    return env


class Exported:
    """One map: its SVG, the PNG drawn by the same renderer, and where the renderer put the furniture."""

    def __init__(self, doc, folder: Path) -> None:
        from PySide6.QtGui import QImage, QPainter

        from geo.page import Page
        from gui.export import VectorExportSettings, export_svg
        from gui.render import MapRenderer

        self.page = Page("A4", "landscape", DPI)
        self.svg = export_svg(doc, folder / "map.svg", VectorExportSettings(self.page))
        image = QImage(*self.page.size_px, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        renderer = MapRenderer(doc)
        try:
            renderer.render_page(painter, self.page)
        finally:
            painter.end()
        self.png = _rgb(image)
        self.rects = {k: (r.left(), r.top(), r.right(), r.bottom()) for k, r in renderer.report.furniture_rects.items()}
        self.title = next(t for kind, t, _, _ in renderer.report.texts if kind == "title")
        self.names = [(text, rect) for _, text, rect in renderer.report.place_labels]
        self.rtl = doc.label_language == "ar"
        self.furniture_only = folder / "furniture.svg"
        tree = ET.parse(self.svg)
        root = tree.getroot()
        for layer in [g for g in root if g.tag == f"{SVG_NS}g" and g.get("id") != "furniture"]:
            root.remove(layer)
        tree.write(self.furniture_only, encoding="utf-8", xml_declaration=True)


def _rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _read_png(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    return _rgb(QImage(str(path)))


@pytest.fixture(scope="module", params=["en", "ar"])
def exported(request, qapp, bundled_doc_factory, tmp_path_factory) -> Exported:
    from geo.map_words import WORDS

    doc = bundled_doc_factory()
    doc.label_language = request.param
    doc.title = WORDS["en"]["title"]  # as `crossings render` sets it (printed in the map's language)
    return Exported(doc, tmp_path_factory.mktemp(f"svg-{request.param}"))


def chromium_render(svg: Path, env: dict[str, str], out: Path) -> np.ndarray:
    """The SVG as Chromium draws it at the page's resolution, every non-file request refused."""
    blocked: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, env=env, headless=True)
        try:
            root = ET.parse(svg).getroot()
            width_mm, height_mm = (float(root.get(k).removesuffix("mm")) for k in ("width", "height"))
            page = browser.new_page(viewport={"width": round(width_mm / 25.4 * 96), "height": round(height_mm / 25.4 * 96)},
                                    device_scale_factor=DPI / 96)
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                       else (blocked.append(route.request.url), route.abort())[1])
            page.goto(svg.as_uri())
            page.wait_for_function("document.fonts.status === 'loaded'")
            page.screenshot(path=str(out))
        finally:
            browser.close()
    assert not blocked, blocked
    return _read_png(out)


def inkscape_render(svg: Path, env: dict[str, str], out: Path) -> np.ndarray:
    subprocess.run([INKSCAPE, "--export-type=png", f"--export-filename={out}", f"--export-dpi={DPI}",
                    "--export-background=#ffffff", "--export-background-opacity=1", str(svg)],
                   env=env, capture_output=True, check=True, timeout=180)
    return _read_png(out)


def _ink(rgb: np.ndarray, box) -> np.ndarray:
    """Where the dark text is inside ``box`` (x0, y0, x1, y1, page pixels)."""
    x0, y0, x1, y1 = (round(v) for v in box)
    return rgb[y0:y1, x0:x1].min(axis=2) < INK_THRESHOLD


def _extent(mask: np.ndarray) -> tuple[int, int]:
    cols = np.flatnonzero(mask.any(axis=0))
    return int(cols.min()), int(cols.max())


def _title_band(exported: Exported, whole_width: bool = False):
    """The title's line, from its box's top padding down to the subtitle: across the box, or across the
    page (for a file holding only the furniture, where a wider face may take the title past its box)."""
    mm = exported.page.px_per_mm
    x0, y0, x1, _ = exported.rects["title"]
    from PySide6.QtGui import QFontMetricsF, QImage

    from gui.fonts import map_font

    probe = QImage(10, 10, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(DPI / 0.0254))
    probe.setDotsPerMeterY(round(DPI / 0.0254))
    height = QFontMetricsF(map_font(15, DPI, DPI, bold=True), probe).height()
    if whole_width:
        x0, x1 = 0, exported.png.shape[1]
    return (x0, y0 + 2.5 * mm, x1, y0 + 3 * mm + height)


def _near(a: np.ndarray, b: np.ndarray) -> float:
    """The share of ``a``'s ink that has ink of ``b`` within a pixel (antialiasing differs between renderers)."""
    from numpy.lib.stride_tricks import sliding_window_view

    near_b = sliding_window_view(np.pad(b, 1), (3, 3)).any(axis=(2, 3))
    return float((a & near_b).sum() / max(1, a.sum()))


def _alike(a: np.ndarray, b: np.ndarray) -> float:
    return min(_near(a, b), _near(b, a))


def _same_line(drawn: np.ndarray, png: np.ndarray, band, rtl: bool, tolerance: float, first_px: float) -> None:
    """One line of text as the PNG has it: as wide (to ``tolerance``), starting where the PNG's starts,
    and the same letters in its first ``first_px`` (a right-to-left line starts at its right; further on,
    the small difference between Qt's and the browser's advances adds up to a few pixels)."""
    got, want = _ink(drawn, band), _ink(png, band)
    (g0, g1), (w0, w1) = _extent(got), _extent(want)
    width = w1 - w0
    assert abs((g1 - g0) - width) <= tolerance * width, ((g0, g1), (w0, w1))
    assert abs((g1 if rtl else g0) - (w1 if rtl else w0)) <= 2, ((g0, g1), (w0, w1))
    span = int(first_px)
    first = slice(w1 - span, w1 + 1) if rtl else slice(w0, w0 + span)
    assert _alike(got[:, first], want[:, first]) > 0.95, _alike(got[:, first], want[:, first])


def test_chromium_draws_the_pngs_title_sources_and_names_from_the_embedded_fonts(exported, no_noto, tmp_path):
    from gui.layout import PageLayout

    drawn = chromium_render(exported.svg, no_noto, tmp_path / "chromium.png")
    png = exported.png
    h, w = png.shape[:2]
    drawn = drawn[:h, :w]
    mm = exported.page.px_per_mm
    _same_line(drawn, png, _title_band(exported), exported.rtl, LINE_WIDTH, FIRST_WORDS_MM * mm)
    # the sources' first line mixes the report's English title into Arabic: the order is the PNG's
    x, y, width, _ = PageLayout().footer_px(exported.page)
    _same_line(drawn, png, (x, y, x + width, y + 3.2 * mm), exported.rtl, LINE_WIDTH, FIRST_WORDS_MM * mm / 3)
    names = []
    for text, rect in exported.names:  # every island, enclave and town name, whole, in the same face
        got, want = _ink(drawn, rect), _ink(png, rect)
        assert got.any(), text
        names.append(_alike(got, want))
    assert np.median(names) > 0.8, sorted(names)


@pytest.mark.skipif(INKSCAPE is None, reason="inkscape is not installed (apt-get install inkscape; `make test` does it)")
def test_inkscape_sets_the_whole_title_in_the_face_the_machine_has(exported, no_noto, tmp_path):
    """Without Noto, Inkscape (which ignores embedded fonts) uses DejaVu Sans: the title is as wide as
    DejaVu sets it, anchored where the PNG's is, and nothing cuts it."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    drawn = inkscape_render(exported.furniture_only, no_noto, tmp_path / "inkscape.png")
    png = exported.png
    h, w = png.shape[:2]
    assert drawn.shape[:2] == (h, w)
    got = _ink(drawn, _title_band(exported, whole_width=True))
    want = _ink(png, _title_band(exported))
    (g0, g1), (w0, w1) = _extent(got), _extent(want)
    w0, w1 = w0 + round(exported.rects["title"][0]), w1 + round(exported.rects["title"][0])  # page columns
    # the title's ink width in DejaVu Sans Bold, as Qt sets it at this size
    fallback = QFont("DejaVu Sans")
    fallback.setPixelSize(round(15 * DPI / 72))
    fallback.setBold(True)
    probe = QImage(w, 200, QImage.Format.Format_RGB32)
    probe.fill(QColor("#ffffff"))
    painter = QPainter(probe)
    painter.setFont(fallback)
    painter.setPen(QColor("#222222"))
    painter.drawText(QPointF(10, 150), exported.title)
    painter.end()
    f0, f1 = _extent(_rgb(probe).min(axis=2) < INK_THRESHOLD)
    fallback_width = f1 - f0
    assert g1 - g0 > w1 - w0  # DejaVu is the wider face: whole, the title is wider than the PNG's
    if exported.rtl:
        # right-aligned in its box, it ends where the PNG's ends and reads leftwards as far as DejaVu
        # takes it: in Arabic that is past the page's left edge (the box is at the page's left)
        assert abs(g1 - w1) <= 0.5 * exported.page.px_per_mm, (g1, w1)
        assert abs((g1 - g0) - min(fallback_width, g1)) <= 0.03 * fallback_width, (g0, g1, fallback_width)
    else:
        assert abs(g0 - w0) <= 0.5 * exported.page.px_per_mm, (g0, w0)
        assert abs((g1 - g0) - fallback_width) <= 0.03 * fallback_width, (g1 - g0, fallback_width, w1 - w0)
