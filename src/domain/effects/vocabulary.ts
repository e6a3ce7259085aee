/**
 * Vocabulary of individbaserad systematisk uppföljning (ISU): when a young person is measured and
 * who answers. Codes are stable ASCII identifiers; labels carry the Swedish wording and an English gloss.
 */
import type { Label } from "../interventions/vocabulary";

/** Measurement points of an insats: at start, at intervals while it runs, at end, and after it. */
export const MEASUREMENT_POINTS = ["start", "interim", "end", "after_6", "after_12"] as const;
export type MeasurementPoint = (typeof MEASUREMENT_POINTS)[number];
export const MEASUREMENT_POINT_LABELS: Record<MeasurementPoint, Label> = {
  start: { sv: "Vid start", en: "At start" },
  interim: { sv: "Under insatsen", en: "During the insats" },
  end: { sv: "Vid avslut", en: "At end" },
  after_6: { sv: "6 månader efter avslut", en: "6 months after end" },
  after_12: { sv: "12 månader efter avslut", en: "12 months after end" },
};

/** Who gives the rating. The young person and guardians answer through a self-report link. */
export const RESPONDENTS = ["handlaggare", "utforare", "ungdom", "vardnadshavare"] as const;
export type Respondent = (typeof RESPONDENTS)[number];
export const RESPONDENT_LABELS: Record<Respondent, Label> = {
  handlaggare: { sv: "Handläggare", en: "Case worker" },
  utforare: { sv: "Utförare", en: "Provider" },
  ungdom: { sv: "Den unga", en: "The young person" },
  vardnadshavare: { sv: "Vårdnadshavare", en: "Guardian" },
};

/** Respondents who answer without signing in, through a one-time link. */
export const SELF_RESPONDENTS = ["ungdom", "vardnadshavare"] as const satisfies readonly Respondent[];
export type SelfRespondent = (typeof SELF_RESPONDENTS)[number];

/** Where a scale's value comes from: typed in as a rating, or the total of a signed assessment. */
export const SCALE_KINDS = ["rating", "instrument"] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

/** A self-report link is valid this many days unless the staff member chooses otherwise. */
export const SELF_REPORT_DEFAULT_DAYS = 7;
export const SELF_REPORT_MAX_DAYS = 30;
