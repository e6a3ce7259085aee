import type { DeviationState } from "../../domain/deviations/workflow";
import { stockholmDate } from "../../domain/time";
import { deviationActions, deviationEvents, deviations } from "../db/schema/index";
import type { World } from "./world";

/**
 * An avvikelse of the district, reported by its enhetschef a day ago, written straight to the
 * database and taken to `state` (the workflow's own API is tested elsewhere). `lexSarah` makes it an
 * allvarligt missförhållande, so the IVO notification is the next step once investigated.
 */
export async function seedDeviation(w: World, target: "own" | "other", state: DeviationState, lexSarah = false) {
  const f = target === "own" ? w.own : w.other;
  const chef = w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;
  const reportedAt = new Date(Date.now() - 86_400_000);
  const past = (s: DeviationState) => ["classified", "investigated", "acting", "followed_up", "closed"].indexOf(s);
  const reached = (s: DeviationState) => past(state) >= past(s);
  const [row] = await w.database.db
    .insert(deviations)
    .values({
      districtId: f.id,
      unitId: f.unitId,
      state,
      kind: "tidsfrist",
      description: "Fixture",
      occurredAt: reportedAt,
      reportedAt,
      reportedBy: chef,
      severity: reached("classified") ? "medel" : null,
      lexSarah: lexSarah ? "missforhallande" : "none",
      serious: lexSarah,
      investigatedOn: reached("investigated") ? stockholmDate(reportedAt) : null,
      rootCause: reached("investigated") ? "rutin_ej_foljd" : null,
      analysis: reached("investigated") ? "Fixture" : null,
    })
    .returning();
  if (!row) throw new Error("seed failed");
  await w.database.db
    .insert(deviationEvents)
    .values({ deviationId: row.id, seq: 1, step: "report", toState: "reported", by: chef });
  if (reached("acting")) {
    await w.database.db.insert(deviationActions).values({
      deviationId: row.id,
      description: "Fixture",
      responsibleId: chef,
      dueOn: stockholmDate(new Date()),
      createdBy: chef,
    });
  }
  return row.id;
}
