import { and, eq, gte, isNull, or, type SQL } from "drizzle-orm";
import { followUpClocks } from "../../../domain/avhopp/process";
import { startOfStockholmDay, stockholmDate } from "../../../domain/time";
import type { Db, Tx } from "../../db/connection";
import { avhoppFollowUps, avhoppProcesses, cases, persons, units, users } from "../../db/schema/index";
import type { Candidate } from "../deadlines/service";

/** A clock for the deadline overview, in the shape its other sources yield. */
export type AvhoppClock = Candidate;

/**
 * The planned follow-ups of avhopp processes in the cases `base` selects (the overview's scope and
 * filters, caseScope among them): those not done of running processes and, with `includeMet`,
 * those done since `since`. The record is the process. Deadlines come from src/domain/avhopp.
 */
export function avhoppClocks(
  tx: Db | Tx,
  base: SQL | undefined,
  options: { includeMet: boolean; since: Date; want: (clock: AvhoppClock["clock"]) => boolean },
): PromiseLike<AvhoppClock[]> {
  // Lazy, as the overview's other queries: it runs when awaited (one by one inside a transaction).
  return { then: (resolve, reject) => run(tx, base, options).then(resolve, reject) };
}

async function run(
  tx: Db | Tx,
  base: SQL | undefined,
  options: { includeMet: boolean; since: Date; want: (clock: AvhoppClock["clock"]) => boolean },
): Promise<AvhoppClock[]> {
  if (!options.want("avhopp_uppfoljning")) return [];
  const since = stockholmDate(options.since);
  const rows = await tx
    .select({
      caseId: cases.id,
      personId: cases.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      unitId: cases.unitId,
      unitName: units.name,
      assignedTo: cases.assignedTo,
      assignedToName: users.displayName,
      processId: avhoppProcesses.id,
      endedOn: avhoppProcesses.endedOn,
      followUpId: avhoppFollowUps.id,
      dueOn: avhoppFollowUps.dueOn,
      doneOn: avhoppFollowUps.doneOn,
    })
    .from(avhoppFollowUps)
    .innerJoin(avhoppProcesses, eq(avhoppProcesses.id, avhoppFollowUps.processId))
    .innerJoin(cases, eq(cases.id, avhoppProcesses.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(units, eq(units.id, cases.unitId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(
      and(
        base,
        options.includeMet
          ? or(and(isNull(avhoppFollowUps.doneOn), isNull(avhoppProcesses.endedOn)), gte(avhoppFollowUps.doneOn, since))
          : and(isNull(avhoppFollowUps.doneOn), isNull(avhoppProcesses.endedOn)),
      ),
    );
  return rows.flatMap((r) =>
    followUpClocks([{ id: r.followUpId, dueOn: r.dueOn, doneOn: r.doneOn }], r.endedOn).map((c) => ({
      clock: "avhopp_uppfoljning" as const,
      deadline: c.deadline,
      completedAt: c.doneOn ? startOfStockholmDay(c.doneOn) : null,
      extended: false,
      caseId: r.caseId,
      recordId: r.processId,
      personId: r.personId,
      personName: `${r.firstName} ${r.lastName}`,
      unitId: r.unitId,
      unitName: r.unitName,
      assignedTo: r.assignedTo,
      assignedToName: r.assignedToName,
    })),
  );
}
