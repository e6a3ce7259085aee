import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import type {
  completeInvestigationBody,
  createReportBody,
  extensionBody,
  preAssessmentBody,
  protectionAssessmentBody,
} from "../../../contracts/cases";
import { isReReferral } from "../../../domain/case-flow";
import { utredningDeadline } from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { cases, investigations, persons, preAssessments, protectionAssessments, reports } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { checkAssessmentPolicy } from "../assessments/policy";
import { requireChildViewOnCompletion } from "../guardians/participation.service";
import { investigationForWrite, reportForWrite } from "./access";
import { recordDecision } from "./decisions";
import { outOfOrder, requireDayWithin, requireWithin } from "./rules";

/**
 * Registers an orosanmälan or ansökan. It joins the person's open case in the district or opens
 * one; a report within 12 months of the last closed case is flagged as an återaktualisering.
 */
export async function createReport({ db }: Database, actor: Actor, input: z.infer<typeof createReportBody>, now: Date) {
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime()) {
    throw badRequest("in_future", "Mottagningstiden ligger i framtiden / Received time is in the future", [
      { path: "body.receivedAt", message: "Framtida tidpunkt" },
    ]);
  }
  if (!districtsWithPermission(actor, "case:write").includes(input.districtId)) {
    throw badRequest("district_not_in_scope", "Du kan inte registrera i det distriktet / Not your district", [
      { path: "body.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.id, input.personId), personScope(actor)));
    if (!person)
      throw badRequest("unknown_person", "Okänd person / Unknown person", [{ path: "body.personId", message: "Finns inte" }]);
    let [open] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.personId, input.personId), eq(cases.districtId, input.districtId), isNull(cases.closedAt)))
      .for("update");
    const [lastClosed] = await tx
      .select({ closedAt: cases.closedAt })
      .from(cases)
      .where(and(eq(cases.personId, input.personId), eq(cases.districtId, input.districtId), isNotNull(cases.closedAt)))
      .orderBy(desc(cases.closedAt))
      .limit(1);
    if (!open) {
      // A handläggare who opens a case holds it (and its first clocks) until the enhetschef assigns it on.
      const own = actor.assignments.find((a) => a.districtId === input.districtId && a.role === "handlaggare");
      [open] = await tx
        .insert(cases)
        .values({
          personId: input.personId,
          districtId: input.districtId,
          openedAt: receivedAt,
          createdBy: actor.userId,
          assignedTo: own ? actor.userId : null,
          unitId: own?.unitId ?? null,
        })
        .returning();
    }
    if (!open) throw new Error("could not open a case");
    const reReferral = isReReferral(stockholmDate(receivedAt), lastClosed?.closedAt ? stockholmDate(lastClosed.closedAt) : null);
    const [row] = await tx
      .insert(reports)
      .values({
        caseId: open.id,
        personId: input.personId,
        districtId: input.districtId,
        kind: input.kind,
        receivedAt,
        reporterCategory: input.reporterCategory,
        reporterOrganisation: input.reporterOrganisation ?? null,
        reporterContact: input.reporterContact ?? null,
        concerns: input.concerns,
        text: input.text,
        isReReferral: reReferral,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "report.create",
      permission: "case:write",
      personId: input.personId,
      recordType: "report",
      recordId: row.id,
    });
    return { id: row.id, caseId: open.id, isReReferral: reReferral, receivedAt: row.receivedAt.toISOString() };
  });
}

export async function recordProtectionAssessment(
  { db }: Database,
  actor: Actor,
  reportId: string,
  input: z.infer<typeof protectionAssessmentBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { report } = await reportForWrite(tx, actor, reportId, "case:write");
    const assessedAt = new Date(input.assessedAt);
    requireWithin(assessedAt, report.receivedAt, now, "body.assessedAt", "anmälan togs emot");
    const [done] = await tx.select().from(protectionAssessments).where(eq(protectionAssessments.reportId, reportId));
    if (done) throw outOfOrder("Skyddsbedömningen är redan gjord / Already recorded");
    await tx.insert(protectionAssessments).values({
      reportId,
      assessedAt,
      assessedBy: actor.userId,
      immediateProtectionNeeded: input.immediateProtectionNeeded,
      notes: input.notes,
    });
    await audit(tx, actor, {
      action: "report.protection_assessment",
      permission: "case:write",
      personId: report.personId,
      recordType: "report",
      recordId: reportId,
    });
    return { reportId, assessedAt: assessedAt.toISOString() };
  });
}

