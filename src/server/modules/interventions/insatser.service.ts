import { and, asc, desc, eq, isNotNull, isNull, max, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  carePlanBody,
  createInsatsBody,
  endBody,
  followUpBody,
  insatsDetail,
  notStartedBody,
  overvagandeBody,
  planBody,
  startBody,
} from "../../../contracts/interventions";
import {
  type AgeOutside,
  ageOutsideTarget,
  earliestStart,
  endContradictsGoals,
  type GoalStatus,
  goalStatus,
  missingContradictionConfirmation,
} from "../../../domain/interventions/guards";
import { planDueDate } from "../../../domain/interventions/rules";
import { type GoalAttainment, isPlacement } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import { decisions, districts, insatser, insatsFollowUps, insatsPlans, overvaganden, units, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { type AuditEntry, audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { insatsScope } from "../../platform/scope";
import { caseForWrite, caseInScope, requireAccepts } from "../cases/access";
import { outOfOrder } from "../cases/rules";
import { canManage, canProvide, insatsForChange, insatsInScope } from "./access";
import { offeredEntry } from "./catalogue.service";
import { readSummaries } from "./summary";

/** Units that carry out insatser. */
const PROVIDER_UNIT_KINDS = ["oppenvard", "forebyggande", "familjehem"];
const signer = alias(users, "signer");

const field = (path: string, message: string) => [{ path, message }];
const notBefore = (path: string, what: string) =>
  badRequest("date_out_of_order", `Datumet ligger före ${what} / The date is before ${what}`, field(path, `Före ${what}`));
const inFuture = (path: string) =>
  badRequest("future_date", "Datumet ligger i framtiden / The date is in the future", field(path, "I framtiden"));

/** 400 age_outside_catalogue: the insats is given outside its target ages without a written reason. */
const ageOutsideError = (o: AgeOutside, name: string) =>
  badRequest(
    "age_outside_catalogue",
    `${name} är avsedd för ${o.min}–${o.max} år och den unge är ${o.age} år vid starten: motivera valet / ` +
      `${name} is meant for ages ${o.min}–${o.max} and the young person is ${o.age} at the start: give a reason`,
    field("body.ageOutsideReason", "Motivera insatsen utanför målgruppens ålder / Give the reason for the age"),
  );

/**
 * Where the goals of the plan in force (the latest signed version) stand after the follow-ups,
 * read in the order they were made. No signed plan: no goals, so nothing to contradict.
 */
async function goalStatusOf(tx: Tx, insatsId: string): Promise<GoalStatus> {
  const [inForce] = await tx
    .select({ goals: insatsPlans.goals })
    .from(insatsPlans)
    .where(and(eq(insatsPlans.insatsId, insatsId), isNotNull(insatsPlans.signedAt)))
    .orderBy(desc(insatsPlans.version))
    .limit(1);
  if (!inForce) return goalStatus([], []);
  const followUps = await tx
    .select({ results: insatsFollowUps.results })
    .from(insatsFollowUps)
    .where(eq(insatsFollowUps.insatsId, insatsId))
    .orderBy(asc(insatsFollowUps.doneOn), asc(insatsFollowUps.createdAt));
  return goalStatus(
    (inForce.goals as { id: string }[]).map((g) => g.id),
    followUps.map((f) => ({ results: f.results as { goalId: string; attainment: GoalAttainment }[] })),
  );
}

/** The audit row of a change to an insats, under the permission the change was made with. */
async function write(
  tx: Tx,
  actor: Actor,
  row: { personId: string },
  permission: "insats:manage" | "insats:provide",
  action: string,
  id: string,
  details?: AuditEntry["details"],
) {
  await audit(tx, actor, { action, permission, personId: row.personId, recordType: "insats", recordId: id, details });
}

/**
 * Gives an insats as an uppdrag to a provider unit. A bistånd insats carries out a bistånd
 * decision of the same case and takes its date; a service without decision is dated when granted.
 * An insats Socialstyrelsen advises against can only be chosen with a written reason.
 */
export async function createInsats(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createInsatsBody>,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { case: c, birthDate } = await caseForWrite(tx, actor, caseId, "insats:manage");
    requireAccepts(c, "insats");
    const entry = await offeredEntry(tx, input.catalogueId, c.districtId);
    const [unit] = await tx.select().from(units).where(eq(units.id, input.providerUnitId));
    if (!unit || !PROVIDER_UNIT_KINDS.includes(unit.kind) || unit.districtId !== c.districtId) {
      throw badRequest(
        "not_a_provider",
        "Enheten utför inte insatser i distriktet / Not a provider unit of the district",
        field("body.providerUnitId", "Välj en utförarenhet / Choose a provider unit"),
      );
    }
    if (entry.evidenceStatus === "avrads" && !input.advisedAgainstReason) {
      throw badRequest(
        "advised_against",
        `Socialstyrelsen avråder från ${entry.name}: motivera valet / Advised against: give a reason`,
        field("body.advisedAgainstReason", "Motivera varför insatsen ändå väljs"),
      );
    }
    let decidedOn: string;
    if (entry.legalForm === "bistand") {
      const [d] = input.decisionId
        ? await tx
            .select()
            .from(decisions)
            .where(and(eq(decisions.id, input.decisionId), eq(decisions.caseId, caseId)))
        : [];
      if (!d || d.type !== "bistand") {
        throw badRequest(
          "decision_required",
          "Bistånd kräver ett biståndsbeslut i ärendet / A bistånd decision of the case is required",
          field("body.decisionId", "Välj biståndsbeslutet"),
        );
      }
      decidedOn = stockholmDate(d.decidedAt);
    } else {
      // Care under LVU and a påföljd rest on a decision or judgment with a day of its own: it is asked
      // for, never taken to be today. A service without decision defaults to the day it is registered.
      if (!input.decidedOn && entry.legalForm !== "service") {
        throw badRequest(
          "decided_on_required",
          entry.legalForm === "lvu"
            ? "Ange dagen för beslutet enligt LVU / Give the day of the LVU decision"
            : "Ange dagen då domen meddelades / Give the day of the judgment",
          field("body.decidedOn", "Datum saknas / Missing date"),
        );
      }
      decidedOn = input.decidedOn ?? stockholmDate(now);
      if (decidedOn > stockholmDate(now)) throw inFuture("body.decidedOn");
    }
    // The start day is not known yet: the earliest it can be is checked now, the real one at the start.
    const ageOutside = ageOutsideTarget(birthDate, earliestStart(decidedOn, stockholmDate(now)), {
      min: entry.targetAgeMin,
      max: entry.targetAgeMax,
    });
    if (ageOutside && !input.ageOutsideReason) throw ageOutsideError(ageOutside, entry.name);
    const [row] = await tx
      .insert(insatser)
      .values({
        caseId,
        personId: c.personId,
        districtId: c.districtId,
        catalogueId: entry.id,
        decisionId: entry.legalForm === "bistand" ? (input.decisionId ?? null) : null,
        legalForm: entry.legalForm,
        decidedOn,
        providerUnitId: unit.id,
        advisedAgainstReason: entry.evidenceStatus === "avrads" ? (input.advisedAgainstReason ?? null) : null,
        ageOutsideReason: ageOutside ? (input.ageOutsideReason ?? null) : null,
        createdBy: actor.userId,
      })
      .returning({ id: insatser.id });
    if (!row) throw new Error("insert returned nothing");
    await write(tx, actor, c, "insats:manage", "insats.create", row.id, {
      catalogue: entry.code,
      ...(ageOutside ? { ageOutside: ageOutside.side } : {}),
    });
    return row;
  });
}

