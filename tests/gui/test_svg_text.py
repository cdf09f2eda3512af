"""The SVG's texts: where the renderer put them, as real text an editor can correct, with their fonts.

The texts an SVG export records are drawn back with Qt at the recorded places and must give the
PNG pixel for pixel; the file is read back for what it holds: no text in a clip path, each halo a
stroked copy of its text in the label's group, Arabic names as whole strings set upright, and
subsets of the bundled fonts for every letter shown.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from painted import pixels, svg_string
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTransform

from geo.errors import ExportError
from geo.map_texts import map_title
from geo.page import Page
from geo.svg_fonts import bundled_faces
from geo.svg_text import LRM, PDF, RLE, MapText, TextLine, fitted_strings, has_arabic, text_group
from gui.export import VectorExportSettings, export_svg, paint_page, render_image
from gui.fonts import map_font
from gui.painting import halo_outline
from gui.render import RenderOptions
from gui.svg_text_recorder import TextRecordingPainter
from gui.text_lines import laid_lines

SVG = "{http://www.w3.org/2000/svg}"
PAGE = Page("A4", "landscape", 150)
SMALL = VectorExportSettings(Page("A4", "landscape", 72))


class FontKeepingRecorder(TextRecordingPainter):
    """The recorder, also keeping the QFont each text was set in (and a halo's own, as draw_halo_text had
    it), so a test can draw the text again."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.fonts: list[tuple[QFont, QFont | None]] = []
        self._halo_font: QFont | None = None

    def record_halo_text(self, lines, font, *args) -> None:
        self._halo_font = QFont(font)
        try:
            super().record_halo_text(lines, font, *args)
        finally:
            self._halo_font = None

    def _record(self, *args, **kwargs) -> None:
        before = len(self.texts)
        super()._record(*args, **kwargs)
        if len(self.texts) > before:
            self.fonts.append((QFont(self.font()), self._halo_font))


def _page_image(page: Page) -> QImage:
    """A page painted as gui.export.render_image paints an opaque one (three bytes a pixel): the same
    compositing, so the same rounding at antialiased edges."""
    image = QImage(*page.size_px, QImage.Format.Format_RGB888)
    image.setDotsPerMeterX(round(page.dpi / 0.0254))
    image.setDotsPerMeterY(round(page.dpi / 0.0254))
    return image


def _left(item: MapText, width: float, x: float) -> float:
    """Where a line's glyphs start, from its SVG anchor ('start' is the right end of right-to-left text)."""
    if item.anchor == "middle":
        return x - width / 2
    at_right = (item.anchor == "end") != item.rtl
    return x - width if at_right else x


def _draw_back(painter: QPainter, item: MapText, fonts: tuple[QFont, QFont | None]) -> None:
    """Draw a recorded text as Qt drew it: halo first (as gui.painting does), then the letters."""
    font, halo_font = fonts
    painter.save()
    if item.transform is not None:
        painter.setTransform(QTransform(*item.transform))
    painter.setOpacity(item.opacity)
    painter.setFont(halo_font or font)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if item.rtl else Qt.LayoutDirection.LeftToRight)
    metrics = QFontMetricsF(painter.font(), painter.device())
    origins = [(line.text, QPointF(_left(item, metrics.horizontalAdvance(line.text), line.x), line.y))
               for line in item.lines]
    if item.halo is not None:  # gui.painting's halo, as the painter builds it
        halo = QColor(item.halo.colour)
        halo.setAlphaF(item.halo.opacity)
        painter.fillPath(halo_outline(painter, halo_font, origins, item.halo.width), halo)
    colour = QColor(item.colour)
    colour.setAlphaF(item.colour_opacity)
    painter.setPen(colour)
    for text, origin in origins:
        painter.drawText(origin, text)
    painter.restore()


@pytest.mark.parametrize("language,periods", [("en", None), ("ar", None), ("fr", ("2023", "2024"))],
                         ids=["english", "arabic", "french-small-multiples"])
