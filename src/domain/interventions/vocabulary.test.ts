import { describe, expect, it } from "vitest";
import {
  END_REASON_LABELS,
  END_REASONS,
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  GOAL_ATTAINMENT,
  GOAL_ATTAINMENT_LABELS,
  INSATS_KIND_LABELS,
  INSATS_KINDS,
  isPlacement,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  NOT_STARTED_REASON_LABELS,
  NOT_STARTED_REASONS,
  PREVENTION_LEVEL_LABELS,
  PREVENTION_LEVELS,
  PROVIDER_KIND_LABELS,
  PROVIDER_KINDS,
} from "./vocabulary";

const vocabularies: [string, readonly string[], Record<string, { sv: string; en: string }>][] = [
  ["provider kinds", PROVIDER_KINDS, PROVIDER_KIND_LABELS],
  ["prevention levels", PREVENTION_LEVELS, PREVENTION_LEVEL_LABELS],
  ["evidence statuses", EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS],
  ["legal forms", LEGAL_FORMS, LEGAL_FORM_LABELS],
  ["insats kinds", INSATS_KINDS, INSATS_KIND_LABELS],
  ["goal attainment", GOAL_ATTAINMENT, GOAL_ATTAINMENT_LABELS],
  ["end reasons", END_REASONS, END_REASON_LABELS],
  ["not-started reasons", NOT_STARTED_REASONS, NOT_STARTED_REASON_LABELS],
];

describe("vocabularies", () => {
  it.each(vocabularies)("%s have unique codes and a Swedish and English label for each, and no others", (_, codes, labels) => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(labels[code]?.sv.trim()).not.toBe("");
      expect(labels[code]?.en.trim()).not.toBe("");
    }
  });
});

describe("isPlacement", () => {
  it("is true for exactly the three placement kinds", () => {
    expect(INSATS_KINDS.filter(isPlacement)).toEqual(["placering_hvb", "placering_familjehem", "placering_sis"]);
  });
});
