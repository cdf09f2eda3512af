"""The exported SVG in Chromium and Inkscape on a machine without Noto, compared with the PNG.

Most machines have no Noto fonts. Each client here gets a private fontconfig holding DejaVu only (and
the system's usual substitution rules), so it finds no Noto Sans whatever the test machine has:

- Chromium (Debian's, driven by playwright) reads the subset fonts embedded in the SVG, so its title,
  scale and names must be the PNG's letters at the PNG's places: same ink width, most ink shared.
- Inkscape 1.2 does not read fonts embedded in a file (its ``@font-face`` support loads .ttf and
  .otf files beside the document only), so it sets the texts in the face the machine has, DejaVu Sans,
  wider. Each text's textLength scales that face to the PNG's width: the title must start and end where
  the PNG's does (it used to run a tenth wider, the Arabic one off the page's left edge), and no text
  may leave the page, the legend's box or the sources' band.

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
        self.texts = _texts_only(self.svg, folder / "texts.svg")
        self.furniture_texts = _texts_only(self.svg, folder / "furniture-texts.svg", "furniture")


def _texts_only(svg: Path, out: Path, layer: str | None = None) -> Path:
    """A copy of ``svg`` holding its texts only (those of ``layer``, if given) and its fonts: all its ink is text."""
    tree = ET.parse(svg)
    root = tree.getroot()

    def holds_text(node: ET.Element) -> bool:
        if node.get("class") == "crossings-label":
            return True
        for child in list(node):
            if not holds_text(child):
                node.remove(child)
        return len(node) > 0

    for child in list(root):
        if child.tag == f"{SVG_NS}defs":
            continue
        if (layer is not None and child.get("id") != layer) or not holds_text(child):
            root.remove(child)
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def _rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _read_png(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    return _rgb(QImage(str(path)))


@pytest.fixture(scope="module", params=["en", "fr", "ar"])
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


def inkscape_render(svg: Path, env: dict[str, str], out: Path, dpi: float = DPI, margin_mm: float = 0.0) -> np.ndarray:
    """The SVG as Inkscape draws it, the page and ``margin_mm`` around it."""
    area = []
    if margin_mm:
        root = ET.parse(svg).getroot()
        width, height = (float(root.get(k).removesuffix("mm")) / 25.4 * 96 for k in ("width", "height"))
        m = margin_mm / 25.4 * 96  # --export-area takes CSS pixels
        area = [f"--export-area={-m}:{-m}:{width + m}:{height + m}"]
    subprocess.run([INKSCAPE, "--export-type=png", f"--export-filename={out}", f"--export-dpi={dpi}", *area,
                    "--export-background=#ffffff", "--export-background-opacity=1", str(svg)],
                   env=env, capture_output=True, check=True, timeout=180)
    return _read_png(out)


@pytest.fixture(scope="module")
def inkscape_furniture(exported, no_noto, tmp_path_factory) -> np.ndarray:
    """The furniture's texts (title, legend, scale, sources) as Inkscape draws them without Noto."""
    if INKSCAPE is None:
        pytest.skip("inkscape is not installed (apt-get install inkscape; `make test` does it)")
    drawn = inkscape_render(exported.furniture_texts, no_noto, tmp_path_factory.mktemp("inkscape") / "furniture.png")
    assert drawn.shape == exported.png.shape
    return drawn


def _ink(rgb: np.ndarray, box, threshold: int = INK_THRESHOLD) -> np.ndarray:
    """Where the dark text is inside ``box`` (x0, y0, x1, y1, page pixels)."""
    x0, y0, x1, y1 = (round(v) for v in box)
    return rgb[y0:y1, x0:x1].min(axis=2) < threshold


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


def _same_line(drawn: np.ndarray, png: np.ndarray, band, rtl: bool, tolerance: float, first_px: float,
               alike: float = 0.95) -> None:
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
    assert _alike(got[:, first], want[:, first]) > alike, _alike(got[:, first], want[:, first])


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
    # an Arabic footer of two lines is set a pixel higher by the browser, its figure a pixel nearer its word:
    # 93 % of the first words' ink within a pixel of the PNG's (words in another order share far less)
    _same_line(drawn, png, (x, y, x + width, y + 3.2 * mm), exported.rtl, LINE_WIDTH, FIRST_WORDS_MM * mm / 3,
               alike=0.92 if exported.rtl else 0.95)
    names = []
    for text, rect in exported.names:  # every island, enclave and town name, whole, in the same face
        got, want = _ink(drawn, rect), _ink(png, rect)
        assert got.any(), text
        names.append(_alike(got, want))
    assert np.median(names) > 0.8, sorted(names)