export async function listCaseInsatser({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseInScope(tx, actor, caseId);
    const items = await readSummaries(tx, and(eq(insatser.caseId, caseId), insatsScope(actor)) as SQL, stockholmDate(now));
    await audit(tx, actor, {
      action: "insats.list",
      permission: "insats:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
    });
    return { items };
  });
}

/**
 * The worklist of running uppdrag: an insatsutförare's are those given to their units (insatsScope
 * says so); case staff see their districts' running insatser.
 */
export async function listUppdrag({ db }: Database, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const items = await readSummaries(tx, and(insatsScope(actor), isNull(insatser.endedOn)) as SQL, stockholmDate(now), 500);
    await audit(
      tx,
      actor,
      items.map((i) => ({
        action: "insats.list",
        permission: "insats:read" as const,
        personId: i.personId,
        recordType: "insats",
        recordId: i.id,
      })),
    );
    return { items };
  });
}

export async function getInsats({ db }: Database, actor: Actor, id: string, now: Date): Promise<z.infer<typeof insatsDetail>> {
  return db.transaction(async (tx) => {
    const row = await insatsInScope(tx, actor, id);
    const today = stockholmDate(now);
    const [summary] = await readSummaries(tx, eq(insatser.id, id), today, 1);
    if (!summary) throw notFound();
    const [district] = await tx
      .select({ days: districts.planDueDays })
      .from(districts)
      .where(eq(districts.id, row.insats.districtId));
    const plans = await tx
      .select({ p: insatsPlans, createdByName: users.displayName, signedByName: signer.displayName })
      .from(insatsPlans)
      .innerJoin(users, eq(users.id, insatsPlans.createdBy))
      .leftJoin(signer, eq(signer.id, insatsPlans.signedBy))
      .where(eq(insatsPlans.insatsId, id))
      .orderBy(asc(insatsPlans.version));
    const followUps = await tx
      .select({ f: insatsFollowUps, name: users.displayName })
      .from(insatsFollowUps)
      .innerJoin(users, eq(users.id, insatsFollowUps.recordedBy))
      .where(eq(insatsFollowUps.insatsId, id))
      .orderBy(asc(insatsFollowUps.doneOn), asc(insatsFollowUps.createdAt));
    const overv = await tx
      .select({ o: overvaganden, name: users.displayName })
      .from(overvaganden)
      .innerJoin(users, eq(users.id, overvaganden.decidedBy))
      .where(eq(overvaganden.insatsId, id))
      .orderBy(asc(overvaganden.decidedOn));
    await audit(tx, actor, {
      action: "insats.read",
      permission: "insats:read",
      personId: row.insats.personId,
      recordType: "insats",
      recordId: id,
    });
    const i = row.insats;
    const inForce = plans.filter(({ p }) => p.signedAt).at(-1)?.p;
    return {
      ...summary,
      notStartedReason: i.notStartedReason as never,
      notStartedNote: i.notStartedNote,
      advisedAgainstReason: i.advisedAgainstReason,
      targetAges: { min: row.catalogue.targetAgeMin, max: row.catalogue.targetAgeMax },
      personBirthDate: row.birthDate,
      ageOutsideReason: i.ageOutsideReason,
      goalStatus: goalStatus(
        inForce ? (inForce.goals as { id: string }[]).map((g) => g.id) : [],
        followUps.map(({ f }) => ({ results: f.results as { goalId: string; attainment: GoalAttainment }[] })),
      ),
      endContradictionNote: i.endContradictionNote,
      carePlanOn: i.carePlanOn,
      endReason: i.endReason as never,
      endOutcome: i.endOutcome,
      planDueOn: i.startedOn ? planDueDate(i.startedOn, district?.days) : null,
      plans: plans.map(({ p, createdByName, signedByName }) => ({
        id: p.id,
        version: p.version,
        goals: p.goals as never,
        activities: p.activities as never,
        youngPersonViews: p.youngPersonViews,
        guardianViews: p.guardianViews,
        plannedStart: p.plannedStart,
        followUpDates: p.followUpDates,
        status: p.signedAt ? ("signed" as const) : ("draft" as const),
        createdByName,
        signedByName,
        signedAt: p.signedAt?.toISOString() ?? null,
      })),
      followUps: followUps.map(({ f, name }) => ({
        id: f.id,
        planId: f.planId,
        dueOn: f.dueOn,
        doneOn: f.doneOn,
        results: f.results as never,
        nextStep: f.nextStep,
        recordedByName: name,
      })),
      overvaganden: overv.map(({ o, name }) => ({
        id: o.id,
        decidedOn: o.decidedOn,
        conclusion: o.conclusion,
        decidedByName: name,
      })),
      can: { manage: canManage(actor, i), provide: canProvide(actor, i) },
    };
  });
}

