import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseCoHandlers, cases, userRoles, users } from "../../db/schema/index";
import { hashPassword } from "../../platform/passwords";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, PASSWORD, type World } from "../../testing/world";

/** Medhandläggare (issue 18 point 9): the enhetschef adds and removes them; they work the case as their own. */
let w: World;
let outsider: string;
beforeAll(async () => {
  w = await createWorld();
  // A handläggare of the own district's provider unit who is no case worker there: someone who may not be added.
  const [u] = await w.database.db
    .insert(users)
    .values({ username: "utforare2", displayName: "Utförare Två", passwordHash: await hashPassword(PASSWORD) })
    .returning();
  outsider = u?.id as string;
  await w.database.db.insert(userRoles).values({ userId: outsider, unitId: w.own.providerUnitId, role: "insatsutforare" });
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const current = async (caseId: string) =>
  (await w.database.db.select().from(caseCoHandlers).where(eq(caseCoHandlers.caseId, caseId))).filter((r) => !r.removedAt);
const audits = async (action: string, caseId: string) =>
  Number(
    (
      await w.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = ${action} and record_id = ${caseId}`,
      )
    ).rows[0]?.n,
  );
/** A case of the own district with `kollega` responsible. */
async function assignedCase() {
  const { caseId } = await seedCase(w, "own", "reported");
  await w.database.db.update(cases).set({ assignedTo: w.userIds.kollega, unitId: w.own.unitId }).where(eq(cases.id, caseId));
  return caseId;
}
const handlaggare = () => w.userIds.handlaggare as string;

describe("medhandläggare on a case", () => {
  it("lets the enhetschef add a handläggare, who then has the case among their own cases and clocks and works it", async () => {
    const caseId = await assignedCase();
    const mineBefore = (await call("handlaggare", "GET", "/api/cases?assignedTo=me"))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(mineBefore).not.toContain(caseId);

    const added = await call("enhetschef", "POST", `/api/cases/${caseId}/co-handlers`, { userId: handlaggare() });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ caseId, userId: handlaggare() });
    expect(await audits("case.co_handler_add", caseId)).toBe(1);

    const detail = (await call("enhetschef", "GET", `/api/cases/${caseId}`)).json();
    expect(detail.assignedTo).toBe(w.userIds.kollega);
    expect(detail.coHandlers).toEqual([
      expect.objectContaining({ userId: handlaggare(), name: "Test handlaggare", addedByName: "Test enhetschef" }),
    ]);

    const mine = (await call("handlaggare", "GET", "/api/cases?assignedTo=me")).json().items as {
      id: string;
      coHandledByMe: boolean;
    }[];
    expect(mine.find((i) => i.id === caseId)?.coHandledByMe).toBe(true);
    const clocks = (await call("handlaggare", "GET", `/api/deadlines?assignedTo=${handlaggare()}`)).json().items as {
      caseId: string;
    }[];
    expect(clocks.some((k) => k.caseId === caseId)).toBe(true);

    const journal = await call("handlaggare", "POST", `/api/cases/${caseId}/journal`, {
      step: "ovrigt",
      text: "Samtal med skolan",
    });
    expect(journal.statusCode, journal.body).toBe(201);
  });

  it("refuses the responsible one, a non-handläggare, twice the same, and everyone but the own enhetschef, writing nothing", async () => {
    const caseId = await assignedCase();
    const url = `/api/cases/${caseId}/co-handlers`;
    const responsible = await call("enhetschef", "POST", url, { userId: w.userIds.kollega });
    expect(responsible.statusCode).toBe(400);
    expect(responsible.json().error).toMatchObject({ code: "already_responsible", fields: [{ path: "body.userId" }] });
    const notWorker = await call("enhetschef", "POST", url, { userId: outsider });
    expect(notWorker.statusCode).toBe(400);
    expect(notWorker.json().error.code).toBe("not_a_case_worker");
    const otherDistrict = await call("enhetschef", "POST", url, { userId: w.userIds["handlaggare.b"] });
    expect(otherDistrict.statusCode).toBe(400);
    const bad = await call("enhetschef", "POST", url, { userId: "nope" });
    expect(bad.statusCode).toBe(400);
    expect((await call("handlaggare", "POST", url, { userId: handlaggare() })).statusCode).toBe(404);
    expect((await call("enhetschef.b", "POST", url, { userId: handlaggare() })).statusCode).toBe(404);
    expect(await current(caseId)).toEqual([]);

    expect((await call("enhetschef", "POST", url, { userId: handlaggare() })).statusCode).toBe(201);
    const twice = await call("enhetschef", "POST", url, { userId: handlaggare() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_co_handler");
    expect(await current(caseId)).toHaveLength(1);
  });

  it("adds none on a closed case (409 case_closed)", async () => {
    const caseId = await assignedCase();
    await w.database.db.update(cases).set({ closedAt: new Date(), closeReason: "annat" }).where(eq(cases.id, caseId));
    const closed = await call("enhetschef", "POST", `/api/cases/${caseId}/co-handlers`, { userId: handlaggare() });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("case_closed");
    expect(await current(caseId)).toEqual([]);
  });

  it("adds once when two requests arrive at the same time", async () => {
    const caseId = await assignedCase();
    const url = `/api/cases/${caseId}/co-handlers`;
    const codes = (
      await Promise.all([
        call("enhetschef", "POST", url, { userId: handlaggare() }),
        call("enhetschef", "POST", url, { userId: handlaggare() }),
      ])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([201, 409]);
    expect(await current(caseId)).toHaveLength(1);
  });

  it("removes a medhandläggare (kept in the history, audited), after which the case is no longer theirs", async () => {
    const caseId = await assignedCase();
    await call("enhetschef", "POST", `/api/cases/${caseId}/co-handlers`, { userId: handlaggare() });
    const url = `/api/cases/${caseId}/co-handlers/${handlaggare()}`;
    expect((await call("handlaggare", "DELETE", url)).statusCode).toBe(404);
    expect((await call("enhetschef.b", "DELETE", url)).statusCode).toBe(404);
    const removed = await call("enhetschef", "DELETE", url);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await audits("case.co_handler_remove", caseId)).toBe(1);
    expect((await call("enhetschef", "DELETE", url)).statusCode).toBe(404);
    const rows = await w.database.db.select().from(caseCoHandlers).where(eq(caseCoHandlers.caseId, caseId));
    expect(rows).toEqual([expect.objectContaining({ userId: handlaggare(), removedBy: w.userIds.enhetschef })]);
    expect((await call("enhetschef", "GET", `/api/cases/${caseId}`)).json().coHandlers).toEqual([]);
    const mine = (await call("handlaggare", "GET", "/api/cases?assignedTo=me")).json().items.map((i: { id: string }) => i.id);
    expect(mine).not.toContain(caseId);
    // Added again later: a new row beside the removed one.
    expect((await call("enhetschef", "POST", `/api/cases/${caseId}/co-handlers`, { userId: handlaggare() })).statusCode).toBe(
      201,
    );
  });

  it("ends co-handling when the medhandläggare becomes the responsible handläggare", async () => {
    const caseId = await assignedCase();
    await call("enhetschef", "POST", `/api/cases/${caseId}/co-handlers`, { userId: handlaggare() });
    const assigned = await call("enhetschef", "PUT", `/api/cases/${caseId}/assignment`, { userId: handlaggare() });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(await current(caseId)).toEqual([]);
  });
});
