import { useId } from "react";
import { boundsOf, type Polygon } from "../../domain/fieldwork/polygon";
import { useLang } from "../i18n";

export interface MapArea {
  id: string;
  name: string;
  /** A GeoJSON Polygon (lon/lat) as the API returns it. */
  polygon: unknown;
}

/** Light to dark blue in five steps: each step is told apart from the next, the darkest from the page. */
const SHADES = ["#eef4fb", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;
const WIDTH = 600;
const PADDING = 8;

const isPolygon = (p: unknown): p is Polygon =>
  !!p && typeof p === "object" && (p as Polygon).type === "Polygon" && Array.isArray((p as Polygon).coordinates);

/** The step of a value between 0 and the largest shown value (0 is the lightest step). */
export function shadeOf(value: number, max: number): string {
  if (max <= 0 || value <= 0) return SHADES[0];
  const step = Math.ceil((value / max) * (SHADES.length - 1));
  return SHADES[Math.min(SHADES.length - 1, Math.max(1, step))] as string;
}

/**
 * A map of a district's own area polygons drawn as SVG, shaded by a published figure per area. It
 * needs no tile server and fetches nothing: lon/lat are projected onto the viewBox (equirectangular,
 * longitude scaled by the cosine of the middle latitude, which is exact enough for a municipality).
 * A hidden figure (null) is hatched, never shown as 0. The map is a picture: every page that shows
 * it also shows the figures as a table.
 */
export function AreaMap({ areas, values, label }: { areas: MapArea[]; values: Record<string, number | null>; label: string }) {
  const { t } = useLang();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hiddenFill = `url(#${id}-hidden)`;
  const drawn = areas.filter((a) => isPolygon(a.polygon)) as (MapArea & { polygon: Polygon })[];
  const bounds = boundsOf(drawn.map((a) => a.polygon));
  if (!bounds) return <p>{t("fwMapNoAreas")}</p>;
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (WIDTH - 2 * PADDING) / Math.max(spanX, spanY * 0.6);
  const height = Math.round(Math.min(WIDTH, spanY * scale + 2 * PADDING));
  const x = (lon: number) => PADDING + (lon - minLon) * k * scale;
  const y = (lat: number) => PADDING + (maxLat - lat) * scale;
  const path = (p: Polygon) =>
    p.coordinates.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L")}Z`).join("");
  const shown = Object.values(values).filter((v): v is number => v !== null);
  const max = shown.length ? Math.max(...shown) : 0;
  return (
    <figure className="area-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-caption`}
        style={{ maxWidth: `${WIDTH}px`, background: "#fff", border: "1px solid #767676" }}
      >
        <defs>
          <pattern id={`${id}-hidden`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f2f2f2" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" strokeWidth="2" />
          </pattern>
        </defs>
        {drawn.map((a) => (
          <path
            key={a.id}
            d={path(a.polygon)}
            fill={(values[a.id] ?? null) === null ? hiddenFill : shadeOf(values[a.id] as number, max)}
            fillRule="evenodd"
            stroke="#1f1f1f"
            strokeWidth="1"
          >
            <title>{`${a.name}: ${values[a.id] ?? "–"}`}</title>
          </path>
        ))}
      </svg>
      <figcaption id={`${id}-caption`}>{label}</figcaption>
      <ul
        className="area-map-legend"
        aria-hidden="true"
        style={{ display: "flex", gap: "0.75rem", listStyle: "none", padding: 0 }}
      >
        <li>{t("fwMapLegendLow")}</li>
        {SHADES.map((c) => (
          <li key={c}>
            <span
              style={{ display: "inline-block", width: "1.5rem", height: "1rem", background: c, border: "1px solid #1f1f1f" }}
            />
          </li>
        ))}
        <li>{t("fwMapLegendHigh")}</li>
        <li>
          <svg width="24" height="16" aria-hidden="true">
            <rect width="24" height="16" fill={hiddenFill} stroke="#1f1f1f" />
          </svg>{" "}
          {t("fwHidden")}
        </li>
      </ul>
    </figure>
  );
}