const running = (i: { endedOn: string | null }) => {
  if (i.endedOn) throw outOfOrder("Insatsen är avslutad / The insats has ended");
};

export async function startInsats({ db }: Database, actor: Actor, id: string, input: z.infer<typeof startBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { insats: i, catalogue, birthDate } = await insatsForChange(tx, actor, id, "provide");
    running(i);
    if (i.startedOn) throw outOfOrder("Insatsen har redan startat / Already started");
    // A placement needs its vårdplan before it begins (6 kap. 7 § SoL, 11 kap. 3 § SoL).
    if (isPlacement(catalogue.kind as never) && !i.carePlanOn) {
      throw outOfOrder(
        "Registrera vårdplanen innan placeringen startar / Record the vårdplan before the placement starts",
        "body.startedOn",
      );
    }
    if (input.startedOn < i.decidedOn) throw notBefore("body.startedOn", "beslutet");
    if (input.startedOn > stockholmDate(now)) throw inFuture("body.startedOn");
    // The age that counts is the one on the start day; a reason given when ordered still stands.
    const ageOutside = ageOutsideTarget(birthDate, input.startedOn, { min: catalogue.targetAgeMin, max: catalogue.targetAgeMax });
    const ageOutsideReason = input.ageOutsideReason || i.ageOutsideReason;
    if (ageOutside && !ageOutsideReason) throw ageOutsideError(ageOutside, catalogue.name);
    await tx
      .update(insatser)
      .set({ startedOn: input.startedOn, ...(ageOutside ? { ageOutsideReason } : {}) })
      .where(eq(insatser.id, id));
    await write(tx, actor, i, "insats:provide", "insats.start", id, ageOutside ? { ageOutside: ageOutside.side } : undefined);
    return { id };
  });
}

