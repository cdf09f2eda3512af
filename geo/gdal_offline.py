"""GDAL opens a user's file without any network access, and only with the drivers Crossings needs.

GDAL has no single switch that turns its network access off: any driver may call its HTTP client
(libcurl), and some do on the strength of a file's content. Measured with strace on GDAL 3.12
(tests/test_gdal_offline.py), with nothing below in place:

- a GeoJSON, TopoJSON or GeoJSONSeq ``"crs"`` member of type ``link`` or ``url`` is fetched;
- a GML file whose .xsd includes a schema by web address fetches it (no option turns that off);
- a GML file whose schema is a WFS ``DescribeFeatureType`` request fetches it;
- GML ``xlink:href`` resolution, when a user's environment turns it on, fetches remote documents;
- a path such as ``/vsicurl/http://…`` or ``/vsiaz/…`` (and a *relative* file name such as
  ``http:routes.geojson``, which pyogrio turns into ``/vsicurl/http://routes.geojson``) reaches the
  network, ``/vsiaz/`` first asking the cloud metadata address 169.254.169.254 for credentials.

Importing this module (geo.vector_io does, before pyogrio is first used) therefore sets, for the
whole process, in the environment (read by GDAL and libcurl when they need a value, by PROJ when it
makes a context; geo/offline_env.py, which geo.vector_io imports at once, so PROJ is offline even in
a process that reads no file with GDAL) and again as GDAL configuration options (which win over a
user's ~/.gdal/gdalrc):

``GDAL_HTTP_PROXY`` / ``GDAL_HTTPS_PROXY`` = :data:`DEAD_PROXY`
    Every request libcurl makes for GDAL goes to a SOCKS proxy on a Unix socket below /dev/null,
    which cannot exist: the connection fails at once (ENOTDIR), no timeout. ``socks5h`` leaves name
    resolution to the proxy, so the real host is not even looked up in DNS. This is the one setting
    that covers every HTTP caller inside GDAL, including those no option controls.
``no_proxy`` / ``NO_PROXY`` removed
    libcurl bypasses the proxy for the hosts these list (``*`` = all, or an intranet's domain), so
    a file could still reach a host a user's environment exempts. Crossings itself never uses a
    proxy: its web preview blocks every request but the file it shows.
``CPL_VSIL_CURL_ALLOWED_FILENAME`` = a name no path can have
    /vsicurl/ and the cloud file systems built on it (/vsis3/, /vsigs/, /vsiaz/, …) refuse every
    file before any request, before any look-up of cloud credentials.
``GML_DOWNLOAD_WFS_SCHEMA`` = NO
    The GML driver would download the schema a WFS response names (default YES).
``GML_SKIP_RESOLVE_ELEMS`` = ALL
    The GML driver's xlink:href resolver, which fetches remote documents, stays off whatever a
    user's environment says.
``PROJ_NETWORK`` = OFF
    PROJ, in GDAL and in pyproj, would download transformation grids from cdn.proj.org if a
    user's environment or proj.ini turned its network on.

Measured and needing nothing: a GeoJSON ``crs`` of type ``name`` holding a web address (GDAL
resolves names with network access off), a GML ``srsName`` or a .prj holding a web address, KML
NetworkLinks and remote styles (not followed, even with ``LIBKML_RESOLVE_STYLE=YES``).

On top, :data:`READ_DRIVERS` is the only set of vector drivers left registered: GDAL picks a
driver from a file's content, and the others (PDF, MBTiles, PMTiles, MVT, OSM, ODS/XLSX, JSON-FG,
…) read formats Crossings never asks for. pyogrio cannot pass GDAL an allowed-driver list per open
call, so the rest are deregistered: ``GDAL_SKIP`` names them and GDAL's driver registration is run
again, which applies it. The files geo.vector_io refuses by name or content before GDAL sees them
(VRT, pipelines, crs links) stay refused; :func:`local_path` adds web addresses and GDAL virtual
paths.
"""

from __future__ import annotations

import os

# The environment first (also set on its own by geo.vector_io, which imports this module only when
# it reads a file with GDAL); local_path is kept importable from here.
from geo.offline_env import DEAD_PROXY, SETTINGS, local_path  # noqa: F401

# The drivers that read the formats geo.vector_io accepts (VECTOR_SUFFIXES) and write the ones
# geo.exports writes (GeoJSON, GeoPackage). A .json may be GeoJSON, TopoJSON or Esri JSON; a .kml
# or .kmz is read by LIBKML, or KML where LIBKML is missing; a .zip by whichever driver reads the
# file inside; a .gdb folder by OpenFileGDB; .tab and .mif by MapInfo File.
READ_DRIVERS = frozenset({
    "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "TopoJSON", "ESRIJSON", "GPKG", "SQLite", "KML", "LIBKML",
    "FlatGeobuf", "GML", "GPX", "OpenFileGDB", "MapInfo File", "DXF", "CSV",
})

import pyogrio  # noqa: E402

pyogrio.set_gdal_config_options(SETTINGS)


def _skip_list(value: str | None) -> list[str]:
    """GDAL_SKIP's names: separated by commas if it has any (names may hold spaces), else by spaces."""
    value = value or ""
    return [n.strip() for n in value.split("," if "," in value else None) if n.strip()]


def _keep_only(drivers: frozenset[str]) -> None:
    """Deregister every vector driver but ``drivers`` (GDAL_SKIP, then GDAL's registration again)."""
    try:
        from pyogrio._ogr import _register_drivers  # GDALAllRegister(), which applies GDAL_SKIP
    except ImportError:  # a pyogrio without it: tests/test_gdal_offline.py fails, the settings above hold
        return
    skip = dict.fromkeys(_skip_list(os.environ.get("GDAL_SKIP")))
    for _ in range(3):  # registering again brings back drivers skipped before: skip them too
        extra = [d for d in pyogrio.list_drivers() if d not in drivers]
        if not extra:
            return
        skip.update(dict.fromkeys(extra))
        pyogrio.set_gdal_config_options({"GDAL_SKIP": ",".join(skip)})
        _register_drivers()


_keep_only(READ_DRIVERS)
