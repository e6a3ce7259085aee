import { type MouseEvent, useEffect, useId, useState } from "react";
import { boundsOf, type Polygon, type Position } from "../../domain/fieldwork/polygon";
import { fill, useLang } from "../i18n";
import { TextAreaField } from "./CaseFormParts";

/** [minLon, minLat, maxLon, maxLat]. */
export type Frame = [number, number, number, number];

/** A stored area drawn behind the one being drawn, for orientation: the map has no tiles. */
export interface BackdropArea {
  id: string;
  name: string;
  polygon: unknown;
  active: boolean;
}

const WIDTH = 600;
const HEIGHT = 450;
/** Share of the frame's span added on each side, and the least span (degrees), so one point still frames. */
const PAD = 0.1;
const MIN_SPAN = 0.005;
/** Six decimals of a degree is about a decimetre: finer than any hand can click. */
const DECIMALS = 6;

/**
 * Where the map opens when nothing is stored yet: central Stockholm (Sergels torg in the middle).
 * A municipality's first area is then drawn by pasting its coordinates, which moves the frame there.
 */
export const DEFAULT_FRAME: Frame = [18.01, 59.31, 18.13, 59.35];

const isPolygon = (p: unknown): p is Polygon =>
  !!p && typeof p === "object" && (p as Polygon).type === "Polygon" && Array.isArray((p as Polygon).coordinates);

const round = (v: number) => Number(v.toFixed(DECIMALS));

/** The frame padded and widened or heightened to the drawing's 4:3, longitude scaled by the cosine of the middle latitude. */
function fitted([minLon, minLat, maxLon, maxLat]: Frame) {
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  let spanX = Math.max((maxLon - minLon) * k, MIN_SPAN * k);
  let spanY = Math.max(maxLat - minLat, MIN_SPAN);
  spanX *= 1 + 2 * PAD;
  spanY *= 1 + 2 * PAD;
  if (spanX / spanY > WIDTH / HEIGHT) spanY = (spanX * HEIGHT) / WIDTH;
  else spanX = (spanY * WIDTH) / HEIGHT;
  const midLon = (minLon + maxLon) / 2;
  const midLat = (minLat + maxLat) / 2;
  const left = midLon - spanX / 2 / k;
  const top = midLat + spanY / 2;
  const scale = WIDTH / spanX;
  return {
    bounds: [left, top - spanY, left + spanX / k, top] as Frame,
    x: (lon: number) => (lon - left) * k * scale,
    y: (lat: number) => (top - lat) * scale,
    /** The inverse: the position under a point of the drawing. */
    position: (x: number, y: number): Position => [round(left + x / (k * scale)), round(top - y / scale)],
  };
}

const inside = (b: Frame, [lon, lat]: Position) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

/**
 * The frame to draw in: the given areas' bounds (the caller passes the district's, else any), else
 * DEFAULT_FRAME; grown to hold every corner only when one lies outside it, so a click (always inside)
 * never moves the map under the pointer but pasted coordinates elsewhere are shown.
 */
export function drawingFrame(polygons: unknown[], corners: Position[]): Frame {
  const base = boundsOf(polygons.filter(isPolygon)) ?? DEFAULT_FRAME;
  const shown = fitted(base).bounds;
  const c = boundsOf([{ type: "Polygon", coordinates: [corners] }]);
  if (!c || corners.every((p) => inside(shown, p))) return base;
  return [Math.min(base[0], c[0]), Math.min(base[1], c[1]), Math.max(base[2], c[2]), Math.max(base[3], c[3])];
}

/** The corners as typed: "lon lat" per line, one per line. */
export const formatCorners = (corners: Position[]) => corners.map(([lon, lat]) => `${lon} ${lat}`).join("\n");

/** A ring as the API wants it: the corners with the first repeated at the end (the user never types it). */
export const closedRing = (corners: Position[]): Position[] => (corners.length ? [...corners, corners[0] as Position] : []);

