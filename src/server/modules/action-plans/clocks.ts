import { and, asc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { dayDeadline } from "../../../domain/clocks";
import { followUpClockDay, type PlanStage } from "../../../domain/samverkan-plan/rules";
import type { Db, Tx } from "../../db/connection";
import { actionPlans, actionPlanTasks, cases, persons, units, users } from "../../db/schema/index";
import type { YoungOffenderClock } from "../young-offenders/clocks";

/**
 * The running clocks of the joint action plans (domain/samverkan-plan/rules.ts) in the cases `base`
 * selects (the overview's scope and filters): each open task of a plan not closed, due on its day,
 * and the plan's next follow-up. A plan belongs to a person, not a case: its clocks are shown on the
 * person's case the overview may see (an open one first, else the newest), once. A person with no
 * case in scope shows none (the plan page shows its overdue tasks anyway). Completed tasks carry no
 * clock: only running ones are shown, so "met" is not listed for them.
 */
export function actionPlanClocks(
  tx: Db | Tx,
  base: SQL | undefined,
  options: { want: (clock: YoungOffenderClock["clock"]) => boolean },
): PromiseLike<YoungOffenderClock[]> {
  const run = async (): Promise<YoungOffenderClock[]> => {
    const wantTask = options.want("atgardsplan_uppgift");
    const wantFollowUp = options.want("atgardsplan_uppfoljning");
    if (!wantTask && !wantFollowUp) return [];
    const rows = await tx
      .select({
        caseId: cases.id,
        personId: actionPlans.personId,
        firstName: persons.firstName,
        lastName: persons.lastName,
        unitId: cases.unitId,
        unitName: units.name,
        assignedTo: cases.assignedTo,
        assignedToName: users.displayName,
        planId: actionPlans.id,
        stage: actionPlans.stage,
        nextFollowUpOn: actionPlans.nextFollowUpOn,
        taskId: actionPlanTasks.id,
        taskDueOn: actionPlanTasks.dueOn,
      })
      .from(actionPlans)
      .innerJoin(cases, eq(cases.personId, actionPlans.personId))
      .innerJoin(persons, eq(persons.id, actionPlans.personId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .leftJoin(
        actionPlanTasks,
        and(
          eq(actionPlanTasks.planId, actionPlans.id),
          or(eq(actionPlanTasks.status, "planerad"), eq(actionPlanTasks.status, "pagaende")),
        ),
      )
      .where(and(base, ne(actionPlans.stage, "avslutad")))
      .orderBy(sql`${cases.closedAt} is not null`, sql`${cases.openedAt} desc`, asc(cases.id));
    const caseOf = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!caseOf.has(r.planId)) caseOf.set(r.planId, r);
    const out: YoungOffenderClock[] = [];
    const seenTasks = new Set<string>();
    for (const r of rows) {
      const chosen = caseOf.get(r.planId);
      if (!chosen || chosen.caseId !== r.caseId) continue;
      const common = {
        extended: false,
        completedAt: null,
        caseId: r.caseId,
        personId: r.personId,
        personName: `${r.firstName} ${r.lastName}`,
        unitId: r.unitId,
        unitName: r.unitName,
        assignedTo: r.assignedTo,
        assignedToName: r.assignedToName,
      };
      if (wantTask && r.taskId && r.taskDueOn && !seenTasks.has(r.taskId)) {
        seenTasks.add(r.taskId);
        out.push({ clock: "atgardsplan_uppgift", deadline: dayDeadline(r.taskDueOn), recordId: r.taskId, ...common });
      }
    }
    if (wantFollowUp)
      for (const r of caseOf.values()) {
        const day = followUpClockDay({ stage: r.stage as PlanStage, nextFollowUpOn: r.nextFollowUpOn });
        if (!day) continue;
        out.push({
          clock: "atgardsplan_uppfoljning",
          deadline: dayDeadline(day),
          recordId: r.planId,
          extended: false,
          completedAt: null,
          caseId: r.caseId,
          personId: r.personId,
          personName: `${r.firstName} ${r.lastName}`,
          unitId: r.unitId,
          unitName: r.unitName,
          assignedTo: r.assignedTo,
          assignedToName: r.assignedToName,
        });
      }
    return out;
  };
  return { then: (ok, fail) => run().then(ok, fail) };
}
