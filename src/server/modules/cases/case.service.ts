import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type { assignBody, caseListQuery, closeCaseBody, decisionBody, journalBody } from "../../../contracts/cases";
import { NO_ASSESSMENT_REASONS, type NoAssessmentReason } from "../../../domain/assessment-policy";
import type { DecisionType } from "../../../domain/case-flow";
import { DUE_SOON_DAYS } from "../../../domain/clocks";
import { byInstant, stockholmDate } from "../../../domain/time";
import { type Database, type Db, oneByOne, type Tx } from "../../db/connection";
import {
  cases,
  closeReasons,
  decisions,
  districts,
  investigations,
  journalEntries,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest, notFound } from "../../platform/errors";
import { caseScope } from "../../platform/scope";
import { collectClocks } from "../deadlines/service";
import { caseForWrite, caseInScope, requireAccepts } from "./access";
import {
  caseWorkerOfDistrict,
  coHandledBy,
  currentCoHandlers,
  endCoHandlingOnAssignment,
  handledBy,
  notACaseWorker,
} from "./co-handlers";
import { recordDecision } from "./decisions";
import { outOfOrder, requireDayWithin, requireWithin } from "./rules";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const isNoAssessmentReason = (r: string | null): r is NoAssessmentReason =>
  r !== null && (NO_ASSESSMENT_REASONS as readonly string[]).includes(r);

/** The whole case file: reports with their assessments, investigations, decisions and journal. */
export async function getCase({ db }: Database, actor: Actor, caseId: string) {
  return db.transaction(async (tx) => {
    const row = await caseInScope(tx, actor, caseId);
    const c = row.case;
    const [reportRows, invRows, decisionRows, journalRows, assignee] = await oneByOne([
      tx
        .select({ report: reports, protection: protectionAssessments, pre: preAssessments })
        .from(reports)
        .leftJoin(protectionAssessments, eq(protectionAssessments.reportId, reports.id))
        .leftJoin(preAssessments, eq(preAssessments.reportId, reports.id))
        .where(eq(reports.caseId, caseId))
        .orderBy(asc(reports.receivedAt)),
      tx.select().from(investigations).where(eq(investigations.caseId, caseId)).orderBy(asc(investigations.openedOn)),
      tx
        .select({ d: decisions, name: users.displayName })
        .from(decisions)
        .innerJoin(users, eq(users.id, decisions.decidedBy))
        .where(eq(decisions.caseId, caseId))
        .orderBy(asc(decisions.decidedAt)),
      tx
        .select({ j: journalEntries, name: users.displayName })
        .from(journalEntries)
        .innerJoin(users, eq(users.id, journalEntries.authorId))
        .where(eq(journalEntries.caseId, caseId))
        .orderBy(asc(journalEntries.createdAt)),
      c.assignedTo ? tx.select({ name: users.displayName }).from(users).where(eq(users.id, c.assignedTo)) : Promise.resolve([]),
    ]);
    const coHandlers = await currentCoHandlers(tx, caseId);
    await audit(tx, actor, {
      action: "case.read",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
    });
    return {
      id: c.id,
      personId: c.personId,
      personName: `${row.firstName} ${row.lastName}`,
      protectedIdentity: row.protectedIdentity,
      personBirthDate: row.birthDate,
      districtId: c.districtId,
      unitId: c.unitId,
      assignedTo: c.assignedTo,
      assignedToName: assignee[0]?.name ?? null,
      coHandlers,
      openedAt: c.openedAt.toISOString(),
      closedAt: iso(c.closedAt),
      closeReason: c.closeReason,
      closeOutcome: c.closeOutcome,
      reports: reportRows.map(({ report: r, protection: p, pre }) => ({
        id: r.id,
        kind: r.kind,
        receivedAt: r.receivedAt.toISOString(),
        reporterCategory: r.reporterCategory,
        reporterOrganisation: r.reporterOrganisation,
        concerns: r.concerns,
        text: r.text,
        isReReferral: r.isReReferral,
        protection: p
          ? { assessedAt: p.assessedAt.toISOString(), immediateProtectionNeeded: p.immediateProtectionNeeded, notes: p.notes }
          : null,
        preAssessment: pre
          ? {
              decidedAt: pre.decidedAt.toISOString(),
              outcome: pre.outcome,
              reason: pre.reason,
              investigationId: pre.investigationId,
              linkedInvestigationId: pre.linkedInvestigationId,
            }
          : null,
      })),
      investigations: invRows.map((i) => ({
        id: i.id,
        openedOn: i.openedOn,
        extendedTo: i.extendedTo,
        completedOn: i.completedOn,
        guardiansDeclined: i.guardiansDeclined,
        methods: i.methods,
        noAssessmentReason: isNoAssessmentReason(i.noAssessmentReason) ? i.noAssessmentReason : null,
        noAssessmentNote: i.noAssessmentReason ? i.noAssessmentNote : null,
      })),
      decisions: decisionRows.map(({ d, name }) => ({
        id: d.id,
        type: d.type,
        investigationId: d.investigationId,
        decidedAt: d.decidedAt.toISOString(),
        decidedBy: d.decidedBy,
        decidedByName: name,
        decidedAsRole: d.decidedAsRole,
        reason: d.reason,
      })),
      journal: journalRows.map(({ j, name }) => ({
        id: j.id,
        step: j.step,
        text: j.text,
        authorId: j.authorId,
        authorName: name,
        createdAt: j.createdAt.toISOString(),
        signedAt: iso(j.signedAt),
        correctsId: j.correctsId,
      })),
    };
  });
}