/** The corners of a stored polygon's outer ring, without its closing position. */
export function cornersOf(polygon: unknown): Position[] {
  if (!isPolygon(polygon)) return [];
  return dropClosing(polygon.coordinates[0] ?? []);
}

function dropClosing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring.at(-1);
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

export type Parsed = { ok: true; corners: Position[] } | { ok: false; line?: number };

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === "number" && typeof p[1] === "number";

/** The outer ring of pasted GeoJSON: a Polygon, a Feature holding one, a list of rings or a list of positions. */
function ringOfJson(value: unknown): Position[] | null {
  const v = value as { type?: string; geometry?: unknown; coordinates?: unknown } | null;
  if (v && typeof v === "object" && !Array.isArray(v)) {
    if (v.type === "Feature") return ringOfJson(v.geometry);
    if (v.type === "Polygon") return ringOfJson(v.coordinates);
    return null;
  }
  if (!Array.isArray(value)) return null;
  if (value.every(isPosition)) return value.map(([lon, lat]) => [lon, lat] as Position);
  return Array.isArray(value[0]) ? ringOfJson(value[0]) : null;
}

/**
 * Reads the coordinate field: GeoJSON when it starts with { or [, else one corner per line as two
 * numbers (space, tab, comma or semicolon between; a decimal comma when the two are space-separated).
 * A closing position equal to the first is dropped: the ring is closed on saving.
 */
export function parseCorners(text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, corners: [] };
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const ring = ringOfJson(JSON.parse(trimmed));
      return ring ? { ok: true, corners: dropClosing(ring) } : { ok: false };
    } catch {
      return { ok: false };
    }
  }
  const corners: Position[] = [];
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const spaced = line.split(/[\s;]+/).filter(Boolean);
    // "18,07 59,33" has decimal commas; "18.07, 59.33" and "18.07,59.33" separate with one.
    const parts =
      spaced.length === 2 ? spaced.map((p) => p.replace(/,$/, "").replace(",", ".")) : line.split(/[\s,;]+/).filter(Boolean);
    const numbers = parts.map((p) => (/^[-+]?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
    if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) return { ok: false, line: i + 1 };
    corners.push([numbers[0] as number, numbers[1] as number]);
  }
  return { ok: true, corners: dropClosing(corners) };
}

const same = (a: Position[], b: Position[]) =>
  a.length === b.length && a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]);

/**
 * Draws an area's boundary on an SVG map of the district's own areas (no tile server, nothing
 * fetched): each click adds a corner, the ring is shown closed as it grows, and the same corners
 * stand as text in a field beside it, so a keyboard or screen-reader user types or pastes what
 * another clicks. Either edit updates the other; an unreadable field leaves the drawing as it was.
 */
