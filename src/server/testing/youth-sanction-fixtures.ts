import { stockholmDate } from "../../domain/time";
import {
  ungdomsovervakningItems,
  ungdomsovervakningPlans,
  ungdomstjanstJudgments,
  ungdomstjanstSessions,
} from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

const yesterday = () => stockholmDate(new Date(Date.now() - 86_400_000));
const chefOf = (w: World, target: "own" | "other") => w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;

/** A judgment to 40 hours of ungdomstjänst given yesterday, on a fresh case of the district's young person. */
export async function seedJudgment(w: World, target: "own" | "other") {
  const { caseId } = await seedCase(w, target, "reported");
  const f = target === "own" ? w.own : w.other;
  const [j] = await w.database.db
    .insert(ungdomstjanstJudgments)
    .values({
      caseId,
      personId: f.personId,
      districtId: f.id,
      court: "Testtingsrätten",
      caseNumber: "B 1-26",
      judgmentOn: yesterday(),
      hours: 40,
      programmeHours: 10,
      createdBy: chefOf(w, target),
    })
    .returning({ id: ungdomstjanstJudgments.id });
  return j?.id as string;
}

/** A planned session (today) of a fresh judgment. */
export async function seedPlannedSession(w: World, target: "own" | "other") {
  const judgmentId = await seedJudgment(w, target);
  const [s] = await w.database.db
    .insert(ungdomstjanstSessions)
    .values({
      judgmentId,
      occurredOn: yesterday(),
      kind: "arbete",
      minutes: 180,
      attendance: "planerad",
      recordedBy: chefOf(w, target),
    })
    .returning({ id: ungdomstjanstSessions.id });
  return s?.id as string;
}

/** An ungdomsövervakning plan (judged yesterday) on a fresh case, with one part to follow up. */
export async function seedUoPlan(w: World, target: "own" | "other") {
  const { caseId } = await seedCase(w, target, "reported");
  const f = target === "own" ? w.own : w.other;
  const [p] = await w.database.db
    .insert(ungdomsovervakningPlans)
    .values({
      caseId,
      personId: f.personId,
      districtId: f.id,
      court: "Testtingsrätten",
      judgmentOn: yesterday(),
      months: 6,
      koordinator: "Koordinator K",
      createdBy: chefOf(w, target),
    })
    .returning({ id: ungdomsovervakningPlans.id });
  const [i] = await w.database.db
    .insert(ungdomsovervakningItems)
    .values({
      planId: p?.id as string,
      kind: "mote",
      description: "Trepartsmöte",
      startsOn: yesterday(),
      followUpBy: stockholmDate(new Date(Date.now() + 30 * 86_400_000)),
      recordedBy: chefOf(w, target),
    })
    .returning({ id: ungdomsovervakningItems.id });
  return { planId: p?.id as string, itemId: i?.id as string };
}
