import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, insatser, persons } from "../../db/schema/index";
import { expectPublished } from "../../testing/disclosure-expect";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { pdfText } from "../../testing/pdf-text";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";
import { type IvoNamndItem, ivoNamndFigures } from "./ivo.service";

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

async function xlsxText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join("\n");
}

type Counts = { listed: number | null; executedLate: number | null; notExecuted: number | null };
function expectCounts(c: Counts, listed: number, executedLate: number) {
  expectPublished(c.listed, listed);
  expectPublished(c.executedLate, executedLate);
  expectPublished(c.notExecuted, listed - executedLate);
}

// A personnummer-like marker and a name that staff wrote into the free-text note.
const NOTE_MARKER = "20100101-1234";
const NOTE_NAME = "Zätalina Markörsson";

async function decision(
  target: "own" | "other",
  d: { gender: string; code: string; decidedOn: string; startedOn?: string; reason?: string; note?: string },
) {
  const f = target === "own" ? w.own : w.other;
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: "Zätalina",
      lastName: "Markörsson",
      gender: d.gender,
      birthDate: "2011-01-01",
      districtId: f.id,
    })
    .returning();
  const [c] = await w.database.db
    .insert(cases)
    .values({ personId: p?.id as string, districtId: f.id, openedAt: new Date("2024-06-01T10:00:00Z") })
    .returning();
  await w.database.db.insert(insatser).values({
    caseId: c?.id as string,
    personId: p?.id as string,
    districtId: f.id,
    catalogueId: (await catalogueEntry(w, d.code)).id,
    legalForm: "bistand",
    decidedOn: d.decidedOn,
    providerUnitId: f.providerUnitId,
    startedOn: d.startedOn ?? null,
    notStartedReason: d.reason ?? null,
    notStartedNote: d.note ?? null,
    createdBy: w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string,
  });
  return p?.personnummer as string;
}

