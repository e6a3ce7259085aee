import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import {
  LATE_LIST_MAX_DAYS,
  type LateDeadlineRow,
  type LateDeadlines,
  type LateDeadlinesQuery,
} from "../../../contracts/late-deadlines";
import {
  addCalendarDays,
  addCalendarMonths,
  type ClockKind,
  type Deadline,
  dayDeadline,
  daysBetween,
  forhandsbedomningDeadline,
  skyddsbedomningDeadline,
  uppfoljningDeadline,
} from "../../../domain/clocks";
import { dueDateInForce, type Extension } from "../../../domain/indicators/investigation-time";
import { ivoDueDate, planDueDate } from "../../../domain/interventions/rules";
import { type InsatsKind, isPlacement } from "../../../domain/interventions/vocabulary";
import { doneOnDay, followUpClocks, lateClocks, overvagandeClocks } from "../../../domain/late-deadlines/late-list";
import { startOfStockholmDay } from "../../../domain/time";
import { type Database, type Db, oneByOne } from "../../db/connection";
import {
  cases,
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
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { auditShownList } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest } from "../../platform/errors";
import { caseScope, insatsScope, investigationScope, reportScope } from "../../platform/scope";
import { insatsClockInputs } from "../interventions/summary";

type Filter = Omit<LateDeadlinesQuery, "limit" | "cursor">;

/** The case columns every clock row carries: whose file, which district, unit and handläggare. */
const caseColumns = {
  caseId: cases.id,
  personId: cases.personId,
  firstName: persons.firstName,
  lastName: persons.lastName,
  districtId: cases.districtId,
  districtName: districts.name,
  unitId: cases.unitId,
  unitName: units.name,
  handlaggareId: cases.assignedTo,
  handlaggareName: users.displayName,
};
type CaseColumns = {
  caseId: string;
  personId: string;
  firstName: string;
  lastName: string;
  districtId: string;
  districtName: string;
  unitId: string | null;
  unitName: string | null;
  handlaggareId: string | null;
  handlaggareName: string | null;
};

/** One clock of the history, before the domain says whether it was late. */
interface Candidate {
  clock: ClockKind;
  deadline: Deadline;
  completedAt: Date | null;
  recordType: LateDeadlineRow["recordType"];
  recordId: string;
  insatsId: string | null;
  reasonCode: string | null;
  reason: string | null;
  at: CaseColumns;
}

/**
 * The districts the list covers: those where the actor holds review:manage (egenkontroll), or the
 * one asked for among them; and the period, at most LATE_LIST_MAX_DAYS long.
 */
