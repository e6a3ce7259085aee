import { describe, expect, it } from "vitest";
import {
  ageOn,
  buildPersonnummer,
  looksLikePersonnummer,
  maskPersonnummer,
  parsePersonnummer,
  personnummerImplausibility,
} from "./personnummer";

describe("personnummer", () => {
  it("accepts a valid number in 10- and 12-digit forms and normalises to 12 digits", () => {
    const pnr = buildPersonnummer("2010-05-12", 982);
    expect(parsePersonnummer(pnr)?.normalized).toBe(pnr);
    expect(parsePersonnummer(`${pnr.slice(2, 8)}-${pnr.slice(8)}`)?.normalized).toBe(pnr);
    expect(parsePersonnummer(`${pnr.slice(0, 8)}-${pnr.slice(8)}`)?.birthDate).toBe("2010-05-12");
  });

  it("rejects a wrong check digit, an impossible date and garbage", () => {
    const pnr = buildPersonnummer("2010-05-12", 982);
    const wrong = `${pnr.slice(0, 11)}${(Number(pnr[11]) + 1) % 10}`;
    expect(parsePersonnummer(wrong)).toBeNull();
    expect(parsePersonnummer("201013329824")).toBeNull();
    expect(parsePersonnummer("'; drop table persons; --")).toBeNull();
  });

  it("recognises a samordningsnummer and derives the real birth date", () => {
    const snr = buildPersonnummer("2009-03-04", 991, true);
    const parsed = parsePersonnummer(snr);
    expect(parsed?.isSamordningsnummer).toBe(true);
    expect(parsed?.birthDate).toBe("2009-03-04");
  });

  it("takes the century from the plus sign for people over 100", () => {
    const pnr = buildPersonnummer("1920-01-01", 985);
    expect(parsePersonnummer(`${pnr.slice(2, 8)}+${pnr.slice(8)}`)?.normalized).toBe(pnr);
  });

  it("masks everything after the birth date", () => {
    expect(maskPersonnummer("201005129824")).toBe("20100512-XXXX");
  });

  it("tells a personnummer-looking query from a name", () => {
    expect(looksLikePersonnummer("20100512-9824")).toBe(true);
    expect(looksLikePersonnummer("100512 9824")).toBe(false);
    expect(looksLikePersonnummer("Andersson")).toBe(false);
  });

  it("counts age in whole years, the day before and on the birthday", () => {
    expect(ageOn("2010-05-12", "2026-05-11")).toBe(15);
    expect(ageOn("2010-05-12", "2026-05-12")).toBe(16);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });
});

describe("personnummer plausibility", () => {
  const today = "2026-05-12";
  const parsed = (pnr: string) => {
    const p = parsePersonnummer(pnr);
    if (!p) throw new Error("test number should be well-formed");
    return p;
  };

  it("refuses a birth date after today", () => {
    expect(personnummerImplausibility(parsed(buildPersonnummer("2026-05-13", 982)), today)).toBe("future_birth_date");
    expect(personnummerImplausibility(parsed(buildPersonnummer("2031-01-01", 982)), today)).toBe("future_birth_date");
  });

  it("accepts a birth date of yesterday and of today", () => {
    expect(personnummerImplausibility(parsed(buildPersonnummer("2026-05-11", 982)), today)).toBeNull();
    expect(personnummerImplausibility(parsed(buildPersonnummer("2026-05-12", 982)), today)).toBeNull();
  });

  it("refuses a plus separator that makes a young person 111 years old, and accepts 110", () => {
    // Born 2015-05-12: with "+" the number reads as 1915 (111 years on 2026-05-12).
    const pnr = buildPersonnummer("1915-05-12", 985);
    const plus = `${pnr.slice(2, 8)}+${pnr.slice(8)}`;
    expect(parsePersonnummer(plus)?.birthDate).toBe("1915-05-12");
    expect(personnummerImplausibility(parsed(plus), today)).toBe("over_max_age");
    expect(personnummerImplausibility(parsed(buildPersonnummer("1915-05-13", 985)), today)).toBeNull();
    expect(personnummerImplausibility(parsed(buildPersonnummer("1916-05-12", 985)), today)).toBeNull();
  });

  it("judges a samordningsnummer by its real birth date (day less 60)", () => {
    // Day 72 would be an impossible date; its real day 12 is today, so it is accepted.
    expect(personnummerImplausibility(parsed(buildPersonnummer("2026-05-12", 991, true)), today)).toBeNull();
    expect(personnummerImplausibility(parsed(buildPersonnummer("2026-05-13", 991, true)), today)).toBe("future_birth_date");
  });
});
