import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { usageQuery, usageResponse } from "../../../contracts/assessments";
import { ASSESSMENT_CONCERNS, NO_ASSESSMENT_REASONS, type NoAssessmentReason } from "../../../domain/assessment-policy";
import { CONCERNS } from "../../../domain/case-flow";
import { disclosureNote, populationTooSmall, publishCount, publishShare, Tally } from "../../../domain/disclosure/publish";
import { SumTable } from "../../../domain/disclosure/sum-table";
import type { Database } from "../../db/connection";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";

type Query = z.infer<typeof usageQuery>;
type Usage = z.infer<typeof usageResponse>;
type Cell = Usage["total"];

/** One completed crime/violence investigation of the population, with its cell key. */
export interface UsageInvestigation {
  key: number;
  districtId: string;
  districtName: string;
  unitId: string | null;
  unitName: string | null;
  gender: string;
  concerns: readonly string[];
  /** The instruments of its signed assessments (each once). */
  instruments: readonly { key: string; name: string }[];
  /** The documented reason for completing it without an assessment (its code; never the note), or null. */
  reason: string | null;
}

/** The rows of the reason breakdown: each documented reason, then "none given". */
export const REASON_ROWS = [...NO_ASSESSMENT_REASONS, "none"] as const;
type ReasonRow = (typeof REASON_ROWS)[number];

/**
 * The row an investigation without a signed assessment counts in: its reason code, or "none". A code
 * outside the vocabulary (none can be stored: the API validates it) is still a reason given: "annan".
 */
const reasonRow = (reason: string | null): ReasonRow =>
  reason === null
    ? "none"
    : (NO_ASSESSMENT_REASONS as readonly string[]).includes(reason)
      ? (reason as NoAssessmentReason)
      : "annan";

/** One signed assessment of the period, with its cell key. */
export interface UsageAssessment {
  key: number;
  byTrained: boolean;
}

/** The staff of one unit holding a valid training in one instrument, by their cell keys. */
export interface UsageTrained {
  instrumentKey: string;
  instrumentName: string;
  unitId: string;
  unitName: string;
  userKeys: readonly number[];
}

export type UsageFigures = Omit<Usage, "from" | "to" | "disclosure"> & { protectedWhole: boolean };

/** The true values of one cell: the investigations, and those with a signed assessment. */
interface RawCell {
  completed: Tally;
  withAssessment: Tally;
}

function rawCell(rows: readonly UsageInvestigation[]): RawCell {
  const completed = new Tally();
  const withAssessment = new Tally();
  for (const r of rows) {
    completed.add(r.key);
    if (r.instruments.length > 0) withAssessment.add(r.key);
  }
  return { completed, withAssessment };
}

const publishCell = (r: RawCell): Cell => ({
  completed: publishCount(r.completed),
  withAssessment: publishCount(r.withAssessment),
  share: publishShare(r.withAssessment, r.completed),
});

