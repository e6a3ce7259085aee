import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { insatsSummary } from "../../../contracts/interventions";
import { daysDecisionToStart, isIvoReportable, nextOvervagande, planState } from "../../../domain/interventions/rules";
import { isPlacement } from "../../../domain/interventions/vocabulary";
import type { Db, Tx } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons, units } from "../../db/schema/index";

type Summary = z.infer<typeof insatsSummary>;

/**
 * What an insats's clocks are computed from, read alongside it: the day its first plan was signed,
 * the follow-up days of the plan in force (its listed dates and each goal's follow-up day), the
 * days already followed up, and the last övervägande. Shared by the summaries and the overview.
 */
export const insatsClockInputs = {
  firstSignedOn: sql<string | null>`(select min((p.signed_at at time zone 'Europe/Stockholm')::date)::text
    from insats_plans p where p.insats_id = ${insatser.id} and p.signed_at is not null)`,
  followUpDates: sql<string[] | null>`(select array(
      select d from (select unnest(p.follow_up_dates)::text as d
                     union select g->>'followUpOn' from jsonb_array_elements(p.goals) g) x
      where d is not null order by d)
    from insats_plans p where p.insats_id = ${insatser.id} and p.signed_at is not null order by p.version desc limit 1)`,
  doneDueDates: sql<string[]>`(select coalesce(array_agg(f.due_on::text), '{}') from insats_follow_ups f
    where f.insats_id = ${insatser.id} and f.due_on is not null)`,
  lastOvervagande: sql<string | null>`(select max(o.decided_on)::text from overvaganden o where o.insats_id = ${insatser.id})`,
};

/** The next follow-up day of the plan in force that has not been followed up. */
export function nextFollowUpDay(r: { followUpDates: string[] | null; doneDueDates: string[] }): string | null {
  return (r.followUpDates ?? []).filter((d) => !r.doneDueDates.includes(d)).sort()[0] ?? null;
}

/**
 * Reads insatser with what their summaries are computed from: the first signed plan (when the
 * plan came), the follow-up dates of the plan in force and which of them are done, and the last
 * övervägande. The derived states themselves come from the domain rules, never from SQL.
 */
export async function readSummaries(tx: Db | Tx, where: SQL, today: string, limit = 500): Promise<Summary[]> {
  const rows = await tx
    .select({
      i: insatser,
      personName: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`,
      catalogue: {
        id: insatsCatalogue.id,
        code: insatsCatalogue.code,
        name: insatsCatalogue.name,
        kind: insatsCatalogue.kind,
        evidenceStatus: insatsCatalogue.evidenceStatus,
      },
      providerUnitName: units.name,
      planDueDays: districts.planDueDays,
      ...insatsClockInputs,
    })
    .from(insatser)
    .innerJoin(persons, eq(persons.id, insatser.personId))
    .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
    .innerJoin(units, eq(units.id, insatser.providerUnitId))
    .innerJoin(districts, eq(districts.id, insatser.districtId))
    .where(and(where))
    .orderBy(desc(insatser.decidedOn), desc(insatser.createdAt))
    .limit(limit);
  return rows.map((r) => {
    const i = r.i;
    const kind = r.catalogue.kind as Summary["catalogue"]["kind"];
    const nextFollowUp = i.endedOn ? null : nextFollowUpDay(r);
    return {
      id: i.id,
      caseId: i.caseId,
      personId: i.personId,
      personName: r.personName,
      catalogue: { ...r.catalogue, kind, evidenceStatus: r.catalogue.evidenceStatus as Summary["catalogue"]["evidenceStatus"] },
      legalForm: i.legalForm as Summary["legalForm"],
      decisionId: i.decisionId,
      decidedOn: i.decidedOn,
      providerUnitId: i.providerUnitId,
      providerUnitName: r.providerUnitName,
      startedOn: i.startedOn,
      endedOn: i.endedOn,
      planState: i.startedOn
        ? planState({ startDate: i.startedOn, signedOn: r.firstSignedOn, today, days: r.planDueDays })
        : "not_due",
      daysDecisionToStart: i.startedOn ? daysDecisionToStart(i.decidedOn, i.startedOn) : null,
      ivoReportable: i.legalForm === "bistand" && isIvoReportable(i.decidedOn, i.startedOn, today),
      nextFollowUp,
      nextOvervagande: isPlacement(kind) && i.startedOn && !i.endedOn ? nextOvervagande(i.startedOn, r.lastOvervagande) : null,
    };
  });
}
