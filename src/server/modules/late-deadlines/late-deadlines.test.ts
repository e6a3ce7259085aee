import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LateDeadlineRow, LateDeadlines } from "../../../contracts/late-deadlines";
import {
  auditLog,
  cases,
  decisions,
  insatser,
  investigations,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
} from "../../db/schema/index";
import { catalogueEntry } from "../../testing/insats-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";
import { lateDeadlinesCsv } from "./export";

/** Every clock is judged as of this moment. */
const NOW = new Date("2026-03-01T12:00:00+01:00");
const JANUARY = "from=2026-01-01&to=2026-01-31";

let w: World;
const ids: Record<string, string> = {};

async function newCase(target: "own" | "other", assignedTo: string | null, name: string) {
  const f = target === "own" ? w.own : w.other;
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: name,
      lastName: "Sensson",
      gender: "pojke",
      birthDate: "2011-01-01",
      districtId: f.id,
    })
    .returning();
  const [c] = await w.database.db
    .insert(cases)
    .values({
      personId: p?.id as string,
      districtId: f.id,
      unitId: f.unitId,
      assignedTo,
      openedAt: new Date("2025-09-01T10:00:00Z"),
    })
    .returning();
  return { personId: p?.id as string, caseId: c?.id as string, districtId: f.id };
}

async function report(c: { personId: string; caseId: string; districtId: string }, receivedAt: string) {
  const [r] = await w.database.db
    .insert(reports)
    .values({
      caseId: c.caseId,
      personId: c.personId,
      districtId: c.districtId,
      kind: "orosanmalan",
      receivedAt: new Date(receivedAt),
      reporterCategory: "skola",
      text: "Fritext",
    })
    .returning();
  return r?.id as string;
}

/**
 * January 2026, own district, judged 1 March 2026 at noon:
 * - case 1 (handläggare): report R1 received 12 Jan 10:00, skyddsbedömning exactly 24 h later (in
 *   time), förhandsbedömning 30 Jan (last day 26 Jan: 4 days late); report R2 received 20 Jan 08:00
 *   with nothing done (skyddsbedömning missed; its förhandsbedömning is due 3 Feb, another period).
 * - case 2 (kollega): investigation I1 opened 15 Sep 2025 (last day 15 Jan), completed 20 Jan, a
 *   förlängning decided on 16 Jan — too late to move anything: 5 days late, reason "late extension";
 *   investigation I2 opened 20 Sep 2025 with a förlängning decided in time to 20 Feb, still open.
 * - case 3 (nobody assigned): a bistånd insats decided 1 Oct 2025 (last day 1 Jan), started 10 Jan
 *   (9 days late; waiting list noted); its plan, due 24 Jan, never signed (missed).
 * - the other district: a late skyddsbedömning the own district's reviewers must not see.
 */
beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
  const { db } = w.database;
  const chef = w.userIds.enhetschef as string;
  const c1 = await newCase("own", w.userIds.handlaggare as string, "Ett");
  const c2 = await newCase("own", w.userIds.kollega as string, "Två");
  const c3 = await newCase("own", null, "Tre");
  const cOther = await newCase("other", null, "Annan");
  Object.assign(ids, { case1: c1.caseId, case2: c2.caseId, case3: c3.caseId, caseOther: cOther.caseId });

  const r1 = await report(c1, "2026-01-12T10:00:00+01:00");
  await db.insert(protectionAssessments).values({
    reportId: r1,
    assessedAt: new Date("2026-01-13T10:00:00+01:00"),
    assessedBy: chef,
    immediateProtectionNeeded: false,
    notes: "-",
  });
  await db.insert(preAssessments).values({
    reportId: r1,
    decidedAt: new Date("2026-01-30T09:00:00+01:00"),
    decidedBy: chef,
    outcome: "ej_inleda",
    reason: "-",
  });
  ids.r1 = r1;
  ids.r2 = await report(c1, "2026-01-20T08:00:00+01:00");
  await report(cOther, "2026-01-20T08:00:00+01:00");

  const investigation = async (openedOn: string, completedOn: string | null) => {
    const [d] = await db
      .insert(decisions)
      .values({
        caseId: c2.caseId,
        type: "inleda_utredning",
        decidedAt: new Date(`${openedOn}T09:00:00+01:00`),
        decidedBy: chef,
        decidedAsRole: "enhetschef",
        reason: "-",
      })
      .returning();
    const [i] = await db
      .insert(investigations)
      .values({
        caseId: c2.caseId,
        personId: c2.personId,
        districtId: w.own.id,
        openedOn,
        openingDecisionId: d?.id as string,
        completedOn,
      })
      .returning();
    return i?.id as string;
  };
  const extend = (investigationId: string, decidedAt: string, newEndDate: string, reason: string) =>
    db.insert(decisions).values({
      caseId: c2.caseId,
      investigationId,
      type: "forlangning",
      decidedAt: new Date(decidedAt),
      decidedBy: chef,
      decidedAsRole: "enhetschef",
      reason,
      details: { newEndDate },
    });
  ids.i1 = await investigation("2025-09-15", "2026-01-20");
  await extend(ids.i1, "2026-01-16T10:00:00+01:00", "2026-02-28", "Väntar på BUP:s utlåtande");
  await db.update(investigations).set({ extendedTo: "2026-02-28" }).where(eq(investigations.id, ids.i1));
  ids.i2 = await investigation("2025-09-20", null);
  await extend(ids.i2, "2026-01-10T10:00:00+01:00", "2026-02-20", "Polisförhör dröjer");
  await db.update(investigations).set({ extendedTo: "2026-02-20" }).where(eq(investigations.id, ids.i2));

  const fft = await catalogueEntry(w, "FFT");
  const [insats] = await db
    .insert(insatser)
    .values({
      caseId: c3.caseId,
      personId: c3.personId,
      districtId: w.own.id,
      catalogueId: fft.id,
      legalForm: "bistand",
      decidedOn: "2025-10-01",
      providerUnitId: w.own.providerUnitId,
      startedOn: "2026-01-10",
      notStartedReason: "vantelista",
      notStartedNote: '=HYPERLINK("http://x")',
      createdBy: chef,
    })
    .returning();
  ids.insats = insats?.id as string;
});
afterAll(async () => w?.close());

