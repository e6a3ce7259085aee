import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { findingDeviation } from "../../../contracts/file-reviews";
import type { DeviationKind } from "../../../domain/deviations/vocabulary";
import { effectiveVerdict } from "../../../domain/file-review/criteria";
import { CRITERION_CODES, type CriterionCode, type Verdict } from "../../../domain/file-review/definitions";
import { roleHasPermission } from "../../../domain/roles";
import { startOfStockholmDay } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { cases, fileReviewFindingDeviations, fileReviewItems, fileReviews, units } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { conflict, notFound } from "../../platform/errors";
import { createDeviation } from "../deviations/service";
import { findingText, reviewInScope, type StoredVerdict, toItem } from "./service";

/**
 * What kind of avvikelse an unmet criterion is: a clock that ran out is a missed deadline, a missing
 * record is documentation, execution is the insats, and the reviewer's quality judgements are
 * case handling. The classification step may change it.
 */
export const DEVIATION_KIND_OF: Record<CriterionCode, DeviationKind> = {
  skyddsbedomning: "tidsfrist",
  forhandsbedomning: "tidsfrist",
  utredningstid: "tidsfrist",
  genomforandeplan: "tidsfrist",
  uppfoljning: "tidsfrist",
  overvagande: "tidsfrist",
  lvu_understallning: "tidsfrist",
  lvu_ansokan: "tidsfrist",
  lvu_overvagande: "tidsfrist",
  lvu_beslutsfattare: "handlaggning",
  verkstallighet: "insats",
  beslut_inleda: "dokumentation",
  koppling: "dokumentation",
  strukturerad_bedomning: "dokumentation",
  barnets_syn_utredning: "dokumentation",
  barnets_syn_insats: "dokumentation",
  vardplan: "dokumentation",
  analys_kvalitet: "handlaggning",
  plan_kvalitet: "handlaggning",
};

const isCriterion = (c: string): c is CriterionCode => (CRITERION_CODES as readonly string[]).includes(c);

/**
 * A finding of a review becomes an avvikelse in one step, in one transaction: the avvikelse
 * (createDeviation: the actor needs deviation:report in the file's district, and it is audited
 * there), the link from the finding to it, and an audit row of the review. The avvikelse is placed
 * in the unit handling the case (else the reviewer's own unit of the district), linked to the
 * investigation's case or to the insats, dated by the record the verdict rests on, and described
 * by the finding's text, which names no one. One avvikelse per finding in a series (409 for a
 * second); a finding the actor cannot see, or that is not one (the criterion met), is 404.
 */
export async function deviationFromFinding(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  findingId: string,
  now: Date,
): Promise<z.infer<typeof findingDeviation>> {
  const [itemId = "", code = ""] = findingId.split(":");
  if (!isCriterion(code)) throw notFound();
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId, true);
    // The series' rows, locked in the order newVersion locks them: two clicks on the same finding
    // (in this or another version) wait for each other, and the second finds the first's link.
    await tx.select({ id: fileReviews.id }).from(fileReviews).where(eq(fileReviews.seriesId, r.seriesId)).for("update");
    const [row] = await tx
      .select()
      .from(fileReviewItems)
      .where(and(eq(fileReviewItems.id, itemId), eq(fileReviewItems.reviewId, reviewId)));
    if (!row) throw notFound();
    const stored = (row.verdicts as StoredVerdict[]).find((v) => v.code === code);
    const answers = (row.answers ?? {}) as Partial<Record<CriterionCode, Verdict>>;
    if (!stored || effectiveVerdict(stored.verdict, answers[code]) !== "not_met") throw notFound();
    // Only where the actor may also report avvikelser; outside it the finding is not theirs to act on.
    if (!districtsWithPermission(actor, "deviation:report").includes(row.districtId)) throw notFound();

    const [existing] = await tx
      .select({ deviationId: fileReviewFindingDeviations.deviationId })
      .from(fileReviewFindingDeviations)
      .where(
        and(
          eq(fileReviewFindingDeviations.seriesId, r.seriesId),
          eq(fileReviewFindingDeviations.recordId, row.recordId),
          eq(fileReviewFindingDeviations.criterionCode, code),
        ),
      );
    if (existing)
      throw conflict(
        "deviation_exists",
        "En avvikelse är redan skapad för iakttagelsen / An avvikelse was already made from this finding",
      );

    const [handling] = await tx
      .select({ unitId: cases.unitId })
      .from(cases)
      .innerJoin(units, eq(units.id, cases.unitId))
      .where(and(eq(cases.id, row.caseId), eq(units.districtId, row.districtId)));
    const own = actor.assignments.find((a) => a.districtId === row.districtId && roleHasPermission(a.role, "deviation:report"));
    const unitId = handling?.unitId ?? own?.unitId;
    if (!unitId) throw notFound();

    const item = toItem({ ...row, personName: "" });
    const occurred = startOfStockholmDay(stored.ref?.date ?? row.fileDate);
    const text = findingText(item, code, stored.detail);
    const { id: deviationId } = await createDeviation(
      tx,
      actor,
      {
        unitId,
        occurredAt: (occurred.getTime() < now.getTime() ? occurred : now).toISOString(),
        kind: DEVIATION_KIND_OF[code],
        description: `Aktgranskning ${r.periodFrom}–${r.periodTo} (version ${r.version}): ${text}. Regel: ${stored.law}.`,
        ...(row.recordType === "insats" ? { insatsId: row.recordId } : { caseId: row.caseId }),
        origin: { kind: "file_review", reviewId, itemId, criterion: code },
      },
      now,
    );
    await tx.insert(fileReviewFindingDeviations).values({
      seriesId: r.seriesId,
      reviewId,
      itemId,
      recordId: row.recordId,
      criterionCode: code,
      deviationId,
      createdBy: actor.userId,
      createdAt: now,
    });
    await audit(tx, actor, {
      action: "file_review.finding_deviation",
      permission: "review:manage",
      personId: row.personId,
      recordType: row.recordType,
      recordId: row.recordId,
      details: { reviewId, itemId, criterion: code, deviationId },
    });
    return { findingId, deviationId };
  });
}
