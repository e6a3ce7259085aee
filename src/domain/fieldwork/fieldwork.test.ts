import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NOISE, MIN_COUNT } from "../disclosure/publish";
import { buildPersonnummer } from "../personnummer";
import { heatFigures } from "./heat";
import { countsInAggregates, resubmitIncident, reviewIncident } from "./incident-review";
import { containsPersonnummer, personalDataFields } from "./personal-data";
import { boundsOf, validatePolygon } from "./polygon";
import { FIELD_TAG_LABELS, FIELD_TAGS, INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS, isFieldTag } from "./vocabulary";

const ring = (pts: [number, number][]) => ({ type: "Polygon", coordinates: [pts] });
const square: [number, number][] = [
  [18, 59],
  [18.1, 59],
  [18.1, 59.1],
  [18, 59.1],
  [18, 59],
];

describe("polygon validation", () => {
  it("accepts a closed ring of four or more positions", () => {
    expect(validatePolygon(ring(square)).ok).toBe(true);
  });

  it("refuses a ring that does not close, naming the ring", () => {
    const r = validatePolygon(ring(square.slice(0, 4)), "body.polygon");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "not_closed", path: "body.polygon.coordinates.0" });
  });

  it("refuses fewer than four positions, a bad position, a value out of range and a non-polygon", () => {
    const codes = (v: unknown) => {
      const r = validatePolygon(v);
      return r.ok ? [] : r.problems.map((p) => p.code);
    };
    expect(
      codes(
        ring([
          [18, 59],
          [18.1, 59],
          [18, 59],
        ]),
      ),
    ).toEqual(["too_few_positions"]);
    expect(codes(ring([[18, 59], [18.1, 59, 3] as unknown as [number, number], [18.1, 59.1], [18, 59]]))).toContain(
      "bad_position",
    );
    expect(
      codes(
        ring([
          [18, 91],
          [18.1, 59],
          [18.1, 59.1],
          [18, 91],
        ]),
      ),
    ).toContain("out_of_range");
    expect(codes({ type: "Point", coordinates: [18, 59] })).toEqual(["not_polygon"]);
    expect(codes({ type: "Polygon", coordinates: [] })).toEqual(["no_ring"]);
    expect(codes(null)).toEqual(["not_polygon"]);
  });

  const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));

  /**
   * A simple ring: corners at rising angles around a centre, each within its own slice of the circle,
   * so no two slices (and so no two edges) overlap and every gap is under a half turn.
   */
  const simpleRing = fc
    .record({
      lon: fc.double({ min: -170, max: 170, noNaN: true }),
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      corners: fc.array(
        fc.record({ jitter: fc.double({ min: 0, max: 0.4, noNaN: true }), r: fc.double({ min: 0.01, max: 9, noNaN: true }) }),
        {
          minLength: 3,
          maxLength: 50,
        },
      ),
    })
    .map(({ lon, lat, corners }) =>
      corners.map(({ jitter, r }, i): [number, number] => {
        const angle = ((i + jitter) / corners.length) * 2 * Math.PI;
        return [lon + r * Math.cos(angle), lat + r * Math.sin(angle)];
      }),
    );

  it("property: any simple ring of ≥3 in-range positions closed by repeating the first is valid, and its bounds hold every position", () => {
    fc.assert(
      fc.property(simpleRing, (pts) => {
        const closed = [...pts, pts[0] as [number, number]];
        const r = validatePolygon(ring(closed));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const b = boundsOf([r.polygon]);
        for (const [x, y] of closed) {
          expect(b && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]).toBe(true);
        }
      }),
    );
  });

  it("refuses a ring whose edges cross, touch or fold back as self_intersecting, naming the ring", () => {
    const code = (pts: [number, number][]) => {
      const r = validatePolygon(ring(pts), "body.polygon");
      return r.ok ? "ok" : `${r.problems[0]?.code} ${r.problems[0]?.path}`;
    };
    const bowTie: [number, number][] = [
      [18, 59],
      [18.1, 59.1],
      [18.1, 59],
      [18, 59.1],
      [18, 59],
    ];
    expect(code(bowTie)).toBe("self_intersecting body.polygon.coordinates.0");
    // Two squares meeting in one corner: a figure eight through the shared corner.
    const eight: [number, number][] = [
      [18, 59],
      [18.1, 59],
      [18.1, 59.1],
      [18.2, 59.1],
      [18.2, 59.2],
      [18.1, 59.2],
      [18.1, 59.1],
      [18, 59.1],
      [18, 59],
    ];
    expect(code(eight)).toMatch(/^self_intersecting/);
    // A spike that runs out and back along the same line.
    expect(
      code([
        [18, 59],
        [18.1, 59],
        [18.2, 59],
        [18.1, 59],
        [18.1, 59.1],
        [18, 59],
      ]),
    ).toMatch(/^self_intersecting/);
    // Three corners in a line enclose nothing.
    expect(
      code([
        [18, 59],
        [18.1, 59],
        [18.2, 59],
        [18, 59],
      ]),
    ).toMatch(/^self_intersecting/);
    // A corner given twice in a row (a double click) is one corner, not a crossing.
    expect(code([square[0], square[1], square[1], square[2], square[3], square[4]] as [number, number][])).toBe("ok");
  });

  it("property: a rectangle visited corner, opposite corner, corner (a bow tie) is refused as self_intersecting", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: 0.0001, max: 9, noNaN: true }),
        fc.double({ min: 0.0001, max: 9, noNaN: true }),
        (x, y, w, h) => {
          const r = validatePolygon(
            ring([
              [x, y],
              [x + w, y + h],
              [x + w, y],
              [x, y + h],
              [x, y],
            ]),
          );
          expect(r.ok ? "ok" : r.problems[0]?.code).toBe("self_intersecting");
        },
      ),
    );
  });

  it("property: a ring whose last position differs from its first is refused as not closed", () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 4, maxLength: 50 }), (pts) => {
        fc.pre(pts[0]?.[0] !== pts.at(-1)?.[0] || pts[0]?.[1] !== pts.at(-1)?.[1]);
        const r = validatePolygon(ring(pts));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems[0]?.code).toBe("not_closed");
      }),
    );
  });
});