async function get(user: string, url: string) {
  const res = await w.app.inject({ method: "GET", url, headers: { cookie: await w.login(user) } });
  return res;
}

describe("the late-deadline list of a past period", () => {
  it("lists every clock that ran out late or was missed in the period, with days late and the recorded reason", async () => {
    const res = await get("kvalitet", `/api/egenkontroll/late-deadlines?${JANUARY}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as LateDeadlines;
    expect(body.items.map((r) => [r.dueDate, r.clock, r.state, r.daysLate])).toEqual([
      ["2026-01-01", "verkstallighet", "met_late", 9],
      ["2026-01-15", "utredning", "met_late", 5],
      ["2026-01-21", "skyddsbedomning", "missed", 39],
      ["2026-01-24", "genomforandeplan", "missed", 36],
      ["2026-01-26", "forhandsbedomning", "met_late", 4],
    ]);
    expect(body.total).toBe(5);
    const byClock = Object.fromEntries(body.items.map((r) => [r.clock, r]));
    expect(byClock.utredning).toMatchObject({
      recordType: "investigation",
      recordId: ids.i1,
      reasonCode: "late_extension",
      reason: "Väntar på BUP:s utlåtande",
      handlaggareName: "Kollega",
    });
    expect(byClock.verkstallighet).toMatchObject({
      recordType: "insats",
      insatsId: ids.insats,
      reasonCode: "vantelista",
      handlaggareId: null,
    });
    expect(byClock.skyddsbedomning).toMatchObject({
      recordId: ids.r2,
      hoursLate: 940,
      completedAt: null,
      personName: "Ett Sensson",
    });
    // R1's skyddsbedömning exactly at 24 hours is not late.
    expect(body.items.some((r) => r.recordId === ids.r1 && r.clock === "skyddsbedomning")).toBe(false);
    // Nothing from the other district.
    expect(body.items.some((r) => r.caseId === ids.caseOther)).toBe(false);
    expect(body.summary.byHandlaggare).toEqual(
      expect.arrayContaining([
        { id: w.userIds.handlaggare, name: "Test handlaggare", metLate: 1, missed: 1 },
        { id: w.userIds.kollega, name: "Kollega", metLate: 1, missed: 0 },
        { id: null, name: null, metLate: 1, missed: 1 },
      ]),
    );
    expect(body.summary.byDistrict).toEqual([{ id: w.own.id, name: "Distrikt A", metLate: 3, missed: 2 }]);
  });

  it("a förlängning decided in time moves the last day: the investigation belongs to February", async () => {
    const body = (
      await get("kvalitet", "/api/egenkontroll/late-deadlines?from=2026-02-01&to=2026-02-28")
    ).json() as LateDeadlines;
    const i2 = body.items.find((r) => r.recordId === ids.i2);
    expect(i2).toMatchObject({
      clock: "utredning",
      dueDate: "2026-02-20",
      state: "missed",
      daysLate: 9,
      reasonCode: "extension",
      reason: "Polisförhör dröjer",
    });
    expect(body.items.find((r) => r.recordId === ids.r2 && r.clock === "forhandsbedomning")).toMatchObject({
      state: "missed",
      dueDate: "2026-02-03",
    });
  });

  it("filters by handläggare, unit and clock", async () => {
    const mine = (
      await get("enhetschef", `/api/egenkontroll/late-deadlines?${JANUARY}&handlaggareId=${w.userIds.handlaggare}`)
    ).json() as LateDeadlines;
    expect(mine.items.map((r) => r.clock).sort()).toEqual(["forhandsbedomning", "skyddsbedomning"]);
    const clock = (
      await get("enhetschef", `/api/egenkontroll/late-deadlines?${JANUARY}&clock=utredning&unitId=${w.own.unitId}`)
    ).json() as LateDeadlines;
    expect(clock.items.map((r) => r.recordId)).toEqual([ids.i1]);
  });

  it("pages through the rows with a cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(
        "kvalitet",
        `/api/egenkontroll/late-deadlines?${JANUARY}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const body = res.json() as LateDeadlines;
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((r) => `${r.clock}:${r.recordId}`));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("audits every case whose rows are shown", async () => {
    await get("enhetschef", `/api/egenkontroll/late-deadlines?${JANUARY}`);
    const rows = await w.database.db
      .select({ recordId: auditLog.recordId, personId: auditLog.personId, role: auditLog.role })
      .from(auditLog)
      .where(and(eq(auditLog.action, "late_deadline.list_result"), eq(auditLog.userId, w.userIds.enhetschef as string)));
    expect(new Set(rows.map((r) => r.recordId))).toEqual(new Set([ids.case1, ids.case2, ids.case3]));
    expect(rows.every((r) => r.role === "enhetschef" && r.personId)).toBe(true);
  });

  it("refuses another district, a period over a year and an inverted period with 400", async () => {
    const other = await get("kvalitet", `/api/egenkontroll/late-deadlines?${JANUARY}&districtId=${w.other.id}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe("district_not_in_scope");
    const long = await get("kvalitet", "/api/egenkontroll/late-deadlines?from=2024-01-01&to=2026-01-31");
    expect(long.json().error.code).toBe("period_too_long");
    const inverted = await get("kvalitet", "/api/egenkontroll/late-deadlines?from=2026-02-01&to=2026-01-31");
    expect(inverted.json().error.code).toBe("invalid_period");
    const bad = await get("kvalitet", "/api/egenkontroll/late-deadlines?from=2026-01-01&to=2026-01-31&cursor=xyz");
    expect(bad.statusCode).toBe(400);
  });

  it("exports CSV for Swedish Excel (BOM, semicolons, formula text defused) and XLSX", async () => {
    const csv = await get("kvalitet", `/api/egenkontroll/late-deadlines/export?${JANUARY}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("sena-tidsfrister-2026-01-01-2026-01-31.csv");
    const text = csv.body;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines[1]).toBe(
      "Tidsfrist;Status;Sista dag;Utförd;Dagar sent;Timmar sent;Distrikt;Enhet;Handläggare;Person;Ärende;Post;Skäl",
    );
    expect(lines).toHaveLength(7);
    expect(lines[2]).toContain("Verkställighet (3 månader);Utförd för sent;2026-01-01;2026-01-10;9;");
    expect(lines[2]).toContain(`"Väntelista hos utföraren: =HYPERLINK(""http://x"")"`);
    // A cell that starts like a formula is defused: Excel opens it as text.
    const [first] = (await get("kvalitet", `/api/egenkontroll/late-deadlines?${JANUARY}`)).json().items as LateDeadlineRow[];
    const defused = lateDeadlinesCsv(
      [{ ...(first as LateDeadlineRow), personName: "=cmd|' /C calc'!A0", reasonCode: null, reason: "+1" }],
      {
        from: "2026-01-01",
        to: "2026-01-31",
      },
    );
    expect(defused).toContain(";'=cmd|' /C calc'!A0;");
    expect(defused).toContain(";'+1\r\n");
    expect(lines[3]).toContain("Förlängning beslutad efter att tiden gått ut: Väntar på BUP:s utlåtande");

    const xlsx = await w.app.inject({
      method: "GET",
      url: `/api/egenkontroll/late-deadlines/export?${JANUARY}&format=xlsx`,
      headers: { cookie: await w.login("kvalitet") },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Sena tidsfrister");
    expect(ws?.rowCount).toBe(7);
    expect(ws?.getRow(3).getCell(1).value).toBe("Verkställighet (3 månader)");
    expect(ws?.getRow(3).getCell(5).value).toBe(9);
    const audited = await w.database.db
      .select({ recordId: auditLog.recordId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "late_deadline.export"), eq(auditLog.userId, w.userIds.kvalitet as string)));
    expect(audited.length).toBeGreaterThanOrEqual(3);
  });
});
