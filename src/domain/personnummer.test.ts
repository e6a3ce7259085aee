import { describe, expect, it } from "vitest";
import { ageOn, buildPersonnummer, looksLikePersonnummer, maskPersonnummer, parsePersonnummer } from "./personnummer";

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
