import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarMonths } from "../../src/domain/clocks";
import { parsePersonnummer } from "../../src/domain/personnummer";
import { buildApp } from "../../src/server/app";
import { ensureAdmin } from "../../src/server/bootstrap";
import type { Database } from "../../src/server/db/connection";
import { testConfig } from "../../src/server/platform/config";
import { freshDatabase } from "../../src/server/testing/database";
import { DEMO_ACCOUNTS, type GenerateSummary, generateMunicipality } from "./generate";

const asOf = new Date("2026-11-24T11:00:00Z");
const password = "syntetisk-testdata-lösen";
let a: Database;
let b: Database;
let summary: GenerateSummary;

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const r = await database.db.execute(query);
  return r.rows[0] as T;
}

beforeAll(async () => {
  [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
  await ensureAdmin(a, undefined);
  summary = await generateMunicipality(a, { scale: "small", seed: 7, staffPassword: password, asOf });
  await generateMunicipality(b, { scale: "small", seed: 7, staffPassword: password, asOf });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe("synthetic municipality", () => {
  it("gives the same data for the same seed and day", async () => {
    const digest = sql`select md5(string_agg(concat_ws('|', p.id, p.personnummer, p.first_name, p.last_name, p.district_id), ',' order by p.id)) as persons,
      (select md5(string_agg(concat_ws('|', r.id, r.case_id, r.received_at, r.reporter_category, r.is_re_referral), ',' order by r.id)) from reports r) as reports,
      (select md5(string_agg(concat_ws('|', i.id, i.opened_on, i.extended_to, i.completed_on), ',' order by i.id)) from investigations i) as investigations
      from persons p`;
    expect(await one(a, digest)).toEqual(await one(b, digest));
  });

  it("fills every part at the small scale", () => {
    expect(summary.districts).toBe(3);
    expect(summary.reports).toBeGreaterThan(1_500);
    expect(summary.investigations).toBeGreaterThan(300);
    expect(summary.persons).toBeGreaterThan(700);
  });

  it("uses only valid test-series personnummer, unique, with the birth date they encode", async () => {
    const rows = (await a.db.execute(sql`select personnummer, birth_date::text as birth_date from persons`)).rows as {
      personnummer: string;
      birth_date: string;
    }[];
    for (const r of rows) {
      const parsed = parsePersonnummer(r.personnummer);
      expect(parsed, "invalid personnummer").not.toBeNull();
      expect(parsed?.birthDate).toBe(r.birth_date);
      expect(Number(r.personnummer.slice(8, 11))).toBeGreaterThanOrEqual(980);
    }
    expect(new Set(rows.map((r) => r.personnummer)).size).toBe(rows.length);
  });

  it("keeps the case flow's own rules: decisions documented, links to the same person's open investigation", async () => {
    const broken = await one<Record<string, string>>(
      a,
      sql`select
        (select count(*) from pre_assessments p where p.outcome = 'inleda' and not exists (
           select 1 from investigations i join decisions d on d.id = i.opening_decision_id and d.type = 'inleda_utredning'
           where i.id = p.investigation_id)) as undocumented_opening,
        (select count(*) from pre_assessments p join reports r on r.id = p.report_id
           join investigations i on i.id = p.linked_investigation_id
           where p.outcome = 'koppla' and (i.person_id <> r.person_id or i.opened_on > (p.decided_at at time zone 'Europe/Stockholm')::date)) as bad_link,
        (select count(*) from pre_assessments p join protection_assessments s using (report_id) where s.assessed_at > p.decided_at) as pre_before_skydd,
        (select count(*) from reports r join protection_assessments s on s.report_id = r.id where s.assessed_at < r.received_at) as skydd_before_report,
        (select count(*) from decisions d where d.decided_at > ${asOf.toISOString()}::timestamptz) as future_decision,
        (select count(*) from investigations i where i.completed_on < i.opened_on) as completed_before_opened`,
    );
    for (const [k, v] of Object.entries(broken)) expect(Number(v), k).toBe(0);
  });

  it("shows the lateness the audits found: late förhandsbedömningar, investigations over 4 months with and without förlängning, re-referrals, undecided follow-ups", async () => {
    const stats = await one<Record<string, string>>(
      a,
      sql`select
        (select count(*) from pre_assessments p join reports r on r.id = p.report_id
          where (p.decided_at at time zone 'Europe/Stockholm')::date > (r.received_at at time zone 'Europe/Stockholm')::date + 14) as late_pre,
        (select count(*) from investigations where completed_on is not null and extended_to is not null) as extended,
        (select count(*) from investigations where extended_to is null and coalesce(completed_on, ${"2026-11-24"}::date) > opened_on + interval '4 months') as over_without,
        (select count(*) from reports where is_re_referral) as re_referrals,
        (select count(*) from investigations i where guardians_declined and not exists (
           select 1 from decisions d where d.investigation_id = i.id and d.type = 'uppfoljning')) as undecided_follow_ups,
        (select count(*) from cases where closed_at is null) as open_cases`,
    );
    for (const [k, v] of Object.entries(stats)) expect(Number(v), k).toBeGreaterThan(0);
    expect(addCalendarMonths("2026-07-31", 4)).toBe("2026-11-30");
  });

  it("lets the demo enhetschef sign in, find Alva Andersson and see Elias Berg marked protected", async () => {
    const app = await buildApp({ config: testConfig(), database: a, clock: () => asOf });
    try {
      for (const account of DEMO_ACCOUNTS) {
        const res = await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: account.username, password },
        });
        expect(res.statusCode, account.username).toBe(200);
        expect(res.json().roles).toContain(account.role);
      }
      const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "enhetschef", password } });
      const cookie = `vagval_session=${login.cookies.find((c) => c.name === "vagval_session")?.value}`;
      const search = await app.inject({ method: "GET", url: "/api/persons?q=Andersson Alva", headers: { cookie } });
      expect(search.statusCode).toBe(200);
      expect(
        search
          .json()
          .items.some((p: { firstName: string; lastName: string }) => p.firstName === "Alva" && p.lastName === "Andersson"),
      ).toBe(true);
      const elias = await app.inject({ method: "GET", url: "/api/persons?q=Berg Elias", headers: { cookie } });
      const hit = elias
        .json()
        .items.find((p: { firstName: string; lastName: string }) => p.firstName === "Elias" && p.lastName === "Berg");
      expect(hit?.protectedIdentity).toBe(true);
      const overview = await app.inject({ method: "GET", url: "/api/deadlines", headers: { cookie } });
      expect(overview.json().items.some((i: { state: string }) => i.state === "overdue")).toBe(true);
    } finally {
      await app.close();
    }
  });
});
