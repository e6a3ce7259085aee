import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ControlPoint,
  createPlanBody,
  PlanDetail,
  PlanSummary,
  planQuery,
  pointBody,
  resultBody,
  systemResultBody,
  updatePlanBody,
  updatePointBody,
} from "../../../contracts/internal-control";
import { disclosure, Tally } from "../../../domain/disclosure/publish";
import { effectiveVerdict } from "../../../domain/file-review/criteria";
import type { Verdict } from "../../../domain/file-review/definitions";
import {
  type ControlArea,
  type ControlFrequency,
  type ControlMethod,
  type ControlMetric,
  figureKind,
  figureOutcome,
  formatFigure,
  formatTarget,
  type HandlingTimeFigures,
  type MetricTarget,
  metricValue,
  type NamndReport,
  type ResultOutcome,
  riskLevel,
  riskScore,
} from "../../../domain/governance/internal-control";
import { CONTROL_METRIC_LABELS } from "../../../domain/governance/labels";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import {
  districts,
  fileReviewItems,
  fileReviews,
  internalControlPlans,
  internalControlPoints,
  internalControlResults,
  users,
} from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { recordKeys } from "../../platform/record-keys";
import { handlingTimes } from "../handling-times/service";
import { field, requireDistricts, requireStaff, staffOfDistricts, staleRevision } from "./common";
import { internalControlPdf } from "./internal-control.pdf";

type PointInput = z.infer<typeof pointBody>;

const scope = (actor: Actor) => districtsWithPermission(actor, "review:manage");

const planCounts = {
  points: sql<number>`(select count(*)::int from ${internalControlPoints} where ${internalControlPoints.planId} = ${internalControlPlans.id})`,
  pointsWithResult: sql<number>`(select count(*)::int from ${internalControlPoints} p where p.plan_id = ${internalControlPlans.id}
    and exists (select 1 from ${internalControlResults} r where r.point_id = p.id))`,
};

function planQueryBase(db: Db | Tx) {
  return db
    .select({ plan: internalControlPlans, districtName: districts.name, ...planCounts })
    .from(internalControlPlans)
    .innerJoin(districts, eq(districts.id, internalControlPlans.districtId));
}
type PlanRow = Awaited<ReturnType<ReturnType<typeof planQueryBase>["execute"]>>[number];

const toSummary = (r: PlanRow): PlanSummary => ({
  id: r.plan.id,
  districtId: r.plan.districtId,
  districtName: r.districtName,
  year: r.plan.year,
  adoptedOn: r.plan.adoptedOn,
  points: Number(r.points),
  pointsWithResult: Number(r.pointsWithResult),
});

/** Who may be responsible for a control point: the staff of the actor's review districts. */
export function controlStaff({ db }: Database, actor: Actor) {
  return staffOfDistricts(db, scope(actor));
}

export async function listPlans({ db }: Database, actor: Actor, q: z.infer<typeof planQuery>) {
  const districtIds = scope(actor).filter((d) => !q.districtId || d === q.districtId);
  if (districtIds.length === 0) return { items: [] };
  const rows = await planQueryBase(db)
    .where(and(inArray(internalControlPlans.districtId, districtIds), q.year ? eq(internalControlPlans.year, q.year) : undefined))
    .orderBy(desc(internalControlPlans.year), asc(districts.name))
    .limit(200);
  return { items: rows.map(toSummary) };
}

async function planInScope(db: Db | Tx, actor: Actor, id: string): Promise<PlanRow> {
  const districtIds = scope(actor);
  if (districtIds.length === 0) throw notFound();
  const [row] = await planQueryBase(db).where(
    and(eq(internalControlPlans.id, id), inArray(internalControlPlans.districtId, districtIds)),
  );
  if (!row) throw notFound();
  return row;
}

