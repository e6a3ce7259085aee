import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { HandlingTimes, handlingTimesQuery } from "../../../contracts/cases";
import {
  daysBetween,
  forhandsbedomningDeadline,
  isInTime,
  median,
  percentile,
  skyddsbedomningDeadline,
  utredningDeadline,
} from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { cases, investigations, persons, preAssessments, protectionAssessments, reports } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";

type Query = z.infer<typeof handlingTimesQuery>;
type Gender = "pojke" | "flicka" | "other";
type Measure = HandlingTimes["skyddsbedomningWithin24h"]["all"];
type Split = HandlingTimes["skyddsbedomningWithin24h"];

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/** Days are shown to a tenth; interpolation otherwise leaks float noise such as 1.6000000000000008. */
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function measure(items: { within: boolean; days: number }[]): Measure {
  const days = items.map((i) => i.days);
  const withinLimit = items.filter((i) => i.within).length;
  return {
    total: items.length,
    withinLimit,
    share: items.length ? withinLimit / items.length : null,
    medianDays: oneDecimal(median(days)),
    p90Days: oneDecimal(percentile(days, 90)),
  };
}

function split(items: { gender: Gender; within: boolean; days: number }[]): Split {
  return {
    all: measure(items),
    pojke: measure(items.filter((i) => i.gender === "pojke")),
    flicka: measure(items.filter((i) => i.gender === "flicka")),
    other: measure(items.filter((i) => i.gender === "other")),
  };
}

/**
 * Handling times for reports received in [from, to] (Stockholm dates): how many clocks were met,
 * with median and 90th percentile days, split by boys and girls. Aggregates only: no names leave.
 */
export async function handlingTimes({ db }: Database, actor: Actor, query: Query): Promise<HandlingTimes> {
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
  const districts = query.districtId ? [query.districtId] : allowed;
  const start = sql`(${query.from}::date)::timestamp at time zone 'Europe/Stockholm'`;
  const end = sql`(${query.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`;
  const scope: SQL[] = [districts.length ? inArray(reports.districtId, districts) : sql`false`];
  if (query.unitId) scope.push(eq(cases.unitId, query.unitId));

  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        gender: persons.gender,
        receivedAt: reports.receivedAt,
        isReReferral: reports.isReReferral,
        protectionAt: protectionAssessments.assessedAt,
        preAt: preAssessments.decidedAt,
        preOutcome: preAssessments.outcome,
      })
      .from(reports)
      .innerJoin(cases, eq(cases.id, reports.caseId))
      .innerJoin(persons, eq(persons.id, reports.personId))
      .leftJoin(protectionAssessments, eq(protectionAssessments.reportId, reports.id))
      .leftJoin(preAssessments, eq(preAssessments.reportId, reports.id))
      .where(and(...scope, gte(reports.receivedAt, start), lt(reports.receivedAt, end)));
    const invRows = await tx
      .select({
        gender: persons.gender,
        openedOn: investigations.openedOn,
        extendedTo: investigations.extendedTo,
        completedOn: investigations.completedOn,
      })
      .from(investigations)
      .innerJoin(cases, eq(cases.id, investigations.caseId))
      .innerJoin(persons, eq(persons.id, investigations.personId))
      .where(
        and(
          districts.length ? inArray(investigations.districtId, districts) : sql`false`,
          query.unitId ? eq(cases.unitId, query.unitId) : undefined,
          sql`${investigations.completedOn} between ${query.from}::date and ${query.to}::date`,
        ),
      );
    await audit(tx, actor, {
      action: "stats.handling_times",
      permission: "stats:read",
      recordType: "report",
      details: { from: query.from, to: query.to, districts },
    });

    const hour = 3600_000;
    const skydd = rows
      .filter((r) => r.protectionAt)
      .map((r) => ({
        gender: genderOf(r.gender),
        within: isInTime(skyddsbedomningDeadline(r.receivedAt), r.protectionAt as Date),
        days: Math.round((((r.protectionAt as Date).getTime() - r.receivedAt.getTime()) / (24 * hour)) * 10) / 10,
      }));
    const forhands = rows
      .filter((r) => r.preAt)
      .map((r) => ({
        gender: genderOf(r.gender),
        within: isInTime(forhandsbedomningDeadline(r.receivedAt), r.preAt as Date),
        days: daysBetween(stockholmDate(r.receivedAt), stockholmDate(r.preAt as Date)),
      }));
    const utredning = invRows.map((r) => ({
      gender: genderOf(r.gender),
      within: (r.completedOn as string) <= utredningDeadline(r.openedOn, r.extendedTo).dueDate,
      days: daysBetween(r.openedOn, r.completedOn as string),
    }));
    const count = (g?: Gender) => rows.filter((r) => !g || genderOf(r.gender) === g).length;
    const reReferrals = rows.filter((r) => r.isReReferral).length;
    return {
      from: query.from,
      to: query.to,
      reports: { all: count(), pojke: count("pojke"), flicka: count("flicka"), other: count("other") },
      skyddsbedomningWithin24h: split(skydd),
      forhandsbedomningWithin14d: split(forhands),
      utredningWithin4mOrExtended: split(utredning),
      linkedToOngoingInvestigation: rows.filter((r) => r.preOutcome === "koppla").length,
      reReferrals,
      reReferralRate: rows.length ? reReferrals / rows.length : null,
    };
  });
}
