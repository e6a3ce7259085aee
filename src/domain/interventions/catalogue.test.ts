import { describe, expect, it } from "vitest";
import { STARTER_CATALOGUE, starterEntry } from "./catalogue";
import { EVIDENCE_STATUSES, INSATS_KINDS, isPlacement, LEGAL_FORMS, PREVENTION_LEVELS, PROVIDER_KINDS } from "./vocabulary";

describe("starter catalogue", () => {
  it("has unique codes", () => {
    const codes = STARTER_CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(STARTER_CATALOGUE.map((e) => [e.code, e] as const))("%s is valid against the vocabularies", (_, e) => {
    expect(INSATS_KINDS).toContain(e.kind);
    expect(PROVIDER_KINDS).toContain(e.providerKind);
    expect(PREVENTION_LEVELS).toContain(e.preventionLevel);
    expect(EVIDENCE_STATUSES).toContain(e.evidenceStatus);
    expect(LEGAL_FORMS).toContain(e.legalForm);
    expect(Number.isInteger(e.targetAgeMin) && Number.isInteger(e.targetAgeMax)).toBe(true);
    expect(e.targetAgeMin).toBeGreaterThanOrEqual(0);
    expect(e.targetAgeMin).toBeLessThanOrEqual(e.targetAgeMax);
    expect(e.targetAgeMax).toBeLessThanOrEqual(20);
    expect(e.typicalLengthMonths).toBeGreaterThan(0);
    expect(e.name.trim()).not.toBe("");
    expect(e.description.trim()).not.toBe("");
    expect(e.ksiCode === null || /\S/.test(e.ksiCode)).toBe(true);
  });

  it("marks Scared Straight-like programmes as advised against, and its description says why", () => {
    const e = starterEntry("SCARED_STRAIGHT");
    expect(e?.evidenceStatus).toBe("avrads");
    expect(e?.description).toMatch(/Socialstyrelsen avråder/);
    expect(e?.description).toMatch(/öka brottsligheten/);
    expect(STARTER_CATALOGUE.filter((x) => x.evidenceStatus === "avrads").map((x) => x.code)).toEqual(["SCARED_STRAIGHT"]);
  });

  it("marks the programmes Socialstyrelsen recommends for 12–17 as recommended", () => {
    for (const code of ["FFT", "MST", "BSFT", "TFCO", "OPPENVARD_KBT"]) {
      expect(starterEntry(code)?.evidenceStatus, code).toBe("rekommenderad");
    }
  });

  it("marks the recommended parent programmes for younger children as recommended", () => {
    for (const code of ["COPE", "DOA", "KOMET", "TRIPLE_P"]) {
      expect(starterEntry(code)?.evidenceStatus, code).toBe("rekommenderad");
    }
  });

  it("gives placements a placement kind, and TFCO is a foster-family placement", () => {
    expect(starterEntry("PLACERING_HVB")?.kind).toBe("placering_hvb");
    expect(starterEntry("PLACERING_FAMILJEHEM")?.kind).toBe("placering_familjehem");
    expect(starterEntry("PLACERING_SIS")?.kind).toBe("placering_sis");
    expect(starterEntry("PLACERING_SIS")?.providerKind).toBe("extern");
    expect(starterEntry("TFCO")?.kind).toBe("placering_familjehem");
    for (const e of STARTER_CATALOGUE.filter((x) => x.code.startsWith("PLACERING_"))) expect(isPlacement(e.kind)).toBe(true);
  });

  it("records SIG as a service without decision and kontaktperson as bistånd", () => {
    expect(starterEntry("SIG")).toMatchObject({ legalForm: "service", preventionLevel: "indikerad" });
    expect(starterEntry("KONTAKTPERSON")).toMatchObject({ legalForm: "bistand", kind: "kontaktperson" });
  });

  it("leaves KSI codes unset until they are verified", () => {
    expect(STARTER_CATALOGUE.every((e) => e.ksiCode === null)).toBe(true);
  });
});
