import { describe, expect, it } from "vitest";
import { ageOn, fitsAge, parseDefinition } from "./definition";
import { SHIPPED_DEFINITIONS } from "./shipped";
import { rawDefinition, testDefinition } from "./testing";

function issuesOf(input: unknown) {
  const result = parseDefinition(input);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.issues;
}

const items = rawDefinition().items as Record<string, unknown>[];

describe("instrument definitions", () => {
  it("accept a valid definition and fill in item defaults", () => {
    const def = testDefinition();
    expect(def.items[1]).toMatchObject({ critical: false, direction: "risk", required: true });
    expect(def.items[3]?.direction).toBe("protective");
  });

  it("reject an item without an id", () => {
    const { id: _, ...noId } = items[1] as Record<string, unknown>;
    expect(issuesOf(rawDefinition({ items: [items[0], noId] }))).toContainEqual(expect.objectContaining({ path: "items.1.id" }));
  });

  it("reject duplicate item ids at the second occurrence", () => {
    const dup = { ...items[1], id: "H1" };
    expect(issuesOf(rawDefinition({ items: [items[0], items[2], dup] }))).toEqual([
      { path: "items.2.id", message: 'duplicate item id "H1"' },
    ]);
  });

  it("reject duplicate domain ids", () => {
    const issues = issuesOf(
      rawDefinition({
        domains: [
          { id: "H", label: "A" },
          { id: "P", label: "B" },
          { id: "H", label: "C" },
        ],
      }),
    );
    expect(issues).toEqual([{ path: "domains.2.id", message: 'duplicate domain id "H"' }]);
  });

  it("reject an item in an unknown domain", () => {
    const stray = { ...items[1], domain: "X" };
    expect(issuesOf(rawDefinition({ items: [items[0], stray] }))).toEqual([
      { path: "items.1.domain", message: 'item "H2" is in unknown domain "X"' },
    ]);
  });

  it("reject scale values that are not strictly ascending", () => {
    const bad = { ...items[0], scale: { values: [0, 2, 1] } };
    expect(issuesOf(rawDefinition({ items: [bad] }))).toEqual([
      { path: "items.0.scale.values.2", message: "scale values must be strictly ascending (2 then 1)" },
    ]);
  });

  it("reject scale labels that do not match the values", () => {
    const bad = { ...items[0], scale: { values: [0, 1, 2], labels: ["Låg", "Hög"] } };
    expect(issuesOf(rawDefinition({ items: [bad] })).map((i) => i.path)).toEqual(["items.0.scale.labels"]);
  });

  it("reject bands that are not ascending", () => {
    const bands = [
      { id: "a", label: "A", min: 0 },
      { id: "b", label: "B", min: 5 },
      { id: "c", label: "C", min: 5 },
    ];
    expect(issuesOf(rawDefinition({ bands })).map((i) => i.path)).toEqual(["bands.2.min"]);
  });

  it("reject a GAS definition with items", () => {
    const issues = issuesOf(rawDefinition({ kind: "gas", domains: [], gas: { minGoals: 1, maxGoals: 5 } }));
    expect(issues).toEqual([{ path: "items", message: "a GAS instrument must not define items" }]);
  });

  it("require gas settings for GAS and forbid them otherwise", () => {
    expect(issuesOf(rawDefinition({ kind: "gas", domains: [], items: [] })).map((i) => i.path)).toEqual(["gas"]);
    expect(issuesOf(rawDefinition({ gas: { minGoals: 1, maxGoals: 5 } })).map((i) => i.path)).toEqual(["gas"]);
  });

  it("reject an item instrument with no items", () => {
    expect(issuesOf(rawDefinition({ items: [] })).map((i) => i.path)).toEqual(["items"]);
  });

  it("reject a minimum age above the maximum", () => {
    expect(issuesOf(rawDefinition({ ageRange: { min: 18, max: 12 } }))).toEqual([
      { path: "ageRange.min", message: "minimum age 18 is above maximum age 12" },
    ]);
  });

  it("reject unknown fields and duplicate purposes", () => {
    expect(issuesOf(rawDefinition({ itemTexts: [] })).map((i) => i.path)).toEqual([""]);
    expect(issuesOf(rawDefinition({ purposes: ["brott", "brott"] })).map((i) => i.path)).toEqual(["purposes.1"]);
  });

  it("reject reliability outside (0, 1)", () => {
    expect(issuesOf(rawDefinition({ reliability: 1 })).map((i) => i.path)).toEqual(["reliability"]);
  });
});

describe("age", () => {
  it("counts whole years and turns on the birthday itself", () => {
    expect(ageOn("2010-05-17", "2028-05-16")).toBe(17);
    expect(ageOn("2010-05-17", "2028-05-17")).toBe(18);
    expect(ageOn("2010-12-31", "2011-01-01")).toBe(0);
  });

  it("lets a 29 February child turn a year older on 1 March in common years", () => {
    expect(ageOn("2012-02-29", "2025-02-28")).toBe(12);
    expect(ageOn("2012-02-29", "2025-03-01")).toBe(13);
    expect(ageOn("2012-02-29", "2028-02-29")).toBe(16);
  });

  it("rejects malformed dates", () => {
    expect(() => ageOn("2010-5-17", "2028-05-17")).toThrow(RangeError);
  });

  it("fits inclusively at both ends of the range", () => {
    const def = testDefinition(); // 12-18
    expect(fitsAge(def, "2010-05-17", "2022-05-16")).toBe(false);
    expect(fitsAge(def, "2010-05-17", "2022-05-17")).toBe(true);
    expect(fitsAge(def, "2010-05-17", "2029-05-16")).toBe(true);
    expect(fitsAge(def, "2010-05-17", "2029-05-17")).toBe(false);
  });
});

describe("shipped definitions", () => {
  it("all parse and have unique ids", () => {
    expect(SHIPPED_DEFINITIONS.map((d) => d.id)).toEqual(["gas", "savry", "earl-20b", "earl-21g", "yls-cmi", "adad"]);
    for (const def of SHIPPED_DEFINITIONS) expect(parseDefinition(def).ok).toBe(true);
  });

  it("carry no item texts for licensed instruments: every label is the bare code", () => {
    const licensed = SHIPPED_DEFINITIONS.filter((d) => d.licence === "requires_licence");
    expect(licensed.length).toBe(5);
    for (const def of licensed) {
      for (const item of def.items) expect(item.label, `${def.id} ${item.id}`).toBe(item.id);
    }
  });

  it("only GAS is shipped as free", () => {
    expect(SHIPPED_DEFINITIONS.filter((d) => d.licence === "free").map((d) => d.id)).toEqual(["gas"]);
  });

  it("have the expected structure", () => {
    const count = (id: string) => SHIPPED_DEFINITIONS.find((d) => d.id === id)?.items.length;
    expect([count("savry"), count("earl-20b"), count("earl-21g"), count("yls-cmi"), count("adad")]).toEqual([30, 20, 21, 42, 9]);
  });
});
