import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileReview } from "../../../contracts/file-reviews";
import { cases, insatsAvailability, insatser, persons } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { expectHiddenOrSafe, expectPublished } from "../../testing/disclosure-expect";
import { seedInvestigationFile } from "../../testing/file-review-fixtures";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

/*
 * The young-offender catalogue kinds through the reports' APIs: the samlad bild and the effect report
 * filtered by legal form (LVU, påföljd), and the four LVU criteria of a file review over investigations
 * whose cases carry LVU processes recorded through the LVU API. Figures pass the disclosure module's
 * random noise, so they are asserted by its rule, never as one perturbed value.
 */

/** Tuesday 15 October 2024, 10:00 in Stockholm: after every step below. */
const nowMs = Date.parse("2024-10-15T10:00:00+02:00");
let w: World;

beforeAll(async () => {
  w = await createWorld({ clock: () => new Date(nowMs) });
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  const json = res.headers["content-type"]?.toString().startsWith("application/json");
  return { status: res.statusCode, body: json ? res.json() : null, res };
}

/** A young person of the own district with one insats of `code`, started and ended in 2024. */
async function endedInsats(code: string, legalForm: string, k: number) {
  const f = w.own;
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: `${code}${k}`,
      lastName: "Test",
      gender: k % 2 === 0 ? "pojke" : "flicka",
      birthDate: "2008-05-01",
      districtId: f.id,
    })
    .returning();
  const [c] = await w.database.db
    .insert(cases)
    .values({ personId: p?.id as string, districtId: f.id, openedAt: new Date("2024-01-10T10:00:00Z") })
    .returning();
  const entry = await catalogueEntry(w, code);
  await w.database.db.insert(insatser).values({
    caseId: c?.id as string,
    personId: p?.id as string,
    districtId: f.id,
    catalogueId: entry.id,
    legalForm,
    decidedOn: "2024-02-01",
    providerUnitId: f.providerUnitId,
    startedOn: "2024-02-05",
    endedOn: "2024-05-20",
    createdBy: w.userIds.handlaggare as string,
  });
}

/** How many of each legal form were seeded: LVU and bistånd above the smallest shown count, påföljd below it. */
const SEEDED = { lvu: 8, pafoljd: 3, bistand: 6 };

