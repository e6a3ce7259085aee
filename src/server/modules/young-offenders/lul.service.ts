import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type {
  createYttrandeBody,
  sendYttrandeBody,
  signYttrandeBody,
  updateYttrandeBody,
  YttrandeView,
} from "../../../contracts/young-offenders";
import { clockState } from "../../../domain/clocks";
import {
  dueDateProblem,
  LEGAL_BASIS,
  missingForSigning,
  type YttrandeRequester,
  yttrandeCompletedAt,
  yttrandeDeadline,
  yttrandeStatus,
} from "../../../domain/lul/yttrande";
import { startOfStockholmDay, stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { assessments, decisions, investigations, lulYttranden, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { caseForWrite } from "../cases/access";
import { recordDecision } from "../cases/decisions";
import { requireDayWithin, requireWithin } from "../cases/rules";
import { auditCaseRecord, listCaseRecords, registerOnOpenCase } from "./case-record";

type Row = typeof lulYttranden.$inferSelect & { signedByName: string | null; signedAsRole: string | null };

const selectView = {
  y: lulYttranden,
  signedByName: users.displayName,
  signedAsRole: decisions.decidedAsRole,
};

function view(r: Row, now: Date): YttrandeView {
  const deadline = yttrandeDeadline(r.dueOn);
  const completedAt = yttrandeCompletedAt(r.sentOn);
  const { state, daysLeft } = clockState({ deadline, completedAt, now });
  return {
    id: r.id,
    caseId: r.caseId,
    requesterKind: r.requesterKind as YttrandeView["requesterKind"],
    requesterReference: r.requesterReference,
    offenceCategory: r.offenceCategory as YttrandeView["offenceCategory"],
    legalBasis: LEGAL_BASIS[r.requesterKind as YttrandeRequester],
    askedOn: r.askedOn,
    dueOn: r.dueOn,
    previousMeasures: r.previousMeasures,
    needAssessment: r.needAssessment,
    plannedMeasures: r.plannedMeasures,
    youngPersonsView: r.youngPersonsView,
    proposedMeasure: r.proposedMeasure as YttrandeView["proposedMeasure"],
    investigationIds: r.investigationIds,
    assessmentIds: r.assessmentIds,
    status: yttrandeStatus(r),
    signedAt: r.signedAt?.toISOString() ?? null,
    signedByName: r.signedByName,
    signedAsRole: r.signedAsRole,
    decisionId: r.decisionId,
    sentOn: r.sentOn,
    clock: {
      state,
      dueDate: deadline.dueDate,
      dueAt: deadline.dueAt.toISOString(),
      daysLeft,
      completedAt: completedAt?.toISOString() ?? null,
    },
  };
}

async function readRows(tx: Db | Tx, where: ReturnType<typeof eq>): Promise<Row[]> {
  const rows = await tx
    .select(selectView)
    .from(lulYttranden)
    .leftJoin(users, eq(users.id, lulYttranden.signedBy))
    .leftJoin(decisions, eq(decisions.id, lulYttranden.decisionId))
    .where(where)
    .orderBy(asc(lulYttranden.askedOn), asc(lulYttranden.createdAt));
  return rows.map((r) => ({ ...r.y, signedByName: r.signedByName, signedAsRole: r.signedAsRole }));
}

async function readOne(tx: Db | Tx, id: string): Promise<Row> {
  const [row] = await readRows(tx, eq(lulYttranden.id, id));
  if (!row) throw notFound();
  return row;
}

/**
 * A yttrande the actor may change: found, its case in their scope with case:write (else 404), the
 * case row locked so two commands on it run one after the other, then read again under the lock.
 */
async function yttrandeForWrite(tx: Tx, actor: Actor, id: string) {
  const [found] = await tx.select({ caseId: lulYttranden.caseId }).from(lulYttranden).where(eq(lulYttranden.id, id));
  if (!found) throw notFound();
  const c = await caseForWrite(tx, actor, found.caseId, "case:write");
  await tx.select({ id: lulYttranden.id }).from(lulYttranden).where(eq(lulYttranden.id, id)).for("update");
  return { c, y: await readOne(tx, id) };
}

const auditYttrande = (
  tx: Tx,
  actor: Actor,
  action: string,
  y: { id: string; personId: string },
  details?: Record<string, unknown>,
) => auditCaseRecord(tx, actor, "lul_yttrande", action, y, details);

/** The case's yttranden, each with its clock (audited as one read of the person's case). */
export async function listYttranden({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await listCaseRecords(tx, actor, caseId, "lul_yttrande.list", () =>
      readRows(tx, eq(lulYttranden.caseId, caseId)),
    );
    return { items: rows.map((r) => view(r, now)) };
  });
}

/** Registers a request for a yttrande on the young person's open case. */
export async function createYttrande(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createYttrandeBody>,
  now: Date,
) {
  if (input.askedOn > stockholmDate(now)) {
    throw badRequest("in_future", "Datumet ligger i framtiden / The date is in the future", [
      { path: "body.askedOn", message: "Framtida datum" },
    ]);
  }
  if (dueDateProblem(input.askedOn, input.dueOn)) {
    throw badRequest("due_before_asked", "Sista dag för yttrandet ligger före begäran / The due date is before the request", [
      { path: "body.dueOn", message: "Före begärandedatum / Before the date asked" },
    ]);
  }
  return db.transaction(async (tx) => {
    const id = await registerOnOpenCase(
      tx,
      actor,
      caseId,
      { recordType: "lul_yttrande", action: "lul_yttrande.create", details: { requester: input.requesterKind } },
      async (owner) =>
        (
          await tx
            .insert(lulYttranden)
            .values({ ...owner, ...input })
            .returning({ id: lulYttranden.id })
        )[0]?.id,
    );
    return view(await readOne(tx, id), now);
  });
}

/** Writes the yttrande's sections, proposed measure and references; a signed yttrande is final. */
export async function updateYttrande(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateYttrandeBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { y } = await yttrandeForWrite(tx, actor, id);
    if (y.signedAt) throw conflict("yttrande_signed", "Yttrandet är signerat och kan inte ändras / Signed: it cannot change", []);
    if (input.investigationIds?.length) {
      const found = await tx
        .select({ id: investigations.id })
        .from(investigations)
        .where(and(inArray(investigations.id, input.investigationIds), eq(investigations.caseId, y.caseId)));
      const known = new Set(found.map((f) => f.id));
      const fields = input.investigationIds
        .map((inv, i) => (known.has(inv) ? null : { path: `body.investigationIds.${i}`, message: "Inte en utredning i ärendet" }))
        .filter((f) => f !== null);
      if (fields.length) throw badRequest("unknown_investigation", "Utredningen hör inte till ärendet / Not this case's", fields);
    }
    if (input.assessmentIds?.length) {
      const found = await tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(
          and(inArray(assessments.id, input.assessmentIds), eq(assessments.caseId, y.caseId), isNotNull(assessments.signedAt)),
        );
      const known = new Set(found.map((f) => f.id));
      const fields = input.assessmentIds
        .map((a, i) =>
          known.has(a) ? null : { path: `body.assessmentIds.${i}`, message: "Inte en signerad bedömning i ärendet" },
        )
        .filter((f) => f !== null);
      if (fields.length)
        throw badRequest(
          "unknown_assessment",
          "Endast ärendets signerade bedömningar / Only this case's signed assessments",
          fields,
        );
    }
    await tx.update(lulYttranden).set(input).where(eq(lulYttranden.id, id));
    await auditYttrande(tx, actor, "lul_yttrande.update", y, { fields: Object.keys(input) });
    return view(await readOne(tx, id), now);
  });
}

