import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type {
  CreateFollowUpInput,
  CreatePlanInput,
  CreateTaskInput,
  PersonPlans,
  PlanDetail,
  UpdatePlanInput,
  UpdateTaskInput,
} from "../../../contracts/action-plans";
import { findCover } from "../../../domain/consent/rules";
import type { Agency, ForumType, InformationCategory } from "../../../domain/consent/vocabulary";
import {
  allowedMoves,
  followUpProblem,
  type PlanAgency,
  type PlanStage,
  type StageProblem,
  stageProblem,
  type TaskStatus,
  taskOpen,
  taskOverdue,
} from "../../../domain/samverkan-plan/rules";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import {
  actionPlanFollowUps,
  actionPlanStageChanges,
  actionPlans,
  actionPlanTasks,
  consentDisclosures,
  consents,
  forumAgendaItems,
  forumMeetings,
  forums,
  persons,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { coverReasonText, personInScope, requireCover } from "../samverkan/access";

const PERMISSION = "consent:manage" as const;
const field = (path: string, message: string) => [{ path, message }];
type PlanRow = typeof actionPlans.$inferSelect;

/** A plan whose person the actor may see, else 404 (missing and forbidden alike); locked when it is to change. */
async function planInScope(tx: Tx, actor: Actor, id: string, lock = false) {
  const query = tx
    .select({ plan: actionPlans, firstName: persons.firstName, lastName: persons.lastName })
    .from(actionPlans)
    .innerJoin(persons, eq(persons.id, actionPlans.personId))
    .where(and(eq(actionPlans.id, id), personScope(actor)));
  const [row] = lock ? await query.for("update", { of: actionPlans }) : await query;
  if (!row) throw notFound();
  return row;
}

function refuseClosed(plan: PlanRow) {
  if (plan.stage === "avslutad")
    throw conflict("plan_closed", "Planen är avslutad / The plan is closed", field("params.id", "Avslutad"));
}

async function districtStaff(tx: Tx, districtId: string) {
  return tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(units.districtId, districtId), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(500);
}

async function checkResponsible(tx: Tx, districtId: string, userId: string | null | undefined, path: string) {
  if (!userId) return;
  const staff = await districtStaff(tx, districtId);
  if (!staff.some((s) => s.id === userId))
    throw badRequest(
      "unknown_staff",
      "Den ansvarige är inte personal i distriktet / The responsible person is not staff of the district",
      field(path, "Okänd personal"),
    );
}

const consentFacts = (c: typeof consents.$inferSelect) => ({
  ...c,
  agencies: c.agencies as Agency[],
  categories: c.categories as InformationCategory[],
  forumTypes: c.forumTypes as ForumType[],
});

/**
 * Sharing a task with an agency outside socialtjänsten: an agency the plan is already shared with
 * must still be covered today (else 409 consent_required: revoked or run out since); an agency the
 * plan is not shared with is bad input (400 agency_not_covered) unless a valid consent names it, in
 * which case the plan is shared with it from now on. Returns the consent used, or null for socialtjänsten.
 */
async function coverTaskAgency(tx: Tx, plan: PlanRow, agency: PlanAgency, today: string, path: string) {
  if (agency === "socialtjanst") return null;
  const target = { kind: "agency" as const, agency, categories: plan.categories as InformationCategory[] };
  if (plan.agencies.includes(agency)) return requireCover(tx, plan.personId, target, today, path);
  const rows = await tx.select().from(consents).where(eq(consents.personId, plan.personId)).for("share");
  const found = findCover(rows.map(consentFacts), target, today);
  if (!found.ok) {
    if (found.reason === "agency_not_covered" || found.reason === "category_not_covered")
      throw badRequest(
        "agency_not_covered",
        "Samtycket omfattar inte den aktören / The consent does not cover that agency",
        field(path, coverReasonText(found.reason)),
      );
    return requireCover(tx, plan.personId, target, today, path);
  }
  return found.consent;
}

/** The plan shared with an agency: recorded as a disclosure under the consent, as samverkan records them. */
async function recordShared(
  tx: Tx,
  actor: Actor,
  plan: { id: string; personId: string; title: string; categories: string[] },
  agency: Agency,
  consentId: string,
  today: string,
  now: Date,
  meetingId: string | null = null,
) {
  const [row] = await tx
    .insert(consentDisclosures)
    .values({
      personId: plan.personId,
      consentId,
      agency,
      categories: plan.categories,
      sharedOn: today,
      recipient: "",
      description: `Gemensam åtgärdsplan / Joint action plan: ${plan.title}`,
      meetingId,
      recordedBy: actor.userId,
      recordedAt: now,
    })
    .returning({ id: consentDisclosures.id });
  if (!row) throw new Error("insert returned nothing");
  await audit(tx, actor, {
    action: "consent.disclosure",
    permission: PERMISSION,
    personId: plan.personId,
    recordType: "consent_disclosure",
    recordId: row.id,
    details: { consentId, agency, actionPlanId: plan.id },
  });
}

/** The forum must be one of the person's district. */
async function checkForum(tx: Tx, districtId: string, forumId: string | undefined) {
  if (!forumId) return null;
  const [f] = await tx
    .select({ id: forums.id })
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.districtId, districtId)));
  if (!f)
    throw badRequest(
      "unknown_forum",
      "Forumet finns inte i personens distrikt / The forum is not in the person's district",
      field("body.forumId", "Okänt forum"),
    );
  return f.id;
}