def test_the_recorded_texts_drawn_back_give_the_png_pixel_for_pixel(qapp, bundled_doc_factory, language, periods):
    """The SVG's texts are the renderer's: drawn at their recorded places they remake the PNG exactly
    (title, legend, wrapped footer, rotated north letter, halos, Arabic right to left)."""
    doc = bundled_doc_factory()
    doc.label_language = language
    expected = render_image(doc, PAGE, RenderOptions(), periods)
    doc = bundled_doc_factory()  # a fresh document: nothing cached from the first render
    doc.label_language = language
    image = _page_image(PAGE)
    if periods:
        image.fill(0)
    recorder = FontKeepingRecorder(image)
    try:
        paint_page(recorder, doc, PAGE, RenderOptions(), periods)
    finally:
        recorder.end()
    assert len(recorder.texts) > 40
    assert any(item.transform is not None for item in recorder.texts)  # the north arrow's letter, turned
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for item, font in zip(recorder.texts, recorder.fonts, strict=True):
        _draw_back(painter, item, font)
    painter.end()
    got, want = pixels(image).astype(int), pixels(expected).astype(int)
    # exact but where halos overlap (a two-line total's, Lanzarote's and Fuerteventura's): a few levels apart
    # there (measured: at most 5 of 255, on under 0.2 % of the page); a text a quarter of a pixel off
    # differs by tens of levels
    assert np.abs(got - want).max() <= 8, np.argwhere(np.abs(got - want).max(axis=2) > 8)[:5].tolist()
    assert np.mean(np.abs(got - want).max(axis=2) > 0) < 0.005


LAYOUT_CASES = [
    ("Mixed migration routes: North Africa and the Mediterranean",
     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextDontClip, 15, True),
    ("Sources: IOM and UNHCR; boundaries are not endorsed, and more words so the line wraps twice ≥ 1,659",
     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, 7, False),
    ("المصادر: المنظمة الدولية للهجرة والمفوضية السامية للأمم المتحدة لشؤون اللاجئين ووزارة الداخلية (أ)",
     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextForceRightToLeft, 7, False),
    ("500 km", Qt.AlignmentFlag.AlignHCenter, 7, False),
    ("Scale true at the centre", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute, 6, False),
    ("Arrivals by sea\nand land", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, 7.5, False),
]


@pytest.mark.parametrize("text,flags,size,bold", LAYOUT_CASES, ids=["title", "wrapped", "arabic-wrapped",
                                                                    "centred", "right", "two-lines"])
def test_laid_lines_are_where_qt_draws_the_text(qapp, text, flags, size, bold):
    """Each line drawn at its laid-out place gives the pixels of Qt's own drawText(rect, flags, text)."""
    images = []
    for replay in (False, True):
        image = QImage(700, 260, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setFont(map_font(size, 150, image.logicalDpiY(), bold=bold))
        painter.setPen(QColor("#000000"))
        rect = QRectF(20.3, 15.7, 640, 200)
        if replay:
            lines, rtl, _ = laid_lines(painter, rect, int(flags), text)
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            for line in lines:
                painter.drawText(QPointF(line.left, line.baseline), line.text)
        else:
            painter.drawText(rect, int(flags), text)
        painter.end()
        images.append(pixels(image))
    assert (images[0] < 128).any()
    assert np.array_equal(images[0], images[1])


def test_a_text_call_the_recorder_does_not_know_is_refused(qapp):
    """No text reaches the SVG generator by a way the recorder does not handle (it would land there
    word by word, in a clip path): an unknown drawText overload is an error, not a silent paint."""
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    recorder = TextRecordingPainter(image)
    try:
        with pytest.raises(TypeError, match="not recorded"):
            recorder.drawText(5, 20, "Tripoli")
        recorder.drawText(QPointF(5, 20), "Tripoli")
    finally:
        recorder.end()
    assert [line.text for line in recorder.texts[0].lines] == ["Tripoli"]


def _svg(doc, tmp_path, name="map.svg"):
    return ET.parse(export_svg(doc, tmp_path / name, SMALL)).getroot()


def test_no_text_is_clipped_and_each_halo_is_a_stroked_copy_in_its_labels_group(doc, tmp_path):
    root = _svg(doc, tmp_path)
    parents = {child: parent for parent in root.iter() for child in parent}
    texts = list(root.iter(f"{SVG}text"))
    assert len(texts) > 60
    for text in texts:
        node = text
        while node is not root:
            assert node.get("clip-path") is None, svg_string(text)
            node = parents[node]
        assert parents[text].get("class") == "crossings-label", svg_string(text)
    haloed = 0
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "crossings-label":
            continue
        members = list(group)
        assert all(m.tag == f"{SVG}text" for m in members), "a label's group holds its texts only"
        if len(members) == 2:
            halo, text = members
            assert halo.get("class") == "crossings-halo" and svg_string(halo) == svg_string(text)
            assert halo.get("fill") == "none" and halo.get("stroke-linejoin") == "round"
            assert float(halo.get("stroke-width")) > 0 and re.fullmatch("#[0-9a-f]{6}", halo.get("stroke"))
            assert text.get("stroke") is None and text.get("fill", "").startswith("#")
            haloed += 1
    layer_of = {}
    for layer in root.findall(f"{SVG}g"):
        for text in layer.iter(f"{SVG}text"):
            layer_of.setdefault(svg_string(text), layer.get("id"))
    assert haloed >= 20  # every place, country and figure label
    assert layer_of["Lampedusa"] == "places" and layer_of["11,341"] == "labels" and layer_of["ALGERIA"] == "labels"
    assert layer_of[map_title(doc)] == "furniture"


def test_arabic_names_are_whole_strings_set_upright_and_latin_islands_in_italics(doc, tmp_path):
    doc.label_language = "ar"
    root = _svg(doc, tmp_path, "ar.svg")
    from painted import paint

    _, _, report = paint(doc, SMALL.page)
    placed = [text for _, text, _ in report.place_labels]
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "crossings-label"]
    strings = {svg_string(g.findall(f"{SVG}text")[-1]): g for g in groups}
    assert any(" " in name for name in placed)  # names of several words ("جزر البليار") are among them
    for name in placed:
        assert name in strings, name  # one element for the whole name, not a word at a time
    title = strings[map_title(doc)]
    # right to left: embedded so (a left-to-right paragraph, for Inkscape's textLength), its start at the right
    assert "".join(title.find(f"{SVG}text").itertext()) == RLE + map_title(doc) + PDF + LRM
    assert title.get("direction") is None and title.get("text-anchor") == "end"
    assert not [s for s, g in strings.items() if has_arabic(s) and g.get("font-style") != "normal"]
    doc.label_language = "en"
    english = {svg_string(g.findall(f"{SVG}text")[-1]): g.get("font-style")
               for g in _svg(doc, tmp_path, "en.svg").iter(f"{SVG}g") if g.get("class") == "crossings-label"}
    assert english["Tenerife"] == "italic" and english["Ceuta"] == "normal"