export async function getPlan({ db }: Database, actor: Actor, id: string): Promise<PlanDetail> {
  const row = await planInScope(db, actor, id);
  const points = await db
    .select({ point: internalControlPoints, responsibleName: users.displayName })
    .from(internalControlPoints)
    .innerJoin(users, eq(users.id, internalControlPoints.responsibleId))
    .where(eq(internalControlPoints.planId, id))
    .orderBy(asc(internalControlPoints.createdAt), asc(internalControlPoints.id));
  const results = points.length
    ? await db
        .select({ result: internalControlResults, recordedByName: users.displayName })
        .from(internalControlResults)
        .innerJoin(users, eq(users.id, internalControlResults.recordedBy))
        .where(
          inArray(
            internalControlResults.pointId,
            points.map((p) => p.point.id),
          ),
        )
        .orderBy(asc(internalControlResults.performedOn), asc(internalControlResults.recordedAt))
    : [];
  return {
    ...toSummary(row),
    summary: row.plan.summary,
    revision: row.plan.revision,
    controlPoints: points.map(({ point: p, responsibleName }): ControlPoint => {
      const score = riskScore(p.probability, p.consequence);
      return {
        id: p.id,
        area: p.area as ControlArea,
        title: p.title,
        risk: p.risk,
        probability: p.probability,
        consequence: p.consequence,
        riskScore: score,
        riskLevel: riskLevel(score),
        method: p.method as ControlMethod,
        methodDescription: p.methodDescription,
        metric: p.metric,
        target: p.targetOp && p.targetValue !== null ? { op: p.targetOp as MetricTarget["op"], value: p.targetValue } : null,
        fileReviewId: p.fileReviewId,
        frequency: p.frequency as ControlFrequency,
        responsibleId: p.responsibleId,
        responsibleName,
        reportTo: p.reportTo as NamndReport,
        revision: p.revision,
        results: results
          .filter((r) => r.result.pointId === p.id)
          .map(({ result: r, recordedByName }) => ({
            id: r.id,
            performedOn: r.performedOn,
            periodFrom: r.periodFrom,
            periodTo: r.periodTo,
            outcome: r.outcome as ResultOutcome,
            comment: r.comment,
            deviationsFound: r.deviationsFound,
            source: r.source as "manuell" | "system",
            value: r.value,
            recordedByName,
            recordedAt: r.recordedAt.toISOString(),
          })),
      };
    }),
  };
}

/** The plan and its outcome as PDF for the nämnd; the export is audited. */
export async function planPdf(database: Database, actor: Actor, id: string, now: Date) {
  const plan = await getPlan(database, actor, id);
  const pdf = await internalControlPdf(plan, now);
  await audit(database.db, actor, {
    action: "internal_control.export",
    permission: "review:manage",
    recordType: "internal_control_plan",
    recordId: plan.id,
    details: { format: "pdf" },
  });
  return { year: plan.year, pdf };
}

export async function createPlan({ db }: Database, actor: Actor, input: z.infer<typeof createPlanBody>) {
  requireDistricts(scope(actor), [input.districtId], "body.districtId");
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(internalControlPlans)
      .values({ ...input, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: internalControlPlans.id, revision: internalControlPlans.revision });
    if (!plan) {
      throw conflict(
        "plan_exists",
        "Distriktet har redan en plan för året / The district already has a plan for the year",
        field("body.year", "Finns redan / Already exists"),
      );
    }
    await audit(tx, actor, {
      action: "internal_control.plan_create",
      permission: "review:manage",
      recordType: "internal_control_plan",
      recordId: plan.id,
      details: { districtId: input.districtId, year: input.year },
    });
    return plan;
  });
}

async function lockPlan(tx: Tx, actor: Actor, id: string) {
  const row = await planInScope(tx, actor, id);
  await tx
    .select({ id: internalControlPlans.id })
    .from(internalControlPlans)
    .where(eq(internalControlPlans.id, id))
    .for("update");
  return row;
}

export async function updatePlan({ db }: Database, actor: Actor, id: string, input: z.infer<typeof updatePlanBody>) {
  return db.transaction(async (tx) => {
    await lockPlan(tx, actor, id);
    const { revision, ...values } = input;
    const [plan] = await tx
      .update(internalControlPlans)
      .set({ ...values, revision: sql`${internalControlPlans.revision} + 1` })
      .where(and(eq(internalControlPlans.id, id), eq(internalControlPlans.revision, revision)))
      .returning({ id: internalControlPlans.id, revision: internalControlPlans.revision });
    if (!plan) throw staleRevision();
    await audit(tx, actor, {
      action: "internal_control.plan_update",
      permission: "review:manage",
      recordType: "internal_control_plan",
      recordId: id,
      details: { fields: Object.keys(values) },
    });
    return plan;
  });
}

/** A linked file review must exist and cover the plan's district. */
async function checkFileReview(tx: Tx, fileReviewId: string | null, districtId: string): Promise<void> {
  if (!fileReviewId) return;
  const [review] = await tx
    .select({ id: fileReviews.id })
    .from(fileReviews)
    .where(and(eq(fileReviews.id, fileReviewId), sql`${districtId}::uuid = any(${fileReviews.districtIds})`));
  if (!review) {
    throw badRequest(
      "unknown_file_review",
      "Aktgranskningen finns inte i distriktet / No such file review in the district",
      field("body.fileReviewId", "Okänd aktgranskning / Unknown file review"),
    );
  }
}

function pointValues(input: PointInput) {
  const { target, ...rest } = input;
  return { ...rest, targetOp: target?.op ?? null, targetValue: target?.value ?? null };
}

