import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import { createWorld, type World } from "../../testing/world";

let w: World;
let clock = new Date();
beforeAll(async () => {
  w = await createWorld({ clock: () => clock });
});
afterAll(async () => w?.close());

const today = () => stockholmDate(clock);
async function call(username: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const paths = (res: { json: () => { error: { fields: { path: string }[] } } }) => res.json().error.fields.map((f) => f.path);
const pdfBytes = (text = "rutin") => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, "latin1");
const count = async (table: string, where = "true") =>
  Number((await w.database.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))).rows[0]?.n);

async function createRoutine(title: string, extra: object = {}) {
  const res = await call("kvalitet", "POST", "/api/styrdokument", {
    title,
    kind: "rutin",
    processSteps: ["utredning", "beslut"],
    ownerId: w.userIds.enhetschef,
    districtIds: [w.own.id],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; revision: number };
}
async function upload(id: string, revision: number, bytes = pdfBytes(), filename = "rutin.pdf") {
  return call("kvalitet", "POST", `/api/styrdokument/${id}/versions`, {
    revision,
    filename,
    contentBase64: bytes.toString("base64"),
    note: "Första versionen",
  });
}
const detail = async (id: string, as = "kvalitet") => (await call(as, "GET", `/api/styrdokument/${id}`)).json();

describe("styrdokument register", () => {
  it("refuses to publish a routine without decision-maker and decision date: 400 naming the fields, nothing written", async () => {
    const doc = await createRoutine("Rutin för utredande socialsekreterare");
    const before = await detail(doc.id);
    const auditBefore = await count("audit_log", "action = 'styrdokument.publish'");
    const res = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: doc.revision });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("not_publishable");
    expect(paths(res)).toEqual(["decidedBy", "decidedOn", "nextReviewOn", "versions"]);
    const after = await detail(doc.id);
    expect(after.status).toBe("utkast");
    expect(after.revision).toBe(before.revision);
    expect(await count("audit_log", "action = 'styrdokument.publish'")).toBe(auditBefore);
    // The detail tells the page the same before anyone presses publish.
    expect(after.publishProblems.map((p: { field: string }) => p.field)).toEqual([
      "decidedBy",
      "decidedOn",
      "nextReviewOn",
      "versions",
    ]);
  });

  it("publishes with decision data and a document; the version in force carries the decision", async () => {
    const doc = await createRoutine("Placeringsrutin – barn och familj");
    const up = await upload(doc.id, doc.revision);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().number).toBe(1);
    const patch = await call("kvalitet", "PATCH", `/api/styrdokument/${doc.id}`, {
      revision: up.json().revision,
      decidedBy: "namnd",
      decidedOn: addCalendarDays(today(), -3),
      nextReviewOn: addCalendarDays(today(), 365),
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const pub = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: patch.json().revision });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().versionNumber).toBe(1);
    const d = await detail(doc.id);
    expect(d.status).toBe("publicerad");
    expect(d.inForce).toEqual({
      versionNumber: 1,
      decidedBy: "namnd",
      decidedOn: addCalendarDays(today(), -3),
      validFrom: addCalendarDays(today(), -3),
    });
    expect(d.versions[0].publishedAt).not.toBeNull();
    expect(d.versions[0].contentType).toBe("application/pdf");
    expect(d.reviewState).toBe("ok");
    // Everyone in the district reads the register; the file comes back as it was sent.
    const file = await call("handlaggare", "GET", `/api/styrdokument/${doc.id}/versions/${d.versions[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(String(file.headers["content-disposition"])).toContain("attachment;");
    expect(file.rawPayload.equals(pdfBytes())).toBe(true);
    const list = (await call("analytiker", "GET", "/api/styrdokument?status=publicerad&processStep=beslut")).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(doc.id);
    expect(await count("audit_log", `action like 'styrdokument.%' and record_id = '${doc.id}'`)).toBe(4);
  });

  it("versions: a new version needs a new publication, and not under an older decision", async () => {
    const doc = await createRoutine("Riktlinje dokumentation", {
      kind: "riktlinje",
      decidedBy: "forvaltning",
      decidedOn: addCalendarDays(today(), -10),
      nextReviewOn: addCalendarDays(today(), 200),
    });
    const v1 = await upload(doc.id, doc.revision);
    const p1 = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: v1.json().revision });
    expect(p1.statusCode, p1.body).toBe(200);
    const again = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: p1.json().revision });
    expect(again.statusCode).toBe(400);
    expect(paths(again)).toEqual(["versions"]);
    const v2 = await upload(doc.id, p1.json().revision, pdfBytes("version 2"), "riktlinje-v2.pdf");
    expect(v2.json().number).toBe(2);
    const older = await call("kvalitet", "PATCH", `/api/styrdokument/${doc.id}`, {
      revision: v2.json().revision,
      decidedOn: addCalendarDays(today(), -11),
    });
    const refused = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: older.json().revision });
    expect(refused.statusCode).toBe(400);
    expect(paths(refused)).toEqual(["decidedOn"]);
    const newer = await call("kvalitet", "PATCH", `/api/styrdokument/${doc.id}`, {
      revision: older.json().revision,
      decidedOn: today(),
      decidedBy: "namnd",
    });
    const p2 = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: newer.json().revision });
    expect(p2.statusCode, p2.body).toBe(200);
    const d = await detail(doc.id);
    expect(d.inForce.versionNumber).toBe(2);
    expect(d.versions.map((v: { number: number; decidedBy: string }) => [v.number, v.decidedBy])).toEqual([
      [2, "namnd"],
      [1, "forvaltning"],
    ]);
  });

  it("refuses files that are not PDF, DOCX or ODT, and files over 10 MB, writing nothing", async () => {
    const doc = await createRoutine("Rutin beredningsgruppen");
    const html = await upload(doc.id, doc.revision, Buffer.from("<html>rutin</html>"), "rutin.pdf");
    expect(html.statusCode).toBe(400);
    expect(html.json().error.code).toBe("file_type_not_allowed");
    expect(paths(html)).toEqual(["body.contentBase64"]);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(doc.id, doc.revision, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe("file_size");
    const notBase64 = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/versions`, {
      revision: doc.revision,
      filename: "x.pdf",
      contentBase64: "not base64!",
    });
    expect(notBase64.statusCode).toBe(400);
    expect(await count("styrdokument_versions", `document_id = '${doc.id}'`)).toBe(0);
    expect((await detail(doc.id)).revision).toBe(doc.revision);
  });

  it("answers 409 to the second of two edits made on the same revision", async () => {
    const doc = await createRoutine("Rutin handläggarskap");
    const [a, b] = await Promise.all([
      call("kvalitet", "PATCH", `/api/styrdokument/${doc.id}`, { revision: doc.revision, title: "Rutin handläggarskap A" }),
      call("enhetschef", "PATCH", `/api/styrdokument/${doc.id}`, { revision: doc.revision, title: "Rutin handläggarskap B" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe("stale_revision");
    const d = await detail(doc.id);
    expect(d.revision).toBe(doc.revision + 1);
    expect(["Rutin handläggarskap A", "Rutin handläggarskap B"]).toContain(d.title);
  });

  it("keeps to the district: 404 outside it, 400 for an owner or district one may not pick", async () => {
    const doc = await createRoutine("Rutin efter barnförhör");
    expect((await call("handlaggare.b", "GET", `/api/styrdokument/${doc.id}`)).statusCode).toBe(404);
    expect(
      (await call("kvalitet.b", "PATCH", `/api/styrdokument/${doc.id}`, { revision: doc.revision, title: "Kapat" })).statusCode,
    ).toBe(404);
    const otherOwner = await call("kvalitet", "POST", "/api/styrdokument", {
      title: "X",
      kind: "rutin",
      ownerId: w.userIds["enhetschef.b"],
      districtIds: [w.own.id],
    });
    expect(otherOwner.statusCode).toBe(400);
    expect(paths(otherOwner)).toEqual(["body.ownerId"]);
    const otherDistrict = await call("kvalitet", "POST", "/api/styrdokument", {
      title: "X",
      kind: "rutin",
      ownerId: w.userIds.enhetschef,
      districtIds: [w.other.id],
    });
    expect(otherDistrict.statusCode).toBe(400);
    expect(paths(otherDistrict)).toEqual(["body.districtIds"]);
    const list = (await call("handlaggare.b", "GET", "/api/styrdokument")).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(doc.id);
  });

  it("reminds the owner of reviews due within 30 days, and of overdue ones, on the start page", async () => {
    const doc = await createRoutine("Grund för ärendegenomgång", {
      ownerId: w.userIds.handlaggare,
      decidedBy: "enhet",
      decidedOn: today(),
      nextReviewOn: addCalendarDays(today(), 20),
    });
    const up = await upload(doc.id, doc.revision);
    expect(
      (await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/publish`, { revision: up.json().revision })).statusCode,
    ).toBe(200);
    const soonRes = await call("handlaggare", "GET", "/api/styrdokument/reviews/mine");
    expect(soonRes.statusCode, soonRes.body).toBe(200);
    const soon = soonRes.json();
    expect(soon.items.map((i: { id: string; reviewState: string }) => [i.id, i.reviewState])).toEqual([[doc.id, "due_soon"]]);
    expect(soon.soonDays).toBe(30);
    // Someone else's reminder list does not hold it.
    expect((await call("kvalitet", "GET", "/api/styrdokument/reviews/mine")).json().items).toEqual([]);
    clock = new Date(clock.getTime() + 25 * 86_400_000);
    try {
      const late = (await call("handlaggare", "GET", "/api/styrdokument/reviews/mine")).json();
      expect(late.items[0].reviewState).toBe("overdue");
      expect(late.items[0].daysToReview).toBe(-5);
      const revoke = await call("kvalitet", "POST", `/api/styrdokument/${doc.id}/revoke`, {
        revision: (await detail(doc.id)).revision,
      });
      expect(revoke.statusCode, revoke.body).toBe(200);
      expect((await call("handlaggare", "GET", "/api/styrdokument/reviews/mine")).json().items).toEqual([]);
      expect((await detail(doc.id)).status).toBe("upphavd");
    } finally {
      clock = new Date();
    }
  });
});
