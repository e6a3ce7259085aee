import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { EffectReport, effectQuery } from "../../../contracts/effects";
import { disclosure, disclosureNote, type Publisher } from "../../../domain/disclosure/publish";
import { personChange } from "../../../domain/effects/change";
import type { ChangeClass } from "../../../domain/effects/rci";
import { type EffectItem, type EffectPair, effectReportFigures } from "../../../domain/effects/report";
import { RESPONDENTS, type Respondent } from "../../../domain/effects/vocabulary";
import { ageGroup } from "../../../domain/interventions/rules";
import type { Gender } from "../../../domain/interventions/samlad-bild";
import type { EvidenceStatus, GoalAttainment } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { insatser, isuScales } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";
import { ageOn, auditInsatsReport, insatsReportFilter } from "../interventions/samlad-bild.service";
import { goalCounts } from "./person-changes";

type Query = z.infer<typeof effectQuery>;

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

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

const pairKey = (scaleId: string, respondent: string) => `${scaleId}|${respondent}`;

/**
 * The ISU effect report for the nämnd (individbaserad systematisk uppföljning): aggregates only,
 * every figure through the disclosure module (the rules: domain/effects/report.ts).
 *
 * - Scope: reportScope — the districts where the actor has "stats:read", narrowed by districtId
 *   (400 when it is not one of them), and whole calendar months for an aggregate-only reader (400
 *   period_too_fine); unitId filters on the insats's provider unit, catalogueId on its catalogue entry,
 *   legalForm on the legal form it was given in (SoL, LVU, påföljd).
 * - Population of [from, to]: insatser started (started_on set) and ended with ended_on in [from, to].
 * - Groups: all, by gender of the person (pojke, flicka, other = anything else), by age group (age
 *   at started_on); in total and per catalogue entry (entries with ≥ 1 insats, by name).
 * - scales: one figure per (scale, respondent) pair that has any measurement (any point) among the
 *   period's population, the same list in every group (trend included), ordered by scale name then
 *   respondent in RESPONDENTS order. Per insats: before = value at "start", after = value at "end"
 *   (null when missing); rows without a start value are left out; classified with personChange on
 *   the scale's norms; the scale's range (max − min) sizes the perturbation of its means.
 * - outcomes per insats: goals from the results of its last follow-up (done_on, then created_at);
 *   GAS: the latest signed GAS assessment on its case with assessed_on in [started_on, ended_on];
 *   survey: self-report links with include_survey, answered or not, and the answer values; the first
 *   Stockholm day after the end day with a report on the person (any kind, any district) for
 *   re-referral.
 * - trend: for the five calendar years up to `to`'s year (oldest first), the "all" group of the
 *   insatser ended in that year with the same filters.
 * A handful of set-based queries over the population (no per-insats query), joined in memory.
 * The read is audited as a statistics read (no person). Only the benchmark passes another
 * publisher, to measure what protection costs.
 */
export async function effectReport(
  database: Database,
  actor: Actor,
  query: Query,
  now: Date,
  publisher: Publisher = disclosure,
): Promise<EffectReport> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
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
  if (query.legalForm) where.push(eq(insatser.legalForm, query.legalForm));
  const population = and(...where) as SQL;
  const popIds = sql`(select ${insatser.id} from ${insatser} where ${population})`;

  // Statistics without personal data: the read is audited first, then the three queries run side by
  // side on separate pooled connections rather than one after the other in one transaction.
  await auditInsatsReport(db, actor, "stats.effects", query, districtIds);
  const [rows, measured, pairRows, scales, keyOf] = await Promise.all([
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
        min: isuScales.min,
        max: isuScales.max,
      })
      .from(isuScales),
    publisher.protects ? recordKeys(database) : () => 0,
  ]);

  // ── Join in memory ──
  const scaleById = new Map(scales.map((s) => [s.id, s]));
  const respondentOrder = (r: string) => RESPONDENTS.indexOf(r as Respondent);
  const pairs: (EffectPair & { key: string })[] = pairRows.rows
    .filter((p) => scaleById.has(p.scaleId) && respondentOrder(p.respondent) >= 0)
    .map((p) => {
      const s = scaleById.get(p.scaleId) as (typeof scales)[number];
      return {
        key: pairKey(p.scaleId, p.respondent),
        scaleId: p.scaleId,
        scaleName: s.name,
        respondent: p.respondent as Respondent,
        higherIsBetter: s.higherIsBetter,
        range: s.max - s.min,
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
  const changesOf = new Map<string, EffectItem["changes"][number][]>();
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

  const items: EffectItem[] = rows.rows.map((r) => {
    const goals = goalCounts(Array.isArray(r.lastResults) ? (r.lastResults as { attainment: GoalAttainment }[]) : []);
    return {
      key: keyOf(r.id),
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
      firstReportDay: r.nextReportDay,
    };
  });
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
  const listed = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const figures = effectReportFigures(
    items,
    pairs,
    listed.map((e) => e.catalogueId),
    { from: query.from, to: query.to, today, years },
    publisher,
  );
  return {
    ...insatsReportFilter(query, districtIds, now),
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    total: figures.total,
    byInsats: listed.map((e, i) => Object.assign({ ...e }, figures.byInsats[i] as (typeof figures.byInsats)[number])),
    trend: figures.trend,
  };
}
