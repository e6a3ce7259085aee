import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAGESBILD } from "../../../../bench/bare-queries";
import type { LagesbildDetail } from "../../../contracts/lagesbild";
import { cases, fieldAreas, fieldIncidents, fieldShifts, insatser, persons, reports } from "../../db/schema/index";
import { expectHiddenOrSafe, expectPublished } from "../../testing/disclosure-expect";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

/** "Now" for every command: the lägesbild is of the year before. */
const NOW = new Date("2026-03-10T10:00:00+01:00");
const YEAR = 2025;

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
  // Own district, 2025: 12 police reports about boys (crime), 3 about girls, 6 from school about girls.
  await seedReports(w.own, 12, { gender: "pojke", category: "polis", concerns: ["brott"] });
  await seedReports(w.own, 3, { gender: "flicka", category: "polis", concerns: ["brott", "vald"] });
  await seedReports(w.own, 6, { gender: "flicka", category: "skola", concerns: ["skolfranvaro"] });
  // Outside the year, and in the other district: never counted.
  await seedReports(w.own, 4, { gender: "pojke", category: "polis", concerns: ["brott"], receivedAt: "2024-12-31T22:30:00Z" });
  await seedReports(w.other, 7, { gender: "pojke", category: "polis", concerns: ["brott"] });
  await seedInsatser(w.own, 8);
}, 60_000);
afterAll(async () => w?.close());

type Body = Record<string, unknown> & { id?: string; version?: number; error?: { code: string; fields: { path: string }[] } };
async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(user) }, payload: payload as object });
  return { status: res.statusCode, body: (res.headers["content-type"]?.includes("json") ? res.json() : {}) as Body, raw: res };
}

async function seedReports(
  d: World["own"],
  n: number,
  o: { gender: string; category: string; concerns: string[]; receivedAt?: string },
) {
  const { db } = w.database;
  for (let i = 0; i < n; i++) {
    const [p] = await db
      .insert(persons)
      .values({
        personnummer: nextPersonnummer(),
        kind: "ung",
        firstName: "Test",
        lastName: `Lägesbild${i}`,
        gender: o.gender,
        birthDate: "2010-06-01",
        districtId: d.id,
      })
      .returning();
    const receivedAt = new Date(o.receivedAt ?? `${YEAR}-0${1 + (i % 9)}-15T10:00:00Z`);
    const [c] = await db
      .insert(cases)
      .values({ personId: p?.id as string, districtId: d.id, openedAt: receivedAt })
      .returning();
    await db.insert(reports).values({
      caseId: c?.id as string,
      personId: p?.id as string,
      districtId: d.id,
      kind: "orosanmalan",
      receivedAt,
      reporterCategory: o.category,
      concerns: o.concerns,
      text: "Fixture",
    });
  }
}

async function seedInsatser(d: World["own"], n: number) {
  const { db } = w.database;
  const entry = await catalogueEntry(w, "FFT");
  const rows = await db
    .select({ caseId: cases.id, personId: cases.personId })
    .from(cases)
    .where(sql`${cases.districtId} = ${d.id}`)
    .limit(n);
  for (const r of rows)
    await db.insert(insatser).values({
      caseId: r.caseId,
      personId: r.personId,
      districtId: d.id,
      catalogueId: entry.id,
      legalForm: "bistand",
      decidedOn: `${YEAR}-03-01`,
      startedOn: `${YEAR}-03-10`,
      providerUnitId: d.providerUnitId,
      createdBy: w.userIds.handlaggare as string,
    });
}

