import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileReview } from "../../../contracts/file-reviews";
import {
  auditLog,
  deviationEvents,
  deviations,
  fileReviewFindingDeviations,
  fileReviewItems,
  fileReviews,
} from "../../db/schema/index";
import { seedInsatsFile, seedInvestigationFile } from "../../testing/file-review-fixtures";
import { pdfText } from "../../testing/pdf-text";
import { createWorld, type World } from "../../testing/world";

let w: World;
const at = (iso: string) => new Date(iso);
/** Ten utredningar opened in Q1 2024 in the own district, with known flaws; two insatser; one file elsewhere. */
const files: Record<string, Awaited<ReturnType<typeof seedInvestigationFile>>> = {};
const insatsFiles: Record<string, Awaited<ReturnType<typeof seedInsatsFile>>> = {};

beforeAll(async () => {
  w = await createWorld();
  // Skyddsbedömning at exactly 24 h: in time. And one a minute late.
  files.exact24h = await seedInvestigationFile(w, "own", {
    receivedAt: at("2024-01-10T08:00:00Z"),
    protectionAfterHours: 24,
    lastName: "Exakt",
  });
  files.late24h = await seedInvestigationFile(w, "own", {
    receivedAt: at("2024-01-12T08:00:00Z"),
    protectionAfterHours: 24.02,
    lastName: "Sen",
  });
  // Four months and a förlängning decided after the last day (opened 2024-01-22: last day 2024-05-22).
  files.lateExtension = await seedInvestigationFile(w, "own", {
    receivedAt: at("2024-01-20T08:00:00Z"),
    completedAfterDays: 140,
    extension: { decidedAfterDays: 125, newEndAfterDays: 150 },
    lastName: "Forlangd",
  });
  files.reason = await seedInvestigationFile(w, "own", {
    receivedAt: at("2024-02-01T08:00:00Z"),
    noAssessmentReason: "ingen_utbildad_personal",
    noAssessmentNote: "Ingen utbildad i SAVRY",
    lastName: "Skal",
  });
  for (let k = 0; k < 6; k++)
    files[`plain${k}`] = await seedInvestigationFile(w, "own", {
      receivedAt: at(`2024-03-0${k + 1}T08:00:00Z`),
      concerns: ["skolfranvaro"],
      lastName: `Vanlig${k}`,
    });
  insatsFiles.onTime = await seedInsatsFile(w, "own", {
    decidedOn: "2024-02-01",
    startedOn: "2024-02-10",
    planSignedOn: "2024-02-24",
    followUp: { dueOn: "2024-04-01", doneOn: "2024-04-01" },
    lastName: "Itid",
  });
  insatsFiles.noPlan = await seedInsatsFile(w, "own", {
    decidedOn: "2024-02-05",
    startedOn: "2024-05-10",
    planSignedOn: null,
    lastName: "Utanplan",
  });
  files.other = await seedInvestigationFile(w, "other", { receivedAt: at("2024-01-15T08:00:00Z"), lastName: "Annan" });
});
afterAll(async () => w?.close());

const body = (over: Record<string, unknown> = {}) => ({
  districtIds: [w.own.id],
  from: "2024-01-01",
  to: "2024-03-31",
  kind: "utredningar",
  sampleSize: 5,
  seed: 20240101,
  ...over,
});

async function create(user: string, over: Record<string, unknown> = {}) {
  const res = await w.app.inject({
    method: "POST",
    url: "/api/file-reviews",
    headers: { cookie: await w.login(user) },
    payload: body(over),
  });
  return { res, review: res.json() as FileReview };
}
const get = async (user: string, id: string) =>
  w.app.inject({ method: "GET", url: `/api/file-reviews/${id}`, headers: { cookie: await w.login(user) } });
const patch = async (user: string, url: string, payload: unknown) =>
  w.app.inject({ method: "PATCH", url, headers: { cookie: await w.login(user) }, payload: payload as object });
const post = async (user: string, url: string, payload?: unknown) =>
  w.app.inject({ method: "POST", url, headers: { cookie: await w.login(user) }, payload: payload as object });
