import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeviationDetail } from "../../../contracts/deviations";
import { MAX_NOISE } from "../../../domain/disclosure/publish";
import { auditLog, deviationEvents, deviations } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { seedCase } from "../../testing/case-fixtures";
import { seedInsats } from "../../testing/insats-fixtures";
import { createWorld, type World } from "../../testing/world";
import { createDeviation } from "./service";

/** "Now" for every command: the lex Sarah path then falls under socialtjänstlagen (2025:400). */
const NOW = new Date("2026-03-10T10:00:00+01:00");
const TODAY = "2026-03-10";

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
});
afterAll(async () => w?.close());

async function call(user: string, method: "GET" | "POST", url: string, payload?: unknown) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(user) }, payload: payload as object });
  return {
    status: res.statusCode,
    body: res.json() as Record<string, unknown> & { error?: { code: string; fields: { path: string }[] } },
  };
}

const reportBody = (over: Record<string, unknown> = {}) => ({
  unitId: w.own.unitId,
  occurredAt: "2026-03-09T14:30:00+01:00",
  kind: "bemotande",
  description: "Den unge blev utskälld vid ett hembesök i närvaro av syskon.",
  ...over,
});

async function report(user = "handlaggare", over: Record<string, unknown> = {}): Promise<string> {
  const res = await call(user, "POST", "/api/deviations", reportBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A digest of the deviation tables: a refused command must leave it as it was. */
async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    ["deviations", "deviation_actions", "deviation_events"].map(async (t) => {
      const r = await w.database.db.execute(
        sql.raw(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`),
      );
      return String((r.rows[0] as { h: string }).h);
    }),
  );
  return parts.join(":");
}

const classifySerious = { kind: "bemotande", severity: "hog", lexSarah: "missforhallande", serious: true };
const investigation = (over: Record<string, unknown> = {}) => ({
  investigatedOn: TODAY,
  rootCause: "kompetens",
  analysis: "Medarbetaren saknade stöd i hur hot om våld i familjen bemöts.",
  serious: true,
  ...over,
});
const action = () => ({
  description: "Utbildning i bemötande för gruppen",
  responsibleId: w.userIds.enhetschef,
  dueOn: "2026-04-30",
});

describe("avvikelser and lex Sarah through the API", () => {
  it("a handläggare reports; kvalitet classifies as lex Sarah, investigates, acts, notifies IVO, follows up and closes — every step audited", async () => {
    const { caseId } = await seedCase(w, "own", "investigating");
    const id = await report("handlaggare", { caseId });
    const steps: [string, unknown, number][] = [
      ["classification", classifySerious, 200],
      ["investigation", investigation(), 200],
      ["actions", action(), 201],
      ["ivo-notification", { notifiedOn: TODAY, reference: "IVO 3.5.1-12345/2026" }, 200],
      ["follow-up", { followedUpOn: TODAY, text: "Utbildningen genomförd; inga nya händelser.", effective: true }, 200],
      ["close", { note: "Avslutad efter uppföljning" }, 200],
    ];
    for (const [step, body, status] of steps) {
      const res = await call("kvalitet", "POST", `/api/deviations/${id}/${step}`, body);
      expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(status);
    }
    const detail = (await call("kvalitet", "GET", `/api/deviations/${id}`)).body as unknown as DeviationDetail;
    expect(detail).toMatchObject({
      state: "closed",
      version: 7,
      lexSarah: "missforhallande",
      serious: true,
      ivoNotifiedOn: TODAY,
      ivoReference: "IVO 3.5.1-12345/2026",
      caseId,
      personId: w.own.personId,
      personName: "Alva AnderssonA",
      rootCause: "kompetens",
      availableSteps: [],
    });
    expect(detail.events.map((e) => [e.seq, e.step, e.toState])).toEqual([
      [1, "report", "reported"],
      [2, "classify", "classified"],
      [3, "investigate", "investigated"],
      [4, "add_action", "acting"],
      [5, "notify_ivo", "acting"],
      [6, "follow_up", "followed_up"],
      [7, "close", "closed"],
    ]);
    expect(detail.actions).toMatchObject([{ responsibleName: "Test enhetschef", dueOn: "2026-04-30" }]);
    // The lex Sarah path cites the law in force on each step's date (after 1 July 2025: SoL 2025:400).
    expect(detail.lexSarahPath).toMatchObject({
      report: { citation: "27 kap. 2 § SoL (2025:400)" },
      investigation: { citation: "27 kap. 5 § SoL (2025:400)" },
      ivoNotification: { citation: "27 kap. 6 § SoL (2025:400)" },
      ivoRequired: true,
      regulations: "SOSFS 2011:5",
    });
    const audited = await w.database.db
      .select({ action: auditLog.action, personId: auditLog.personId, role: auditLog.role })
      .from(auditLog)
      .where(and(eq(auditLog.recordType, "deviation"), eq(auditLog.recordId, id)));
    const actions = audited.map((a) => a.action);
    for (const a of [
      "deviation.report",
      "deviation.classify",
      "deviation.investigate",
      "deviation.add_action",
      "deviation.notify_ivo",
      "deviation.follow_up",
      "deviation.close",
      "deviation.read",
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(audited.every((a) => a.personId === w.own.personId)).toBe(true);
    expect(audited.find((a) => a.action === "deviation.classify")?.role).toBe("kvalitet");
  });

  it("refuses an out-of-order step with 409 and writes nothing", async () => {
    const id = await report();
    const before = await snapshot();
    const res = await call("kvalitet", "POST", `/api/deviations/${id}/investigation`, investigation({ serious: undefined }));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("out_of_order");
    const follow = await call("kvalitet", "POST", `/api/deviations/${id}/follow-up`, {
      followedUpOn: TODAY,
      text: "x",
      effective: true,
    });
    expect(follow.status).toBe(409);
    expect(await snapshot()).toBe(before);
  });

  it("refuses to close an allvarligt missförhållande before the IVO notification (409), and writes nothing", async () => {
    const id = await report();
    await call("kvalitet", "POST", `/api/deviations/${id}/classification`, classifySerious);
    await call("kvalitet", "POST", `/api/deviations/${id}/investigation`, investigation());
    await call("kvalitet", "POST", `/api/deviations/${id}/actions`, action());
    await call("kvalitet", "POST", `/api/deviations/${id}/follow-up`, { followedUpOn: TODAY, text: "Gjort", effective: true });
    const before = await snapshot();
    const res = await call("kvalitet", "POST", `/api/deviations/${id}/close`, {});
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("ivo_notification_required");
    expect(await snapshot()).toBe(before);
  });

  it("closes an ordinary deviation straight after the investigation only with a reason why no action is needed", async () => {
    const id = await report();
    await call("enhetschef", "POST", `/api/deviations/${id}/classification`, {
      kind: "dokumentation",
      severity: "lag",
      lexSarah: "none",
    });
    await call(
      "enhetschef",
      "POST",
      `/api/deviations/${id}/investigation`,
      investigation({ serious: undefined, rootCause: "rutin_ej_foljd" }),
    );
    const refused = await call("enhetschef", "POST", `/api/deviations/${id}/close`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("no_action_reason_required");
    expect(refused.body.error?.fields[0]?.path).toBe("body.noActionReason");
    const ok = await call("enhetschef", "POST", `/api/deviations/${id}/close`, {
      noActionReason: "Engångshändelse, rutinen finns",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe("closed");
  });

  it("answers 400 with the field at fault on bad input, and writes nothing", async () => {
    const id = await report();
    await call("kvalitet", "POST", `/api/deviations/${id}/classification`, classifySerious);
    const before = await snapshot();
    const cases: [string, string, unknown, string, string][] = [
      ["POST", "/api/deviations", reportBody({ description: "  " }), "invalid_input", "body.description"],
      ["POST", "/api/deviations", reportBody({ secret: 1 }), "invalid_input", "body.secret"],
      ["POST", "/api/deviations", reportBody({ kind: "okand" }), "invalid_input", "body.kind"],
      ["POST", "/api/deviations", reportBody({ unitId: w.other.unitId }), "unit_not_in_scope", "body.unitId"],
      ["POST", "/api/deviations", reportBody({ occurredAt: "2026-03-11T10:00:00+01:00" }), "in_future", "body.occurredAt"],
      ["POST", "/api/deviations", reportBody({ personId: w.other.personId }), "unknown_link", "body.personId"],
      [
        "POST",
        `/api/deviations/${id}/classification`,
        { ...classifySerious, lexSarah: "none" },
        "serious_requires_lex_sarah",
        "body.serious",
      ],
      [
        "POST",
        `/api/deviations/${id}/investigation`,
        investigation({ investigatedOn: "2026-03-11" }),
        "in_future",
        "body.investigatedOn",
      ],
      ["POST", `/api/deviations/${id}/investigation`, investigation({ serious: undefined }), "serious_required", "body.serious"],
      ["POST", `/api/deviations/${id}/investigation`, investigation({ rootCause: "slump" }), "invalid_input", "body.rootCause"],
    ];
    for (const [method, url, body, code, path] of cases) {
      const res = await call("kvalitet", method as "POST", url, body);
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error?.code).toBe(code);
      expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    }
    expect(await snapshot()).toBe(before);
    // An action for someone outside the district is refused after the investigation, too.
    await call("kvalitet", "POST", `/api/deviations/${id}/investigation`, investigation());
    const mid = await snapshot();
    const res = await call("kvalitet", "POST", `/api/deviations/${id}/actions`, {
      ...action(),
      responsibleId: w.userIds["handlaggare.b"],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("unknown_responsible");
    expect(await snapshot()).toBe(mid);
  });

  it("answers 404 for what is out of scope, to read and to change", async () => {
    const id = await report("enhetschef");
    const own = await report("insatsutforare", { unitId: w.own.providerUnitId });
    const before = await snapshot();
    expect((await call("kvalitet.b", "GET", `/api/deviations/${id}`)).status).toBe(404);
    expect((await call("kvalitet.b", "POST", `/api/deviations/${id}/classification`, classifySerious)).status).toBe(404);
    expect((await call("handlaggare.b", "GET", `/api/deviations/${id}`)).status).toBe(404);
    // Staff of the district see it; only managers change it.
    expect((await call("samordnare", "GET", `/api/deviations/${id}`)).status).toBe(200);
    expect((await call("handlaggare", "POST", `/api/deviations/${id}/classification`, classifySerious)).status).toBe(404);
    // An insatsutförare sees their own reports and nothing else.
    expect((await call("insatsutforare", "GET", `/api/deviations/${id}`)).status).toBe(404);
    expect((await call("insatsutforare", "GET", `/api/deviations/${own}`)).status).toBe(200);
    const list = await call("insatsutforare", "GET", "/api/deviations");
    expect((list.body.items as { id: string; own: boolean }[]).map((i) => [i.id, i.own])).toEqual([[own, true]]);
    const otherList = await call("kvalitet.b", "GET", "/api/deviations");
    expect((otherList.body.items as { id: string }[]).some((i) => i.id === id)).toBe(false);
    expect((await call("kvalitet", "GET", `/api/deviations/${crypto.randomUUID()}`)).status).toBe(404);
    // The refused changes wrote nothing.
    expect(await snapshot()).toBe(before);
  });

  it("of two concurrent transitions on one avvikelse one wins and the other gets 409, with no double rows", async () => {
    const id = await report();
    await call("kvalitet", "POST", `/api/deviations/${id}/classification`, {
      kind: "tidsfrist",
      severity: "medel",
      lexSarah: "none",
    });
    const body = investigation({ serious: undefined });
    const [a, b] = await Promise.all([
      call("kvalitet", "POST", `/api/deviations/${id}/investigation`, body),
      call("enhetschef", "POST", `/api/deviations/${id}/investigation`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)?.body.error?.code).toBe("out_of_order");
    const events = await w.database.db.select().from(deviationEvents).where(eq(deviationEvents.deviationId, id));
    expect(events.filter((e) => e.step === "investigate")).toHaveLength(1);
    const [row] = await w.database.db.select().from(deviations).where(eq(deviations.id, id));
    expect(row?.version).toBe(3);
    // Two closes at once after that: the same.
    const closes = await Promise.all([
      call("kvalitet", "POST", `/api/deviations/${id}/close`, { noActionReason: "Inget att göra" }),
      call("kvalitet", "POST", `/api/deviations/${id}/close`, { noActionReason: "Inget att göra" }),
    ]);
    expect(closes.map((c) => c.status).sort()).toEqual([200, 409]);
    const after = await w.database.db.select().from(deviationEvents).where(eq(deviationEvents.deviationId, id));
    expect(after.filter((e) => e.step === "close")).toHaveLength(1);
  });

  it("links an insats: the case and person follow from it; a mismatching case is refused", async () => {
    const s = await seedInsats(w, "own", "started");
    const id = await report("insatsutforare", { unitId: w.own.providerUnitId, insatsId: s.insatsId, kind: "insats" });
    const [row] = await w.database.db.select().from(deviations).where(eq(deviations.id, id));
    expect(row).toMatchObject({ insatsId: s.insatsId, caseId: s.caseId, personId: w.own.personId });
    const other = await seedCase(w, "own", "reported");
    const res = await call("handlaggare", "POST", "/api/deviations", reportBody({ insatsId: s.insatsId, caseId: other.caseId }));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("link_mismatch");
  });

  it("other modules raise an avvikelse with createDeviation(tx, actor, input, now), origin recorded without free text", async () => {
    const actor: Actor = {
      userId: w.userIds.kvalitet as string,
      username: "kvalitet",
      displayName: "Test kvalitet",
      protectedIdentityAccess: false,
      assignments: [
        { role: "kvalitet", unitId: w.own.unitId, unitName: "Utredning A", districtId: w.own.id, districtName: "Distrikt A" },
      ],
      requestId: "file-review-1",
      clientIp: "127.0.0.1",
    };
    const reviewId = crypto.randomUUID();
    const { id } = await w.database.db.transaction((tx) =>
      createDeviation(
        tx,
        actor,
        {
          unitId: w.own.unitId,
          occurredAt: NOW.toISOString(),
          kind: "dokumentation",
          description: "Aktgranskning: genomförandeplan saknas.",
          origin: { kind: "file_review", reviewId, criterion: "genomforandeplan" },
        },
        NOW,
      ),
    );
    const detail = (await call("kvalitet", "GET", `/api/deviations/${id}`)).body as unknown as DeviationDetail;
    expect(detail.source).toBe("file_review");
    expect(detail.origin).toEqual({ kind: "file_review", reviewId, criterion: "genomforandeplan" });
  });

  it("lists the lex Sarah path, newest first, page by page", async () => {
    const ids = [await report(), await report(), await report()];
    for (const id of ids) {
      await call("kvalitet", "POST", `/api/deviations/${id}/classification`, {
        kind: "bemotande",
        severity: "hog",
        lexSarah: "risk",
      });
    }
    const first = await call("kvalitet", "GET", "/api/deviations?lexSarah=risk&limit=2");
    const items = first.body.items as { id: string; lexSarah: string }[];
    expect(items).toHaveLength(2);
    expect(items.every((i) => i.lexSarah === "risk")).toBe(true);
    const second = await call("kvalitet", "GET", `/api/deviations?lexSarah=risk&limit=2&cursor=${first.body.nextCursor}`);
    const all = [...items, ...(second.body.items as { id: string }[])].map((i) => i.id);
    expect(new Set(all)).toEqual(new Set(ids));
  });
});

describe("statistics of avvikelser", () => {
  it("counts per kind, unit and month through the disclosure module: 1–4 hidden, no free text", async () => {
    const stats = await createWorld({ clock: () => NOW });
    try {
      const reporterId = stats.userIds.handlaggare as string;
      const row = (kind: string, month: string, lexSarah = "none", serious = false) => ({
        districtId: stats.own.id,
        unitId: stats.own.unitId,
        kind,
        description: "Hemlig fritext om en person",
        occurredAt: new Date(`${month}-10T10:00:00+01:00`),
        reportedAt: new Date(`${month}-10T11:00:00+01:00`),
        reportedBy: reporterId,
        lexSarah,
        serious,
      });
      await stats.database.db
        .insert(deviations)
        .values([
          ...Array.from({ length: 14 }, () => row("tidsfrist", "2026-01")),
          ...Array.from({ length: 3 }, () => row("bemotande", "2026-02", "missforhallande", true)),
        ]);
      const res = await stats.app.inject({
        method: "GET",
        url: "/api/deviations/statistics?from=2026-01-01&to=2026-03-31",
        headers: { cookie: await stats.login("analytiker") },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain("Hemlig");
      const body = res.json();
      expect(body.disclosure).toMatchObject({ method: "cell-key", minCount: 5, granularity: "calendar", protectedWhole: false });
      expect(body.byKind.find((k: { kind: string }) => k.kind === "bemotande").count).toBeNull();
      expect(body.byMonth.find((m: { month: string }) => m.month === "2026-02").count).toBeNull();
      expect(body.lexSarah.missforhallande).toBeNull();
      expect(body.byKind.find((k: { kind: string }) => k.kind === "vald_hot").count).toBe(0);
      const tidsfrist = body.byKind.find((k: { kind: string }) => k.kind === "tidsfrist").count;
      expect(tidsfrist === null || Math.abs(tidsfrist - 14) <= MAX_NOISE).toBe(true);
      // The aggregate-only role asks for calendar periods: not odd days, not two months.
      const fine = await stats.app.inject({
        method: "GET",
        url: "/api/deviations/statistics?from=2026-01-05&to=2026-02-28",
        headers: { cookie: await stats.login("analytiker") },
      });
      expect(fine.statusCode).toBe(400);
      expect(fine.json().error.code).toBe("period_too_fine");
      const twoMonths = await stats.app.inject({
        method: "GET",
        url: "/api/deviations/statistics?from=2026-01-01&to=2026-02-28",
        headers: { cookie: await stats.login("analytiker") },
      });
      expect(twoMonths.statusCode).toBe(400);
    } finally {
      await stats.close();
    }
  });
});
