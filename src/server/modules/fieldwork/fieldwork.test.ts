import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeatReport, Incident } from "../../../contracts/fieldwork";
import { buildPersonnummer } from "../../../domain/personnummer";
import { expectHiddenOrSafe, expectPublished } from "../../testing/disclosure-expect";
import { square } from "../../testing/fieldwork-fixtures";
import { createWorld, type World } from "../../testing/world";
import { fieldworkForLagesbild } from "./lagesbild-source";

/** "Now" for every command: the heat report asks for March 2026. */
const NOW = new Date("2026-03-20T12:00:00+01:00");

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
});
afterAll(async () => w?.close());

type Body = Record<string, unknown> & { id?: string; error?: { code: string; message: string; fields: { path: string }[] } };
async function call(user: string, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(user) }, payload: payload as object });
  return { status: res.statusCode, body: res.json() as Body };
}

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    ["field_areas", "field_shifts", "field_incidents"].map(async (t) => {
      const r = await w.database.db.execute(
        sql.raw(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`),
      );
      return String((r.rows[0] as { h: string }).h);
    }),
  );
  return parts.join(":");
}

async function newArea(name: string, lon = 18.0, user = "samordnare") {
  const res = await call(user, "POST", "/api/fieldwork/areas", { districtId: w.own.id, name, polygon: square(lon, 59.3) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const shiftBody = (areaIds: string[], over: Record<string, unknown> = {}) => ({
  districtId: w.own.id,
  areaIds,
  startedAt: "2026-03-13T18:00:00+01:00",
  endedAt: "2026-03-13T23:00:00+01:00",
  staffIds: [w.userIds.samordnare, w.userIds.insatsutforare],
  contacts: [
    { ageBand: "13-15", gender: "pojke", count: 4 },
    { ageBand: "16-17", gender: "flicka", count: 3 },
    { ageBand: "18-20", gender: "annat", count: 1 },
  ],
  places: ["Torget", "Fritidsgården"],
  observations: "Grupp om åtta vid torget, oro för rekrytering.",
  tags: ["rekrytering", "otrygghet"],
  followUpWanted: true,
  followUpNote: "Prata med fritidsgården",
  ...over,
});

async function newIncident(areaId: string, user = "insatsutforare", occurredAt = "2026-03-12T21:00:00+01:00") {
  const res = await call(user, "POST", "/api/incidents", {
    areaId,
    occurredAt,
    category: "hot",
    description: "Hot mellan två grupper vid torget",
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe("areas", () => {
  it("a samordnare creates an area and it is listed with its polygon", async () => {
    const id = await newArea("Centrum");
    const list = await call("insatsutforare", "GET", "/api/fieldwork/areas");
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; polygon: { coordinates: number[][][] } }[];
    expect(items.find((a) => a.id === id)?.polygon.coordinates[0]).toHaveLength(5);
  });

  it("refuses a polygon that does not close with 400 polygon_not_closed and stores nothing", async () => {
    const before = await snapshot();
    const open = square(18, 59.3);
    open.coordinates[0]?.pop();
    open.coordinates[0]?.push([18.001, 59.3]);
    const res = await call("samordnare", "POST", "/api/fieldwork/areas", { districtId: w.own.id, name: "Öppen", polygon: open });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("polygon_not_closed");
    expect(res.body.error?.fields[0]?.path).toBe("body.polygon.coordinates.0");
    expect(await snapshot()).toBe(before);
  });

  it("refuses a ring of three positions and a latitude out of range", async () => {
    const short = {
      type: "Polygon",
      coordinates: [
        [
          [18, 59],
          [18.1, 59],
          [18, 59],
        ],
      ],
    };
    expect(
      (await call("enhetschef", "POST", "/api/fieldwork/areas", { districtId: w.own.id, name: "X", polygon: short })).status,
    ).toBe(400);
    const far = square(18, 95);
    const res = await call("enhetschef", "POST", "/api/fieldwork/areas", { districtId: w.own.id, name: "X", polygon: far });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("invalid_polygon");
  });

  it("refuses a polygon whose edges cross (a bow tie) with 400 polygon_self_intersecting, on creation and on change, and stores nothing", async () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [
        [
          [18, 59],
          [18.1, 59.1],
          [18.1, 59],
          [18, 59.1],
          [18, 59],
        ],
      ],
    };
    const id = await newArea("Korset");
    const before = await snapshot();
    const created = await call("samordnare", "POST", "/api/fieldwork/areas", {
      districtId: w.own.id,
      name: "Fluga",
      polygon: bowTie,
    });
    const changed = await call("samordnare", "PATCH", `/api/fieldwork/areas/${id}`, { polygon: bowTie });
    for (const res of [created, changed]) {
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe("polygon_self_intersecting");
      expect(res.body.error?.fields[0]?.path).toBe("body.polygon.coordinates.0");
    }
    expect(await snapshot()).toBe(before);
  });

  it("an area of another district answers 404 to a change", async () => {
    const other = await call("samordnare.b", "POST", "/api/fieldwork/areas", {
      districtId: w.other.id,
      name: "B-torget",
      polygon: square(17, 59),
    });
    expect(other.status).toBe(201);
    const res = await call("samordnare", "PATCH", `/api/fieldwork/areas/${other.body.id}`, { name: "Kapat" });
    expect(res.status).toBe(404);
  });
});

describe("shift log", () => {
  it("a samordnare logs a shift with anonymous counts; the detail shows it without personal data", async () => {
    const areaId = await newArea("Skolgården");
    const res = await call("samordnare", "POST", "/api/fieldwork/shifts", shiftBody([areaId]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const detail = await call("kvalitet", "GET", `/api/fieldwork/shifts/${res.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.contactsTotal).toBe(8);
    expect(detail.body.tags).toEqual(["rekrytering", "otrygghet"]);
    expect((detail.body.staff as { name: string }[]).map((s) => s.name).sort()).toEqual([
      "Test insatsutforare",
      "Test samordnare",
    ]);
    const list = await call("insatsutforare", "GET", "/api/fieldwork/shifts?from=2026-03-01&to=2026-03-31");
    expect((list.body.items as { id: string }[]).some((s) => s.id === res.body.id)).toBe(true);
  });

  it("refuses a personnummer in the observations with 400 personal_data, pointing to an orosanmälan, and stores nothing", async () => {
    const areaId = await newArea("Parken");
    const before = await snapshot();
    const pnr = buildPersonnummer("2011-05-04", 123);
    const res = await call(
      "samordnare",
      "POST",
      "/api/fieldwork/shifts",
      shiftBody([areaId], { observations: `Pratade med ${pnr.slice(2, 8)}-${pnr.slice(8)} om skolan` }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("personal_data");
    expect(res.body.error?.message).toContain("orosanmälan");
    expect(res.body.error?.fields.map((f) => f.path)).toEqual(["body.observations"]);
    expect(await snapshot()).toBe(before);
  });

  it("refuses staff of another district, an area of another district and an end before the start", async () => {
    const areaId = await newArea("Stationen");
    const bad = [
      shiftBody([areaId], { staffIds: [w.userIds["samordnare.b"]] }),
      shiftBody([areaId], { endedAt: "2026-03-13T17:00:00+01:00" }),
    ];
    for (const body of bad) expect((await call("samordnare", "POST", "/api/fieldwork/shifts", body)).status).toBe(400);
    const [b] = (await call("samordnare.b", "GET", "/api/fieldwork/areas")).body.items as { id: string }[];
    expect((await call("samordnare", "POST", "/api/fieldwork/shifts", shiftBody([b?.id as string]))).status).toBe(400);
  });

  it("a shift of another district answers 404", async () => {
    const [b] = (await call("samordnare.b", "GET", "/api/fieldwork/areas")).body.items as { id: string }[];
    const res = await call("samordnare.b", "POST", "/api/fieldwork/shifts", {
      ...shiftBody([b?.id as string]),
      districtId: w.other.id,
      staffIds: [w.userIds["samordnare.b"]],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await call("samordnare", "GET", `/api/fieldwork/shifts/${res.body.id}`)).status).toBe(404);
    expect((await call("handlaggare.b", "GET", `/api/fieldwork/shifts/${res.body.id}`)).status).toBe(404);
  });
});

describe("händelserapporter", () => {
  it("an insatsutförare reports, a samordnare approves; the reporter cannot approve their own", async () => {
    const areaId = await newArea("Biblioteket");
    const id = await newIncident(areaId, "samordnare");
    const own = await call("samordnare", "POST", `/api/incidents/${id}/review`, { decision: "approve" });
    expect(own.status).toBe(409);
    expect(own.body.error?.code).toBe("own_report");
    const ok = await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "approve" });
    expect(ok.status).toBe(200);
    const shown = (await call("insatsutforare", "GET", `/api/incidents/${id}`)).body as unknown as Incident;
    expect(shown.status).toBe("approved");
    expect(shown.reviewedBy?.name).toBe("Test enhetschef");
  });

  it("returning needs a comment; a returned report is not reviewed again", async () => {
    const areaId = await newArea("Badhuset");
    const id = await newIncident(areaId);
    const bare = await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "return" });
    expect(bare.status).toBe(400);
    expect(bare.body.error?.code).toBe("comment_required");
    const back = await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "return", comment: "Ange plats" });
    expect(back.status).toBe(200);
    const again = await call("samordnare", "POST", `/api/incidents/${id}/review`, { decision: "approve" });
    expect(again.status).toBe(409);
  });

  it("refuses a personnummer in the description, stores nothing", async () => {
    const areaId = await newArea("Centrumgången");
    const before = await snapshot();
    const pnr = buildPersonnummer("2010-02-03", 456);
    const res = await call("insatsutforare", "POST", "/api/incidents", {
      areaId,
      occurredAt: "2026-03-12T21:00:00+01:00",
      category: "vald",
      description: `Bråk, en av dem var ${pnr}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("personal_data");
    expect(await snapshot()).toBe(before);
  });

  it("two approvals at once: one wins, the other gets 409, no 5xx", async () => {
    const areaId = await newArea("Hållplatsen");
    const id = await newIncident(areaId);
    const results = await Promise.all([
      call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "approve" }),
      call("samordnare", "POST", `/api/incidents/${id}/review`, { decision: "return", comment: "Oklart" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("an incident of another district answers 404 to reading and reviewing", async () => {
    const [b] = (await call("samordnare.b", "GET", "/api/fieldwork/areas")).body.items as { id: string }[];
    const id = await newIncident(b?.id as string, "insatsutforare.b");
    expect((await call("enhetschef", "GET", `/api/incidents/${id}`)).status).toBe(404);
    expect((await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "approve" })).status).toBe(404);
  });
});

describe("resubmitting a returned händelserapport", () => {
  const corrected = (areaId: string, over: Record<string, unknown> = {}) => ({
    areaId,
    occurredAt: "2026-03-12T22:30:00+01:00",
    category: "vald",
    description: "Slagsmål mellan två grupper vid busshållplatsen, polis tillkallad",
    ...over,
  });

  async function returned(areaName: string, reporter = "insatsutforare", manager = "enhetschef") {
    const areaId = await newArea(areaName);
    const id = await newIncident(areaId, reporter);
    const back = await call(manager, "POST", `/api/incidents/${id}/review`, { decision: "return", comment: "Ange plats" });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    return { areaId, id };
  }

  const resubmitAudits = async (id: string) =>
    Number(
      (
        (
          await w.database.db.execute(
            sql`select count(*)::int as n from audit_log where action = 'fieldwork.incident.resubmit' and record_id = ${id}`,
          )
        ).rows[0] as { n: number }
      ).n,
    );

  it("the reporter corrects and resubmits a returned report; it is submitted again, keeps the last review, and can be approved", async () => {
    const { id } = await returned("Busshållplatsen");
    const other = await newArea("Busstorget");
    const res = await call("insatsutforare", "POST", `/api/incidents/${id}/resubmit`, corrected(other));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true, status: "submitted" });
    expect(await resubmitAudits(id)).toBe(1);

    const seen = (await call("enhetschef", "GET", `/api/incidents/${id}`)).body as unknown as Incident;
    expect(seen.status).toBe("submitted");
    expect(seen.area).toEqual({ id: other, name: "Busstorget" });
    expect(seen.category).toBe("vald");
    expect(seen.description).toBe(corrected(other).description);
    expect(Date.parse(seen.occurredAt)).toBe(Date.parse("2026-03-12T22:30:00+01:00"));
    // The return stays visible to the next reviewer until the next review replaces it.
    expect(seen.reviewComment).toBe("Ange plats");
    expect(seen.reviewedBy?.name).toBe("Test enhetschef");
    expect(seen.canReview).toBe(true);

    const ok = await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "approve" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const approved = (await call("insatsutforare", "GET", `/api/incidents/${id}`)).body as unknown as Incident;
    expect(approved.status).toBe("approved");
    expect(approved.reviewComment).toBe("");
  });

  it("someone else in the district gets 409 not_own_report, another district 404, and nothing changes", async () => {
    const { areaId, id } = await returned("Gallerian");
    const before = await snapshot();
    for (const user of ["samordnare", "enhetschef"]) {
      const res = await call(user, "POST", `/api/incidents/${id}/resubmit`, corrected(areaId));
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe("not_own_report");
    }
    expect((await call("insatsutforare.b", "POST", `/api/incidents/${id}/resubmit`, corrected(areaId))).status).toBe(404);
    // A user without fieldwork:log is refused before the report is looked at.
    expect((await call("handlaggare", "POST", `/api/incidents/${id}/resubmit`, corrected(areaId))).status).toBe(404);
    expect(
      (await call("insatsutforare", "POST", "/api/incidents/00000000-0000-4000-8000-000000000000/resubmit", corrected(areaId)))
        .status,
    ).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(await resubmitAudits(id)).toBe(0);
  });

  it("a report that is submitted or approved answers 409 not_returned and is left as it was", async () => {
    const areaId = await newArea("Idrottsplatsen");
    const submitted = await newIncident(areaId);
    const approved = await newIncident(areaId);
    expect((await call("enhetschef", "POST", `/api/incidents/${approved}/review`, { decision: "approve" })).status).toBe(200);
    const before = await snapshot();
    for (const id of [submitted, approved]) {
      const res = await call("insatsutforare", "POST", `/api/incidents/${id}/resubmit`, corrected(areaId));
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe("not_returned");
    }
    expect(await snapshot()).toBe(before);
  });

  it("bad input answers 400 naming the field: a personnummer, a future time, an unknown category, another district's area, a missing text", async () => {
    const { areaId, id } = await returned("Fritidsgården Norr");
    const [b] = (await call("samordnare.b", "GET", "/api/fieldwork/areas")).body.items as { id: string }[];
    const pnr = buildPersonnummer("2010-02-03", 456);
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [corrected(areaId, { description: `Bråk, en av dem var ${pnr}` }), "personal_data", "body.description"],
      [corrected(areaId, { occurredAt: "2026-03-21T12:00:00+01:00" }), "occurred_in_future", "body.occurredAt"],
      [corrected(b?.id as string), "area_not_in_scope", "body.areaId"],
    ];
    for (const [body, code, path] of cases) {
      const res = await call("insatsutforare", "POST", `/api/incidents/${id}/resubmit`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error?.code).toBe(code);
      expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
    }
    for (const body of [
      corrected(areaId, { category: "inbrott" }),
      corrected(areaId, { description: "   " }),
      corrected(areaId, { status: "approved" }),
      { areaId },
    ]) {
      const res = await call("insatsutforare", "POST", `/api/incidents/${id}/resubmit`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error?.fields.length).toBeGreaterThan(0);
    }
    expect((await call("insatsutforare", "POST", "/api/incidents/not-a-uuid/resubmit", corrected(areaId))).status).toBe(400);
    expect(await snapshot()).toBe(before);
    expect(await resubmitAudits(id)).toBe(0);
  });

  it("two resubmits at once: one wins whole, the other gets 409, no 5xx and nothing half-written", async () => {
    const { areaId, id } = await returned("Skateparken");
    const second = await newArea("Skateparken Syd");
    const bodies = [
      corrected(areaId, { category: "vapen", description: "Kniv visades upp vid rampen" }),
      corrected(second, {
        category: "brand",
        description: "Brand i papperskorg vid parken",
        occurredAt: "2026-03-11T20:00:00+01:00",
      }),
    ];
    const results = await Promise.all(bodies.map((b) => call("insatsutforare", "POST", `/api/incidents/${id}/resubmit`, b)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error?.code).toBe("not_returned");
    const winner = bodies[results.findIndex((r) => r.status === 200)] as ReturnType<typeof corrected>;
    const shown = (await call("insatsutforare", "GET", `/api/incidents/${id}`)).body as unknown as Incident;
    expect(shown.status).toBe("submitted");
    expect({
      areaId: shown.area.id,
      occurredAt: Date.parse(shown.occurredAt),
      category: shown.category,
      description: shown.description,
    }).toEqual({
      areaId: winner.areaId,
      occurredAt: Date.parse(winner.occurredAt as string),
      category: winner.category,
      description: winner.description,
    });
    expect(await resubmitAudits(id)).toBe(1);
  });
});

describe("heat per area", () => {
  it("counts only approved incidents, and every figure obeys the disclosure rules", async () => {
    const hot = await newArea("Heta torget", 18.2);
    const calm = await newArea("Lugna parken", 18.3);
    // Twelve shifts on the hot square, two in the calm park.
    for (let i = 0; i < 12; i++) {
      const day = String(1 + i).padStart(2, "0");
      const res = await call(
        "samordnare",
        "POST",
        "/api/fieldwork/shifts",
        shiftBody([hot], {
          startedAt: `2026-03-${day}T18:00:00+01:00`,
          endedAt: `2026-03-${day}T22:00:00+01:00`,
          tags: ["narkotika"],
        }),
      );
      expect(res.status).toBe(201);
    }
    for (const day of ["02", "03"])
      await call(
        "samordnare",
        "POST",
        "/api/fieldwork/shifts",
        shiftBody([calm], { startedAt: `2026-03-${day}T18:00:00+01:00`, endedAt: `2026-03-${day}T20:00:00+01:00`, tags: [] }),
      );
    const approved: string[] = [];
    for (let i = 0; i < 7; i++) approved.push(await newIncident(hot));
    const pending = await newIncident(hot);
    for (const id of approved)
      expect((await call("enhetschef", "POST", `/api/incidents/${id}/review`, { decision: "approve" })).status).toBe(200);

    const raw = await fieldworkForLagesbild(w.database.db, [w.own.id], "2026-03-01", "2026-03-31");
    const rawHot = raw.byArea.find((a) => a.areaId === hot);
    expect(rawHot?.incidents).toBe(7);
    expect(rawHot?.shifts).toBe(12);
    expect(rawHot?.contacts).toBe(96);
    expect(rawHot?.girls).toBe(36);
    expect(rawHot?.boys).toBe(48);
    expect(rawHot?.tags.narkotika).toBe(12);
    expect(raw.byArea.find((a) => a.areaId === calm)?.shifts).toBe(2);
    expect(pending).toBeTruthy();

    const res = await call("analytiker", "GET", "/api/fieldwork/heat?from=2026-03-01&to=2026-03-31");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const heat = res.body as unknown as HeatReport;
    const h = heat.areas.find((a) => a.areaId === hot);
    const c = heat.areas.find((a) => a.areaId === calm);
    expectPublished(h?.incidents ?? null, 7);
    expectPublished(h?.shifts ?? null, 12);
    expectPublished(c?.shifts ?? null, 2);
    expectHiddenOrSafe(h?.girls ?? null, 36, h?.contacts ?? null);
    expectHiddenOrSafe(h?.otherGender ?? null, 12, h?.contacts ?? null);
    expectPublished(h?.tags.find((t) => t.tag === "narkotika")?.count ?? null, 12);
    expect(heat.disclosure.method).toBe("cell-key");
  });

  it("an analytiker must ask for a calendar period; a manager may ask for any days", async () => {
    expect((await call("analytiker", "GET", "/api/fieldwork/heat?from=2026-03-02&to=2026-03-09")).status).toBe(400);
    expect((await call("enhetschef", "GET", "/api/fieldwork/heat?from=2026-03-02&to=2026-03-09")).status).toBe(200);
    expect(
      (await call("enhetschef", "GET", `/api/fieldwork/heat?from=2026-03-01&to=2026-03-31&districtId=${w.other.id}`)).status,
    ).toBe(400);
  });
});
