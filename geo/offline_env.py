"""The process environment that keeps GDAL, libcurl and PROJ off the network, set without loading GDAL.

Split from geo/gdal_offline.py so that a render whose layers all come from the prepared-data cache
(geo/disk_cache.py) never imports pyogrio and GDAL (30 MB and ~25 ms of a cold process) yet still
runs with PROJ's network off: pyproj reads these variables when it makes a context, GDAL and
libcurl when they need a value. geo/gdal_offline.py imports this module before pyogrio and adds
the GDAL configuration options and the driver list; why each setting is needed is told there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# A SOCKS proxy on a Unix socket that cannot exist: /dev/null is a device, so nothing lies below it.
DEAD_PROXY = "socks5h://localhost/dev/null/crossings-offline"

SETTINGS = {
    "GDAL_HTTP_PROXY": DEAD_PROXY,
    "GDAL_HTTPS_PROXY": DEAD_PROXY,
    "CPL_VSIL_CURL_ALLOWED_FILENAME": "/dev/null/crossings-offline",
    "GML_DOWNLOAD_WFS_SCHEMA": "NO",
    "GML_SKIP_RESOLVE_ELEMS": "ALL",
    "PROJ_NETWORK": "OFF",
}
_PROXY_EXEMPTIONS = ("no_proxy", "NO_PROXY")

for _name, _value in SETTINGS.items():
    os.environ[_name] = _value
for _name in _PROXY_EXEMPTIONS:
    os.environ.pop(_name, None)

# A URL scheme (two letters or more, so not a Windows drive) and a GDAL virtual file system path.
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]+:/|/vsi|\\vsi)", re.IGNORECASE)


def local_path(path: str | Path) -> Path:
    """``path`` as an absolute local path, which GDAL and pyogrio can only take for a file.

    A web address or a GDAL virtual path (``/vsicurl/…``, ``/vsizip/…``) is refused with a
    :class:`~geo.errors.DataError`. A relative path is made absolute: pyogrio reads a relative
    ``http:routes.geojson`` or ``s3:routes.geojson`` as a web address, an absolute one as a file.
    """
    from geo.errors import DataError

    text = os.fspath(path)
    if _REMOTE.match(text):
        raise DataError(path, None, f"{text!r} is a web address or a GDAL virtual path, not a file: Crossings "
                                    "opens only files on this computer; download or extract it, then open the copy")
    return Path(os.path.abspath(text))
