"""The projected geometry of a document: its projection, projected and simplified layers, the land
and the extent it shows.

Part of ``MapDocument`` (a mixin, so the document's API stays in one place while its file stays
readable): it uses the document's ``layers``, ``_cache``, ``extent_lonlat``, ``join`` and ``_invalidate``.
"""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo import disk_cache
from geo.keep_clear import Obstacle
from geo.layer import Layer
from geo.projection import check_shows_region, resolve_crs, to_crs

# The regional overview the bundled routes are drawn for: the Atlantic coast from Senegal to the
# Canaries, the whole Mediterranean crossing zone and the Sahel corridors into Niger.
REGIONAL_EXTENT_LONLAT = (-21.5, 11.5, 23.5, 45.0)


class ProjectedGeometry:
    """Projection, projected layers, level of detail, land and extent of a MapDocument."""

    @property
    def crs(self) -> str:
        return self._crs

    @crs.setter
    def crs(self, value: str) -> None:
        resolve_crs(value)  # validates; raises CrossingsError with the reason
        check_shows_region(value, getattr(self, "extent_lonlat", None) or REGIONAL_EXTENT_LONLAT)
        self._crs = value
        self._invalidate("crs")

    def projected(self, layer: Layer) -> gpd.GeoDataFrame:
        key = ("proj", layer.id, self._crs)
        if key not in self._cache:
            self._cache[key] = to_crs(layer.data, self._crs)
        return self._cache[key]

    def projected_flows(self) -> gpd.GeoDataFrame:
        key = ("proj-flows", self._figures_id(), self.period, self.metric, self.source, self._flow_layers_key(), self._routes_id(), self._crs)
        if key not in self._cache:
            self._cache[key] = to_crs(self.join().flows, self._crs)
        return self._cache[key]

    def simplified(self, layer: Layer, units_per_px: float) -> gpd.GeoSeries:
        """Projected geometry simplified to ~half a pixel (level of detail, bucketed by powers of 2)."""
        bucket = self._lod_bucket(units_per_px)
        key = ("simple", layer.id, self._crs, bucket)
        if key not in self._cache:
            def simplify():
                # Douglas–Peucker without topology checks is 4x faster at this tolerance (half a pixel);
                # the rare polygon it makes invalid is repaired, and one that vanishes stays empty
                simple = shapely.simplify(self.projected(layer).geometry.to_numpy(), bucket, preserve_topology=False)
                bad = ~shapely.is_valid(simple) & ~shapely.is_empty(simple)
                if bad.any():
                    simple[bad] = shapely.make_valid(simple[bad])
                return simple

            # a cold process finds the basemap an earlier one prepared (~75 ms for the 1:10m countries)
            simple = disk_cache.geometries("basemap", lambda: (disk_cache.geometry_digest(layer.data), self._crs, bucket,
                                                               disk_cache.code_version(__name__, "geo.projection")),
                                           len(layer.data), simplify)
            self._cache[key] = gpd.GeoSeries(simple, index=layer.data.index, crs=resolve_crs(self._crs))
        return self._cache[key]

    @staticmethod
    def _lod_bucket(units_per_px: float) -> float:
        """Half a pixel, rounded down to a power of two: zooming reuses one level of detail per octave."""
        import math

        return 2.0 ** math.floor(math.log2(max(units_per_px, 1e-9) * 0.5))

    def land(self, units_per_px: float, within: tuple[float, float, float, float] | None = None):
        """All boundaries as one multipolygon at the level of detail of ``units_per_px``, its coast indexed
        (``Obstacle``) for keeping sea flows off land: built once, kept for every period and view.
        With ``within`` (a projected box), the land in that box only: an inset's few bands need not
        index every coast of the map at the inset's detail (11 MiB at the peak of the default map)."""
        layer = self.layer("boundaries")
        if layer is None:
            return None
        key = ("land", layer.id, self._crs, self._lod_bucket(units_per_px), within)
        if key not in self._cache:
            # one multipolygon of every country's parts: distances to it are distances to the coast,
            # and it costs nothing to build, unlike a dissolve (union) of 1:10m countries
            countries = self.simplified(layer, units_per_px).to_numpy()
            if within is not None:  # a clipped edge is a false coast, but it lies outside the box
                countries = shapely.clip_by_rect(countries, *within)
            parts = shapely.get_parts(countries)
            parts = parts[shapely.get_type_id(parts) == 3]
            self._cache[key] = Obstacle(shapely.multipolygons(parts))
        return self._cache[key]

    def default_extent(self) -> tuple[float, float, float, float]:
        """The projected extent to show: the set lon/lat box, else what the map draws with a margin (a
        page fits it closer, clear of its furniture: ``gui.layout.page_view``), else the routes."""
        if self.extent_lonlat is not None:
            from geo.view_extent import projected_box

            return projected_box(self.extent_lonlat, self._crs)
        key = ("content-extent", *self.selection_key(), self.width_scale())
        if key not in self._cache:
            from geo.extent_fit import content_extent

            self._cache[key] = content_extent(self)
        if self._cache[key] is not None:
            return self._cache[key]
        routes = self.layer("routes")
        source = routes if routes is not None else self.layers[0]
        minx, miny, maxx, maxy = self.projected(source).total_bounds
        padx, pady = (maxx - minx) * 0.10, (maxy - miny) * 0.12
        return (minx - padx, miny - pady, maxx + padx, maxy + pady)