async function newLagesbild(user = "samordnare", districtIds = [w.own.id]) {
  const res = await call(user, "POST", "/api/lagesbilder", { year: YEAR, districtIds });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function detail(id: string, user = "samordnare", query = "") {
  const res = await call(user, "GET", `/api/lagesbilder/${id}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as LagesbildDetail;
}
const tableOf = (l: LagesbildDetail, indicator: string) =>
  l.tables.find((t) => t.indicator === indicator) as LagesbildDetail["tables"][number];
const rowOf = (l: LagesbildDetail, indicator: string, key: string) =>
  tableOf(l, indicator).rows.find((r) => r.key === key) as LagesbildDetail["tables"][number]["rows"][number];

const source = (over: Record<string, unknown> = {}) => ({
  label: "Anmälda brott, ungdomar 15–20",
  value: 412,
  unit: "antal",
  periodFrom: `${YEAR}-01-01`,
  periodTo: `${YEAR}-12-31`,
  source: "Polisen, lokalpolisområde",
  note: "",
  ...over,
});

describe("the lägesbild's figures", () => {
  it("counts the year's reports by reporter category and concern, boys and girls apart, through disclosure control", async () => {
    const l = await detail(await newLagesbild());
    expect(l.from).toBe(`${YEAR}-01-01`);
    expect(l.protectedWhole).toBe(false);
    const polis = rowOf(l, "reportsByReporter", "polis");
    expectPublished(polis.all, 15);
    expectPublished(polis.boys, 12);
    expectPublished(polis.girls, 3);
    expectHiddenOrSafe(polis.boys, 12, polis.all);
    const skola = rowOf(l, "reportsByReporter", "skola");
    expectPublished(skola.girls, 6);
    expectPublished(skola.boys, 0);
    // Reports of the year only (not the 4 of 2024 received before midnight Stockholm time), own district only.
    const total = tableOf(l, "reportsByReporter").total;
    expectPublished(total?.all ?? null, 21);
    expectHiddenOrSafe(total?.boys ?? null, 12, total?.all ?? null);
    const brott = rowOf(l, "reportsByConcern", "brott");
    expectPublished(brott.all, 15);
    expectPublished(rowOf(l, "reportsByConcern", "vald").all, 3);
    expect(tableOf(l, "reportsByConcern").total).toBeNull();
    expectPublished(tableOf(l, "reportsByAge").total?.all ?? null, 21);
    expectPublished(rowOf(l, "reportsByAge", "0-5").all, 0);
    expectPublished(rowOf(l, "insatserByKind", (await catalogueEntry(w, "FFT")).kind).all, 8);
    // Every table carries its definition beside it.
    for (const t of l.tables) expect(t.definition.sv.length).toBeGreaterThan(20);
  });

  it("hides every figure when the population is too small", async () => {
    // The other district has 7 reports in the year and no insatser: fewer than the population minimum.
    const res = await call("enhetschef.b", "POST", "/api/lagesbilder", { year: YEAR, districtIds: [w.other.id] });
    expect(res.status).toBe(201);
    const l = await detail(res.body.id as string, "enhetschef.b");
    expect(l.protectedWhole).toBe(true);
    for (const t of l.tables) for (const r of t.rows) expect([r.all, r.boys, r.girls, r.other]).toEqual([null, null, null, null]);
  });

  it("the analytiker reads the aggregates; another district's staff get 404", async () => {
    const id = await newLagesbild();
    expect((await call("analytiker", "GET", `/api/lagesbilder/${id}`)).status).toBe(200);
    expect((await call("samordnare.b", "GET", `/api/lagesbilder/${id}`)).status).toBe(404);
    expect((await call("analytiker.b", "GET", `/api/lagesbilder/${id}`)).status).toBe(404);
    expect((await call("samordnare.b", "PATCH", `/api/lagesbilder/${id}`, { analysis: "x" })).status).toBe(404);
    expect((await call("handlaggare", "GET", `/api/lagesbilder/${id}`)).status).toBe(404);
  });
});

describe("bad input", () => {
  it("refuses a manual source whose value is not a number, or whose period ends before it starts, and keeps the version", async () => {
    const id = await newLagesbild();
    const notNumber = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { sources: [source({ value: "många" })] });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.error?.fields.some((f) => f.path.includes("value"))).toBe(true);
    const backwards = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, {
      sources: [source({ periodFrom: `${YEAR}-06-01`, periodTo: `${YEAR}-05-31` })],
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.code).toBe("invalid_source");
    expect(backwards.body.error?.fields[0]?.path).toBe("body.sources.0.periodTo");
    expect((await detail(id)).versions).toHaveLength(1);
  });

  it("refuses a district outside one's own (400) and an unknown year range", async () => {
    expect((await call("samordnare", "POST", "/api/lagesbilder", { year: YEAR, districtIds: [w.other.id] })).status).toBe(400);
    expect((await call("samordnare", "POST", "/api/lagesbilder", { year: 1800, districtIds: [w.own.id] })).status).toBe(400);
  });
});

describe("versions and the decision", () => {
  it("makes a version per change, keeps the earlier ones readable, and locks on decision", async () => {
    const id = await newLagesbild();
    const v2 = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "Första analysen" });
    expect(v2.body.version).toBe(2);
    const v3 = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { sources: [source()], baseVersion: 2 });
    expect(v3.body.version).toBe(3);
    const stale = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "Gammal", baseVersion: 2 });
    expect(stale.status).toBe(409);
    const latest = await detail(id);
    expect(latest.analysis).toBe("Första analysen");
    expect(latest.sources[0]?.value).toBe(412);
    expect((await detail(id, "samordnare", "?version=1")).analysis).toBe("");
    expect((await call("samordnare", "GET", `/api/lagesbilder/${id}?version=9`)).status).toBe(404);

    expect(
      (await call("samordnare", "POST", `/api/lagesbilder/${id}/decide`, { body: "KS", decidedOn: "2026-03-01" })).status,
    ).toBe(404);
    const decided = await call("enhetschef", "POST", `/api/lagesbilder/${id}/decide`, {
      body: "Kommunstyrelsen",
      decidedOn: "2026-03-01",
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const d = await detail(id);
    expect(d.decided).toBe(true);
    expect(d.decidedBody).toBe("Kommunstyrelsen");
    expect(d.figuresAsDecided).toBe(true);
    expect(d.canManage).toBe(false);
    const locked = await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "Ändrad" });
    expect(locked.status).toBe(409);
    expect(locked.body.error?.code).toBe("lagesbild_decided");
    expect(
      (await call("enhetschef", "POST", `/api/lagesbilder/${id}/decide`, { body: "KS", decidedOn: "2026-03-02" })).status,
    ).toBe(409);
    expect((await detail(id)).versions).toHaveLength(4);
  });

  it("two changes at once: both become versions, or one is refused cleanly — never a 5xx or a lost version", async () => {
    const id = await newLagesbild();
    const [a, b] = await Promise.all([
      call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "A" }),
      call("enhetschef", "PATCH", `/api/lagesbilder/${id}`, { analysis: "B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 200]);
    expect([a.body.version, b.body.version].sort()).toEqual([2, 3]);
    const l = await detail(id);
    expect(l.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const [c, e] = await Promise.all([
      call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "C", baseVersion: 3 }),
      call("enhetschef", "PATCH", `/api/lagesbilder/${id}`, { analysis: "E", baseVersion: 3 }),
    ]);
    expect([c.status, e.status].sort()).toEqual([200, 409]);
    expect((await detail(id)).versions).toHaveLength(4);
  });
});

describe("the åtgärdsplan", () => {
  it("adds prioritised measures, follows them up, marks the overdue, and keeps only follow-up open after the decision", async () => {
    const id = await newLagesbild();
    const m = await call("samordnare", "POST", `/api/lagesbilder/${id}/measures`, {
      priority: 1,
      area: "Centrum",
      problem: "Rekrytering till kriminella nätverk",
      measure: "Fältarbete fredagskvällar",
      responsible: "Fältgruppen",
      dueOn: "2026-02-01",
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body.overdue).toBe(true);
    const mid = m.body.id as string;
    expect((await call("samordnare", "POST", `/api/lagesbilder/${id}/measures`, { priority: 0 })).status).toBe(400);
    await call("enhetschef", "POST", `/api/lagesbilder/${id}/decide`, { body: "Socialnämnden", decidedOn: "2026-03-05" });
    const follow = await call("samordnare", "PATCH", `/api/lagesbilder/${id}/measures/${mid}`, {
      status: "genomford",
      followUpNote: "Genomfört varje fredag",
      followUpOn: "2026-03-09",
    });
    expect(follow.status, JSON.stringify(follow.body)).toBe(200);
    expect(follow.body.overdue).toBe(false);
    expect((await call("samordnare", "PATCH", `/api/lagesbilder/${id}/measures/${mid}`, { measure: "Annat" })).status).toBe(409);
    expect(
      (
        await call("samordnare", "POST", `/api/lagesbilder/${id}/measures`, {
          priority: 2,
          area: "Syd",
          problem: "p",
          measure: "m",
          responsible: "r",
        })
      ).status,
    ).toBe(409);
    const list = await call("samordnare", "GET", `/api/lagesbilder?year=${YEAR}`);
    expect((list.body.items as { id: string }[]).some((i) => i.id === id)).toBe(true);
  });
});

describe("exports", () => {
  it("exports the lägesbild as XLSX (read back) and as PDF, boys and girls apart", async () => {
    const id = await newLagesbild();
    await call("samordnare", "PATCH", `/api/lagesbilder/${id}`, { analysis: "Analysen", sources: [source()] });
    const x = await call("kvalitet", "GET", `/api/lagesbilder/${id}/export.xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["Lägesbild", "Anmälare", "Oro", "Ålder", "Insatser", "Källor", "Åtgärdsplan", "Definitioner"]),
    );
    const header = wb.getWorksheet("Anmälare")?.getRow(3).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(["Pojkar", "Flickor"]));
    expect(wb.getWorksheet("Källor")?.getRow(3).getCell(2).value).toBe(412);
    const p = await call("analytiker", "GET", `/api/lagesbilder/${id}/export.pdf`);
    expect(p.status).toBe(200);
    expect(p.raw.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    expect((await call("samordnare.b", "GET", `/api/lagesbilder/${id}/export.pdf`)).status).toBe(404);
  });
});

