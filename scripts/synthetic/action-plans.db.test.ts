import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "../../src/server/bootstrap";
import type { Database } from "../../src/server/db/connection";
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

describe("synthetic joint action plans", () => {
  it("gives a few plans, each for a person whose consent covers the agencies on the day the plan was made, and its sharing logged", async () => {
    const plans = await a.db.execute(sql`select id, stage from action_plans`);
    expect(plans.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(plans.rows.map((r) => (r as { stage: string }).stage))).toEqual(new Set(["beredning", "operativ"]));
    const uncovered = await a.db.execute(sql`select p.id from action_plans p where not exists (
      select 1 from consents c where c.person_id = p.person_id and p.agencies <@ c.agencies and p.categories <@ c.categories
        and (p.created_at at time zone 'Europe/Stockholm')::date between c.valid_from and c.valid_until
        and (c.revoked_on is null or c.revoked_on > (p.created_at at time zone 'Europe/Stockholm')::date))`);
    expect(uncovered.rows).toEqual([]);
    const unlogged = await a.db.execute(sql`select p.id, a.agency from action_plans p cross join unnest(p.agencies) as a(agency)
      where not exists (select 1 from consent_disclosures d where d.person_id = p.person_id and d.agency = a.agency
        and d.description like 'Gemensam åtgärdsplan%')`);
    expect(unlogged.rows).toEqual([]);
    const tasks = await a.db.execute(sql`select count(*)::int as n from action_plan_tasks`);
    expect((tasks.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(6);
  });
});
