import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { createChildViewBody, createNoticeBody, Participation } from "../../../contracts/guardians";
import {
  childViewProblem,
  childViewProvision,
  childViewTargetProblem,
  completionChildViewProblem,
  uninformedCustodians,
} from "../../../domain/guardians/rules";
import type {
  ChildViewStage,
  GuardianPosition,
  InformMethod,
  NotHeardReason,
  Relation,
} from "../../../domain/guardians/vocabulary";
import { stockholmDate } from "../../../domain/time";
import { type Database, oneByOne, type Tx } from "../../db/connection";
import { childViews, guardianNotices, investigations, personRelations, persons, reports, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { caseForWrite, caseInScope, investigationForWrite, requireAccepts } from "../cases/access";
import { outOfOrder, requireDayWithin } from "../cases/rules";
import { isUniqueViolation, problemError } from "./problems";
import { hiddenAs, liveRelations } from "./relations.service";

type GuardianRef = Participation["custodians"][number];
const ref = (
  actor: Actor,
  r: { relationId: string; relation: string; firstName: string; lastName: string; protectedIdentity: boolean; inScope: boolean },
): GuardianRef => {
  const hidden = hiddenAs(actor, r);
  return {
    relationId: r.relationId,
    relation: r.relation as Relation,
    hidden,
    name: hidden ? null : `${r.firstName} ${r.lastName}`,
  };
};

/**
 * The case's guardians and the child's voice: the child's custodial guardians, for each
 * investigation who was informed (when, how, their position) and who not yet, and every documented
 * view of the child with the law in force on its day.
 */
export async function getParticipation({ db }: Database, actor: Actor, caseId: string): Promise<Participation> {
  return db.transaction(async (tx) => {
    const { case: c } = await caseInScope(tx, actor, caseId);
    const invRows = await tx
      .select({ id: investigations.id })
      .from(investigations)
      .where(eq(investigations.caseId, caseId))
      .orderBy(asc(investigations.openedOn), asc(investigations.id));
    const invIds = invRows.map((i) => i.id);
    const [custodians, notices, views] = await oneByOne([
      liveRelations(tx, actor, c.personId, true),
      invIds.length
        ? tx
            .select({
              id: guardianNotices.id,
              investigationId: guardianNotices.investigationId,
              guardianId: guardianNotices.guardianId,
              relationId: guardianNotices.relationId,
              relation: personRelations.relation,
              informedOn: guardianNotices.informedOn,
              method: guardianNotices.method,
              position: guardianNotices.position,
              note: guardianNotices.note,
              recordedByName: users.displayName,
              firstName: persons.firstName,
              lastName: persons.lastName,
              protectedIdentity: persons.protectedIdentity,
              inScope: personScope(actor).mapWith(Boolean),
            })
            .from(guardianNotices)
            .innerJoin(personRelations, eq(personRelations.id, guardianNotices.relationId))
            .innerJoin(persons, eq(persons.id, guardianNotices.guardianId))
            .innerJoin(users, eq(users.id, guardianNotices.recordedBy))
            .where(inArray(guardianNotices.investigationId, invIds))
            .orderBy(asc(guardianNotices.informedOn), asc(guardianNotices.id))
        : Promise.resolve([]),
      tx
        .select({ v: childViews, recordedByName: users.displayName })
        .from(childViews)
        .innerJoin(users, eq(users.id, childViews.recordedBy))
        .where(eq(childViews.caseId, caseId))
        .orderBy(asc(childViews.recordedOn), asc(childViews.recordedAt)),
    ]);
    await audit(tx, actor, {
      action: "case.participation_read",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { custodians: custodians.length, notices: notices.length, childViews: views.length },
    });
    const custodianRefs = custodians.map((r) => ({ ...ref(actor, r), guardianId: r.personId, custody: r.custody }));
    return {
      custodians: custodianRefs.map(({ guardianId: _g, custody: _c, ...r }) => r),
      investigations: invIds.map((investigationId) => {
        const own = notices.filter((n) => n.investigationId === investigationId);
        return {
          investigationId,
          notices: own.map((n) => ({
            ...ref(actor, n),
            id: n.id,
            informedOn: n.informedOn,
            method: n.method as InformMethod,
            position: n.position as GuardianPosition | null,
            note: n.note,
            recordedByName: n.recordedByName,
          })),
          uninformed: uninformedCustodians(
            custodianRefs,
            own.map((n) => n.guardianId),
          ).map(({ guardianId: _g, custody: _c, ...r }) => r),
          childViewDocumented: views.some((v) => v.v.investigationId === investigationId && v.v.stage === "utredning"),
        };
      }),
      childViews: views.map(({ v, recordedByName }) => ({
        id: v.id,
        stage: v.stage as ChildViewStage,
        reportId: v.reportId,
        investigationId: v.investigationId,
        recordedOn: v.recordedOn,
        view: v.view,
        notHeardReason: v.notHeardReason as NotHeardReason | null,
        notHeardNote: v.notHeardNote,
        recordedByName,
        citation: childViewProvision(v.recordedOn).citation,
      })),
    };
  });
}

/** A custodial guardian informed of the investigation: once per guardian and investigation. */
export async function recordNotice(
  { db }: Database,
  actor: Actor,
  investigationId: string,
  input: z.infer<typeof createNoticeBody>,
  now: Date,
) {
  try {
    return await db.transaction(async (tx) => {
      // caseForWrite locks the case row: two notices at once run one after the other.
      const { investigation: inv, case: c } = await investigationForWrite(tx, actor, investigationId, "case:write");
      requireAccepts(c, "record");
      requireDayWithin(input.informedOn, inv.openedOn, now, "body.informedOn", "utredningen inleddes");
      const [relation] = await tx
        .select({ id: personRelations.id, guardianId: personRelations.relatedPersonId, custody: personRelations.custody })
        .from(personRelations)
        .where(
          and(
            eq(personRelations.id, input.relationId),
            eq(personRelations.childId, inv.personId),
            isNull(personRelations.removedAt),
          ),
        );
      if (!relation?.custody) {
        throw badRequest("not_a_custodian", "Personen är inte vårdnadshavare för barnet / Not a guardian of the child", [
          { path: "body.relationId", message: "Välj en av barnets vårdnadshavare / Choose one of the child's guardians" },
        ]);
      }
      const [already] = await tx
        .select({ id: guardianNotices.id })
        .from(guardianNotices)
        .where(and(eq(guardianNotices.investigationId, investigationId), eq(guardianNotices.guardianId, relation.guardianId)));
      if (already) throw noticeExists();
      const [row] = await tx
        .insert(guardianNotices)
        .values({
          investigationId,
          guardianId: relation.guardianId,
          relationId: relation.id,
          informedOn: input.informedOn,
          method: input.method,
          position: input.position ?? null,
          note: input.note?.length ? input.note : null,
          recordedBy: actor.userId,
        })
        .returning({ id: guardianNotices.id });
      if (!row) throw new Error("insert returned nothing");
      const details = { investigationId, method: input.method, position: input.position ?? null };
      await audit(tx, actor, [
        {
          action: "investigation.guardian_notice",
          permission: "case:write",
          personId: inv.personId,
          recordType: "guardian_notice",
          recordId: row.id,
          details,
        },
        {
          action: "investigation.guardian_notice",
          permission: "case:write",
          personId: relation.guardianId,
          recordType: "guardian_notice",
          recordId: row.id,
          details,
        },
      ]);
      return { id: row.id, investigationId, relationId: relation.id, informedOn: input.informedOn };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw noticeExists();
    throw e;
  }
}

const noticeExists = () =>
  conflict("notice_exists", "Vårdnadshavaren är redan registrerad som informerad / Already recorded as informed", [
    { path: "body.relationId", message: "Redan informerad om utredningen / Already informed of the investigation" },
  ]);

/** Barnets syn at the förhandsbedömning, in the investigation or at a follow-up. */
export async function recordChildView(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createChildViewBody>,
  now: Date,
) {
  const target = childViewTargetProblem(input.stage, input);
  if (target) throw problemError(target);
  const content = childViewProblem(input);
  if (content) throw problemError(content);
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    // A follow-up may come after the case is closed (like the uppföljning decision); the rest may not.
    requireAccepts(c, input.stage === "uppfoljning" ? "uppfoljning" : "record");
    let notBefore = stockholmDate(c.openedAt);
    if (input.reportId) {
      const [r] = await tx
        .select({ receivedAt: reports.receivedAt })
        .from(reports)
        .where(and(eq(reports.id, input.reportId), eq(reports.caseId, caseId)));
      if (!r)
        throw badRequest("unknown_report", "Anmälan hör inte till ärendet / Not a report of the case", [
          { path: "body.reportId", message: "Okänd anmälan / Unknown report" },
        ]);
      notBefore = stockholmDate(r.receivedAt);
    }
    if (input.investigationId) {
      const [i] = await tx
        .select({ openedOn: investigations.openedOn, completedOn: investigations.completedOn })
        .from(investigations)
        .where(and(eq(investigations.id, input.investigationId), eq(investigations.caseId, caseId)));
      if (!i)
        throw badRequest("unknown_investigation", "Utredningen hör inte till ärendet / Not an investigation of the case", [
          { path: "body.investigationId", message: "Okänd utredning / Unknown investigation" },
        ]);
      if (input.stage === "utredning") {
        if (i.completedOn)
          throw outOfOrder("Utredningen är redan avslutad / The investigation is completed", "body.investigationId");
        notBefore = i.openedOn;
      }
    }
    requireDayWithin(input.recordedOn, notBefore, now, "body.recordedOn", "det den hör till / what it belongs to");
    return insertChildView(tx, actor, {
      caseId,
      personId: c.personId,
      stage: input.stage,
      reportId: input.reportId ?? null,
      investigationId: input.investigationId ?? null,
      recordedOn: input.recordedOn,
      view: input.view,
      notHeardReason: input.notHeardReason,
      notHeardNote: input.notHeardNote,
    });
  });
}

async function insertChildView(
  tx: Tx,
  actor: Actor,
  v: {
    caseId: string;
    personId: string;
    stage: ChildViewStage;
    reportId: string | null;
    investigationId: string | null;
    recordedOn: string;
    view?: string | undefined;
    notHeardReason?: NotHeardReason | undefined;
    notHeardNote?: string | undefined;
  },
) {
  const heard = Boolean(v.view?.trim());
  const [row] = await tx
    .insert(childViews)
    .values({
      caseId: v.caseId,
      personId: v.personId,
      stage: v.stage,
      reportId: v.reportId,
      investigationId: v.investigationId,
      recordedOn: v.recordedOn,
      view: heard ? (v.view as string) : null,
      notHeardReason: heard ? null : (v.notHeardReason ?? null),
      notHeardNote: heard ? null : (v.notHeardNote ?? null),
      recordedBy: actor.userId,
    })
    .returning({ id: childViews.id });
  if (!row) throw new Error("insert returned nothing");
  await audit(tx, actor, {
    action: "case.child_view",
    permission: "case:write",
    personId: v.personId,
    recordType: "child_view",
    recordId: row.id,
    details: { stage: v.stage, heard, investigationId: v.investigationId, reportId: v.reportId },
  });
  return { id: row.id, stage: v.stage, recordedOn: v.recordedOn };
}

/**
 * Completing an investigation needs the child's view documented in it: already recorded, or given
 * with the completion (then stored here, in the completion's transaction). 400 on the field at
 * fault otherwise, and nothing is written.
 */
export async function requireChildViewOnCompletion(
  tx: Tx,
  actor: Actor,
  inv: { id: string; caseId: string; personId: string },
  input: {
    completedOn: string;
    childView?: string | undefined;
    childNotHeardReason?: NotHeardReason | undefined;
    childNotHeardNote?: string | undefined;
  },
): Promise<void> {
  const given = { view: input.childView, notHeardReason: input.childNotHeardReason, notHeardNote: input.childNotHeardNote };
  const [documented] = await tx
    .select({ id: childViews.id })
    .from(childViews)
    .where(and(eq(childViews.investigationId, inv.id), eq(childViews.stage, "utredning")))
    .limit(1);
  const problem = completionChildViewProblem(Boolean(documented), given);
  if (problem) throw problemError(problem);
  if (!given.view?.trim() && !given.notHeardReason) return;
  await insertChildView(tx, actor, {
    caseId: inv.caseId,
    personId: inv.personId,
    stage: "utredning",
    reportId: null,
    investigationId: inv.id,
    recordedOn: input.completedOn,
    ...given,
  });
}
