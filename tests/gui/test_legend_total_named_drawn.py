"""The key's example of a total is one the map writes out (issue 11): on the A4 overview Italy's total is
numbered for want of room, its words in the footer, and the key named it all the same."""

from __future__ import annotations

import pytest
from painted import paint

from geo.page import Page


@pytest.mark.parametrize("language, joint", [("en", " and the other figures in black"), ("fr", " et les autres chiffres en noir"),
                                             ("ar", " وسائر الأرقام بالأسود")])
def test_the_overview_s_a4_legend_names_a_total_its_map_writes_out(qapp, language, joint):
    """On the A4 overview Italy's total has no room and is numbered, its words in the footer, but the
    legend's entry still read 'Italy 65,474 and the other figures in black': the reader looked for a figure
    the map does not write. Once the labels are placed the entry names a total written out on the map or
    in its insets."""
    from geo import paths
    from geo.project import load_project

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    doc.label_language = language
    _, _, report = paint(doc, Page("A4", "landscape", 150))
    numbered = {key for k in report.numbered for key in k.keys}
    assert "total:CMR" in numbered  # Italy's, on this page
    (entry,) = [text for kind, text, *_ in report.texts if kind == "legend" and joint in text]
    named = entry.split(joint)[0]
    written = [m for r in (report, *(inner for _inset, inner in report.insets)) for m in r.marks if m.kind == "total"]
    assert any(m.text.splitlines()[0].startswith(named) for m in written), (entry, [m.text for m in written])
    assert not any(m.key in numbered for m in written if m.text.splitlines()[0].startswith(named))


def test_the_a4_overview_s_web_map_legend_names_the_total_its_page_writes_out(qapp, tmp_path):
    """The web map lists the painter's legend: made from the A4 page, where Italy's total is numbered,
    its entry names the total the page writes out, as the PNG's does."""
    import html

    from geo import paths
    from geo.project import load_project
    from gui.layout import page_view
    from gui.web_export import export_webmap

    doc = load_project(paths.data_path() / "projects" / "q4_2024_overview.crossings.json")
    path = export_webmap(doc, page_view(doc, Page("A4", "landscape", 150)), tmp_path / "a4.html")
    text = html.unescape(path.read_text(encoding="utf-8"))
    assert "Spain (WMR) 16,903 and the other figures in black" in text
    assert "Italy 65,474 and the other figures in black" not in text