const count = async (
  table:
    | typeof fileReviews
    | typeof fileReviewItems
    | typeof deviations
    | typeof deviationEvents
    | typeof fileReviewFindingDeviations,
) => Number((await w.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);

describe("creating a file review", () => {
  it("draws a reproducible sample and evaluates each file (201)", async () => {
    const { res, review } = await create("kvalitet");
    expect(res.statusCode, res.body).toBe(201);
    expect(review.items).toHaveLength(5);
    expect(review.populationSize).toBe(10);
    expect(review.tookAll).toBe(false);
    expect(review.method.sv).toContain("mulberry32");
    expect(review.items.every((i) => i.verdicts.length === 12)).toBe(true);
    const again = (await create("kvalitet")).review;
    expect(again.items.map((i) => i.recordId)).toEqual(review.items.map((i) => i.recordId));
    const other = (await create("kvalitet", { seed: 7 })).review;
    expect(other.items.map((i) => i.recordId)).not.toEqual(review.items.map((i) => i.recordId));
  });

  it("takes every file when the sample is larger than the population, and says so", async () => {
    const { res, review } = await create("enhetschef", { sampleSize: 50 });
    expect(res.statusCode).toBe(201);
    expect(review.tookAll).toBe(true);
    expect(review.items).toHaveLength(10);
    expect(review.notes.map((n) => n.code)).toEqual(["took_all"]);
    // Only the own district's files: the other district's investigation is not in the population.
    expect(review.items.map((i) => i.recordId)).not.toContain(files.other?.investigationId);
  });

  it("answers 201 with no files and a note for a period without files", async () => {
    const { res, review } = await create("kvalitet", { from: "2020-01-01", to: "2020-12-31" });
    expect(res.statusCode).toBe(201);
    expect(review.items).toEqual([]);
    expect(review.populationSize).toBe(0);
    expect(review.notes.map((n) => n.code)).toEqual(["empty_population"]);
  });

  it("computes the verdicts from the records, each resting on one (edge instants included)", async () => {
    const review = (await create("kvalitet", { sampleSize: 50 })).review;
    const item = (investigationId: string | undefined) => review.items.find((i) => i.recordId === investigationId);
    const verdict = (investigationId: string | undefined, code: string) =>
      item(investigationId)?.verdicts.find((v) => v.code === code);
    expect(verdict(files.exact24h?.investigationId, "skyddsbedomning")).toMatchObject({
      verdict: "met",
      ref: { type: "report", id: files.exact24h?.reportId, date: "2024-01-10" },
      law: "11 kap. 1 a § SoL (2001:453)",
    });
    expect(verdict(files.late24h?.investigationId, "skyddsbedomning")?.verdict).toBe("not_met");
    expect(verdict(files.lateExtension?.investigationId, "utredningstid")).toMatchObject({
      verdict: "not_met",
      ref: { type: "decision", id: files.lateExtension?.extensionId },
    });
    expect(verdict(files.reason?.investigationId, "strukturerad_bedomning")?.detail.sv).toContain("Ingen utbildad i SAVRY");
    expect(verdict(files.plain0?.investigationId, "barnets_syn_utredning")?.verdict).toBe("manual");
    expect(review.findings.some((f) => f.id === `${item(files.late24h?.investigationId)?.id}:skyddsbedomning`)).toBe(true);
    expect(review.findings.every((f) => !f.text.includes("Granskad"))).toBe(true);
  });

  it("reviews insatser against their own criteria", async () => {
    const review = (await create("kvalitet", { kind: "insatser", sampleSize: 10 })).review;
    expect(review.items).toHaveLength(2);
    const byId = (id: string | undefined) => review.items.find((i) => i.recordId === id);
    const onTime = byId(insatsFiles.onTime?.insatsId);
    expect(onTime?.verdicts.find((v) => v.code === "genomforandeplan")).toMatchObject({ verdict: "met", ref: { type: "plan" } });
    expect(onTime?.verdicts.find((v) => v.code === "uppfoljning")?.verdict).toBe("met");
    const noPlan = byId(insatsFiles.noPlan?.insatsId);
    expect(noPlan?.verdicts.find((v) => v.code === "verkstallighet")?.verdict).toBe("not_met");
    expect(noPlan?.verdicts.find((v) => v.code === "genomforandeplan")?.verdict).toBe("not_met");
    expect(review.criteria.map((c) => c.fileKind)).toEqual(Array(7).fill("insats"));
  });

  it("refuses bad input with 400 and writes nothing", async () => {
    const before = [await count(fileReviews), await count(fileReviewItems)];
    const cases: [Record<string, unknown>, string][] = [
      [{ districtIds: [w.other.id] }, "district_not_in_scope"],
      [{ from: "2024-04-01", to: "2024-03-01" }, "invalid_input"],
      [{ sampleSize: 0 }, "invalid_input"],
      [{ seed: -1 }, "invalid_input"],
      [{ kind: "akter" }, "invalid_input"],
      [{ unitIds: [w.other.unitId] }, "unit_not_in_districts"],
      [{ extra: true }, "invalid_input"],
    ];
    for (const [over, code] of cases) {
      const { res } = await create("kvalitet", over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect([await count(fileReviews), await count(fileReviewItems)]).toEqual(before);
  });

  it("lets two reviews be created at the same time, each on its own", async () => {
    const cookie = await w.login("kvalitet");
    const [a, b] = await Promise.all(
      [1, 2].map((seed) =>
        w.app.inject({ method: "POST", url: "/api/file-reviews", headers: { cookie }, payload: body({ seed }) }),
      ),
    );
    expect([a?.statusCode, b?.statusCode]).toEqual([201, 201]);
    const [ra, rb] = [a?.json() as FileReview, b?.json() as FileReview];
    expect(ra.id).not.toBe(rb.id);
    expect(ra.items).toHaveLength(5);
    expect(rb.items).toHaveLength(5);
    const stored = await w.database.db.select().from(fileReviewItems).where(eq(fileReviewItems.reviewId, ra.id));
    expect(stored).toHaveLength(5);
  });
});

describe("reading, answering, signing and versions", () => {
  let review: FileReview;
  beforeAll(async () => {
    review = (await create("kvalitet", { sampleSize: 3, seed: 99 })).review;
  });

  it("audits every person shown when the review is read", async () => {
    const res = await get("kvalitet", review.id);
    expect(res.statusCode).toBe(200);
    const rows = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "file_review.read"), eq(auditLog.userId, w.userIds.kvalitet as string)));
    for (const i of review.items) expect(rows.some((r) => r.personId === i.personId && r.recordId === i.recordId)).toBe(true);
  });

  it("answers 404 for a review outside one's districts", async () => {
    const theirs = (await create("kvalitet.b", { districtIds: [w.other.id] })).review;
    expect((await get("kvalitet", theirs.id)).statusCode).toBe(404);
    expect((await get("enhetschef", theirs.id)).statusCode).toBe(404);
    expect(
      (await patch("kvalitet", `/api/file-reviews/${theirs.id}/items/${theirs.items[0]?.id}`, { comment: "x" })).statusCode,
    ).toBe(404);
    const list = (
      await w.app.inject({ method: "GET", url: "/api/file-reviews", headers: { cookie: await w.login("kvalitet") } })
    ).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(theirs.id);
    expect(list.items.map((r: { id: string }) => r.id)).toContain(review.id);
  });

  it("sets a manual verdict and a comment, and refuses an answer on a criterion the records decide", async () => {
    const item = review.items[0];
    const url = `/api/file-reviews/${review.id}/items/${item?.id}`;
    const ok = await patch("kvalitet", url, { answers: { barnets_syn_utredning: "not_met" }, comment: "Barnets röst saknas" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().verdicts.find((v: { code: string }) => v.code === "barnets_syn_utredning")).toMatchObject({
      verdict: "not_met",
      automaticVerdict: "manual",
    });
    const refused = await patch("kvalitet", url, { answers: { skyddsbedomning: "not_met", analys_kvalitet: "met" } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "criterion_not_manual",
      fields: [{ path: "body.answers.skyddsbedomning" }],
    });
    const [stored] = await w.database.db
      .select()
      .from(fileReviewItems)
      .where(eq(fileReviewItems.id, item?.id as string));
    expect(stored?.answers).toEqual({ barnets_syn_utredning: "not_met" });
    expect(stored?.comment).toBe("Barnets röst saknas");
  });

  it("refuses to sign while manual criteria are unanswered, then signs; a signed review cannot be edited", async () => {
    const refused = await post("kvalitet", `/api/file-reviews/${review.id}/sign`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("manual_criteria_unanswered");
    for (const item of review.items) {
      const res = await patch("kvalitet", `/api/file-reviews/${review.id}/items/${item.id}`, {
        answers: { barnets_syn_utredning: "met", analys_kvalitet: "met" },
      });
      expect(res.statusCode).toBe(200);
    }
    const signed = await post("kvalitet", `/api/file-reviews/${review.id}/sign`, { conclusion: "Skyddsbedömningar i tid." });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ signedByName: "Test kvalitet", conclusion: "Skyddsbedömningar i tid." });
    const edit = await patch("kvalitet", `/api/file-reviews/${review.id}/items/${review.items[0]?.id}`, { comment: "Ändrat" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("review_signed");
    expect((await post("kvalitet", `/api/file-reviews/${review.id}/sign`)).statusCode).toBe(409);
  });

  it("makes a new version of a signed review, with the same sample and answers, open to change", async () => {
    const res = await post("kvalitet", `/api/file-reviews/${review.id}/versions`);
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json() as FileReview;
    expect(v2).toMatchObject({ seriesId: review.id, version: 2, previousVersionId: review.id, signedAt: null, latest: true });
    expect(v2.items.map((i) => i.recordId)).toEqual(review.items.map((i) => i.recordId));
    expect(v2.items[0]?.comment).toBe("Barnets röst saknas");
    expect(
      (await patch("kvalitet", `/api/file-reviews/${v2.id}/items/${v2.items[0]?.id}`, { comment: "Rättat" })).statusCode,
    ).toBe(200);
    // The old version is no longer the latest, and a second version from it is refused.
    expect((await get("kvalitet", review.id)).json().latest).toBe(false);
    expect((await post("kvalitet", `/api/file-reviews/${review.id}/versions`)).statusCode).toBe(409);
    expect((await post("kvalitet", `/api/file-reviews/${v2.id}/versions`)).json().error.code).toBe("review_not_signed");
  });

  it("exports a workbook that exceljs reads, and a PDF for the nämnd without names", async () => {
    const cookie = await w.login("kvalitet");
    const xlsx = await w.app.inject({
      method: "GET",
      url: `/api/file-reviews/${review.id}/export?format=xlsx`,
      headers: { cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Akter");
    expect(sheet?.rowCount).toBe(review.items.length + 1);
    expect(String(sheet?.getRow(1).getCell(6).value)).toBe("Skyddsbedömning inom 24 timmar");
    expect(String(sheet?.getRow(2).getCell(3).value)).toContain("Granskad");
    expect(wb.getWorksheet("Underlag")?.rowCount).toBe(review.items.length * 12 + 1);
    const exported = await w.database.db.select().from(auditLog).where(eq(auditLog.action, "file_review.export"));
    expect(exported.length).toBeGreaterThanOrEqual(review.items.length);

    const pdf = await w.app.inject({
      method: "GET",
      url: `/api/file-reviews/${review.id}/export?format=pdf`,
      headers: { cookie },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("Aktgranskning");
    expect(text).toContain("Skyddsbedömning inom 24 timmar");
    expect(text).not.toContain("Granskad");
  });
});

describe("comparison and actions", () => {
  it("compares with the previous review of the same districts and kind", async () => {
    const first = (await create("enhetschef", { kind: "both", sampleSize: 4, seed: 1 })).review;
    const second = (await create("enhetschef", { kind: "both", sampleSize: 4, seed: 2 })).review;
    expect(second.comparison?.previousId).toBe(first.id);
    expect(second.comparison?.rows.map((r) => r.code)).toEqual(second.criteria.map((c) => c.code));
    expect(second.criteria).toHaveLength(19);
  });

  it("turns a finding into an action with a responsible and a due date, followed up after signing", async () => {
    const review = (await create("kvalitet", { sampleSize: 50, seed: 3 })).review;
    const finding = review.findings[0];
    expect(finding).toBeDefined();
    const created = await post("kvalitet", `/api/file-reviews/${review.id}/actions`, {
      itemId: finding?.itemId,
      criterionCode: finding?.criterionCode,
      finding: finding?.text,
      action: "Genomgång av rutinen för skyddsbedömning",
      responsibleId: w.userIds.enhetschef,
      dueOn: "2027-01-31",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ findingId: finding?.id, responsibleName: "Test enhetschef", doneOn: null });
    const outsider = await post("kvalitet", `/api/file-reviews/${review.id}/actions`, {
      finding: "x",
      action: "y",
      responsibleId: w.userIds["enhetschef.b"],
      dueOn: "2027-01-31",
    });
    expect(outsider.statusCode).toBe(400);
    const done = await patch("kvalitet", `/api/file-reviews/${review.id}/actions/${created.json().id}`, {
      followUpNote: "Rutinen genomgången på APT",
      doneOn: "2026-12-01",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await get("kvalitet", review.id)).json().actions[0]).toMatchObject({
      doneOn: "2026-12-01",
      followUpNote: "Rutinen genomgången på APT",
    });
  });
});

describe("an avvikelse from a finding, in one click", () => {
  const url = (reviewId: string, findingId: string) => `/api/file-reviews/${reviewId}/findings/${findingId}/deviation`;
  const written = async () => [await count(deviations), await count(deviationEvents), await count(fileReviewFindingDeviations)];
  let review: FileReview;
  let firstDeviationId = "";
  const findingOf = (recordId: string | undefined, code: string) => {
    const item = review.items.find((i) => i.recordId === recordId);
    return review.findings.find((f) => f.itemId === item?.id && f.criterionCode === code);
  };
  beforeAll(async () => {
    review = (await create("kvalitet", { kind: "both", sampleSize: 50, seed: 11 })).review;
  });

  it("creates the avvikelse from the finding, linked to the case, without a name, and audited", async () => {
    const finding = findingOf(files.late24h?.investigationId, "skyddsbedomning");
    expect(finding?.deviationId).toBeNull();
    const res = await post("kvalitet", url(review.id, finding?.id as string));
    expect(res.statusCode, res.body).toBe(201);
    const { deviationId, findingId } = res.json();
    expect(findingId).toBe(finding?.id);
    firstDeviationId = deviationId;
    const [d] = await w.database.db.select().from(deviations).where(eq(deviations.id, deviationId));
    expect(d).toMatchObject({
      kind: "tidsfrist",
      source: "file_review",
      sourceRef: { reviewId: review.id, itemId: finding?.itemId, criterion: "skyddsbedomning" },
      caseId: files.late24h?.caseId,
      personId: files.late24h?.personId,
      insatsId: null,
      unitId: w.own.unitId,
      districtId: w.own.id,
      state: "reported",
      reportedBy: w.userIds.kvalitet,
    });
    expect(d?.description).toContain(finding?.text as string);
    expect(d?.description).toContain("11 kap. 1 a §");
    expect(d?.description).not.toContain("Granskad");
    // Dated by the report the verdict rests on (received 2024-01-12), not by the click.
    expect(d?.occurredAt.toISOString().slice(0, 10)).toBe("2024-01-11");

    // The finding now shows its avvikelse, which the reviewer can open.
    const again = (await get("kvalitet", review.id)).json() as FileReview;
    expect(again.findings.find((f) => f.id === finding?.id)?.deviationId).toBe(deviationId);
    expect(again.findings.filter((f) => f.deviationId !== null)).toHaveLength(1);
    const opened = await w.app.inject({
      method: "GET",
      url: `/api/deviations/${deviationId}`,
      headers: { cookie: await w.login("kvalitet") },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().origin).toMatchObject({ kind: "file_review", reviewId: review.id, criterion: "skyddsbedomning" });

    const audited = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "file_review.finding_deviation"), eq(auditLog.userId, w.userIds.kvalitet as string)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ personId: files.late24h?.personId, recordId: files.late24h?.investigationId });
    const reported = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "deviation.report"), eq(auditLog.recordId, deviationId)));
    expect(reported).toHaveLength(1);
  });

  it("links an insats's finding to the insats, of the kind the criterion is", async () => {
    const finding = findingOf(insatsFiles.noPlan?.insatsId, "verkstallighet");
    const res = await post("enhetschef", url(review.id, finding?.id as string));
    expect(res.statusCode, res.body).toBe(201);
    const [d] = await w.database.db.select().from(deviations).where(eq(deviations.id, res.json().deviationId));
    expect(d).toMatchObject({
      kind: "insats",
      insatsId: insatsFiles.noPlan?.insatsId,
      caseId: insatsFiles.noPlan?.caseId,
      personId: insatsFiles.noPlan?.personId,
    });
  });

  it("refuses a second avvikelse for the same finding (409), also from a new version or two clicks at once", async () => {
    const finding = findingOf(files.late24h?.investigationId, "skyddsbedomning");
    const before = await written();
    const second = await post("kvalitet", url(review.id, finding?.id as string));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("deviation_exists");
    // A later version of the review: the same file and criterion is the same finding.
    await w.database.db
      .update(fileReviews)
      .set({ signedAt: new Date(), signedBy: w.userIds.kvalitet as string })
      .where(eq(fileReviews.id, review.id));
    const v2 = (await post("kvalitet", `/api/file-reviews/${review.id}/versions`)).json() as FileReview;
    const item2 = v2.items.find((i) => i.recordId === files.late24h?.investigationId);
    const finding2 = v2.findings.find((f) => f.itemId === item2?.id && f.criterionCode === "skyddsbedomning");
    expect(finding2?.deviationId).toBe(firstDeviationId);
    expect((await post("kvalitet", url(v2.id, finding2?.id as string))).statusCode).toBe(409);
    expect(await written()).toEqual(before);

    // Two clicks at once on a fresh finding: one avvikelse.
    const other = findingOf(files.lateExtension?.investigationId, "utredningstid");
    const cookie = await w.login("kvalitet");
    const both = await Promise.all(
      [1, 2].map(() => w.app.inject({ method: "POST", url: url(review.id, other?.id as string), headers: { cookie } })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const links = await w.database.db
      .select()
      .from(fileReviewFindingDeviations)
      .where(eq(fileReviewFindingDeviations.recordId, files.lateExtension?.investigationId as string));
    expect(links).toHaveLength(1);
  });

  it("answers 404 out of scope and for what is not a finding, 400 for a malformed id, and writes nothing", async () => {
    const theirs = (await create("kvalitet.b", { districtIds: [w.other.id], kind: "both", sampleSize: 5 })).review;
    const theirItem = theirs.items[0] as FileReview["items"][number];
    const before = await written();
    const auditBefore = await w.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, "file_review.finding_deviation"));
    // Another district's review, whatever its findings: not found for kvalitet of A.
    for (const code of ["skyddsbedomning", "barnets_syn_utredning"])
      expect((await post("kvalitet", url(theirs.id, `${theirItem.id}:${code}`))).statusCode).toBe(404);
    // A role without review:manage.
    const finding = findingOf(files.late24h?.investigationId, "forhandsbedomning");
    const exact = findingOf(files.exact24h?.investigationId, "skyddsbedomning");
    expect(exact).toBeUndefined();
    const exactItem = review.items.find((i) => i.recordId === files.exact24h?.investigationId);
    for (const [user, findingId] of [
      ["handlaggare", `${exactItem?.id}:skyddsbedomning`],
      // A criterion that was met is no finding; nor is an unknown criterion or another review's item.
      ["kvalitet", `${exactItem?.id}:skyddsbedomning`],
      ["kvalitet", `${exactItem?.id}:okant_kriterium`],
      ["kvalitet", `${theirItem.id}:skyddsbedomning`],
      ["kvalitet", `${crypto.randomUUID()}:skyddsbedomning`],
    ] as const) {
      const res = await post(user, url(review.id, findingId));
      expect(res.statusCode, `${user} ${findingId}`).toBe(404);
    }
    if (finding) expect((await post("handlaggare", url(review.id, finding.id))).statusCode).toBe(404);
    const malformed = await post("kvalitet", url(review.id, "inte-ett-id"));
    expect(malformed.statusCode).toBe(400);
    expect(await written()).toEqual(before);
    const auditAfter = await w.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, "file_review.finding_deviation"));
    expect(auditAfter).toEqual(auditBefore);
  });
});
