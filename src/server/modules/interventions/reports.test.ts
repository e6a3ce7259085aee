import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ivoDueDate } from "../../../domain/interventions/rules";
import { auditLog, cases, insatser, insatsFollowUps, insatsPlans, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { pdfText } from "../../testing/pdf-text";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";
import { ivoNamndReport, ivoReport } from "./ivo.service";

let w: World;

beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

async function get(username: string, url: string) {
  return w.app.inject({ method: "GET", url, headers: { cookie: await w.login(username) } });
}

const caseOf = new Map<string, string>();
async function caseFor(personId: string, districtId: string) {
  const known = caseOf.get(personId);
  if (known) return known;
  const [c] = await w.database.db
    .insert(cases)
    .values({ personId, districtId, openedAt: new Date("2023-01-01T10:00:00Z") })
    .returning();
  caseOf.set(personId, c?.id as string);
  return c?.id as string;
}

async function youngPerson(target: "own" | "other", gender: string, birthDate: string, name: string) {
  const districtId = target === "own" ? w.own.id : w.other.id;
  const [p] = await w.database.db
    .insert(persons)
    .values({ personnummer: nextPersonnummer(), kind: "ung", firstName: name, lastName: "Test", gender, birthDate, districtId })
    .returning();
  return p?.id as string;
}

async function insats(
  target: "own" | "other",
  personId: string,
  d: {
    decidedOn: string;
    startedOn?: string;
    endedOn?: string;
    code?: string;
    legalForm?: string;
    reason?: string;
    note?: string;
  },
) {
  const f = target === "own" ? w.own : w.other;
  const entry = await catalogueEntry(w, d.code ?? "FFT");
  const [row] = await w.database.db
    .insert(insatser)
    .values({
      caseId: await caseFor(personId, f.id),
      personId,
      districtId: f.id,
      catalogueId: entry.id,
      legalForm: d.legalForm ?? "bistand",
      decidedOn: d.decidedOn,
      providerUnitId: f.providerUnitId,
      startedOn: d.startedOn ?? null,
      endedOn: d.endedOn ?? null,
      notStartedReason: d.reason ?? null,
      notStartedNote: d.note ?? null,
      createdBy: w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string,
    })
    .returning();
  return row?.id as string;
}

/** A signed plan (first signature on `signedOn`) with these follow-up dates; returns its id. */
async function plan(insatsId: string, signedOn: string, followUpDates: string[] = []) {
  const by = w.userIds["insatsutforare.b"] as string;
  const [p] = await w.database.db
    .insert(insatsPlans)
    .values({
      insatsId,
      version: 1,
      goals: [{ id: "g1", text: "Mål", measure: "Mått", followUpOn: followUpDates[0] ?? signedOn }],
      followUpDates,
      createdBy: by,
      signedBy: by,
      signedAt: new Date(`${signedOn}T10:00:00Z`),
    })
    .returning();
  return p?.id as string;
}

async function followUp(insatsId: string, planId: string, dueOn: string, doneOn: string, attainments: string[]) {
  await w.database.db.insert(insatsFollowUps).values({
    insatsId,
    planId,
    dueOn,
    doneOn,
    results: attainments.map((attainment, i) => ({ goalId: `g${i + 1}`, attainment, comment: "" })),
    nextStep: "Fortsätt",
    recordedBy: w.userIds["insatsutforare.b"] as string,
  });
}

/** Every cell of every sheet, as text. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join("\n");
}

describe("IVO: decisions not executed within three months, quarter 1 2024", () => {
  // Quarter 1 2024 is 2024-01-01 … 2024-03-31; 2024 is a leap year.
  const ids: Record<string, string> = {};
  let alva = "";
  let elias = "";
  beforeAll(async () => {
    alva = w.own.personId;
    elias = w.own.protectedPersonId;
    // F: decided long ago, never started: reported every quarter until executed.
    ids.F = await insats("own", alva, { decidedOn: "2023-06-01", reason: "vantelista", note: "Kö hos utföraren" });
    // K: due 2024-01-05, never started, ended (withdrawn) 2024-01-20: late within the quarter, listed.
    ids.K = await insats("own", alva, { decidedOn: "2023-10-05", endedOn: "2024-01-20", reason: "den_unge_tackar_nej" });
    // B: due 2024-01-15, started late on 2024-02-01, inside the quarter: listed with its start.
    ids.B = await insats("own", alva, { decidedOn: "2023-10-15", startedOn: "2024-02-01", reason: "resursbrist" });
    // A: 30 Nov + 3 months = 29 Feb (leap year), not started: listed.
    ids.A = await insats("own", alva, { decidedOn: "2023-11-30", reason: "resursbrist", note: "Ingen ledig plats" });
    // I: due 2024-03-15, started only after the quarter (2024-04-10): listed as not started.
    ids.I = await insats("own", elias, { decidedOn: "2023-12-15", startedOn: "2024-04-10" });
    // D: due on the quarter's last day and not started by its close: listed.
    ids.D = await insats("own", elias, { decidedOn: "2023-12-31" });
    // Not listed:
    // C: due 2024-03-01, started in time on 2024-02-20.
    ids.C = await insats("own", alva, { decidedOn: "2023-12-01", startedOn: "2024-02-20" });
    // E: due 2023-11-01, started late 2023-12-10: reported in quarter 4 2023.
    ids.E = await insats("own", alva, { decidedOn: "2023-08-01", startedOn: "2023-12-10" });
    // L: due 2023-12-01, never started, ended 2023-12-20: settled before the quarter.
    ids.L = await insats("own", alva, { decidedOn: "2023-09-01", endedOn: "2023-12-20" });
    // J: decided in the quarter, due 2024-04-10.
    ids.J = await insats("own", alva, { decidedOn: "2024-01-10" });
    // G: a serviceinsats has no decision to execute.
    ids.G = await insats("own", alva, { decidedOn: "2023-11-01", legalForm: "service" });
    // H: another district's decision.
    ids.H = await insats("other", w.other.personId, { decidedOn: "2023-11-30" });
  });

  it("computes the due date by calendar months, month ends included", () => {
    expect(ivoDueDate("2023-11-30")).toBe("2024-02-29");
    expect(ivoDueDate("2024-11-30")).toBe("2025-02-28");
    expect(ivoDueDate("2023-12-31")).toBe("2024-03-31");
  });

  it("lists exactly the decisions IVO must hear about, with personnummer, and audits each person", async () => {
    const before = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.userIds.kvalitet as string), eq(auditLog.action, "insats.ivo_report")));
    const res = await get("kvalitet", "/api/reports/ivo?year=2024&quarter=1");
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ year: 2024, quarter: 1, from: "2024-01-01", to: "2024-03-31", version: "ivo" });
    const [pa] = await w.database.db.select().from(persons).where(eq(persons.id, alva));
    const [pe] = await w.database.db.select().from(persons).where(eq(persons.id, elias));
    const common = { gender: expect.any(String), insatsName: expect.any(String), districtName: "Distrikt A" };
    expect(r.rows).toEqual([
      {
        ...common,
        insatsId: ids.F,
        caseId: expect.any(String),
        personnummer: pa?.personnummer,
        personName: "Alva AnderssonA",
        gender: "flicka",
        decidedOn: "2023-06-01",
        dueOn: "2023-09-01",
        startedOn: null,
        endedOn: null,
        reason: "Väntelista hos utföraren",
        note: "Kö hos utföraren",
      },
      {
        ...common,
        insatsId: ids.K,
        caseId: expect.any(String),
        personnummer: pa?.personnummer,
        personName: "Alva AnderssonA",
        decidedOn: "2023-10-05",
        dueOn: "2024-01-05",
        startedOn: null,
        endedOn: "2024-01-20",
        reason: "Den unge har tackat nej",
        note: null,
      },
      {
        ...common,
        insatsId: ids.B,
        caseId: expect.any(String),
        personnummer: pa?.personnummer,
        personName: "Alva AnderssonA",
        decidedOn: "2023-10-15",
        dueOn: "2024-01-15",
        startedOn: "2024-02-01",
        endedOn: null,
        reason: "Resursbrist hos nämnden",
        note: null,
      },
      {
        ...common,
        insatsId: ids.A,
        caseId: expect.any(String),
        personnummer: pa?.personnummer,
        personName: "Alva AnderssonA",
        decidedOn: "2023-11-30",
        dueOn: "2024-02-29",
        startedOn: null,
        endedOn: null,
        reason: "Resursbrist hos nämnden",
        note: "Ingen ledig plats",
      },
      {
        ...common,
        insatsId: ids.I,
        caseId: expect.any(String),
        personnummer: pe?.personnummer,
        personName: "Elias BergA",
        gender: "pojke",
        decidedOn: "2023-12-15",
        dueOn: "2024-03-15",
        startedOn: null,
        endedOn: null,
        reason: null,
        note: null,
      },
      {
        ...common,
        insatsId: ids.D,
        caseId: expect.any(String),
        personnummer: pe?.personnummer,
        personName: "Elias BergA",
        decidedOn: "2023-12-31",
        dueOn: "2024-03-31",
        startedOn: null,
        endedOn: null,
        reason: null,
        note: null,
      },
    ]);
    // One audit row per person listed.
    const after = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.userIds.kvalitet as string), eq(auditLog.action, "insats.ivo_report")));
    const added = after.filter((a) => !before.some((b) => b.id === a.id));
    expect(added.map((a) => a.personId).sort()).toEqual([alva, elias].sort());
    expect(added.find((a) => a.personId === elias)?.details).toMatchObject({ insatser: [ids.I, ids.D] });

    // The next quarter: B and K were settled in quarter 1; I was executed late in quarter 2.
    const q2 = (await get("kvalitet", "/api/reports/ivo?year=2024&quarter=2")).json();
    expect(q2.rows.map((x: { insatsId: string }) => x.insatsId)).toEqual([ids.F, ids.A, ids.I, ids.D, ids.J]);
    expect(q2.rows.find((x: { insatsId: string }) => x.insatsId === ids.I).startedOn).toBe("2024-04-10");
  });

  it("gives the nämnd counts only, all hidden for a quarter of six decisions, audited as one statistics read", async () => {
    const actor: Actor = {
      userId: w.userIds.analytiker as string,
      username: "analytiker",
      displayName: "Test analytiker",
      protectedIdentityAccess: false,
      assignments: [
        { role: "analytiker", unitId: w.own.unitId, unitName: "Utredning A", districtId: w.own.id, districtName: "Distrikt A" },
      ],
      requestId: crypto.randomUUID(),
      clientIp: "127.0.0.1",
    };
    const r = await ivoNamndReport(w.database, actor, { year: 2024, quarter: 1 }, new Date());
    expect(r).toMatchObject({ version: "namnd", from: "2024-01-01", to: "2024-03-31", districtIds: [w.own.id] });
    // Six listed decisions (F, K, B, A, I, D) are fewer than MIN_POPULATION: every figure hidden, never 0.
    expect(r.disclosure).toMatchObject({ protectedWhole: true, granularity: "calendar", minCount: 5 });
    const hidden = { listed: null, executedLate: null, notExecuted: null };
    expect(r.total).toEqual(hidden);
    expect(r.byDistrict).toEqual([{ districtId: w.own.id, districtName: "Distrikt A", ...hidden }]);
    for (const row of [...r.byInsats, ...r.byGender, ...r.byReason]) expect(row).toMatchObject(hidden);
    // No person, no dates of a decision, no free text, no ids of insatser or cases.
    const json = JSON.stringify(r);
    const [pa] = await w.database.db.select().from(persons).where(eq(persons.id, alva));
    for (const absent of [
      pa?.personnummer,
      "Alva",
      "Andersson",
      "Elias",
      "Kö hos utföraren",
      "Ingen ledig plats",
      "2024-02-29",
    ]) {
      expect(json).not.toContain(absent);
    }
    for (const id of Object.values(ids)) expect(json).not.toContain(id);
    const rows = await w.database.db.select().from(auditLog).where(eq(auditLog.userId, actor.userId));
    expect(rows.map((a) => [a.action, a.personId])).toEqual([["stats.ivo_namnd", null]]);
    // The IVO version needs ivo:read.
    await expect(ivoReport(w.database, actor, { year: 2024, quarter: 1 }, new Date())).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("exports both versions as PDF and XLSX; the analytiker gets only the nämnd version, without persons or notes", async () => {
    const [pa] = await w.database.db.select().from(persons).where(eq(persons.id, alva));
    const ivoPdf = await get("kvalitet", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=ivo");
    expect(ivoPdf.statusCode, ivoPdf.body).toBe(200);
    expect(ivoPdf.headers["content-type"]).toBe("application/pdf");
    expect(ivoPdf.headers["content-disposition"]).toBe('attachment; filename="ej-verkstallda-beslut-2024-kvartal-1-ivo.pdf"');
    expect(ivoPdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    expect(pdfText(ivoPdf.rawPayload)).toContain(pa?.personnummer);

    const ivoX = await get("kvalitet", "/api/reports/ivo/export?year=2024&quarter=1&format=xlsx&version=ivo");
    expect(ivoX.statusCode).toBe(200);
    expect(ivoX.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const ivoText = await xlsxText(ivoX.rawPayload);
    expect(ivoText).toContain("Ej verkställda beslut — kvartal 1 2024");
    expect(ivoText).toContain(pa?.personnummer);
    expect(ivoText).toContain("Kö hos utföraren");

    const namnd = await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=xlsx&version=namnd");
    expect(namnd.statusCode, namnd.body).toBe(200);
    expect(namnd.headers["content-disposition"]).toContain("ej-verkstallda-beslut-2024-kvartal-1-namnd.xlsx");
    const namndPdf = await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=namnd");
    expect(namndPdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    for (const text of [await xlsxText(namnd.rawPayload), pdfText(namndPdf.rawPayload)]) {
      expect(text).toContain("Per insats");
      expect(text).toContain("för få beslut");
      for (const absent of [
        pa?.personnummer,
        "Personnummer",
        "Alva",
        "Elias",
        "Kö hos utföraren",
        "Ingen ledig plats",
        "2024-02-29",
      ]) {
        expect(text).not.toContain(absent);
      }
    }

    expect((await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=ivo")).statusCode).toBe(404);
    expect((await get("analytiker", "/api/reports/ivo?year=2024&quarter=1")).statusCode).toBe(404);
    expect((await get("handlaggare", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=namnd")).statusCode).toBe(
      404,
    );
    expect((await get("handlaggare", "/api/reports/ivo/namnd?year=2024&quarter=1")).statusCode).toBe(404);
  });
});

describe("samlad bild, first half of 2025 in district B", () => {
  const period = "from=2025-01-01&to=2025-06-30";
  let fftId = "";
  beforeAll(async () => {
    fftId = (await catalogueEntry(w, "FFT")).id;
    // Six girls born 2009-05-01 (15–16 at their decisions) and two boys born 2012-01-15 (13).
    const g = [];
    for (let n = 1; n <= 6; n++) g.push(await youngPerson("other", "flicka", "2009-05-01", `Flicka${n}`));
    const b = [
      await youngPerson("other", "pojke", "2012-01-15", "Pojke1"),
      await youngPerson("other", "pojke", "2012-01-15", "Pojke2"),
    ];
    const [g1, g2, g3, g4, g5, g6] = g as [string, string, string, string, string, string];
    const [b1, b2] = b as [string, string];
    // decision → start (days), start → end (days), plan (due start + 14 days)
    const i1 = await insats("other", g1, { decidedOn: "2024-12-01", startedOn: "2025-01-10", endedOn: "2025-03-11" }); // 40, 60
    const p1 = await plan(i1, "2025-01-15", ["2025-02-10", "2025-03-10"]); // ok
    await followUp(i1, p1, "2025-02-10", "2025-02-10", ["uppnatt", "delvis"]);
    await followUp(i1, p1, "2025-03-10", "2025-03-08", ["uppnatt"]);
    const i2 = await insats("other", g2, { decidedOn: "2025-01-05", startedOn: "2025-01-25", endedOn: "2025-05-25" }); // 20, 120
    const p2 = await plan(i2, "2025-02-20", ["2025-03-20", "2025-05-20"]); // late (due 02-08)
    await followUp(i2, p2, "2025-03-20", "2025-03-25", ["ej_uppnatt"]); // late
    await followUp(i2, p2, "2025-05-20", "2025-05-18", ["uppnatt", "ej_bedomt"]);
    const i3 = await insats("other", g3, { decidedOn: "2025-02-01", startedOn: "2025-02-11", endedOn: "2025-04-11" }); // 10, 59
    const p3 = await plan(i3, "2025-02-12", ["2025-03-11"]); // ok
    await followUp(i3, p3, "2025-03-11", "2025-03-11", ["uppnatt"]);
    const i4 = await insats("other", g4, { decidedOn: "2025-02-10", startedOn: "2025-03-12", endedOn: "2025-06-10" }); // 30, 90
    await plan(i4, "2025-03-20", ["2025-05-12"]); // ok; the follow-up was never done
    const i5 = await insats("other", g5, { decidedOn: "2024-06-01", startedOn: "2024-07-01", endedOn: "2025-02-28" }); // —, 242
    const p5 = await plan(i5, "2024-07-05", ["2024-08-01"]);
    await followUp(i5, p5, "2024-08-01", "2024-08-01", ["uppnatt"]); // before the period
    const i6 = await insats("other", g6, { decidedOn: "2025-03-01", startedOn: "2025-03-15" }); // 14, ongoing
    const p6 = await plan(i6, "2025-03-20", ["2025-06-15", "2025-07-15"]); // ok
    await followUp(i6, p6, "2025-06-15", "2025-06-10", ["delvis"]);
    await insats("other", b1, { decidedOn: "2025-03-01", startedOn: "2025-03-31", endedOn: "2025-06-30" }); // 30, 91; no plan
    await insats("other", b2, { decidedOn: "2025-06-01", startedOn: "2025-06-25" }); // 24, ongoing; plan not yet due
    // The first girl also has an insats Socialstyrelsen advises against.
    const x = await insats("other", g1, {
      code: "SCARED_STRAIGHT",
      legalForm: "service",
      decidedOn: "2025-01-20",
      startedOn: "2025-02-01",
    }); // 12
    const px = await plan(x, "2025-02-05", ["2025-04-01"]); // ok
    await followUp(x, px, "2025-04-01", "2025-04-01", ["uppnatt"]);
    // Four more girls in FFT without a plan (decision → start 10, start → end 70), so that the
    // period holds more than MIN_POPULATION insatser and the groups enough for medians.
    for (let n = 7; n <= 10; n++) {
      const girl = await youngPerson("other", "flicka", "2009-05-01", `Flicka${n}`);
      await insats("other", girl, { decidedOn: "2025-04-01", startedOn: "2025-04-11", endedOn: "2025-06-20" });
    }
    // Not in the period: decided but never started, and one ended before it.
    await insats("other", b1, { decidedOn: "2025-05-01" });
    await insats("other", b2, { decidedOn: "2024-01-01", startedOn: "2024-02-01", endedOn: "2024-12-31" });
  });

  const none = {
    youngPeople: 0,
    started: 0,
    ongoing: 0,
    ended: 0,
    medianLengthDays: null,
    medianDaysDecisionToStart: null,
    meanDaysDecisionToStart: null,
    planInTimeShare: null,
    followUpInTimeShare: null,
    goalsReachedShare: null,
    advisedAgainst: 0,
  };

  /** A count as the disclosure module may publish it: within ±2 of the truth, never below 5. */
  const near = (shown: number | null, truth: number) => {
    expect(shown).not.toBeNull();
    expect(Math.abs((shown as number) - truth)).toBeLessThanOrEqual(2);
    expect(shown).toBeGreaterThanOrEqual(5);
  };
  /** A share computed from perturbed counts numerator/denominator (each within ±2). */
  const nearShare = (shown: number | null, num: number, den: number) => {
    expect(shown).not.toBeNull();
    expect(shown).toBeGreaterThanOrEqual((num - 2) / (den + 2) - 0.001);
    expect(shown).toBeLessThanOrEqual((num + 2) / (den - 2) + 0.001);
  };

  /**
   * A count beside a shown total that a small complement could be worked out from: hidden, or shown
   * (±2 of the truth, never below 5) only where the shown total minus it is no lone small count —
   * secondary suppression works on the perturbed values, so which of the two depends on the record keys.
   */
  const hiddenOrSafe = (shown: number | null, truth: number, total: number | null) => {
    if (shown === null) return;
    near(shown, truth);
    const rest = (total as number) - shown;
    expect(rest <= 0 || rest >= 5).toBe(true);
  };

  it("publishes every figure through the disclosure module: counts perturbed, 1–4 hidden, statistics only for large groups", async () => {
    const res = await get("kvalitet.b", `/api/reports/samlad-bild?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.disclosure).toEqual({
      method: "cell-key",
      minCount: 5,
      maxNoise: 2,
      minStatisticN: 10,
      granularity: "day",
      protectedWhole: false,
    });
    // 13 insatser of 12 young people run in the period. Started: all but g5 (12); ongoing at 30
    // June: g6, b2 and the advised-against one (3); ended: g1–g5, b1 and g7–g10 (10). Lengths 59 60
    // 70 70 70 70 90 91 120 242 → 70; decision → start 10 10 10 10 10 12 14 20 24 30 30 40 → 13,
    // mean 220/12. Plans settled by 30 June: 11 (b2 not due; b1 and g7–g10 missing), 5 in time.
    // Follow-ups due in the period: 8, 6 in time; goal results assessed: 8, 5 reached — both
    // hidden, as their complements (2 and 3) are 1–4.
    const all = s.total.all;
    near(all.youngPeople, 12);
    near(all.started, 12);
    expect(all.ongoing).toBeNull();
    near(all.ended, 10);
    expect(all.medianLengthDays).toBe(70);
    expect(all.medianDaysDecisionToStart).toBe(13);
    // The mean moves by at most half of one person's weight: spread 30 over 2 × 12.
    expect(Math.abs(all.meanDaysDecisionToStart - 220 / 12)).toBeLessThanOrEqual(30 / 24 + 0.05);
    nearShare(all.planInTimeShare, 5, 11);
    expect(all.followUpInTimeShare).toBeNull();
    expect(all.goalsReachedShare).toBeNull();
    expect(all.advisedAgainst).toBeNull();

    // Girls: 10 young people, 10 started, 9 ended — hidden by secondary suppression where all minus
    // girls would otherwise give the two boys away; ongoing 1 is hidden as any 1–4. 9 lengths are
    // too few for a median; their 10 decision → start days have a complement of 2 within all (the
    // boys), so no median or mean either. Plans: 5 of 10 in time, complement 5: shown.
    const girls = s.total.flicka;
    hiddenOrSafe(girls.youngPeople, 10, all.youngPeople);
    hiddenOrSafe(girls.started, 10, all.started);
    expect(girls.ongoing).toBeNull();
    hiddenOrSafe(girls.ended, 9, all.ended);
    expect([girls.medianLengthDays, girls.medianDaysDecisionToStart, girls.meanDaysDecisionToStart]).toEqual([null, null, null]);
    nearShare(girls.planInTimeShare, 5, 10);
    // Two boys: every count is 1–4 and hidden, so is every figure built on them.
    const boys = { ...none, youngPeople: null, started: null, ongoing: null, ended: null };
    expect(s.total.pojke).toEqual(boys);
    expect(s.total.other).toEqual(none);
    expect(s.total.byAgeGroup[2]).toEqual({ ageGroup: "12-14", ...boys });
    hiddenOrSafe(s.total.byAgeGroup[3].started, 10, all.started); // the girls again
    for (const i of [0, 1, 4, 5]) expect(s.total.byAgeGroup[i]).toEqual({ ageGroup: s.total.byAgeGroup[i].ageGroup, ...none });

    // FFT: 11 started (hidden: the total minus them would give the advised-against one away), 10
    // ended — the same insatser as the total's ended, so the same published value; its 11
    // decision → start days have a complement of 1 within the total: no median.
    const fft = s.byInsats.find((e: { code: string }) => e.code === "FFT");
    hiddenOrSafe(fft.all.started, 11, all.started);
    expect(fft.all.ended).toBe(all.ended);
    expect(fft.all.medianLengthDays).toBe(70);
    expect(fft.all.medianDaysDecisionToStart).toBeNull();
    const scared = s.byInsats.find((e: { code: string }) => e.code === "SCARED_STRAIGHT");
    expect(scared.evidenceStatus).toBe("avrads");
    expect(scared.all).toEqual({ ...boys, ended: 0, advisedAgainst: null });
    expect(s.byInsats).toHaveLength(2);

    // Filtered to FFT, nothing else is left beside it: decision → start 10 10 10 10 10 14 20 24 30
    // 30 40 → 14; its ended are the same records as before, so the same published count.
    const only = (await get("kvalitet.b", `/api/reports/samlad-bild?${period}&catalogueId=${fftId}`)).json();
    expect(only.total.all.medianDaysDecisionToStart).toBe(14);
    expect(only.total.all.ended).toBe(all.ended);
    near(only.total.all.started, 11);
    expect(only.byInsats).toHaveLength(1);
  });

  it("protects the whole report when the filter leaves fewer than 10 insatser, and says so", async () => {
    // One provider unit's or one month's insatser: January holds i1, i2, i5 (and x from February is out).
    const res = await get("kvalitet.b", "/api/reports/samlad-bild?from=2025-01-01&to=2025-01-31");
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.disclosure.protectedWhole).toBe(true);
    const hidden = { ...none, youngPeople: null, started: null, ongoing: null, ended: null, advisedAgainst: null };
    expect(s.total.all).toEqual(hidden);
    expect(s.total.flicka).toEqual(hidden);
  });

  it("gives an aggregate-only role whole calendar months only", async () => {
    const days = await get("analytiker.b", "/api/reports/samlad-bild?from=2025-01-02&to=2025-06-30");
    expect(days.statusCode).toBe(400);
    expect(days.json().error.code).toBe("period_too_fine");
    expect(days.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["querystring.from", "querystring.to"]);
    const months = await get("analytiker.b", `/api/reports/samlad-bild?${period}`);
    expect(months.statusCode).toBe(200);
    expect(months.json().disclosure.granularity).toBe("calendar");
    // The same records give the same published figures, whoever asks.
    const staff = (await get("kvalitet.b", `/api/reports/samlad-bild?${period}`)).json();
    expect(months.json().total).toEqual(staff.total);
  });

  it("keeps to the user's districts and exports PDF and XLSX", async () => {
    // District A's kvalitet sees A's figures only: none of B's twelve started, at most a hidden few of its own.
    const own = (await get("kvalitet", `/api/reports/samlad-bild?${period}`)).json();
    expect(own.districtIds).toEqual([w.own.id]);
    expect([0, null]).toContain(own.total.all.started);
    const foreign = await get("kvalitet", `/api/reports/samlad-bild?${period}&districtId=${w.other.id}`);
    expect(foreign.statusCode).toBe(400);
    expect((await get("handlaggare.b", `/api/reports/samlad-bild?${period}`)).statusCode).toBe(404);

    const pdf = await get("analytiker.b", `/api/reports/samlad-bild/export?${period}&format=pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-disposition"]).toBe('attachment; filename="samlad-bild-insatser-2025-01-01-2025-06-30.pdf"');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const xlsx = await get("analytiker.b", `/api/reports/samlad-bild/export?${period}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const text = await xlsxText(xlsx.rawPayload);
    expect(text).toContain("Samlad bild av insatser 2025-01-01–2025-06-30");
    expect(text).toContain("Medel beslut–start (dagar)");
    expect(text).toContain("cellnyckelmetoden");
    // Aggregates only: no name of any young person in the period.
    expect(text).not.toMatch(/Flicka\d|Pojke\d/);
  });
});
