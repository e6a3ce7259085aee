import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_ASSESSMENT_REASONS } from "../../../domain/assessment-policy";
import { assessments, instruments, investigations, persons, reports } from "../../db/schema/index";
import { seedTraining, shippedInstrument } from "../../testing/assessment-fixtures";
import { seedCase } from "../../testing/case-fixtures";
import { expectHiddenOrSafe, expectPublished } from "../../testing/disclosure-expect";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const today = () => new Date().toISOString().slice(0, 10);
const count = async (table: "assessments" | "instruments" | "instrument_trainings") =>
  Number((await w.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]?.n);

async function call(username: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}

/** Every SAVRY item answered with `value` (protective items with 1). */
async function savryAnswers(value: number) {
  const savry = await shippedInstrument(w, "savry");
  return Object.fromEntries(savry.def.items.map((i) => [i.id, i.direction === "protective" ? 1 : value]));
}

/** A running investigation whose case concerns crime, as the completion policy looks for. */
async function crimeInvestigation() {
  const c = await seedCase(w, "own", "investigating");
  await w.database.db
    .update(reports)
    .set({ concerns: ["brott"] })
    .where(eq(reports.caseId, c.caseId));
  return c;
}

describe("instrument definitions", () => {
  it("ships GAS in full and the licensed instruments as structure only", async () => {
    const res = await call("handlaggare", "GET", "/api/instruments");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; licence: string }[];
    expect(items.map((i) => i.key).sort()).toEqual(["adad", "earl-20b", "earl-21g", "gas", "savry", "yls-cmi"]);
    expect(items.find((i) => i.key === "gas")?.licence).toBe("free");
    expect(items.find((i) => i.key === "savry")?.licence).toBe("requires_licence");
  });

  it("imports a new version, exports it unchanged, and refuses to replace a stored version", async () => {
    const base = (await shippedInstrument(w, "yls-cmi")).def;
    const definition = { ...base, version: "2-test" };
    const created = await call("systemadministrator", "POST", "/api/admin/instruments", definition);
    expect(created.statusCode, created.body).toBe(201);
    const exported = await call("handlaggare", "GET", `/api/instruments/${created.json().id}/export`);
    expect(exported.headers["content-disposition"]).toContain("yls-cmi-2-test.json");
    expect(JSON.parse(exported.body)).toEqual(definition);
    const before = await count("instruments");
    const again = await call("systemadministrator", "POST", "/api/admin/instruments", { ...definition, name: "Ändrad" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("instrument_version_exists");
    expect(await count("instruments")).toBe(before);
  });

  it("rejects a definition with duplicate or missing item ids, naming the field, and writes nothing", async () => {
    const base = (await shippedInstrument(w, "savry")).def;
    const before = await count("instruments");
    const duplicate = { ...base, version: "dup", items: [...base.items, { ...base.items[0] }] };
    const res = await call("systemadministrator", "POST", "/api/admin/instruments", duplicate);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(`body.items.${base.items.length}.id`);
    const { id: _drop, ...withoutId } = base.items[0] as { id: string };
    const missing = { ...base, version: "missing", items: [withoutId, ...base.items.slice(1)] };
    const res2 = await call("systemadministrator", "POST", "/api/admin/instruments", missing);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.fields.map((f: { path: string }) => f.path)).toContain("body.items.0.id");
    expect(await count("instruments")).toBe(before);
  });

  it("hides a retired version from the list of instruments to choose", async () => {
    const def = { ...(await shippedInstrument(w, "adad")).def, version: "old" };
    const { id } = (await call("systemadministrator", "POST", "/api/admin/instruments", def)).json();
    expect((await call("systemadministrator", "POST", `/api/admin/instruments/${id}/retire`)).statusCode).toBe(200);
    const listed = (await call("handlaggare", "GET", "/api/instruments")).json().items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(id);
    const all = (await call("handlaggare", "GET", "/api/instruments?includeRetired=true")).json().items;
    expect(all.find((i: { id: string }) => i.id === id)?.retired).toBe(true);
  });
});

