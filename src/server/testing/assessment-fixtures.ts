import { eq } from "drizzle-orm";
import type { InstrumentDefinition } from "../../domain/instruments/definition";
import { score } from "../../domain/instruments/scoring";
import { assessments, instruments, instrumentTrainings } from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

/** The shipped instrument with this key (the test template holds all shipped definitions). */
export async function shippedInstrument(w: World, key: string) {
  const [row] = await w.database.db.select().from(instruments).where(eq(instruments.key, key));
  if (!row) throw new Error(`no shipped instrument ${key}`);
  return { id: row.id, key: row.key, version: row.version, def: row.definition as InstrumentDefinition };
}

/** A GAS draft with two scored goals on a running investigation, written straight to the database. */
export async function seedAssessmentDraft(w: World, target: "own" | "other") {
  const c = await seedCase(w, target, "investigating");
  const gas = await shippedInstrument(w, "gas");
  const answers = { g1: 1, g2: 0 };
  const f = target === "own" ? w.own : w.other;
  const [row] = await w.database.db
    .insert(assessments)
    .values({
      caseId: c.caseId,
      investigationId: c.investigationId,
      personId: f.personId,
      districtId: f.id,
      instrumentId: gas.id,
      assessedOn: new Date().toISOString().slice(0, 10),
      answers,
      goals: [
        { id: "g1", label: "Skolnärvaro" },
        { id: "g2", label: "Fritid" },
      ],
      score: score(gas.def, answers),
      createdBy: w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string,
    })
    .returning({ id: assessments.id });
  if (!row) throw new Error("seed failed");
  return { ...c, assessmentId: row.id };
}

/** Registers a valid training for a user straight in the database. */
export async function seedTraining(w: World, userId: string, key: string, version = "1") {
  await w.database.db.insert(instrumentTrainings).values({
    userId,
    instrumentKey: key,
    instrumentVersion: version,
    trainedOn: "2025-01-15",
    trainedBy: "Testutbildare",
    validUntil: "2099-12-31",
  });
}
