import { addCalendarDays } from "../../domain/clocks";
import { stockholmToday } from "../../domain/time";
import { actionPlans, actionPlanTasks } from "../db/schema/index";
import type { World } from "./world";

/**
 * A joint action plan in beredning for the district's young person, shared with the school, with
 * one school task due in two weeks; written straight to the database (the API is tested in
 * modules/action-plans).
 */
export async function seedActionPlan(w: World, target: "own" | "other") {
  const f = target === "own" ? w.own : w.other;
  const by = w.userIds[target === "own" ? "samordnare" : "samordnare.b"] as string;
  const [plan] = await w.database.db
    .insert(actionPlans)
    .values({
      personId: f.personId,
      districtId: f.id,
      title: "SIG-plan",
      goals: ["Går i skolan"],
      agencies: ["skola"],
      categories: ["skolsituation"],
      createdBy: by,
    })
    .returning({ id: actionPlans.id });
  if (!plan) throw new Error("seed failed");
  const [task] = await w.database.db
    .insert(actionPlanTasks)
    .values({
      planId: plan.id,
      agency: "skola",
      description: "Anpassad studiegång",
      dueOn: addCalendarDays(stockholmToday(), 14),
      createdBy: by,
    })
    .returning({ id: actionPlanTasks.id });
  if (!task) throw new Error("seed failed");
  return { planId: plan.id, taskId: task.id };
}
