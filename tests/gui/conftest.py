"""GUI tests share one QApplication (pytest-qt's qapp) and the bundled document."""

import pytest


@pytest.fixture
def doc(qapp, bundled_doc_factory):
    return bundled_doc_factory()


@pytest.fixture
def canvas(qtbot, doc):
    """An 800 x 600 map canvas on the bundled document, shown and fully rendered once."""
    from gui.map_canvas import MapCanvas

    c = MapCanvas(doc)
    qtbot.addWidget(c)
    c.resize(800, 600)
    c.show()
    qtbot.waitExposed(c)
    c.render_now()
    return c


@pytest.fixture
def arabic(doc):
    """The default map in Arabic (the PDF and PNG publishing tests read its texts back)."""
    doc.select(None, None, None)
    doc.label_language = "ar"
    doc.title = "Mixed migration routes: North Africa and the Mediterranean"  # printed in the map's language
    return doc


@pytest.fixture(scope="module")
def drawn(qapp):
    """``drawn(name)``: a map of drawn_maps.MAPS at 300 dpi with its page's geography, drawn once a module."""
    from drawn_maps import draw_factory

    return draw_factory()


@pytest.fixture(scope="module")
def small_multiples(qapp):
    """``--periods 2023 2024`` at 300 dpi, with each panel's view and its renderer's report."""
    from print_support import paint_small_multiples

    import gui.render
    from geo.document import MapDocument

    reports = []
    render_map = gui.render.MapRenderer.render_map

    def recorded(self, *args, **kwargs):
        out = render_map(self, *args, **kwargs)
        reports.append(self.report)
        return out

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gui.render.MapRenderer, "render_map", recorded)
        doc, _, _, rgb, views = paint_small_multiples(MapDocument.from_files())
    return doc, rgb, views, reports