function scopeOf(actor: Actor, q: Filter): string[] {
  if (q.to < q.from) {
    throw badRequest("invalid_period", "Slutdatum före startdatum / End before start", [
      { path: "querystring.to", message: "Före from" },
    ]);
  }
  if (daysBetween(q.from, q.to) >= LATE_LIST_MAX_DAYS) {
    throw badRequest("period_too_long", `Högst ${LATE_LIST_MAX_DAYS} dagar / At most ${LATE_LIST_MAX_DAYS} days`, [
      { path: "querystring.to", message: `Högst ${LATE_LIST_MAX_DAYS} dagar efter from` },
    ]);
  }
  const allowed = districtsWithPermission(actor, "review:manage");
  if (q.districtId && !allowed.includes(q.districtId)) {
    throw badRequest("district_not_in_scope", "Inte ditt distrikt / Not your district", [
      { path: "querystring.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  return q.districtId ? [q.districtId] : allowed;
}

/**
 * Every clock of the actor's districts whose last day may fall in [from, to], read from the
 * recorded events. The windows on the start days are loose (months clamp at month ends); which
 * clocks belong to the period, and whether they were late, the domain decides.
 */
async function readCandidates(db: Db, actor: Actor, q: Filter, districtIds: string[], now: Date): Promise<Candidate[]> {
  const want = (clock: ClockKind) => !q.clock || q.clock === clock;
  const inDistricts = districtIds.length ? inArray(cases.districtId, districtIds) : sql`false`;
  const caseFilter = and(
    caseScope(actor),
    inDistricts,
    q.unitId ? eq(cases.unitId, q.unitId) : undefined,
    q.handlaggareId ? eq(cases.assignedTo, q.handlaggareId) : undefined,
  ) as SQL;
  const monthsBefore = (day: string, months: number, slack: number) => addCalendarDays(addCalendarMonths(day, -months), slack);

  const reportQuery = () =>
    db
      .select({
        ...caseColumns,
        reportId: reports.id,
        receivedAt: reports.receivedAt,
        protectedAt: protectionAssessments.assessedAt,
        preAssessedAt: preAssessments.decidedAt,
      })
      .from(reports)
      .innerJoin(cases, eq(cases.id, reports.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(districts, eq(districts.id, cases.districtId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .leftJoin(protectionAssessments, eq(protectionAssessments.reportId, reports.id))
      .leftJoin(preAssessments, eq(preAssessments.reportId, reports.id))
      .where(
        and(
          caseFilter,
          reportScope(actor),
          // Skyddsbedömning is due within a day of receipt, förhandsbedömning within 14 days.
          gte(reports.receivedAt, startOfStockholmDay(addCalendarDays(q.from, -15))),
          lt(reports.receivedAt, startOfStockholmDay(addCalendarDays(q.to, 1))),
        ),
      );

  const investigationQuery = () =>
    db
      .select({
        ...caseColumns,
        investigationId: investigations.id,
        openedOn: investigations.openedOn,
        completedOn: investigations.completedOn,
        guardiansDeclined: investigations.guardiansDeclined,
        extensions: sql<
          { decidedAt: string; newEndDate: string | null; reason: string }[]
        >`(select coalesce(json_agg(json_build_object(
            'decidedAt', d.decided_at, 'newEndDate', d.details->>'newEndDate', 'reason', d.reason) order by d.decided_at), '[]')
          from decisions d where d.investigation_id = ${investigations.id} and d.type = 'forlangning')`,
        followUpDecidedAt: sql<string | null>`(select min(d.decided_at) from decisions d
          where d.investigation_id = ${investigations.id} and d.type = 'uppfoljning')`,
      })
      .from(investigations)
      .innerJoin(cases, eq(cases.id, investigations.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(districts, eq(districts.id, cases.districtId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(
        and(
          caseFilter,
          investigationScope(actor),
          or(
            // Utredning: last day 4 months after opening, or later by a förlängning.
            and(
              lte(investigations.openedOn, monthsBefore(q.to, 4, 3)),
              or(gte(investigations.openedOn, monthsBefore(q.from, 4, -3)), gte(investigations.extendedTo, q.from)),
            ),
            // Uppföljning after guardians declined: 2 months after completion.
            and(
              eq(investigations.guardiansDeclined, true),
              isNotNull(investigations.completedOn),
              gte(investigations.completedOn, monthsBefore(q.from, 2, -3)),
              lte(investigations.completedOn, monthsBefore(q.to, 2, 3)),
            ),
          ),
        ),
      );

  const wantInsats = (["verkstallighet", "genomforandeplan", "insats_uppfoljning", "overvagande"] as const).some(want);
  const insatsQuery = () =>
    db
      .select({
        ...caseColumns,
        insatsId: insatser.id,
        legalForm: insatser.legalForm,
        kind: insatsCatalogue.kind,
        decidedOn: insatser.decidedOn,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        notStartedReason: insatser.notStartedReason,
        notStartedNote: insatser.notStartedNote,
        planDueDays: districts.planDueDays,
        firstSignedOn: insatsClockInputs.firstSignedOn,
        followUpDates: insatsClockInputs.followUpDates,
        followUps: sql<{ dueOn: string | null; doneOn: string }[]>`(select coalesce(json_agg(json_build_object(
            'dueOn', f.due_on::text, 'doneOn', f.done_on::text)), '[]')
          from insats_follow_ups f where f.insats_id = ${insatser.id})`,
        overvaganden: sql<string[]>`(select coalesce(array_agg(o.decided_on::text order by o.decided_on), '{}')
          from overvaganden o where o.insats_id = ${insatser.id})`,
      })
      .from(insatser)
      .innerJoin(cases, eq(cases.id, insatser.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(districts, eq(districts.id, cases.districtId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .leftJoin(units, eq(units.id, cases.unitId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      // A clock whose last day comes after the insats ended is no clock: an insats ended before the
      // period has none in it.
      .where(
        and(
          caseFilter,
          insatsScope(actor),
          lte(insatser.decidedOn, q.to),
          or(isNull(insatser.endedOn), gte(insatser.endedOn, q.from)),
        ),
      );

  const [reportRows, investigationRows, insatsRows] = await oneByOne([
    want("skyddsbedomning") || want("forhandsbedomning") ? reportQuery() : Promise.resolve([]),
    want("utredning") || want("uppfoljning") ? investigationQuery() : Promise.resolve([]),
    wantInsats ? insatsQuery() : Promise.resolve([]),
  ] as const);

  const at = (r: CaseColumns): CaseColumns => ({
    caseId: r.caseId,
    personId: r.personId,
    firstName: r.firstName,
    lastName: r.lastName,
    districtId: r.districtId,
    districtName: r.districtName,
    unitId: r.unitId,
    unitName: r.unitName,
    handlaggareId: r.handlaggareId,
    handlaggareName: r.handlaggareName,
  });
  const none = { insatsId: null, reasonCode: null, reason: null };
  const candidates: Candidate[] = [];
  for (const r of reportRows) {
    const common = { recordType: "report" as const, recordId: r.reportId, ...none, at: at(r) };
    if (want("skyddsbedomning")) {
      candidates.push({
        clock: "skyddsbedomning",
        deadline: skyddsbedomningDeadline(r.receivedAt),
        completedAt: r.protectedAt,
        ...common,
      });
    }
    if (want("forhandsbedomning")) {
      candidates.push({
        clock: "forhandsbedomning",
        deadline: forhandsbedomningDeadline(r.receivedAt),
        completedAt: r.preAssessedAt,
        ...common,
      });
    }
  }
  for (const r of investigationRows) {
    const common = { recordType: "investigation" as const, recordId: r.investigationId, insatsId: null, at: at(r) };
    if (want("utredning")) {
      const extensions = (r.extensions ?? []).flatMap((e): (Extension & { reason: string })[] =>
        e.newEndDate ? [{ decidedAt: new Date(e.decidedAt), newEndDate: e.newEndDate, reason: e.reason }] : [],
      );
      const inForce = dueDateInForce(r.openedOn, extensions, now);
      const lastReason = extensions.at(-1)?.reason ?? null;
      candidates.push({
        clock: "utredning",
        deadline: dayDeadline(inForce.dueDate),
        completedAt: doneOnDay(r.completedOn),
        ...common,
        // A förlängning decided after the time had run out moves nothing: said as the reason.
        reasonCode: inForce.lateExtension ? "late_extension" : extensions.length ? "extension" : null,
        reason: lastReason,
      });
    }
    if (want("uppfoljning") && r.guardiansDeclined && r.completedOn) {
      candidates.push({
        clock: "uppfoljning",
        deadline: uppfoljningDeadline(r.completedOn),
        completedAt: r.followUpDecidedAt ? new Date(r.followUpDecidedAt) : null,
        ...common,
        reasonCode: null,
        reason: null,
      });
    }
  }
  for (const r of insatsRows) {
    const common = { recordType: "insats" as const, recordId: r.insatsId, insatsId: r.insatsId, at: at(r) };
    // A clock not met whose last day came after the insats ended stopped with it.
    const stoppedByEnd = (deadline: Deadline, completedAt: Date | null) =>
      completedAt === null && r.endedOn !== null && r.endedOn < deadline.dueDate;
    const push = (
      clock: ClockKind,
      deadline: Deadline,
      completedAt: Date | null,
      reason = { reasonCode: null as string | null, reason: null as string | null },
    ) => {
      if (!stoppedByEnd(deadline, completedAt)) candidates.push({ clock, deadline, completedAt, ...common, ...reason });
    };
    if (want("verkstallighet") && r.legalForm === "bistand") {
      push("verkstallighet", dayDeadline(ivoDueDate(r.decidedOn)), doneOnDay(r.startedOn), {
        reasonCode: r.notStartedReason,
        reason: r.notStartedNote,
      });
    }
    if (want("genomforandeplan") && r.startedOn) {
      push("genomforandeplan", dayDeadline(planDueDate(r.startedOn, r.planDueDays)), doneOnDay(r.firstSignedOn));
    }
    if (want("insats_uppfoljning")) {
      for (const c of followUpClocks({
        followUpDates: r.followUpDates ?? [],
        followUps: r.followUps ?? [],
        endedOn: r.endedOn,
      })) {
        push("insats_uppfoljning", c.deadline, c.completedAt);
      }
    }
    if (want("overvagande") && r.startedOn && isPlacement(r.kind as InsatsKind)) {
      for (const c of overvagandeClocks({
        startedOn: r.startedOn,
        endedOn: r.endedOn,
        overvaganden: r.overvaganden ?? [],
        until: q.to,
      })) {
        push("overvagande", c.deadline, c.completedAt);
      }
    }
  }
  return candidates;
}

const rowKey = (r: Pick<LateDeadlineRow, "dueDate" | "clock" | "recordId">) => `${r.dueDate}|${r.clock}|${r.recordId}`;

/** Every late clock of the filter, in order of last day, clock and record: all pages. */
export async function computeLateDeadlines(database: Database, actor: Actor, q: Filter, now: Date): Promise<LateDeadlineRow[]> {
  const districtIds = scopeOf(actor, q);
  const candidates = await readCandidates(database.db, actor, q, districtIds, now);
  return lateClocks(candidates, { from: q.from, to: q.to, asOf: now })
    .map(
      (c): LateDeadlineRow => ({
        clock: c.clock,
        state: c.state,
        dueDate: c.deadline.dueDate,
        dueAt: c.deadline.dueAt.toISOString(),
        completedAt: c.completedAt && c.completedAt.getTime() <= now.getTime() ? c.completedAt.toISOString() : null,
        daysLate: c.daysLate,
        hoursLate: c.hoursLate,
        recordType: c.recordType,
        recordId: c.recordId,
        caseId: c.at.caseId,
        insatsId: c.insatsId,
        personId: c.at.personId,
        personName: `${c.at.firstName} ${c.at.lastName}`,
        districtId: c.at.districtId,
        districtName: c.at.districtName,
        unitId: c.at.unitId,
        unitName: c.at.unitName,
        handlaggareId: c.at.handlaggareId,
        handlaggareName: c.at.handlaggareName,
        reasonCode: c.reasonCode,
        reason: c.reason,
      }),
    )
    .sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));
}

type Group = LateDeadlines["summary"]["byUnit"][number];

function groupBy(
  rows: LateDeadlineRow[],
  id: (r: LateDeadlineRow) => string | null,
  name: (r: LateDeadlineRow) => string | null,
): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = id(r) ?? "";
    const g = groups.get(key) ?? { id: id(r), name: name(r), metLate: 0, missed: 0 };
    if (r.state === "met_late") g.metLate++;
    else g.missed++;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.metLate + b.missed - (a.metLate + a.missed) || (a.name ?? "").localeCompare(b.name ?? "", "sv"),
  );
}

/** Names on the list are personal data shown: one audit row per case listed, before the answer leaves. */
export async function auditLateRows(database: Database, actor: Actor, action: string, rows: LateDeadlineRow[]): Promise<void> {
  const shown = [...new Map(rows.map((r) => [r.caseId, r.personId])).entries()];
  await auditShownList(
    database,
    actor,
    { action, permission: "review:manage", recordType: "case" },
    shown.map(([recordId, personId]) => ({ personId, recordId })),
  );
}

/**
 * The late-deadline list of a past period (review:manage): one page of late clocks, with counts of
 * all of them per clock, district, unit and handläggare, and the reason recorded where there is one.
 */
export async function lateDeadlines(database: Database, actor: Actor, q: LateDeadlinesQuery, now: Date): Promise<LateDeadlines> {
  const { limit, cursor, ...filter } = q;
  const all = await computeLateDeadlines(database, actor, filter, now);
  const after = cursor ? String(decodeCursor(cursor, ["text"])[0]) : null;
  const rest = after ? all.filter((r) => rowKey(r) > after) : all;
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  await auditLateRows(database, actor, "late_deadline.list_result", items);
  const byClock = new Map<ClockKind, { clock: ClockKind; metLate: number; missed: number }>();
  for (const r of all) {
    const g = byClock.get(r.clock) ?? { clock: r.clock, metLate: 0, missed: 0 };
    if (r.state === "met_late") g.metLate++;
    else g.missed++;
    byClock.set(r.clock, g);
  }
  return {
    from: q.from,
    to: q.to,
    asOf: now.toISOString(),
    total: all.length,
    items,
    nextCursor: rest.length > limit && last ? encodeCursor([rowKey(last)]) : null,
    summary: {
      byClock: [...byClock.values()],
      byDistrict: groupBy(
        all,
        (r) => r.districtId,
        (r) => r.districtName,
      ),
      byUnit: groupBy(
        all,
        (r) => r.unitId,
        (r) => r.unitName,
      ),
      byHandlaggare: groupBy(
        all,
        (r) => r.handlaggareId,
        (r) => r.handlaggareName,
      ),
    },
  };
}

/** Rows in an export at most: a larger one asks for a narrower filter. */
export const LATE_EXPORT_MAX_ROWS = 20_000;

/** Every late clock of the filter for an export, audited like the page. */
export async function lateDeadlinesForExport(database: Database, actor: Actor, q: Filter, now: Date): Promise<LateDeadlineRow[]> {
  const all = await computeLateDeadlines(database, actor, q, now);
  if (all.length > LATE_EXPORT_MAX_ROWS) {
    throw badRequest("too_many_rows", `Mer än ${LATE_EXPORT_MAX_ROWS} rader: avgränsa urvalet / Narrow the filter`, [
      { path: "querystring", message: "För många rader" },
    ]);
  }
  await auditLateRows(database, actor, "late_deadline.export", all);
  return all;
}
