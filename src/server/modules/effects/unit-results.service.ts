import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { unitResults, unitResultsQuery } from "../../../contracts/effects";
import type { GoalAttainment } from "../../../domain/interventions/vocabulary";
import type { Database } from "../../db/connection";
import {
  insatsCatalogue,
  insatser,
  insatsFollowUps,
  isuMeasurements,
  isuScales,
  isuSurveyResponses,
  persons,
  units,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { auditShownList } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { insatsScope } from "../../platform/scope";
import { goalCounts, personChanges } from "./person-changes";

type Query = z.infer<typeof unitResultsQuery>;
type Result = z.infer<typeof unitResults>;

/** A unit's drill-down is a worklist, not a register: the newest this many. */
const MAX_ROWS = 500;

/**
 * Per young person, the insatser of the caller's scope (a provider unit's own uppdrag, or a
 * district's) that ran in the period and have started: before/after per scale, goals of the last
 * follow-up, mean satisfaction, and whether an ended insats lacks its end rating. Personal data:
 * every row shown is audited.
 */
export async function unitResultsOf(database: Database, actor: Actor, query: Query): Promise<Result> {
  const tx = database.db;
  if (query.from > query.to) {
    throw badRequest("invalid_period", "Perioden slutar före start / The period ends before it starts", [
      { path: "querystring.to", message: "Före från-datum / Before from" },
    ]);
  }
  {
    const where = and(
      insatsScope(actor),
      isNotNull(insatser.startedOn),
      lte(insatser.startedOn, query.to),
      or(isNull(insatser.endedOn), gte(insatser.endedOn, query.from)),
      query.unitId ? eq(insatser.providerUnitId, query.unitId) : undefined,
    ) as SQL;
    const rows = await tx
      .select({
        id: insatser.id,
        caseId: insatser.caseId,
        personId: insatser.personId,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        firstName: persons.firstName,
        lastName: persons.lastName,
        insatsName: insatsCatalogue.name,
        providerUnitName: units.name,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(units, eq(units.id, insatser.providerUnitId))
      .where(where)
      .orderBy(desc(insatser.endedOn), desc(insatser.startedOn), asc(insatser.id))
      .limit(MAX_ROWS);
    const ids = rows.map((r) => r.id);
    const [measured, followUps, responses, scales] = ids.length
      ? await Promise.all([
          tx.select().from(isuMeasurements).where(inArray(isuMeasurements.insatsId, ids)),
          tx
            .selectDistinctOn([insatsFollowUps.insatsId], {
              insatsId: insatsFollowUps.insatsId,
              results: insatsFollowUps.results,
            })
            .from(insatsFollowUps)
            .where(inArray(insatsFollowUps.insatsId, ids))
            .orderBy(insatsFollowUps.insatsId, desc(insatsFollowUps.doneOn), desc(insatsFollowUps.createdAt)),
          tx.select().from(isuSurveyResponses).where(inArray(isuSurveyResponses.insatsId, ids)),
          tx.select().from(isuScales),
        ])
      : [[], [], [], []];
    const scaleById = new Map(scales.map((s) => [s.id, s]));
    const group = <T extends { insatsId: string }>(list: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of list) map.set(item.insatsId, [...(map.get(item.insatsId) ?? []), item]);
      return map;
    };
    const measuredBy = group(measured);
    const followUpBy = new Map(followUps.map((f) => [f.insatsId, f.results as { attainment: GoalAttainment }[]]));
    const responsesBy = group(responses);

    const out: Result["rows"] = rows.map((r) => {
      const own = measuredBy.get(r.id) ?? [];
      const answers = (responsesBy.get(r.id) ?? []).flatMap((s) => Object.values(s.answers as Record<string, number>));
      return {
        insatsId: r.id,
        caseId: r.caseId,
        personName: `${r.firstName} ${r.lastName}`,
        insatsName: r.insatsName,
        providerUnitName: r.providerUnitName,
        startedOn: r.startedOn as string,
        endedOn: r.endedOn,
        changes: personChanges(scaleById, own),
        goals: goalCounts(followUpBy.get(r.id)),
        satisfactionMean: answers.length ? answers.reduce((s, v) => s + v, 0) / answers.length : null,
        missingEnd: r.endedOn !== null && !own.some((m) => m.point === "end"),
      };
    });
    await auditShownList(
      database,
      actor,
      { action: "isu.unit_results", permission: "insats:read", recordType: "insats" },
      rows.map((r) => ({ personId: r.personId, recordId: r.id })),
    );
    return { from: query.from, to: query.to, rows: out };
  }
}
