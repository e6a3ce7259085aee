import { and, eq, gte, isNull, or, type SQL, sql } from "drizzle-orm";
import { stockholmDate } from "../../../domain/time";
import { uoFollowUpClock } from "../../../domain/ungdomstjanst/ungdomsovervakning";
import { UNGDOMSTJANST_CLOCK_KINDS, ungdomstjanstClocks } from "../../../domain/ungdomstjanst/ungdomstjanst";
import type { Db, Tx } from "../../db/connection";
import {
  cases,
  persons,
  ungdomsovervakningItems,
  ungdomsovervakningPlans,
  ungdomstjanstJudgments,
  units,
  users,
} from "../../db/schema/index";
import type { YoungOffenderClock } from "./clocks";
import { toJudgment, toSession } from "./ungdomstjanst.service";

const caseColumns = {
  caseId: cases.id,
  personId: cases.personId,
  firstName: persons.firstName,
  lastName: persons.lastName,
  unitId: cases.unitId,
  unitName: units.name,
  assignedTo: cases.assignedTo,
  assignedToName: users.displayName,
};
interface CaseColumns {
  caseId: string;
  personId: string;
  firstName: string;
  lastName: string;
  unitId: string | null;
  unitName: string | null;
  assignedTo: string | null;
  assignedToName: string | null;
}

const common = (r: CaseColumns) => ({
  caseId: r.caseId,
  personId: r.personId,
  personName: `${r.firstName} ${r.lastName}`,
  unitId: r.unitId,
  unitName: r.unitName,
  assignedTo: r.assignedTo,
  assignedToName: r.assignedToName,
});

/**
 * The ungdomstjänst clocks (start and end days the judgment or plan set) of judgments not yet
 * completed nor ended without completion, and the follow-up clocks of the ungdomsövervakning plans' parts not yet followed up; with
 * `includeMet` also those met since `since`. `base` is the overview's scope and filters on the case.
 */
export async function youthSanctionClocks(
  tx: Db | Tx,
  base: SQL | undefined,
  options: { includeMet: boolean; since: Date; want: (clock: YoungOffenderClock["clock"]) => boolean },
): Promise<YoungOffenderClock[]> {
  const { includeMet, want } = options;
  const since = stockholmDate(options.since);
  const out: YoungOffenderClock[] = [];
  if (UNGDOMSTJANST_CLOCK_KINDS.some(want)) {
    const rows = await tx
      .select({
        ...caseColumns,
        j: ungdomstjanstJudgments,
        sessions: sql<
          { occurredOn: string; kind: string; minutes: number; attendance: string }[]
        >`(select coalesce(json_agg(json_build_object('occurredOn', s.occurred_on, 'kind', s.kind, 'minutes', s.minutes, 'attendance', s.attendance)), '[]') from ungdomstjanst_sessions s where s.judgment_id = ${ungdomstjanstJudgments.id})`,
      })
      .from(ungdomstjanstJudgments)
      .innerJoin(cases, eq(cases.id, ungdomstjanstJudgments.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(
        and(
          base,
          // Running, or (with includeMet) completed or ended without completion since `since`: an ended
          // judgment keeps the clocks it met (src/domain/ungdomstjanst/ungdomstjanst.ts).
          includeMet
            ? or(
                and(isNull(ungdomstjanstJudgments.completedOn), isNull(ungdomstjanstJudgments.endedOn)),
                gte(ungdomstjanstJudgments.completedOn, since),
                gte(ungdomstjanstJudgments.endedOn, since),
              )
            : and(isNull(ungdomstjanstJudgments.completedOn), isNull(ungdomstjanstJudgments.endedOn)),
        ),
      );
    for (const r of rows) {
      const judgment = { ...toJudgment(r.j), startBy: r.j.startBy, completeBy: r.j.completeBy };
      for (const c of ungdomstjanstClocks(judgment, r.sessions.map(toSession))) {
        if (!want(c.kind)) continue;
        const metDay = c.completedAt ? stockholmDate(c.completedAt) : null;
        if (metDay !== null && !(includeMet && metDay >= since)) continue;
        out.push({
          clock: c.kind,
          deadline: c.deadline,
          completedAt: c.completedAt,
          extended: false,
          recordId: r.j.id,
          ...common(r),
        });
      }
    }
  }
  if (want("ungdomsovervakning_uppfoljning")) {
    const rows = await tx
      .select({
        ...caseColumns,
        recordId: ungdomsovervakningItems.id,
        followUpBy: ungdomsovervakningItems.followUpBy,
        followedUpOn: ungdomsovervakningItems.followedUpOn,
      })
      .from(ungdomsovervakningItems)
      .innerJoin(ungdomsovervakningPlans, eq(ungdomsovervakningPlans.id, ungdomsovervakningItems.planId))
      .innerJoin(cases, eq(cases.id, ungdomsovervakningPlans.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(
        and(
          base,
          includeMet
            ? or(isNull(ungdomsovervakningItems.followedUpOn), gte(ungdomsovervakningItems.followedUpOn, since))
            : isNull(ungdomsovervakningItems.followedUpOn),
        ),
      );
    for (const r of rows) {
      out.push({
        clock: "ungdomsovervakning_uppfoljning",
        ...uoFollowUpClock(r),
        extended: false,
        recordId: r.recordId,
        ...common(r),
      });
    }
  }
  return out;
}
