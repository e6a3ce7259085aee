import { and, eq, gte, isNull, or, type SQL, sql } from "drizzle-orm";
import type { OVERVIEW_CLOCK_KINDS } from "../../../contracts/cases";
import type { LvuStepBody } from "../../../contracts/young-offenders";
import type { Deadline } from "../../../domain/clocks";
import { yttrandeCompletedAt, yttrandeDeadline } from "../../../domain/lul/yttrande";
import { foldSteps, type LvuClockKind, lvuClocks, type RecordedStep } from "../../../domain/lvu/process";
import type { LvuBehaviour, LvuGround } from "../../../domain/lvu/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Db, Tx } from "../../db/connection";
import { cases, lulYttranden, lvuProcesses, persons, units, users } from "../../db/schema/index";
import { toDomainStep } from "./lvu.service";
import { youthSanctionClocks } from "./sanction.clocks";

/** A clock for the deadline overview (src/server/modules/deadlines/service.ts), with its case columns. */
export interface YoungOffenderClock {
  clock: (typeof OVERVIEW_CLOCK_KINDS)[number];
  deadline: Deadline;
  completedAt: Date | null;
  extended: boolean;
  caseId: string;
  recordId: string;
  personId: string;
  personName: string;
  unitId: string | null;
  unitName: string | null;
  assignedTo: string | null;
  assignedToName: string | null;
}

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

/**
 * The LUL yttrande, LVU, ungdomstjänst and ungdomsövervakning clocks in the cases `base` selects (the overview's scope and filters,
 * caseScope among them): unsent yttranden and running LVU processes, and with `includeMet` those
 * met since `since`. Clocks are computed by src/domain (lul/yttrande.ts, lvu/process.ts); a clock
 * that stopped because what it guarded ended first is not shown. Lazy: the queries run when awaited,
 * so the overview can await it one after another inside a transaction or at once on the pool.
 */
export function youngOffenderClocks(
  tx: Db | Tx,
  base: SQL | undefined,
  options: { includeMet: boolean; since: Date; now: Date; want: (clock: YoungOffenderClock["clock"]) => boolean },
): PromiseLike<YoungOffenderClock[]> {
  const run = async (): Promise<YoungOffenderClock[]> => {
    const { includeMet, now, want } = options;
    const since = stockholmDate(options.since);
    const today = stockholmDate(now);
    const out: YoungOffenderClock[] = [];
    const common = (r: {
      caseId: string;
      personId: string;
      firstName: string;
      lastName: string;
      unitId: string | null;
      unitName: string | null;
      assignedTo: string | null;
      assignedToName: string | null;
    }) => ({
      caseId: r.caseId,
      personId: r.personId,
      personName: `${r.firstName} ${r.lastName}`,
      unitId: r.unitId,
      unitName: r.unitName,
      assignedTo: r.assignedTo,
      assignedToName: r.assignedToName,
    });
    if (want("lul_yttrande")) {
      const rows = await tx
        .select({ ...caseColumns, recordId: lulYttranden.id, dueOn: lulYttranden.dueOn, sentOn: lulYttranden.sentOn })
        .from(lulYttranden)
        .innerJoin(cases, eq(cases.id, lulYttranden.caseId))
        .innerJoin(persons, eq(persons.id, cases.personId))
        .leftJoin(units, eq(units.id, cases.unitId))
        .leftJoin(users, eq(users.id, cases.assignedTo))
        .where(
          and(base, includeMet ? or(isNull(lulYttranden.sentOn), gte(lulYttranden.sentOn, since)) : isNull(lulYttranden.sentOn)),
        );
      for (const r of rows) {
        out.push({
          clock: "lul_yttrande",
          deadline: yttrandeDeadline(r.dueOn),
          completedAt: yttrandeCompletedAt(r.sentOn),
          extended: false,
          recordId: r.recordId,
          ...common(r),
        });
      }
    }
    const lvuKinds: LvuClockKind[] = [
      "lvu_understallning",
      "lvu_ansokan",
      "lvu_vardstart",
      "lvu_overvagande",
      "lvu_provning",
      "lvu_aldersgrans",
    ];
    if (lvuKinds.some(want)) {
      const rows = await tx
        .select({
          ...caseColumns,
          recordId: lvuProcesses.id,
          grounds: lvuProcesses.grounds,
          behaviours: lvuProcesses.behaviours,
          birthDate: persons.birthDate,
          steps: sql<
            { seq: number; data: LvuStepBody }[]
          >`(select coalesce(json_agg(json_build_object('seq', s.seq, 'data', s.data) order by s.seq), '[]') from lvu_steps s where s.process_id = ${lvuProcesses.id})`,
        })
        .from(lvuProcesses)
        .innerJoin(cases, eq(cases.id, lvuProcesses.caseId))
        .innerJoin(persons, eq(persons.id, cases.personId))
        .leftJoin(units, eq(units.id, cases.unitId))
        .leftJoin(users, eq(users.id, cases.assignedTo))
        .where(
          and(
            base,
            includeMet ? or(isNull(lvuProcesses.endedOn), gte(lvuProcesses.endedOn, since)) : isNull(lvuProcesses.endedOn),
          ),
        );
      for (const r of rows) {
        const steps: RecordedStep[] = r.steps.map((s) => ({ ...toDomainStep(s.data), seq: s.seq }));
        const facts = { grounds: r.grounds as LvuGround[], behaviours: r.behaviours as LvuBehaviour[], birthDate: r.birthDate };
        for (const c of lvuClocks(facts, foldSteps(steps), today)) {
          if (c.stoppedBecause !== null || !want(c.kind)) continue;
          const metDay = c.completedAt ? stockholmDate(c.completedAt) : null;
          if (metDay !== null && !(includeMet && metDay >= since)) continue;
          out.push({
            clock: c.kind,
            deadline: c.deadline,
            completedAt: c.completedAt,
            extended: false,
            recordId: r.recordId,
            ...common(r),
          });
        }
      }
    }
    // Ungdomstjänst and ungdomsövervakning (./sanction.clocks.ts).
    out.push(...(await youthSanctionClocks(tx, base, options)));
    return out;
  };
  return { then: (resolve, reject) => run().then(resolve, reject) };
}
