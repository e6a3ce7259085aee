/**
 * Ungdomstjänst and ungdomsövervakning histories for the synthetic municipality, drawn from the
 * LUL yttranden (./young-offenders.ts): where the nämnd proposed ungdomstjänst and sent its
 * yttrande, the court often judges it (brottsbalken 32 kap. 2 §, 20–150 hours); the social services
 * place the young person, schedule weekly sessions and record attendance — most attended, some
 * missed, a few excused — report repeated absence to the prosecutor, and record completion. For
 * graver offences the court sometimes judges ungdomsövervakning (32 kap. 3 a §, 6–12 months) and the
 * social services' part of Kriminalvården's plan is recorded and followed up, some of it late.
 *
 * The start and end days of an ungdomstjänst are the plan's (the law sets none): here within a
 * month of the judgment and within six months of it, as a municipality might plan them. Pure: rows
 * only, drawn from `rng` in a fixed order.
 */
import { addCalendarDays, addCalendarMonths } from "../../src/domain/clocks";
import type { Db, Tx } from "../../src/server/db/connection";
import {
  type lulYttranden,
  ungdomsovervakningItems,
  ungdomsovervakningPlans,
  ungdomstjanstJudgments,
  ungdomstjanstMisconduct,
  ungdomstjanstSessions,
} from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface YouthSanctionRows {
  judgments: Row<typeof ungdomstjanstJudgments>[];
  sessions: Row<typeof ungdomstjanstSessions>[];
  misconduct: Row<typeof ungdomstjanstMisconduct>[];
  plans: Row<typeof ungdomsovervakningPlans>[];
  items: Row<typeof ungdomsovervakningItems>[];
}

/** Share of sent yttranden proposing ungdomstjänst that end in a judgment to it. */
const JUDGED_RATE = 0.8;
/** Share of sent yttranden on graver offences (without ungdomstjänst proposed) ending in ungdomsövervakning. */
const UO_RATE = 0.12;
const GRAVE = new Set(["ran", "vald_mot_person", "narkotika"]);
const HOURS = [20, 25, 30, 40, 50, 60, 80, 100, 150] as const;
const WORKPLACES = ["Föreningens second hand-butik", "Idrottsföreningens kansli", "Kyrkans café", "Parkförvaltningen"] as const;
const COURTS = ["Tingsrätten", "Tingsrätten, avdelning 2"] as const;
const ATTENDANCE = ["fullgjord", "uteblev", "giltigt_franvaro"] as const;

export function buildYouthSanctions(input: {
  rng: Random;
  today: string;
  yttranden: readonly Row<typeof lulYttranden>[];
}): YouthSanctionRows {
  const { rng, today, yttranden } = input;
  const out: YouthSanctionRows = { judgments: [], sessions: [], misconduct: [], plans: [], items: [] };
  for (const y of yttranden) {
    if (!y.sentOn) continue;
    const proposed = y.proposedMeasure === "ungdomstjanst" || y.proposedMeasure === "ungdomsvard_och_ungdomstjanst";
    if (proposed && rng.chance(JUDGED_RATE)) judgeUngdomstjanst(rng, today, y, y.sentOn, out);
    else if (!proposed && GRAVE.has(y.offenceCategory) && rng.chance(UO_RATE))
      judgeUngdomsovervakning(rng, today, y, y.sentOn, out);
  }
  return out;
}