/**
 * Creates the person's joint plan in beredning. Refused with 409 consent_required unless a valid
 * consent covers every agency it is shared with and the categories shared, today; a task for an
 * agency no consent names is 400. The sharing is recorded as one disclosure per agency. Nothing is
 * written when anything is refused (one transaction).
 */
export async function createPlan({ db }: Database, actor: Actor, personId: string, input: CreatePlanInput, now: Date) {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, personId);
    const forumId = await checkForum(tx, person.districtId, input.forumId);
    const covered = new Map<Agency, string>();
    for (const agency of input.agencies) {
      const c = await requireCover(
        tx,
        person.id,
        { kind: "agency", agency, categories: input.categories },
        today,
        "body.agencies",
      );
      covered.set(agency, c.id);
    }
    const tasks = input.tasks ?? [];
    for (const [i, t] of tasks.entries())
      await checkResponsible(tx, person.districtId, t.responsibleUserId, `body.tasks.${i}.responsibleUserId`);
    const [plan] = await tx
      .insert(actionPlans)
      .values({
        personId: person.id,
        districtId: person.districtId,
        forumId,
        title: input.title,
        goals: input.goals,
        agencies: input.agencies,
        categories: input.categories,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!plan) throw new Error("insert returned nothing");
    for (const [i, t] of tasks.entries()) {
      const path = `body.tasks.${i}.agency`;
      const c = await coverTaskAgency(tx, plan, t.agency, today, path);
      if (c && t.agency !== "socialtjanst" && !plan.agencies.includes(t.agency)) {
        plan.agencies = [...plan.agencies, t.agency];
        covered.set(t.agency, c.id);
      }
    }
    if (plan.agencies.length !== input.agencies.length)
      await tx.update(actionPlans).set({ agencies: plan.agencies }).where(eq(actionPlans.id, plan.id));
    if (tasks.length)
      await tx.insert(actionPlanTasks).values(
        tasks.map((t, i) => ({
          planId: plan.id,
          agency: t.agency,
          description: t.description,
          responsibleName: t.responsibleName ?? "",
          responsibleUserId: t.responsibleUserId ?? null,
          dueOn: t.dueOn,
          position: i,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
    for (const [agency, consentId] of covered) await recordShared(tx, actor, plan, agency, consentId, today, now);
    await audit(tx, actor, {
      action: "action_plan.create",
      permission: PERMISSION,
      personId: person.id,
      recordType: "action_plan",
      recordId: plan.id,
    });
    return { id: plan.id };
  });
}

/** The person's plans, newest first (a person has few), with the forums a new plan may belong to. */
export async function listPersonPlans({ db }: Database, actor: Actor, personId: string, now: Date): Promise<PersonPlans> {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, personId);
    const plans = await tx
      .select({ plan: actionPlans, forumName: forums.name })
      .from(actionPlans)
      .leftJoin(forums, eq(forums.id, actionPlans.forumId))
      .where(eq(actionPlans.personId, person.id))
      .orderBy(desc(actionPlans.createdAt), desc(actionPlans.id))
      .limit(100);
    const ids = plans.map((p) => p.plan.id);
    const tasks = ids.length
      ? await tx
          .select({ planId: actionPlanTasks.planId, status: actionPlanTasks.status, dueOn: actionPlanTasks.dueOn })
          .from(actionPlanTasks)
          .where(inArray(actionPlanTasks.planId, ids))
      : [];
    const forumChoices = await tx
      .select({ id: forums.id, name: forums.name })
      .from(forums)
      .where(and(eq(forums.districtId, person.districtId), eq(forums.active, true)))
      .orderBy(asc(forums.name))
      .limit(200);
    await audit(tx, actor, {
      action: "action_plan.list",
      permission: PERMISSION,
      personId: person.id,
      recordType: "person",
      recordId: person.id,
    });
    return {
      items: plans.map(({ plan, forumName }) => {
        const own = tasks.filter((t) => t.planId === plan.id);
        const stage = plan.stage as PlanStage;
        return {
          id: plan.id,
          personId: plan.personId,
          title: plan.title,
          stage,
          forumId: plan.forumId,
          forumName: forumName ?? null,
          nextFollowUpOn: plan.nextFollowUpOn,
          openTasks: own.filter((t) => taskOpen(t.status as TaskStatus)).length,
          overdueTasks: own.filter((t) => taskOverdue({ status: t.status as TaskStatus, dueOn: t.dueOn }, stage, today)).length,
          createdAt: plan.createdAt.toISOString(),
        };
      }),
      forumChoices,
    };
  });
}

