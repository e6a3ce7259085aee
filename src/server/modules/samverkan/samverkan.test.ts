import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingDetail, PersonConsents } from "../../../contracts/samverkan";
import { auditLog, consents, forumAgendaItems } from "../../db/schema/index";
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

/** A digest of the samverkan tables: a refused command must leave them as they were. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    ["forums", "forum_meetings", "forum_agenda_items", "consents", "consent_disclosures"].map(async (t) => {
      const r = await w.database.db.execute(
        sql.raw(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`),
      );
      return String((r.rows[0] as { h: string }).h);
    }),
  );
  return parts.join(":");
}

const consentBody = (over: Record<string, unknown> = {}) => ({
  givenBy: ["den_unge", "vardnadshavare_1", "vardnadshavare_2"],
  guardianship: "gemensam",
  method: "skriftligt",
  agencies: ["skola", "polis", "fritid"],
  categories: ["skolsituation", "familjesituation"],
  forumTypes: ["sig"],
  validFrom: "2026-03-01",
  validUntil: "2026-08-31",
  ...over,
});

async function newForum(user = "samordnare", over: Record<string, unknown> = {}) {
  const res = await call(user, "POST", "/api/forums", {
    districtId: w.own.id,
    name: "SIG Centrum",
    type: "sig",
    ageMin: 13,
    ageMax: 20,
    agencies: ["skola", "polis", "fritid"],
    cadence: "Varannan vecka",
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function newMeeting(forumId: string, meetingOn = "2026-03-17") {
  const res = await call("samordnare", "POST", `/api/forums/${forumId}/meetings`, { meetingOn, place: "Stadsdelshuset" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function newConsent(over: Record<string, unknown> = {}, personId = w.own.personId) {
  const res = await call("handlaggare", "POST", `/api/persons/${personId}/consents`, consentBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
/** Consents are per person; each test that needs a clean slate revokes what the person has. */
async function revokeAll(personId = w.own.personId) {
  await w.database.db
    .update(consents)
    .set({ revokedOn: "2026-03-01", revokedAt: NOW })
    .where(and(eq(consents.personId, personId), sql`${consents.revokedOn} is null`));
}

