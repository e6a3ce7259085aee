import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SamladBild, samladBildFigures, samladBildQuery } from "../../../contracts/interventions";
import { daysBetween, median } from "../../../domain/clocks";
import { SumTable } from "../../../domain/interventions/complement";
import {
  AGE_GROUPS,
  type AgeGroup,
  ageGroup,
  daysDecisionToStart,
  followUpInTime,
  planState,
  suppress,
  suppressShare,
} from "../../../domain/interventions/rules";
import type { EvidenceStatus, GoalAttainment } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { insatsClockInputs } from "./summary";

type Query = z.infer<typeof samladBildQuery>;
type Figures = z.infer<typeof samladBildFigures>;
type Breakdown = SamladBild["total"];
type Gender = "pojke" | "flicka" | "other";

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/** Age in whole years on a day ('YYYY-MM-DD' strings). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** One insats with everything the figures are computed from (dates as Stockholm days). */
interface Item {
  personId: string;
  gender: Gender;
  ageGroup: AgeGroup;
  catalogueId: string;
  evidenceStatus: EvidenceStatus;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  planDueDays: number;
  firstSignedOn: string | null;
  followUpDates: string[];
  followUps: { dueOn: string | null; doneOn: string; results: { attainment: GoalAttainment }[] }[];
}

/** Medians describe individual lengths when few: shown only from 5 values, to a tenth of a day. */
function shownMedian(values: number[]): number | null {
  if (suppress(values.length) === null) return null;
  const m = median(values);
  return m === null ? null : Math.round(m * 10) / 10;
}

/** One insats's contribution to every group it is in, computed once (an insats is in about seven groups). */
interface Prepared {
  item: Item;
  started: boolean;
  ongoing: boolean;
  ended: boolean;
  /** Of a started insats: its plan state when settled ("not_due" is null). */
  planState: "ok" | "late" | "missing" | null;
  followUpsDue: number;
  followUpsInTime: number;
  goalsAssessed: number;
  goalsReached: number;
  lengthDays: number | null;
  daysDecisionToStart: number | null;
}

function prepare(i: Item, from: string, to: string, asOf: string): Prepared {
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  const started = inPeriod(i.startedOn);
  const ended = inPeriod(i.endedOn);
  const state = started
    ? planState({
        startDate: i.startedOn,
        signedOn: i.firstSignedOn !== null && i.firstSignedOn <= asOf ? i.firstSignedOn : null,
        today: asOf,
        days: i.planDueDays,
      })
    : "not_due";

  let followUpsDue = 0;
  let followUpsInTime = 0;
  const dates = new Set([...i.followUpDates, ...i.followUps.flatMap((f) => (f.dueOn ? [f.dueOn] : []))]);
  for (const due of dates) {
    if (!inPeriod(due)) continue;
    const done = i.followUps
      .filter((f) => f.dueOn === due)
      .map((f) => f.doneOn)
      .sort()[0];
    const inTime = followUpInTime(due, done ?? null, asOf);
    if (inTime === null) continue;
    followUpsDue += 1;
    if (inTime) followUpsInTime += 1;
  }
  let goalsAssessed = 0;
  let goalsReached = 0;
  for (const f of i.followUps) {
    if (!inPeriod(f.doneOn)) continue;
    for (const r of f.results) {
      if (r.attainment === "ej_bedomt") continue;
      goalsAssessed += 1;
      if (r.attainment === "uppnatt") goalsReached += 1;
    }
  }
  return {
    item: i,
    started,
    ongoing: i.startedOn <= to && (i.endedOn === null || i.endedOn > to),
    ended,
    planState: state === "not_due" ? null : state,
    followUpsDue,
    followUpsInTime,
    goalsAssessed,
    goalsReached,
    lengthDays: ended ? daysBetween(i.startedOn, i.endedOn as string) : null,
    daysDecisionToStart: started ? daysDecisionToStart(i.decidedOn, i.startedOn) : null,
  };
}

