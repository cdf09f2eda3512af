"""Where the bundled data and resources live, for a source checkout and for a frozen bundle alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``data/`` and ``resources/``.

    ``CROSSINGS_HOME`` wins (tests, unusual installs); a PyInstaller bundle keeps them beside its
    ``_internal`` files; otherwise they sit next to the ``geo`` package in the checkout.
    """
    env = os.environ.get("CROSSINGS_HOME")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def data_path(*parts: str) -> Path:
    return app_root().joinpath("data", *parts)


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def default_countries() -> Path:
    return data_path("shapefiles", "countries.shp")


def default_routes() -> Path:
    return data_path("shapefiles", "routes.shp")


def default_places() -> Path:
    return data_path("shapefiles", "places.shp")


def default_flows() -> Path:
    return data_path("flows", "mmc_na_2024q4.csv")


def default_metrics() -> Path:
    return data_path("flows", "metrics.csv")


def default_relations() -> Path:
    return data_path("flows", "relations.csv")


def default_od_nodes() -> Path:
    """Where the bundled origin–destination figures' nodes are: ports, coasts, arrival points."""
    return data_path("flows", "od_nodes.csv")