def test_an_italic_text_with_arabic_letters_is_written_upright():
    """Arabic has no italic face: where a Latin map sets a name in italics, an Arabic one stays upright."""
    def style(text: str) -> str:
        item = MapText((TextLine(text, 10, 20),), ("Noto Sans", "Noto Sans Arabic"), 12.0, 400, True, "#222222")
        return text_group(item).get("font-style")

    assert style("Tenerife") == "italic" and style("تينيريفي") == "normal"


def _embedded_faces(root) -> list[tuple[str, str, str, object]]:
    from fontTools.ttLib import TTFont

    css = root.find(f"{SVG}defs/{SVG}style").text
    rules = re.findall(r"font-family: '([^']+)'; font-weight: (\d+); font-style: (\w+); "
                       r"src: url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\) format\('truetype'\)", css)
    return [(family, weight, style, TTFont(io.BytesIO(base64.b64decode(data)))) for family, weight, style, data in rules]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_letter_shown_is_in_an_embedded_subset_of_the_bundled_fonts(doc, tmp_path, language):
    doc.label_language = language
    root = _svg(doc, tmp_path)
    faces = _embedded_faces(root)
    families = {family for family, *_ in faces}
    assert ("Noto Sans Arabic" in families) == (language == "ar") and "Noto Sans" in families
    shown = {ch for text in root.iter(f"{SVG}text") for ch in svg_string(text) if not ch.isspace()}
    covered = {chr(c) for *_, font in faces for c in font.getBestCmap()}
    assert shown <= covered, sorted(shown - covered)
    italic_faces = [font for _, _, style, font in faces if style == "italic"]
    italic_letters = {ch for g in root.iter(f"{SVG}g") if g.get("font-style") == "italic"
                      for text in g.findall(f"{SVG}text") for ch in svg_string(text) if not ch.isspace()}
    assert italic_letters <= {chr(c) for font in italic_faces for c in font.getBestCmap()}
    originals = {(f.family, f.weight, f.italic): f.path for f in bundled_faces()}
    from fontTools.ttLib import TTFont

    for family, weight, style, font in faces:  # subsets: a small share of each bundled face
        with TTFont(originals[(family, int(weight), style == "italic")], lazy=True) as whole:
            assert len(font.getGlyphOrder()) < 0.2 * len(whole.getGlyphOrder()), family
    if language == "ar":  # the client shapes Arabic: the joining forms' features are kept
        arabic = next(font for family, _, _, font in faces if family == "Noto Sans Arabic")
        tags = {record.FeatureTag for record in arabic["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "isol"} <= tags


def test_a_font_that_cannot_be_embedded_is_named_and_nothing_is_written(doc, tmp_path, monkeypatch):
    from fontTools.ttLib import TTLibError

    import gui.svg_export

    def broken(texts):
        raise TTLibError("bad 'glyf' table")

    monkeypatch.setattr(gui.svg_export, "font_face_css", broken)
    target = tmp_path / "map.svg"
    with pytest.raises(ExportError, match=r"^map\.svg: could not embed the map's fonts \(TTLibError: bad 'glyf'"):
        export_svg(doc, target, SMALL)
    assert list(tmp_path.iterdir()) == []


def _item(*lines: TextLine, rtl: bool = True) -> MapText:
    return MapText(lines, ("Noto Sans", "Noto Sans Arabic"), 12.0, 400, False, "#222222", anchor="start", rtl=rtl)


def test_a_right_to_left_text_is_written_so_inkscape_can_fit_it_and_a_line_mixing_runs_is_not():
    """Inkscape 1.2 scales a right-to-left paragraph by textLength / 0: a text whose lines run one way is
    written left to right, an Arabic line embedded right to left and closed by a left-to-right mark; a
    right-to-left line mixing runs keeps its paragraph and no textLength (Inkscape would reorder it)."""
    name = TextLine("جزر البليار", 100, 20, 80.5, "rtl")
    figure = TextLine("10\u202f000", 100, 40, 30.0, "ltr")
    mixed = TextLine("الربع الرابع 2024", 100, 60, 90.0, "mixed")
    assert fitted_strings(_item(name, figure)) == ((RLE + name.text + PDF + LRM, figure.text), False)
    assert fitted_strings(_item(mixed)) is None and fitted_strings(_item(name, mixed)) is None
    latin = TextLine("Tripoli طرابلس", 0, 0, 50.0, "mixed")  # ends in a right-to-left run: closed by a mark
    assert fitted_strings(_item(latin, rtl=False)) == ((latin.text + LRM,), False)
    group = text_group(_item(name, figure))
    text = group.find(f"{SVG}text")
    assert group.get("direction") is None and group.get("text-anchor") == "end"  # 'start' of the right-to-left text
    assert text.get("textLength") == "110.5" and text.get("lengthAdjust") == "spacingAndGlyphs"
    assert [svg_string(span) for span in text] == [name.text, figure.text]
    group = text_group(_item(mixed))
    assert group.get("direction") == "rtl" and group.get("text-anchor") == "start"
    assert group.find(f"{SVG}text").get("textLength") is None


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_every_text_is_written_with_the_advance_qt_set_it_in_as_its_text_length(qapp, bundled_doc_factory, language):
    """A client without the bundled face scales its own to textLength: it must be the width Qt set the
    text in, every line summed, on the halo's copy too. Only an Arabic line with figures or Latin words
    in it goes without (see the test above)."""
    doc = bundled_doc_factory()
    doc.label_language = language
    image = _page_image(SMALL.page)
    recorder = FontKeepingRecorder(image)
    try:
        paint_page(recorder, doc, SMALL.page, RenderOptions())
    finally:
        recorder.end()
    unfitted = []
    for item, (font, halo_font) in zip(recorder.texts, recorder.fonts, strict=True):
        metrics = QFontMetricsF(halo_font or font, image)
        advance = sum(metrics.horizontalAdvance(line.text) for line in item.lines)
        texts = text_group(item).findall(f"{SVG}text")
        if texts[-1].get("textLength") is None:
            unfitted.append(item)
            continue
        for text in texts:
            assert abs(float(text.get("textLength")) - advance) < 0.006, item.string  # written to 0.01
            assert text.get("lengthAdjust") == "spacingAndGlyphs"
    assert len(recorder.texts) > 40
    if language != "ar":
        assert not unfitted, [item.string for item in unfitted]
        return
    assert len(unfitted) < len(recorder.texts) / 4
    for item in unfitted:
        assert item.rtl and any(line.runs == "mixed" for line in item.lines), item.string
        assert has_arabic(item.string) and any(ch.isdigit() or (ch.isascii() and ch.isalpha()) for ch in item.string)
    fitted = {item.string for item in recorder.texts} - {item.string for item in unfitted}
    assert map_title(doc) in fitted