describe("the samlad bild and the effect report filtered by legal form", () => {
  beforeAll(async () => {
    for (let k = 0; k < SEEDED.lvu; k++) await endedInsats(k % 2 === 0 ? "LVU_HVB" : "LVU_SIS", "lvu", k);
    for (let k = 0; k < SEEDED.pafoljd; k++) await endedInsats("UNGDOMSVARD", "pafoljd", k);
    for (let k = 0; k < SEEDED.bistand; k++) await endedInsats("FFT", "bistand", k);
  });
  const period = "from=2024-01-01&to=2024-12-31";

  it("the samlad bild counts only the insatser of the legal form asked for, and says which", async () => {
    const lvu = await call("enhetschef", "GET", `/api/reports/samlad-bild?${period}&legalForm=lvu`);
    expect(lvu.status, JSON.stringify(lvu.body)).toBe(200);
    expect(lvu.body.legalForm).toBe("lvu");
    expectPublished(lvu.body.total.all.started, SEEDED.lvu);
    expectPublished(lvu.body.total.all.ended, SEEDED.lvu);
    for (const row of lvu.body.byInsats as { code: string; all: { started: number | null } }[]) {
      if (!row.code.startsWith("LVU_")) expect(row.all.started ?? 0).toBe(0);
    }
    const pafoljd = await call("enhetschef", "GET", `/api/reports/samlad-bild?${period}&legalForm=pafoljd`);
    expect(pafoljd.body.legalForm).toBe("pafoljd");
    // Three young people: a count of 1–4 is never shown.
    expectPublished(pafoljd.body.total.all.started, SEEDED.pafoljd);
    const all = await call("enhetschef", "GET", `/api/reports/samlad-bild?${period}`);
    expect(all.body.legalForm).toBeNull();
    expectPublished(all.body.total.all.started, SEEDED.lvu + SEEDED.pafoljd + SEEDED.bistand);
  });

  it("the samlad bild's export carries the legal form; an unknown one is refused (400)", async () => {
    const xlsx = await call("enhetschef", "GET", `/api/reports/samlad-bild/export?${period}&legalForm=lvu&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const bad = await call("enhetschef", "GET", `/api/reports/samlad-bild?${period}&legalForm=sol`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain("querystring.legalForm");
  });

  it("the effect report counts only the ended insatser of the legal form asked for", async () => {
    const lvu = await call("enhetschef", "GET", `/api/reports/effects?${period}&legalForm=lvu`);
    expect(lvu.status, JSON.stringify(lvu.body)).toBe(200);
    expect(lvu.body.legalForm).toBe("lvu");
    const outcomes = lvu.body.total.all.outcomes;
    expectPublished(outcomes.ended, SEEDED.lvu);
    // None of them has an end rating: all are missing, shown only where no small complement follows.
    expectHiddenOrSafe(outcomes.withoutEndRating, SEEDED.lvu, outcomes.ended);
    const pafoljd = await call("enhetschef", "GET", `/api/reports/effects?${period}&legalForm=pafoljd`);
    expectPublished(pafoljd.body.total.all.outcomes.ended, SEEDED.pafoljd);
    const all = await call("enhetschef", "GET", `/api/reports/effects?${period}`);
    expect(all.body.legalForm).toBeNull();
    expectPublished(all.body.total.all.outcomes.ended, SEEDED.lvu + SEEDED.pafoljd + SEEDED.bistand);
    const bad = await call("enhetschef", "GET", `/api/reports/effects?${period}&legalForm=sol`);
    expect(bad.status).toBe(400);
  });
});

describe("a file review of investigations with LVU processes", () => {
  const namnd = { kind: "namnd", paragraph: "§ 12" };
  const chair = { kind: "ordforande", memberName: "Eva Ordförande" };
  const files: Record<string, Awaited<ReturnType<typeof seedInvestigationFile>>> = {};

  /** Opens a 3 § process on the file's case and records the steps in order, each answered 201. */
  async function lvuProcess(caseId: string, steps: object[]) {
    const open = await call("handlaggare", "POST", `/api/cases/${caseId}/lvu`, {
      grounds: ["3"],
      behaviours: ["brottslig_verksamhet"],
    });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    for (const step of steps) {
      const r = await call("handlaggare", "POST", `/api/lvu/${open.body.id}/steps`, step);
      expect(r.status, `${JSON.stringify(step)} → ${JSON.stringify(r.body)}`).toBe(201);
    }
  }

  beforeAll(async () => {
    // Everything in time, by the nämnd: omhändertagen, underställd, application, judgment, care, prövning.
    files.inTime = await seedInvestigationFile(w, "own", {
      receivedAt: new Date("2024-02-01T08:00:00Z"),
      completedAfterDays: null,
      lastName: "Itid",
    });
    await lvuProcess(files.inTime.caseId, [
      { kind: "omedelbart_beslut", decidedAt: "2024-02-05T16:00:00+01:00", maker: namnd, reason: "Allvarlig brottslighet" },
      { kind: "verkstallt", on: "2024-02-05" },
      { kind: "understalld", on: "2024-02-07" },
      { kind: "ansokan", decidedAt: "2024-02-20T10:00:00+01:00", maker: namnd, submittedOn: "2024-02-20", reason: "Vård behövs" },
      { kind: "dom", on: "2024-03-10", outcome: "bifall", grounds: ["3"] },
      { kind: "vard_paborjad", on: "2024-03-10" },
      { kind: "overvagande", decidedAt: "2024-09-02T10:00:00+02:00", maker: namnd, form: "provning", outcome: "fortsatt" },
    ]);
    // Underställd after its week (Friday 1 March: due Friday 8 March, underställd Monday 11 March).
    files.late = await seedInvestigationFile(w, "own", {
      receivedAt: new Date("2024-02-26T08:00:00Z"),
      completedAfterDays: null,
      lastName: "Sen",
    });
    await lvuProcess(files.late.caseId, [
      { kind: "omedelbart_beslut", decidedAt: "2024-03-01T16:00:00+01:00", maker: namnd, reason: "Allvarlig brottslighet" },
      { kind: "understalld", on: "2024-03-11" },
    ]);
    // The chair's urgent decision never reported to the nämnd, which then met and applied for care.
    files.unreported = await seedInvestigationFile(w, "own", {
      receivedAt: new Date("2024-03-28T08:00:00Z"),
      completedAfterDays: null,
      lastName: "Oanmald",
    });
    await lvuProcess(files.unreported.caseId, [
      { kind: "omedelbart_beslut", decidedAt: "2024-04-02T18:00:00+02:00", maker: chair, reason: "Akut fara" },
      { kind: "verkstallt", on: "2024-04-02" },
      { kind: "understalld", on: "2024-04-04" },
      { kind: "ansokan", decidedAt: "2024-04-16T10:00:00+02:00", maker: namnd, submittedOn: "2024-04-16", reason: "Vård behövs" },
    ]);
    // No LVU process at all.
    files.none = await seedInvestigationFile(w, "own", { receivedAt: new Date("2024-05-06T08:00:00Z"), lastName: "Utan" });
  });

  it("gives the four LVU criteria met / not met from the recorded steps, not applicable without a process", async () => {
    const r = await call("kvalitet", "POST", "/api/file-reviews", {
      districtIds: [w.own.id],
      from: "2024-01-01",
      to: "2024-06-30",
      kind: "utredningar",
      sampleSize: 50,
      seed: 24,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const review = r.body as FileReview;
    const verdicts = (file: keyof typeof files) => {
      const item = review.items.find((i) => i.recordId === files[file]?.investigationId);
      expect(item, `file ${file} in the sample`).toBeDefined();
      return Object.fromEntries((item?.verdicts ?? []).filter((v) => v.code.startsWith("lvu_")).map((v) => [v.code, v.verdict]));
    };
    expect(verdicts("inTime")).toEqual({
      lvu_understallning: "met",
      lvu_ansokan: "met",
      lvu_overvagande: "met",
      lvu_beslutsfattare: "met",
    });
    expect(verdicts("late")).toMatchObject({ lvu_understallning: "not_met", lvu_beslutsfattare: "met" });
    expect(verdicts("unreported")).toMatchObject({
      lvu_understallning: "met",
      lvu_ansokan: "met",
      lvu_beslutsfattare: "not_met",
    });
    expect(verdicts("none")).toEqual({
      lvu_understallning: "not_applicable",
      lvu_ansokan: "not_applicable",
      lvu_overvagande: "not_applicable",
      lvu_beslutsfattare: "not_applicable",
    });
    // Each LVU verdict cites the law it rests on.
    const item = review.items.find((i) => i.recordId === files.late?.investigationId);
    const understallning = item?.verdicts.find((v) => v.code === "lvu_understallning");
    expect(JSON.stringify(understallning)).toContain("LVU");
  });
});

describe("giving an LVU or påföljd insats asks for the day of its decision or judgment", () => {
  it("refuses one without the day (400, body.decidedOn, nothing written) and keeps the day given", async () => {
    const { caseId } = await seedCase(w, "own", "investigated");
    const give = async (code: string, decidedOn?: string) => {
      const entry = await catalogueEntry(w, code);
      await w.database.db
        .insert(insatsAvailability)
        .values({ catalogueId: entry.id, districtId: w.own.id })
        .onConflictDoNothing();
      return call("handlaggare", "POST", `/api/cases/${caseId}/insatser`, {
        catalogueId: entry.id,
        providerUnitId: w.own.providerUnitId,
        ...(decidedOn ? { decidedOn } : {}),
        // On this world's clock the young person is 13, under ungdomstjänst's target ages (insats-guards.test.ts).
        ageOutsideReason: "Testfall om beslutsdagen",
      });
    };
    const count = async () => (await w.database.db.select().from(insatser).where(eq(insatser.caseId, caseId))).length;
    for (const code of ["LVU_HVB", "UNGDOMSTJANST"]) {
      const refused = await give(code);
      expect(refused.status, code).toBe(400);
      expect(refused.body.error).toMatchObject({ code: "decided_on_required", fields: [{ path: "body.decidedOn" }] });
    }
    expect(await count()).toBe(0);
    const lvu = await give("LVU_HVB", "2024-09-30");
    expect(lvu.status, JSON.stringify(lvu.body)).toBe(201);
    const pafoljd = await give("UNGDOMSTJANST", "2024-10-01");
    expect(pafoljd.status, JSON.stringify(pafoljd.body)).toBe(201);
    const rows = await w.database.db.select().from(insatser).where(eq(insatser.caseId, caseId));
    expect(rows.map((r) => [r.legalForm, r.decidedOn]).sort()).toEqual([
      ["lvu", "2024-09-30"],
      ["pafoljd", "2024-10-01"],
    ]);
    expect((await give("LVU_SIS", "2024-10-16")).body.error.code).toBe("future_date");
  });
});
