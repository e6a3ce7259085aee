import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { usageQuery, usageResponse } from "../../../contracts/assessments";
import { ASSESSMENT_CONCERNS } from "../../../domain/assessment-policy";
import { CONCERNS } from "../../../domain/case-flow";
import type { Database } from "../../db/connection";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";

type Query = z.infer<typeof usageQuery>;
type Usage = z.infer<typeof usageResponse>;

interface InvestigationRow {
  district_id: string;
  district_name: string;
  unit_id: string | null;
  unit_name: string | null;
  gender: string;
  concerns: string[];
  instruments: { key: string; name: string }[];
}

const cell = (rows: InvestigationRow[]) => {
  const withAssessment = rows.filter((r) => r.instruments.length > 0).length;
  return { completed: rows.length, withAssessment, share: rows.length ? withAssessment / rows.length : null };
};

function groupBy<K extends string>(rows: InvestigationRow[], key: (r: InvestigationRow) => K): Map<K, InvestigationRow[]> {
  const groups = new Map<K, InvestigationRow[]>();
  for (const r of rows) {
    const k = key(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
}

/**
 * How often structured assessments are used: of the investigations about crime or violence
 * completed in [from, to], the share with a signed assessment linked to them — by district, unit,
 * concern, gender and instrument — plus who is trained and whether assessments were filled in by
 * trained staff. Aggregates only: no names leave.
 */
export async function assessmentUsage({ db }: Database, actor: Actor, query: Query): Promise<Usage> {
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
  const unit = query.unitId ?? null;
  return db.transaction(async (tx) => {
    const population = await tx.execute<InvestigationRow & Record<string, unknown>>(sql`
      select i.district_id, d.name as district_name, c.unit_id, u.name as unit_name, p.gender,
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
    const signed = await tx.execute<{ signed: number; by_trained: number }>(sql`
      select count(*)::int as signed,
             count(*) filter (where exists (
               select 1 from instrument_trainings t
                where t.user_id = a.created_by and t.instrument_key = ins.key and t.instrument_version = ins.version
                  and t.trained_on <= a.assessed_on and (t.valid_until is null or t.valid_until >= a.assessed_on)))::int as by_trained
      from assessments a join instruments ins on ins.id = a.instrument_id join cases c on c.id = a.case_id
      where a.district_id = any(${sql.param(districtIds)}::uuid[])
        and (${unit}::uuid is null or c.unit_id = ${unit}::uuid)
        and a.signed_at is not null and a.assessed_on between ${query.from}::date and ${query.to}::date`);
    const trained = await tx.execute<{
      instrument_key: string;
      instrument_name: string;
      unit_id: string;
      unit_name: string;
      trained: number;
    }>(sql`
      select t.instrument_key, coalesce(max(ins.name), t.instrument_key) as instrument_name, u.id as unit_id, u.name as unit_name,
             count(distinct t.user_id)::int as trained
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

    const rows = population.rows;
    const instrumentCounts = new Map<string, { instrumentKey: string; instrumentName: string; investigations: number }>();
    for (const r of rows) {
      for (const ins of new Map(r.instruments.map((i) => [i.key, i])).values()) {
        const entry = instrumentCounts.get(ins.key) ?? { instrumentKey: ins.key, instrumentName: ins.name, investigations: 0 };
        entry.investigations += 1;
        instrumentCounts.set(ins.key, entry);
      }
    }
    const s = signed.rows[0] ?? { signed: 0, by_trained: 0 };
    return {
      from: query.from,
      to: query.to,
      total: cell(rows),
      byDistrict: [...groupBy(rows, (r) => r.district_id)].map(([districtId, g]) => ({
        districtId,
        districtName: g[0]?.district_name ?? "",
        ...cell(g),
      })),
      byUnit: [...groupBy(rows, (r) => r.unit_id ?? "")].map(([unitId, g]) => ({
        unitId: unitId || null,
        unitName: g[0]?.unit_name ?? "—",
        ...cell(g),
      })),
      byConcern: CONCERNS.map((concern) => ({ concern, ...cell(rows.filter((r) => r.concerns.includes(concern))) })).filter(
        (c) => c.completed > 0,
      ),
      byGender: [...groupBy(rows, (r) => r.gender)].map(([gender, g]) => ({ gender, ...cell(g) })),
      byInstrument: [...instrumentCounts.values()].sort((a, b) => b.investigations - a.investigations),
      assessments: { signed: s.signed, byTrained: s.by_trained, share: s.signed ? s.by_trained / s.signed : null },
      trainedStaff: trained.rows.map((t) => ({
        instrumentKey: t.instrument_key,
        instrumentName: t.instrument_name,
        unitId: t.unit_id,
        unitName: t.unit_name,
        trained: t.trained,
      })),
    };
  });
}