describe("the benchmark's bare path", () => {
  it("counts the same records by hand SQL as the service reads (bench/bare-queries.ts)", async () => {
    const res = await w.database.pool.query(LAGESBILD, [[w.own.id], `${YEAR}-01-01`, `${YEAR}-12-31`]);
    const cell = (tbl: string, row: string | null, gender: string | null) =>
      res.rows.find((r) => r.tbl === tbl && r.row === row && r.gender === gender)?.n;
    expect(cell("reporter", null, null)).toBe(21);
    expect(cell("reporter", "polis", "pojke")).toBe(12);
    expect(cell("concern", "vald", null)).toBe(3);
    expect(cell("insats", (await catalogueEntry(w, "FFT")).kind, null)).toBe(8);
  });
});

describe("the fältarbete in the lägesbild", () => {
  it("publishes shifts, contacts (girls and boys apart) and approved incidents per area, with the area's polygon for the map", async () => {
    const { db } = w.database;
    const by = w.userIds.samordnare as string;
    const polygon = {
      type: "Polygon",
      coordinates: [
        [
          [18.0, 59.3],
          [18.1, 59.3],
          [18.1, 59.4],
          [18.0, 59.3],
        ],
      ],
    };
    const [area] = await db
      .insert(fieldAreas)
      .values({ districtId: w.own.id, name: "Centrum", polygon, createdBy: by })
      .returning();
    const areaId = area?.id as string;
    for (let i = 0; i < 12; i++)
      await db.insert(fieldShifts).values({
        districtId: w.own.id,
        areaIds: [areaId],
        startedAt: new Date(`${YEAR}-05-${String(i + 1).padStart(2, "0")}T18:00:00Z`),
        endedAt: new Date(`${YEAR}-05-${String(i + 1).padStart(2, "0")}T22:00:00Z`),
        staffIds: [by],
        contactsTotal: 10,
        girls: 4,
        boys: 6,
        tags: i < 3 ? ["vapen"] : ["rekrytering"],
        createdBy: by,
      });
    for (const status of ["approved", "approved", "submitted", "submitted", "submitted"])
      await db.insert(fieldIncidents).values({
        districtId: w.own.id,
        areaId,
        occurredAt: new Date(`${YEAR}-06-01T20:00:00Z`),
        category: "hot",
        description: "Fixture",
        status,
        reportedBy: by,
      });
    const l = await detail(await newLagesbild());
    const a = l.fieldwork?.areas.find((x) => x.areaId === areaId);
    expect(a?.polygon).toEqual(polygon);
    expectPublished(a?.shifts ?? null, 12);
    expectPublished(a?.contacts ?? null, 120);
    expectHiddenOrSafe(a?.girls ?? null, 48, a?.contacts ?? null);
    expectHiddenOrSafe(a?.boys ?? null, 72, a?.contacts ?? null);
    // Only the 2 approved incidents count: a count of 2 is never shown.
    expectPublished(a?.incidents ?? null, 2);
    expectPublished(a?.tags.find((t) => t.tag === "vapen")?.count ?? null, 3);
    expectPublished(a?.tags.find((t) => t.tag === "rekrytering")?.count ?? null, 9);
  });
});
