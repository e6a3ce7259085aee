import { type Deadline, dayDeadline } from "../clocks";
import { ageOn } from "../personnummer";

/*
 * Avhopparverksamhet: support to a young person (15–25) who wants to leave crime or a criminal
 * network, also while in custody (kriminalvårdsanstalt or häkte).
 *
 * Legal basis, as checked: socialtjänstlagen has no provision of its own on avhoppare. Kommitté-
 * direktiv Dir. 2025:53 ("Förtydligat ansvar för stöd till avhoppare …", 2025-05-28) asks an
 * inquiry to consider whether one should be introduced (report due 2026-11-06). Until then the
 * support rests on the general provisions: bistånd for försörjning and livsföring i övrigt,
 * SoL (2001:453) 4 kap. 1 § (11 kap. 1 § in SoL (2025:400) according to the municipalities'
 * summaries of the new law; the new text's numbering was not verified here), given on the
 * person's own consent (insatser under SoL are voluntary), and the nämnd's duty under SoL
 * (2025:400) to work to prevent and counter crime. A minor's insatser need the guardians'
 * agreement, so the överenskommelse of someone under 18 records it (see checkStep).
 *
 * A process starts with the förfrågan (the contact: day, channel, custody); its steps then come
 * in a fixed order: kartläggning with the hot- och riskbedömning (once), överenskommelse (once),
 * insatser (one or more), uppföljningar of planned follow-ups, and avslut with its reason. A
 * change of custody (vistelse) may be recorded at any point while the process runs.
 */

export const AVHOPP_MIN_AGE = 15;
export const AVHOPP_MAX_AGE = 25;

/** Where the young person is: at liberty, in a kriminalvårdsanstalt, or in häkte. */
export const CUSTODY = ["ingen", "anstalt", "hakte"] as const;
export type Custody = (typeof CUSTODY)[number];

