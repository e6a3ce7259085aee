import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ivoDueDate } from "../../../domain/interventions/rules";
import { auditLog, cases, insatser, insatsFollowUps, insatsPlans, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";
import { ivoReport } from "./ivo.service";

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

  it("gives the nämnd version without personnummer or name, audited as one statistics read", async () => {
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
    const r = await ivoReport(w.database, actor, { year: 2024, quarter: 1 }, "namnd", new Date());
    expect(r.version).toBe("namnd");
    expect(r.rows.map((x) => x.insatsId)).toEqual([ids.F, ids.K, ids.B, ids.A, ids.I, ids.D]);
    for (const row of r.rows) {
      expect(row).not.toHaveProperty("personnummer");
      expect(row).not.toHaveProperty("personName");
    }
    const rows = await w.database.db.select().from(auditLog).where(eq(auditLog.userId, actor.userId));
    expect(rows.map((a) => [a.action, a.personId])).toEqual([["stats.ivo_namnd", null]]);
    // The IVO version needs ivo:read.
    await expect(ivoReport(w.database, actor, { year: 2024, quarter: 1 }, "ivo", new Date())).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("exports both versions as PDF and XLSX; the analytiker gets only the nämnd version", async () => {
    const [pa] = await w.database.db.select().from(persons).where(eq(persons.id, alva));
    const ivoPdf = await get("kvalitet", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=ivo");
    expect(ivoPdf.statusCode, ivoPdf.body).toBe(200);
    expect(ivoPdf.headers["content-type"]).toBe("application/pdf");
    expect(ivoPdf.headers["content-disposition"]).toBe('attachment; filename="ej-verkstallda-beslut-2024-kvartal-1-ivo.pdf"');
    expect(ivoPdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");

    const ivoX = await get("kvalitet", "/api/reports/ivo/export?year=2024&quarter=1&format=xlsx&version=ivo");
    expect(ivoX.statusCode).toBe(200);
    expect(ivoX.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const ivoText = await xlsxText(ivoX.rawPayload);
    expect(ivoText).toContain("Ej verkställda beslut — kvartal 1 2024");
    expect(ivoText).toContain(pa?.personnummer);

    const namnd = await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=xlsx&version=namnd");
    expect(namnd.statusCode, namnd.body).toBe(200);
    expect(namnd.headers["content-disposition"]).toContain("ej-verkstallda-beslut-2024-kvartal-1-namnd.xlsx");
    const text = await xlsxText(namnd.rawPayload);
    expect(text).toContain("2024-02-29");
    expect(text).not.toContain(pa?.personnummer);
    expect(text).not.toContain("Personnummer");
    expect(text).not.toContain("Alva");
    const namndPdf = await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=namnd");
    expect(namndPdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");

    expect((await get("analytiker", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=ivo")).statusCode).toBe(404);
    expect((await get("analytiker", "/api/reports/ivo?year=2024&quarter=1")).statusCode).toBe(404);
    expect((await get("handlaggare", "/api/reports/ivo/export?year=2024&quarter=1&format=pdf&version=namnd")).statusCode).toBe(
      404,
    );
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
    planInTimeShare: null,
    followUpInTimeShare: null,
    goalsReachedShare: null,
    advisedAgainst: 0,
  };

  it("counts, medians and shares as computed by hand, with cells of 1–4 suppressed", async () => {
    const res = await get("kvalitet.b", `/api/reports/samlad-bild?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    // 9 insatser of 8 young people run in the period. Started: all but g5 (8); ongoing at 30 June:
    // g6, b2 and the advised-against one (3); ended: g1–g5 and b1 (6). Lengths 59 60 90 91 120 242
    // → 90.5; decision → start 10 12 14 20 24 30 30 40 → 22. Plans settled by 30 June: 7 (b2 not
    // due), 5 in time. Follow-ups due in the period: 8 (g6's July date is outside), 6 in time (g2's
    // March one late, g4's never done). Goal results assessed at follow-ups in the period: 8, 5 reached.
    expect(s.total.all).toEqual({
      youngPeople: 8,
      started: 8,
      ongoing: null,
      ended: 6,
      medianLengthDays: 90.5,
      medianDaysDecisionToStart: 22,
      planInTimeShare: 5 / 7,
      followUpInTimeShare: 6 / 8,
      goalsReachedShare: 5 / 8,
      advisedAgainst: null,
    });
    // Girls: lengths 59 60 90 120 242 → 90; decision → start 10 12 14 20 30 40 → 17; plans 5 of 6.
    // Their counts (6 young people, 6 started, 5 ended) are hidden as well: with the total shown and
    // no "other", all minus girls would give the two boys away (secondary suppression).
    const girls = {
      youngPeople: null,
      started: null,
      ongoing: null,
      ended: null,
      medianLengthDays: 90,
      medianDaysDecisionToStart: 17,
      planInTimeShare: 5 / 6,
      followUpInTimeShare: 6 / 8,
      goalsReachedShare: 5 / 8,
      advisedAgainst: null,
    };
    expect(s.total.flicka).toEqual(girls);
    // Two boys: every count is 1–4 and hidden, so are the medians and shares built on them.
    const boys = {
      youngPeople: null,
      started: null,
      ongoing: null,
      ended: null,
      medianLengthDays: null,
      medianDaysDecisionToStart: null,
      planInTimeShare: null,
      followUpInTimeShare: null,
      goalsReachedShare: null,
      advisedAgainst: 0,
    };
    expect(s.total.pojke).toEqual(boys);
    expect(s.total.other).toEqual(none);
    expect(s.total.byAgeGroup).toEqual([
      { ageGroup: "0-5", ...none },
      { ageGroup: "6-11", ...none },
      { ageGroup: "12-14", ...boys },
      { ageGroup: "15-17", ...girls },
      { ageGroup: "18-20", ...none },
      { ageGroup: "21+", ...none },
    ]);

    // FFT alone: 8 young people, 7 started (decision → start 10 14 20 24 30 30 40 → 24), 2 ongoing,
    // 6 ended; plans 4 of 6 (hidden: 4), follow-ups 5 of 7, goals 4 of 7 (hidden). Its 7 started
    // are hidden too: the total's 8 minus them would give the advised-against one away.
    const fft = s.byInsats.find((e: { code: string }) => e.code === "FFT");
    expect(fft.all).toEqual({
      youngPeople: 8,
      started: null,
      ongoing: null,
      ended: 6,
      medianLengthDays: 90.5,
      medianDaysDecisionToStart: 24,
      planInTimeShare: null,
      followUpInTimeShare: 5 / 7,
      goalsReachedShare: null,
      advisedAgainst: 0,
    });
    const scared = s.byInsats.find((e: { code: string }) => e.code === "SCARED_STRAIGHT");
    expect(scared.evidenceStatus).toBe("avrads");
    expect(scared.all).toEqual({ ...boys, ended: 0, advisedAgainst: null });
    expect(s.byInsats).toHaveLength(2);

    // Filtered to FFT, the total is FFT's row, with nothing else left to protect it from.
    const only = (await get("kvalitet.b", `/api/reports/samlad-bild?${period}&catalogueId=${fftId}`)).json();
    expect(only.total.all).toEqual({ ...fft.all, started: 7 });
    expect(only.byInsats).toHaveLength(1);
  });

  it("keeps to the user's districts and exports PDF and XLSX", async () => {
    const own = (await get("kvalitet", `/api/reports/samlad-bild?${period}`)).json();
    expect(own.total.all.started).toBe(0);
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
    expect(text).toContain("90.5");
  });
});