export async function recordNotStarted({ db }: Database, actor: Actor, id: string, input: z.infer<typeof notStartedBody>) {
  return db.transaction(async (tx) => {
    const { insats: i } = await insatsForChange(tx, actor, id, "manage");
    if (i.startedOn) throw outOfOrder("Insatsen har startat / Already started");
    await tx
      .update(insatser)
      .set({ notStartedReason: input.reason, notStartedNote: input.note || null })
      .where(eq(insatser.id, id));
    await write(tx, actor, i, "insats:manage", "insats.not_started", id, { reason: input.reason });
    return { id };
  });
}

export async function recordCarePlan({ db }: Database, actor: Actor, id: string, input: z.infer<typeof carePlanBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { insats: i, catalogue } = await insatsForChange(tx, actor, id, "manage");
    if (!isPlacement(catalogue.kind as never)) {
      throw badRequest(
        "not_a_placement",
        "Vårdplan gäller placeringar / A vårdplan is for placements",
        field("body.carePlanOn", "Inte en placering"),
      );
    }
    if (input.carePlanOn < i.decidedOn) throw notBefore("body.carePlanOn", "beslutet");
    if (input.carePlanOn > stockholmDate(now)) throw inFuture("body.carePlanOn");
    await tx.update(insatser).set({ carePlanOn: input.carePlanOn }).where(eq(insatser.id, id));
    await write(tx, actor, i, "insats:manage", "insats.care_plan", id);
    return { id };
  });
}

export async function recordOvervagande(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof overvagandeBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { insats: i, catalogue } = await insatsForChange(tx, actor, id, "manage");
    if (!isPlacement(catalogue.kind as never)) {
      throw badRequest(
        "not_a_placement",
        "Övervägande gäller placeringar / Övervägande is for placements",
        field("body.decidedOn", "Inte en placering"),
      );
    }
    if (!i.startedOn) throw outOfOrder("Placeringen har inte startat / Not started");
    if (input.decidedOn < i.startedOn) throw notBefore("body.decidedOn", "placeringens start");
    if (input.decidedOn > stockholmDate(now)) throw inFuture("body.decidedOn");
    const [row] = await tx
      .insert(overvaganden)
      .values({ insatsId: id, decidedOn: input.decidedOn, conclusion: input.conclusion, decidedBy: actor.userId })
      .returning({ id: overvaganden.id });
    await write(tx, actor, i, "insats:manage", "insats.overvagande", id);
    return { id: row?.id as string };
  });
}