/**
 * Förhandsbedömning. "inleda" documents the decision to open and opens the investigation;
 * "inte_inleda" is a documented decision too; "koppla" links the report to the person's open
 * investigation, which must exist and be theirs.
 */
export async function recordPreAssessment(
  { db }: Database,
  actor: Actor,
  reportId: string,
  input: z.infer<typeof preAssessmentBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { report, case: c } = await reportForWrite(tx, actor, reportId, "case:write");
    const decidedAt = new Date(input.decidedAt);
    requireWithin(decidedAt, report.receivedAt, now, "body.decidedAt", "anmälan togs emot");
    const [done] = await tx.select().from(preAssessments).where(eq(preAssessments.reportId, reportId));
    if (done) throw outOfOrder("Förhandsbedömningen är redan gjord / Already recorded");
    const [protection] = await tx.select().from(protectionAssessments).where(eq(protectionAssessments.reportId, reportId));
    if (!protection) throw outOfOrder("Gör skyddsbedömningen först / Record the protection assessment first");
    const [openInvestigation] = await tx
      .select()
      .from(investigations)
      .where(
        and(
          eq(investigations.personId, report.personId),
          eq(investigations.districtId, report.districtId),
          isNull(investigations.completedOn),
        ),
      );
    let linkedInvestigationId: string | null = null;
    let investigationId: string | null = null;
    if (input.outcome === "koppla") {
      if (!input.linkedInvestigationId) {
        throw badRequest("link_required", "Ange den pågående utredningen / Give the ongoing investigation", [
          { path: "body.linkedInvestigationId", message: "Krävs vid koppling" },
        ]);
      }
      const [target] = await tx.select().from(investigations).where(eq(investigations.id, input.linkedInvestigationId));
      if (!target || target.personId !== report.personId || target.completedOn) {
        throw badRequest(
          "invalid_link",
          "Kopplingen måste avse en pågående utredning om samma person / Must be an ongoing investigation of the same person",
          [{ path: "body.linkedInvestigationId", message: "Ingen pågående utredning om personen" }],
        );
      }
      linkedInvestigationId = target.id;
    } else if (input.outcome === "inleda") {
      if (openInvestigation) {
        throw outOfOrder(
          "En utredning pågår redan: koppla anmälan till den / An investigation is open: link the report to it",
          "body.outcome",
        );
      }
      const decision = await recordDecision(tx, actor, {
        caseId: c.id,
        districtId: c.districtId,
        type: "inleda_utredning",
        decidedAt,
        reason: input.reason,
        details: { reportId },
      });
      const [inv] = await tx
        .insert(investigations)
        .values({
          caseId: c.id,
          personId: report.personId,
          districtId: report.districtId,
          openedOn: stockholmDate(decidedAt),
          openingDecisionId: decision.id,
        })
        .returning();
      if (!inv) throw new Error("insert returned nothing");
      investigationId = inv.id;
    } else if (input.outcome === "inte_inleda") {
      await recordDecision(tx, actor, {
        caseId: c.id,
        districtId: c.districtId,
        type: "inte_inleda_utredning",
        decidedAt,
        reason: input.reason,
        details: { reportId },
      });
    }
    await tx.insert(preAssessments).values({
      reportId,
      decidedAt,
      decidedBy: actor.userId,
      outcome: input.outcome,
      reason: input.reason,
      linkedInvestigationId,
      investigationId,
    });
    await audit(tx, actor, {
      action: "report.pre_assessment",
      permission: "case:write",
      personId: report.personId,
      recordType: "report",
      recordId: reportId,
      details: { outcome: input.outcome, investigationId, linkedInvestigationId },
    });
    return { reportId, outcome: input.outcome, investigationId, linkedInvestigationId };
  });
}