export async function listCases({ db }: Database, actor: Actor, input: z.infer<typeof caseListQuery>, now: Date) {
  const after = input.cursor ? decodeCursor(input.cursor, ["timestamp", "uuid"]) : null;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        c: cases,
        firstName: persons.firstName,
        lastName: persons.lastName,
        districtName: districts.name,
        assignedToName: users.displayName,
        coHandledByMe: coHandledBy(actor.userId),
      })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(districts, eq(districts.id, cases.districtId))
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(
        and(
          caseScope(actor),
          input.personId ? eq(cases.personId, input.personId) : undefined,
          input.status === "open" ? isNull(cases.closedAt) : input.status === "closed" ? isNotNull(cases.closedAt) : undefined,
          // "My cases": those I am responsible for and those I work as medhandläggare.
          input.assignedTo === "me"
            ? handledBy(actor.userId)
            : input.assignedTo === "none"
              ? isNull(cases.assignedTo)
              : undefined,
          after
            ? or(
                lt(cases.openedAt, new Date(String(after[0]))),
                and(eq(cases.openedAt, new Date(String(after[0]))), lt(cases.id, String(after[1]))),
              )
            : undefined,
        ),
      )
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    await audit(
      tx,
      actor,
      page.map((r) => ({
        action: "case.list_result",
        permission: "case:read" as const,
        personId: r.c.personId,
        recordType: "case",
        recordId: r.c.id,
      })),
    );
    const last = page.at(-1);
    // Each case's running clocks, so a handläggare sees "my cases and their clocks" in one list.
    const clocks = await collectClocks(
      tx,
      actor,
      { caseIds: page.map((r) => r.c.id), includeMet: false, dueSoonDays: DUE_SOON_DAYS },
      now,
    );
    return {
      items: page.map((r) => ({
        id: r.c.id,
        personId: r.c.personId,
        personName: `${r.firstName} ${r.lastName}`,
        districtId: r.c.districtId,
        districtName: r.districtName,
        assignedTo: r.c.assignedTo,
        assignedToName: r.assignedToName,
        coHandledByMe: r.coHandledByMe,
        openedAt: r.c.openedAt.toISOString(),
        closedAt: iso(r.c.closedAt),
        clocks: clocks
          .filter((k) => k.caseId === r.c.id)
          .sort((a, b) => byInstant(a.dueAt, b.dueAt))
          .map((k) => ({ clock: k.clock, state: k.state, dueDate: k.dueDate, daysLeft: k.daysLeft })),
      })),
      nextCursor: rows.length > input.limit && last ? encodeCursor([last.c.openedAt.toISOString(), last.c.id]) : null,
    };
  });
}

/** Beslut after an investigation (bistånd, avslag, ingen åtgärd, LVU) or the 2-month uppföljning. */
export async function takeDecision(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof decisionBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    const decidedAt = new Date(input.decidedAt);
    const inv = await decisionInvestigation(tx, c, { ...input, decidedAt }, now);
    const decision = await recordCaseDecision(tx, actor, c, inv.id, { ...input, decidedAt });
    return {
      id: decision.id,
      type: decision.type as DecisionType,
      decidedAt: decision.decidedAt.toISOString(),
      decidedAsRole: decision.decidedAsRole,
    };
  });
}

