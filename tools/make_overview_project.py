"""Write the bundled regional overview project, data/projects/q4_2024_overview.crossings.json.

The project is the update's "Regional Overview" as one map: the year's arrivals on every sea and land
route with the quarter's under them, the expulsion corridors into Niger beside them, and every figure
counted on a route, at a place or in a country as circles (the dead and missing of both counts, the
interceptions, the rescues, the returns, the people stranded, and the stocks of migrants and
refugees). Each figure of data/flows/mmc_na_2024q4.csv for the quarter and the year appears once;
earlier years' figures stay out (the update gives them as comparisons).

    python -m tools.make_overview_project
"""

from __future__ import annotations

import dataclasses

from geo import paths
from geo.callouts import Callout, CalloutAnchor, check_callouts
from geo.document import MapDocument
from geo.map_words import WORDS
from geo.page import Page
from geo.place_figures import FLOWS, PlaceFigureLayer, check_place_layers
from geo.project import save_project

IOM_MMP, CAMINANDO = "IOM Missing Migrants Project", "Caminando Fronteras"
OVERVIEW = paths.data_path() / "projects" / "q4_2024_overview.crossings.json"

LAYERS = (
    PlaceFigureLayer("expulsions", "2024", part_period="2024-08-14/2024-12-31", kind=FLOWS),
    PlaceFigureLayer("expulsions", "2024-07", kind=FLOWS),
    # two counts of the dead and missing, one scale of their own: they compare with each other, not with stocks
    PlaceFigureLayer("dead_missing", "2024", IOM_MMP, part_period="2024Q4", colour="#4D4D4D", scale="dead"),
    PlaceFigureLayer("dead_missing", "2024", CAMINANDO, colour="#8C8C8C", scale="dead"),
    # people moved back or held: thousands to tens of thousands
    PlaceFigureLayer("interceptions", "2024", colour="#2166AC", scale="moves"),
    PlaceFigureLayer("interceptions", "2024-01-01/2024-10-31", colour="#67A9CF", scale="moves"),
    PlaceFigureLayer("rescues", "2024-08-01/2024-12-31", part_period="2024-11", colour="#1B7837", scale="moves"),
    PlaceFigureLayer("assisted_returns", "2024-01-01/2024-10-16", colour="#35978F", scale="moves"),
    PlaceFigureLayer("stranded", "2024Q4", colour="#C51B7D", scale="moves"),
    # stocks: hundreds of thousands
    PlaceFigureLayer("migrants_present", "2024Q4", colour="#7B3294"),
    PlaceFigureLayer("refugees_asylum_seekers", "2024Q4", colour="#B2ABD2"),
)


CALLOUTS = (  # the update's key events, in the three languages the map is printed in
    Callout(CalloutAnchor("route", "ALB"), {
        "en": "Algeria: new security unit against migrant smuggling, December 2024",
        "fr": "Algérie : nouvelle unité de sécurité contre le trafic de migrants, décembre 2024",
        "ar": "الجزائر: وحدة أمنية جديدة لمكافحة تهريب المهاجرين، ديسمبر 2024"}),
    Callout(CalloutAnchor("place", "agadez"), {
        "en": "Niger: IOM centres in Agadez beyond capacity as expulsions continue",
        "fr": "Niger : centres de l'OIM à Agadez au-delà de leur capacité, les expulsions continuent",
        "ar": "النيجر: مراكز المنظمة الدولية للهجرة في أغاديس تتجاوز طاقتها مع استمرار الطرد"}),
    Callout(CalloutAnchor("lonlat", lon=10.18, lat=36.80), {
        "en": "Tunisia: UNHCR registration of refugees remains closed",
        "fr": "Tunisie : l'enregistrement des réfugiés par le HCR reste fermé",
        "ar": "تونس: لا يزال تسجيل اللاجئين لدى المفوضية مغلقًا"}),
)


def overview() -> MapDocument:
    doc = MapDocument.from_files()
    doc.select("2024", "arrivals")
    doc.flow_style = dataclasses.replace(doc.flow_style, part_period="2024Q4")
    doc.place_layers = LAYERS
    check_place_layers(doc)
    doc.callouts = CALLOUTS
    check_callouts(doc, CALLOUTS)
    doc.page = Page("A3", "landscape", 300.0)
    doc.title = WORDS["en"]["title"]  # the default title: printed in the map's language
    return doc


if __name__ == "__main__":
    OVERVIEW.parent.mkdir(exist_ok=True)
    print(save_project(overview(), OVERVIEW))
