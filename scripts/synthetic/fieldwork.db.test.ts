import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePolygon } from "../../src/domain/fieldwork/polygon";
import { ensureAdmin } from "../../src/server/bootstrap";
import type { Database } from "../../src/server/db/connection";
import { fieldStaff } from "../../src/server/modules/fieldwork/access";
import { freshDatabase } from "../../src/server/testing/database";
import { generateMunicipality } from "./generate";

const asOf = new Date("2026-11-24T11:00:00Z");
let a: Database;

beforeAll(async () => {
  a = await freshDatabase();
  await ensureAdmin(a, undefined);
  await generateMunicipality(a, { scale: "small", seed: 7, staffPassword: "syntetisk-testdata-lösen", asOf });
});
afterAll(async () => a?.close());

const rows = async <T>(query: ReturnType<typeof sql>) => (await a.db.execute(query)).rows as T[];

describe("synthetic fältarbete in the database", () => {
  it("stores four valid area polygons in every district, read back as the map reads them", async () => {
    const areas = await rows<{ district_id: string; polygon: unknown }>(sql`select district_id, polygon from field_areas`);
    const districts = await rows<{ id: string }>(sql`select id from districts where code <> 'central'`);
    expect(districts.length).toBe(3);
    for (const d of districts) expect(areas.filter((x) => x.district_id === d.id)).toHaveLength(4);
    for (const x of areas) expect(validatePolygon(x.polygon).ok, JSON.stringify(x.polygon)).toBe(true);
  });

  it("stores shifts in last month of every district, walked by staff the server lists as field staff, and incidents approved and submitted", async () => {
    const lastMonth = await rows<{ district_id: string; n: number }>(sql`select district_id, count(*)::int as n from field_shifts
      where started_at >= '2026-10-01T00:00:00+02:00' and started_at < '2026-11-01T00:00:00+01:00' group by district_id`);
    expect(lastMonth.length).toBe(3);
    for (const r of lastMonth) expect(r.n).toBeGreaterThanOrEqual(5);
    const shifts = await rows<{ district_id: string; staff_ids: string[]; area_ids: string[] }>(
      sql`select district_id, staff_ids, area_ids from field_shifts`,
    );
    for (const districtId of new Set(shifts.map((s) => s.district_id))) {
      const staff = new Set((await fieldStaff(a.db, [districtId])).map((s) => s.id));
      for (const s of shifts.filter((x) => x.district_id === districtId))
        for (const u of s.staff_ids) expect(staff.has(u)).toBe(true);
    }
    const foreignArea = await rows(sql`select s.id from field_shifts s cross join unnest(s.area_ids) as x(area_id)
      join field_areas fa on fa.id = x.area_id where fa.district_id <> s.district_id`);
    expect(foreignArea).toEqual([]);
    const statuses = await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from field_incidents group by status order by status`,
    );
    expect(statuses.map((s) => s.status)).toEqual(["approved", "submitted"]);
    const selfReviewed = await rows(sql`select id from field_incidents where reviewed_by = reported_by`);
    expect(selfReviewed).toEqual([]);
  });
});