/** The plan with its goals, tasks, follow-ups and stage history. Audited on the person. */
export async function getPlan({ db }: Database, actor: Actor, id: string, now: Date): Promise<PlanDetail> {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const { plan, firstName, lastName } = await planInScope(tx, actor, id);
    const stage = plan.stage as PlanStage;
    const [forum] = plan.forumId ? await tx.select({ name: forums.name }).from(forums).where(eq(forums.id, plan.forumId)) : [];
    const tasks = await tx
      .select()
      .from(actionPlanTasks)
      .where(eq(actionPlanTasks.planId, plan.id))
      .orderBy(asc(actionPlanTasks.dueOn), asc(actionPlanTasks.position), asc(actionPlanTasks.id));
    const followUps = await tx
      .select({ f: actionPlanFollowUps, name: users.displayName })
      .from(actionPlanFollowUps)
      .innerJoin(users, eq(users.id, actionPlanFollowUps.recordedBy))
      .where(eq(actionPlanFollowUps.planId, plan.id))
      .orderBy(desc(actionPlanFollowUps.heldOn), desc(actionPlanFollowUps.recordedAt));
    const changes = await tx
      .select({ c: actionPlanStageChanges, name: users.displayName })
      .from(actionPlanStageChanges)
      .innerJoin(users, eq(users.id, actionPlanStageChanges.changedBy))
      .where(eq(actionPlanStageChanges.planId, plan.id))
      .orderBy(asc(actionPlanStageChanges.changedAt), asc(actionPlanStageChanges.id));
    const meetings = await tx
      .select({ id: forumMeetings.id, meetingOn: forumMeetings.meetingOn, forumName: forums.name })
      .from(forumAgendaItems)
      .innerJoin(forumMeetings, eq(forumMeetings.id, forumAgendaItems.meetingId))
      .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
      .where(eq(forumAgendaItems.personId, plan.personId))
      .orderBy(desc(forumMeetings.meetingOn))
      .limit(50);
    const staff = await districtStaff(tx, plan.districtId);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const missing = tasks.map((t) => t.responsibleUserId).filter((u): u is string => !!u && !names.has(u));
    if (missing.length)
      for (const u of await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, missing)))
        names.set(u.id, u.name);
    await audit(tx, actor, {
      action: "action_plan.read",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
    });
    return {
      id: plan.id,
      personId: plan.personId,
      personName: `${firstName} ${lastName}`,
      title: plan.title,
      stage,
      forumId: plan.forumId,
      forumName: forum?.name ?? null,
      nextFollowUpOn: plan.nextFollowUpOn,
      openTasks: tasks.filter((t) => taskOpen(t.status as TaskStatus)).length,
      overdueTasks: tasks.filter((t) => taskOverdue({ status: t.status as TaskStatus, dueOn: t.dueOn }, stage, today)).length,
      createdAt: plan.createdAt.toISOString(),
      goals: plan.goals,
      agencies: plan.agencies as Agency[],
      categories: plan.categories as InformationCategory[],
      tasks: tasks.map((t) => ({
        id: t.id,
        agency: t.agency as PlanAgency,
        description: t.description,
        responsibleName: t.responsibleName,
        responsibleUserId: t.responsibleUserId,
        responsibleUserName: t.responsibleUserId ? (names.get(t.responsibleUserId) ?? "") : null,
        dueOn: t.dueOn,
        status: t.status as TaskStatus,
        overdue: taskOverdue({ status: t.status as TaskStatus, dueOn: t.dueOn }, stage, today),
      })),
      followUps: followUps.map(({ f, name }) => ({
        id: f.id,
        heldOn: f.heldOn,
        meetingId: f.meetingId,
        note: f.note,
        taskStatuses: f.taskStatuses as { taskId: string; status: TaskStatus }[],
        nextFollowUpOn: f.nextFollowUpOn,
        recordedByName: name,
      })),
      stageChanges: changes.map(({ c, name }) => ({
        fromStage: c.fromStage as PlanStage,
        toStage: c.toStage as PlanStage,
        note: c.note,
        changedByName: name,
        changedAt: c.changedAt.toISOString(),
      })),
      allowedMoves: [...allowedMoves(stage)],
      meetingChoices: meetings,
      staffChoices: staff,
    };
  });
}