describe("IVO nämnd version: counts of the decisions not executed within three months, quarter 1 2025", () => {
  // Quarter 1 2025: 2025-01-01 … 2025-03-31. Decided 2024-09-15, due 2024-12-15.
  const personnummer: string[] = [];
  beforeAll(async () => {
    const late = { decidedOn: "2024-09-15", startedOn: "2025-02-10" };
    const open = { decidedOn: "2024-09-15" };
    const note = `Mamman till ${NOTE_NAME} (${NOTE_MARKER}) har inte svarat`;
    const specs = [
      // Ten not executed: FFT for the first seven, MST for the rest; girls the first six.
      ...Array.from({ length: 6 }, (_, i) => ({
        ...open,
        gender: "flicka",
        code: "FFT",
        reason: "resursbrist",
        note: i === 0 ? note : undefined,
      })),
      { ...open, gender: "pojke", code: "FFT", reason: "vantelista", note },
      { ...open, gender: "pojke", code: "MST", reason: "vantelista" },
      { ...open, gender: "pojke", code: "MST", reason: "vardnadshavare_tackar_nej", note },
      { ...open, gender: "pojke", code: "MST", reason: "vardnadshavare_tackar_nej" },
      // Six executed late in the quarter, no reason recorded: FFT for four, girls the first three.
      ...Array.from({ length: 6 }, (_, i) => ({ ...late, gender: i < 3 ? "flicka" : "pojke", code: i < 4 ? "FFT" : "MST" })),
      // Not listed: executed in time.
      { decidedOn: "2024-12-01", startedOn: "2025-01-10", gender: "flicka", code: "FFT", note },
      { decidedOn: "2024-12-01", startedOn: "2025-01-10", gender: "pojke", code: "MST" },
    ];
    for (const s of specs) personnummer.push(await decision("own", s));
    // District B: three decisions, too few to publish anything from.
    for (let i = 0; i < 3; i++) await decision("other", { ...open, gender: "flicka", code: "FFT", note });
  });

  it("publishes every count by the disclosure rules: 0 shown, 1–4 hidden, others within ±2", async () => {
    const res = await get("analytiker", "/api/reports/ivo/namnd?year=2025&quarter=1");
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ version: "namnd", from: "2025-01-01", to: "2025-03-31", districtIds: [w.own.id] });
    expect(r.disclosure).toEqual({
      method: "cell-key",
      minCount: 5,
      maxNoise: 2,
      minStatisticN: 10,
      granularity: "calendar",
      protectedWhole: false,
    });
    // The total has shown parts in every sum, so it is shown.
    expect(r.total.listed).not.toBeNull();
    expectCounts(r.total, 16, 6);
    // The district holds the same decisions as the total: the same cell keys, the same figures.
    expect(r.byDistrict).toEqual([{ districtId: w.own.id, districtName: "Distrikt A", ...r.total }]);
    expect(r.byInsats.map((e: { code: string }) => e.code).sort()).toEqual(["FFT", "MST"]);
    const insats = (code: string) => r.byInsats.find((e: { code: string }) => e.code === code);
    expectCounts(insats("FFT"), 11, 4);
    expectCounts(insats("MST"), 5, 2);
    const gender = (g: string) => r.byGender.find((e: { gender: string }) => e.gender === g);
    expectCounts(gender("flicka"), 9, 3);
    expectCounts(gender("pojke"), 7, 3);
    expect(gender("other")).toEqual({ gender: "other", listed: 0, executedLate: 0, notExecuted: 0 });
    const reason = (x: string) => r.byReason.find((e: { reason: string }) => e.reason === x);
    expectCounts(reason("resursbrist"), 6, 0);
    expectCounts(reason("vantelista"), 2, 0);
    expectCounts(reason("vardnadshavare_tackar_nej"), 2, 0);
    expect(reason("ovrigt")).toEqual({ reason: "ovrigt", listed: 0, executedLate: 0, notExecuted: 0 });
    expectCounts(reason("none"), 6, 6);

    // Asking again teaches nothing: the same records get the same perturbation.
    const again = (await get("analytiker", "/api/reports/ivo/namnd?year=2025&quarter=1")).json();
    expect({ ...again, generatedAt: r.generatedAt }).toEqual(r);
  });

  it("hides everything for a quarter with fewer than 10 decisions, and shows an empty quarter as 0", async () => {
    const few = (await get("kvalitet.b", "/api/reports/ivo/namnd?year=2025&quarter=1")).json();
    expect(few.disclosure.protectedWhole).toBe(true);
    expect(few.total).toEqual({ listed: null, executedLate: null, notExecuted: null });
    expect(few.byGender.find((g: { gender: string }) => g.gender === "pojke")).toMatchObject({ listed: null });

    const none = (await get("analytiker", "/api/reports/ivo/namnd?year=2020&quarter=1")).json();
    expect(none.disclosure.protectedWhole).toBe(false);
    expect(none.total).toEqual({ listed: 0, executedLate: 0, notExecuted: 0 });
    expect(none.byInsats).toEqual([]);

    const outside = await get("analytiker", `/api/reports/ivo/namnd?year=2025&quarter=1&districtId=${w.other.id}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe("district_not_in_scope");
  });

  it("gives the analytiker no name, personnummer, note or date of a decision in JSON, XLSX or PDF", async () => {
    const json = (await get("analytiker", "/api/reports/ivo/namnd?year=2025&quarter=1")).body;
    const xlsx = await get("analytiker", "/api/reports/ivo/export?year=2025&quarter=1&format=xlsx&version=namnd");
    const pdf = await get("analytiker", "/api/reports/ivo/export?year=2025&quarter=1&format=pdf&version=namnd");
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const texts = { json, xlsx: await xlsxText(xlsx.rawPayload), pdf: pdfText(pdf.rawPayload) };
    // The exports say what they are (so the absences below are not those of an empty file).
    for (const text of [texts.xlsx, texts.pdf]) {
      expect(text).toContain("Ej verkställda beslut — kvartal 1 2025");
      expect(text).toContain("Per skäl");
      expect(text).toContain("Väntelista hos utföraren");
    }
    for (const [format, text] of Object.entries(texts)) {
      for (const absent of [
        NOTE_MARKER,
        "Zätalina",
        "Markörsson",
        "har inte svarat",
        "2024-09-15",
        "2024-12-15",
        "2025-02-10",
        ...personnummer,
      ]) {
        expect(text, `${format} holds ${absent}`).not.toContain(absent);
      }
    }
    // The IVO version keeps the list, with personnummer and the note, for ivo:read.
    const ivo = await get("kvalitet", "/api/reports/ivo/export?year=2025&quarter=1&format=xlsx&version=ivo");
    const ivoText = await xlsxText(ivo.rawPayload);
    expect(ivoText).toContain(NOTE_MARKER);
    expect(ivoText).toContain(personnummer[0]);
  });
});

describe("ivoNamndFigures", () => {
  const item = (i: number, over: Partial<IvoNamndItem>): IvoNamndItem => ({
    key: (i * 2_654_435_761) >>> 0,
    districtId: "d",
    catalogueCode: "FFT",
    gender: "flicka",
    reason: "resursbrist",
    executedLate: false,
    ...over,
  });

  it("hides a second reason when one is hidden, so the total minus the shown ones gives nothing back", () => {
    // Twelve decisions: ten for lack of resources, two on the waiting list (hidden as 1–4).
    const items = Array.from({ length: 12 }, (_, i) => item(i, i < 2 ? { reason: "vantelista" } : {}));
    const f = ivoNamndFigures(items, ["d"], ["FFT"]);
    expect(f.protectedWhole).toBe(false);
    expect(f.total.listed).not.toBeNull();
    const [resursbrist, , , vantelista, ovrigt] = f.byReason;
    expect(vantelista?.listed).toBeNull();
    expect(resursbrist?.listed).toBeNull();
    expect(ovrigt).toEqual({ listed: 0, executedLate: 0, notExecuted: 0 });
    // None executed late: 0, and "not executed" holds the same decisions as "listed", so the same figure.
    expect(f.total.executedLate).toBe(0);
    expect(f.total.notExecuted).toBe(f.total.listed);
  });

  it("hides everything below ten decisions", () => {
    const f = ivoNamndFigures(
      Array.from({ length: 9 }, (_, i) => item(i, {})),
      ["d"],
      ["FFT"],
    );
    expect(f.protectedWhole).toBe(true);
    for (const c of [f.total, ...f.byDistrict, ...f.byInsats, ...f.byGender, ...f.byReason]) {
      expect(c).toEqual({ listed: null, executedLate: null, notExecuted: null });
    }
  });
});
