/**
 * Ungdomsövervakning: the social services' part of the plan. Pure, no I/O.
 *
 * The law: brottsbalken (1962:700) 32 kap. 3 a § (in force 2021-01-01, prop. 2019/20:118): the court
 * sets the time to at least six months and at most one year. Kriminalvården carries the sentence out
 * with an individual verkställighetsplan (meetings with a koordinator, restrictions of movement, a ban
 * on drugs and alcohol, and rules on housing, school or occupation and other measures against
 * relapse), in which the social services take part with their own contacts, insatser and meetings
 * (Socialstyrelsen, Meddelandeblad 1/2021). The execution is governed by lag (2020:616) om
 * verkställighet av ungdomsövervakning (utfärdad 2020-06-25, i kraft 2021-01-01): 1 § says it holds the
 * rules on executing ungdomsövervakning under 32 kap. 3 a § brottsbalken, 2 § that Kriminalvården is
 * responsible for the execution (checked against the text in Regeringskansliets rättsdatabaser).
 *
 * The clock: each part of the social services' share has a follow-up day set in the plan — a date
 * the plan sets, not a statutory period, so it is not moved off a weekend (lag 1930:173 2 §).
 */
import { type Deadline, dayDeadline } from "../clocks";
import { startOfStockholmDay } from "../time";
import type { Problem } from "./ungdomstjanst";

export const UO_LEGAL_BASIS = "32 kap. 3 a § brottsbalken";
/** The law on its execution by Kriminalvården (1–2 §§). */
export const UO_EXECUTION_LAW = "lag (2020:616) om verkställighet av ungdomsövervakning";
/** 32 kap. 3 a §: lägst sex månader och högst ett år. */
export const MIN_MONTHS = 6;
export const MAX_MONTHS = 12;

/** What the social services do in the plan: a contact, an insats, a meeting (with Kriminalvården, the family). */
export const UO_ITEM_KINDS = ["kontakt", "insats", "mote"] as const;
export type UoItemKind = (typeof UO_ITEM_KINDS)[number];

export const UO_OUTCOMES = ["genomford", "delvis", "ej_genomford"] as const;
export type UoOutcome = (typeof UO_OUTCOMES)[number];

export function uoPlanProblem(p: { judgmentOn: string; months: number }, today: string): Problem | null {
  if (p.judgmentOn > today)
    return { status: 400, code: "in_future", message: "Domen ligger i framtiden / In the future", path: "body.judgmentOn" };
  if (p.months < MIN_MONTHS || p.months > MAX_MONTHS)
    return {
      status: 400,
      code: "months_out_of_range",
      message: `Ungdomsövervakning döms i ${MIN_MONTHS}–${MAX_MONTHS} månader (${UO_LEGAL_BASIS}) / 6–12 months`,
      path: "body.months",
    };
  return null;
}

/** A part of the plan starts on or after the judgment, and is followed up on or after it starts. */
export function uoItemProblem(judgmentOn: string, item: { startsOn: string; followUpBy: string }): Problem | null {
  if (item.startsOn < judgmentOn)
    return {
      status: 400,
      code: "before_judgment",
      message: "Datumet ligger före domen / Before the judgment",
      path: "body.startsOn",
    };
  if (item.followUpBy < item.startsOn)
    return {
      status: 400,
      code: "follow_up_before_start",
      message: "Uppföljningen ligger före starten / The follow-up is before the start",
      path: "body.followUpBy",
    };
  return null;
}

export function uoFollowUpProblem(
  item: { startsOn: string; followedUpOn: string | null },
  on: string,
  today: string,
): Problem | null {
  if (item.followedUpOn)
    return { status: 409, code: "already_followed_up", message: "Redan uppföljd / Already followed up", path: "body" };
  if (on > today)
    return { status: 400, code: "in_future", message: "Datumet ligger i framtiden / In the future", path: "body.on" };
  if (on < item.startsOn)
    return { status: 400, code: "before_previous_step", message: "Före starten / Before the start", path: "body.on" };
  return null;
}

/** The follow-up clock of one part of the plan: due on its follow-up day, met on the day it was followed up. */
export function uoFollowUpClock(item: { followUpBy: string; followedUpOn: string | null }): {
  deadline: Deadline;
  completedAt: Date | null;
} {
  return {
    deadline: dayDeadline(item.followUpBy),
    completedAt: item.followedUpOn ? startOfStockholmDay(item.followedUpOn) : null,
  };
}