type DecisionInput = Pick<z.infer<typeof decisionBody>, "type" | "reason" | "investigationId" | "insats">;

/**
 * What a decision of takeDecision's kinds needs before it is taken: a case that accepts it and the
 * investigation it rests on (the one named, else the latest), completed — or, for the uppföljning,
 * completed with the guardians declining — and a decision day within it. Shared with the förslag
 * till beslut, checked when the proposal is sent and again when it is approved.
 */
export async function decisionInvestigation(
  tx: Db | Tx,
  c: { id: string; closedAt: Date | null },
  input: Pick<DecisionInput, "type" | "investigationId"> & { decidedAt: Date },
  now: Date,
) {
  requireAccepts(c, input.type === "uppfoljning" ? "uppfoljning" : "decision");
  const [inv] = input.investigationId
    ? await tx
        .select()
        .from(investigations)
        .where(and(eq(investigations.id, input.investigationId), eq(investigations.caseId, c.id)))
    : await tx
        .select()
        .from(investigations)
        .where(eq(investigations.caseId, c.id))
        .orderBy(desc(investigations.openedOn))
        .limit(1);
  if (input.investigationId && !inv) {
    throw badRequest("unknown_investigation", "Utredningen hör inte till ärendet / Not this case's investigation", [
      { path: "body.investigationId", message: "Finns inte i ärendet" },
    ]);
  }
  if (!inv)
    throw outOfOrder(
      "Beslut kräver en utredning: gör förhandsbedömningen först / A decision needs an investigation first",
      "body.type",
    );
  if (input.type === "uppfoljning") {
    if (!inv.completedOn || !inv.guardiansDeclined) {
      throw outOfOrder(
        "Uppföljning beslutas efter avslutad utredning där vårdnadshavarna tackat nej / Follow-up only after a completed investigation that guardians declined",
      );
    }
  } else if (inv.completedOn === null) {
    throw outOfOrder("Avsluta utredningen innan beslut / Complete the investigation before deciding", "body.type");
  }
  requireDayWithin(stockholmDate(input.decidedAt), inv.openedOn, now, "body.decidedAt", "utredningen inleddes");
  return inv;
}

/** Records the decision in the actor's name, as their delegation allows (else 409 no_delegation), and audits it. */
export async function recordCaseDecision(
  tx: Db | Tx,
  actor: Actor,
  c: { id: string; districtId: string; personId: string },
  investigationId: string,
  input: Pick<DecisionInput, "type" | "reason" | "insats"> & { decidedAt: Date },
) {
  const decision = await recordDecision(tx, actor, {
    caseId: c.id,
    districtId: c.districtId,
    investigationId,
    type: input.type,
    decidedAt: input.decidedAt,
    reason: input.reason,
    details: input.insats ? { insats: input.insats } : undefined,
  });
  await audit(tx, actor, {
    action: "case.decision",
    permission: "case:write",
    personId: c.personId,
    recordType: "decision",
    recordId: decision.id,
    details: { type: input.type },
  });
  return decision;
}

/** Journal: signed entries never change; a correction is a new entry referring to the old one. */
export async function addJournalEntry(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof journalBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    requireAccepts(c, input.correctsId ? "journal_correction" : "journal");
    if (input.correctsId) {
      const [old] = await tx
        .select()
        .from(journalEntries)
        .where(and(eq(journalEntries.id, input.correctsId), eq(journalEntries.caseId, caseId)));
      if (!old)
        throw badRequest("unknown_entry", "Anteckningen finns inte i ärendet / No such entry", [
          { path: "body.correctsId", message: "Finns inte" },
        ]);
    }
    const [row] = await tx
      .insert(journalEntries)
      .values({
        caseId,
        authorId: actor.userId,
        step: input.step,
        text: input.text,
        createdAt: now,
        signedAt: input.sign ? now : null,
        correctsId: input.correctsId ?? null,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "journal.create",
      permission: "case:write",
      personId: c.personId,
      recordType: "journal_entry",
      recordId: row.id,
    });
    return { id: row.id, signedAt: iso(row.signedAt) };
  });
}

