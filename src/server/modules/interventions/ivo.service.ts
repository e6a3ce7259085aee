import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { IvoReport, ivoQuery } from "../../../contracts/interventions";
import { ivoDueDate, type Quarter, quarterRange } from "../../../domain/interventions/rules";
import { NOT_STARTED_REASON_LABELS, type NotStartedReason } from "../../../domain/interventions/vocabulary";
import type { Database } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";

export type IvoVersion = "ivo" | "namnd";
type Query = z.infer<typeof ivoQuery>;

/**
 * Whether a bistånd decision belongs in the report for the quarter [from, to] (16 kap. 6 f § SoL:
 * every gynnande beslut not executed within three months of the decision day is reported, per
 * quarter, and again each quarter until it is executed or ends). The quarter counts as ending at
 * the close of its last day `to`, and `due` = ivoDueDate(decidedOn) is the last day on which the
 * decision is executed in time (30 Nov → 28/29 Feb). A decision is listed when due ≤ to (the three
 * months had run out by the end of the quarter) and either:
 *   (a) it was not executed by the end of the quarter (no start, or a start after `to`), unless it
 *       was ended without execution before the quarter began or on/before its due date (nothing
 *       unexecuted remained to report in this quarter); or
 *   (b) it was executed within the quarter (from ≤ start ≤ to) but after the due date: the late
 *       execution is reported in the quarter it happened.
 * Not listed: executed on or before the due date; executed late in an earlier quarter (reported
 * then); decided fewer than three months before the quarter's end; serviceinsatser (no decision).
 * A start after the quarter's end is shown as "not started" (the report describes the quarter).
 */
export function ivoListed(
  i: { decidedOn: string; startedOn: string | null; endedOn: string | null },
  from: string,
  to: string,
): boolean {
  const due = ivoDueDate(i.decidedOn);
  if (due > to) return false;
  const started = i.startedOn !== null && i.startedOn <= to ? i.startedOn : null;
  if (started === null) {
    if (i.endedOn !== null && (i.endedOn < from || i.endedOn <= due)) return false;
    return true;
  }
  return started >= from && started > due;
}

/**
 * The quarter's list of decisions not executed within three months. Version "ivo" (ivo:read) names
 * the young people: it is the report to IVO, and every person listed gets an audit row. Version
 * "namnd" (stats:read) is the report to the nämnd: the same rows without personnummer or name,
 * audited as one statistics read.
 */
export async function ivoReport(
  { db }: Database,
  actor: Actor,
  query: Query,
  version: IvoVersion,
  now: Date,
): Promise<IvoReport> {
  const allowed = districtsWithPermission(actor, version === "ivo" ? "ivo:read" : "stats:read");
  if (allowed.length === 0) throw notFound();
  if (query.districtId && !allowed.includes(query.districtId)) {
    throw badRequest("district_not_in_scope", "Inte ditt distrikt / Not your district", [
      { path: "querystring.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  const districtIds = query.districtId ? [query.districtId] : allowed;
  const quarter = query.quarter as Quarter;
  const { from, to } = quarterRange(query.year, quarter);

  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({
        insatsId: insatser.id,
        caseId: insatser.caseId,
        personId: insatser.personId,
        personnummer: persons.personnummer,
        personName: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`,
        gender: persons.gender,
        insatsName: insatsCatalogue.name,
        decidedOn: insatser.decidedOn,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        reason: insatser.notStartedReason,
        note: insatser.notStartedNote,
        districtName: districts.name,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(districts, eq(districts.id, insatser.districtId))
      .where(
        and(
          inArray(insatser.districtId, districtIds),
          eq(insatser.legalForm, "bistand"),
          lte(insatser.decidedOn, to),
          or(isNull(insatser.startedOn), sql`${insatser.startedOn} >= ${from}::date`),
        ),
      )
      .orderBy(asc(districts.name), asc(insatser.decidedOn), asc(persons.lastName), asc(persons.firstName));
    const listed = candidates.filter((c) => ivoListed(c, from, to));

    if (version === "ivo") {
      const byPerson = new Map<string, string[]>();
      for (const r of listed) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.insatsId]);
      await audit(
        tx,
        actor,
        [...byPerson].map(([personId, ids]) => ({
          action: "insats.ivo_report",
          permission: "ivo:read" as const,
          personId,
          recordType: "insats",
          recordId: ids[0],
          details: { year: query.year, quarter, insatser: ids },
        })),
      );
    } else {
      await audit(tx, actor, {
        action: "stats.ivo_namnd",
        permission: "stats:read",
        recordType: "insats",
        details: { year: query.year, quarter, districts: districtIds, rows: listed.length },
      });
    }

    return {
      year: query.year,
      quarter,
      from,
      to,
      version,
      generatedAt: now.toISOString(),
      rows: listed.map((r) => {
        const startedOn = r.startedOn !== null && r.startedOn <= to ? r.startedOn : null;
        const row = {
          insatsId: r.insatsId,
          caseId: r.caseId,
          gender: r.gender,
          insatsName: r.insatsName,
          decidedOn: r.decidedOn,
          dueOn: ivoDueDate(r.decidedOn),
          startedOn,
          endedOn: startedOn === null && r.endedOn !== null && r.endedOn <= to ? r.endedOn : null,
          reason: r.reason ? (NOT_STARTED_REASON_LABELS[r.reason as NotStartedReason]?.sv ?? r.reason) : null,
          note: r.note,
          districtName: r.districtName,
        };
        // The nämnd version never carries the fields, not even as null.
        return version === "ivo" ? { ...row, personnummer: r.personnummer, personName: r.personName } : row;
      }),
    };
  });
}
