"""Build ``threat/data/boundaries.json`` from the us-atlas TopoJSON (U.S. Census boundaries).

Usage (run from the repository root; needs only the Python standard library)::

    cd /tmp && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python src/laborlens/threat/tools/build_boundaries.py /tmp/package/counties-10m.json

For each state the county polygons are projected on their own (equirectangular, x scaled
by the cosine of the state's middle latitude, so shapes look right at state scale), fitted
to a box 1000 units on the longer side, rounded to whole units and simplified with
Douglas-Peucker (tolerance ``TOLERANCE`` units) arc by arc, so that neighbouring counties
keep a shared border. The output is SVG path data with relative moves, a few hundred KB.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

SIZE = 1000
TOLERANCE = 1.5
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "boundaries.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def rings_of(geometry: dict) -> list[list[int]]:
    if geometry["type"] == "Polygon":
        return list(geometry["arcs"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas-Peucker, iterative; the two ends are always kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            x0, y0 = points[i]
            if length == 0:
                distance = math.hypot(x0 - x1, y0 - y1)
            else:
                distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        x, y = ring[0]
        moves = [f"M{x} {y}"]
        for nx, ny in ring[1:]:
            if (nx, ny) != (x, y):
                moves.append(f"l{nx - x} {ny - y}")
            x, y = nx, ny
        parts.append("".join(moves) + "z")
    return "".join(parts)


def build(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    counties = topology["objects"]["counties"]["geometries"]
    states = {geometry["id"]: geometry for geometry in topology["objects"]["states"]["geometries"]}
    by_state: dict[str, list[dict]] = {}
    for county in counties:
        by_state.setdefault(county["id"][:2], []).append(county)
    result = {state_fips: build_state(state_fips, members, states.get(state_fips), arcs)
              for state_fips, members in sorted(by_state.items())}
    return {
        "version": "us-atlas-3.0.1/counties-10m",
        "source": "us-atlas 3.0.1 (ISC, Michael Bostock), derived from the U.S. Census Bureau "
                  "cartographic boundary files (public domain); see BOUNDARIES.md",
        "projection": f"per-state equirectangular, cos(mid-latitude) x scale, fitted to {SIZE} units, "
                      f"Douglas-Peucker tolerance {TOLERANCE}",
        "states": result,
    }


def build_state(state_fips: str, members: list[dict], state: dict | None,
                arcs: list[list[tuple[float, float]]]) -> dict:
    def lonlat(index: int) -> list[tuple[float, float]]:
        points = arcs[~index] if index < 0 else arcs[index]
        # Alaska's Aleutians cross the antimeridian: keep them west of it.
        return [(lon - 360 if lon > 0 else lon, lat) for lon, lat in points]

    used = {index for county in members for ring in rings_of(county) for index in ring}
    if state is not None:
        used |= {index for ring in rings_of(state) for index in ring}
    points = [point for index in used for point in lonlat(index)]
    min_lon = min(p[0] for p in points)
    max_lon = max(p[0] for p in points)
    min_lat = min(p[1] for p in points)
    max_lat = max(p[1] for p in points)
    squash = math.cos(math.radians((min_lat + max_lat) / 2))
    span = max((max_lon - min_lon) * squash, max_lat - min_lat) or 1.0
    factor = SIZE / span
    width = math.ceil((max_lon - min_lon) * squash * factor)
    height = math.ceil((max_lat - min_lat) * factor)
    projected: dict[int, list[tuple[int, int]]] = {}

    def arc_points(index: int) -> list[tuple[int, int]]:
        key = ~index if index < 0 else index
        if key not in projected:
            raw = [(round((lon - min_lon) * squash * factor), round((max_lat - lat) * factor))
                   for lon, lat in lonlat(key)]
            projected[key] = simplify(raw, TOLERANCE)
        points = projected[key]
        return list(reversed(points)) if index < 0 else points

    def ring_points(ring: list[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for index in ring:
            part = arc_points(index)
            out.extend(part[1:] if out else part)
        return out

    county_paths = {}
    for county in sorted(members, key=lambda c: c["id"]):
        county_paths[county["id"]] = [county["properties"]["name"],
                                      path_data([ring_points(r) for r in rings_of(county)])]
    outline = path_data([ring_points(r) for r in rings_of(state)]) if state is not None else ""
    return {"width": width, "height": height, "outline": outline, "counties": county_paths}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    data = build(Path(argv[1]))
    OUTPUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes, {len(data['states'])} states)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