function groupBy<K>(rows: readonly UsageInvestigation[], key: (r: UsageInvestigation) => K): Map<K, UsageInvestigation[]> {
  const groups = new Map<K, UsageInvestigation[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

const GENDER_ORDER = ["pojke", "flicka", "annat", "okant"];
const genderRank = (g: string) => (GENDER_ORDER.includes(g) ? GENDER_ORDER.indexOf(g) : GENDER_ORDER.length);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

/**
 * The usage report's figures from its records, every one through the disclosure module
 * (domain/disclosure/publish.ts); pure, so a disclosure test can run the very function the server runs.
 * - completed / withAssessment: counts of investigations (their cell keys), the share from the two;
 * - byInstrument: investigations with a signed assessment of that instrument;
 * - byReason: investigations without a signed assessment, by the documented reason (its code only,
 *   never the free-text note) or none given; with those with an assessment they add up to the total;
 * - assessments: signed assessments of the period and those made by someone trained (assessment keys);
 * - trainedStaff: distinct staff with a valid training, per instrument and unit (user keys).
 * Secondary suppression over the sums the report shows: districts, units and genders each add up to
 * the total (an investigation is in exactly one of each), and so do "with an assessment" and the
 * reason rows. Concerns and instruments do not add up (an
 * investigation may have several), so they give a reader only bounds and are left out of the sums.
 * A share is shown only beside its two counts: one whose count secondary suppression hid is hidden
 * too, else count = share × the other would give the hidden count back. Rows are sorted by name, not
 * by size (an order by true counts would rank hidden cells). An investigation population below
 * MIN_POPULATION hides every figure (`protectedWhole`).
 */
export function usageFigures(
  investigations: readonly UsageInvestigation[],
  signed: readonly UsageAssessment[],
  trained: readonly UsageTrained[],
): UsageFigures {
  const protectedWhole = populationTooSmall(investigations.length);

  const total = rawCell(investigations);
  const byDistrict = [...groupBy(investigations, (r) => r.districtId)]
    .map(([districtId, g]) => ({ districtId, name: g[0]?.districtName ?? "", raw: rawCell(g) }))
    .sort(byName);
  const byUnit = [...groupBy(investigations, (r) => r.unitId)]
    .map(([unitId, g]) => ({ unitId, name: g[0]?.unitName ?? "—", raw: rawCell(g) }))
    .sort((a, b) => (a.unitId === null ? 1 : b.unitId === null ? -1 : byName(a, b)));
  const byConcern = CONCERNS.map((concern) => ({
    concern,
    raw: rawCell(investigations.filter((r) => r.concerns.includes(concern))),
  })).filter((c) => c.raw.completed.n > 0);
  const byGender = [...groupBy(investigations, (r) => r.gender)]
    .map(([gender, g]) => ({ gender, raw: rawCell(g) }))
    .sort((a, b) => genderRank(a.gender) - genderRank(b.gender) || a.gender.localeCompare(b.gender));
  const instruments = new Map<string, { instrumentKey: string; name: string; tally: Tally }>();
  for (const r of investigations) {
    for (const ins of r.instruments) {
      let entry = instruments.get(ins.key);
      if (!entry) {
        entry = { instrumentKey: ins.key, name: ins.name, tally: new Tally() };
        instruments.set(ins.key, entry);
      }
      entry.tally.add(r.key);
    }
  }
  const reasons = new Map<ReasonRow, Tally>(REASON_ROWS.map((r) => [r, new Tally()]));
  for (const r of investigations) if (r.instruments.length === 0) reasons.get(reasonRow(r.reason))?.add(r.key);
  const signedTally = Tally.of(signed.map((a) => a.key));
  const byTrainedTally = Tally.of(signed.filter((a) => a.byTrained).map((a) => a.key));

  const hide = (v: number | null) => (protectedWhole ? null : v);
  const cell = (r: RawCell): Cell => (protectedWhole ? { completed: null, withAssessment: null, share: null } : publishCell(r));

  const figures: UsageFigures = {
    protectedWhole,
    total: cell(total),
    byDistrict: byDistrict.map((d) => ({ districtId: d.districtId, districtName: d.name, ...cell(d.raw) })),
    byUnit: byUnit.map((u) => ({ unitId: u.unitId, unitName: u.name, ...cell(u.raw) })),
    byConcern: byConcern.map((c) => ({ concern: c.concern, ...cell(c.raw) })),
    byGender: byGender.map((g) => ({ gender: g.gender, ...cell(g.raw) })),
    byInstrument: [...instruments.values()]
      .sort(byName)
      .map((i) => ({ instrumentKey: i.instrumentKey, instrumentName: i.name, investigations: hide(publishCount(i.tally)) })),
    // Every row, in the vocabulary's order (never by size), 0 included.
    byReason: REASON_ROWS.map((reason) => ({ reason, investigations: hide(publishCount(reasons.get(reason) as Tally)) })),
    assessments: {
      signed: hide(publishCount(signedTally)),
      byTrained: hide(publishCount(byTrainedTally)),
      share: hide(publishShare(byTrainedTally, signedTally)),
    },
    trainedStaff: trained.map((t) => ({
      instrumentKey: t.instrumentKey,
      instrumentName: t.instrumentName,
      unitId: t.unitId,
      unitName: t.unitName,
      trained: hide(publishCount(Tally.of(t.userKeys))),
    })),
  };
  if (!protectedWhole) protectSums(figures);
  return figures;
}

/**
 * One count of a cell under the name "n": SumTable ties cells of one key, and the reason sum ties
 * three (completed = withAssessment + each reason's investigations). It reads and hides through the
 * view, so the cell it hides is the report's own, and every sum sees it hidden on its next pass.
 */
function countView<T extends object, K extends keyof T>(cell: T, key: K): { n: T[K] } {
  return {
    get n() {
      return cell[key];
    },
    set n(v: T[K]) {
      cell[key] = v;
    },
  };
}

/** Secondary suppression over the report's sums, then the shares of cells whose counts it hid. */
function protectSums(f: UsageFigures): void {
  const table = new SumTable();
  for (const key of ["completed", "withAssessment"] as const) {
    table.sum(key, f.total, f.byDistrict);
    table.sum(key, f.total, f.byUnit);
    table.sum(key, f.total, f.byGender);
  }
  table.sum("n", countView(f.total, "completed"), [
    countView(f.total, "withAssessment"),
    ...f.byReason.map((r) => countView(r, "investigations")),
  ]);
  table.protect();
  for (const c of [f.total, ...f.byDistrict, ...f.byUnit, ...f.byGender]) {
    if (c.completed === null || c.withAssessment === null) c.share = null;
  }
}

interface InvestigationRow {
  id: string;
  district_id: string;
  district_name: string;
  unit_id: string | null;
  unit_name: string | null;
  gender: string;
  concerns: string[];
  instruments: { key: string; name: string }[];
  no_assessment_reason: string | null;
}

/**
 * How often structured assessments are used: of the investigations about crime or violence
 * completed in [from, to], the share with a signed assessment linked to them — by district, unit,
 * concern, gender and instrument — the reasons documented for those without one, plus who is trained and whether assessments were filled in by
 * trained staff. Aggregates only, through the disclosure module (usageFigures); the period and
 * districts checked by reportScope (whole months for an aggregate-only reader).
 */
export async function assessmentUsage(database: Database, actor: Actor, query: Query): Promise<Usage> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
  const unit = query.unitId ?? null;
  const keyOf = await recordKeys(database);
  const [population, signed, trained] = await db.transaction(async (tx) => {
    const population = await tx.execute<InvestigationRow & Record<string, unknown>>(sql`
      select i.id, i.district_id, d.name as district_name, c.unit_id, u.name as unit_name, p.gender, i.no_assessment_reason,
             (select coalesce(array_agg(distinct x), '{}') from reports r, unnest(r.concerns) x where r.case_id = i.case_id) as concerns,
             (select coalesce(json_agg(distinct jsonb_build_object('key', ins.key, 'name', ins.name)), '[]')
                from assessments a join instruments ins on ins.id = a.instrument_id
               where a.investigation_id = i.id and a.signed_at is not null) as instruments
      from investigations i
      join cases c on c.id = i.case_id
      join districts d on d.id = i.district_id
      join persons p on p.id = i.person_id
      left join units u on u.id = c.unit_id
      where i.district_id = any(${sql.param(districtIds)}::uuid[])
        and (${unit}::uuid is null or c.unit_id = ${unit}::uuid)
        and i.completed_on between ${query.from}::date and ${query.to}::date
        and exists (select 1 from reports r where r.case_id = i.case_id and r.concerns && ${sql.param([...ASSESSMENT_CONCERNS])}::text[])`);
    const signed = await tx.execute<{ id: string; by_trained: boolean }>(sql`
      select a.id,
             exists (
               select 1 from instrument_trainings t
                where t.user_id = a.created_by and t.instrument_key = ins.key and t.instrument_version = ins.version
                  and t.trained_on <= a.assessed_on and (t.valid_until is null or t.valid_until >= a.assessed_on)) as by_trained
      from assessments a join instruments ins on ins.id = a.instrument_id join cases c on c.id = a.case_id
      where a.district_id = any(${sql.param(districtIds)}::uuid[])
        and (${unit}::uuid is null or c.unit_id = ${unit}::uuid)
        and a.signed_at is not null and a.assessed_on between ${query.from}::date and ${query.to}::date`);
    const trained = await tx.execute<{
      instrument_key: string;
      instrument_name: string;
      unit_id: string;
      unit_name: string;
      user_ids: string[];
    }>(sql`
      select t.instrument_key, coalesce(max(ins.name), t.instrument_key) as instrument_name, u.id as unit_id, u.name as unit_name,
             array_agg(distinct t.user_id::text) as user_ids
      from instrument_trainings t
      join users us on us.id = t.user_id and us.active
      join user_roles ur on ur.user_id = t.user_id
      join units u on u.id = ur.unit_id
      left join instruments ins on ins.key = t.instrument_key and ins.version = t.instrument_version
      where u.district_id = any(${sql.param(districtIds)}::uuid[])
        and (${unit}::uuid is null or u.id = ${unit}::uuid)
        and t.trained_on <= ${query.to}::date and (t.valid_until is null or t.valid_until >= ${query.to}::date)
      group by t.instrument_key, u.id, u.name
      order by t.instrument_key, u.name`);
    await audit(tx, actor, {
      action: "stats.assessment_usage",
      permission: "stats:read",
      recordType: "assessment",
      details: { from: query.from, to: query.to, districts: districtIds, unitId: unit },
    });
    return [population.rows, signed.rows, trained.rows] as const;
  });

  const figures = usageFigures(
    population.map((r) => ({
      key: keyOf(r.id),
      districtId: r.district_id,
      districtName: r.district_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      gender: r.gender,
      concerns: r.concerns,
      instruments: [...new Map(r.instruments.map((i) => [i.key, i])).values()],
      reason: r.no_assessment_reason,
    })),
    signed.map((a) => ({ key: keyOf(a.id), byTrained: a.by_trained })),
    trained.map((t) => ({
      instrumentKey: t.instrument_key,
      instrumentName: t.instrument_name,
      unitId: t.unit_id,
      unitName: t.unit_name,
      userKeys: t.user_ids.map(keyOf),
    })),
  );
  const { protectedWhole, ...published } = figures;
  return { from: query.from, to: query.to, disclosure: disclosureNote(granularity, protectedWhole), ...published };
}
