import { stockholmToday } from "../../domain/time";
import { avhoppProcesses, avhoppSteps } from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

/**
 * An avhopp process on a fresh case of the district's young person (15 at the time of writing),
 * opened today: just opened, or with kartläggning and överenskommelse (ready for insatser and
 * follow-ups), written straight to the database.
 */
export async function seedAvhoppProcess(w: World, target: "own" | "other", stage: "opened" | "agreed" = "opened") {
  const { caseId } = await seedCase(w, target, "reported");
  const f = target === "own" ? w.own : w.other;
  const chef = w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;
  const today = stockholmToday();
  const [p] = await w.database.db
    .insert(avhoppProcesses)
    .values({
      caseId,
      personId: f.personId,
      districtId: f.id,
      contactOn: today,
      channel: "egen",
      openingCustody: "ingen",
      custody: "ingen",
      phase: stage === "agreed" ? "overenskommelse" : "forfragan",
      background: "Fixture",
      openedBy: chef,
    })
    .returning({ id: avhoppProcesses.id });
  const processId = p?.id as string;
  if (stage === "agreed") {
    await w.database.db.insert(avhoppSteps).values([
      {
        processId,
        seq: 1,
        kind: "kartlaggning",
        occurredOn: today,
        data: { kind: "kartlaggning", on: today, riskLevel: "lag", summary: "Fixture" },
        recordedBy: chef,
      },
      {
        processId,
        seq: 2,
        kind: "overenskommelse",
        occurredOn: today,
        data: { kind: "overenskommelse", on: today, goals: "Fixture", guardiansAgreed: true },
        recordedBy: chef,
      },
    ]);
  }
  return processId;
}