export async function updatePlan({ db }: Database, actor: Actor, id: string, input: UpdatePlanInput, now: Date) {
  return db.transaction(async (tx) => {
    const { plan } = await planInScope(tx, actor, id, true);
    refuseClosed(plan);
    await tx
      .update(actionPlans)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.goals !== undefined ? { goals: input.goals } : {}),
        ...(input.nextFollowUpOn !== undefined ? { nextFollowUpOn: input.nextFollowUpOn } : {}),
        updatedAt: now,
      })
      .where(eq(actionPlans.id, plan.id));
    await audit(tx, actor, {
      action: "action_plan.update",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
    });
    return { ok: true as const };
  });
}

/** Adds a task for an agency: sharing it with an agency outside socialtjänsten needs the consent (coverTaskAgency). */
export async function addTask({ db }: Database, actor: Actor, id: string, input: CreateTaskInput, now: Date) {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const { plan } = await planInScope(tx, actor, id, true);
    refuseClosed(plan);
    await checkResponsible(tx, plan.districtId, input.responsibleUserId, "body.responsibleUserId");
    const consent = await coverTaskAgency(tx, plan, input.agency, today, "body.agency");
    if (consent && input.agency !== "socialtjanst" && !plan.agencies.includes(input.agency)) {
      await tx
        .update(actionPlans)
        .set({ agencies: [...plan.agencies, input.agency], updatedAt: now })
        .where(eq(actionPlans.id, plan.id));
      await recordShared(tx, actor, plan, input.agency, consent.id, today, now);
    }
    const [row] = await tx
      .insert(actionPlanTasks)
      .values({
        planId: plan.id,
        agency: input.agency,
        description: input.description,
        responsibleName: input.responsibleName ?? "",
        responsibleUserId: input.responsibleUserId ?? null,
        dueOn: input.dueOn,
        position: 1000,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: actionPlanTasks.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "action_plan.task.create",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
      details: { taskId: row.id },
    });
    return row;
  });
}

export async function updateTask({ db }: Database, actor: Actor, id: string, taskId: string, input: UpdateTaskInput, now: Date) {
  return db.transaction(async (tx) => {
    const { plan } = await planInScope(tx, actor, id, true);
    const [task] = await tx
      .select({ id: actionPlanTasks.id })
      .from(actionPlanTasks)
      .where(and(eq(actionPlanTasks.id, taskId), eq(actionPlanTasks.planId, plan.id)));
    if (!task) throw notFound();
    refuseClosed(plan);
    await checkResponsible(tx, plan.districtId, input.responsibleUserId, "body.responsibleUserId");
    await tx
      .update(actionPlanTasks)
      .set({
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.responsibleName !== undefined ? { responsibleName: input.responsibleName } : {}),
        ...(input.responsibleUserId !== undefined ? { responsibleUserId: input.responsibleUserId } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updatedAt: now,
      })
      .where(eq(actionPlanTasks.id, task.id));
    await audit(tx, actor, {
      action: "action_plan.task.update",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
      details: { taskId },
    });
    return { ok: true as const };
  });
}

const FOLLOW_UP_PROBLEMS = {
  in_future: { status: 400, message: "Datumet ligger i framtiden / The date is in the future", path: "body.heldOn" },
  next_not_after: {
    status: 400,
    message: "Nästa uppföljning måste ligga efter denna / The next follow-up must come after this one",
    path: "body.nextFollowUpOn",
  },
  unknown_task: {
    status: 400,
    message: "Uppgiften hör inte till planen / The task is not the plan's",
    path: "body.taskStatuses",
  },
  plan_closed: { status: 409, message: "Planen är avslutad / The plan is closed", path: "params.id" },
} as const;

