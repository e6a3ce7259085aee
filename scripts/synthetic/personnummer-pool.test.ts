import { describe, expect, it } from "vitest";
import { parsePersonnummer } from "../../src/domain/personnummer";
import { PersonnummerPool } from "./personnummer-pool";

describe("PersonnummerPool", () => {
  it("hands out valid, unique numbers from the test series with the legal sex asked for", () => {
    const pool = new PersonnummerPool();
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const male = i % 2 === 0;
      const { personnummer, birthDate, samordningsnummer } = pool.take("2011-05-17", male);
      const parsed = parsePersonnummer(personnummer);
      expect(parsed, personnummer).not.toBeNull();
      expect(parsed?.legalSex).toBe(male ? "man" : "kvinna");
      expect(birthDate).toBe("2011-05-17");
      expect(samordningsnummer).toBe(false);
      const birthNumber = Number(personnummer.slice(8, 11));
      expect(birthNumber).toBeGreaterThanOrEqual(980);
      expect(birthNumber).toBeLessThanOrEqual(999);
      seen.add(personnummer);
    }
    expect(seen.size).toBe(20);
  });

  it("moves on to samordningsnummer, then to the nearest date, when a date is full; never past the latest day", () => {
    const pool = new PersonnummerPool("2012-02-29");
    const all = Array.from({ length: 25 }, () => pool.take("2012-02-29", false));
    expect(all.slice(0, 10).every((p) => !p.samordningsnummer && p.birthDate === "2012-02-29")).toBe(true);
    expect(all.slice(10, 20).every((p) => p.samordningsnummer && p.birthDate === "2012-02-29")).toBe(true);
    expect(all[10]?.personnummer.slice(6, 8)).toBe("89");
    // The next day would be after the latest allowed, so the pool goes back a day.
    expect(all.slice(20).every((p) => p.birthDate === "2012-02-28")).toBe(true);
    expect(new Set(all.map((p) => p.personnummer)).size).toBe(25);
    for (const p of all) expect(parsePersonnummer(p.personnummer)?.isSamordningsnummer).toBe(p.samordningsnummer);
  });
});