/**
 * Signs the yttrande: the nämnd's decision to issue it, taken under the district's delegation
 * (decision type lul_yttrande). Needs the assessment of need and a proposed measure (LUL 11 §
 * tredje stycket). Refused without delegation (409), nothing written.
 */
export async function signYttrande(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof signYttrandeBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { c, y } = await yttrandeForWrite(tx, actor, id);
    if (y.signedAt)
      throw conflict("out_of_order", "Yttrandet är redan signerat / Already signed", [{ path: "body", message: "Signerat" }]);
    const missing = missingForSigning(y);
    if (missing.length) {
      throw badRequest(
        "yttrande_incomplete",
        "Bedömning och föreslagen åtgärd krävs (11 § LUL) / The assessment and a proposed measure are required",
        missing.map((m) => ({ path: `yttrande.${m}`, message: "Saknas / Missing" })),
      );
    }
    const signedAt = new Date(input.signedAt);
    requireWithin(signedAt, startOfStockholmDay(y.askedOn), now, "body.signedAt", "begäran");
    const decision = await recordDecision(tx, actor, {
      caseId: y.caseId,
      districtId: c.case.districtId,
      type: "lul_yttrande",
      decidedAt: signedAt,
      reason: `Yttrande enligt ${LEGAL_BASIS[y.requesterKind as YttrandeRequester]}`,
      details: { yttrandeId: id, proposedMeasure: y.proposedMeasure },
    });
    await tx
      .update(lulYttranden)
      .set({ signedAt, signedBy: actor.userId, decisionId: decision.id })
      .where(eq(lulYttranden.id, id));
    await auditYttrande(tx, actor, "lul_yttrande.sign", y, { decisionId: decision.id });
    return view(await readOne(tx, id), now);
  });
}

/** Records the day the signed yttrande was sent: the clock is met (or met late) on that day. */
export async function sendYttrande(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof sendYttrandeBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { y } = await yttrandeForWrite(tx, actor, id);
    if (!y.signedAt)
      throw conflict("out_of_order", "Signera yttrandet innan det skickas / Sign it before sending", [
        { path: "body", message: "Ej signerat" },
      ]);
    if (y.sentOn)
      throw conflict("out_of_order", "Yttrandet är redan skickat / Already sent", [{ path: "body.sentOn", message: "Skickat" }]);
    requireDayWithin(input.sentOn, stockholmDate(y.signedAt), now, "body.sentOn", "signeringen");
    await tx.update(lulYttranden).set({ sentOn: input.sentOn }).where(eq(lulYttranden.id, id));
    await auditYttrande(tx, actor, "lul_yttrande.send", y, { sentOn: input.sentOn });
    return view(await readOne(tx, id), now);
  });
}