describe("forums, meetings and minutes", () => {
  it("a samordnare creates a SIG forum and a meeting, lists participants incl. external members and writes minutes", async () => {
    const forumId = await newForum();
    const list = await call("samordnare", "GET", "/api/forums");
    expect((list.body.items as { id: string }[]).some((f) => f.id === forumId)).toBe(true);
    const meetingId = await newMeeting(forumId);
    const patch = await call("samordnare", "PATCH", `/api/meetings/${meetingId}`, {
      staffParticipantIds: [w.userIds.samordnare],
      externalParticipants: [
        { name: "Kim Rektor", agency: "skola", role: "Rektor" },
        { name: "Sam Polis", agency: "polis", role: "Kommunpolis" },
      ],
      minutes: "Genomgång av läget i området.",
    });
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    const detail = (await call("enhetschef", "GET", `/api/meetings/${meetingId}`)).body as unknown as MeetingDetail;
    expect(detail.minutes).toBe("Genomgång av läget i området.");
    expect(detail.minutesByName).toBe("Test samordnare");
    expect(detail.externalParticipants.map((p) => p.agency)).toEqual(["skola", "polis"]);
    expect(detail.staffParticipants).toEqual([{ id: w.userIds.samordnare, name: "Test samordnare" }]);
    const forum = await call("samordnare", "GET", `/api/forums/${forumId}`);
    expect(forum.body.meetings).toEqual([
      { id: meetingId, meetingOn: "2026-03-17", place: "Stadsdelshuset", agendaCount: 0, hasMinutes: true },
    ]);
  });

  it("refuses another district's forum, staff from elsewhere and an inverted age range, writing nothing", async () => {
    const before = await snapshot();
    const other = await call("samordnare", "POST", "/api/forums", {
      districtId: w.other.id,
      name: "SIG B",
      type: "sig",
      ageMin: 13,
      ageMax: 20,
      agencies: ["skola"],
    });
    expect(other.status).toBe(400);
    expect(other.body.error?.code).toBe("district_not_in_scope");
    const ages = await call("samordnare", "POST", "/api/forums", {
      districtId: w.own.id,
      name: "SIG",
      type: "sig",
      ageMin: 20,
      ageMax: 13,
      agencies: ["skola"],
    });
    expect(ages.status).toBe(400);
    expect(ages.body.error?.fields[0]?.path).toBe("body.ageMax");
    expect(await snapshot()).toBe(before);
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    const mid = await snapshot();
    const staff = await call("samordnare", "PATCH", `/api/meetings/${meetingId}`, {
      staffParticipantIds: [w.userIds["samordnare.b"]],
    });
    expect(staff.status).toBe(400);
    expect(await snapshot()).toBe(mid);
    // The other district's samordnare sees none of it.
    expect((await call("samordnare.b", "GET", `/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await call("samordnare.b", "GET", `/api/forums/${forumId}`)).status).toBe(404);
  });
});

describe("samtycke and the agenda", () => {
  it("records a consent, puts the person on the agenda under it, audited; refuses a second time (409)", async () => {
    await revokeAll();
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    const consentId = await newConsent();
    const add = await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const [item] = await w.database.db
      .select()
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.id, add.body.id as string));
    expect(item?.consentId).toBe(consentId);
    const audited = await w.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.personId, w.own.personId), eq(auditLog.recordId, add.body.id as string)));
    expect(audited.map((a) => a.action)).toEqual(["forum.agenda.add"]);
    const again = await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("already_on_agenda");
    const detail = (await call("samordnare", "GET", `/api/meetings/${meetingId}`)).body as unknown as MeetingDetail;
    expect(detail.agenda.map((a) => [a.personName, a.covered])).toEqual([["Alva AnderssonA", true]]);
  });

  it("refuses the agenda without a consent (409 consent_required), and with one that does not cover the forum's agencies", async () => {
    await revokeAll();
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    const before = await snapshot();
    const none = await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId });
    expect(none.status).toBe(409);
    expect(none.body.error?.code).toBe("consent_required");
    expect(none.body.error?.fields[0]?.path).toBe("body.personId");
    expect(await snapshot()).toBe(before);
    await newConsent({ agencies: ["skola"] });
    const partial = await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId });
    expect(partial.status).toBe(409);
    expect(partial.body.error?.fields[0]?.message).toMatch(/aktörer.*polis/);
  });

  it("a consent revoked before the meeting no longer covers it: the agenda is refused and an item added earlier is flagged", async () => {
    await revokeAll();
    const forumId = await newForum();
    const early = await newMeeting(forumId, "2026-03-12");
    const late = await newMeeting(forumId, "2026-03-20");
    const consentId = await newConsent();
    expect((await call("samordnare", "POST", `/api/meetings/${late}/agenda`, { personId: w.own.personId })).status).toBe(201);
    const revoke = await call("handlaggare", "POST", `/api/consents/${consentId}/revoke`, { revokedOn: "2026-03-10" });
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(200);
    const refused = await call("samordnare", "POST", `/api/meetings/${early}/agenda`, { personId: w.own.personId });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("consent_required");
    expect(refused.body.error?.fields[0]?.message).toMatch(/återkallat/);
    const detail = (await call("samordnare", "GET", `/api/meetings/${late}`)).body as unknown as MeetingDetail;
    expect(detail.agenda[0]?.covered).toBe(false);
    // Revoking twice is refused and changes nothing.
    const before = await snapshot();
    const twice = await call("handlaggare", "POST", `/api/consents/${consentId}/revoke`, { revokedOn: "2026-03-10" });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe("already_revoked");
    expect(await snapshot()).toBe(before);
    const list = (await call("handlaggare", "GET", `/api/persons/${w.own.personId}/consents`)).body as unknown as PersonConsents;
    const revoked = list.consents.find((c) => c.id === consentId);
    expect(revoked?.state).toBe("aterkallat");
    expect(revoked?.revokedByName).toBe("Test handlaggare");
  });

  it("moving a meeting past the consent's end is refused while the person is on the agenda", async () => {
    await revokeAll();
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    await newConsent({ validUntil: "2026-04-30" });
    expect((await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId })).status).toBe(
      201,
    );
    const before = await snapshot();
    const moved = await call("samordnare", "PATCH", `/api/meetings/${meetingId}`, { meetingOn: "2026-05-05" });
    expect(moved.status).toBe(409);
    expect(moved.body.error?.code).toBe("consent_required");
    expect(await snapshot()).toBe(before);
  });

  it("two agenda requests at once for the same person and meeting make one item, the other 409", async () => {
    await revokeAll();
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    await newConsent();
    const results = await Promise.all(
      [0, 1, 2].map(() => call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.own.personId })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const items = await w.database.db.select().from(forumAgendaItems).where(eq(forumAgendaItems.meetingId, meetingId));
    expect(items).toHaveLength(1);
  });

  it("answers 404 for a person out of scope, on reading, giving consent and the agenda alike", async () => {
    const forumId = await newForum();
    const meetingId = await newMeeting(forumId);
    const before = await snapshot();
    expect((await call("handlaggare", "GET", `/api/persons/${w.other.personId}/consents`)).status).toBe(404);
    expect((await call("handlaggare", "POST", `/api/persons/${w.other.personId}/consents`, consentBody())).status).toBe(404);
    const agenda = await call("samordnare", "POST", `/api/meetings/${meetingId}/agenda`, { personId: w.other.personId });
    expect(agenda.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe("bad consent input writes nothing", () => {
  it("refuses until before from, longer than 12 months, missing guardians and an unknown forum", async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ validFrom: "2026-03-10", validUntil: "2026-03-09" }, "until_before_from", "body.validUntil"],
      [{ validFrom: "2026-03-10", validUntil: "2027-03-11" }, "too_long", "body.validUntil"],
      [{ givenBy: ["den_unge", "vardnadshavare_1"] }, "both_guardians_required", "body.givenBy"],
      [{ givenBy: ["vardnadshavare_1", "vardnadshavare_2"] }, "young_person_required", "body.givenBy"],
      [{ guardianship: undefined }, "guardianship_required", "body.guardianship"],
      [{ forumIds: ["00000000-0000-4000-8000-000000000000"] }, "unknown_forum", "body.forumIds"],
    ];
    for (const [over, code, path] of cases) {
      const res = await call("handlaggare", "POST", `/api/persons/${w.own.personId}/consents`, consentBody(over));
      expect(res.status, code).toBe(400);
      expect(res.body.error?.code).toBe(code);
      expect(res.body.error?.fields[0]?.path).toBe(path);
    }
    // One guardian is enough with sole custody.
    expect(await snapshot()).toBe(before);
    await newConsent({ givenBy: ["den_unge", "vardnadshavare_1"], guardianship: "ensam" });
  });

  it("refuses a revocation dated in the future or before the consent was recorded", async () => {
    const id = await newConsent();
    const before = await snapshot();
    const future = await call("handlaggare", "POST", `/api/consents/${id}/revoke`, { revokedOn: "2026-03-11" });
    expect(future.status).toBe(400);
    expect(future.body.error?.code).toBe("in_future");
    const early = await call("handlaggare", "POST", `/api/consents/${id}/revoke`, { revokedOn: "2026-03-01" });
    expect(early.status).toBe(400);
    expect(early.body.error?.code).toBe("before_recorded");
    expect((await call("handlaggare.b", "POST", `/api/consents/${id}/revoke`, { revokedOn: "2026-03-10" })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe("disclosures", () => {
  it("records a disclosure to the school under a consent, shows it on the person and audits it; refuses the police without cover", async () => {
    await revokeAll();
    const consentId = await newConsent({ agencies: ["skola"], categories: ["skolsituation"] });
    const ok = await call("handlaggare", "POST", `/api/persons/${w.own.personId}/disclosures`, {
      agency: "skola",
      categories: ["skolsituation"],
      sharedOn: "2026-03-10",
      recipient: "Mentor",
      description: "Närvaron och stödet i skolan.",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const before = await snapshot();
    const police = await call("handlaggare", "POST", `/api/persons/${w.own.personId}/disclosures`, {
      agency: "polis",
      categories: ["skolsituation"],
      sharedOn: "2026-03-10",
      description: "Läget i skolan.",
    });
    expect(police.status).toBe(409);
    expect(police.body.error?.code).toBe("consent_required");
    const health = await call("handlaggare", "POST", `/api/persons/${w.own.personId}/disclosures`, {
      agency: "skola",
      categories: ["halsa"],
      sharedOn: "2026-03-10",
      description: "Hälsa.",
    });
    expect(health.status).toBe(409);
    const future = await call("handlaggare", "POST", `/api/persons/${w.own.personId}/disclosures`, {
      agency: "skola",
      categories: ["skolsituation"],
      sharedOn: "2026-03-11",
      description: "Framtid.",
    });
    expect(future.status).toBe(400);
    expect(await snapshot()).toBe(before);
    const list = (await call("kvalitet", "GET", `/api/persons/${w.own.personId}/consents`)).body as unknown as PersonConsents;
    expect(list.disclosures[0]).toMatchObject({
      consentId,
      agency: "skola",
      recipient: "Mentor",
      recordedByName: "Test handlaggare",
    });
    const audited = await w.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.personId, w.own.personId), eq(auditLog.recordId, ok.body.id as string)));
    expect(audited.map((a) => a.action)).toEqual(["consent.disclosure"]);
  });
});

describe("expiring consents", () => {
  it("lists in-force consents ending within 30 days, not those revoked or ending later", async () => {
    await revokeAll();
    const soon = await newConsent({ validFrom: "2026-03-01", validUntil: "2026-04-05" });
    const later = await newConsent({ validFrom: "2026-03-01", validUntil: "2026-05-30" });
    const res = await call("samordnare", "GET", "/api/consents/expiring");
    expect(res.status).toBe(200);
    const ids = (res.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(soon);
    expect(ids).not.toContain(later);
    expect((await call("samordnare.b", "GET", "/api/consents/expiring")).body.items).toEqual([]);
  });
});
