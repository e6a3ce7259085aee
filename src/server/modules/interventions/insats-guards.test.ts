import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../domain/clocks";
import { insatser } from "../../db/schema/index";
import { catalogueEntry, seedInsats } from "../../testing/insats-fixtures";
import { createWorld, type World } from "../../testing/world";

/** Issue 18 point 9: an insats outside its target ages needs a reason; "målen uppnådda" against the follow-ups needs a confirmation. */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const today = () => new Date().toISOString().slice(0, 10);
const count = async (table: string) =>
  Number((await w.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)).rows[0]?.n);
async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const paths = (res: { json: () => { error: { fields: { path: string }[] } } }) => res.json().error.fields.map((f) => f.path);
const row = async (id: string) => (await w.database.db.select().from(insatser).where(eq(insatser.id, id)))[0];
const auditDetails = async (action: string, recordId: string) =>
  (
    await w.database.db.execute(
      sql`select details from audit_log where action = ${action} and record_id = ${recordId} order by at desc limit 1`,
    )
  ).rows[0]?.details as Record<string, unknown> | undefined;

describe("an insats outside the catalogue's target ages", () => {
  // The world's young people are born 2011-01-01: 15 years old now, so Triple P (2–12) does not fit.
  it("refuses ordering Triple P for a 15-year-old without a reason, writing nothing; with one, stores and shows it", async () => {
    const s = await seedInsats(w, "own", "decided");
    const triple = await catalogueEntry(w, "TRIPLE_P");
    const url = `/api/cases/${s.caseId}/insatser`;
    const body = { catalogueId: triple.id, providerUnitId: w.own.providerUnitId, decidedOn: today() };
    const before = await count("insatser");
    const refused = await call("handlaggare", "POST", url, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("age_outside_catalogue");
    expect(refused.json().error.message).toContain("2–12");
    expect(paths(refused)).toEqual(["body.ageOutsideReason"]);
    const blank = await call("handlaggare", "POST", url, { ...body, ageOutsideReason: "   " });
    expect(blank.statusCode).toBe(400);
    expect(await count("insatser")).toBe(before);

    const given = await call("handlaggare", "POST", url, {
      ...body,
      ageOutsideReason: "Föräldrarna behöver stöd i gränssättning; inget program för tonåringar finns i närheten",
    });
    expect(given.statusCode, given.body).toBe(201);
    const detail = (await call("handlaggare", "GET", `/api/insatser/${given.json().id}`)).json();
    expect(detail).toMatchObject({
      targetAges: { min: 2, max: 12 },
      ageOutsideReason: "Föräldrarna behöver stöd i gränssättning; inget program för tonåringar finns i närheten",
    });
    expect(await auditDetails("insats.create", given.json().id)).toMatchObject({ ageOutside: "above" });

    // The reason given when ordered stands at the start: the provider is not asked again.
    const started = await call("insatsutforare", "POST", `/api/insatser/${given.json().id}/start`, { startedOn: today() });
    expect(started.statusCode, started.body).toBe(200);
  });

  it("keeps no reason for an insats within its ages", async () => {
    const s = await seedInsats(w, "own", "decided");
    const fft = await catalogueEntry(w, "FFT");
    const given = await call("handlaggare", "POST", `/api/cases/${s.caseId}/insatser`, {
      catalogueId: fft.id,
      decisionId: s.decisionId,
      providerUnitId: w.own.providerUnitId,
      ageOutsideReason: "Onödigt",
    });
    expect(given.statusCode).toBe(201);
    expect((await row(given.json().id))?.ageOutsideReason).toBeNull();
  });

  it("checks the age on the start day: asks the provider for the reason when none was given, and stores it", async () => {
    // Ordered before the guard existed (straight in the database), started now: 15 on the start day.
    const s = await seedInsats(w, "own", "decided", "TRIPLE_P");
    const url = `/api/insatser/${s.insatsId}/start`;
    const startedOn = addCalendarDays(s.decidedOn, 3);
    const refused = await call("insatsutforare", "POST", url, { startedOn });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("age_outside_catalogue");
    expect(paths(refused)).toEqual(["body.ageOutsideReason"]);
    expect((await row(s.insatsId))?.startedOn).toBeNull();

    const ok = await call("insatsutforare", "POST", url, { startedOn, ageOutsideReason: "Syskonen går i samma grupp" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await row(s.insatsId)).toMatchObject({ startedOn, ageOutsideReason: "Syskonen går i samma grupp" });
    const detail = (await call("handlaggare", "GET", `/api/insatser/${s.insatsId}`)).json();
    expect(detail.ageOutsideReason).toBe("Syskonen går i samma grupp");
    expect(await auditDetails("insats.start", s.insatsId)).toMatchObject({ ageOutside: "above" });
  });
});

describe('ending as "målen uppnådda" against the goal follow-ups', () => {
  /** A started insats with a signed plan of two goals, followed up as g1 reached and g2 as given. */
  async function followedUp(g2: "uppnatt" | "ej_uppnatt") {
    const s = await seedInsats(w, "own", "started");
    const followUpOn = today();
    const plan = await call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/plans`, {
      goals: [
        { id: "g1", text: "Går i skolan", measure: "Närvaro", followUpOn },
        { id: "g2", text: "Inga nya brott", measure: "Polisens underrättelser", followUpOn },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await call("insatsutforare", "POST", `/api/plans/${plan.json().id}/sign`)).statusCode).toBe(200);
    const f = await call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/follow-ups`, {
      doneOn: today(),
      results: [
        { goalId: "g1", attainment: "uppnatt" },
        { goalId: "g2", attainment: g2 },
      ],
      nextStep: "Avslut",
    });
    expect(f.statusCode, f.body).toBe(201);
    return s;
  }
  const end = { endedOn: today(), endReason: "mal_uppnatt", outcome: "Avslutad" };

  it("answers 409 goals_not_reached with 1 of 2 and writes nothing, then stores and shows the confirmed note", async () => {
    const s = await followedUp("ej_uppnatt");
    const url = `/api/insatser/${s.insatsId}/end`;
    const refused = await call("handlaggare", "POST", url, end);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("goals_not_reached");
    expect(refused.json().error.message).toContain("1 av 2");
    expect(refused.json().error.message).toContain("1 of 2");
    expect(paths(refused)).toEqual(["body.confirmContradiction", "body.contradictionNote"]);
    const noNote = await call("handlaggare", "POST", url, { ...end, confirmContradiction: true, contradictionNote: " " });
    expect(noNote.statusCode).toBe(409);
    expect(paths(noNote)).toEqual(["body.contradictionNote"]);
    const notConfirmed = await call("handlaggare", "POST", url, { ...end, contradictionNote: "Skäl" });
    expect(notConfirmed.statusCode).toBe(409);
    expect(paths(notConfirmed)).toEqual(["body.confirmContradiction"]);
    expect(await row(s.insatsId)).toMatchObject({ endedOn: null, endReason: null, endContradictionNote: null });

    const detailBefore = (await call("handlaggare", "GET", `/api/insatser/${s.insatsId}`)).json();
    expect(detailBefore.goalStatus).toEqual({ total: 2, reached: 1, notReached: 1, unassessed: 0 });

    const note = "Målet om brott bedöms nu uppnått: inga nya anmälningar på tre månader";
    const ok = await call("handlaggare", "POST", url, { ...end, confirmContradiction: true, contradictionNote: note });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = (await call("handlaggare", "GET", `/api/insatser/${s.insatsId}`)).json();
    expect(detail).toMatchObject({ endReason: "mal_uppnatt", endContradictionNote: note, endedOn: today() });
    expect(await auditDetails("insats.end", s.insatsId)).toMatchObject({ goalsReached: 1, goalsTotal: 2 });
  });

  it("ends without confirmation when every goal was reached, or with another end reason", async () => {
    const reached = await followedUp("uppnatt");
    const ok = await call("handlaggare", "POST", `/api/insatser/${reached.insatsId}/end`, {
      ...end,
      confirmContradiction: true,
      contradictionNote: "Behövs inte",
    });
    expect(ok.statusCode).toBe(200);
    expect((await row(reached.insatsId))?.endContradictionNote).toBeNull();

    const other = await followedUp("ej_uppnatt");
    const moved = await call("handlaggare", "POST", `/api/insatser/${other.insatsId}/end`, { ...end, endReason: "flytt" });
    expect(moved.statusCode).toBe(200);
  });

  it("ends once when two confirmed ends arrive at the same time", async () => {
    const s = await followedUp("ej_uppnatt");
    const body = { ...end, confirmContradiction: true, contradictionNote: "Bekräftat av båda" };
    const url = `/api/insatser/${s.insatsId}/end`;
    const codes = (await Promise.all([call("handlaggare", "POST", url, body), call("enhetschef", "POST", url, body)]))
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409]);
  });
});
