import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, insatser, persons, reports } from "../db/schema/index";
import { catalogueEntry } from "../testing/insats-fixtures";
import { pdfText } from "../testing/pdf-text";
import { createWorld, nextPersonnummer, type World } from "../testing/world";

/**
 * The aggregate-only role (analytiker) gets aggregates: every statistics report and export it may
 * fetch — JSON, CSV, XLSX, PDF — carries no name, no personnummer and no free text of the young
 * people it counts. The list of reports is checked against the routes: a new statistics route
 * fails this test until it is added here.
 */
let w: World;
const NAME = "Zorbafjäll";
const NOTE = "Anteckningsmarkör";
const numbers: string[] = [];

const PERIOD = "from=2025-01-01&to=2025-06-30";
const QUARTER = "year=2025&quarter=2";
const OUTPUTS: { route: string; urls: string[] }[] = [
  { route: "/api/reports/handling-times", urls: [`/api/reports/handling-times?${PERIOD}`] },
  {
    route: "/api/reports/handling-times/export",
    urls: [`/api/reports/handling-times/export?${PERIOD}&format=csv`, `/api/reports/handling-times/export?${PERIOD}&format=xlsx`],
  },
  { route: "/api/reports/assessment-usage", urls: [`/api/reports/assessment-usage?${PERIOD}`] },
  { route: "/api/reports/assessment-usage/export", urls: [`/api/reports/assessment-usage/export?${PERIOD}&format=xlsx`] },
  { route: "/api/reports/samlad-bild", urls: [`/api/reports/samlad-bild?${PERIOD}`] },
  {
    route: "/api/reports/samlad-bild/export",
    urls: [`/api/reports/samlad-bild/export?${PERIOD}&format=pdf`, `/api/reports/samlad-bild/export?${PERIOD}&format=xlsx`],
  },
  { route: "/api/reports/effects", urls: [`/api/reports/effects?${PERIOD}`] },
  {
    route: "/api/reports/effects/export",
    urls: [`/api/reports/effects/export?${PERIOD}&format=pdf`, `/api/reports/effects/export?${PERIOD}&format=xlsx`],
  },
  { route: "/api/reports/ivo/namnd", urls: [`/api/reports/ivo/namnd?${QUARTER}`] },
  { route: "/api/reports/young-offenders", urls: [`/api/reports/young-offenders?${PERIOD}`] },
  { route: "/api/deviations/statistics", urls: [`/api/deviations/statistics?${PERIOD}`] },
  {
    route: "/api/reports/ivo/export",
    urls: [
      `/api/reports/ivo/export?${QUARTER}&format=pdf&version=namnd`,
      `/api/reports/ivo/export?${QUARTER}&format=xlsx&version=namnd`,
    ],
  },
];

beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  const fft = await catalogueEntry(w, "FFT");
  // Twelve young people in the analytiker's district, each with a report whose text names them and
  // an insats: half ended in the period, half never started, with a note that names them too.
  for (let n = 0; n < 12; n++) {
    const personnummer = nextPersonnummer();
    numbers.push(personnummer);
    const [p] = await db
      .insert(persons)
      .values({
        personnummer,
        kind: "ung",
        firstName: `${NAME}${n}`,
        lastName: "Hemligsson",
        gender: n % 2 ? "pojke" : "flicka",
        birthDate: "2010-03-01",
        districtId: w.own.id,
      })
      .returning();
    const personId = p?.id as string;
    const [c] = await db
      .insert(cases)
      .values({ personId, districtId: w.own.id, openedAt: new Date("2025-02-01T09:00:00Z") })
      .returning();
    const caseId = c?.id as string;
    await db.insert(reports).values({
      caseId,
      personId,
      districtId: w.own.id,
      kind: "orosanmalan",
      receivedAt: new Date(`2025-02-${String(n + 2).padStart(2, "0")}T09:00:00Z`),
      reporterCategory: "skola",
      text: `${NOTE}: ${NAME}${n} ${personnummer}`,
    });
    const ended = n % 2 === 0;
    await db.insert(insatser).values({
      caseId,
      personId,
      districtId: w.own.id,
      catalogueId: fft.id,
      legalForm: "bistand",
      decidedOn: "2025-01-10",
      providerUnitId: w.own.providerUnitId,
      startedOn: ended ? "2025-01-20" : null,
      endedOn: ended ? "2025-05-20" : null,
      notStartedReason: ended ? null : "annat",
      notStartedNote: ended ? null : `${NOTE}: ${NAME}${n} ${personnummer}`,
      createdBy: w.userIds.handlaggare as string,
    });
  }
});
afterAll(async () => {
  await w?.close();
});

async function text(payload: Buffer, contentType: string): Promise<string> {
  if (contentType.includes("pdf")) return pdfText(payload);
  if (contentType.includes("spreadsheetml")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(payload as never);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    return cells.join("\n");
  }
  return payload.toString("utf8");
}

/** Every way a personnummer could be written: with and without century, with and without the dash. */
const writings = (pnr: string) => {
  const digits = pnr.replace(/\D/g, "");
  const short = digits.length === 12 ? digits.slice(2) : digits;
  return [pnr, digits, short, `${short.slice(0, 6)}-${short.slice(6)}`];
};

describe("the aggregate-only role's reports and exports", () => {
  it("cover every statistics route the role may fetch", () => {
    const stats = w.app.declaredRoutes
      .filter((r) => r.method === "GET" && r.permission === "stats:read")
      .map((r) => r.url)
      .sort();
    expect(stats).toEqual(OUTPUTS.map((o) => o.route).sort());
  });

  it("carry no name, personnummer or free text of any young person", async () => {
    const cookie = await w.login("analytiker");
    for (const { urls } of OUTPUTS) {
      for (const url of urls) {
        const res = await w.app.inject({ method: "GET", url, headers: { cookie } });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        const body = await text(res.rawPayload, String(res.headers["content-type"]));
        expect(body.length, url).toBeGreaterThan(50);
        expect(body, url).not.toContain(NAME);
        expect(body, url).not.toContain("Hemligsson");
        expect(body, url).not.toContain(NOTE);
        for (const pnr of numbers)
          for (const written of writings(pnr)) expect(body, `${url} shows ${written}`).not.toContain(written);
      }
    }
  });

  it("does not reach the personal-level IVO list", async () => {
    const cookie = await w.login("analytiker");
    for (const url of [`/api/reports/ivo?${QUARTER}`, `/api/reports/ivo/export?${QUARTER}&format=xlsx&version=ivo`]) {
      const res = await w.app.inject({ method: "GET", url, headers: { cookie } });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