export async function updateJournalEntry(
  { db }: Database,
  actor: Actor,
  entryId: string,
  text: string,
  sign: boolean,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(journalEntries).where(eq(journalEntries.id, entryId));
    if (!entry) throw notFound();
    const { case: c } = await caseForWrite(tx, actor, entry.caseId, "case:write");
    if (entry.authorId !== actor.userId) throw notFound();
    if (entry.signedAt) {
      throw outOfOrder(
        "En signerad anteckning kan inte ändras: skriv en rättelse / A signed entry cannot be changed: write a correction",
      );
    }
    await tx
      .update(journalEntries)
      .set({ text, signedAt: sign ? now : null })
      .where(eq(journalEntries.id, entryId));
    await audit(tx, actor, {
      action: sign ? "journal.sign" : "journal.update",
      permission: "case:write",
      personId: c.personId,
      recordType: "journal_entry",
      recordId: entryId,
    });
    return { id: entryId, signedAt: sign ? now.toISOString() : null };
  });
}

export async function closeCase({ db }: Database, actor: Actor, caseId: string, input: z.infer<typeof closeCaseBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    if (c.closedAt) throw outOfOrder("Ärendet är redan avslutat / Already closed");
    const [reason] = await tx
      .select()
      .from(closeReasons)
      .where(and(eq(closeReasons.code, input.reason), eq(closeReasons.active, true)));
    if (!reason)
      throw badRequest("unknown_reason", "Okänd orsakskod / Unknown reason code", [
        { path: "body.reason", message: "Välj ur listan" },
      ]);
    const closedAt = new Date(input.closedAt);
    requireWithin(closedAt, c.openedAt, now, "body.closedAt", "ärendet öppnades");
    const [running] = await tx
      .select({ id: investigations.id })
      .from(investigations)
      .where(and(eq(investigations.caseId, caseId), isNull(investigations.completedOn)));
    if (running) throw outOfOrder("Avsluta utredningen först / Complete the investigation first");
    const [pending] = await tx
      .select({ id: reports.id })
      .from(reports)
      .leftJoin(preAssessments, eq(preAssessments.reportId, reports.id))
      .where(and(eq(reports.caseId, caseId), isNull(preAssessments.reportId)));
    if (pending) throw outOfOrder("En anmälan saknar förhandsbedömning / A report lacks its pre-assessment");
    await tx.update(cases).set({ closedAt, closeReason: input.reason, closeOutcome: input.outcome }).where(eq(cases.id, caseId));
    await audit(tx, actor, {
      action: "case.close",
      permission: "case:write",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { reason: input.reason },
    });
    return { id: caseId, closedAt: closedAt.toISOString() };
  });
}

/** Enhetschef assigns a case to a handläggare of a unit in the case's district. */
export async function assignCase({ db }: Database, actor: Actor, caseId: string, input: z.infer<typeof assignBody>) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:assign");
    requireAccepts(c, "assignment");
    const target = await caseWorkerOfDistrict(tx, input.userId, c.districtId, input.unitId);
    if (!target) throw notACaseWorker();
    await tx.update(cases).set({ assignedTo: input.userId, unitId: target.unitId }).where(eq(cases.id, caseId));
    await endCoHandlingOnAssignment(tx, actor, caseId, input.userId);
    await audit(tx, actor, {
      action: "case.assign",
      permission: "case:assign",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { userId: input.userId },
    });
    return { id: caseId, assignedTo: input.userId, unitId: target.unitId };
  });
}

/** Open cases per handläggare in the enhetschef's districts: counts only, no personal data. */
export async function caseload({ db }: Database, actor: Actor) {
  const districts = districtsWithPermission(actor, "case:assign");
  if (districts.length === 0) return { items: [] };
  const rows = await db
    .select({ userId: users.id, name: users.displayName, unitId: userRoles.unitId, unitName: units.name, open: count(cases.id) })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .leftJoin(cases, and(eq(cases.assignedTo, users.id), isNull(cases.closedAt)))
    .where(and(eq(userRoles.role, "handlaggare"), inArray(units.districtId, districts), eq(users.active, true)))
    .groupBy(users.id, users.displayName, userRoles.unitId, units.name)
    .orderBy(desc(count(cases.id)), asc(users.displayName));
  return { items: rows.map((r) => ({ ...r, open: Number(r.open) })) };
}

export async function listCloseReasons({ db }: Database) {
  return { items: await db.select().from(closeReasons).where(eq(closeReasons.active, true)).orderBy(asc(closeReasons.label)) };
}
