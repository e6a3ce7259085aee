import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { EffectReport, effectFigures, effectQuery, outcomeFigures } from "../../../contracts/effects";
import { addCalendarMonths } from "../../../domain/clocks";
import { summarizeEffects, suppressEffects } from "../../../domain/effects/aggregate";
import { personChange, reReferred, type ScaleNorms } from "../../../domain/effects/change";
import type { ChangeClass } from "../../../domain/effects/rci";
import { meanScore } from "../../../domain/effects/satisfaction";
import { RESPONDENTS, type Respondent } from "../../../domain/effects/vocabulary";
import { SumTable } from "../../../domain/disclosure/sum-table";
import { AGE_GROUPS, type AgeGroup, ageGroup, suppress, suppressShare } from "../../../domain/interventions/rules";
import type { EvidenceStatus, GoalAttainment } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { insatsCatalogue, insatser, isuMeasurements, isuScales, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { badRequest } from "../../platform/errors";
import { ageOn, auditInsatsReport, insatsReportFilter } from "../interventions/samlad-bild.service";
import { goalCounts } from "./person-changes";

type Query = z.infer<typeof effectQuery>;
type Figures = z.infer<typeof effectFigures>;
type Outcomes = z.infer<typeof outcomeFigures>;
type Group = EffectReport["trend"][number] extends infer T ? Omit<T, "year"> : never;
type Breakdown = EffectReport["total"];
type Gender = "pojke" | "flicka" | "other";

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");
const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

const dialect = new PgDialect();

/** Runs a statement on the pool and returns its rows as arrays (no per-row objects). */
async function arrayRows<T extends unknown[]>({ pool }: Database, statement: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return (await pool.query<T>({ text, values: params as unknown[], rowMode: "array" })).rows;
}

/** One row of the population query. */
interface PopulationRow extends Record<string, unknown> {
  id: string;
  startedOn: string;
  endedOn: string;
  gender: string;
  birthDate: string;
  catalogueId: string;
  code: string;
  name: string;
  evidenceStatus: string;
  lastResults: unknown;
  gasTScore: number | null;
  surveySent: number;
  surveyAnswered: number;
  surveyAnswers: number[] | null;
  /** The first Stockholm day after the end with a new report on the person. */
  nextReportDay: string | null;
}

/** One (scale, respondent) pair of the report's scale list. */
interface Pair {
  key: string;
  scaleId: string;
  scaleName: string;
  respondent: Respondent;
  higherIsBetter: boolean;
}

/** One ended insats with everything its figures are computed from (dates as 'YYYY-MM-DD'). */
interface Item {
  id: string;
  catalogueId: string;
  gender: Gender;
  ageGroup: AgeGroup;
  endedOn: string;
  /** Pair key → the start value, the end value and the RCI class (rows with a start value only). */
  /** Per pair of the report's list (by its index): the start value, the end value and the RCI class. */
  changes: { pair: number; before: number; after: number | null; change: ChangeClass | null }[];
  hasEndRating: boolean;
  goalsAssessed: number;
  goalsReached: number;
  gasTScore: number | null;
  surveySent: number;
  surveyAnswered: number;
  surveyAnswers: number[];
  reReferred: boolean | null;
}

const pairKey = (scaleId: string, respondent: string) => `${scaleId}|${respondent}`;

function scaleFigures(items: readonly Item[], pairs: readonly Pair[]): Figures[] {
  // Arrays by pair index, not maps by key: this runs for some two hundred groups per report.
  const rows: Item["changes"][] = pairs.map(() => []);
  for (const i of items) {
    for (const row of i.changes) rows[row.pair]?.push(row);
  }
  return pairs.map((p, index) => {
    const s = suppressEffects(summarizeEffects(rows[index] ?? []));
    return {
      scaleId: p.scaleId,
      scaleName: p.scaleName,
      respondent: p.respondent,
      higherIsBetter: p.higherIsBetter,
      n: s.n,
      missingEnd: s.missingAfter,
      meanBefore: s.meanBefore,
      meanAfter: s.meanAfter,
      g: s.g,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      shareImproved: s.shareImproved,
      shareUnchanged: s.shareUnchanged,
      shareDeteriorated: s.shareDeteriorated,
    };
  });
}

function outcomes(items: readonly Item[]): Outcomes {
  let assessed = 0;
  let reached = 0;
  let sent = 0;
  let answered = 0;
  const answers: number[] = [];
  const gas: number[] = [];
  let reReferrals = 0;
  let notReReferred = 0;
  let pending = 0;
  for (const i of items) {
    assessed += i.goalsAssessed;
    reached += i.goalsReached;
    sent += i.surveySent;
    answered += i.surveyAnswered;
    for (const a of i.surveyAnswers) answers.push(a);
    if (i.gasTScore !== null) gas.push(i.gasTScore);
    if (i.reReferred === true) reReferrals += 1;
    else if (i.reReferred === false) notReReferred += 1;
    else pending += 1;
  }
  const gasMean = gas.length >= 5 ? gas.reduce((a, b) => a + b, 0) / gas.length : null;
  const satisfaction = answered >= 5 ? meanScore(answers) : null;
  return {
    ended: suppress(items.length),
    withoutEndRating: suppress(items.filter((i) => !i.hasEndRating).length),
    goalsReachedShare: suppressShare(reached, assessed),
    meanGasTScore: gasMean === null ? null : round(gasMean, 1),
    surveySent: suppress(sent),
    responseRate: suppressShare(answered, sent),
    satisfactionMean: satisfaction === null ? null : round(satisfaction, 2),
    reReferralShare: suppressShare(reReferrals, reReferrals + notReReferred),
    reReferralPending: suppress(pending),
  };
}

const group = (items: readonly Item[], pairs: readonly Pair[]): Group => ({
  outcomes: outcomes(items),
  scales: scaleFigures(items, pairs),
});

const OUTCOME_COUNTS = ["ended", "withoutEndRating", "surveySent", "reReferralPending"] as const;
const SCALE_COUNTS = ["n", "missingEnd"] as const;

/** `key` of `total`'s outcomes and of each of its scales is the sum over `parts`. */
function sumGroups(table: SumTable, total: Group, parts: Group[]): void {
  for (const key of OUTCOME_COUNTS) {
    table.sum(
      key,
      total.outcomes,
      parts.map((p) => p.outcomes),
    );
  }
  // Every group lists the same pairs in the same order.
  total.scales.forEach((scale, j) => {
    for (const key of SCALE_COUNTS) {
      table.sum(
        key,
        scale,
        parts.map((p) => p.scales[j] as Figures),
      );
    }
  });
}

/** Secondary suppression over every sum of the report: genders, age groups and insatser (SumTable). */
function protectCounts(total: Breakdown, entries: Breakdown[]): void {
  const table = new SumTable();
  for (const b of [total, ...entries]) {
    sumGroups(table, b.all, [b.pojke, b.flicka, b.other]);
    sumGroups(table, b.all, b.byAgeGroup);
  }
  for (const group of ["all", "pojke", "flicka", "other"] as const) {
    sumGroups(
      table,
      total[group],
      entries.map((e) => e[group]),
    );
  }
  total.byAgeGroup.forEach((age, i) => {
    sumGroups(
      table,
      age,
      entries.map((e) => e.byAgeGroup[i] as Breakdown["byAgeGroup"][number]),
    );
  });
  table.protect();
}

function breakdown(items: readonly Item[], pairs: readonly Pair[]): Breakdown {
  return {
    all: group(items, pairs),
    pojke: group(
      items.filter((i) => i.gender === "pojke"),
      pairs,
    ),
    flicka: group(
      items.filter((i) => i.gender === "flicka"),
      pairs,
    ),
    other: group(
      items.filter((i) => i.gender === "other"),
      pairs,
    ),
    byAgeGroup: AGE_GROUPS.map((g) => ({
      ageGroup: g,
      ...group(
        items.filter((i) => i.ageGroup === g),
        pairs,
      ),
    })),
  };
}

/**
 * The ISU effect report for the nämnd (individbaserad systematisk uppföljning): aggregates only,
 * suppressed for small cells.
 *
 * - Scope: the districts where the actor has "stats:read", narrowed by districtId (400 when it is
 *   not one of them, as samladBild); unitId filters on the insats's provider unit, catalogueId on
 *   its catalogue entry.
 * - Population of [from, to]: insatser started (started_on set) and ended with ended_on in [from, to].
 * - Groups: all, by gender of the person (pojke, flicka, other = anything else), by age group (age
 *   at started_on); in total and per catalogue entry (entries with ≥ 1 insats, by name).
 * - scales: one figure per (scale, respondent) pair that has any measurement (any point) among the
 *   period's population, the same list in every group (trend included), ordered by scale name then
 *   respondent in RESPONDENTS order. Per insats: before = value at "start", after = value at "end"
 *   (null when missing); rows without a start value are left out; classified with personChange on
 *   the scale's norms; then summarizeEffects → suppressEffects (missingEnd = missingAfter).
 * - outcomes: ended (suppress); withoutEndRating: ended without any "end" measurement (suppress);
 *   goalsReachedShare: the results of each insats's last follow-up (done_on, then created_at),
 *   "uppnatt" of those not "ej_bedomt" (suppressShare); meanGasTScore: per insats the latest signed
 *   GAS assessment on its case with assessed_on in [started_on, ended_on], mean of their T-scores
 *   when ≥ 5 insatser have one (1 decimal); surveySent: self-report links with include_survey
 *   (suppress), responseRate: those answered (suppressShare), satisfactionMean: mean of all answer
 *   values when ≥ 5 responses (2 decimals); re-referral: reReferred(endedOn, endedOn + 12 calendar
 *   months, the Stockholm days of all the person's reports (any kind, any district), today's
 *   Stockholm day): reReferralShare = suppressShare(#true, #true + #false), reReferralPending =
 *   suppress(#null).
 * - trend: for the five calendar years up to `to`'s year (oldest first), the "all" group of the
 *   insatser ended in that year with the same filters.
 * A handful of set-based queries over the population (no per-insats query), joined in memory.
 * The read is audited as a statistics read (no person).
 */
export async function effectReport(database: Database, actor: Actor, query: Query, now: Date): Promise<EffectReport> {
  const { db } = database;
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
  const lastYear = Number(query.to.slice(0, 4));
  const years = [4, 3, 2, 1, 0].map((k) => lastYear - k);
  // One population covers the period and the five trend years.
  const trendFrom = `${String(years[0]).padStart(4, "0")}-01-01`;
  const trendTo = `${String(lastYear).padStart(4, "0")}-12-31`;
  const loadFrom = query.from < trendFrom ? query.from : trendFrom;
  const loadTo = query.to > trendTo ? query.to : trendTo;

  const where: SQL[] = [
    districtIds.length ? inArray(insatser.districtId, districtIds) : sql`false`,
    isNotNull(insatser.startedOn),
    sql`${insatser.endedOn} between ${loadFrom}::date and ${loadTo}::date`,
  ];
  if (query.unitId) where.push(eq(insatser.providerUnitId, query.unitId));
  if (query.catalogueId) where.push(eq(insatser.catalogueId, query.catalogueId));
  const population = and(...where) as SQL;
  const popIds = sql`(select ${insatser.id} from ${insatser} where ${population})`;

  // Statistics without personal data: the read is audited first, then the three queries run side by
  // side on separate pooled connections rather than one after the other in one transaction.
  await auditInsatsReport(db, actor, "stats.effects", query, districtIds);
  const [rows, measured, pairRows, scales] = await Promise.all([
    // One row per insats with what its outcome figures need, each from a lateral or scalar subquery.
    db.execute<PopulationRow>(sql`
      select insatser.id, insatser.started_on::text as "startedOn", insatser.ended_on::text as "endedOn",
             p.gender, p.birth_date::text as "birthDate",
             c.id as "catalogueId", c.code, c.name, c.evidence_status as "evidenceStatus",
             f.results as "lastResults",
             g.t_score as "gasTScore",
             coalesce(s.sent, 0) as "surveySent", coalesce(s.answered, 0) as "surveyAnswered", s.answers as "surveyAnswers",
             (select min((r.received_at at time zone 'Europe/Stockholm')::date)::text from reports r
               where r.person_id = insatser.person_id
                 and r.received_at >= ((insatser.ended_on + 1)::timestamp at time zone 'Europe/Stockholm')) as "nextReportDay"
      from insatser
      join persons p on p.id = insatser.person_id
      join insats_catalogue c on c.id = insatser.catalogue_id
      left join lateral (
        select results from insats_follow_ups f where f.insats_id = insatser.id order by f.done_on desc, f.created_at desc limit 1
      ) f on true
      left join lateral (
        select (a.score->>'tScore')::float8 as t_score
        from assessments a join instruments ins on ins.id = a.instrument_id and ins.key = 'gas'
        where a.case_id = insatser.case_id and a.signed_at is not null and a.assessed_on between insatser.started_on and insatser.ended_on
        order by a.assessed_on desc, a.signed_at desc, a.created_at desc limit 1
      ) g on true
      left join lateral (
        select count(*)::int as sent, count(r.id)::int as answered,
               (select array_agg(x.value::int) from isu_self_report_links l2
                  join isu_survey_responses r2 on r2.link_id = l2.id, jsonb_each_text(r2.answers) x
                where l2.insats_id = insatser.id and l2.include_survey) as answers
        from isu_self_report_links l left join isu_survey_responses r on r.link_id = l.id
        where l.insats_id = insatser.id and l.include_survey
      ) s on true
      where ${population}`),
    // Start and end rating per insats, scale and respondent, in one row.
    // Tens of thousands of rows: as arrays, which node-postgres builds a good deal faster than objects.
    arrayRows<[insatsId: string, scaleId: string, respondent: string, before: number | null, after: number | null]>(
      database,
      sql`
      select m.insats_id as "insatsId", m.scale_id as "scaleId", m.respondent,
             max(m.value) filter (where m.point = 'start') as before, max(m.value) filter (where m.point = 'end') as after
      from isu_measurements m
      where m.point in ('start', 'end') and m.insats_id in ${popIds}
      group by m.insats_id, m.scale_id, m.respondent`,
    ),
    // Pairs with any measurement (any point) among the period's population.
    db.execute<{ scaleId: string; respondent: string }>(sql`
      select distinct m.scale_id as "scaleId", m.respondent
      from isu_measurements m join insatser i on i.id = m.insats_id
      where m.insats_id in ${popIds} and i.ended_on between ${query.from}::date and ${query.to}::date`),
    db
      .select({
        id: isuScales.id,
        name: isuScales.name,
        higherIsBetter: isuScales.higherIsBetter,
        reliability: isuScales.reliability,
        referenceSd: isuScales.referenceSd,
        cutoff: isuScales.cutoff,
      })
      .from(isuScales),
  ]);

  // ── Join in memory ──
  const scaleById = new Map(scales.map((s) => [s.id, s]));
  const respondentOrder = (r: string) => RESPONDENTS.indexOf(r as Respondent);
  const pairs: Pair[] = pairRows.rows
    .filter((p) => scaleById.has(p.scaleId) && respondentOrder(p.respondent) >= 0)
    .map((p) => {
      const s = scaleById.get(p.scaleId) as (typeof scales)[number];
      return {
        key: pairKey(p.scaleId, p.respondent),
        scaleId: p.scaleId,
        scaleName: s.name,
        respondent: p.respondent as Respondent,
        higherIsBetter: s.higherIsBetter,
      };
    })
    .sort(
      (a, b) => a.scaleName.localeCompare(b.scaleName, "sv") || respondentOrder(a.respondent) - respondentOrder(b.respondent),
    );

  const pairIndex = new Map(pairs.map((p, i) => [p.key, i]));
  // Ratings repeat (a 1–10 scale has a hundred before/after combinations), so each is classified once.
  const classes = new Map<string, Map<number, ChangeClass | null>>();
  const classOf = (s: (typeof scales)[number], before: number, after: number): ChangeClass | null => {
    let perScale = classes.get(s.id);
    if (!perScale) {
      perScale = new Map();
      classes.set(s.id, perScale);
    }
    const key = before * 100_003 + after;
    let c = perScale.get(key);
    if (c === undefined) {
      c = personChange(s, before, after).changeClass;
      perScale.set(key, c);
    }
    return c;
  };
  const changesOf = new Map<string, Item["changes"]>();
  const withEndRating = new Set<string>();
  for (const [insatsId, scaleId, respondent, before, after] of measured) {
    const m = { insatsId, scaleId, respondent, before, after };
    if (m.after !== null) withEndRating.add(m.insatsId);
    if (m.before === null) continue;
    const s = scaleById.get(m.scaleId);
    const pair = pairIndex.get(pairKey(m.scaleId, m.respondent));
    // Pairs outside the period's list (a trend year's only) are not reported.
    if (!s || pair === undefined) continue;
    let changes = changesOf.get(m.insatsId);
    if (!changes) {
      changes = [];
      changesOf.set(m.insatsId, changes);
    }
    changes.push({
      pair,
      before: m.before,
      after: m.after,
      change: m.after === null ? null : classOf(s, m.before, m.after),
    });
  }

  const items: Item[] = rows.rows.map((r) => {
    const goals = goalCounts(Array.isArray(r.lastResults) ? (r.lastResults as { attainment: GoalAttainment }[]) : []);
    return {
      id: r.id,
      catalogueId: r.catalogueId,
      gender: genderOf(r.gender),
      ageGroup: ageGroup(Math.max(0, ageOn(r.birthDate, r.startedOn))),
      endedOn: r.endedOn,
      changes: changesOf.get(r.id) ?? [],
      hasEndRating: withEndRating.has(r.id),
      goalsAssessed: goals.assessed,
      goalsReached: goals.reached,
      gasTScore: r.gasTScore !== null && Number.isFinite(r.gasTScore) ? r.gasTScore : null,
      surveySent: r.surveySent,
      surveyAnswered: r.surveyAnswered,
      surveyAnswers: r.surveyAnswers ?? [],
      reReferred: reReferred(r.endedOn, addCalendarMonths(r.endedOn, 12), r.nextReportDay ? [r.nextReportDay] : [], today),
    };
  });
  const inPeriod = items.filter((i) => i.endedOn >= query.from && i.endedOn <= query.to);
  const entries = new Map<string, { catalogueId: string; code: string; name: string; evidenceStatus: EvidenceStatus }>();
  for (const r of rows.rows) {
    if (r.endedOn < query.from || r.endedOn > query.to) continue;
    entries.set(r.catalogueId, {
      catalogueId: r.catalogueId,
      code: r.code,
      name: r.name,
      evidenceStatus: r.evidenceStatus as EvidenceStatus,
    });
  }

  const total = breakdown(inPeriod, pairs);
  const byInsats = [...entries.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((e) =>
      Object.assign(
        { ...e },
        breakdown(
          inPeriod.filter((i) => i.catalogueId === e.catalogueId),
          pairs,
        ),
      ),
    );
  protectCounts(total, byInsats);
  return {
    ...insatsReportFilter(query, districtIds, now),
    total,
    byInsats,
    trend: years.map((year) => {
      const prefix = `${String(year).padStart(4, "0")}-`;
      return {
        year,
        ...group(
          items.filter((i) => i.endedOn.startsWith(prefix)),
          pairs,
        ),
      };
    }),
  };
}