/** Förlängning: a documented decision, by a role with delegation, to a later end date. */
export async function extendInvestigation(
  { db }: Database,
  actor: Actor,
  investigationId: string,
  input: z.infer<typeof extensionBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { investigation: inv, case: c } = await investigationForWrite(tx, actor, investigationId, "case:write");
    return recordExtension(tx, actor, inv, c, { ...input, decidedAt: new Date(input.decidedAt) }, now);
  });
}

type Investigation = typeof investigations.$inferSelect;

/**
 * What a förlängning needs before it is decided: a running investigation, a decision day within it
 * and an end date later than the current one. Shared with the förslag till beslut, checked when the
 * proposal is sent and again when it is approved. Returns the current end date.
 */
export function extensionCheck(inv: Investigation, input: { decidedAt: Date; newEndDate: string }, now: Date) {
  if (inv.completedOn) throw outOfOrder("Utredningen är redan avslutad / The investigation is completed");
  requireDayWithin(stockholmDate(input.decidedAt), inv.openedOn, now, "body.decidedAt", "utredningen inleddes");
  const current = utredningDeadline(inv.openedOn, inv.extendedTo);
  if (input.newEndDate <= current.dueDate) {
    throw badRequest(
      "end_date_not_later",
      "Nytt slutdatum måste ligga efter nuvarande / New end date must be later than the current one",
      [{ path: "body.newEndDate", message: `Efter ${current.dueDate}` }],
    );
  }
  return current.dueDate;
}

/** Decides the förlängning in the actor's name (their delegation allowing), moves the end date and audits it. */
export async function recordExtension(
  tx: Db | Tx,
  actor: Actor,
  inv: Investigation,
  c: { id: string; districtId: string },
  input: { decidedAt: Date; reason: string; newEndDate: string },
  now: Date,
) {
  const previousEndDate = extensionCheck(inv, input, now);
  const decision = await recordDecision(tx, actor, {
    caseId: c.id,
    districtId: c.districtId,
    investigationId: inv.id,
    type: "forlangning",
    decidedAt: input.decidedAt,
    reason: input.reason,
    details: { previousEndDate, newEndDate: input.newEndDate },
  });
  await tx.update(investigations).set({ extendedTo: input.newEndDate }).where(eq(investigations.id, inv.id));
  await audit(tx, actor, {
    action: "investigation.extend",
    permission: "case:write",
    personId: inv.personId,
    recordType: "investigation",
    recordId: inv.id,
    details: { decisionId: decision.id },
  });
  return { investigationId: inv.id, extendedTo: input.newEndDate, decisionId: decision.id };
}

export async function setInvestigationMethods({ db }: Database, actor: Actor, investigationId: string, methods: string[]) {
  return db.transaction(async (tx) => {
    const { investigation: inv } = await investigationForWrite(tx, actor, investigationId, "case:write");
    await tx.update(investigations).set({ methods }).where(eq(investigations.id, investigationId));
    await audit(tx, actor, {
      action: "investigation.methods",
      permission: "case:write",
      personId: inv.personId,
      recordType: "investigation",
      recordId: investigationId,
    });
    return { investigationId, methods };
  });
}

export async function completeInvestigation(
  { db }: Database,
  actor: Actor,
  investigationId: string,
  input: z.infer<typeof completeInvestigationBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { investigation: inv } = await investigationForWrite(tx, actor, investigationId, "case:write");
    if (inv.completedOn) throw outOfOrder("Utredningen är redan avslutad / Already completed");
    requireDayWithin(input.completedOn, inv.openedOn, now, "body.completedOn", "utredningen inleddes");
    const documented = await checkAssessmentPolicy(tx, inv, input);
    // Barnets syn (issue 18 point 3): documented in the investigation or given with the completion.
    await requireChildViewOnCompletion(tx, actor, inv, input);
    await tx
      .update(investigations)
      .set({ completedOn: input.completedOn, guardiansDeclined: input.guardiansDeclined, ...documented })
      .where(eq(investigations.id, investigationId));
    await audit(tx, actor, {
      action: "investigation.complete",
      permission: "case:write",
      personId: inv.personId,
      recordType: "investigation",
      recordId: investigationId,
    });
    return { investigationId, completedOn: input.completedOn };
  });
}
