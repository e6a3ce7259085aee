import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { HandlingTimes, handlingTimesQuery } from "../../../contracts/cases";
import { disclosure, disclosureNote, type Publisher } from "../../../domain/disclosure/publish";
import {
  type Gender,
  type HandlingTimeInvestigation,
  type HandlingTimeReport,
  handlingTimeFigures,
} from "../../../domain/indicators/handling-times";
import type { Extension } from "../../../domain/indicators/investigation-time";
import type { Database } from "../../db/connection";
import { cases, investigations, persons, preAssessments, protectionAssessments, reports } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";

type Query = z.infer<typeof handlingTimesQuery>;

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/**
 * Handling times of the actor's districts (stats:read) for [from, to] (Stockholm days), optionally
 * one district and one unit: the skyddsbedömning and förhandsbedömning clocks of the reports received
 * in the period, the utredning clocks of the investigations whose statutory last day is in it (with
 * and without förlängningar decided in time), each with its share within time, pending items apart,
 * median, mean and 90th percentile of the days, split by boys and girls; every clock evaluated as of
 * `now`. The indicators are defined once in domain/indicators; every figure passes the disclosure
 * module. Aggregates only: no person's name, personnummer or free text is read. Only the benchmark
 * passes another publisher, to measure what protection costs.
 */
export async function handlingTimes(
  database: Database,
  actor: Actor,
  query: Query,
  now: Date,
  publisher: Publisher = disclosure,
): Promise<HandlingTimes> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
  const start = sql`(${query.from}::date)::timestamp at time zone 'Europe/Stockholm'`;
  const end = sql`(${query.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`;
  const reportScopeSql: SQL[] = [districtIds.length ? inArray(reports.districtId, districtIds) : sql`false`];
  if (query.unitId) reportScopeSql.push(eq(cases.unitId, query.unitId));
  // A loose window on the opening day; the population itself (statutory last day in the period) is
  // decided by the domain rule. Month ends clamp (31 October + 4 months = 28 February), hence the days.
  const openedFrom = sql`(${query.from}::date - interval '4 months' - interval '3 days')::date`;
  const openedTo = sql`(${query.to}::date - interval '4 months' + interval '3 days')::date`;

  // Statistics without personal data: the audit row and the reads go side by side on the pool.
  const [reportRows, investigationRows, keyOf] = await Promise.all([
    db
      .select({
        id: reports.id,
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
      .where(and(...reportScopeSql, gte(reports.receivedAt, start), lt(reports.receivedAt, end))),
    db
      .select({
        id: investigations.id,
        gender: persons.gender,
        openedOn: investigations.openedOn,
        completedOn: investigations.completedOn,
        // The förlängning decisions (flow.service.ts extendInvestigation): when each was decided and
        // the end date it set. Whether each came in time is the domain's rule, not the stored extendedTo.
        extensions: sql<{ decidedAt: string; newEndDate: string | null }[]>`(select coalesce(json_agg(json_build_object(
            'decidedAt', d.decided_at, 'newEndDate', d.details->>'newEndDate')), '[]')
          from decisions d where d.investigation_id = ${investigations.id} and d.type = 'forlangning')`,
      })
      .from(investigations)
      .innerJoin(cases, eq(cases.id, investigations.caseId))
      .innerJoin(persons, eq(persons.id, investigations.personId))
      .where(
        and(
          districtIds.length ? inArray(investigations.districtId, districtIds) : sql`false`,
          query.unitId ? eq(cases.unitId, query.unitId) : undefined,
          sql`${investigations.openedOn} between ${openedFrom} and ${openedTo}`,
        ),
      ),
    publisher.protects ? recordKeys(database) : () => 0,
    audit(db, actor, {
      action: "stats.handling_times",
      permission: "stats:read",
      recordType: "report",
      details: { from: query.from, to: query.to, districts: districtIds, unitId: query.unitId ?? null },
    }),
  ]);

  const items: HandlingTimeReport[] = reportRows.map((r) => ({
    key: keyOf(r.id),
    gender: genderOf(r.gender),
    receivedAt: r.receivedAt,
    protectionAt: r.protectionAt,
    preAssessmentAt: r.preAt,
    linked: r.preOutcome === "koppla",
    isReReferral: r.isReReferral,
  }));
  const invs: HandlingTimeInvestigation[] = investigationRows.map((r) => ({
    key: keyOf(r.id),
    gender: genderOf(r.gender),
    openedOn: r.openedOn,
    completedOn: r.completedOn,
    extensions: (r.extensions ?? []).flatMap((e): Extension[] =>
      e.newEndDate ? [{ decidedAt: new Date(e.decidedAt), newEndDate: e.newEndDate }] : [],
    ),
  }));
  const { figures, protectedWhole } = handlingTimeFigures(items, invs, { from: query.from, to: query.to, asOf: now }, publisher);
  return {
    from: query.from,
    to: query.to,
    asOf: now.toISOString(),
    disclosure: disclosureNote(granularity, protectedWhole),
    ...figures,
  };
}