/**
 * The figures of one group of insatser for the period [from, to], evaluated as of `asOf` (the
 * period's last day, or today when the period is not yet over):
 * - the population is every insats running at some time in the period (started on or before `to`,
 *   not ended before `from`); youngPeople counts its distinct persons;
 * - started: start in [from, to]; ongoing: started and not ended at `to`; ended: end in [from, to];
 * - medianLengthDays: start → end of the ended; medianDaysDecisionToStart: of the started;
 * - planInTimeShare: of the insatser started in the period, those whose plan state (planState with
 *   the district's plan_due_days, the first signature counted only when made by `asOf`) is "ok",
 *   out of those whose state is settled ("ok", "late" or "missing"; "not_due" is left out);
 * - followUpInTimeShare: the follow-ups due in [from, to] — the dates of the plan in force (the
 *   latest signed version) and the due dates answered by recorded follow-ups — counted once per
 *   insats and date; in time when a follow-up answering that date was done on or before it
 *   (followUpInTime); a date still undone and not yet passed at `asOf` is left out;
 * - goalsReachedShare: of the goal results of follow-ups done in [from, to], "uppnått" out of the
 *   assessed ones ("ej_bedomt" left out, as goalAttainmentShare does);
 * - advisedAgainst: insatser of the population whose catalogue entry Socialstyrelsen advises against.
 * Every count goes through suppress and every share through suppressShare.
 */
function figures(items: Prepared[]): Figures {
  let started = 0;
  let ongoing = 0;
  let ended = 0;
  let plansSettled = 0;
  let plansOk = 0;
  let followUpsDue = 0;
  let followUpsInTime = 0;
  let assessed = 0;
  let reached = 0;
  let advisedAgainst = 0;
  const lengths: number[] = [];
  const toStart: number[] = [];
  const people = new Set<string>();
  for (const p of items) {
    people.add(p.item.personId);
    if (p.started) started += 1;
    if (p.ongoing) ongoing += 1;
    if (p.ended) ended += 1;
    if (p.planState !== null) {
      plansSettled += 1;
      if (p.planState === "ok") plansOk += 1;
    }
    followUpsDue += p.followUpsDue;
    followUpsInTime += p.followUpsInTime;
    assessed += p.goalsAssessed;
    reached += p.goalsReached;
    if (p.item.evidenceStatus === "avrads") advisedAgainst += 1;
    if (p.lengthDays !== null) lengths.push(p.lengthDays);
    if (p.daysDecisionToStart !== null) toStart.push(p.daysDecisionToStart);
  }
  return {
    youngPeople: suppress(people.size),
    started: suppress(started),
    ongoing: suppress(ongoing),
    ended: suppress(ended),
    medianLengthDays: shownMedian(lengths),
    medianDaysDecisionToStart: shownMedian(toStart),
    planInTimeShare: suppressShare(plansOk, plansSettled),
    followUpInTimeShare: suppressShare(followUpsInTime, followUpsDue),
    goalsReachedShare: suppressShare(reached, assessed),
    advisedAgainst: suppress(advisedAgainst),
  };
}

/**
 * Counts that add up over the groups. A person with insatser at two ages is in two age groups, so
 * young people by age add up to at least the total: protecting them as if exact errs towards hiding.
 * Across insatser they do not add up at all (one person, several insatser) and are left out there.
 */
const PART_COUNTS = ["youngPeople", "started", "ongoing", "ended", "advisedAgainst"] as const;
const INSATS_COUNTS = ["started", "ongoing", "ended", "advisedAgainst"] as const;

/** Secondary suppression over every sum of the report: genders, age groups and insatser (SumTable). */
function protectCounts(total: Breakdown, entries: Breakdown[]): void {
  const table = new SumTable();
  for (const b of [total, ...entries]) {
    for (const key of PART_COUNTS) {
      table.sum(key, b.all, [b.pojke, b.flicka, b.other]);
      table.sum(key, b.all, b.byAgeGroup);
    }
  }
  for (const key of INSATS_COUNTS) {
    for (const group of ["all", "pojke", "flicka", "other"] as const) {
      table.sum(
        key,
        total[group],
        entries.map((e) => e[group]),
      );
    }
    total.byAgeGroup.forEach((age, i) => {
      table.sum(
        key,
        age,
        entries.map((e) => e.byAgeGroup[i] as Breakdown["byAgeGroup"][number]),
      );
    });
  }
  table.protect();
}

