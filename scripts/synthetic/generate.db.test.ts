import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarMonths } from "../../src/domain/clocks";
import { fitsAge, type InstrumentDefinition } from "../../src/domain/instruments/definition";
import { parsePersonnummer } from "../../src/domain/personnummer";
import { buildApp } from "../../src/server/app";
import { ensureAdmin } from "../../src/server/bootstrap";
import type { Database } from "../../src/server/db/connection";
import { testConfig } from "../../src/server/platform/config";
import { freshDatabase } from "../../src/server/testing/database";
import { DEMO_ACCOUNTS, type GenerateSummary, generateMunicipality } from "./generate";
import { districtNameAt } from "./organisation";

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
      (select md5(string_agg(concat_ws('|', i.id, i.opened_on, i.extended_to, i.completed_on, i.no_assessment_reason), ',' order by i.id)) from investigations i) as investigations,
      (select md5(string_agg(concat_ws('|', s.id, s.investigation_id, n.key, s.assessed_on, s.answers::text, s.computed_band, s.judgement, s.signed_by, s.signed_at), ',' order by s.id))
         from assessments s join instruments n on n.id = s.instrument_id) as assessments,
      (select md5(string_agg(concat_ws('|', t.id, t.user_id, t.instrument_key, t.trained_on, t.valid_until), ',' order by t.id)) from instrument_trainings t) as trainings
      from persons p`;
    expect(await one(a, digest)).toEqual(await one(b, digest));
  });

  it("gives the same insats histories for the same seed and day", async () => {
    const digest = sql`select
      (select md5(string_agg(concat_ws('|', i.id, i.case_id, c.code, i.decision_id, i.legal_form, i.decided_on, i.provider_unit_id,
          i.started_on, i.not_started_reason, i.care_plan_on, i.ended_on, i.end_reason, i.created_by, i.created_at), ',' order by i.id))
         from insatser i join insats_catalogue c on c.id = i.catalogue_id) as insatser,
      (select md5(string_agg(concat_ws('|', p.id, p.insats_id, p.version, p.goals::text, p.follow_up_dates::text, p.created_by, p.signed_by, p.signed_at), ',' order by p.id))
         from insats_plans p) as plans,
      (select md5(string_agg(concat_ws('|', f.id, f.plan_id, f.due_on, f.done_on, f.results::text, f.next_step), ',' order by f.id))
         from insats_follow_ups f) as follow_ups,
      (select md5(string_agg(concat_ws('|', o.id, o.insats_id, o.decided_on, o.decided_by), ',' order by o.id)) from overvaganden o) as overvaganden`;
    const [x, y] = [await one<Record<string, string | null>>(a, digest), await one<Record<string, string | null>>(b, digest)];
    for (const v of Object.values(x)) expect(v).not.toBeNull();
    expect(x).toEqual(y);
  });

  it("fills every part at the small scale", () => {
    expect(summary.districts).toBe(3);
    expect(summary.reports).toBeGreaterThan(1_500);
    expect(summary.investigations).toBeGreaterThan(300);
    expect(summary.persons).toBeGreaterThan(700);
  });

  it("gives forums, meetings and consents, every agenda item covered by its consent on the meeting's day", async () => {
    const counts = await one<Record<string, number>>(
      a,
      sql`select (select count(*)::int from forums) as forums, (select count(*)::int from forum_meetings) as meetings,
        (select count(*)::int from consents) as consents, (select count(*)::int from consent_disclosures) as disclosures`,
    );
    expect(counts.forums).toBeGreaterThanOrEqual(2);
    expect(counts.meetings).toBeGreaterThanOrEqual(4);
    expect(counts.consents).toBeGreaterThanOrEqual(3);
    expect(counts.disclosures).toBeGreaterThanOrEqual(1);
    const uncovered = await a.db.execute(sql`select i.id from forum_agenda_items i
      join forum_meetings m on m.id = i.meeting_id join forums f on f.id = m.forum_id join consents c on c.id = i.consent_id
      where not (m.meeting_on between c.valid_from and c.valid_until) or (c.revoked_on is not null and c.revoked_on <= m.meeting_on)
        or not (f.type = any(c.forum_types) or f.id = any(c.forum_ids)) or not (f.agencies <@ c.agencies)`);
    expect(uncovered.rows).toEqual([]);
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

  it("documents the child's view in every completed investigation and links and informs guardians, the same for a seed", async () => {
    const facts = await one<Record<string, string>>(
      a,
      sql`select
        (select count(*) from investigations i where i.completed_on is not null and not exists (
           select 1 from child_views v where v.investigation_id = i.id and v.stage = 'utredning')) as completed_without_view,
        (select count(*) from child_views v join investigations i on i.id = v.investigation_id
           where v.recorded_on < i.opened_on or v.recorded_on > coalesce(i.completed_on, ${"2026-11-24"}::date)) as view_outside,
        (select count(*) from guardian_notices n join investigations i on i.id = n.investigation_id
           where n.informed_on < i.opened_on) as informed_before_opened,
        (select count(*) from (select r.child_id from person_relations r join persons p on p.id = r.child_id
           where p.first_name = 'Alva' and p.last_name = 'Andersson' and r.custody group by r.child_id having count(*) = 2) x) as demo_with_two,
        (select count(*) from (select child_id from person_relations where custody group by child_id having count(*) > 2) x) as over_two`,
    );
    expect(Number(facts.completed_without_view)).toBe(0);
    expect(Number(facts.view_outside)).toBe(0);
    expect(Number(facts.informed_before_opened)).toBe(0);
    expect(Number(facts.demo_with_two)).toBeGreaterThan(0);
    expect(Number(facts.over_two)).toBe(0);
    const counts = await one<Record<string, string>>(
      a,
      sql`select (select count(*) from person_relations) as relations, (select count(*) from guardian_notices) as notices,
        (select count(*) from child_views where not_heard_reason is not null) as not_heard,
        (select count(*) from child_views where stage = 'forhandsbedomning') as at_pre`,
    );
    for (const [k, v] of Object.entries(counts)) expect(Number(v), k).toBeGreaterThan(0);
    const digest = sql`select
      (select md5(string_agg(concat_ws('|', r.id, r.child_id, r.related_person_id, r.custody), ',' order by r.id)) from person_relations r) as relations,
      (select md5(string_agg(concat_ws('|', n.id, n.investigation_id, n.guardian_id, n.informed_on, n.method, n.position), ',' order by n.id)) from guardian_notices n) as notices,
      (select md5(string_agg(concat_ws('|', v.id, v.stage, v.recorded_on, v.view, v.not_heard_reason), ',' order by v.id)) from child_views v) as views`;
    expect(await one(a, digest)).toEqual(await one(b, digest));
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

  it("assesses crime and violence investigations far more in the second district than in the first", async () => {
    const shares = (
      await a.db.execute(sql`with crime as (
          select i.id, i.district_id from investigations i
          where i.completed_on is not null
            and exists (select 1 from reports r where r.case_id = i.case_id and r.concerns && array['brott', 'vald']::text[]))
        select d.code, count(*)::int as total,
          count(*) filter (where exists (select 1 from assessments s where s.investigation_id = c.id and s.signed_at is not null))::int as signed,
          count(*) filter (where i.no_assessment_reason is not null)::int as reasoned
        from crime c join districts d on d.id = c.district_id join investigations i on i.id = c.id
        group by d.code`)
    ).rows as { code: string; total: number; signed: number; reasoned: number }[];
    const of = (i: number) => {
      const row = shares.find((r) => r.code === districtNameAt(i).code);
      if (!row) throw new Error(`no crime investigations in district ${i}`);
      return row;
    };
    const [first, second] = [of(0), of(1)];
    console.log("assessment usage", {
      first,
      second,
      summary: { assessments: summary.assessments, trainings: summary.trainings },
    });
    expect(second.signed / second.total).toBeGreaterThan((2 * first.signed) / first.total);
    expect(second.signed).toBeGreaterThan(10);
    // Some undocumented, some with a documented reason, in every district together.
    expect(shares.reduce((n, r) => n + r.reasoned, 0)).toBeGreaterThan(0);
    expect(shares.reduce((n, r) => n + (r.total - r.signed - r.reasoned), 0)).toBeGreaterThan(0);
  });

  it("signs assessments only by staff trained on the day, with instruments that fit the young person's age", async () => {
    const untrained = await one<{ n: string }>(
      a,
      sql`select count(*) as n from assessments s join instruments n on n.id = s.instrument_id
        where s.signed_by is not null and not exists (
          select 1 from instrument_trainings t where t.user_id = s.signed_by and t.instrument_key = n.key
            and t.trained_on <= s.assessed_on and (t.valid_until is null or t.valid_until >= s.assessed_on))`,
    );
    expect(Number(untrained.n)).toBe(0);
    const rows = (
      await a.db.execute(sql`select p.birth_date::text as birth, s.assessed_on::text as assessed_on, n.definition, s.signed_at, s.investigation_id
        from assessments s join persons p on p.id = s.person_id join instruments n on n.id = s.instrument_id`)
    ).rows as { birth: string; assessed_on: string; definition: InstrumentDefinition; signed_at: unknown }[];
    expect(rows.length).toBe(summary.assessments);
    expect(rows.filter((r) => r.signed_at !== null).length).toBeGreaterThan(0);
    for (const r of rows) expect(fitsAge(r.definition, r.birth, r.assessed_on), `${r.birth} on ${r.assessed_on}`).toBe(true);
    const again = await one<{ n: string }>(
      a,
      sql`select count(*) as n from assessments s where exists (select 1 from assessments o
        where o.case_id = s.case_id and o.instrument_id = s.instrument_id and o.assessed_on < s.assessed_on)`,
    );
    expect(Number(again.n)).toBeGreaterThan(0);
  });

  it("gives insats histories with the late starts, missing plans and follow-ups the seeds report", async () => {
    const f = await one<Record<string, string>>(
      a,
      sql`select
        count(*) as insatser,
        count(*) filter (where i.legal_form = 'bistand') as bistand,
        count(*) filter (where i.legal_form = 'service') as service,
        count(*) filter (where i.started_on is not null) as started,
        count(*) filter (where i.started_on is not null and not exists (
          select 1 from insats_plans p where p.insats_id = i.id and p.signed_at is not null)) as started_without_signed_plan,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on is not null) as bistand_started,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on <= i.decided_on + 42) as bistand_started_in_time,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on is null and i.decided_on + interval '3 months' < ${"2026-11-24"}::date) as ivo_not_started,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on is null and i.decided_on + interval '3 months' < ${"2026-11-24"}::date
          and i.not_started_reason is not null) as ivo_with_reason,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on is null and i.decided_on + interval '3 months' >= ${"2026-11-24"}::date) as pending_recent,
        count(*) filter (where i.legal_form = 'bistand' and i.started_on is null and i.decided_on + interval '7 months' < ${"2026-11-24"}::date) as not_started_after_7_months,
        count(*) filter (where i.ended_on is not null) as ended,
        count(*) filter (where c.evidence_status = 'avrads') as avrads,
        count(*) filter (where c.kind like 'placering%') as placements,
        (select count(*) from insats_plans) as plans,
        (select count(*) from insats_plans where version > 1) as revised_plans,
        (select count(*) from insats_plans where signed_at is null) as draft_plans,
        (select count(*) from insats_follow_ups) as follow_ups,
        (select count(*) from insats_follow_ups where done_on > due_on) as late_follow_ups,
        (select count(*) from overvaganden) as overvaganden
      from insatser i join insats_catalogue c on c.id = i.catalogue_id`,
    );
    const n = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v)]));
    const withoutPlan = (n.started_without_signed_plan as number) / (n.started as number);
    const inTime = (n.bistand_started_in_time as number) / (n.bistand_started as number);
    console.log("insats histories", { ...n, withoutPlan: withoutPlan.toFixed(3), startedWithin42: inTime.toFixed(3) });
    expect(n.insatser).toBe(summary.insatser);
    expect(n.plans).toBe(summary.insatsPlans);
    expect(withoutPlan).toBeGreaterThan(0.6);
    expect(withoutPlan).toBeLessThan(0.9);
    expect(inTime).toBeGreaterThan(0.55);
    expect(inTime).toBeLessThan(0.85);
    for (const k of [
      "service",
      "ivo_not_started",
      "ivo_with_reason",
      "ended",
      "placements",
      "revised_plans",
      "follow_ups",
      "overvaganden",
    ]) {
      expect(n[k], k).toBeGreaterThan(0);
    }
  });

  it("keeps the insats register's own rules", async () => {
    const broken = await one<Record<string, string>>(
      a,
      sql`select
        (select count(*) from insatser i join cases c on c.id = i.case_id join units u on u.id = i.provider_unit_id
           where u.district_id <> c.district_id or i.district_id <> c.district_id or i.person_id <> c.person_id
             or u.kind not in ('oppenvard', 'forebyggande', 'familjehem')) as bad_provider,
        (select count(*) from insatser i where i.legal_form = 'bistand' and not exists (
           select 1 from decisions d where d.id = i.decision_id and d.case_id = i.case_id and d.type = 'bistand'
             and (d.decided_at at time zone 'Europe/Stockholm')::date = i.decided_on)) as bad_decision,
        (select count(*) from insatser i join insats_catalogue c on c.id = i.catalogue_id
           where i.legal_form <> c.legal_form or (i.legal_form = 'service' and i.decision_id is not null)) as bad_legal_form,
        (select count(*) from insatser where started_on < decided_on) as started_before_decided,
        (select count(*) from insatser where ended_on < started_on or (ended_on is not null and started_on is null)) as ended_before_started,
        (select count(*) from insatser where greatest(decided_on, started_on, ended_on) > ${"2026-11-24"}::date) as future,
        (select count(*) from insats_plans p join insatser i on i.id = p.insats_id
           where p.signed_at is not null and (p.signed_at at time zone 'Europe/Stockholm')::date < i.started_on) as plan_before_start,
        (select count(*) from insats_follow_ups f join insats_plans p on p.id = f.plan_id
           where p.signed_at is null or f.insats_id <> p.insats_id or f.done_on < (p.signed_at at time zone 'Europe/Stockholm')::date) as bad_follow_up,
        (select count(*) from overvaganden o join insatser i on i.id = o.insats_id join insats_catalogue c on c.id = i.catalogue_id
           where c.kind not like 'placering%' or o.decided_on < i.started_on) as bad_overvagande,
        (select count(*) from insatser i join persons p on p.id = i.person_id join insats_catalogue c on c.id = i.catalogue_id
           where extract(year from age(i.decided_on, p.birth_date)) not between c.target_age_min and c.target_age_max) as wrong_age,
        (select count(*) from insatser i join persons p on p.id = i.person_id join insats_catalogue c on c.id = i.catalogue_id
           where i.started_on is not null and i.age_outside_reason is null
             and extract(year from age(i.started_on, p.birth_date)) not between c.target_age_min and c.target_age_max) as age_outside_without_reason,
        (with plan as (
           select distinct on (pl.insats_id) pl.insats_id, pl.goals from insats_plans pl join insatser i on i.id = pl.insats_id
           where pl.signed_at is not null and i.end_reason = 'mal_uppnatt' and i.end_contradiction_note is null
           order by pl.insats_id, pl.version desc),
         latest as (
           select distinct on (f.insats_id, r->>'goalId') f.insats_id, r->>'goalId' as goal, r->>'attainment' as attainment
           from insats_follow_ups f, jsonb_array_elements(f.results) r where r->>'attainment' <> 'ej_bedomt'
           order by f.insats_id, r->>'goalId', f.done_on desc, f.created_at desc)
         select count(distinct plan.insats_id) from plan join latest on latest.insats_id = plan.insats_id
         where latest.attainment <> 'uppnatt'
           and exists (select 1 from jsonb_array_elements(plan.goals) g where g->>'id' = latest.goal)) as goals_contradicted_without_note`,
    );
    for (const [k, v] of Object.entries(broken)) expect(Number(v), k).toBe(0);
  });

  it("registers the demo handläggare as trained in SAVRY and EARL-20B, valid on the demo day", async () => {
    const rows = (
      await a.db.execute(sql`select t.instrument_key from instrument_trainings t join users u on u.id = t.user_id
        where u.username = 'handlaggare' and t.trained_on <= ${"2026-11-24"}::date and t.valid_until >= ${"2026-11-24"}::date`)
    ).rows as { instrument_key: string }[];
    expect(rows.map((r) => r.instrument_key).sort()).toEqual(["earl-20b", "savry"]);
    const states = await one<Record<string, string>>(
      a,
      sql`select count(*) filter (where valid_until < ${"2026-11-24"}::date) as expired,
        count(*) filter (where valid_until between ${"2026-11-24"}::date and ${"2026-11-24"}::date + 60) as expiring
        from instrument_trainings`,
    );
    for (const [k, v] of Object.entries(states)) expect(Number(v), k).toBeGreaterThan(0);
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