export async function endInsats({ db }: Database, actor: Actor, id: string, input: z.infer<typeof endBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { insats: i } = await insatsForChange(tx, actor, id, "manage");
    running(i);
    // A decision never carried out (declined, withdrawn) also ends: not before the decision then.
    if (i.startedOn && input.endedOn < i.startedOn) throw notBefore("body.endedOn", "starten");
    if (input.endedOn < i.decidedOn) throw notBefore("body.endedOn", "beslutet");
    if (input.endedOn > stockholmDate(now)) throw inFuture("body.endedOn");
    // "Målen uppnådda" against follow-ups that say otherwise: only confirmed on purpose, with a note.
    const status = await goalStatusOf(tx, id);
    const contradiction = endContradictsGoals(input.endReason, status);
    if (contradiction) {
      const missing = missingContradictionConfirmation({ confirm: input.confirmContradiction, note: input.contradictionNote });
      if (missing.length) {
        const counts = `${status.reached} av ${status.total} mål uppnådda enligt uppföljningarna / ${status.reached} of ${status.total} goals reached according to the follow-ups`;
        throw conflict(
          "goals_not_reached",
          `${counts}: bekräfta avslutet som "Målen uppnådda" och skriv varför / confirm the end as "goals achieved" and say why`,
          missing.map((m) => ({
            path: `body.${m}`,
            message:
              m === "confirmContradiction"
                ? `Bekräfta: ${status.reached} av ${status.total} mål uppnådda / Confirm: ${status.reached} of ${status.total} goals reached`
                : "Skriv varför målen ändå anses uppnådda / Say why the goals are considered achieved",
          })),
        );
      }
    }
    await tx
      .update(insatser)
      .set({
        endedOn: input.endedOn,
        endReason: input.endReason,
        endOutcome: input.outcome,
        endContradictionNote: contradiction ? (input.contradictionNote ?? null) : null,
      })
      .where(eq(insatser.id, id));
    await write(tx, actor, i, "insats:manage", "insats.end", id, {
      endReason: input.endReason,
      ...(contradiction ? { goalsReached: status.reached, goalsTotal: status.total } : {}),
    });
    return { id };
  });
}

/** Checks a plan's content: measurable goals with a follow-up day on or after the plan's start. */
function checkPlan(input: z.infer<typeof planBody>, decidedOn: string) {
  if (input.goals.length === 0) {
    throw badRequest(
      "goal_required",
      "Planen behöver minst ett mätbart mål / At least one measurable goal",
      field("body.goals", "Lägg till ett mål"),
    );
  }
  const ids = input.goals.map((g) => g.id);
  const fields = input.goals.flatMap((g, n) => [
    ...(ids.indexOf(g.id) !== n ? [{ path: `body.goals.${n}.id`, message: "Samma mål-id två gånger / Duplicate goal id" }] : []),
    ...(g.followUpOn < decidedOn ? [{ path: `body.goals.${n}.followUpOn`, message: "Före beslutet / Before the decision" }] : []),
  ]);
  if (input.plannedStart && input.plannedStart < decidedOn)
    fields.push({ path: "body.plannedStart", message: "Före beslutet / Before the decision" });
  if (fields.length) throw badRequest("invalid_plan", "Planen har fel / The plan has errors", fields);
}

/** A new plan version: the first plan, or a revision of the one in force. Drafts are edited in place. */
export async function createPlan({ db }: Database, actor: Actor, id: string, input: z.infer<typeof planBody>) {
  return db.transaction(async (tx) => {
    const { insats: i } = await insatsForChange(tx, actor, id, "provide");
    running(i);
    checkPlan(input, i.decidedOn);
    const open = await tx
      .select({ id: insatsPlans.id })
      .from(insatsPlans)
      .where(and(eq(insatsPlans.insatsId, id), isNull(insatsPlans.signedAt)));
    if (open.length) throw outOfOrder("Det finns redan ett utkast: ändra det / A draft exists: edit it");
    const [{ v } = { v: 0 }] = await tx
      .select({ v: max(insatsPlans.version) })
      .from(insatsPlans)
      .where(eq(insatsPlans.insatsId, id));
    const [row] = await tx
      .insert(insatsPlans)
      .values({
        insatsId: id,
        version: (v ?? 0) + 1,
        ...input,
        plannedStart: input.plannedStart ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: insatsPlans.id });
    await write(tx, actor, i, "insats:provide", "insats.plan_create", id, { version: (v ?? 0) + 1 });
    return { id: row?.id as string };
  });
}

