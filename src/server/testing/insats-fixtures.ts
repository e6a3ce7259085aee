import { eq } from "drizzle-orm";
import { decisions, insatsCatalogue, insatser, insatsPlans } from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

export type InsatsStage = "decided" | "started" | "planned" | "draft_plan";

/** The catalogue entry with this code (the test template holds the starter catalogue). */
export async function catalogueEntry(w: World, code: string) {
  const [row] = await w.database.db.select().from(insatsCatalogue).where(eq(insatsCatalogue.code, code));
  if (!row) throw new Error(`no catalogue entry ${code}`);
  return row;
}

/**
 * A bistånd decision and its insats as an uppdrag to the district's öppenvård unit, written straight
 * to the database and taken as far as `stage`: decided, started 5 days after the decision, with a
 * draft plan, or with a signed plan whose goal "g1" is followed up.
 */
export async function seedInsats(w: World, target: "own" | "other", stage: InsatsStage, code = "FFT") {
  const c = await seedCase(w, target, "investigated");
  const f = target === "own" ? w.own : w.other;
  const worker = w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string;
  const decidedAt = new Date(Date.now() - 30 * 86_400_000);
  const [d] = await w.database.db
    .insert(decisions)
    .values({ caseId: c.caseId, type: "bistand", decidedAt, decidedBy: worker, decidedAsRole: "handlaggare", reason: "Behov" })
    .returning();
  const entry = await catalogueEntry(w, code);
  const decidedOn = decidedAt.toISOString().slice(0, 10);
  const startedOn = new Date(decidedAt.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
  const [i] = await w.database.db
    .insert(insatser)
    .values({
      caseId: c.caseId,
      personId: f.personId,
      districtId: f.id,
      catalogueId: entry.id,
      decisionId: d?.id,
      legalForm: "bistand",
      decidedOn,
      providerUnitId: f.providerUnitId,
      startedOn: stage === "decided" ? null : startedOn,
      createdBy: worker,
    })
    .returning();
  if (!i || !d) throw new Error("seed failed");
  let planId = "";
  if (stage === "planned" || stage === "draft_plan") {
    const [p] = await w.database.db
      .insert(insatsPlans)
      .values({
        insatsId: i.id,
        version: 1,
        goals: [{ id: "g1", text: "Går i skolan varje dag", measure: "Närvaro enligt skolan", followUpOn: startedOn }],
        followUpDates: [startedOn],
        createdBy: worker,
        signedBy: stage === "planned" ? worker : null,
        signedAt: stage === "planned" ? new Date() : null,
      })
      .returning();
    planId = p?.id as string;
  }
  return { ...c, decisionId: d.id, insatsId: i.id, planId, decidedOn, startedOn };
}
