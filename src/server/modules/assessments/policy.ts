import { and, eq, isNotNull, sql } from "drizzle-orm";
import { ASSESSMENT_CONCERNS } from "../../../domain/assessment-policy";
import type { Database, Tx } from "../../db/connection";
import { assessments, districts, reports } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";

interface Completion {
  noAssessmentReason?: string;
  noAssessmentNote?: string;
}

/**
 * The district's policy for completing an investigation: when the case concerns crime or violence,
 * either a signed structured assessment is linked to the investigation or the reason none was used
 * is documented (a reason code and an explanation). Returns what to store on the investigation.
 */
export async function checkAssessmentPolicy(
  tx: Tx,
  inv: { id: string; caseId: string; districtId: string },
  input: Completion,
): Promise<{ noAssessmentReason: string | null; noAssessmentNote: string | null }> {
  if (input.noAssessmentReason && !input.noAssessmentNote) {
    throw badRequest("reason_note_required", "Förklara skälet / Explain the reason", [
      { path: "body.noAssessmentNote", message: "Beskriv varför ingen strukturerad bedömning gjordes / Explain why" },
    ]);
  }
  const documented = {
    noAssessmentReason: input.noAssessmentReason ?? null,
    noAssessmentNote: input.noAssessmentReason ? (input.noAssessmentNote ?? null) : null,
  };
  const [policy] = await tx
    .select({ required: districts.requireStructuredAssessment })
    .from(districts)
    .where(eq(districts.id, inv.districtId));
  if (!policy?.required || documented.noAssessmentReason) return documented;
  const [concern] = await tx
    .select({ one: sql`1` })
    .from(reports)
    .where(and(eq(reports.caseId, inv.caseId), sql`${reports.concerns} && ${sql.param([...ASSESSMENT_CONCERNS])}::text[]`))
    .limit(1);
  if (!concern) return documented;
  const [signed] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.investigationId, inv.id), isNotNull(assessments.signedAt)))
    .limit(1);
  if (signed) return documented;
  throw badRequest(
    "assessment_required",
    "Utredningen gäller brott eller våld: signera en strukturerad bedömning eller ange skälet till att ingen gjordes / A signed structured assessment or a documented reason is required",
    [{ path: "body.noAssessmentReason", message: "Ange skäl eller signera en bedömning / Give a reason or sign an assessment" }],
  );
}

export async function getAssessmentPolicy({ db }: Database, districtId: string) {
  const [row] = await db
    .select({ districtId: districts.id, requireStructuredAssessment: districts.requireStructuredAssessment })
    .from(districts)
    .where(eq(districts.id, districtId));
  if (!row) throw notFound();
  return row;
}

export async function setAssessmentPolicy({ db }: Database, actor: Actor, districtId: string, required: boolean) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(districts)
      .set({ requireStructuredAssessment: required })
      .where(eq(districts.id, districtId))
      .returning({ districtId: districts.id, requireStructuredAssessment: districts.requireStructuredAssessment });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: "district.assessment_policy",
      permission: "admin",
      recordType: "district",
      recordId: districtId,
      details: { requireStructuredAssessment: required },
    });
    return row;
  });
}