describe("instrument usage count", () => {
  it("counts the signed assessments of a version through the disclosure module: 0, then hidden, then about 9", async () => {
    const base = (await shippedInstrument(w, "gas")).def;
    // A key of its own, so that the other tests' shipped GAS stays the only one.
    const imported = await call("systemadministrator", "POST", "/api/admin/instruments", { ...base, id: "gas-count-test" });
    expect(imported.statusCode, imported.body).toBe(201);
    const id = imported.json().id as string;
    const uses = async () => {
      const listed = (await call("handlaggare", "GET", "/api/instruments")).json().items.find((i: { id: string }) => i.id === id);
      const detail = (await call("analytiker", "GET", `/api/instruments/${id}`)).json();
      expect(detail.assessments).toBe(listed.assessments);
      return listed.assessments as number | null;
    };
    expect(await uses()).toBe(0);

    // A draft is not use.
    const c = await crimeInvestigation();
    await seedTraining(w, w.userIds.handlaggare as string, "gas-count-test", base.version);
    const created = await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
      instrumentId: id,
      investigationId: c.investigationId,
      assessedOn: today(),
      goals: [{ id: "g1", label: "Går i skolan" }],
      answers: { g1: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await uses()).toBe(0);

    // One signed: the count moves, and as 1–4 it is hidden, never shown as 0.
    expect((await call("handlaggare", "POST", `/api/assessments/${created.json().id}/sign`)).statusCode).toBe(200);
    expect(await uses()).toBeNull();

    // Nine signed: shown, within ±2 of the truth (7–11 is never below 5).
    for (let i = 0; i < 8; i++) {
      await w.database.db.insert(assessments).values({
        caseId: c.caseId,
        personId: w.own.personId,
        districtId: w.own.id,
        instrumentId: id,
        assessedOn: today(),
        score: {},
        createdBy: w.userIds.handlaggare as string,
        signedBy: w.userIds.handlaggare as string,
        signedAt: new Date(),
      });
    }
    const nine = await uses();
    expect(nine).not.toBeNull();
    expect(Math.abs((nine as number) - 9)).toBeLessThanOrEqual(2);
    // The same assessments always get the same figure.
    expect(await uses()).toBe(nine);
  });
});

