/**
 * The workflow of an avvikelse (deviation) as a pure state machine: report → classify →
 * investigate → act → follow up → close, and on the lex Sarah path the IVO notification before an
 * allvarligt (serious) missförhållande may be closed. Every command is checked here before anything
 * is written; the service only stores what this says. Pure, no I/O.
 *
 * Why these rules:
 * - a missförhållande or påtaglig risk för missförhållande is to be documented, investigated and
 *   remedied (SoL 2001:453 14 kap. 6 §; SoL 2025:400 27 kap. 5 §), so nothing closes uninvestigated;
 * - an allvarligt one is to be notified to IVO "snarast", with the investigation attached (SoL
 *   2001:453 14 kap. 7 §; SoL 2025:400 27 kap. 6 §): the notification is recorded once the
 *   investigation is, and closing an allvarligt one without it is refused;
 * - classification may be corrected until the investigation starts; after that the investigation's
 *   own conclusion on allvarligt decides, as the law leaves that judgement to the investigation;
 * - actions are the "avhjälpa eller undanröja" part: a follow-up needs at least one action, and a
 *   deviation that needs none is closed from the investigation with the reason written down.
 */
import type { LexSarahKind } from "./vocabulary";

export const DEVIATION_STATES = ["reported", "classified", "investigated", "acting", "followed_up", "closed"] as const;
export type DeviationState = (typeof DEVIATION_STATES)[number];

export const DEVIATION_STEPS = ["classify", "investigate", "add_action", "notify_ivo", "follow_up", "close"] as const;
export type DeviationStep = (typeof DEVIATION_STEPS)[number];

/** What the rules look at: the deviation as it stands. */
export interface DeviationFacts {
  state: DeviationState;
  lexSarah: LexSarahKind;
  serious: boolean;
  ivoNotified: boolean;
  actionCount: number;
}

/** What a command brings that the rules look at. */
export type StepCommand =
  | { step: "classify"; lexSarah: LexSarahKind; serious: boolean }
  | { step: "investigate"; serious?: boolean | undefined }
  | { step: "add_action" }
  | { step: "notify_ivo" }
  | { step: "follow_up" }
  | { step: "close"; noActionReason?: string | undefined };

export interface Refusal {
  ok: false;
  /** 409: the deviation is not in a state that allows the step; 400: the command itself is wrong. */
  status: 400 | 409;
  code: string;
  message: string;
  /** The body field at fault, when the command is wrong. */
  path?: string;
}
export interface Allowed {
  ok: true;
  /** The state after the step (the IVO notification leaves it where it was). */
  state: DeviationState;
  /** The lex Sarah facts after the step. */
  lexSarah: LexSarahKind;
  serious: boolean;
}
export type StepResult = Allowed | Refusal;

/** From which states each step may be taken. */
export const ALLOWED_FROM: Record<DeviationStep, readonly DeviationState[]> = {
  classify: ["reported", "classified"],
  investigate: ["classified"],
  add_action: ["investigated", "acting"],
  notify_ivo: ["investigated", "acting", "followed_up"],
  follow_up: ["acting"],
  close: ["investigated", "followed_up"],
};

const STATE_LABELS_SV: Record<DeviationState, string> = {
  reported: "rapporterad",
  classified: "klassificerad",
  investigated: "utredd",
  acting: "åtgärdas",
  followed_up: "uppföljd",
  closed: "avslutad",
};

const refuse = (status: 400 | 409, code: string, message: string, path?: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
  ...(path ? { path } : {}),
});

/** Whether the facts make the deviation an allvarligt lex Sarah matter, which IVO must be told of. */
export function requiresIvoNotification(f: Pick<DeviationFacts, "lexSarah" | "serious">): boolean {
  return f.lexSarah !== "none" && f.serious;
}

/** The steps the deviation allows now (for the page: which forms to offer). */
export function availableSteps(f: DeviationFacts): DeviationStep[] {
  return DEVIATION_STEPS.filter((step) => {
    if (!ALLOWED_FROM[step].includes(f.state)) return false;
    if (step === "notify_ivo") return requiresIvoNotification(f) && !f.ivoNotified;
    if (step === "follow_up") return f.actionCount > 0;
    if (step === "close") return !requiresIvoNotification(f) || f.ivoNotified;
    return true;
  });
}

/** Decides one step: the state it leads to, or why it is refused. */
export function decideStep(f: DeviationFacts, cmd: StepCommand): StepResult {
  const same = { lexSarah: f.lexSarah, serious: f.serious };
  if (f.state === "closed") {
    return refuse(409, "deviation_closed", "Avvikelsen är avslutad / The deviation is closed");
  }
  if (!ALLOWED_FROM[cmd.step].includes(f.state)) {
    const expected = ALLOWED_FROM[cmd.step].map((s) => STATE_LABELS_SV[s]).join(" eller ");
    return refuse(
      409,
      "out_of_order",
      `Steget kräver att avvikelsen är ${expected}; den är ${STATE_LABELS_SV[f.state]} / Step out of order`,
    );
  }
  switch (cmd.step) {
    case "classify":
      if (cmd.lexSarah === "none" && cmd.serious) {
        return refuse(
          400,
          "serious_requires_lex_sarah",
          "Allvarligt gäller bara missförhållanden enligt lex Sarah / Serious applies to lex Sarah only",
          "body.serious",
        );
      }
      return { ok: true, state: "classified", lexSarah: cmd.lexSarah, serious: cmd.serious };
    case "investigate": {
      if (f.lexSarah === "none" && cmd.serious) {
        return refuse(
          400,
          "serious_requires_lex_sarah",
          "Allvarligt gäller bara missförhållanden enligt lex Sarah / Serious applies to lex Sarah only",
          "body.serious",
        );
      }
      if (f.lexSarah !== "none" && cmd.serious === undefined) {
        return refuse(
          400,
          "serious_required",
          "Utredningen ska ta ställning till om missförhållandet är allvarligt / The investigation must say whether it is serious",
          "body.serious",
        );
      }
      return { ok: true, state: "investigated", lexSarah: f.lexSarah, serious: cmd.serious ?? false };
    }
    case "add_action":
      return { ok: true, state: "acting", ...same };
    case "notify_ivo":
      if (!requiresIvoNotification(f)) {
        return refuse(
          409,
          "ivo_not_applicable",
          "Bara ett allvarligt missförhållande enligt lex Sarah anmäls till IVO / Only a serious lex Sarah matter is notified to IVO",
        );
      }
      if (f.ivoNotified) {
        return refuse(409, "ivo_already_notified", "Anmälan till IVO är redan registrerad / IVO notification already recorded");
      }
      return { ok: true, state: f.state, ...same };
    case "follow_up":
      if (f.actionCount === 0) {
        return refuse(409, "no_actions", "Registrera minst en åtgärd före uppföljningen / Record an action before the follow-up");
      }
      return { ok: true, state: "followed_up", ...same };
    case "close":
      if (requiresIvoNotification(f) && !f.ivoNotified) {
        return refuse(
          409,
          "ivo_notification_required",
          "Ett allvarligt missförhållande ska anmälas till IVO innan ärendet avslutas / A serious impropriety must be notified to IVO before closing",
        );
      }
      if (f.state === "investigated" && !cmd.noActionReason?.trim()) {
        return refuse(
          400,
          "no_action_reason_required",
          "Utan åtgärder: skriv varför inga åtgärder behövs / Without actions, say why none are needed",
          "body.noActionReason",
        );
      }
      return { ok: true, state: "closed", ...same };
  }
}
