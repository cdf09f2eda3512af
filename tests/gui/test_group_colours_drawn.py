"""Six routes in six groups the style names no colour for are drawn in six colours, each the one its
legend entry shows (geo.colours.group_palette): read from the painted page, where no later band
covers the band."""

import numpy as np
import shapely
from painted import paint, pixels

from geo.colours import rgb
from geo.page import Page


def test_each_new_group_is_drawn_in_a_colour_of_its_own(qapp, tmp_path):
    from bench.many_routes import write_routes
    from geo.document import MapDocument

    routes, flows = write_routes(tmp_path, 6, 6, seed=4)
    doc = MapDocument.from_files(routes=routes, flows=flows)
    image, view, report = paint(doc, Page("A4", "landscape", 100.0))
    page = pixels(image)
    symbols = report.symbols
    shapes = [shapely.transform(g, view.to_px) for g in symbols.geometry]
    drawn = {}
    for k, row in enumerate(symbols.itertuples()):
        seen = shapes[k].difference(shapely.union_all(shapes[k + 1:])) if k + 1 < len(shapes) else shapes[k]
        inner = seen.buffer(-4.0)
        if inner.is_empty:
            continue
        p = inner.representative_point()
        got = page[int(p.y), int(p.x)]
        want = np.round(np.array(rgb(doc.flow_colour(row.route_id, row.group))) * 255)
        assert np.abs(got.astype(int) - want).max() <= 3, (row.group, got, want)
        drawn[row.group] = tuple(int(v) for v in got)
    assert len(drawn) >= 5  # nearly every band shows somewhere
    assert len(set(drawn.values())) == len(drawn)