describe("training register", () => {
  it("registers a training and lists it with its status; the reminder list holds what ends soon", async () => {
    const res = await call("enhetschef", "POST", "/api/trainings", {
      userId: w.userIds.samordnare,
      instrumentKey: "earl-20b",
      instrumentVersion: "1",
      trainedOn: "2024-01-10",
      trainedBy: "Licensierad utbildare",
      validUntil: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      userName: expect.any(String),
      status: "expiring",
      instrumentName: expect.stringContaining("EARL"),
    });
    const soon = (await call("enhetschef", "GET", "/api/trainings?expiringWithinDays=60")).json().items;
    expect(soon.map((t: { id: string }) => t.id)).toContain(res.json().id);
    const other = (await call("enhetschef.b", "GET", "/api/trainings")).json().items;
    expect(other.map((t: { id: string }) => t.id)).not.toContain(res.json().id);
  });

  it("refuses an end date before the training and an unknown instrument version", async () => {
    const before = await count("instrument_trainings");
    const body = {
      userId: w.userIds.samordnare,
      instrumentKey: "savry",
      instrumentVersion: "1",
      trainedOn: "2025-01-10",
      trainedBy: "X",
    };
    const early = await call("enhetschef", "POST", "/api/trainings", { ...body, validUntil: "2024-01-01" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe("body.validUntil");
    const unknown = await call("enhetschef", "POST", "/api/trainings", { ...body, instrumentVersion: "99" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe("body.instrumentVersion");
    expect(await count("instrument_trainings")).toBe(before);
  });
});

describe("recording an assessment", () => {
  it("scores a draft, refuses signing with unanswered items or by someone untrained, and signs for the trained", async () => {
    const c = await crimeInvestigation();
    const savry = await shippedInstrument(w, "savry");
    const answers = await savryAnswers(2);
    delete answers.H3;
    const created = await call("kollega", "POST", `/api/cases/${c.caseId}/assessments`, {
      instrumentId: savry.id,
      investigationId: c.investigationId,
      assessedOn: today(),
      answers,
      judgement: "hog",
      judgementReason: "Många riskfaktorer",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const draft = (await call("kollega", "GET", `/api/assessments/${id}`)).json();
    expect(draft.status).toBe("draft");
    expect(draft.score.riskTotal).toBe(23 * 2);
    expect(draft.score.protectiveTotal).toBe(6);
    expect(draft.canSign).toBe(false);

    const incomplete = await call("kollega", "POST", `/api/assessments/${id}/sign`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["body.answers.H3"]);

    const complete = {
      assessedOn: today(),
      answers: await savryAnswers(2),
      judgement: "hog",
      judgementReason: "Många riskfaktorer",
    };
    expect((await call("kollega", "PUT", `/api/assessments/${id}`, complete)).statusCode).toBe(200);
    const untrained = await call("kollega", "POST", `/api/assessments/${id}/sign`);
    expect(untrained.statusCode).toBe(409);
    expect(untrained.json().error.code).toBe("not_trained");
    expect((await w.database.db.select().from(assessments).where(eq(assessments.id, id)))[0]?.signedAt).toBeNull();

    await seedTraining(w, w.userIds.kollega as string, "savry");
    const signed = await call("kollega", "POST", `/api/assessments/${id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    const after = (await call("kollega", "GET", `/api/assessments/${id}`)).json();
    expect(after).toMatchObject({ status: "signed", signedByName: expect.any(String), judgement: "hog" });
    const change = await call("kollega", "PUT", `/api/assessments/${id}`, complete);
    expect(change.statusCode).toBe(409);
  });

  it("refuses answers off the scale and an instrument outside the person's age without a reason", async () => {
    const c = await crimeInvestigation();
    const before = await count("assessments");
    const savry = await shippedInstrument(w, "savry");
    const off = await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
      instrumentId: savry.id,
      assessedOn: today(),
      answers: { H1: 5 },
    });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.fields).toEqual([{ path: "body.answers.H1", message: expect.stringContaining("not on the scale") }]);
    // The person is 15: EARL-20B is for 6–12 year olds.
    const earl = await shippedInstrument(w, "earl-20b");
    const young = await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
      instrumentId: earl.id,
      assessedOn: today(),
    });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.fields[0].path).toBe("body.ageOverrideReason");
    expect(await count("assessments")).toBe(before);
    const withReason = await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
      instrumentId: earl.id,
      assessedOn: today(),
      ageOverrideReason: "Utvecklingsmässigt yngre",
    });
    expect(withReason.statusCode).toBe(201);
  });

  it("shows a re-assessment's change against the previous one, item by item and in total", async () => {
    const c = await crimeInvestigation();
    const savry = await shippedInstrument(w, "savry");
    await seedTraining(w, w.userIds.handlaggare as string, "savry");
    const record = async (assessedOn: string, value: number) => {
      const { id } = (
        await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
          instrumentId: savry.id,
          assessedOn,
          answers: await savryAnswers(value),
          judgement: value === 2 ? "hog" : "lag",
          judgementReason: "Bedömning",
        })
      ).json();
      expect((await call("handlaggare", "POST", `/api/assessments/${id}/sign`)).statusCode).toBe(200);
      return id as string;
    };
    await record("2026-01-15", 2);
    const second = await record(today(), 0);
    const detail = (await call("handlaggare", "GET", `/api/assessments/${second}`)).json();
    expect(detail.comparison.previousAssessedOn).toBe("2026-01-15");
    expect(detail.comparison.riskTotal).toEqual({ before: 48, after: 0, change: -48 });
    expect(detail.comparison.items.find((i: { id: string }) => i.id === "H1")).toEqual({
      id: "H1",
      before: 2,
      after: 0,
      change: -2,
    });
  });
});

describe("completion policy", () => {
  it("refuses to complete a crime investigation without a signed assessment or a documented reason", async () => {
    const c = await crimeInvestigation();
    const url = `/api/investigations/${c.investigationId}/complete`;
    const bare = await call("handlaggare", "POST", url, { completedOn: today() });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({ code: "assessment_required", fields: [{ path: "body.noAssessmentReason" }] });
    const noNote = await call("handlaggare", "POST", url, { completedOn: today(), noAssessmentReason: "annan" });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe("body.noAssessmentNote");
    const [inv] = await w.database.db.select().from(investigations).where(eq(investigations.id, c.investigationId));
    expect(inv?.completedOn).toBeNull();
    const documented = await call("handlaggare", "POST", url, {
      completedOn: today(),
      noAssessmentReason: "vardnadshavare_den_unge_avbojt",
      noAssessmentNote: "Familjen ville inte medverka",
      childView: "Vill klara sig själv.",
    });
    expect(documented.statusCode, documented.body).toBe(200);
    const [done] = await w.database.db.select().from(investigations).where(eq(investigations.id, c.investigationId));
    expect(done).toMatchObject({
      noAssessmentReason: "vardnadshavare_den_unge_avbojt",
      noAssessmentNote: "Familjen ville inte medverka",
    });
  });

  it("completes with a signed assessment on the investigation, and without one where the district does not require it", async () => {
    const c = await crimeInvestigation();
    const gas = await shippedInstrument(w, "gas");
    await seedTraining(w, w.userIds.handlaggare as string, "gas");
    const { id } = (
      await call("handlaggare", "POST", `/api/cases/${c.caseId}/assessments`, {
        instrumentId: gas.id,
        investigationId: c.investigationId,
        assessedOn: today(),
        goals: [{ id: "g1", label: "Går i skolan" }],
        answers: { g1: 1 },
      })
    ).json();
    expect((await call("handlaggare", "POST", `/api/assessments/${id}/sign`)).statusCode).toBe(200);
    const ok = await call("handlaggare", "POST", `/api/investigations/${c.investigationId}/complete`, {
      completedOn: today(),
      childView: "Vill ha stöd.",
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const off = await call("systemadministrator", "PUT", `/api/admin/districts/${w.own.id}/assessment-policy`, {
      requireStructuredAssessment: false,
    });
    expect(off.json()).toEqual({ districtId: w.own.id, requireStructuredAssessment: false });
    const c2 = await crimeInvestigation();
    const free = await call("handlaggare", "POST", `/api/investigations/${c2.investigationId}/complete`, {
      completedOn: today(),
      childView: "Vill ha stöd.",
    });
    expect(free.statusCode).toBe(200);
    await call("systemadministrator", "PUT", `/api/admin/districts/${w.own.id}/assessment-policy`, {
      requireStructuredAssessment: true,
    });
  });
});

/** Every cell of every sheet, as text. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join("\n");
}

describe("usage statistics", () => {
  // A personnummer-like marker and a name that staff wrote into a free-text note.
  const NOTE_MARKER = "20100101-1234";
  const NOTE_NAME = "Zätalina Markörsson";
  let fresh: World;
  const personnummer: string[] = [];
  /**
   * One completed investigation of a young person of its own, with its concerns and assessment; a
   * note comes with the reason "annan" unless another reason is given. Completed in June 2026 unless
   * another day is given.
   */
  let make: (
    target: "own" | "other",
    concerns: string[],
    gender: string,
    assessment: "signed" | "draft" | null,
    note?: string,
    opts?: { reason?: string; day?: string },
  ) => Promise<void>;
  beforeAll(async () => {
    fresh = await createWorld();
    const gas = await shippedInstrument(fresh, "gas");
    await seedTraining(fresh, fresh.userIds.handlaggare as string, "gas");
    const day = "2026-06-15";
    make = async (target, concerns, gender, assessment, note, opts = {}) => {
      const f = target === "own" ? fresh.own : fresh.other;
      const c = await seedCase(fresh, target, "investigated");
      const [p] = await fresh.database.db
        .insert(persons)
        .values({
          personnummer: nextPersonnummer(),
          kind: "ung",
          firstName: "Zätalina",
          lastName: "Markörsson",
          gender,
          birthDate: "2011-01-01",
          districtId: f.id,
        })
        .returning();
      personnummer.push(p?.personnummer as string);
      await fresh.database.db.update(reports).set({ concerns }).where(eq(reports.caseId, c.caseId));
      await fresh.database.db
        .update(investigations)
        .set({
          completedOn: opts.day ?? day,
          personId: p?.id as string,
          noAssessmentReason: opts.reason ?? (note ? "annan" : null),
          noAssessmentNote: note ?? null,
        })
        .where(eq(investigations.id, c.investigationId));
      if (assessment) {
        await fresh.database.db.insert(assessments).values({
          caseId: c.caseId,
          investigationId: c.investigationId,
          personId: p?.id as string,
          districtId: f.id,
          instrumentId: gas.id,
          assessedOn: "2026-06-01",
          score: {},
          createdBy: fresh.userIds.handlaggare as string,
          signedBy: assessment === "signed" ? (fresh.userIds.handlaggare as string) : null,
          signedAt: assessment === "signed" ? new Date("2026-06-01T12:00:00Z") : null,
        });
      }
    };
    // District A: fourteen completed crime/violence investigations, eight with a signed GAS.
    for (let i = 0; i < 5; i++) await make("own", ["brott"], "flicka", "signed");
    for (let i = 0; i < 3; i++) await make("own", ["vald", "missbruk"], "pojke", "signed");
    for (let i = 0; i < 2; i++) await make("own", ["brott"], "flicka", "draft");
    for (let i = 0; i < 4; i++) await make("own", ["brott", "missbruk"], "pojke", null, `${NOTE_NAME} ${NOTE_MARKER} vägrade`);
    // Not in the population: no crime or violence concern.
    await make("own", ["skolfranvaro"], "flicka", null);
    // District B: three, too few to publish anything from.
    for (let i = 0; i < 3; i++) await make("other", ["brott"], "flicka", null, `${NOTE_NAME} ${NOTE_MARKER}`);
  });
  afterAll(async () => fresh?.close());

  const usage = async (username: string, query: string) =>
    fresh.app.inject({
      method: "GET",
      url: `/api/reports/assessment-usage?${query}`,
      headers: { cookie: await fresh.login(username) },
    });

  it("publishes the counts of completed investigations with a signed assessment by the disclosure rules", async () => {
    const res = await usage("kvalitet", `from=2026-01-01&to=2026-12-31&districtId=${fresh.own.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const u = res.json();
    // kvalitet reads the persons of the district: any days; the population is large enough.
    expect(u.disclosure).toMatchObject({ method: "cell-key", granularity: "day", protectedWhole: false });
    // By hand: 14 completed, 8 with a signed assessment (drafts do not count), 6 without.
    expect(u.total.completed).not.toBeNull();
    expectPublished(u.total.completed, 14);
    expectPublished(u.total.withAssessment, 8);
    if (u.total.share !== null) {
      expect(u.total.share).toBeGreaterThanOrEqual(6 / 16);
      expect(u.total.share).toBeLessThanOrEqual(10 / 12);
    }
    // One district: the same investigations as the total, so the same cell keys and the same figures.
    expect(u.byDistrict).toEqual([{ districtId: fresh.own.id, districtName: "Distrikt A", ...u.total }]);
    const concern = (c: string) => u.byConcern.find((x: { concern: string }) => x.concern === c);
    expect(u.byConcern.map((x: { concern: string }) => x.concern)).toEqual(["brott", "vald", "missbruk"]);
    expectPublished(concern("brott").completed, 11);
    expectPublished(concern("brott").withAssessment, 5);
    // Violence: 3 investigations, all assessed: hidden, never 0.
    expect(concern("vald")).toEqual({ concern: "vald", completed: null, withAssessment: null, share: null });
    expectPublished(concern("missbruk").completed, 7);
    expect(concern("missbruk").withAssessment).toBeNull();
    expect(concern("missbruk").share).toBeNull();
    // Boys: 7 completed, 3 assessed (hidden). Girls: 7 and 5 — but girls + boys = the total, so the
    // girls' 5 is hidden too (secondary suppression) unless their perturbed figure leaves no lone small
    // remainder beside the total — which one depends on the record keys.
    const gender = (g: string) => u.byGender.find((x: { gender: string }) => x.gender === g);
    expectPublished(gender("pojke").completed, 7);
    expect(gender("pojke").withAssessment).toBeNull();
    expectHiddenOrSafe(gender("flicka").withAssessment, 5, u.total.withAssessment);
    if (gender("flicka").withAssessment === null) expect(gender("flicka").share).toBeNull();
    expect(u.byInstrument).toHaveLength(1);
    expect(u.byInstrument[0]).toMatchObject({ instrumentKey: "gas" });
    expect(u.byInstrument[0].investigations).not.toBeNull();
    expectPublished(u.byInstrument[0].investigations, 8);
    // Eight signed, all by someone trained: the same assessments, so the same perturbed count; share 1.
    expectPublished(u.assessments.signed, 8);
    expect(u.assessments.byTrained).toBe(u.assessments.signed);
    expect(u.assessments.share).toBe(1);
    // Without an assessment: 4 with the reason "annan" and 2 drafts with none given, both hidden;
    // the other reasons 0. Hidden 4 + 2 are two parts of at least 5 together: the sum gives none away.
    const reason = (r: string) => u.byReason.find((x: { reason: string }) => x.reason === r)?.investigations;
    expect(reason("annan")).toBeNull();
    expect(reason("none")).toBeNull();
    for (const r of ["ej_tillampligt_alder", "instrument_saknas", "ingen_utbildad_personal"]) expect(reason(r)).toBe(0);
    // One trained person in the unit: hidden.
    expect(u.trainedStaff).toEqual([
      {
        instrumentKey: "gas",
        instrumentName: expect.any(String),
        unitId: fresh.own.unitId,
        unitName: expect.any(String),
        trained: null,
      },
    ]);
  });

  describe("by the reason given for no structured assessment", () => {
    const NOTE = "Qvintus-anteckning";
    // District A in 2024: 25 completed crime/violence investigations — 6 with a signed assessment,
    // 8 without for want of a trained assessor, 3 for want of an instrument, 2 where the young
    // person or guardians did not take part, and 6 with no reason given (4 without, 2 drafts).
    beforeAll(async () => {
      const in2024 = (reason?: string) => ({ day: "2024-05-15", ...(reason ? { reason } : {}) });
      for (let i = 0; i < 6; i++) await make("own", ["brott"], "flicka", "signed", undefined, in2024());
      for (let i = 0; i < 8; i++) await make("own", ["brott"], "pojke", null, NOTE, in2024("ingen_utbildad_personal"));
      for (let i = 0; i < 3; i++) await make("own", ["vald"], "pojke", null, NOTE, in2024("instrument_saknas"));
      for (let i = 0; i < 2; i++) await make("own", ["brott"], "flicka", null, NOTE, in2024("vardnadshavare_den_unge_avbojt"));
      for (let i = 0; i < 4; i++) await make("own", ["brott"], "pojke", null, undefined, in2024());
      for (let i = 0; i < 2; i++) await make("own", ["vald"], "flicka", "draft", undefined, in2024());
    });

    it("counts each reason and none given by the disclosure rules, adding up without giving a hidden count away", async () => {
      const res = await usage("kvalitet", `from=2024-01-01&to=2024-12-31&districtId=${fresh.own.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const u = res.json();
      expect(u.disclosure.protectedWhole).toBe(false);
      // Every reason of the vocabulary, then none given: in that order, whatever their counts.
      expect(u.byReason.map((r: { reason: string }) => r.reason)).toEqual([...NO_ASSESSMENT_REASONS, "none"]);
      const truth: Record<string, number> = {
        ej_tillampligt_alder: 0,
        instrument_saknas: 3,
        ingen_utbildad_personal: 8,
        vardnadshavare_den_unge_avbojt: 2,
        utredningen_avslutad_tidigt: 0,
        annan: 0,
        none: 6,
      };
      for (const r of u.byReason as { reason: string; investigations: number | null }[])
        expectPublished(r.investigations, truth[r.reason] as number);
      expectPublished(u.total.completed, 25);
      expectPublished(u.total.withAssessment, 6);
      // with an assessment + each reason + none = all: a shown total never leaves a single part hidden,
      // and a hidden total always has a hidden part.
      const parts = [u.total.withAssessment, ...u.byReason.map((r: { investigations: number | null }) => r.investigations)];
      const hidden = parts.filter((v) => v === null).length;
      if (u.total.completed !== null) expect(hidden).not.toBe(1);
      else expect(hidden).toBeGreaterThan(0);
      // Only codes: the explanation written beside a reason is nowhere in the report.
      expect(res.body).not.toContain(NOTE);
      expect(Object.keys(u.byReason[0]).sort()).toEqual(["investigations", "reason"]);
    });

    it("writes the reasons to the workbook, as published and without the note", async () => {
      const xlsx = await fresh.app.inject({
        method: "GET",
        url: `/api/reports/assessment-usage/export?from=2024-01-01&to=2024-12-31&districtId=${fresh.own.id}&format=xlsx`,
        headers: { cookie: await fresh.login("kvalitet") },
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as never);
      const sheet = wb.getWorksheet("Skäl utan bedömning");
      expect(sheet).toBeDefined();
      const rows = new Map<string, unknown>();
      sheet?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
      const json = (await usage("kvalitet", `from=2024-01-01&to=2024-12-31&districtId=${fresh.own.id}`)).json();
      const cell = (v: number | null) => (v === null ? "–" : v);
      expect(rows.get("Utan bedömning: Instrument saknas för frågeställningen")).toBe("–");
      expect(rows.get("Utan bedömning: Inget instrument passar den unges ålder")).toBe(0);
      expect(rows.get("Utan bedömning, inget skäl angivet")).toBe(
        cell(json.byReason.find((r: { reason: string }) => r.reason === "none").investigations),
      );
      expect(rows.get("Alla")).toBe(cell(json.total.completed));
      expect(await xlsxText(xlsx.rawPayload)).not.toContain(NOTE);
    });
  });

  it("shows an empty period as 0 and hides everything for a population below 10", async () => {
    const empty = (await usage("kvalitet", `from=2025-01-01&to=2025-12-31&districtId=${fresh.own.id}`)).json();
    expect(empty.disclosure.protectedWhole).toBe(false);
    expect(empty.total).toEqual({ completed: 0, withAssessment: 0, share: null });
    expect(empty.assessments).toEqual({ signed: 0, byTrained: 0, share: null });
    expect(empty.byReason.every((r: { investigations: number | null }) => r.investigations === 0)).toBe(true);

    const few = (await usage("kvalitet.b", `from=2026-01-01&to=2026-12-31&districtId=${fresh.other.id}`)).json();
    expect(few.disclosure.protectedWhole).toBe(true);
    expect(few.total).toEqual({ completed: null, withAssessment: null, share: null });
    expect(few.byGender).toEqual([{ gender: "flicka", completed: null, withAssessment: null, share: null }]);
    expect(few.assessments).toEqual({ signed: null, byTrained: null, share: null });
    expect(few.byReason.every((r: { investigations: number | null }) => r.investigations === null)).toBe(true);
  });

  it("asks an analytiker for whole months and gives no name, personnummer or note in JSON or XLSX", async () => {
    const fine = await usage("analytiker", "from=2026-06-02&to=2026-06-30");
    expect(fine.statusCode).toBe(400);
    expect(fine.json().error.code).toBe("period_too_fine");
    const res = await usage("analytiker", "from=2026-01-01&to=2026-12-31");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disclosure).toMatchObject({ granularity: "calendar", protectedWhole: false });
    const xlsx = await fresh.app.inject({
      method: "GET",
      url: "/api/reports/assessment-usage/export?from=2026-01-01&to=2026-12-31&format=xlsx",
      headers: { cookie: await fresh.login("analytiker") },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("strukturerade-bedomningar-2026-01-01-2026-12-31.xlsx");
    const text = await xlsxText(xlsx.rawPayload);
    // The workbook holds the published figures: the hidden ones as "–", with the note why.
    expect(text).toContain("Strukturerade bedömningar 2026-01-01–2026-12-31");
    expect(text).toContain("cellnyckelmetoden");
    expect(text.split("\n")).toContain("–");
    for (const [format, body] of [
      ["json", res.body],
      ["xlsx", text],
    ]) {
      for (const absent of [NOTE_MARKER, "Zätalina", "Markörsson", "vägrade", "Alva", ...personnummer]) {
        expect(body, `${format} holds ${absent}`).not.toContain(absent);
      }
    }
  });
});

// The shipped rows are what the statistics and the forms name: keep them tied to the domain files.
it("stores the shipped definitions as parsed by the domain", async () => {
  const rows = await w.database.db.select().from(instruments).where(eq(instruments.key, "gas"));
  expect(rows).toHaveLength(1);
  expect((rows[0]?.definition as { kind: string }).kind).toBe("gas");
});