export async function addPoint({ db }: Database, actor: Actor, planId: string, input: PointInput) {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, actor, planId);
    await requireStaff(tx, input.responsibleId, [plan.plan.districtId], "body.responsibleId");
    await checkFileReview(tx, input.fileReviewId, plan.plan.districtId);
    const [point] = await tx
      .insert(internalControlPoints)
      .values({ ...pointValues(input), planId })
      .returning({ id: internalControlPoints.id, revision: internalControlPoints.revision });
    if (!point) throw new Error("insert failed");
    await audit(tx, actor, {
      action: "internal_control.point_create",
      permission: "review:manage",
      recordType: "internal_control_point",
      recordId: point.id,
      details: { planId, area: input.area, method: input.method, risk: riskScore(input.probability, input.consequence) },
    });
    return point;
  });
}

/** A control point the actor may change (in a plan of their districts), locked for the change. */
async function pointForChange(tx: Tx, actor: Actor, pointId: string) {
  const [point] = await tx.select().from(internalControlPoints).where(eq(internalControlPoints.id, pointId));
  if (!point) throw notFound();
  const plan = await planInScope(tx, actor, point.planId);
  await tx
    .select({ id: internalControlPoints.id })
    .from(internalControlPoints)
    .where(eq(internalControlPoints.id, pointId))
    .for("update");
  return { point, plan };
}

export async function updatePoint({ db }: Database, actor: Actor, pointId: string, input: z.infer<typeof updatePointBody>) {
  return db.transaction(async (tx) => {
    const { plan } = await pointForChange(tx, actor, pointId);
    const { revision, ...values } = input;
    await requireStaff(tx, values.responsibleId, [plan.plan.districtId], "body.responsibleId");
    await checkFileReview(tx, values.fileReviewId, plan.plan.districtId);
    const [point] = await tx
      .update(internalControlPoints)
      .set({ ...pointValues(values), revision: sql`${internalControlPoints.revision} + 1` })
      .where(and(eq(internalControlPoints.id, pointId), eq(internalControlPoints.revision, revision)))
      .returning({ id: internalControlPoints.id, revision: internalControlPoints.revision });
    if (!point) throw staleRevision();
    await audit(tx, actor, {
      action: "internal_control.point_update",
      permission: "review:manage",
      recordType: "internal_control_point",
      recordId: pointId,
      details: { method: values.method, risk: riskScore(values.probability, values.consequence) },
    });
    return point;
  });
}

async function insertResult(
  tx: Tx,
  actor: Actor,
  pointId: string,
  values: Omit<typeof internalControlResults.$inferInsert, "pointId" | "recordedBy">,
) {
  const [result] = await tx
    .insert(internalControlResults)
    .values({ ...values, pointId, recordedBy: actor.userId })
    .returning({ id: internalControlResults.id, outcome: internalControlResults.outcome, value: internalControlResults.value });
  if (!result) throw new Error("insert failed");
  await audit(tx, actor, {
    action: "internal_control.result",
    permission: "review:manage",
    recordType: "internal_control_point",
    recordId: pointId,
    details: {
      resultId: result.id,
      source: values.source,
      outcome: values.outcome,
      deviationsFound: values.deviationsFound ?? 0,
    },
  });
  return result;
}

/** A result recorded by a person: date, period, outcome, comment and the deviations found. */
export async function addResult({ db }: Database, actor: Actor, pointId: string, input: z.infer<typeof resultBody>, now: Date) {
  if (input.performedOn > stockholmDate(now)) {
    throw badRequest(
      "future_date",
      "Datumet ligger i framtiden / The date is in the future",
      field("body.performedOn", "I framtiden"),
    );
  }
  return db.transaction(async (tx) => {
    await pointForChange(tx, actor, pointId);
    return insertResult(tx, actor, pointId, { ...input, source: "manuell", value: null });
  });
}

/**
 * A result filled in by the system: the point's figure for the period (by default the plan year up
 * to today), taken from the handling-time report as published through the disclosure module (the
 * report writes its own audit row), judged against the point's target.
 */
