"""SVG and PDF go through the same renderer: named layers, text kept as text, fonts embedded."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from geo.page import Page
from gui.export import LAYER_LABELS, VectorExportSettings, export_pdf, export_svg

SVG = "{http://www.w3.org/2000/svg}"
INK = "{http://www.inkscape.org/namespaces/inkscape}"


@pytest.fixture
def small_page():
    return VectorExportSettings(Page("A4", "landscape", 72))


def test_svg_has_one_named_inkscape_layer_per_map_layer(doc, tmp_path, small_page):
    out = export_svg(doc, tmp_path / "map.svg", small_page)
    root = ET.parse(out).getroot()
    layers = [g for g in root if g.tag == f"{SVG}g"]
    assert [g.get("id") for g in layers] == list(LAYER_LABELS)
    assert all(g.get(f"{INK}groupmode") == "layer" for g in layers)
    assert root.get("width").endswith("mm") and root.get("viewBox") == "0 0 842 595"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # clip paths of different passes do not collide

    def texts(layer_id):
        layer = next(g for g in layers if g.get("id") == layer_id)
        return ["".join(t.itertext()) for t in layer.iter(f"{SVG}text")]

    assert {"16,109 (a)", "11,341", "5,128"} <= set(texts("labels"))
    assert "ALGERIA" in texts("labels")
    assert "Ceuta" in texts("places") and "Lampedusa" in texts("places")
    assert doc.title in texts("furniture")
    assert not texts("countries")  # the countries layer is shapes only


def test_data_text_is_escaped_in_svg(doc, tmp_path, small_page):
    evil = "<img src=x onerror=alert(1)> & co"
    doc.title = evil
    out = export_svg(doc, tmp_path / "map.svg", small_page)
    raw = out.read_text(encoding="utf-8")
    assert "<img" not in raw
    root = ET.parse(out).getroot()
    assert evil in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_embeds_the_bundled_fonts_and_keeps_text(doc, tmp_path, small_page):
    out = export_pdf(doc, tmp_path / "map.pdf", small_page)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "NotoSans-Regular" in fonts and "NotoSans-Bold" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "16,109" in text and "Lampedusa" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "842 x 595 pts" in info  # A4 landscape


def test_small_multiples_share_one_width_scale(doc, tmp_path):
    from PySide6.QtGui import QImage, QPainter

    from gui.small_multiples import render_small_multiples

    page = Page("A4", "landscape", 100)
    image = QImage(*page.size_px, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    views = render_small_multiples(painter, doc, page, ["2023", "2024"])
    painter.end()
    assert len(views) == 2 and views[0].frame_px[0] < views[1].frame_px[0]  # side by side
    assert views[0].extent == views[1].extent
    assert doc.period == "2024Q4" and doc.flow_style.reference_value is None  # selection restored
    # the panels are drawn at one scale: 97,306 (CMR-TN 2023) is the reference for both
    from gui.small_multiples import shared_scale

    scale = shared_scale(doc, ["2023", "2024"])
    assert scale.reference_value == 97306
    out = export_svg(doc, tmp_path / "sm.svg", VectorExportSettings(page, periods=("2023", "2024")))
    texts = ["".join(t.itertext()) for t in ET.parse(out).getroot().iter(f"{SVG}text")]
    assert "97,306" in texts and "19,238" in texts and "2023" in texts and "2024" in texts


def test_small_multiples_refuse_unknown_periods(doc):
    from PySide6.QtGui import QImage, QPainter

    from geo.errors import CrossingsError
    from gui.small_multiples import render_small_multiples

    image = QImage(100, 100, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        with pytest.raises(CrossingsError, match="period '2019' has no figures"):
            render_small_multiples(painter, doc, Page("A4", "landscape", 30), ["2019", "2024"])
    finally:
        painter.end()
