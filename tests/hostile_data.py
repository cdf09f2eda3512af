"""A document carrying script-like text in every place data text can reach a page (shared by the
web map's string tests and its browser tests)."""

from __future__ import annotations

import pandas as pd

from geo import paths
from geo.document import MapDocument

PAYLOAD = "<img src=x onerror=alert(1)>"


def malicious_document(tmp_path) -> MapDocument:
    """The bundled map with the payload in a route name, a source, a note, the title and the notes."""
    csv = pd.read_csv(paths.default_flows(), dtype=str, keep_default_na=False)
    row = (csv.route_id == "ATL") & (csv.period == "2024Q4") & (csv.metric == "arrivals")
    assert row.sum() == 1
    csv.loc[row, "source"] = PAYLOAD
    csv.loc[row, "note"] = "note " + PAYLOAD + " `${alert(2)}` </script><script>alert(3)</script>"
    path = tmp_path / "figures.csv"
    csv.to_csv(path, index=False)
    doc = MapDocument.from_files(flows=path)
    routes = doc.layer("routes")
    routes.data.loc[routes.data.route_id == "ATL", "name"] = PAYLOAD
    doc.layer_changed(routes)
    doc.title = PAYLOAD
    doc.notes = PAYLOAD
    return doc
