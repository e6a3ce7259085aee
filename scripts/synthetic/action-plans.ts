import { addCalendarDays } from "../../src/domain/clocks";
import { consentState } from "../../src/domain/consent/rules";
import type { Agency, ForumType, InformationCategory } from "../../src/domain/consent/vocabulary";
import type { Tx } from "../../src/server/db/connection";
import {
  actionPlanFollowUps,
  actionPlanStageChanges,
  actionPlans,
  actionPlanTasks,
  consentDisclosures,
} from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import { Random } from "./random";
import type { SamverkanRows } from "./samverkan";

/** At most this many plans per district: enough for the demo's pages. */
const PLANS_PER_DISTRICT = 2;

export interface ActionPlanRows {
  plans: (typeof actionPlans.$inferInsert)[];
  tasks: (typeof actionPlanTasks.$inferInsert)[];
  followUps: (typeof actionPlanFollowUps.$inferInsert)[];
  stageChanges: (typeof actionPlanStageChanges.$inferInsert)[];
  disclosures: (typeof consentDisclosures.$inferInsert)[];
}

/**
 * Joint action plans (issue 21 point 3) for a few young people whose consent is in force today,
 * never for anyone else: per district one plan already in the operativ grupp (followed up at the
 * SIG meeting the person was on the agenda of, one task overdue for the deadline overview) and one
 * still in beredning. The sharing with school and police is recorded as disclosures under the
 * consent. Drawn from a random source of its own.
 */
export function buildActionPlans(input: { seed: number; today: string; samverkan: SamverkanRows }): ActionPlanRows {
  const rng = new Random(input.seed + 213);
  const { today, samverkan } = input;
  const out: ActionPlanRows = { plans: [], tasks: [], followUps: [], stageChanges: [], disclosures: [] };
  const forumById = new Map(samverkan.forums.map((f) => [f.id as string, f]));
  const meetingById = new Map(samverkan.meetings.map((m) => [m.id as string, m]));
  const perDistrict = new Map<string, number>();
  for (const c of samverkan.consents) {
    const facts = {
      agencies: c.agencies as Agency[],
      categories: c.categories as InformationCategory[],
      forumIds: c.forumIds ?? [],
      forumTypes: (c.forumTypes ?? []) as ForumType[],
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      revokedOn: c.revokedOn ?? null,
    };
    if (consentState(facts, today) !== "aktivt") continue;
    if (!facts.agencies.includes("skola") || !facts.agencies.includes("polis") || !facts.categories.includes("skolsituation"))
      continue;
    const agenda = samverkan.agendaItems.find((a) => a.personId === c.personId && a.consentId === c.id);
    const meeting = agenda ? meetingById.get(agenda.meetingId) : undefined;
    const forum = meeting ? forumById.get(meeting.forumId) : undefined;
    if (!meeting || !forum) continue;
    const count = perDistrict.get(forum.districtId) ?? 0;
    if (count >= PLANS_PER_DISTRICT) continue;
    perDistrict.set(forum.districtId, count + 1);
    const operativ = count === 0;
    const by = c.recordedBy;
    const createdOn = addCalendarDays(meeting.meetingOn, -rng.int(7, 21));
    const createdAt = new Date(`${createdOn}T13:00:00+01:00`);
    const planId = rng.uuid();
    out.plans.push({
      id: planId,
      personId: c.personId,
      districtId: forum.districtId,
      forumId: forum.id as string,
      title: `${forum.name}: gemensam plan`,
      goals: ["Går i skolan varje dag", "En meningsfull fritid", "Inga nya brott"],
      agencies: ["skola", "polis"],
      categories: ["skolsituation"],
      stage: operativ ? "operativ" : "beredning",
      nextFollowUpOn: addCalendarDays(today, operativ ? 14 : 21),
      createdBy: by,
      createdAt,
      updatedAt: createdAt,
    });
    const task = (agency: string, description: string, responsibleName: string, dueOn: string, status: string) =>
      out.tasks.push({
        id: rng.uuid(),
        planId,
        agency,
        description,
        responsibleName,
        responsibleUserId: agency === "socialtjanst" ? by : null,
        dueOn,
        status,
        position: out.tasks.length,
        createdBy: by,
        createdAt,
        updatedAt: createdAt,
      });
    task("skola", "Anpassad studiegång och mentor", "Rektor (syntetisk)", addCalendarDays(today, 20), "pagaende");
    task(
      "polis",
      "Orosamtal med vårdnadshavare",
      "Kommunpolis (syntetisk)",
      addCalendarDays(today, operativ ? -5 : 10),
      "planerad",
    );
    task("socialtjanst", "Kontaktperson och nätverksmöte", "", addCalendarDays(today, 30), "planerad");
    for (const agency of ["skola", "polis"])
      out.disclosures.push({
        id: rng.uuid(),
        personId: c.personId,
        consentId: c.id as string,
        agency,
        categories: ["skolsituation"],
        sharedOn: createdOn,
        recipient: "",
        description: `Gemensam åtgärdsplan / Joint action plan: ${forum.name}: gemensam plan`,
        recordedBy: by,
        recordedAt: createdAt,
      });
    if (operativ) {
      out.stageChanges.push({
        id: rng.uuid(),
        planId,
        fromStage: "beredning",
        toStage: "operativ",
        note: "Beredningsgruppen lämnar över till operativ grupp.",
        changedBy: by,
        changedAt: new Date(`${meeting.meetingOn}T15:00:00+01:00`),
      });
      out.followUps.push({
        id: rng.uuid(),
        planId,
        heldOn: meeting.meetingOn,
        meetingId: meeting.id as string,
        note: "Skolan ser bättre närvaro; polisen har inte fått nya anmälningar.",
        taskStatuses: [],
        nextFollowUpOn: addCalendarDays(today, 14),
        recordedBy: by,
        recordedAt: new Date(`${meeting.meetingOn}T16:00:00+01:00`),
      });
    }
  }
  return out;
}

export async function insertActionPlans(tx: Tx, rows: ActionPlanRows): Promise<void> {
  await insertBatched(tx, actionPlans, rows.plans);
  await insertBatched(tx, actionPlanTasks, rows.tasks);
  await insertBatched(tx, actionPlanFollowUps, rows.followUps);
  await insertBatched(tx, actionPlanStageChanges, rows.stageChanges);
  await insertBatched(tx, consentDisclosures, rows.disclosures);
}