export function AreaDrawer({
  corners,
  onChange,
  frame,
  backdrop,
  error,
  defaultFrame,
}: {
  corners: Position[];
  onChange: (corners: Position[]) => void;
  frame: Frame;
  backdrop: BackdropArea[];
  /** The server's or the form's message about the boundary, shown beside the field. */
  error?: string | undefined;
  /** Whether the frame is DEFAULT_FRAME (nothing stored): says so, since the map has no background. */
  defaultFrame: boolean;
}) {
  const { t } = useLang();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [text, setText] = useState(() => formatCorners(corners));
  const [unreadable, setUnreadable] = useState<string | undefined>();
  const view = fitted(frame);

  // A click, undo or clear changes the corners: the field shows them. Typing that already reads as
  // these corners is left as typed (spacing, decimals).
  useEffect(() => {
    const current = parseCorners(text);
    if (!current.ok || !same(current.corners, corners)) {
      setText(formatCorners(corners));
      setUnreadable(undefined);
    }
    // Only a change of the corners re-writes the field; the text is read, not watched.
  }, [corners]);

  const add = (e: MouseEvent<SVGSVGElement>) => {
    const matrix = e.currentTarget.getScreenCTM();
    if (!matrix) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    const next = view.position(p.x, p.y);
    const last = corners.at(-1);
    if (last && last[0] === next[0] && last[1] === next[1]) return;
    onChange([...corners, next]);
  };
  const typed = (value: string) => {
    setText(value);
    const parsed = parseCorners(value);
    if (parsed.ok) {
      setUnreadable(undefined);
      onChange(parsed.corners);
    } else
      setUnreadable(parsed.line === undefined ? t("fwAreaGeoJsonBad") : fill(t("fwAreaCoordinatesBad"), { line: parsed.line }));
  };

  const point = ([lon, lat]: Position) => `${view.x(lon).toFixed(1)},${view.y(lat).toFixed(1)}`;
  const path = (p: Polygon) => p.coordinates.map((ring) => `M${ring.map(point).join("L")}Z`).join("");
  const shown = backdrop.filter((a): a is BackdropArea & { polygon: Polygon } => isPolygon(a.polygon));

  return (
    <fieldset className="field-wide area-drawer">
      <legend>{t("fwAreaDraw")}</legend>
      <p className="hint" id={`${id}-help`}>
        {t("fwAreaDrawHelp")} {defaultFrame ? t("fwAreaDefaultFrame") : t("fwAreaNoBackground")}
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={fill(t("fwAreaSurface"), { n: corners.length })}
        aria-describedby={`${id}-help`}
        data-testid="area-drawer"
        onClick={add}
        style={{ maxWidth: `${WIDTH}px`, background: "#fff", border: "1px solid #767676", cursor: "crosshair", display: "block" }}
      >
        {shown.map((a) => {
          const b = boundsOf([a.polygon]);
          return (
            <g key={a.id}>
              <path
                d={path(a.polygon)}
                fill="#ececec"
                fillRule="evenodd"
                stroke="#595959"
                strokeWidth="1"
                strokeDasharray={a.active ? undefined : "4 3"}
              />
              {b && (
                <text
                  x={view.x((b[0] + b[2]) / 2)}
                  y={view.y((b[1] + b[3]) / 2)}
                  textAnchor="middle"
                  fontSize="12"
                  fill="#1f1f1f"
                  pointerEvents="none"
                >
                  {a.name}
                </text>
              )}
            </g>
          );
        })}
        {corners.length >= 3 && (
          <polygon
            points={corners.map(point).join(" ")}
            fill="#2171b5"
            fillOpacity="0.25"
            stroke="#08306b"
            strokeWidth="2"
            pointerEvents="none"
          />
        )}
        {corners.length === 2 && (
          <polyline points={corners.map(point).join(" ")} fill="none" stroke="#08306b" strokeWidth="2" pointerEvents="none" />
        )}
        {corners.map((c, i) => (
          <circle
            key={`${c[0]} ${c[1]} ${i}`}
            cx={view.x(c[0])}
            cy={view.y(c[1])}
            r={i === 0 ? 6 : 4}
            fill={i === 0 ? "#fff" : "#08306b"}
            stroke="#08306b"
            strokeWidth="2"
            pointerEvents="none"
          />
        ))}
      </svg>
      <div className="form-actions" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center" }}>
        <button type="button" disabled={!corners.length} onClick={() => onChange(corners.slice(0, -1))}>
          {t("fwAreaUndo")}
        </button>
        <button type="button" disabled={!corners.length} onClick={() => onChange([])}>
          {t("fwAreaClear")}
        </button>
        <span role="status">{fill(t("fwAreaCorners"), { n: corners.length })}</span>
      </div>
      <TextAreaField
        label={t("fwAreaCoordinates")}
        hint={t("fwAreaCoordinatesHint")}
        value={text}
        rows={6}
        spellCheck={false}
        onChange={(e) => typed(e.target.value)}
        error={unreadable ?? error}
      />
    </fieldset>
  );
}