async function draftPlan(tx: Tx, actor: Actor, planId: string) {
  const [p] = await tx.select().from(insatsPlans).where(eq(insatsPlans.id, planId));
  if (!p) throw notFound();
  const row = await insatsForChange(tx, actor, p.insatsId, "provide");
  if (p.signedAt) throw outOfOrder("En signerad plan ändras inte: gör en revidering / A signed plan is revised, not changed");
  return { plan: p, ...row };
}

export async function updatePlan({ db }: Database, actor: Actor, planId: string, input: z.infer<typeof planBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { plan, insats: i } = await draftPlan(tx, actor, planId);
    checkPlan(input, i.decidedOn);
    await tx
      .update(insatsPlans)
      .set({ ...input, plannedStart: input.plannedStart ?? null, updatedAt: now })
      .where(eq(insatsPlans.id, planId));
    await write(tx, actor, i, "insats:provide", "insats.plan_update", i.id, { version: plan.version });
    return { id: planId };
  });
}

export async function signPlan({ db }: Database, actor: Actor, planId: string, now: Date) {
  return db.transaction(async (tx) => {
    const { plan, insats: i } = await draftPlan(tx, actor, planId);
    if ((plan.goals as unknown[]).length === 0) {
      throw badRequest(
        "goal_required",
        "Planen behöver minst ett mätbart mål / At least one measurable goal",
        field("body.goals", "Lägg till ett mål"),
      );
    }
    await tx.update(insatsPlans).set({ signedBy: actor.userId, signedAt: now, updatedAt: now }).where(eq(insatsPlans.id, planId));
    await write(tx, actor, i, "insats:provide", "insats.plan_sign", i.id, { version: plan.version });
    return { id: planId };
  });
}

/** A follow-up answers the plan in force: one result per goal of it, none foreign to it. */
export async function recordFollowUp({ db }: Database, actor: Actor, id: string, input: z.infer<typeof followUpBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { insats: i } = await insatsForChange(tx, actor, id, "provide");
    running(i);
    if (!i.startedOn) throw outOfOrder("Insatsen har inte startat / The insats has not started", "body.doneOn");
    if (input.doneOn < i.startedOn) throw notBefore("body.doneOn", "starten");
    if (input.doneOn > stockholmDate(now)) throw inFuture("body.doneOn");
    const [plan] = await tx
      .select()
      .from(insatsPlans)
      .where(and(eq(insatsPlans.insatsId, id)))
      .orderBy(asc(insatsPlans.version));
    const signed = (await tx.select().from(insatsPlans).where(eq(insatsPlans.insatsId, id)))
      .filter((p) => p.signedAt)
      .sort((a, b) => b.version - a.version)[0];
    if (!plan || !signed) throw outOfOrder("Följ upp mot en signerad genomförandeplan / Follow up against a signed plan");
    const goalIds = (signed.goals as { id: string }[]).map((g) => g.id);
    const fields = [
      ...input.results.flatMap((r, n) =>
        goalIds.includes(r.goalId)
          ? []
          : [{ path: `body.results.${n}.goalId`, message: "Inte ett mål i planen / Not a goal of the plan" }],
      ),
      ...goalIds
        .filter((g) => !input.results.some((r) => r.goalId === g))
        .map((g) => ({ path: "body.results", message: `Mål ${g} saknar bedömning / Goal ${g} not assessed` })),
    ];
    if (fields.length)
      throw badRequest(
        "invalid_follow_up",
        "Uppföljningen stämmer inte med planen / The follow-up does not match the plan",
        fields,
      );
    const [row] = await tx
      .insert(insatsFollowUps)
      .values({
        insatsId: id,
        planId: signed.id,
        dueOn: input.dueOn ?? null,
        doneOn: input.doneOn,
        results: input.results,
        nextStep: input.nextStep,
        recordedBy: actor.userId,
      })
      .returning({ id: insatsFollowUps.id });
    await write(tx, actor, i, "insats:provide", "insats.follow_up", id);
    return { id: row?.id as string };
  });
}