describe("personnummer in free text", () => {
  const pnr = buildPersonnummer("2011-05-04", 123);

  it("finds a personnummer in 12 digits, in 10 digits with a dash, and inside a sentence", () => {
    expect(containsPersonnummer(pnr)).toBe(true);
    expect(containsPersonnummer(`Träffade ${pnr.slice(2, 8)}-${pnr.slice(8)} vid torget`)).toBe(true);
    expect(containsPersonnummer(`pnr ${pnr.slice(0, 8)} ${pnr.slice(8)}.`)).toBe(true);
  });

  it("leaves ordinary text, times, phone numbers and invalid check digits alone", () => {
    expect(containsPersonnummer("Åtta unga vid torget 18:00–23:00, bussen 173")).toBe(false);
    const wrong = `${pnr.slice(0, 11)}${(Number(pnr[11]) + 1) % 10}`;
    expect(containsPersonnummer(wrong)).toBe(false);
    expect(containsPersonnummer(`${pnr}9`)).toBe(false);
  });

  it("names the fields that hold one", () => {
    expect(personalDataFields({ "body.places": ["Torget", pnr], "body.observations": "lugnt" })).toEqual([
      { path: "body.places", message: expect.any(String) },
    ]);
  });

  it("property: every valid personnummer is found wherever it stands between words", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1930-01-01"), max: new Date("2025-12-31"), noInvalidDate: true }),
        // Birth number 000 is never issued (and the check library refuses it).
        fc.integer({ min: 1, max: 999 }),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, "x")),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, "y")),
        fc.boolean(),
        (d, n, before, after, short) => {
          const p = buildPersonnummer(d.toISOString().slice(0, 10), n);
          const written = short ? `${p.slice(2, 8)}-${p.slice(8)}` : p;
          expect(containsPersonnummer(`${before} ${written} ${after}`)).toBe(true);
        },
      ),
    );
  });
});

describe("vocabularies", () => {
  it("every tag and incident category has a Swedish and an English label", () => {
    for (const t of FIELD_TAGS) expect(FIELD_TAG_LABELS[t].sv && FIELD_TAG_LABELS[t].en).toBeTruthy();
    for (const c of INCIDENT_CATEGORIES) expect(INCIDENT_CATEGORY_LABELS[c].sv && INCIDENT_CATEGORY_LABELS[c].en).toBeTruthy();
    expect(FIELD_TAGS).toEqual(expect.arrayContaining(["rekrytering", "vapen", "narkotika"]));
  });

  it("property: isFieldTag accepts exactly the vocabulary", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...FIELD_TAGS)), (s) => {
        expect(isFieldTag(s)).toBe((FIELD_TAGS as readonly string[]).includes(s));
      }),
    );
  });
});

