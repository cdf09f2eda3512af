"""The bundled routes and figures, read once per test module (tests may not modify them)."""

import pytest

from geo import paths
from geo.flow_table import read_flow_table
from geo.routes import read_routes


@pytest.fixture(scope="module")
def routes():
    return read_routes(paths.default_routes())


@pytest.fixture(scope="module")
def table():
    return read_flow_table(paths.default_flows())