/**
 * Records a follow-up, at a forum meeting where the person was on the agenda (else 400), with each
 * named task's status; the plan's next follow-up becomes the one given (or none). The plan row is
 * locked: two follow-ups at once are both stored, one after the other.
 */
export async function addFollowUp({ db }: Database, actor: Actor, id: string, input: CreateFollowUpInput, now: Date) {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const { plan } = await planInScope(tx, actor, id, true);
    const taskRows = await tx.select({ id: actionPlanTasks.id }).from(actionPlanTasks).where(eq(actionPlanTasks.planId, plan.id));
    const statuses = input.taskStatuses ?? [];
    const problem = followUpProblem(
      { heldOn: input.heldOn, nextFollowUpOn: input.nextFollowUpOn ?? null, taskIds: statuses.map((s) => s.taskId) },
      { stage: plan.stage as PlanStage, taskIds: taskRows.map((t) => t.id) },
      today,
    );
    if (problem) {
      const p = FOLLOW_UP_PROBLEMS[problem];
      const fields = field(p.path, p.message.split(" / ")[0] as string);
      throw p.status === 409 ? conflict(problem, p.message, fields) : badRequest(problem, p.message, fields);
    }
    if (input.meetingId) {
      const [onAgenda] = await tx
        .select({ on: forumMeetings.meetingOn })
        .from(forumAgendaItems)
        .innerJoin(forumMeetings, eq(forumMeetings.id, forumAgendaItems.meetingId))
        .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
        .where(
          and(
            eq(forumAgendaItems.meetingId, input.meetingId),
            eq(forumAgendaItems.personId, plan.personId),
            eq(forums.districtId, plan.districtId),
          ),
        );
      if (!onAgenda)
        throw badRequest(
          "not_on_agenda",
          "Personen står inte på det mötets dagordning / The person is not on that meeting's agenda",
          field("body.meetingId", "Inte på dagordningen"),
        );
    }
    const [row] = await tx
      .insert(actionPlanFollowUps)
      .values({
        planId: plan.id,
        heldOn: input.heldOn,
        meetingId: input.meetingId ?? null,
        note: input.note,
        taskStatuses: statuses,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning({ id: actionPlanFollowUps.id });
    if (!row) throw new Error("insert returned nothing");
    for (const s of statuses)
      await tx
        .update(actionPlanTasks)
        .set({ status: s.status, updatedAt: now })
        .where(and(eq(actionPlanTasks.id, s.taskId), eq(actionPlanTasks.planId, plan.id)));
    await tx
      .update(actionPlans)
      .set({ nextFollowUpOn: input.nextFollowUpOn ?? null, updatedAt: now })
      .where(eq(actionPlans.id, plan.id));
    await audit(tx, actor, {
      action: "action_plan.follow_up",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
      details: { followUpId: row.id },
    });
    return row;
  });
}

const STAGE_PROBLEMS: Record<StageProblem, string> = {
  same_stage: "Planen är redan i det skedet / The plan is already at that stage",
  closed: "Planen är avslutad / The plan is closed",
  not_allowed: "Det steget är inte tillåtet / That move is not allowed",
};

/**
 * Moves the plan between beredning, operativ and avslutad by the rules of domain/samverkan-plan.
 * The plan row is locked: of two moves at once the second sees the first's result (409 when its
 * move no longer applies).
 */
export async function changeStage(
  { db }: Database,
  actor: Actor,
  id: string,
  input: { to: PlanStage; note?: string | undefined },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { plan } = await planInScope(tx, actor, id, true);
    const from = plan.stage as PlanStage;
    const problem = stageProblem(from, input.to);
    if (problem)
      throw conflict(problem, STAGE_PROBLEMS[problem], field("body.to", STAGE_PROBLEMS[problem].split(" / ")[0] as string));
    await tx.update(actionPlans).set({ stage: input.to, updatedAt: now }).where(eq(actionPlans.id, plan.id));
    await tx.insert(actionPlanStageChanges).values({
      planId: plan.id,
      fromStage: from,
      toStage: input.to,
      note: input.note ?? "",
      changedBy: actor.userId,
      changedAt: now,
    });
    await audit(tx, actor, {
      action: "action_plan.stage",
      permission: PERMISSION,
      personId: plan.personId,
      recordType: "action_plan",
      recordId: plan.id,
      details: { from, to: input.to },
    });
    return { ok: true as const };
  });
}
