"""The trend chart plots the figures the map draws, and every label lies inside the widget.

Evidence this guards: the map drew Caminando Fronteras' 9,757 dead and missing on the Atlantic in
2024 while the chart plotted IOM's 1,062 (its own rule picked the source with most rows), and the
current quarter vanished from the chart when its only source was not that one.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFontMetrics

from geo import paths
from geo.flow_table import read_flow_table
from gui import trend_chart
from gui.trend_chart import TrendChart, trend_series


def competing_deaths(folder, quarters: bool = True):
    """Bundled figures where Caminando Fronteras reports more routes in 2024 (so the map draws it),
    with ``quarters`` also the only source of 2024Q1–Q3 on the Atlantic (2024Q4 has only IOM's 208)."""
    rows = list(csv.DictReader(paths.default_flows().open(encoding="utf-8")))
    atl = next(r for r in rows if r["route_id"] == "ATL" and r["period"] == "2024" and r["metric"] == "dead_missing"
               and r["source"] == "Caminando Fronteras")
    extra = [{**atl, "route_id": "CMR", "value": "1500"}]
    extra += [{**atl, "period": q, "value": v, "date_from": "", "date_to": ""}
              for q, v in (("2024Q1", "2100"), ("2024Q2", "2600"), ("2024Q3", "3100")) if quarters]
    out = folder / "deaths.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows + extra)
    return out


@pytest.fixture
def deaths(doc, tmp_path):
    doc.set_flows(read_flow_table(competing_deaths(tmp_path)))
    return doc


def drawn(doc, route_id):
    figured = doc.join().figured
    return float(figured.loc[figured["route_id"] == route_id, "value"].iloc[0])


def test_the_chart_plots_the_figure_the_map_draws(doc, tmp_path):
    deaths = doc
    deaths.set_flows(read_flow_table(competing_deaths(tmp_path, quarters=False)))
    deaths.select("2024", "dead_missing")
    assert drawn(deaths, "ATL") == 9757.0  # the map: Caminando Fronteras covers more routes
    assert dict((p, v) for p, _, v in trend_series(deaths, "ATL"))["2024"] == 9757.0
    deaths.select("2024", "dead_missing", "IOM Missing Migrants Project")  # the user's source choice
    assert drawn(deaths, "ATL") == 1062.0
    assert dict((p, v) for p, _, v in trend_series(deaths, "ATL"))["2024"] == 1062.0


def test_the_current_quarter_is_plotted_when_its_source_differs(deaths):
    deaths.select("2024Q4", "dead_missing")
    assert drawn(deaths, "ATL") == 208.0  # only IOM reports Q4
    assert trend_series(deaths, "ATL") == [("2024Q1", "Q1 2024", 2100.0), ("2024Q2", "Q2 2024", 2600.0),
                                           ("2024Q3", "Q3 2024", 3100.0), ("2024Q4", "Q4 2024", 208.0)]
    assert (deaths.period, deaths.source) == ("2024Q4", None)  # computing it left the selection alone


def test_a_route_the_map_does_not_draw_has_no_point(doc):
    doc.select("2024", "dead_missing")  # ALB: only Caminando Fronteras, not the source the map draws
    assert "ALB" in doc.join().no_data
    assert dict((p, v) for p, _, v in trend_series(doc, "ALB"))["2024"] is None


def test_the_series_is_computed_once_per_figures_table(qtbot, deaths, monkeypatch):
    calls = []
    real = trend_chart.trend_series
    monkeypatch.setattr(trend_chart, "trend_series", lambda doc, rid: calls.append(rid) or real(doc, rid))
    deaths.select("2024Q4", "dead_missing")
    chart = TrendChart(deaths)
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    chart.set_route("ATL")
    for _ in range(3):
        chart.grab()
        chart.refresh()
    assert calls == ["ATL"]
    deaths.set_flows(read_flow_table(paths.default_flows()))  # another table: computed again
    assert calls == ["ATL", "ATL"] and chart.series == [("2024Q4", "Q4 2024", 208.0)]


def ink_at_edges(image, columns=2) -> int:
    """Dark pixels (text) in the outermost columns and rows of ``image``."""
    w, h = image.width(), image.height()
    edge = [(x, y) for x in list(range(columns)) + list(range(w - columns, w)) for y in range(h)]
    edge += [(x, y) for y in list(range(columns)) + list(range(h - columns, h)) for x in range(w)]
    return sum(1 for x, y in edge if QColor(image.pixel(x, y)).lightness() < 110)


@pytest.mark.parametrize("size", [None, QSize(150, 120), QSize(96, 120)])
@pytest.mark.parametrize("route", ["ATL", "NOWHERE", None])
def test_no_label_is_clipped(qtbot, deaths, size, route):
    deaths.select("2024Q4", "dead_missing")
    chart = TrendChart(deaths)
    qtbot.addWidget(chart)
    chart.resize(size or chart.sizeHint())
    chart.set_route(route)
    image = chart.grab().toImage()
    fm = QFontMetrics(chart.font())
    bounds = QRectF(chart.rect())
    assert chart.text_rects, "nothing was laid out"
    if route == "ATL":
        assert {k for k, _, _ in chart.text_rects} >= {"title", "axis", "period", "value"}
    for kind, text, rect in chart.text_rects:
        assert bounds.contains(rect), (kind, text, rect, bounds)
        assert rect.width() >= fm.horizontalAdvance(text) - 0.5, (kind, text)  # the whole text fits its box
    assert ink_at_edges(image) == 0
    if size is None and route == "ATL":  # room for every period and every value at the size it asks for
        kinds = [k for k, _, _ in chart.text_rects]
        assert kinds.count("period") == 4 and kinds.count("value") == 4
