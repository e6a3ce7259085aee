import { and, eq, gte, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { deadlineRow, deadlinesQuery } from "../../../contracts/cases";
import {
  clockState,
  type Deadline,
  dayDeadline,
  forhandsbedomningDeadline,
  skyddsbedomningDeadline,
  uppfoljningDeadline,
  utredningDeadline,
} from "../../../domain/clocks";
import { ivoDueDate, nextOvervagande, planDueDate } from "../../../domain/interventions/rules";
import { type InsatsKind, isPlacement } from "../../../domain/interventions/vocabulary";
import { byInstant, startOfStockholmDay, stockholmDate } from "../../../domain/time";
import { type Database, type Db, oneByOne, type Tx } from "../../db/connection";
import {
  cases,
  decisions,
  districts,
  insatsCatalogue,
  insatser,
  investigations,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
  units,
  users,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { auditShownList } from "../../platform/audit";
import { caseScope, insatsScope, investigationScope, reportScope } from "../../platform/scope";
import { actionPlanClocks } from "../action-plans/clocks";
import { avhoppClocks } from "../avhopp/clocks";
import { handledBy } from "../cases/co-handlers";
import { insatsClockInputs, nextFollowUpDay } from "../interventions/summary";
import { youngOffenderClocks } from "../young-offenders/clocks";

type Row = z.infer<typeof deadlineRow>;
type Query = z.infer<typeof deadlinesQuery>;

/** Completed clocks stay on the overview this long, so "met late" is seen before it scrolls away. */
const MET_WINDOW_DAYS = 30;

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

/** A clock before it is ranked: what every source of clocks (case flow, avhopp, plans …) yields. */
export interface Candidate {
  clock: Row["clock"];
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
 * Every running clock in the actor's scope with its state, computed from the recorded events by
 * the rules in src/domain/clocks.ts; the database only finds the candidates.
 */
export interface ClockFilter {
  unitId?: string | undefined;
  assignedTo?: string | undefined;
  clock?: Row["clock"] | undefined;
  /** Only these cases (the case list asks for the clocks of the page it shows). */
  caseIds?: string[];
  includeMet: boolean;
  dueSoonDays: number;
}

/**
 * Every clock in the actor's scope matching the filter, with its state: candidates found by the
 * database, deadlines and states computed by src/domain/clocks.ts. Writes no audit row: callers
 * audit what they show.
 */
export async function collectClocks(
  tx: Db | Tx,
  actor: Actor,
  filter: ClockFilter,
  now: Date,
  /** Only with the pool (not a transaction): run the four queries at once on separate connections. */
  parallel = false,
): Promise<Row[]> {
  const includeMet = filter.includeMet;
  const since = new Date(now.getTime() - MET_WINDOW_DAYS * 86_400_000);
  const filters: SQL[] = [caseScope(actor)];
  if (filter.unitId) filters.push(eq(cases.unitId, filter.unitId));
  // A handläggare's clocks: of the cases they are responsible for or work as medhandläggare.
  if (filter.assignedTo) filters.push(handledBy(filter.assignedTo));
  if (filter.caseIds) filters.push(filter.caseIds.length ? inArray(cases.id, filter.caseIds) : sql`false`);
  const base = and(...filters);
  const want = (clock: Row["clock"]) => !filter.clock || filter.clock === clock;
  const withCase = (...where: (SQL | undefined)[]) => and(base, ...where);
  // A case cannot close while a report awaits its bedömningar or an investigation runs, so running
  // clocks of those kinds live in open cases only: the index on (district, closed_at) finds them.
  const runningIn = (where: SQL) => (includeMet ? where : and(where, isNull(cases.closedAt)));
  // The two clocks of a report: it waits until its assessment row exists. Both assessment tables
  // key on report_id and carry a timestamp of when it was done; the cast only names that shape once.
  const reportClock = (
    step: typeof protectionAssessments | typeof preAssessments,
    doneAt: typeof protectionAssessments.assessedAt | typeof preAssessments.decidedAt,
  ) => {
    const table = step as typeof protectionAssessments;
    const done = doneAt as typeof protectionAssessments.assessedAt;
    return tx
      .select({ ...caseColumns, recordId: reports.id, receivedAt: reports.receivedAt, done })
      .from(reports)
      .innerJoin(cases, eq(cases.id, reports.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .leftJoin(table, eq(table.reportId, reports.id))
      .where(
        withCase(
          reportScope(actor),
          includeMet ? sql`(${done} is null or ${done} >= ${since})` : runningIn(isNull(table.reportId)),
        ),
      );
  };
  const wantInsats = ["verkstallighet", "genomforandeplan", "insats_uppfoljning", "overvagande"].some((k) =>
    want(k as Row["clock"]),
  );
  const [skydd, forhands, utredning, uppfoljning, insatsRows, youngOffender, actionPlan, avhopp] = await (parallel
    ? Promise.all.bind(Promise)
    : oneByOne)([
    want("skyddsbedomning") ? reportClock(protectionAssessments, protectionAssessments.assessedAt) : [],
    want("forhandsbedomning") ? reportClock(preAssessments, preAssessments.decidedAt) : [],
    want("utredning")
      ? tx
          .select({
            ...caseColumns,
            recordId: investigations.id,
            openedOn: investigations.openedOn,
            extendedTo: investigations.extendedTo,
            completedOn: investigations.completedOn,
          })
          .from(investigations)
          .innerJoin(cases, eq(cases.id, investigations.caseId))
          .innerJoin(persons, eq(persons.id, cases.personId))
          .leftJoin(units, eq(units.id, cases.unitId))
          .leftJoin(users, eq(users.id, cases.assignedTo))
          .where(
            withCase(
              investigationScope(actor),
              includeMet
                ? sql`(${investigations.completedOn} is null or ${investigations.completedOn} >= ${stockholmDate(since)})`
                : runningIn(isNull(investigations.completedOn)),
            ),
          )
      : [],
    want("uppfoljning")
      ? tx
          .select({
            ...caseColumns,
            recordId: investigations.id,
            completedOn: investigations.completedOn,
            done: sql<Date | null>`(select min(${decisions.decidedAt}) from ${decisions} where ${decisions.investigationId} = ${investigations.id} and ${decisions.type} = 'uppfoljning')`,
          })
          .from(investigations)
          .innerJoin(cases, eq(cases.id, investigations.caseId))
          .innerJoin(persons, eq(persons.id, cases.personId))
          .leftJoin(units, eq(units.id, cases.unitId))
          .leftJoin(users, eq(users.id, cases.assignedTo))
          .where(
            withCase(
              and(
                investigationScope(actor),
                eq(investigations.guardiansDeclined, true),
                isNotNull(investigations.completedOn),
                gte(investigations.completedOn, stockholmDate(new Date(now.getTime() - 366 * 86_400_000))),
              ),
            ),
          )
      : [],
    wantInsats
      ? tx
          .select({
            ...caseColumns,
            recordId: insatser.id,
            legalForm: insatser.legalForm,
            kind: insatsCatalogue.kind,
            decidedOn: insatser.decidedOn,
            startedOn: insatser.startedOn,
            planDueDays: districts.planDueDays,
            ...insatsClockInputs,
          })
          .from(insatser)
          .innerJoin(cases, eq(cases.id, insatser.caseId))
          .innerJoin(persons, eq(persons.id, cases.personId))
          .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
          .innerJoin(districts, eq(districts.id, insatser.districtId))
          .leftJoin(units, eq(units.id, cases.unitId))
          .leftJoin(users, eq(users.id, cases.assignedTo))
          // Running insatser carry the clocks of verkställighet, plan, follow-up and övervägande.
          .where(withCase(insatsScope(actor), isNull(insatser.endedOn)))
      : [],
    // LUL yttranden and LVU (src/server/modules/young-offenders/clocks.ts).
    youngOffenderClocks(tx, base, { includeMet, since, now, want }),
    // Joint action plans' tasks and follow-ups (src/server/modules/action-plans/clocks.ts).
    actionPlanClocks(tx, base, { want }),
    // Avhopp processes' planned follow-ups (src/server/modules/avhopp/clocks.ts).
    avhoppClocks(tx, base, { includeMet, since, want }),
  ]);

  const common = (r: CaseColumns & { recordId: string }) => ({
    caseId: r.caseId,
    recordId: r.recordId,
    personId: r.personId,
    personName: `${r.firstName} ${r.lastName}`,
    unitId: r.unitId,
    unitName: r.unitName,
    assignedTo: r.assignedTo,
    assignedToName: r.assignedToName,
  });
  const candidates: Candidate[] = [
    ...skydd.map((r) => ({
      clock: "skyddsbedomning" as const,
      deadline: skyddsbedomningDeadline(r.receivedAt),
      completedAt: r.done,
      extended: false,
      ...common(r),
    })),
    ...forhands.map((r) => ({
      clock: "forhandsbedomning" as const,
      deadline: forhandsbedomningDeadline(r.receivedAt),
      completedAt: r.done,
      extended: false,
      ...common(r),
    })),
    ...utredning.map((r) => ({
      clock: "utredning" as const,
      deadline: utredningDeadline(r.openedOn, r.extendedTo),
      // Completed on a day = done at the start of that Stockholm day: met when on or before the due date.
      completedAt: r.completedOn ? startOfStockholmDay(r.completedOn) : null,
      extended: r.extendedTo !== null,
      ...common(r),
    })),
    ...uppfoljning
      .filter((r) => r.completedOn)
      .map((r) => ({
        clock: "uppfoljning" as const,
        deadline: uppfoljningDeadline(r.completedOn as string),
        completedAt: r.done ? new Date(r.done) : null,
        extended: false,
        ...common(r),
      })),
    ...insatsRows.flatMap((r) =>
      insatsClocks(r, includeMet, stockholmDate(since)).map((c) => ({ ...c, extended: false, ...common(r) })),
    ),
    ...youngOffender,
    ...actionPlan,
    ...avhopp,
  ];

  return candidates
    .filter((c) => want(c.clock))
    .map((c) => {
      const { state, daysLeft } = clockState({
        deadline: c.deadline,
        completedAt: c.completedAt,
        now,
        dueSoonDays: filter.dueSoonDays,
      });
      return {
        clock: c.clock,
        state,
        dueDate: c.deadline.dueDate,
        dueAt: c.deadline.dueAt.toISOString(),
        daysLeft,
        completedAt: c.completedAt?.toISOString() ?? null,
        extended: c.extended,
        caseId: c.caseId,
        recordId: c.recordId,
        personId: c.personId,
        personName: c.personName,
        unitId: c.unitId,
        unitName: c.unitName,
        assignedTo: c.assignedTo,
        assignedToName: c.assignedToName,
      };
    });
}

type InsatsClockRow = {
  legalForm: string;
  kind: string;
  decidedOn: string;
  startedOn: string | null;
  planDueDays: number;
  firstSignedOn: string | null;
  followUpDates: string[] | null;
  doneDueDates: string[];
  lastOvervagande: string | null;
};

/**
 * The clocks of one running insats, from the interventions' rules: a bistånd decision is executed
 * (started) within 3 months; a started insats has a signed genomförandeplan within the district's
 * days; the plan's next follow-up date; a placement's next övervägande under SoL. Met ones show only with
 * `includeMet` and when met within the window, as the other clocks do.
 */
function insatsClocks(r: InsatsClockRow, includeMet: boolean, since: string) {
  const clocks: { clock: Row["clock"]; deadline: Deadline; completedAt: Date | null }[] = [];
  const metRecently = (day: string | null) => includeMet && day !== null && day >= since;
  if (r.legalForm === "bistand" && (!r.startedOn || metRecently(r.startedOn))) {
    clocks.push({
      clock: "verkstallighet",
      deadline: dayDeadline(ivoDueDate(r.decidedOn)),
      completedAt: r.startedOn ? startOfStockholmDay(r.startedOn) : null,
    });
  }
  if (r.startedOn && (!r.firstSignedOn || metRecently(r.firstSignedOn))) {
    clocks.push({
      clock: "genomforandeplan",
      deadline: dayDeadline(planDueDate(r.startedOn, r.planDueDays)),
      completedAt: r.firstSignedOn ? startOfStockholmDay(r.firstSignedOn) : null,
    });
  }
  const nextFollowUp = nextFollowUpDay(r);
  if (nextFollowUp) clocks.push({ clock: "insats_uppfoljning", deadline: dayDeadline(nextFollowUp), completedAt: null });
  // Care under LVU is reviewed under 13 § LVU: that clock is the LVU process's (young-offenders/clocks.ts).
  if (r.startedOn && isPlacement(r.kind as InsatsKind) && r.legalForm !== "lvu") {
    clocks.push({
      clock: "overvagande",
      deadline: dayDeadline(nextOvervagande(r.startedOn, r.lastOvervagande)),
      completedAt: null,
    });
  }
  return clocks;
}

/** The deadline overview: every running clock in scope, worst first, with counts per unit. */
export async function deadlineOverview(database: Database, actor: Actor, query: Query, now: Date) {
  const { db } = database;
  // The clocks are read first, in parallel; the audit rows of what is shown commit before the
  // response leaves, so nothing is shown unaudited.
  const all = await collectClocks(
    db,
    actor,
    {
      unitId: query.unitId,
      assignedTo: query.assignedTo,
      clock: query.clock,
      includeMet: query.includeMet === "true",
      dueSoonDays: query.dueSoonDays,
    },
    now,
    true,
  );
  const countsByUnit = new Map<
    string,
    { unitId: string | null; unitName: string | null; overdue: number; dueSoon: number; due: number }
  >();
  for (const r of all) {
    const key = r.unitId ?? "";
    const entry = countsByUnit.get(key) ?? { unitId: r.unitId, unitName: r.unitName, overdue: 0, dueSoon: 0, due: 0 };
    if (r.state === "overdue") entry.overdue++;
    else if (r.state === "due_soon") entry.dueSoon++;
    else if (r.state === "due") entry.due++;
    countsByUnit.set(key, entry);
  }
  const order: Record<Row["state"], number> = { overdue: 0, due_soon: 1, due: 2, met_late: 3, met: 4 };
  const items = all
    .filter((r) => !query.state || r.state === query.state)
    .sort((a, b) => order[a.state] - order[b.state] || byInstant(a.dueAt, b.dueAt))
    .slice(0, query.limit);
  // Names on the overview are personal data shown: one audit row per case listed.
  const shownCases = [...new Map(items.map((i) => [i.caseId, i.personId])).entries()];
  await auditShownList(
    database,
    actor,
    { action: "deadline.list_result", permission: "case:read", recordType: "case" },
    shownCases.map(([recordId, personId]) => ({ personId, recordId })),
  );
  return { items, counts: [...countsByUnit.values()], asOf: now.toISOString() };
}