function judgeUngdomstjanst(rng: Random, today: string, y: Row<typeof lulYttranden>, sentOn: string, out: YouthSanctionRows) {
  const judgmentOn = addCalendarDays(sentOn, rng.int(14, 45));
  if (judgmentOn > today) return;
  const hours = HOURS[rng.weighted([3, 2, 4, 4, 3, 2, 1, 1, 0.3])] as number;
  const programmeHours = Math.round(hours * 0.25);
  const id = rng.uuid();
  const placedOn = addCalendarDays(judgmentOn, rng.int(3, 25));
  const placed = placedOn <= today;
  const judgment: Row<typeof ungdomstjanstJudgments> = {
    id,
    caseId: y.caseId,
    personId: y.personId,
    districtId: y.districtId,
    court: COURTS[rng.int(0, COURTS.length - 1)] as string,
    caseNumber: `B ${rng.int(1_000, 9_999)}-${judgmentOn.slice(2, 4)}`,
    judgmentOn,
    hours,
    programmeHours,
    startBy: addCalendarDays(judgmentOn, 30),
    completeBy: addCalendarMonths(judgmentOn, 6),
    workplace: placed ? (WORKPLACES[rng.int(0, WORKPLACES.length - 1)] as string) : null,
    supervisorName: placed ? `Handledare ${rng.int(1, 40)} (syntetisk)` : null,
    placedOn: placed ? placedOn : null,
    createdBy: y.createdBy,
  };
  out.judgments.push(judgment);
  if (!placed) return;

  // Weekly sessions: the programme part first, then work, until every hour is done or the young person drops out.
  let done = 0;
  let programmeDone = 0;
  let absences = 0;
  let lastAttended: string | null = null;
  let lastSession = placedOn;
  let reported: string | null = null;
  const dropsOut = rng.chance(0.12);
  for (let day = addCalendarDays(placedOn, rng.int(2, 10)); done < hours; day = addCalendarDays(day, 7)) {
    const kind = programmeDone < programmeHours ? ("program" as const) : ("arbete" as const);
    const planned = Math.min(kind === "program" ? Math.min(2, programmeHours - programmeDone) : rng.int(3, 4), hours - done);
    if (day > today) {
      out.sessions.push(session(rng, id, day, kind, planned, "planerad", y.createdBy));
      break;
    }
    const attendance = dropsOut && absences >= 2 ? "uteblev" : ATTENDANCE[rng.weighted([85, 10, 5])];
    out.sessions.push(session(rng, id, day, kind, planned, attendance as string, y.createdBy));
    lastSession = day;
    if (attendance === "fullgjord") {
      done += planned;
      if (kind === "program") programmeDone += planned;
      lastAttended = day;
    } else if (attendance === "uteblev" && ++absences === 2 && rng.chance(0.6)) {
      // Repeated absence without reason is reported to the prosecutor.
      const reportedOn = addCalendarDays(day, rng.int(1, 7));
      if (reportedOn <= today) reported = reportedOn;
      if (reportedOn <= today)
        out.misconduct.push({
          judgmentId: id,
          reportedOn,
          prosecutorReference: `AM-${rng.int(10_000, 99_999)}-${reportedOn.slice(2, 4)}`,
          note: "Uteblivit från två pass utan giltigt skäl (syntetiskt).",
          recordedBy: y.createdBy,
        });
    }
    if (dropsOut && absences >= 4) break;
  }
  if (done === hours && lastAttended) judgment.completedOn = lastAttended;
  else if (dropsOut && absences >= 4 && reported) {
    // Stopped coming after the prosecutor was told: ended without completion two weeks after the later
    // of the report and the last session (no draw, so the rest of the stream stays as it was).
    const endedOn = addCalendarDays(reported > lastSession ? reported : lastSession, 14);
    if (endedOn <= today) {
      judgment.endedOn = endedOn;
      judgment.endReason = "misskotsamhet";
      judgment.endNote = "Slutade komma; åklagaren underrättad (syntetiskt).";
    }
  }
}

function session(
  rng: Random,
  judgmentId: string,
  occurredOn: string,
  kind: "program" | "arbete",
  hours: number,
  attendance: string,
  recordedBy: string,
): Row<typeof ungdomstjanstSessions> {
  return {
    id: rng.uuid(),
    judgmentId,
    occurredOn,
    kind,
    minutes: hours * 60,
    attendance,
    note: attendance === "uteblev" ? "Kom inte (syntetiskt)." : null,
    recordedBy,
  };
}

function judgeUngdomsovervakning(
  rng: Random,
  today: string,
  y: Row<typeof lulYttranden>,
  sentOn: string,
  out: YouthSanctionRows,
) {
  const judgmentOn = addCalendarDays(sentOn, rng.int(20, 60));
  if (judgmentOn > today) return;
  const planId = rng.uuid();
  out.plans.push({
    id: planId,
    caseId: y.caseId,
    personId: y.personId,
    districtId: y.districtId,
    court: COURTS[rng.int(0, COURTS.length - 1)] as string,
    judgmentOn,
    months: rng.int(6, 12),
    koordinator: `Koordinator ${rng.int(1, 12)}, Kriminalvården (syntetisk)`,
    createdBy: y.createdBy,
  });
  const parts = [
    { kind: "mote", description: "Verkställighetsplanering med Kriminalvården och vårdnadshavare (syntetiskt)." },
    { kind: "kontakt", description: "Kontaktperson enligt SoL (syntetiskt)." },
    { kind: "insats", description: "Samtalsstöd mot återfall i brott (syntetiskt)." },
  ];
  for (const part of parts) {
    if (!rng.chance(0.8)) continue;
    const startsOn = addCalendarDays(judgmentOn, rng.int(0, 21));
    if (startsOn > today) continue;
    const followUpBy = addCalendarDays(startsOn, rng.int(30, 60));
    const followedUpOn = addCalendarDays(followUpBy, rng.int(-7, 12));
    const followed = followedUpOn <= today && rng.chance(0.9);
    out.items.push({
      planId,
      ...part,
      startsOn,
      followUpBy,
      followedUpOn: followed ? followedUpOn : null,
      outcome: followed ? (["genomford", "delvis", "ej_genomford"] as const)[rng.weighted([6, 3, 1])] : null,
      recordedBy: y.createdBy,
    });
  }
}

export async function insertYouthSanctions(tx: Db | Tx, rows: YouthSanctionRows): Promise<void> {
  await insertBatched(tx, ungdomstjanstJudgments, rows.judgments);
  await insertBatched(tx, ungdomstjanstSessions, rows.sessions);
  await insertBatched(tx, ungdomstjanstMisconduct, rows.misconduct);
  await insertBatched(tx, ungdomsovervakningPlans, rows.plans);
  await insertBatched(tx, ungdomsovervakningItems, rows.items);
}
