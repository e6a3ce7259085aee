import { describe, expect, it } from "vitest";
import { createShiftBody } from "../../src/contracts/fieldwork";
import { boundsOf, type Polygon, validatePolygon } from "../../src/domain/fieldwork/polygon";
import { INCIDENT_CATEGORIES } from "../../src/domain/fieldwork/vocabulary";
import { roleHasPermission } from "../../src/domain/roles";
import { buildFieldwork } from "./fieldwork";
import { buildOrganisation } from "./organisation";
import { Random } from "./random";

const today = "2026-11-24";
const asOf = new Date("2026-11-24T11:00:00Z");
const org = buildOrganisation(new Random(7), 3, 1_500);
const build = (seed: number) => buildFieldwork({ seed, today, asOf, districts: org.districts, users: org.users });
const rows = build(7);
const districtOfUnit = new Map(org.districts.flatMap((d) => Object.values(d.units).map((u) => [u.id, d.id] as const)));
const holdsIn = (userId: string, districtId: string, permission: "fieldwork:log" | "fieldwork:manage") =>
  org.users.some(
    (u) =>
      u.id === userId &&
      u.roles.some((r) => districtOfUnit.get(r.unitId) === districtId && roleHasPermission(r.role, permission)),
  );

describe("synthetic fältarbete", () => {
  it("gives every district four areas whose polygons are valid and lie apart from every other area's", () => {
    for (const d of org.districts) expect(rows.areas.filter((a) => a.districtId === d.id)).toHaveLength(4);
    const boxes = rows.areas.map((a) => {
      const checked = validatePolygon(a.polygon);
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
      return boundsOf([a.polygon as Polygon]) as [number, number, number, number];
    });
    // Disjoint bounding boxes: no two areas can overlap.
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]).toBe(true);
    // In and around Stockholm.
    for (const [minLon, minLat, maxLon, maxLat] of boxes) {
      expect(minLon).toBeGreaterThan(17.5);
      expect(maxLon).toBeLessThan(18.6);
      expect(minLat).toBeGreaterThan(59.1);
      expect(maxLat).toBeLessThan(59.6);
    }
  });

  it("gives months of shifts the API would accept, walked by the district's field staff in its own areas", () => {
    for (const d of org.districts) expect(rows.shifts.filter((s) => s.districtId === d.id).length).toBeGreaterThan(20);
    const areaDistrict = new Map(rows.areas.map((a) => [a.id, a.districtId]));
    const months = new Set(rows.shifts.map((s) => (s.startedAt as Date).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    for (const s of rows.shifts) {
      const body = {
        districtId: s.districtId,
        areaIds: s.areaIds,
        startedAt: (s.startedAt as Date).toISOString(),
        endedAt: (s.endedAt as Date).toISOString(),
        staffIds: s.staffIds,
        contacts: s.contacts,
        places: s.places,
        observations: s.observations,
        tags: s.tags,
        followUpWanted: s.followUpWanted,
        followUpNote: s.followUpNote,
      };
      const parsed = createShiftBody.safeParse(body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect((s.startedAt as Date) < (s.endedAt as Date) && (s.endedAt as Date) <= asOf).toBe(true);
      for (const a of s.areaIds) expect(areaDistrict.get(a)).toBe(s.districtId);
      for (const u of s.staffIds) expect(holdsIn(u, s.districtId, "fieldwork:log")).toBe(true);
      expect(s.staffIds).toContain(s.createdBy);
      const contacts = s.contacts as { ageBand: string; gender: string; count: number }[];
      expect(new Set(contacts.map((c) => `${c.ageBand}/${c.gender}`)).size).toBe(contacts.length);
      expect(s.contactsTotal).toBe(contacts.reduce((n, c) => n + c.count, 0));
      expect(s.girls).toBe(contacts.filter((c) => c.gender === "flicka").reduce((n, c) => n + c.count, 0));
      expect(s.boys).toBe(contacts.filter((c) => c.gender === "pojke").reduce((n, c) => n + c.count, 0));
    }
    expect(rows.shifts.some((s) => (s.tags ?? []).length > 0)).toBe(true);
    expect(rows.shifts.some((s) => s.followUpWanted)).toBe(true);
  });

  it("gives each district händelserapporter, most approved by a manager other than the reporter, some submitted", () => {
    for (const d of org.districts) {
      const mine = rows.incidents.filter((x) => x.districtId === d.id);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.some((x) => x.status === "approved")).toBe(true);
      expect(mine.some((x) => x.status === "submitted")).toBe(true);
    }
    const approved = rows.incidents.filter((x) => x.status === "approved");
    expect(approved.length).toBeGreaterThan(rows.incidents.length / 2);
    for (const x of rows.incidents) {
      expect(INCIDENT_CATEGORIES).toContain(x.category);
      expect(holdsIn(x.reportedBy, x.districtId, "fieldwork:log")).toBe(true);
      expect(rows.areas.find((a) => a.id === x.areaId)?.districtId).toBe(x.districtId);
      if (x.status === "approved") {
        expect(x.reviewedBy).not.toBe(x.reportedBy);
        expect(holdsIn(x.reviewedBy as string, x.districtId, "fieldwork:manage")).toBe(true);
        expect((x.reviewedAt as Date) <= asOf).toBe(true);
      } else expect(x.reviewedBy).toBeNull();
    }
  });

  it("is the same for the same seed and differs for another", () => {
    expect(build(7)).toEqual(rows);
    expect(build(8).areas.map((a) => a.polygon)).not.toEqual(rows.areas.map((a) => a.polygon));
  });
});
