import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SamladBild, samladBildQuery } from "../../../contracts/interventions";
import { disclosure, disclosureNote, type Publisher } from "../../../domain/disclosure/publish";
import { ageGroup } from "../../../domain/interventions/rules";
import { type SamladBildItem, samladBildFigures } from "../../../domain/interventions/samlad-bild";
import type { EvidenceStatus, LegalForm } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";
import { insatsClockInputs } from "./summary";

type Query = z.infer<typeof samladBildQuery>;

const genderOf = (g: string) => (g === "pojke" || g === "flicka" ? g : "other");

/** Age in whole years on a day ('YYYY-MM-DD' strings). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Samlad bild of the insatser of the actor's districts (stats:read) for [from, to], optionally for
 * one district, one provider unit, one catalogue entry and one legal form (SoL, LVU, påföljd): in total and per insats, split by boys
 * and girls and by age group (age at the decision). Aggregates only, through the disclosure module:
 * the figures leave the unit level. All legal forms count (bistånd and serviceinsatser). Only the
 * benchmark passes another publisher, to measure what protection costs.
 */
export async function samladBild(
  database: Database,
  actor: Actor,
  query: Query,
  now: Date,
  publisher: Publisher = disclosure,
): Promise<SamladBild> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
  const today = stockholmDate(now);
  const asOf = query.to < today ? query.to : today;
  const where: SQL[] = [
    districtIds.length ? inArray(insatser.districtId, districtIds) : sql`false`,
    sql`${insatser.startedOn} <= ${query.to}::date`,
    or(isNull(insatser.endedOn), sql`${insatser.endedOn} >= ${query.from}::date`) as SQL,
  ];
  if (query.unitId) where.push(eq(insatser.providerUnitId, query.unitId));
  if (query.catalogueId) where.push(eq(insatser.catalogueId, query.catalogueId));
  if (query.legalForm) where.push(eq(insatser.legalForm, query.legalForm));

  // Statistics without personal data: the audit row and the read go side by side on the pool
  // rather than one after the other in a transaction.
  const [rows, keyOf] = await Promise.all([
    db
      .select({
        id: insatser.id,
        personId: insatser.personId,
        gender: persons.gender,
        birthDate: persons.birthDate,
        catalogueId: insatsCatalogue.id,
        code: insatsCatalogue.code,
        name: insatsCatalogue.name,
        evidenceStatus: insatsCatalogue.evidenceStatus,
        decidedOn: insatser.decidedOn,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        planDueDays: districts.planDueDays,
        // The same inputs as the insats clocks: first signature, the plan in force's follow-up days.
        firstSignedOn: insatsClockInputs.firstSignedOn,
        followUpDates: insatsClockInputs.followUpDates,
        followUps: sql<SamladBildItem["followUps"]>`(select coalesce(json_agg(json_build_object(
            'dueOn', f.due_on::text, 'doneOn', f.done_on::text, 'results', f.results)), '[]')
          from insats_follow_ups f where f.insats_id = ${insatser.id})`,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(districts, eq(districts.id, insatser.districtId))
      .where(and(...where)),
    publisher.protects ? recordKeys(database) : () => 0,
    auditInsatsReport(db, actor, "stats.samlad_bild", query, districtIds),
  ]);

  const items: SamladBildItem[] = rows.map((r) => ({
    key: keyOf(r.id),
    personKey: keyOf(r.personId),
    personId: r.personId,
    gender: genderOf(r.gender),
    ageGroup: ageGroup(Math.max(0, ageOn(r.birthDate, r.decidedOn))),
    catalogueId: r.catalogueId,
    evidenceStatus: r.evidenceStatus as EvidenceStatus,
    decidedOn: r.decidedOn,
    startedOn: r.startedOn as string,
    endedOn: r.endedOn,
    planDueDays: r.planDueDays,
    firstSignedOn: r.firstSignedOn,
    followUpDates: r.followUpDates ?? [],
    followUps: (r.followUps ?? []).map((f) => ({ ...f, results: Array.isArray(f.results) ? f.results : [] })),
  }));
  const entries = new Map<string, { catalogueId: string; code: string; name: string; evidenceStatus: EvidenceStatus }>();
  for (const r of rows) {
    entries.set(r.catalogueId, {
      catalogueId: r.catalogueId,
      code: r.code,
      name: r.name,
      evidenceStatus: r.evidenceStatus as EvidenceStatus,
    });
  }
  const listed = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const figures = samladBildFigures(
    items,
    listed.map((e) => e.catalogueId),
    { from: query.from, to: query.to, asOf },
    publisher,
  );
  return {
    ...insatsReportFilter(query, districtIds, now),
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    total: figures.total,
    byInsats: listed.map((e, i) => Object.assign({ ...e }, figures.byInsats[i])),
  };
}

type InsatsReportQuery = { from: string; to: string; unitId?: string; catalogueId?: string; legalForm?: LegalForm };

/** The audit row of an insats report (this one, the effect report): no person, the filter it was run with. */
export function auditInsatsReport(
  db: Db,
  actor: Actor,
  action: string,
  query: InsatsReportQuery,
  districtIds: string[],
): Promise<void> {
  return audit(db, actor, {
    action,
    permission: "stats:read",
    recordType: "insats",
    details: {
      from: query.from,
      to: query.to,
      districts: districtIds,
      unitId: query.unitId ?? null,
      catalogueId: query.catalogueId ?? null,
      legalForm: query.legalForm ?? null,
    },
  });
}

/** What an insats report (this one, the effect report) says of its own filter and making. */
export function insatsReportFilter(query: InsatsReportQuery, districtIds: string[], now: Date) {
  return {
    from: query.from,
    to: query.to,
    generatedAt: now.toISOString(),
    districtIds,
    unitId: query.unitId ?? null,
    catalogueId: query.catalogueId ?? null,
    legalForm: query.legalForm ?? null,
  };
}
