import { stockholmDate } from "../../domain/time";
import { lulYttranden, lvuProcesses } from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

/**
 * A LUL yttrande on a fresh case of the district's young person, written straight to the database:
 * requested only, complete (ready to sign), or signed (ready to send).
 */
export async function seedYttrande(w: World, target: "own" | "other", stage: "requested" | "complete" | "signed") {
  const { caseId } = await seedCase(w, target, "reported");
  const f = target === "own" ? w.own : w.other;
  const chef = w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;
  const today = stockholmDate(new Date(Date.now() - 3_600_000));
  const [y] = await w.database.db
    .insert(lulYttranden)
    .values({
      caseId,
      personId: f.personId,
      districtId: f.id,
      requesterKind: "aklagare",
      requesterReference: "AM-1-26",
      offenceCategory: "stold_snatteri",
      askedOn: today,
      dueOn: today,
      createdBy: chef,
      ...(stage === "requested" ? {} : { needAssessment: "Behov finns", proposedMeasure: "ungdomstjanst" }),
      ...(stage === "signed" ? { signedAt: new Date(Date.now() - 3_600_000), signedBy: chef } : {}),
    })
    .returning({ id: lulYttranden.id });
  return y?.id as string;
}

/** An LVU process (3 §) with no steps on a fresh case of the district's young person. */
export async function seedLvuProcess(w: World, target: "own" | "other") {
  const { caseId } = await seedCase(w, target, "reported");
  const f = target === "own" ? w.own : w.other;
  const [p] = await w.database.db
    .insert(lvuProcesses)
    .values({
      caseId,
      personId: f.personId,
      districtId: f.id,
      grounds: ["3"],
      behaviours: ["brottslig_verksamhet"],
      openedBy: w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string,
    })
    .returning({ id: lvuProcesses.id });
  return p?.id as string;
}