export async function addSystemResult(
  database: Database,
  actor: Actor,
  pointId: string,
  input: z.infer<typeof systemResultBody>,
  now: Date,
) {
  const { db } = database;
  const [point] = await db.select().from(internalControlPoints).where(eq(internalControlPoints.id, pointId));
  if (!point) throw notFound();
  const plan = await planInScope(db, actor, point.planId);
  if (point.method === "aktgranskning") return fileReviewResult(database, actor, point, plan.plan.districtId, now);
  if (point.method !== "nyckeltal" || !point.metric) {
    throw badRequest(
      "not_a_system_figure",
      "Kontrollpunkten har ingen systemsiffra / The control point has no system figure",
      field("params.id", "Metoden är manuell / The method is manual"),
    );
  }
  const today = stockholmDate(now);
  const from = input.periodFrom ?? `${plan.plan.year}-01-01`;
  const yearEnd = `${plan.plan.year}-12-31`;
  const to = input.periodTo ?? (yearEnd < today ? yearEnd : today);
  if (to < from || from > today) {
    throw badRequest(
      "invalid_period",
      "Perioden är ogiltig eller har inte börjat / Invalid period",
      field("body.periodTo", "Ogiltig"),
    );
  }
  const report = await handlingTimes(database, actor, { from, to, districtId: plan.plan.districtId }, now);
  const all = {
    skyddsbedomning: report.skyddsbedomning.all,
    forhandsbedomning: report.forhandsbedomning.all,
    utredning: report.utredning.all,
  };
  const figures: HandlingTimeFigures = {
    skyddsbedomning: all.skyddsbedomning,
    forhandsbedomning: all.forhandsbedomning,
    utredning: { ...all.utredning.within4MonthsOrExtended, lateExtensions: all.utredning.lateExtensions },
  };
  const metric = point.metric as ControlMetric;
  const value = metricValue(metric, figures);
  const target = targetOf(point);
  const outcome = figureOutcome(value, target);
  const kind = figureKind("nyckeltal", metric);
  const shown = value === null ? "dold (röjandeskydd)" : formatFigure(value, kind);
  const comment = `${CONTROL_METRIC_LABELS[metric].sv}: ${shown}${target ? ` (mål ${formatTarget(target, kind)})` : ""}. Källa: handläggningstidsrapporten ${from}–${to}, röjandeskyddad (cell-key).`;
  return db.transaction(async (tx) => {
    await pointForChange(tx, actor, pointId);
    return insertResult(tx, actor, pointId, {
      performedOn: today,
      periodFrom: from,
      periodTo: to,
      outcome,
      comment,
      deviationsFound: 0,
      source: "system",
      value,
    });
  });
}

const targetOf = (p: typeof internalControlPoints.$inferSelect): MetricTarget | null =>
  p.targetOp && p.targetValue !== null ? { op: p.targetOp as MetricTarget["op"], value: p.targetValue } : null;

/**
 * The result of a control point checked by a file review: once the linked review is signed, the
 * share of decided criteria met over all its files (published through the disclosure module, with
 * the cell keys of the verdicts), judged against the point's target (every criterion met when it has
 * none); the deviations found are the review's unmet criteria, its findings.
 */
async function fileReviewResult(
  database: Database,
  actor: Actor,
  point: typeof internalControlPoints.$inferSelect,
  districtId: string,
  now: Date,
) {
  const { db } = database;
  const [review] = point.fileReviewId
    ? await db
        .select()
        .from(fileReviews)
        .where(and(eq(fileReviews.id, point.fileReviewId), sql`${districtId}::uuid = any(${fileReviews.districtIds})`))
    : [];
  if (!review) {
    throw badRequest(
      "no_file_review",
      "Koppla kontrollpunkten till en aktgranskning först / Link the control point to a file review first",
      field("body.fileReviewId", "Saknas / Missing"),
    );
  }
  if (!review.signedAt) {
    throw badRequest(
      "file_review_not_signed",
      "Aktgranskningen är inte signerad / The file review is not signed",
      field("body.fileReviewId", "Inte signerad / Not signed"),
    );
  }
  const items = await db
    .select({ id: fileReviewItems.id, verdicts: fileReviewItems.verdicts, answers: fileReviewItems.answers })
    .from(fileReviewItems)
    .where(eq(fileReviewItems.reviewId, review.id));
  const keyOf = await recordKeys(database);
  const met = new Tally();
  const decided = new Tally();
  for (const item of items) {
    const answers = (item.answers ?? {}) as Record<string, Verdict>;
    for (const v of item.verdicts as { code: string; verdict: Verdict }[]) {
      const verdict = effectiveVerdict(v.verdict, answers[v.code]);
      if (verdict !== "met" && verdict !== "not_met") continue;
      const key = keyOf(`${item.id}:${v.code}`);
      decided.add(key);
      if (verdict === "met") met.add(key);
    }
  }
  const notMet = decided.n - met.n;
  const value = disclosure.share(met, decided);
  const outcome = decided.n === 0 ? "ej_bedombar" : figureOutcome(met.n / decided.n, targetOf(point) ?? { op: ">=", value: 1 });
  const comment = `Aktgranskning ${review.periodFrom}–${review.periodTo}, ${items.length} akter, signerad ${stockholmDate(review.signedAt)}: andel uppfyllda kriterier ${value === null ? "dold (röjandeskydd)" : formatFigure(value, "share")}; ${notMet} brister (fynd) i granskningen.`;
  return db.transaction(async (tx) => {
    await pointForChange(tx, actor, point.id);
    return insertResult(tx, actor, point.id, {
      performedOn: stockholmDate(review.signedAt as Date),
      periodFrom: review.periodFrom,
      periodTo: review.periodTo,
      outcome,
      comment,
      deviationsFound: notMet,
      source: "system",
      value,
    });
  });
}