describe("incident review", () => {
  it("a manager approves a submitted report of someone else; only approved reports count", () => {
    expect(reviewIncident({ status: "submitted", reportedBy: "a" }, "b", "approve", "")).toEqual({
      ok: true,
      status: "approved",
    });
    expect(reviewIncident({ status: "submitted", reportedBy: "a" }, "a", "approve", "")).toMatchObject({
      ok: false,
      code: "own_report",
    });
    expect(reviewIncident({ status: "submitted", reportedBy: "a" }, "b", "return", " ")).toMatchObject({
      ok: false,
      code: "comment_required",
    });
    expect(countsInAggregates("approved")).toBe(true);
    expect(countsInAggregates("submitted")).toBe(false);
    expect(countsInAggregates("returned")).toBe(false);
  });

  it("property: a reviewed report is never reviewed again", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("approved", "returned") as fc.Arbitrary<"approved" | "returned">,
        fc.constantFrom("approve", "return") as fc.Arbitrary<"approve" | "return">,
        (status, decision) => {
          expect(reviewIncident({ status, reportedBy: "a" }, "b", decision, "x")).toMatchObject({
            ok: false,
            code: "already_reviewed",
          });
        },
      ),
    );
  });
});

describe("resubmitting a returned report", () => {
  it("the reporter resubmits their returned report; it is then submitted and reviewable again", () => {
    expect(resubmitIncident({ status: "returned", reportedBy: "a" }, "a")).toEqual({ ok: true, status: "submitted" });
    expect(reviewIncident({ status: "submitted", reportedBy: "a" }, "b", "approve", "")).toMatchObject({ ok: true });
  });

  it("someone else may not resubmit it, not even a manager", () => {
    expect(resubmitIncident({ status: "returned", reportedBy: "a" }, "b")).toMatchObject({ ok: false, code: "not_own_report" });
  });

  it("property: a report that is not returned is never resubmitted, whoever asks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("submitted", "approved") as fc.Arbitrary<"submitted" | "approved">,
        fc.constantFrom("a", "b"),
        (status, actor) => {
          const outcome = resubmitIncident({ status, reportedBy: "a" }, actor);
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.code).toBe(actor === "a" ? "not_returned" : "not_own_report");
        },
      ),
    );
  });
});

describe("heat figures", () => {
  it("property: every published count is 0 for 0, hidden for 1–4, else within the noise and at least 5", () => {
    const shift = fc.record({
      key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      areaIds: fc.subarray(["a", "b", "c"], { minLength: 1 }),
      girls: fc.integer({ min: 0, max: 6 }),
      boys: fc.integer({ min: 0, max: 6 }),
      other: fc.integer({ min: 0, max: 2 }),
      tags: fc.subarray([...FIELD_TAGS]),
    });
    const incident = fc.record({ key: fc.integer({ min: 0, max: 2 ** 32 - 1 }), areaId: fc.constantFrom("a", "b", "c") });
    fc.assert(
      fc.property(fc.array(shift, { maxLength: 40 }), fc.array(incident, { maxLength: 30 }), (raw, incidents) => {
        const shifts = raw.map((s) => ({ ...s, contacts: s.girls + s.boys + s.other }));
        const f = heatFigures(["a", "b", "c"], shifts, incidents);
        const check = (v: number | null, truth: number) => {
          if (f.protectedWhole) return expect(v).toBeNull();
          if (truth === 0) return expect(v).toBe(0);
          if (truth < MIN_COUNT) return expect(v).toBeNull();
          if (v !== null) {
            expect(Math.abs(v - truth)).toBeLessThanOrEqual(MAX_NOISE);
            expect(v).toBeGreaterThanOrEqual(MIN_COUNT);
          }
        };
        for (const a of f.areas) {
          const here = shifts.filter((s) => s.areaIds.includes(a.areaId));
          check(a.shifts, here.length);
          check(a.incidents, incidents.filter((i) => i.areaId === a.areaId).length);
          for (const t of a.tags) check(t.count, here.filter((s) => s.tags.includes(t.tag)).length);
          // A shown area total never reveals a lone small incident count through the shown parts.
          const shownIncidents = f.areas.map((x) => x.incidents);
          if (f.incidents !== null && shownIncidents.filter((x) => x === null).length === 1) {
            const rest = f.incidents - shownIncidents.reduce<number>((s, x) => s + (x ?? 0), 0);
            expect(rest <= 0 || rest >= MIN_COUNT).toBe(true);
          }
        }
        check(f.incidents, incidents.length);
      }),
    );
  });

  it("protects the whole report when the population is too small", () => {
    const f = heatFigures(["a"], [{ key: 1, areaIds: ["a"], contacts: 9, girls: 9, boys: 0, tags: [] }], []);
    expect(f.protectedWhole).toBe(true);
    expect(f.areas[0]?.contacts).toBeNull();
  });
});
