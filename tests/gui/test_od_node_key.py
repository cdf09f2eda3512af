"""The OD map's node circles have a size key, measured on the drawn page at 300 dpi.

The legend said 'Circle area: all flows in and out' with one circle of a fixed size, and no reader could
tell what a node's circle stood for. It now shows nested circles of round totals, drawn on the scale the
map's circles are drawn on: their areas compare. Measured here on the pixels: the map's largest node
(Italy, 1,257 + 19,238 + 41,484 = 61,979 in and out in 2024) across its dark fill, and the key's largest
circle (50,000, the round total under it) across its grey.
"""

from __future__ import annotations

import numpy as np
from painted import paint
from print_support import page_image, pixels

from geo import paths
from geo.document import MapDocument
from geo.page import Page
from geo.projection import transformer

OD = paths.data_path("flows", "od_2024.csv")
ITALY_TOTAL = 1257 + 19238 + 41484
"""Italy's node in the 2024 departures: every flow of the file ends there (the update's figures)."""
KEY_TOP = 50_000
"""The key's largest circle: the round value (1-2-5) under the largest node's total."""


def longest_run(mask: np.ndarray) -> int:
    """The longest run of True along the rows of ``mask``."""
    best = 0
    for row in mask:
        padded = np.concatenate([[False], row, [False]])
        edges = np.flatnonzero(np.diff(padded.astype(int)))
        if len(edges):
            best = max(best, int((edges[1::2] - edges[0::2]).max()))
    return best


def test_the_node_circles_key_is_drawn_on_the_scale_of_the_map_s_circles(qapp):
    doc = MapDocument.from_files(flows=OD)
    doc.select("2024", "departures")
    page = Page("A4", "landscape", 300)
    image, view, report = paint(doc, page, page_image(page))
    px = pixels(image).astype(int)
    mm = view.px_per_mm
    # the map's Italy node, across its centre row: its fill is dark (85 % of #3d3d3d over any ground)
    nodes = doc.join().flows
    italy = nodes.loc[nodes["dest"] == "Italy"].geometry.iloc[0]
    lon, lat = italy.coords[-1][:2]
    x, y = transformer("EPSG:4326", doc.crs).transform(lon, lat)
    cx, cy = (round(v) for v in view.to_px(np.array([[x, y]]))[0])
    row = px[cy, :, :].max(axis=1) < 120
    left = right = cx
    while row[left - 1]:
        left -= 1
    while row[right + 1]:
        right += 1
    node_mm = (right - left + 1) / mm
    assert 6.0 < node_mm < 12.0, f"Italy's node {node_mm:.1f} mm across: not the node found"
    # the legend's nested key: the widest run of its largest circle's grey (55 % of #3d3d3d over white)
    legend = report.furniture_rects["legend"]
    box = px[round(legend.top()):round(legend.bottom()), round(legend.left()):round(legend.right())]
    bars = (np.abs(box - 111).max(axis=2) <= 3) & (np.ptp(box, axis=2) < 3)  # the width samples, #6f6f6f
    below = max((i for i, row in enumerate(bars) if row.sum() > 10 * mm), default=0) + round(mm)
    box = box[below:]  # under the bars (their soft edges are this grey too)
    grey = (np.abs(box - 148).max(axis=2) <= 12) & (np.ptp(box, axis=2) < 6)
    key_mm = longest_run(grey) / mm
    assert key_mm > 3.0, f"no node circle key in the legend (widest grey {key_mm:.1f} mm)"
    # areas in proportion: (key / node)² as KEY_TOP / ITALY_TOTAL, to the pixel's rounding
    ratio = (key_mm / node_mm) ** 2
    assert abs(ratio / (KEY_TOP / ITALY_TOTAL) - 1) < 0.08, \
        f"key {key_mm:.2f} mm, node {node_mm:.2f} mm: areas {ratio:.3f}, figures {KEY_TOP / ITALY_TOTAL:.3f}"