/** Who made the förfrågan or brought the contact. */
export const CONTACT_CHANNELS = ["egen", "polis", "kriminalvard", "socialtjanst", "skola", "anhorig", "annan"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The outcome of the hot- och riskbedömning. */
export const RISK_LEVELS = ["lag", "medel", "hog"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const AVHOPP_INSATSER = [
  "skyddat_boende",
  "ekonomiskt_stod",
  "sysselsattning",
  "stodsamtal",
  "kontaktperson",
  "missbruksvard",
  "skuldradgivning",
  "annat",
] as const;
export type AvhoppInsats = (typeof AVHOPP_INSATSER)[number];

export const PROGRESS = ["battre", "oforandrat", "samre"] as const;
export type Progress = (typeof PROGRESS)[number];

export const END_REASONS = ["genomfort", "avbojt", "avbrutet", "aterfall", "flyttat", "overford", "annat"] as const;
export type EndReason = (typeof END_REASONS)[number];

export const STEP_KINDS = ["kartlaggning", "overenskommelse", "insats", "uppfoljning", "vistelse", "avslut"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type AvhoppStep =
  | { kind: "kartlaggning"; on: string; riskLevel: RiskLevel; summary: string }
  | { kind: "overenskommelse"; on: string; goals: string; guardiansAgreed: boolean }
  | { kind: "insats"; on: string; insats: AvhoppInsats; description: string }
  | { kind: "uppfoljning"; on: string; followUpId: string; progress: Progress; summary: string }
  | { kind: "vistelse"; on: string; custody: Custody }
  | { kind: "avslut"; on: string; reason: EndReason; summary: string };

/** What the process was opened with. */
export interface OpeningFacts {
  birthDate: string;
  contactOn: string;
  custody: Custody;
}

export interface AvhoppState {
  lastDay: string;
  custody: Custody;
  mapped: boolean;
  riskLevel: RiskLevel | null;
  agreedOn: string | null;
  insatser: AvhoppInsats[];
  followUpsDone: string[];
  ended: { on: string; reason: EndReason } | null;
}

export const AVHOPP_PHASES = ["forfragan", "kartlagd", "overenskommelse", "insatser", "avslutad"] as const;
export type AvhoppPhase = (typeof AVHOPP_PHASES)[number];

export interface StepProblem {
  status: 400 | 409;
  code: string;
  message: string;
  path: string;
}

const problem = (status: 400 | 409, code: string, message: string, path: string): StepProblem => ({
  status,
  code,
  message,
  path,
});

/** The person must be 15–25 on the day of the förfrågan, and the day not in the future. */
export function openProblem(facts: OpeningFacts, today: string): StepProblem | null {
  if (facts.contactOn > today)
    return problem(
      400,
      "avhopp_future_date",
      "Datumet kan inte ligga i framtiden / The date cannot be in the future",
      "body.contactOn",
    );
  const age = ageOn(facts.birthDate, facts.contactOn);
  if (age < AVHOPP_MIN_AGE || age > AVHOPP_MAX_AGE)
    return problem(
      400,
      "avhopp_age_out_of_range",
      `Avhopparverksamheten gäller den som är 15–25 år vid förfrågan; personen var ${age} år / The exit programme is for ages 15–25 at the request; the person was ${age}`,
      "body.contactOn",
    );
  return null;
}

export function initialState(facts: OpeningFacts): AvhoppState {
  return {
    lastDay: facts.contactOn,
    custody: facts.custody,
    mapped: false,
    riskLevel: null,
    agreedOn: null,
    insatser: [],
    followUpsDone: [],
    ended: null,
  };
}

export function applyStep(state: AvhoppState, step: AvhoppStep): AvhoppState {
  const next: AvhoppState = { ...state, lastDay: step.on > state.lastDay ? step.on : state.lastDay };
  switch (step.kind) {
    case "kartlaggning":
      return { ...next, mapped: true, riskLevel: step.riskLevel };
    case "overenskommelse":
      return { ...next, agreedOn: step.on };
    case "insats":
      return { ...next, insatser: [...state.insatser, step.insats] };
    case "uppfoljning":
      return { ...next, followUpsDone: [...state.followUpsDone, step.followUpId] };
    case "vistelse":
      return { ...next, custody: step.custody };
    case "avslut":
      return { ...next, ended: { on: step.on, reason: step.reason } };
  }
}

export const foldSteps = (facts: OpeningFacts, steps: readonly AvhoppStep[]): AvhoppState =>
  steps.reduce(applyStep, initialState(facts));

export function avhoppPhase(state: AvhoppState): AvhoppPhase {
  if (state.ended) return "avslutad";
  if (state.insatser.length > 0) return "insatser";
  if (state.agreedOn) return "overenskommelse";
  if (state.mapped) return "kartlagd";
  return "forfragan";
}

/** The step kinds that may come next (uppföljning also needs an open planned follow-up). */
export function allowedNextKinds(state: AvhoppState, hasOpenFollowUp: boolean): StepKind[] {
  if (state.ended) return [];
  const kinds: StepKind[] = [];
  if (!state.mapped) kinds.push("kartlaggning");
  else if (!state.agreedOn) kinds.push("overenskommelse");
  else kinds.push("insats");
  if (state.insatser.length > 0 && hasOpenFollowUp) kinds.push("uppfoljning");
  kinds.push("vistelse", "avslut");
  return kinds;
}

const outOfOrder = (message: string) => problem(409, "avhopp_out_of_order", message, "body.kind");

/**
 * Whether `step` may follow `state`: the order of the steps (409), its day (not before the last
 * step, not in the future: 400), a minor's överenskommelse with the guardians' agreement (400),
 * an uppföljning naming an open planned follow-up (`openFollowUpIds`, 400).
 */
export function checkStep(
  facts: OpeningFacts,
  state: AvhoppState,
  step: AvhoppStep,
  today: string,
  openFollowUpIds: readonly string[],
): StepProblem | null {
  if (state.ended) return outOfOrder("Processen är avslutad / The process has ended");
  if (step.on > today)
    return problem(400, "avhopp_future_date", "Datumet kan inte ligga i framtiden / The date cannot be in the future", "body.on");
  if (step.on < state.lastDay)
    return problem(
      400,
      "avhopp_before_last_step",
      `Datumet ligger före föregående steg (${state.lastDay}) / The date is before the previous step (${state.lastDay})`,
      "body.on",
    );
  switch (step.kind) {
    case "kartlaggning":
      if (state.mapped) return outOfOrder("Kartläggningen är redan gjord / The mapping is already done");
      return null;
    case "overenskommelse":
      if (!state.mapped)
        return outOfOrder(
          "Kartläggning med hot- och riskbedömning krävs först / Mapping with a threat and risk assessment comes first",
        );
      if (state.agreedOn) return outOfOrder("Överenskommelsen är redan gjord / The agreement is already made");
      if (ageOn(facts.birthDate, step.on) < 18 && !step.guardiansAgreed)
        return problem(
          400,
          "avhopp_guardians_required",
          "Den unge är under 18 år: vårdnadshavarna måste ha godkänt överenskommelsen / The young person is under 18: the guardians must have agreed",
          "body.guardiansAgreed",
        );
      return null;
    case "insats":
      if (!state.agreedOn) return outOfOrder("En överenskommelse krävs före insatser / An agreement comes before insatser");
      return null;
    case "uppfoljning":
      if (state.insatser.length === 0) return outOfOrder("Ingen insats att följa upp / No insats to follow up");
      if (!openFollowUpIds.includes(step.followUpId))
        return problem(
          400,
          "avhopp_follow_up_unknown",
          "Uppföljningen är inte planerad i processen eller redan gjord / The follow-up is not planned in the process or already done",
          "body.followUpId",
        );
      return null;
    case "vistelse":
      if (step.custody === state.custody)
        return problem(
          400,
          "avhopp_custody_unchanged",
          "Vistelsen är redan registrerad / The custody is already recorded",
          "body.custody",
        );
      return null;
    case "avslut":
      return null;
  }
}

/** A follow-up may be planned once the överenskommelse is made, while the process runs, on or after that day. */
export function followUpPlanProblem(state: AvhoppState, dueOn: string): StepProblem | null {
  if (state.ended) return outOfOrder("Processen är avslutad / The process has ended");
  if (!state.agreedOn)
    return problem(
      409,
      "avhopp_out_of_order",
      "Uppföljning planeras efter överenskommelsen / Follow-ups are planned after the agreement",
      "body.dueOn",
    );
  if (dueOn < state.agreedOn)
    return problem(
      400,
      "avhopp_follow_up_before_agreement",
      "Uppföljningen kan inte ligga före överenskommelsen / The follow-up cannot be before the agreement",
      "body.dueOn",
    );
  return null;
}

export interface PlannedFollowUp {
  id: string;
  dueOn: string;
  doneOn: string | null;
}

/**
 * The follow-up clocks of a process for the deadline overview: each planned follow-up is due on
 * its day (met when done, on the start of the day it was done). When the process ends, the
 * follow-ups not done stop (nothing is left to follow up), so they are not shown.
 */
export function followUpClocks(
  followUps: readonly PlannedFollowUp[],
  endedOn: string | null,
): { followUpId: string; deadline: Deadline; doneOn: string | null }[] {
  return followUps
    .filter((f) => f.doneOn !== null || endedOn === null)
    .map((f) => ({ followUpId: f.id, deadline: dayDeadline(f.dueOn), doneOn: f.doneOn }));
}
