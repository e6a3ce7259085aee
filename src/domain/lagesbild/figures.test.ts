import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NOISE, MIN_COUNT } from "../disclosure/publish";
import { type CountedRecord, countTable, type Gender } from "./figures";
import { lagesbildFigures, type ReportRecord } from "./report";

const ROWS = ["a", "b", "c"].map((key) => ({ key, label: { sv: key, en: key } }));
const GENDERS: Gender[] = ["pojke", "flicka", "other"];

const records = fc.array(
  fc.record({
    key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    row: fc.constantFrom("a", "b", "c"),
    gender: fc.constantFrom(...GENDERS),
  }),
  { maxLength: 80 },
);

/** The true count of a cell. */
const truth = (rs: readonly CountedRecord[], row: string | null, g: Gender | null) =>
  rs.filter((r) => (row === null || r.row === row) && (g === null || r.gender === g)).length;

/** A shown count obeys the disclosure rule: 0 exact, 1–4 never, otherwise within ±MAX_NOISE and at least MIN_COUNT. */
function published(shown: number | null, n: number) {
  if (n === 0) return shown === 0;
  if (n < MIN_COUNT) return shown === null;
  return shown === null || (Math.abs(shown - n) <= MAX_NOISE && shown >= MIN_COUNT);
}

describe("countTable", () => {
  it("never shows a count of 1–4 and keeps every shown count within the noise", () => {
    fc.assert(
      fc.property(records, (rs) => {
        const t = countTable(rs, ROWS, { exclusive: true });
        for (const r of t.rows) {
          expect(published(r.all, truth(rs, r.key, null))).toBe(true);
          expect(published(r.boys, truth(rs, r.key, "pojke"))).toBe(true);
          expect(published(r.girls, truth(rs, r.key, "flicka"))).toBe(true);
          expect(published(r.other, truth(rs, r.key, "other"))).toBe(true);
        }
        expect(published(t.total?.all ?? null, rs.length)).toBe(true);
      }),
    );
  });

  it("leaves no lone hidden part beside a shown row total (secondary suppression)", () => {
    fc.assert(
      fc.property(records, (rs) => {
        const t = countTable(rs, ROWS, { exclusive: true });
        for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) {
          if (r.all === null) continue;
          const parts = [r.boys, r.girls, r.other];
          const hidden = parts.filter((v) => v === null).length;
          // The rule of domain/disclosure/sum-table.ts: a lone hidden part only where the shown total
          // minus the shown parts comes to 0 — a reader learns nothing, since 0 is always shown as 0.
          if (hidden === 1) expect(r.all - parts.reduce<number>((s, v) => s + (v ?? 0), 0)).toBe(0);
        }
      }),
    );
  });

  it("shows no total where a record may be on several rows", () => {
    const t = countTable([{ key: 1, row: "a", gender: "pojke" }], ROWS, { exclusive: false });
    expect(t.total).toBeNull();
  });

  it("hides everything when the report's population is too small", () => {
    const rs: CountedRecord[] = Array.from({ length: 30 }, (_, i) => ({ key: i * 7919, row: "a", gender: "pojke" }));
    const t = countTable(rs, ROWS, { exclusive: true, protectWhole: true });
    expect(t.rows.every((r) => r.all === null && r.boys === null)).toBe(true);
  });
});

describe("lagesbildFigures", () => {
  const report = (i: number, over: Partial<ReportRecord> = {}): ReportRecord => ({
    key: (i * 2654435761) >>> 0,
    districtId: "d1",
    reporterCategory: "polis",
    concerns: ["brott"],
    gender: i % 2 ? "pojke" : "flicka",
    ageGroup: "15-17",
    ...over,
  });

  it("counts reports by reporter, concern, age and district, and marks a too-small population as protected", () => {
    const reports = Array.from({ length: 40 }, (_, i) => report(i, i % 4 === 0 ? { concerns: ["brott", "vald"] } : {}));
    const f = lagesbildFigures({
      reports,
      insatser: [],
      districts: [{ id: "d1", name: "A" }],
      fieldwork: null,
      cellKey: () => 1,
    });
    expect(f.protectedWhole).toBe(false);
    const polis = f.reportsByReporter.rows.find((r) => r.key === "polis");
    expect(published(polis?.all ?? null, 40)).toBe(true);
    expect(f.reportsByReporter.rows.find((r) => r.key === "skola")?.all).toBe(0);
    expect(published(f.reportsByConcern.rows.find((r) => r.key === "vald")?.all ?? null, 10)).toBe(true);
    expect(f.reportsByConcern.total).toBeNull();
    expect(f.fieldwork).toBeNull();
    const few = lagesbildFigures({
      reports: reports.slice(0, 6),
      insatser: [],
      districts: [],
      fieldwork: null,
      cellKey: () => 1,
    });
    expect(few.protectedWhole).toBe(true);
  });

  it("shows the reports' total alike under every breakdown: hidden in one, hidden in all", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
            reporterCategory: fc.constantFrom("polis", "skola", "bup"),
            ageGroup: fc.constantFrom("12-14" as const, "15-17" as const),
            gender: fc.constantFrom(...GENDERS),
          }),
          { minLength: 10, maxLength: 60 },
        ),
        (rs) => {
          const f = lagesbildFigures({
            reports: rs.map((r) => ({ ...r, districtId: "d1", concerns: [] })),
            insatser: [],
            districts: [{ id: "d1", name: "A" }],
            fieldwork: null,
            cellKey: () => 1,
          });
          for (const col of ["all", "boys", "girls", "other"] as const) {
            const totals = [f.reportsByReporter, f.reportsByAge, f.reportsByDistrict].map((t) => t.total?.[col] ?? null);
            expect(new Set(totals).size).toBe(1);
          }
        },
      ),
    );
  });

  it("publishes the fältarbete's counts per area through the same rules, small counts hidden", () => {
    const f = lagesbildFigures({
      reports: [],
      insatser: [],
      districts: [],
      fieldwork: [
        {
          id: "x",
          name: "Centrum",
          shifts: 30,
          contacts: 200,
          girls: 80,
          boys: 117,
          incidents: 3,
          tags: { vapen: 2, rekrytering: 9 },
        },
      ],
      cellKey: (name) => name.length * 2654435761,
    });
    const a = f.fieldwork?.[0];
    expect(published(a?.shifts ?? null, 30)).toBe(true);
    expect(a?.incidents).toBeNull();
    expect(a?.tags.find((t) => t.tag === "vapen")?.count).toBeNull();
    // 3 contacts of unknown gender: girls and boys may not both be shown beside the total.
    const shownParts = [a?.girls, a?.boys].filter((v) => v !== null && v !== undefined).length;
    if (a?.contacts !== null) expect(shownParts).toBeLessThan(2);
  });
});
