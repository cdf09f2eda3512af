"""Write the schematic route lines (``data/shapefiles/routes.shp``).

Every route is a hand-drawn polyline (lon, lat, EPSG:4326) running FROM its
origin TO its destination; the map draws the arrowhead at the last vertex.
The lines are schematic representations of reported corridors, not tracks.

Drawing rules the vertex lists follow (checked by
``tests/geo/test_bundled_data.py``):

* sea legs start and end 5–15 km off the coast and keep at least 5 km from
  any land of ``countries.shp``, also after 3 Chaikin iterations;
* Atlantic legs run roughly 40–150 km offshore, then turn to the islands;
* vertices are spaced so the Chaikin-smoothed line has no visible kinks.

Run from the repository root after editing a vertex list, then run the tests::

    python data/scripts/make_routes.py
    python -m pytest tests/geo/test_bundled_data.py -q
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
from shapefile_io import write_shapefile  # sibling module in data/scripts/
from shapely.geometry import LineString, MultiLineString

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "shapefiles" / "routes.shp"

# Land legs, shared by the Ceuta/Melilla branches and their WMR-LAND parent.
CEUTA_LEG = [(-5.358, 35.848), (-5.346, 35.863), (-5.333, 35.876), (-5.318, 35.888)]
MELILLA_LEG = [(-2.929, 35.168), (-2.931, 35.205), (-2.932, 35.245), (-2.938, 35.290)]

# (route_id, name, group, parent, mode, origin, dest, vertices); mode is sea, land or expulsion
# (a corridor people are expelled along): data/flows/metrics.csv says which figures apply to which
ROUTES = [
    (
        # Spain's arrivals over its routes (data/flows/relations.csv: total_over ESP): never drawn, its
        # figure written over Spain; the line is the Western Mediterranean's, the nearer of its branches
        "ESP", "Routes to Spain: Atlantic and Western Mediterranean",
        "WMR", "", "sea", "West and North African coasts", "Spain",
        [(-2.100, 35.200), (-2.100, 35.464), (-2.122, 35.725), (-2.165, 35.983),
         (-2.229, 36.238), (-2.314, 36.491), (-2.420, 36.740)],
    ),
    (
        "ATL", "Atlantic route: West African coast to the Canary Islands",
        "Atlantic", "ESP", "sea", "Mauritanian coast (Nouakchott)", "Canary Islands (Tenerife)",
        [(-16.17, 18.10), (-16.48, 18.55), (-16.86, 19.08), (-17.22, 19.66),
         (-17.50, 20.30), (-17.64, 21.00), (-17.64, 21.75), (-17.55, 22.55),
         (-17.42, 23.45), (-17.26, 24.40), (-17.09, 25.40), (-16.92, 26.40),
         (-16.77, 27.30), (-16.66, 27.93)],
    ),
    (
        "ATL-SN", "Atlantic route: Senegal and the Gambia to the Canary Islands",
        "Atlantic", "ATL", "sea", "Gambian and Senegalese coast (Banjul, Dakar)",
        "Canary Islands (El Hierro)",
        [(-16.84, 13.50), (-17.04, 13.86), (-17.30, 14.22), (-17.58, 14.56),
         (-17.80, 14.94), (-17.84, 15.40), (-17.66, 15.92), (-17.40, 16.55),
         (-17.18, 17.24), (-17.08, 18.00), (-17.14, 18.80), (-17.36, 19.60),
         (-17.64, 20.40), (-17.82, 21.20), (-17.91, 22.10), (-17.95, 23.20),
         (-17.97, 24.40), (-17.98, 25.60), (-17.98, 26.60), (-17.97, 27.56)],
    ),
    (
        "ATL-MR", "Atlantic route: Mauritania to the Canary Islands",
        "Atlantic", "ATL", "sea", "Nouadhibou", "Canary Islands (Gran Canaria)",
        [(-17.06, 20.66), (-17.22, 20.80), (-17.35, 21.05), (-17.40, 21.45),
         (-17.35, 22.00), (-17.20, 22.70), (-17.00, 23.50), (-16.76, 24.40),
         (-16.50, 25.30), (-16.22, 26.20), (-15.95, 26.95), (-15.74, 27.40),
         (-15.63, 27.66)],
    ),
    (
        "ATL-MA", "Atlantic route: Morocco and Western Sahara to the Canary Islands",
        "Atlantic", "ATL", "sea", "Laâyoune–Tarfaya coast", "Canary Islands (Fuerteventura)",
        [(-13.50, 27.13), (-13.62, 27.30), (-13.72, 27.50), (-13.79, 27.72),
         (-13.82, 27.95), (-13.82, 28.15), (-13.80, 28.33)],
    ),
    (
        "WMR", "Western Mediterranean route: North Africa to mainland Spain",
        "WMR", "ESP", "sea", "Moroccan–Algerian coast", "Almería",
        [(-2.100, 35.200), (-2.100, 35.464), (-2.122, 35.725), (-2.165, 35.983),
         (-2.229, 36.238), (-2.314, 36.491), (-2.420, 36.740)],
    ),
    (
        "WMR-SEA", "Western Mediterranean route: sea arrivals to the Spanish peninsula",
        # the update's 14,431 are every sea arrival to the peninsula and the Balearics, from Morocco and
        # Algeria alike: the arrow leaves from off their common border, not from Nador
        "WMR", "WMR", "sea", "Moroccan and Algerian coasts", "Spanish peninsula (Almería coast)",
        [(-2.500, 35.220), (-2.535, 35.460), (-2.580, 35.700), (-2.630, 35.940),
         (-2.690, 36.180), (-2.745, 36.410), (-2.800, 36.640)],
    ),
    (
        "WMR-MA", "Western Mediterranean route: Morocco to mainland Spain by sea",
        "WMR", "WMR-SEA", "sea", "Moroccan coast (Al Hoceima)", "Motril",
        [(-3.880, 35.330), (-3.766, 35.539), (-3.674, 35.751), (-3.603, 35.968),
         (-3.554, 36.188), (-3.526, 36.412), (-3.520, 36.640)],
    ),
    (
        "WMR-DZ", "Western Mediterranean route: Algeria to mainland Spain by sea",
        "WMR", "WMR-SEA", "sea", "Oran", "Murcia coast (Mazarrón–Cartagena)",
        [(-0.620, 35.830), (-0.645, 36.120), (-0.697, 36.404), (-0.777, 36.682),
         (-0.884, 36.954), (-1.018, 37.220), (-1.180, 37.480)],
    ),
    (
        "WMR-LAND", "Western Mediterranean route: land arrivals to Ceuta and Melilla",
        "WMR", "WMR", "land", "Moroccan side of the border fences", "Ceuta and Melilla",
        None,  # MultiLineString of the two legs below
    ),
    (
        "WMR-CEUTA", "Western Mediterranean route: Morocco to Ceuta by land",
        "WMR", "WMR-LAND", "land", "Fnideq", "Ceuta", CEUTA_LEG,
    ),
    (
        "WMR-MELILLA", "Western Mediterranean route: Morocco to Melilla by land",
        "WMR", "WMR-LAND", "land", "Nador / Beni Ansar", "Melilla", MELILLA_LEG,
    ),
    (
        "ALB", "Algerian route: Algeria to the Balearic Islands",
        "Algeria–Balearic", "", "sea", "Algerian coast (Boumerdès–Dellys)",
        "Balearic Islands (Cabrera, Mallorca)",
        [(3.650, 36.950), (3.642, 37.267), (3.604, 37.578), (3.536, 37.883),
         (3.438, 38.182), (3.309, 38.474), (3.149, 38.760), (2.960, 39.040)],
    ),
    (
        "CMR", "Central Mediterranean route: North Africa to Italy",
        "CMR", "", "sea", "Libyan coast (Zuwara)", "Lampedusa",
        [(12.150, 33.000), (12.307, 33.395), (12.431, 33.793), (12.522, 34.196),
         (12.581, 34.603), (12.607, 35.015), (12.600, 35.430)],
    ),
    (
        "CMR-LY", "Central Mediterranean route: Libya to Italy",
        "CMR", "CMR", "sea", "Libyan coast (Tripoli, Garabulli)", "Sicily (Licata)",
        [(13.400, 33.000), (13.508, 33.499), (13.604, 33.999), (13.687, 34.500),
         (13.758, 35.001), (13.817, 35.505), (13.864, 36.009), (13.898, 36.514),
         (13.920, 37.020)],
    ),
    (
        "CMR-TN", "Central Mediterranean route: Tunisia to Italy",
        "CMR", "CMR", "sea", "Sfax", "Lampedusa",
        [(11.100, 34.930), (11.351, 34.986), (11.592, 35.059), (11.821, 35.148),
         (12.038, 35.255), (12.245, 35.379), (12.440, 35.520)],
    ),
    (
        "CMR-DZ", "Central Mediterranean route: Algeria to Sardinia",
        "CMR", "CMR", "sea", "Annaba", "South-west Sardinia",
        [(7.900, 36.980), (8.081, 37.268), (8.236, 37.562), (8.365, 37.862),
         (8.469, 38.169), (8.547, 38.481), (8.600, 38.800)],
    ),
    (
        "EXP-DZ-NE", "Expulsions: Algeria to Niger",
        # 'Algeria expelled at least 31,404 people to the Niger border': the arrow ends at Assamaka, the
        # border post; the onward transfer to Agadez is IOM's, not the expulsion
        "Expulsions", "", "expulsion", "Tamanrasset", "Assamaka (Niger border)",
        [(5.523, 22.785), (5.62, 21.60), (5.70, 20.40), (5.77, 19.57), (5.80, 19.36)],
    ),
    (
        "EXP-LY-NE", "Expulsions: Libya to Niger",
        "Expulsions", "", "expulsion", "Sebha / Al Qatrun", "Dirkou",
        [(14.428, 27.038), (14.55, 26.00), (14.65, 24.93), (14.40, 23.80),
         (14.13, 22.80), (13.65, 21.95), (13.30, 21.10), (12.98, 20.19),
         (12.89, 18.99)],
    ),
]

COLUMNS = ["route_id", "name", "group", "parent", "mode", "origin", "dest"]


def build() -> gpd.GeoDataFrame:
    rows, geoms = [], []
    for *attrs, verts in ROUTES:
        rows.append(dict(zip(COLUMNS, attrs)))
        if verts is None:
            geoms.append(MultiLineString([CEUTA_LEG, MELILLA_LEG]))
        else:
            geoms.append(LineString(verts))
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    gdf = build()
    size = write_shapefile(gdf, args.out)
    print(f"wrote {args.out} ({len(gdf)} routes, {size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