def test_inkscape_fits_the_title_to_the_pngs_without_noto(exported, inkscape_furniture):
    """Inkscape sets the title in DejaVu Sans, scaled by its textLength: inside its box, and its ink
    starts and ends where the PNG's does (to 3 % of its width: side bearings differ between faces)."""
    got = _ink(inkscape_furniture, _title_band(exported, whole_width=True))
    want = _ink(exported.png, _title_band(exported))
    x0, _, x1, _ = exported.rects["title"]
    (g0, g1), (w0, w1) = _extent(got), _extent(want)
    w0, w1 = w0 + round(x0), w1 + round(x0)  # page columns
    assert x0 < g0 and g1 < x1, ((g0, g1), (x0, x1))  # within its box, so within the page
    tolerance = 0.03 * (w1 - w0)
    assert abs(g0 - w0) <= tolerance and abs(g1 - w1) <= tolerance, ((g0, g1), (w0, w1))


@pytest.mark.skipif(INKSCAPE is None, reason="inkscape is not installed (apt-get install inkscape; `make test` does it)")
def test_inkscape_keeps_every_text_on_the_page_without_noto(exported, no_noto, tmp_path):
    """Every text of the map (names, figures, furniture) drawn by Inkscape in DejaVu Sans, with 20 mm
    round the page: no ink, not even a halo's, beyond the page."""
    dpi, margin = 150, 20.0
    drawn = inkscape_render(exported.texts, no_noto, tmp_path / "texts.png", dpi, margin)
    ink = drawn.min(axis=2) < 200
    edge = round(margin / 25.4 * dpi) - 1  # a pixel of slack: the page's edge falls inside a pixel
    page = np.zeros_like(ink)
    page[edge:-edge, edge:-edge] = True
    assert ink[page].sum() > 10_000
    outside = np.argwhere(ink & ~page)
    assert not outside.size, (len(outside), outside.min(axis=0), outside.max(axis=0))


def test_inkscape_keeps_the_legend_and_the_sources_in_their_boxes_without_noto(exported, inkscape_furniture):
    """The legend's texts stay in its box and the sources in their band, the sources starting where the
    PNG's do (at the right in Arabic). An Arabic line with figures or Latin words in it cannot be fitted
    in Inkscape 1.2 (geo.svg_text.fitted_strings): set in DejaVu Sans at its own width, it must still fit."""
    from gui.layout import PageLayout

    light = 200  # the furniture's texts only are drawn: every tone is text, the grey sources and notes too
    width = exported.png.shape[1]
    x0, y0, x1, y1 = exported.rects["legend"]
    # the legend's lowest rows may hold the scale's texts too, whose DejaVu digits overhang the scale's box
    # to the legend's side: there the legend's ink is read from its own box's edge
    _, sy0, sx1, _ = exported.rects["scale"]
    beside_scale = round(sx1) + 1
    above = (beside_scale, y0, width, min(y1, sy0)) if sy0 > y0 else None
    rows = [(beside_scale, *a[1:]) for a in [above] if a is not None] + ([(round(x0), max(y0, sy0), width, y1)]
                                                                        if sy0 < y1 else [])
    extents = [(c0 + r[0], c1 + r[0]) for r in rows if (m := _ink(inkscape_furniture, r, light)).any()
               for c0, c1 in [_extent(m)]]
    l0, l1 = min(e[0] for e in extents), max(e[1] for e in extents)
    assert x0 < l0 and l1 < x1, ((l0, l1), (x0, x1))
    x, y, band_width, height = PageLayout().footer_px(exported.page)
    band = (0, y, width, y + height)
    (g0, g1), (w0, w1) = _extent(_ink(inkscape_furniture, band, light)), _extent(_ink(exported.png, band, light))
    assert x <= g0 and g1 <= x + band_width, ((g0, g1), (x, x + band_width))
    assert abs((g1 if exported.rtl else g0) - (w1 if exported.rtl else w0)) <= 0.5 * exported.page.px_per_mm, \
        ((g0, g1), (w0, w1))
