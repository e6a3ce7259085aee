/**
 * The boundary of a fältarbete area: a GeoJSON Polygon (RFC 7946 §3.1.6) in lon/lat. Checked before
 * it is stored so the map can always draw it: every ring closed (first position = last), at least
 * four positions (a triangle and its closing point), longitudes in −180…180 and latitudes in
 * −90…90, finite numbers, and simple: no two edges cross or touch except neighbours at their shared
 * corner (a bow tie has no inside the map or a point-in-area test could agree on). Holes (further
 * rings) are accepted under the same rules. Pure.
 */

export type Position = [number, number];
export interface Polygon {
  type: "Polygon";
  coordinates: Position[][];
}

export interface PolygonProblem {
  path: string;
  code: "not_polygon" | "no_ring" | "too_few_positions" | "not_closed" | "bad_position" | "out_of_range" | "self_intersecting";
  message: string;
}

export type PolygonResult = { ok: true; polygon: Polygon } | { ok: false; problems: PolygonProblem[] };

/** The most positions a ring may have: an area drawn by hand, not a survey. */
export const MAX_POSITIONS = 2000;

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function checkRing(ring: unknown, path: string): PolygonProblem[] {
  if (!Array.isArray(ring))
    return [{ path, code: "no_ring", message: "Ringen ska vara en lista av positioner / The ring must be a list of positions" }];
  if (ring.length < 4 || ring.length > MAX_POSITIONS)
    return [
      {
        path,
        code: "too_few_positions",
        message: `En ring har 4–${MAX_POSITIONS} positioner / A ring has 4–${MAX_POSITIONS} positions`,
      },
    ];
  const problems: PolygonProblem[] = [];
  ring.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2 || !isNumber(p[0]) || !isNumber(p[1])) {
      problems.push({
        path: `${path}.${i}`,
        code: "bad_position",
        message: "En position är [longitud, latitud] / A position is [longitude, latitude]",
      });
    } else if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      problems.push({
        path: `${path}.${i}`,
        code: "out_of_range",
        message: "Longitud −180…180, latitud −90…90 / Longitude −180…180, latitude −90…90",
      });
    }
  });
  if (problems.length) return problems;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1])
    return [
      {
        path,
        code: "not_closed",
        message:
          "Polygonen sluter inte: sista punkten ska vara lika med den första / The polygon does not close: the last position must equal the first",
      },
    ];
  return simplicityProblems(ring as Position[], path);
}

/** The sign of the turn a → b → c: > 0 left, < 0 right, 0 in line. */
const turn = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Whether c, in line with a–b, lies on the segment a–b (ends included). */
const within = (a: Position, b: Position, c: Position) =>
  Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);

/** Whether the closed segments p1–p2 and q1–q2 share at least one point. */
export function segmentsMeet(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = Math.sign(turn(q1, q2, p1));
  const d2 = Math.sign(turn(q1, q2, p2));
  const d3 = Math.sign(turn(p1, p2, q1));
  const d4 = Math.sign(turn(p1, p2, q2));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && within(q1, q2, p1)) ||
    (d2 === 0 && within(q1, q2, p2)) ||
    (d3 === 0 && within(p1, p2, q1)) ||
    (d4 === 0 && within(p1, p2, q2))
  );
}

/**
 * The ring's corners without repeats of the same position in a row (a double click draws one), then
 * every pair of edges: neighbours may only share their corner (not fold back along each other),
 * others nothing. Quadratic, which a hand-drawn ring of at most MAX_POSITIONS affords.
 */
function simplicityProblems(ring: Position[], path: string): PolygonProblem[] {
  const corners = ring.slice(0, -1).filter((p, i, all) => {
    const prev = all[i === 0 ? all.length - 1 : i - 1] as Position;
    return all.length === 1 || p[0] !== prev[0] || p[1] !== prev[1];
  });
  const crossing: PolygonProblem[] = [
    {
      path,
      code: "self_intersecting",
      message:
        "Polygonens kanter korsar eller rör varandra: rita den utan att korsa en tidigare kant / The polygon's edges cross or touch: draw it without crossing an earlier edge",
    },
  ];
  if (corners.length < 3) return crossing;
  const n = corners.length;
  const edge = (i: number) => [corners[i] as Position, corners[(i + 1) % n] as Position] as const;
  for (let i = 0; i < n; i++) {
    const [a, b] = edge(i);
    for (let j = i + 1; j < n; j++) {
      const [c, d] = edge(j);
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (!neighbours) {
        if (segmentsMeet(a, b, c, d)) return crossing;
        continue;
      }
      // Neighbours share one corner; they overlap only when in line and folding back.
      const [shared, p, q] = j === i + 1 ? [b, a, d] : [a, b, c];
      if (turn(shared, p, q) === 0 && (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0)
        return crossing;
    }
  }
  return [];
}

/** Checks a value meant as a GeoJSON Polygon; `path` names the field in the error. */
export function validatePolygon(value: unknown, path = "polygon"): PolygonResult {
  const v = value as { type?: unknown; coordinates?: unknown } | null;
  if (!v || typeof v !== "object" || v.type !== "Polygon" || !Array.isArray(v.coordinates))
    return {
      ok: false,
      problems: [
        {
          path,
          code: "not_polygon",
          message: 'Ange en GeoJSON-polygon { type: "Polygon", coordinates } / Give a GeoJSON Polygon',
        },
      ],
    };
  if (v.coordinates.length === 0)
    return {
      ok: false,
      problems: [{ path: `${path}.coordinates`, code: "no_ring", message: "Polygonen saknar ring / The polygon has no ring" }],
    };
  const problems = v.coordinates.flatMap((ring, i) => checkRing(ring, `${path}.coordinates.${i}`));
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    polygon: { type: "Polygon", coordinates: (v.coordinates as Position[][]).map((r) => r.map(([x, y]) => [x, y] as Position)) },
  };
}

/** The lon/lat bounding box of polygons: [minLon, minLat, maxLon, maxLat], or null when there are none. */
export function boundsOf(polygons: readonly Polygon[]): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const p of polygons)
    for (const ring of p.coordinates)
      for (const [x, y] of ring) {
        b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
      }
  return b;
}
