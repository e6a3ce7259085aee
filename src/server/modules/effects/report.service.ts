import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EffectReport, effectFigures, effectQuery, outcomeFigures } from "../../../contracts/effects";
import { addCalendarMonths } from "../../../domain/clocks";
import { summarizeEffects, suppressEffects } from "../../../domain/effects/aggregate";
import { personChange, reReferred, type ScaleNorms } from "../../../domain/effects/change";
import type { ChangeClass } from "../../../domain/effects/rci";
import { meanScore } from "../../../domain/effects/satisfaction";
import { RESPONDENTS, type Respondent } from "../../../domain/effects/vocabulary";
import { AGE_GROUPS, type AgeGroup, ageGroup, suppress, suppressShare } from "../../../domain/interventions/rules";
import type { EvidenceStatus } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { insatsCatalogue, insatser, isuMeasurements, isuScales, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { ageOn } from "../interventions/samlad-bild.service";

type Query = z.infer<typeof effectQuery>;
type Figures = z.infer<typeof effectFigures>;
type Outcomes = z.infer<typeof outcomeFigures>;
type Group = EffectReport["trend"][number] extends infer T ? Omit<T, "year"> : never;
type Breakdown = EffectReport["total"];
type Gender = "pojke" | "flicka" | "other";

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");
const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

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
  changes: Map<string, { before: number; after: number | null; change: ChangeClass | null }>;
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
  const rows = new Map<string, { before: number; after: number | null; change: ChangeClass | null }[]>();
  for (const p of pairs) rows.set(p.key, []);
  for (const i of items) {
    for (const [key, row] of i.changes) rows.get(key)?.push(row);
  }
  return pairs.map((p) => {
    const s = suppressEffects(summarizeEffects(rows.get(p.key) ?? []));
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
export async function effectReport({ db }: Database, actor: Actor, query: Query, now: Date): Promise<EffectReport> {
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

  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: insatser.id,
        personId: insatser.personId,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        gender: persons.gender,
        birthDate: persons.birthDate,
        catalogueId: insatsCatalogue.id,
        code: insatsCatalogue.code,
        name: insatsCatalogue.name,
        evidenceStatus: insatsCatalogue.evidenceStatus,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .where(population);

    const scales = await tx
      .select({
        id: isuScales.id,
        name: isuScales.name,
        higherIsBetter: isuScales.higherIsBetter,
        reliability: isuScales.reliability,
        referenceSd: isuScales.referenceSd,
        cutoff: isuScales.cutoff,
      })
      .from(isuScales);

    const measurements = await tx
      .select({
        insatsId: isuMeasurements.insatsId,
        scaleId: isuMeasurements.scaleId,
        respondent: isuMeasurements.respondent,
        point: isuMeasurements.point,
        value: isuMeasurements.value,
      })
      .from(isuMeasurements)
      .where(and(inArray(isuMeasurements.point, ["start", "end"]), sql`${isuMeasurements.insatsId} in ${popIds}`));

    // Pairs with any measurement (any point) among the period's population.
    const pairRows = (
      await tx.execute<{ scaleId: string; respondent: string }>(sql`
      select distinct m.scale_id as "scaleId", m.respondent
      from isu_measurements m join insatser i on i.id = m.insats_id
      where m.insats_id in ${popIds} and i.ended_on between ${query.from}::date and ${query.to}::date`)
    ).rows;

    const lastFollowUps = (
      await tx.execute<{ insatsId: string; results: unknown }>(sql`
      select distinct on (f.insats_id) f.insats_id as "insatsId", f.results
      from insats_follow_ups f
      where f.insats_id in ${popIds}
      order by f.insats_id, f.done_on desc, f.created_at desc`)
    ).rows;

    const gasRows = (
      await tx.execute<{ insatsId: string; tScore: number | null }>(sql`
      select distinct on (i.id) i.id as "insatsId", (a.score->>'tScore')::float8 as "tScore"
      from insatser i
      join assessments a on a.case_id = i.case_id
      join instruments ins on ins.id = a.instrument_id and ins.key = 'gas'
      where i.id in ${popIds} and a.signed_at is not null
        and a.assessed_on between i.started_on and i.ended_on
      order by i.id, a.assessed_on desc, a.signed_at desc, a.created_at desc`)
    ).rows;

    const surveyRows = (
      await tx.execute<{ insatsId: string; answers: unknown }>(sql`
      select l.insats_id as "insatsId", r.answers
      from isu_self_report_links l
      left join isu_survey_responses r on r.link_id = l.id
      where l.include_survey and l.insats_id in ${popIds}`)
    ).rows;

    // Reports of the population's persons after the earliest end (Stockholm days).
    const reportRows = (
      await tx.execute<{ personId: string; day: string }>(sql`
      select r.person_id as "personId", (r.received_at at time zone 'Europe/Stockholm')::date::text as day
      from reports r
      where r.person_id in (select ${insatser.personId} from ${insatser} where ${population})
        and r.received_at >= ((${loadFrom}::date + 1)::timestamp at time zone 'Europe/Stockholm')`)
    ).rows;

    await audit(tx, actor, {
      action: "stats.effects",
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

    // ── Join in memory ──
    const scaleById = new Map(scales.map((s) => [s.id, s]));
    const respondentOrder = (r: string) => RESPONDENTS.indexOf(r as Respondent);
    const pairs: Pair[] = pairRows
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

    const values = new Map<string, Map<string, { start: number | null; end: number | null }>>();
    const withEnd = new Set<string>();
    for (const m of measurements) {
      if (m.point === "end") withEnd.add(m.insatsId);
      let perInsats = values.get(m.insatsId);
      if (!perInsats) {
        perInsats = new Map();
        values.set(m.insatsId, perInsats);
      }
      const key = pairKey(m.scaleId, m.respondent);
      const v = perInsats.get(key) ?? { start: null, end: null };
      if (m.point === "start") v.start = m.value;
      else v.end = m.value;
      perInsats.set(key, v);
    }

    const goals = new Map<string, { assessed: number; reached: number }>();
    for (const f of lastFollowUps) {
      const results = Array.isArray(f.results) ? (f.results as { attainment?: string }[]) : [];
      let assessed = 0;
      let reached = 0;
      for (const r of results) {
        if (r.attainment === "ej_bedomt" || r.attainment === undefined) continue;
        assessed += 1;
        if (r.attainment === "uppnatt") reached += 1;
      }
      goals.set(f.insatsId, { assessed, reached });
    }

    const gas = new Map<string, number>();
    for (const g of gasRows) if (g.tScore !== null && Number.isFinite(Number(g.tScore))) gas.set(g.insatsId, Number(g.tScore));

    const survey = new Map<string, { sent: number; answered: number; answers: number[] }>();
    for (const s of surveyRows) {
      const v = survey.get(s.insatsId) ?? { sent: 0, answered: 0, answers: [] };
      v.sent += 1;
      if (s.answers !== null && s.answers !== undefined) {
        v.answered += 1;
        if (typeof s.answers === "object") {
          for (const a of Object.values(s.answers as Record<string, unknown>)) if (typeof a === "number") v.answers.push(a);
        }
      }
      survey.set(s.insatsId, v);
    }

    const reportDays = new Map<string, string[]>();
    for (const r of reportRows) {
      const days = reportDays.get(r.personId) ?? [];
      days.push(r.day);
      reportDays.set(r.personId, days);
    }

    const items: Item[] = rows.map((r) => {
      const startedOn = r.startedOn as string;
      const endedOn = r.endedOn as string;
      const scale = values.get(r.id);
      const changes: Item["changes"] = new Map();
      if (scale) {
        for (const [key, v] of scale) {
          if (v.start === null) continue;
          const s = scaleById.get(key.slice(0, key.indexOf("|")));
          if (!s) continue;
          const norms: ScaleNorms = {
            higherIsBetter: s.higherIsBetter,
            reliability: s.reliability,
            referenceSd: s.referenceSd,
            cutoff: s.cutoff,
          };
          changes.set(key, {
            before: v.start,
            after: v.end,
            change: v.end === null ? null : personChange(norms, v.start, v.end).changeClass,
          });
        }
      }
      const g = goals.get(r.id);
      const sv = survey.get(r.id);
      return {
        id: r.id,
        catalogueId: r.catalogueId,
        gender: genderOf(r.gender),
        ageGroup: ageGroup(Math.max(0, ageOn(r.birthDate, startedOn))),
        endedOn,
        changes,
        hasEndRating: withEnd.has(r.id),
        goalsAssessed: g?.assessed ?? 0,
        goalsReached: g?.reached ?? 0,
        gasTScore: gas.get(r.id) ?? null,
        surveySent: sv?.sent ?? 0,
        surveyAnswered: sv?.answered ?? 0,
        surveyAnswers: sv?.answers ?? [],
        reReferred: reReferred(endedOn, addCalendarMonths(endedOn, 12), reportDays.get(r.personId) ?? [], today),
      };
    });

    const inPeriod = items.filter((i) => i.endedOn >= query.from && i.endedOn <= query.to);
    const entries = new Map<string, { catalogueId: string; code: string; name: string; evidenceStatus: EvidenceStatus }>();
    for (const r of rows) {
      if (r.endedOn === null || r.endedOn < query.from || r.endedOn > query.to) continue;
      entries.set(r.catalogueId, {
        catalogueId: r.catalogueId,
        code: r.code,
        name: r.name,
        evidenceStatus: r.evidenceStatus as EvidenceStatus,
      });
    }

    return {
      from: query.from,
      to: query.to,
      generatedAt: now.toISOString(),
      districtIds,
      unitId: query.unitId ?? null,
      catalogueId: query.catalogueId ?? null,
      total: breakdown(inPeriod, pairs),
      byInsats: [...entries.values()]
        .sort((a, b) => a.name.localeCompare(b.name, "sv"))
        .map((e) =>
          Object.assign(
            { ...e },
            breakdown(
              inPeriod.filter((i) => i.catalogueId === e.catalogueId),
              pairs,
            ),
          ),
        ),
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
  });
}
