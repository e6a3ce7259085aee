import { and, eq, isNull } from "drizzle-orm";
import {
  cases,
  decisions,
  investigations,
  journalEntries,
  preAssessments,
  protectionAssessments,
  reports,
} from "../db/schema/index";
import type { World } from "./world";

export type Stage = "reported" | "protected" | "investigating" | "investigated" | "closable";

/**
 * A case at a given stage of the flow, written straight to the database (the flow's own API is
 * tested elsewhere): a fresh person-less shortcut for tests that need "a case where X is next".
 */
export async function seedCase(w: World, target: "own" | "other", stage: Stage) {
  const { db } = w.database;
  const f = target === "own" ? w.own : w.other;
  const chef = w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;
  const receivedAt = new Date(Date.now() - 20 * 86_400_000);
  // One open case per person and district: close any earlier one so the fixture stands alone.
  await db
    .update(cases)
    .set({ closedAt: new Date(), closeReason: "annat" })
    .where(and(eq(cases.personId, f.personId), eq(cases.districtId, f.id), isNull(cases.closedAt)));
  await db
    .update(investigations)
    .set({ completedOn: investigations.openedOn })
    .where(and(eq(investigations.personId, f.personId), isNull(investigations.completedOn)));
  const [c] = await db.insert(cases).values({ personId: f.personId, districtId: f.id, openedAt: receivedAt }).returning();
  if (!c) throw new Error("seed failed");
  const [r] = await db
    .insert(reports)
    .values({
      caseId: c.id,
      personId: f.personId,
      districtId: f.id,
      kind: "orosanmalan",
      receivedAt,
      reporterCategory: "skola",
      text: "Fixture",
    })
    .returning();
  if (!r) throw new Error("seed failed");
  const result = { caseId: c.id, reportId: r.id, investigationId: "" };
  if (stage === "reported") return result;
  await db
    .insert(protectionAssessments)
    .values({ reportId: r.id, assessedAt: receivedAt, assessedBy: chef, immediateProtectionNeeded: false, notes: "-" });
  if (stage === "protected") return result;
  const [d] = await db
    .insert(decisions)
    .values({
      caseId: c.id,
      type: "inleda_utredning",
      decidedAt: receivedAt,
      decidedBy: chef,
      decidedAsRole: "enhetschef",
      reason: "-",
    })
    .returning();
  const openedOn = receivedAt.toISOString().slice(0, 10);
  const [i] = await db
    .insert(investigations)
    .values({
      caseId: c.id,
      personId: f.personId,
      districtId: f.id,
      openedOn,
      openingDecisionId: d?.id as string,
      completedOn: stage === "investigating" ? null : openedOn,
    })
    .returning();
  await db
    .insert(preAssessments)
    .values({ reportId: r.id, decidedAt: receivedAt, decidedBy: chef, outcome: "inleda", reason: "-", investigationId: i?.id });
  result.investigationId = i?.id as string;
  return result;
}

export async function seedJournalEntry(w: World, caseId: string, authorId: string) {
  const [j] = await w.database.db.insert(journalEntries).values({ caseId, authorId, step: "ovrigt", text: "Utkast" }).returning();
  return j?.id as string;
}
