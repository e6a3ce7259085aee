import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PersonPlans, PlanDetail } from "../../../contracts/action-plans";
import { auditLog, cases, consentDisclosures, consents } from "../../db/schema/index";
import { createWorld, type World } from "../../testing/world";

/** "Now" for every command; the world's young persons were born 2011-01-01, so they are 15. */
const NOW = new Date("2026-03-10T10:00:00+01:00");

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
});
afterAll(async () => w?.close());

type Body = Record<string, unknown> & { id?: string; error?: { code: string; fields: { path: string; message: string }[] } };
async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(user) }, payload: payload as object });
  return { status: res.statusCode, body: res.json() as Body };
}

/** A digest of the plan tables and the disclosures: a refused command must leave them as they were. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    ["action_plans", "action_plan_tasks", "action_plan_follow_ups", "action_plan_stage_changes", "consent_disclosures"].map(
      async (t) => {
        const r = await w.database.db.execute(
          sql.raw(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`),
        );
        return String((r.rows[0] as { h: string }).h);
      },
    ),
  );
  return parts.join(":");
}

async function newConsent(over: Record<string, unknown> = {}, personId = w.own.personId) {
  const res = await call("handlaggare", "POST", `/api/persons/${personId}/consents`, {
    givenBy: ["den_unge", "vardnadshavare_1", "vardnadshavare_2"],
    guardianship: "gemensam",
    method: "skriftligt",
    agencies: ["skola", "polis"],
    categories: ["skolsituation", "insatser"],
    forumTypes: ["sig"],
    validFrom: "2026-03-01",
    validUntil: "2026-08-31",
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function revokeAll(personId = w.own.personId) {
  await w.database.db
    .update(consents)
    .set({ revokedOn: "2026-03-01", revokedAt: NOW })
    .where(sql`${consents.personId} = ${personId} and ${consents.revokedOn} is null`);
}

const planBody = (over: Record<string, unknown> = {}) => ({
  title: "SIG-plan våren 2026",
  goals: ["Går i skolan varje dag", "Bryter med kamratkretsen"],
  agencies: ["skola", "polis"],
  categories: ["skolsituation"],
  nextFollowUpOn: "2026-04-07",
  tasks: [
    { agency: "skola", description: "Anpassad studiegång", responsibleName: "Kim Rektor", dueOn: "2026-03-31" },
    { agency: "socialtjanst", description: "MST-kontakt", responsibleUserId: w.userIds.handlaggare, dueOn: "2026-03-20" },
  ],
  ...over,
});
async function newPlan(user = "samordnare", over: Record<string, unknown> = {}) {
  const res = await call(user, "POST", `/api/persons/${w.own.personId}/action-plans`, planBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe("creating a joint action plan", () => {
  it("a samordnare creates a plan under a consent: goals, tasks per agency, disclosures recorded, audited", async () => {
    await revokeAll();
    const consentId = await newConsent();
    const id = await newPlan();
    const plan = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    expect(plan.stage).toBe("beredning");
    expect(plan.goals).toEqual(["Går i skolan varje dag", "Bryter med kamratkretsen"]);
    expect(plan.tasks.map((t) => [t.agency, t.status])).toEqual([
      ["socialtjanst", "planerad"],
      ["skola", "planerad"],
    ]);
    expect(plan.tasks[0]?.responsibleUserName).toBe("Test handlaggare");
    expect(plan.allowedMoves).toEqual(["operativ", "avslutad"]);
    const shared = await w.database.db.select().from(consentDisclosures).where(eq(consentDisclosures.consentId, consentId));
    expect(shared.map((d) => d.agency).sort()).toEqual(["polis", "skola"]);
    const rows = await w.database.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["action_plan.create", "action_plan.read"]));
    const list = (await call("handlaggare", "GET", `/api/persons/${w.own.personId}/action-plans`)).body as unknown as PersonPlans;
    expect(list.items.find((p) => p.id === id)).toMatchObject({ stage: "beredning", openTasks: 2, overdueTasks: 0 });
  });

  it("refuses without a valid consent (409 consent_required), writing nothing", async () => {
    await revokeAll();
    const before = await snapshot();
    const res = await call("samordnare", "POST", `/api/persons/${w.own.personId}/action-plans`, planBody());
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("consent_required");
    expect(res.body.error?.fields[0]?.path).toBe("body.agencies");
    // A consent for the school only does not cover the police.
    await newConsent({ agencies: ["skola"] });
    const partial = await call("samordnare", "POST", `/api/persons/${w.own.personId}/action-plans`, planBody());
    expect(partial.status).toBe(409);
    expect(partial.body.error?.code).toBe("consent_required");
    expect(await snapshot()).toBe(before);
  });

  it("refuses bad input with 400 and writes nothing: a due date not a date, an empty goal, a task for an agency outside the consent", async () => {
    await revokeAll();
    await newConsent({ agencies: ["skola"] });
    const before = await snapshot();
    const url = `/api/persons/${w.own.personId}/action-plans`;
    const badDate = await call("samordnare", "POST", url, {
      ...planBody({ agencies: ["skola"] }),
      tasks: [{ agency: "skola", description: "X", dueOn: "31/3" }],
    });
    expect(badDate.status).toBe(400);
    const emptyGoal = await call("samordnare", "POST", url, planBody({ agencies: ["skola"], goals: ["  "] }));
    expect(emptyGoal.status).toBe(400);
    const police = await call("samordnare", "POST", url, {
      ...planBody({ agencies: ["skola"] }),
      tasks: [{ agency: "polis", description: "Orosanmälan vid gripande", dueOn: "2026-04-01" }],
    });
    expect(police.status).toBe(400);
    expect(police.body.error?.code).toBe("agency_not_covered");
    expect(police.body.error?.fields[0]?.path).toBe("body.tasks.0.agency");
    const noGoals = await call("samordnare", "POST", url, planBody({ agencies: ["skola"], goals: [] }));
    expect(noGoals.status).toBe(400);
    const extra = await call("samordnare", "POST", url, { ...planBody({ agencies: ["skola"] }), secret: 1 });
    expect(extra.status).toBe(400);
    expect(await snapshot()).toBe(before);
    // Adding a task for the police later is refused the same way.
    const id = await newPlan("samordnare", { agencies: ["skola"], tasks: [] });
    const later = await call("samordnare", "POST", `/api/action-plans/${id}/tasks`, {
      agency: "polis",
      description: "X",
      dueOn: "2026-04-01",
    });
    expect(later.status).toBe(400);
    expect(later.body.error?.code).toBe("agency_not_covered");
  });

  it("answers 404 for a person or plan out of scope, and for roles without the permission", async () => {
    await revokeAll();
    await newConsent();
    const id = await newPlan();
    expect((await call("samordnare.b", "GET", `/api/action-plans/${id}`)).status).toBe(404);
    expect((await call("samordnare.b", "POST", `/api/action-plans/${id}/stage`, { to: "operativ" })).status).toBe(404);
    expect((await call("samordnare.b", "GET", `/api/persons/${w.own.personId}/action-plans`)).status).toBe(404);
    expect((await call("samordnare.b", "POST", `/api/persons/${w.own.personId}/action-plans`, planBody())).status).toBe(404);
    expect((await call("analytiker", "GET", `/api/action-plans/${id}`)).status).toBe(404);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await call("samordnare", "GET", `/api/action-plans/${missing}`)).status).toBe(404);
    expect((await call("samordnare", "PATCH", `/api/action-plans/${id}/tasks/${missing}`, { status: "klar" })).status).toBe(404);
  });
});

describe("tasks, follow-ups and stages", () => {
  it("moves from beredning to operativ, records a follow-up with task statuses, closes; a closed plan refuses changes", async () => {
    await revokeAll();
    await newConsent();
    const id = await newPlan();
    expect((await call("samordnare", "POST", `/api/action-plans/${id}/stage`, { to: "operativ" })).status).toBe(200);
    const plan = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    const task = plan.tasks[0]?.id as string;
    const fu = await call("samordnare", "POST", `/api/action-plans/${id}/follow-ups`, {
      heldOn: "2026-03-10",
      note: "Skolan rapporterar bättre närvaro.",
      taskStatuses: [{ taskId: task, status: "klar" }],
      nextFollowUpOn: "2026-04-14",
    });
    expect(fu.status, JSON.stringify(fu.body)).toBe(201);
    const after = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    expect(after.stage).toBe("operativ");
    expect(after.nextFollowUpOn).toBe("2026-04-14");
    expect(after.tasks.find((t) => t.id === task)?.status).toBe("klar");
    expect(after.followUps).toHaveLength(1);
    expect(after.stageChanges.map((c) => c.toStage)).toEqual(["operativ"]);
    const future = await call("samordnare", "POST", `/api/action-plans/${id}/follow-ups`, { heldOn: "2026-03-11", note: "x" });
    expect(future.status).toBe(400);
    const patch = await call("samordnare", "PATCH", `/api/action-plans/${id}`, { goals: ["Nytt mål"] });
    expect(patch.status).toBe(200);
    expect((await call("samordnare", "POST", `/api/action-plans/${id}/stage`, { to: "avslutad" })).status).toBe(200);
    const before = await snapshot();
    const reopen = await call("samordnare", "POST", `/api/action-plans/${id}/stage`, { to: "operativ" });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error?.code).toBe("closed");
    expect((await call("samordnare", "PATCH", `/api/action-plans/${id}`, { title: "x" })).status).toBe(409);
    expect(
      (
        await call("samordnare", "POST", `/api/action-plans/${id}/tasks`, {
          agency: "skola",
          description: "x",
          dueOn: "2026-05-01",
        })
      ).status,
    ).toBe(409);
    expect(await snapshot()).toBe(before);
  });

  it("a task added for an agency already shared with is refused once the consent is revoked (409)", async () => {
    await revokeAll();
    await newConsent();
    const id = await newPlan();
    await revokeAll();
    const res = await call("samordnare", "POST", `/api/action-plans/${id}/tasks`, {
      agency: "skola",
      description: "Mentorssamtal",
      dueOn: "2026-04-01",
    });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("consent_required");
    // Socialtjänsten's own tasks need no consent.
    const own = await call("samordnare", "POST", `/api/action-plans/${id}/tasks`, {
      agency: "socialtjanst",
      description: "Hembesök",
      dueOn: "2026-04-01",
    });
    expect(own.status).toBe(201);
  });

  it("two follow-ups at once are both stored; two stage changes at once: one wins, the other 409, no 5xx", async () => {
    await revokeAll();
    await newConsent();
    const id = await newPlan();
    const [a, b] = await Promise.all(
      ["Första", "Andra"].map((note) =>
        call("samordnare", "POST", `/api/action-plans/${id}/follow-ups`, { heldOn: "2026-03-09", note }),
      ),
    );
    expect([a?.status, b?.status]).toEqual([201, 201]);
    const plan = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    expect(plan.followUps.map((f) => f.note).sort()).toEqual(["Andra", "Första"]);
    const moves = await Promise.all(
      [1, 2].map(() => call("samordnare", "POST", `/api/action-plans/${id}/stage`, { to: "operativ" })),
    );
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409]);
    const after = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    expect(after.stageChanges).toHaveLength(1);
  });
});

describe("the deadline overview", () => {
  it("shows an overdue task and a follow-up due of a plan as clocks on the person's case", async () => {
    await revokeAll();
    await newConsent();
    const [c] = await w.database.db
      .insert(cases)
      .values({ personId: w.own.personId, districtId: w.own.id, openedAt: new Date("2026-02-01T10:00:00+01:00") })
      .returning();
    const id = await newPlan("samordnare", {
      nextFollowUpOn: "2026-03-09",
      tasks: [{ agency: "skola", description: "Försenad uppgift", responsibleName: "Kim Rektor", dueOn: "2026-03-05" }],
    });
    const res = await call("handlaggare", "GET", "/api/deadlines?clock=atgardsplan_uppgift");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body.items as { clock: string; state: string; caseId: string; dueDate: string; recordId: string }[];
    const plan = (await call("samordnare", "GET", `/api/action-plans/${id}`)).body as unknown as PlanDetail;
    const task = plan.tasks[0];
    expect(task?.overdue).toBe(true);
    expect(items.find((i) => i.recordId === task?.id)).toMatchObject({ state: "overdue", dueDate: "2026-03-05", caseId: c?.id });
    const fu = (await call("handlaggare", "GET", "/api/deadlines?clock=atgardsplan_uppfoljning")).body.items as {
      recordId: string;
      state: string;
    }[];
    expect(fu.find((i) => i.recordId === id)?.state).toBe("overdue");
    // Another district sees none of it.
    const other = (await call("handlaggare.b", "GET", "/api/deadlines")).body.items as { recordId: string }[];
    expect(other.some((i) => i.recordId === task?.id || i.recordId === id)).toBe(false);
    // Done: the clock stops.
    await call("samordnare", "PATCH", `/api/action-plans/${id}/tasks/${task?.id}`, { status: "klar" });
    const again = (await call("handlaggare", "GET", "/api/deadlines?clock=atgardsplan_uppgift")).body.items as {
      recordId: string;
    }[];
    expect(again.some((i) => i.recordId === task?.id)).toBe(false);
  });
});
