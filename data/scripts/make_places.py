"""Write the labelled places (``data/shapefiles/places.shp``).

Coordinates are WGS84 lon/lat of the town centre (ports: the harbour), of a
central point of the island (islands, archipelago labels) or of the border
crossing (border posts).  ``iso_a3`` uses the codes of ``countries.shp``
(Natural Earth ADM0_A3), so Dakhla and Laâyoune are ``SAH``.

Run from the repository root::

    python data/scripts/make_places.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
from shapefile_io import write_shapefile  # sibling module in data/scripts/
from shapely.geometry import Point

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "shapefiles" / "places.shp"

KINDS = ("enclave", "island", "port", "city", "border_post", "region_label")

# place_id, name, name_fr, name_ar, kind, iso_a3, lon, lat
PLACES = [
    # Spanish enclaves on the Moroccan coast
    ("ceuta", "Ceuta", "Ceuta", "سبتة", "enclave", "ESP", -5.3162, 35.8894),
    ("melilla", "Melilla", "Melilla", "مليلية", "enclave", "ESP", -2.9381, 35.2923),
    # Islands and archipelagos (points on land of the basemap)
    ("canary_islands", "Canary Islands", "Îles Canaries", "جزر الكناري", "region_label", "ESP", -15.60, 27.96),
    ("el_hierro", "El Hierro", "El Hierro", "إل هييرو", "island", "ESP", -18.02, 27.74),
    ("tenerife", "Tenerife", "Tenerife", "تينيريفي", "island", "ESP", -16.60, 28.27),
    ("gran_canaria", "Gran Canaria", "Grande Canarie", "غران كناريا", "island", "ESP", -15.59, 27.95),
    ("fuerteventura", "Fuerteventura", "Fuerteventura", "فويرتيفنتورا", "island", "ESP", -14.02, 28.40),
    ("lanzarote", "Lanzarote", "Lanzarote", "لانثاروتي", "island", "ESP", -13.64, 29.03),
    ("balearic_islands", "Balearic Islands", "Îles Baléares", "جزر البليار", "region_label", "ESP", 2.98, 39.62),
    ("cabrera", "Cabrera", "Cabrera", "كابريرا", "island", "ESP", 2.94, 39.145),
    ("lampedusa", "Lampedusa", "Lampedusa", "لامبيدوزا", "island", "ITA", 12.58, 35.513),
    ("sicily", "Sicily", "Sicile", "صقلية", "island", "ITA", 14.15, 37.55),
    ("sardinia", "Sardinia", "Sardaigne", "سردينيا", "island", "ITA", 9.03, 40.05),
    ("malta", "Malta", "Malte", "مالطا", "island", "MLT", 14.43, 35.89),
    # Spain (mainland and Balearic ports)
    ("almeria", "Almería", "Almería", "ألمرية", "port", "ESP", -2.4637, 36.8340),
    ("malaga", "Málaga", "Malaga", "مالقة", "port", "ESP", -4.4214, 36.7213),
    ("motril", "Motril", "Motril", "موتريل", "port", "ESP", -3.5200, 36.7220),
    ("cartagena", "Cartagena", "Carthagène", "قرطاجنة", "port", "ESP", -0.9830, 37.5960),
    ("palma", "Palma", "Palma", "بالما", "port", "ESP", 2.6502, 39.5696),
    # West African Atlantic coast
    ("dakar", "Dakar", "Dakar", "داكار", "port", "SEN", -17.4467, 14.6928),
    ("banjul", "Banjul", "Banjul", "بانجول", "port", "GMB", -16.5775, 13.4549),
    ("nouakchott", "Nouakchott", "Nouakchott", "نواكشوط", "city", "MRT", -15.9785, 18.0858),
    ("nouadhibou", "Nouadhibou", "Nouadhibou", "نواذيبو", "port", "MRT", -17.0347, 20.9310),
    # Capitals where an OD map's nationalities stand (data/flows/od_nodes.csv): named in the map's language
    # in its footer; city centres from general geographic knowledge (about 2 km)
    ("bamako", "Bamako", "Bamako", "باماكو", "city", "MLI", -8.0030, 12.6390),
    ("rabat", "Rabat", "Rabat", "الرباط", "city", "MAR", -6.8410, 34.0210),
    ("conakry", "Conakry", "Conakry", "كوناكري", "city", "GIN", -13.6800, 9.5370),
    ("dakhla", "Dakhla", "Dakhla", "الداخلة", "port", "SAH", -15.9570, 23.6848),
    ("laayoune", "Laâyoune", "Laâyoune", "العيون", "city", "SAH", -13.2033, 27.1536),
    ("tarfaya", "Tarfaya", "Tarfaya", "طرفاية", "port", "MAR", -12.9261, 27.9378),
    # Morocco, Mediterranean coast
    ("tangier", "Tangier", "Tanger", "طنجة", "port", "MAR", -5.8130, 35.7850),
    ("fnideq", "Fnideq", "Fnideq", "الفنيدق", "city", "MAR", -5.3580, 35.8497),
    ("al_hoceima", "Al Hoceima", "Al Hoceïma", "الحسيمة", "port", "MAR", -3.9317, 35.2472),
    ("nador", "Nador", "Nador", "الناظور", "port", "MAR", -2.9287, 35.1681),
    ("beni_ansar", "Beni Ansar", "Beni Ensar", "بني أنصار", "border_post", "MAR", -2.9320, 35.2600),
    # Algeria
    ("oran", "Oran", "Oran", "وهران", "port", "DZA", -0.6450, 35.7100),
    ("algiers", "Algiers", "Alger", "الجزائر العاصمة", "port", "DZA", 3.0650, 36.7700),
    ("boumerdes", "Boumerdès", "Boumerdès", "بومرداس", "port", "DZA", 3.4774, 36.7664),
    ("dellys", "Dellys", "Dellys", "دلس", "port", "DZA", 3.9144, 36.9134),
    ("annaba", "Annaba", "Annaba", "عنابة", "port", "DZA", 7.7667, 36.9000),
    ("tamanrasset", "Tamanrasset", "Tamanrasset", "تمنراست", "city", "DZA", 5.5228, 22.7850),
    ("in_guezzam", "In Guezzam", "In Guezzam", "عين قزام", "border_post", "DZA", 5.7719, 19.5686),
    # Tunisia and Libya
    ("sfax", "Sfax", "Sfax", "صفاقس", "port", "TUN", 10.7603, 34.7406),
    ("zuwara", "Zuwara", "Zouara", "زوارة", "port", "LBY", 12.0820, 32.9312),
    ("tripoli", "Tripoli", "Tripoli", "طرابلس", "port", "LBY", 13.1800, 32.8960),
    ("garabulli", "Garabulli", "Garabulli", "القره بوللي", "city", "LBY", 13.7200, 32.7570),
    ("sebha", "Sebha", "Sebha", "سبها", "city", "LBY", 14.4283, 27.0377),
    ("al_qatrun", "Al Qatrun", "Gatroun", "القطرون", "city", "LBY", 14.6500, 24.9333),
    # Niger
    ("assamaka", "Assamaka", "Assamaka", "أساماكا", "border_post", "NER", 5.8000, 19.3600),
    ("agadez", "Agadez", "Agadez", "أغاديس", "city", "NER", 7.9911, 16.9742),
    ("dirkou", "Dirkou", "Dirkou", "ديركو", "city", "NER", 12.8900, 18.9900),
]

COLUMNS = ["place_id", "name", "name_fr", "name_ar", "kind", "iso_a3"]


def build() -> gpd.GeoDataFrame:
    ids = [p[0] for p in PLACES]
    assert len(ids) == len(set(ids)), "duplicate place_id"
    assert all(p[4] in KINDS for p in PLACES), "unknown kind"
    rows = [dict(zip(COLUMNS, p[:6])) for p in PLACES]
    geoms = [Point(p[6], p[7]) for p in PLACES]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    gdf = build()
    size = write_shapefile(gdf, args.out)
    print(f"wrote {args.out} ({len(gdf)} places, {size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
