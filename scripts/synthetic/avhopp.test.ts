import { describe, expect, it } from "vitest";
import { ageOn } from "../../src/domain/personnummer";
import { buildAvhopp } from "./avhopp";
import type { SynthDistrict } from "./organisation";
import type { PersonRow } from "./persons";

const today = "2026-06-01";
const district = { id: "d1", utredare: [{ id: "u1" }], mottagning: [] } as unknown as SynthDistrict;
const births = ["2009-05-01", "2008-01-01", "2004-07-07", "2002-02-02", "2015-01-01"];
const people = births.map((birthDate, i) => ({
  id: `p${i}`,
  kind: "ung",
  birthDate,
  protectedIdentity: false,
  districtId: "d1",
})) as unknown as PersonRow[];
const cases = people.map((p, i) => ({
  id: `c${i}`,
  personId: p.id,
  districtId: "d1",
  closedAt: null,
  openedAt: new Date(`${today}T08:00:00Z`),
}));

describe("synthetic avhopp processes", () => {
  const rows = buildAvhopp({ seed: 7, today, districts: [district], people, cases });

  it("are drawn for 15–25-year-olds only, at every stage, with custody among them", () => {
    expect(rows.processes.length).toBe(4);
    for (const p of rows.processes) {
      const person = people.find((x) => x.id === p.personId) as PersonRow;
      const age = ageOn(person.birthDate, p.contactOn);
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThanOrEqual(25);
    }
    expect(new Set(rows.processes.map((p) => p.phase))).toEqual(
      new Set(["forfragan", "overenskommelse", "insatser", "avslutad"]),
    );
    expect(rows.processes.some((p) => p.openingCustody !== "ingen")).toBe(true);
  });

  it("give a follow-up still due for the deadline overview, and are the same for the same seed", () => {
    expect(rows.followUps.some((f) => f.doneOn == null && f.dueOn >= today)).toBe(true);
    expect(buildAvhopp({ seed: 7, today, districts: [district], people, cases })).toEqual(rows);
  });
});
