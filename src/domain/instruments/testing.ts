import { type InstrumentDefinition, instrumentDefinitionSchema } from "./definition";

/** A small valid definition for tests; `patch` replaces top-level fields before parsing. */
export function rawDefinition(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: "vagval.instrument/1",
    id: "test-instrument",
    name: "Testinstrument",
    version: "1",
    licence: "free",
    ageRange: { min: 12, max: 18 },
    purposes: ["brott"],
    kind: "items",
    domains: [
      { id: "H", label: "Historiska" },
      { id: "P", label: "Skyddande" },
    ],
    items: [
      { id: "H1", domain: "H", label: "H1", scale: { values: [0, 1, 2] }, critical: true },
      { id: "H2", domain: "H", label: "H2", scale: { values: [0, 1, 2] } },
      { id: "H3", domain: "H", label: "H3", scale: { values: [0, 1, 2] }, required: false },
      { id: "P1", domain: "P", label: "P1", scale: { values: [0, 1] }, direction: "protective" },
    ],
    bands: [
      { id: "lag", label: "Låg", min: 0 },
      { id: "mattlig", label: "Måttlig", min: 2 },
      { id: "hog", label: "Hög", min: 4 },
    ],
    judgement: null,
    reassessmentMonths: 6,
    reliability: 0.8,
    ...patch,
  };
}

export function testDefinition(patch: Record<string, unknown> = {}): InstrumentDefinition {
  return instrumentDefinitionSchema.parse(rawDefinition(patch));
}

export function gasDefinition(): InstrumentDefinition {
  return testDefinition({ id: "gas-test", kind: "gas", domains: [], items: [], bands: [], gas: { minGoals: 1, maxGoals: 5 } });
}
