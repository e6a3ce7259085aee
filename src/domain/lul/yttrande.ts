/**
 * Yttranden under lag (1964:167) med särskilda bestämmelser om unga lagöverträdare (LUL): the
 * prosecutor (11 § första stycket, before deciding on prosecution), the head of the preliminary
 * investigation (11 § andra stycket, at the latest when the suspicion is served) or the court
 * (28 §) asks the socialnämnd for a yttrande on a young suspect. Pure, no I/O.
 *
 * The time: LUL sets no number of days. The requester sets the day the yttrande is due; for the
 * court the nämnd shall answer in time for the main hearing, later only with the court's consent
 * (29 § tredje stycket). That due date is the clock: a date set by the requester, not a statutory
 * period, so lag (1930:173) 2 § does not move it off a weekend.
 *
 * The content (11 § tredje stycket): what the nämnd has done before for the young person, an
 * assessment of whether they have a särskilt behov of measures against an unfavourable development,
 * and the measures the nämnd plans; a proposed ungdomsvård is described in an ungdomskontrakt (care
 * under SoL) or a vårdplan (care under LVU) (brottsbalken 32 kap. 1 §), ungdomstjänst is 20–150
 * hours of unpaid work (32 kap. 2 §) and may be combined with ungdomsvård.
 */
import { type Deadline, dayDeadline } from "../clocks";
import { startOfStockholmDay } from "../time";

/** Who asked: the prosecutor (11 §), the förundersökningsledare at the police (11 § andra stycket), the court (28 §). */
export const YTTRANDE_REQUESTERS = ["aklagare", "polis", "domstol"] as const;
export type YttrandeRequester = (typeof YTTRANDE_REQUESTERS)[number];

export const LEGAL_BASIS: Record<YttrandeRequester, string> = {
  aklagare: "11 § första stycket LUL",
  polis: "11 § andra stycket LUL",
  domstol: "28 § LUL",
};

/** The suspected offence as a category only: never the details of the act. */
export const OFFENCE_CATEGORIES = [
  "vald_mot_person",
  "hot_ofredande",
  "ran",
  "stold_snatteri",
  "inbrott",
  "skadegorelse",
  "narkotika",
  "vapen",
  "sexualbrott",
  "bedrageri",
  "trafik",
  "annat",
] as const;

/** The measure the nämnd proposes (brottsbalken 32 kap. 1–2 §§), or that no special need was found. */
export const PROPOSED_MEASURES = [
  "ungdomsvard_ungdomskontrakt",
  "ungdomsvard_vardplan",
  "ungdomstjanst",
  "ungdomsvard_och_ungdomstjanst",
  "inget_sarskilt_behov",
  "annan_atgard",
] as const;
export type ProposedMeasure = (typeof PROPOSED_MEASURES)[number];

/** The text sections of a yttrande (11 § tredje stycket), each optional until signing. */
export const YTTRANDE_SECTIONS = ["previousMeasures", "needAssessment", "plannedMeasures", "youngPersonsView"] as const;
export type YttrandeSection = (typeof YTTRANDE_SECTIONS)[number];

/** A due date before the day the request was made cannot be met: the request is wrong. */
export function dueDateProblem(askedOn: string, dueOn: string): string | null {
  return dueOn < askedOn ? "due_before_asked" : null;
}

/** The clock: the whole due day, Stockholm time; met by the day the yttrande was sent. */
export function yttrandeDeadline(dueOn: string): Deadline {
  return dayDeadline(dueOn);
}

export function yttrandeCompletedAt(sentOn: string | null): Date | null {
  return sentOn ? startOfStockholmDay(sentOn) : null;
}

export type YttrandeStatus = "requested" | "signed" | "sent";

/** Where the yttrande stands: written and signed under delegation, then sent. */
export function yttrandeStatus(y: { signedAt: Date | null; sentOn: string | null }): YttrandeStatus {
  if (y.sentOn) return "sent";
  if (y.signedAt) return "signed";
  return "requested";
}

/** What signing needs: the assessment and a proposed measure (11 § tredje stycket). Missing fields, by name. */
export function missingForSigning(y: { needAssessment: string | null; proposedMeasure: string | null }): string[] {
  const missing: string[] = [];
  if (!y.needAssessment?.trim()) missing.push("needAssessment");
  if (!y.proposedMeasure) missing.push("proposedMeasure");
  return missing;
}
