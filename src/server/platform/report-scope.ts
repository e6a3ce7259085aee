import { type PeriodGranularity, periodAllowed } from "../../domain/disclosure/publish";
import { type Actor, districtsWithPermission, personalDataDistricts } from "./actor";
import { badRequest } from "./errors";

/** The filter every aggregate report starts from. */
export interface ReportFilter {
  from: string;
  to: string;
  districtId?: string;
}

/** What a report may cover for this actor. */
export interface ReportScope {
  districtIds: string[];
  granularity: PeriodGranularity;
}

/**
 * The districts and the period granularity of an aggregate report (stats:read), checked once for
 * every report: 400 for a period that ends before it starts, for a district outside the actor's,
 * and for a period finer than the actor may ask for. Someone who may read the persons of every
 * district reported on gains nothing from differencing and may ask for any days; an aggregate-only
 * reader (analytiker) asks for calendar periods: a month, quarter, tertial, half-year or year (domain/disclosure/publish.ts).
 */
export function reportScope(actor: Actor, query: ReportFilter): ReportScope {
  if (query.to < query.from) {
    throw badRequest("invalid_period", "Slutdatum före startdatum / End before start", [
      { path: "querystring.to", message: "Före from" },
    ]);
  }
  const allowed = districtsWithPermission(actor, "stats:read");
  if (query.districtId && !allowed.includes(query.districtId)) {
    throw badRequest("district_not_in_scope", "Inte ditt distrikt / Not your district", [
      { path: "querystring.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  const districtIds = query.districtId ? [query.districtId] : allowed;
  const personal = personalDataDistricts(actor);
  const granularity: PeriodGranularity = districtIds.every((d) => personal.includes(d)) ? "day" : "calendar";
  if (!periodAllowed(query.from, query.to, granularity)) {
    throw badRequest(
      "period_too_fine",
      "Perioden ska vara en kalendermånad, ett kvartal, ett tertial, ett halvår eller ett kalenderår / The period must be a calendar month, quarter, tertial, half-year or year",
      [
        { path: "querystring.from", message: "Första dagen i perioden / The first day of the period" },
        { path: "querystring.to", message: "Sista dagen i perioden / The last day of the period" },
      ],
    );
  }
  return { districtIds, granularity };
}
