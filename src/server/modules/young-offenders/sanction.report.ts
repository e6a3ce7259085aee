import { and, between, eq, inArray, or, sql } from "drizzle-orm";
import type { Publisher } from "../../../domain/disclosure/publish";
import type { Gender } from "../../../domain/young-offenders/figures";
import { type SanctionFigures, sanctionFigures } from "../../../domain/young-offenders/sanction-figures";
import type { Database } from "../../db/connection";
import {
  persons,
  ungdomsovervakningItems,
  ungdomsovervakningPlans,
  ungdomstjanstJudgments,
  ungdomstjanstMisconduct,
} from "../../db/schema/index";
import type { RecordKey } from "../../platform/record-keys";

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/**
 * The ungdomstjänst and ungdomsövervakning figures for [from, to] in the given districts, through the
 * disclosure module (src/domain/young-offenders/sanction-figures.ts). Reads only judgments with
 * something in the period: given, completed, misconduct reported or a part of the plan followed up.
 */
export async function youthSanctionFigures(
  { db }: Database,
  districtIds: string[],
  period: { from: string; to: string },
  keyOf: RecordKey,
  publisher: Publisher,
): Promise<SanctionFigures> {
  if (districtIds.length === 0) return sanctionFigures([], [], period, publisher);
  const { from, to } = period;
  const misconductDays = sql<
    string[]
  >`(select coalesce(array_agg(m.reported_on::text), '{}') from ungdomstjanst_misconduct m where m.judgment_id = ${ungdomstjanstJudgments.id})`;
  const followUpDays = sql<
    string[]
  >`(select coalesce(array_agg(i.followed_up_on::text), '{}') from ungdomsovervakning_items i where i.plan_id = ${ungdomsovervakningPlans.id} and i.followed_up_on is not null)`;
  const [judgments, plans] = await Promise.all([
    db
      .select({
        id: ungdomstjanstJudgments.id,
        gender: persons.gender,
        judgmentOn: ungdomstjanstJudgments.judgmentOn,
        completedOn: ungdomstjanstJudgments.completedOn,
        misconductReportedOn: misconductDays,
      })
      .from(ungdomstjanstJudgments)
      .innerJoin(persons, eq(persons.id, ungdomstjanstJudgments.personId))
      .where(
        and(
          inArray(ungdomstjanstJudgments.districtId, districtIds),
          or(
            between(ungdomstjanstJudgments.judgmentOn, from, to),
            between(ungdomstjanstJudgments.completedOn, from, to),
            sql`exists (select 1 from ${ungdomstjanstMisconduct} m where m.judgment_id = ${ungdomstjanstJudgments.id} and m.reported_on between ${from} and ${to})`,
          ),
        ),
      ),
    db
      .select({
        id: ungdomsovervakningPlans.id,
        gender: persons.gender,
        judgmentOn: ungdomsovervakningPlans.judgmentOn,
        followedUpOn: followUpDays,
      })
      .from(ungdomsovervakningPlans)
      .innerJoin(persons, eq(persons.id, ungdomsovervakningPlans.personId))
      .where(
        and(
          inArray(ungdomsovervakningPlans.districtId, districtIds),
          or(
            between(ungdomsovervakningPlans.judgmentOn, from, to),
            sql`exists (select 1 from ${ungdomsovervakningItems} i where i.plan_id = ${ungdomsovervakningPlans.id} and i.followed_up_on between ${from} and ${to})`,
          ),
        ),
      ),
  ]);
  return sanctionFigures(
    judgments.map((j) => ({ ...j, key: keyOf(j.id), gender: genderOf(j.gender) })),
    plans.map((p) => ({ ...p, key: keyOf(p.id), gender: genderOf(p.gender) })),
    period,
    publisher,
  );
}