function breakdown(items: Prepared[]): Breakdown {
  return {
    all: figures(items),
    pojke: figures(items.filter((p) => p.item.gender === "pojke")),
    flicka: figures(items.filter((p) => p.item.gender === "flicka")),
    other: figures(items.filter((p) => p.item.gender === "other")),
    byAgeGroup: AGE_GROUPS.map((g) => ({ ageGroup: g, ...figures(items.filter((p) => p.item.ageGroup === g)) })),
  };
}

/**
 * Samlad bild of the insatser of the actor's districts (stats:read) for [from, to], optionally for
 * one district, one provider unit and one catalogue entry: in total and per insats, split by boys
 * and girls and by age group (age at the decision). Aggregates only, suppressed for small cells:
 * the figures leave the unit level. All legal forms count (bistånd and serviceinsatser).
 */
export async function samladBild({ db }: Database, actor: Actor, query: Query, now: Date): Promise<SamladBild> {
  if (query.to < query.from) {
    throw badRequest("invalid_period", "Slutdatum före startdatum / End before start", [
      { path: "querystring.to", message: "Före from" },
    ]);
  }
  const allowed = districtsWithPermission(actor, "stats:read");
  if (query.districtId && !allowed.includes(query.districtId)) {
    throw badRequest("district_not_in_scope", "Inte ditt distrikt / Not your district", [
      { path: "querystring.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  const districtIds = query.districtId ? [query.districtId] : allowed;
  const today = stockholmDate(now);
  const asOf = query.to < today ? query.to : today;
  const where: SQL[] = [
    districtIds.length ? inArray(insatser.districtId, districtIds) : sql`false`,
    sql`${insatser.startedOn} <= ${query.to}::date`,
    or(isNull(insatser.endedOn), sql`${insatser.endedOn} >= ${query.from}::date`) as SQL,
  ];
  if (query.unitId) where.push(eq(insatser.providerUnitId, query.unitId));
  if (query.catalogueId) where.push(eq(insatser.catalogueId, query.catalogueId));

  // Statistics without personal data: the audit row and the read go side by side on the pool
  // rather than one after the other in a transaction.
  const [rows] = await Promise.all([
    db
      .select({
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
        followUps: sql<Item["followUps"]>`(select coalesce(json_agg(json_build_object(
            'dueOn', f.due_on::text, 'doneOn', f.done_on::text, 'results', f.results)), '[]')
          from insats_follow_ups f where f.insats_id = ${insatser.id})`,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(districts, eq(districts.id, insatser.districtId))
      .where(and(...where)),
    auditInsatsReport(db, actor, "stats.samlad_bild", query, districtIds),
  ]);

  const items: Item[] = rows.map((r) => ({
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
  const prepared = items.map((i) => prepare(i, query.from, query.to, asOf));
  const entries = new Map<string, { catalogueId: string; code: string; name: string; evidenceStatus: EvidenceStatus }>();
  for (const r of rows) {
    entries.set(r.catalogueId, {
      catalogueId: r.catalogueId,
      code: r.code,
      name: r.name,
      evidenceStatus: r.evidenceStatus as EvidenceStatus,
    });
  }
  const total = breakdown(prepared);
  const byInsats = [...entries.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((e) => Object.assign({ ...e }, breakdown(prepared.filter((p) => p.item.catalogueId === e.catalogueId))));
  protectCounts(total, byInsats);
  return { ...insatsReportFilter(query, districtIds, now), total, byInsats };
}

type InsatsReportQuery = { from: string; to: string; unitId?: string; catalogueId?: string };

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
  };
}
