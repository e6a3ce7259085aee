import type { CONCERNS } from "./case-flow";

/** Concerns that make an investigation one where a structured assessment is expected. */
export const ASSESSMENT_CONCERNS: readonly (typeof CONCERNS)[number][] = ["brott", "vald"];

/** Documented reasons for completing such an investigation without a structured assessment. */
export const NO_ASSESSMENT_REASONS = [
  "ej_tillampligt_alder",
  "instrument_saknas",
  "ingen_utbildad_personal",
  "vardnadshavare_den_unge_avbojt",
  "utredningen_avslutad_tidigt",
  "annan",
] as const;
export type NoAssessmentReason = (typeof NO_ASSESSMENT_REASONS)[number];

export const NO_ASSESSMENT_REASON_LABELS: Record<NoAssessmentReason, { sv: string; en: string }> = {
  ej_tillampligt_alder: { sv: "Inget instrument passar den unges ålder", en: "No instrument fits the young person's age" },
  instrument_saknas: { sv: "Instrument saknas för frågeställningen", en: "No instrument for the question at hand" },
  ingen_utbildad_personal: { sv: "Ingen utbildad bedömare tillgänglig", en: "No trained assessor available" },
  vardnadshavare_den_unge_avbojt: {
    sv: "Den unge/vårdnadshavare medverkade inte",
    en: "Young person/guardians did not take part",
  },
  utredningen_avslutad_tidigt: { sv: "Utredningen avslutades i ett tidigt skede", en: "Investigation ended at an early stage" },
  annan: { sv: "Annat skäl", en: "Other reason" },
};

/** Days before a training's end date that the register starts warning. */
export const TRAINING_EXPIRY_WARNING_DAYS = 60;

export type TrainingStatus = "valid" | "expiring" | "expired";
