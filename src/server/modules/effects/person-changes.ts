import type { z } from "zod";
import type { personChange as personChangeSchema } from "../../../contracts/effects";
import { personChange } from "../../../domain/effects/change";
import { type MeasurementPoint, RESPONDENTS, type Respondent } from "../../../domain/effects/vocabulary";
import type { GoalAttainment } from "../../../domain/interventions/vocabulary";

type Change = z.infer<typeof personChangeSchema>;

export interface ScaleRow {
  id: string;
  name: string;
  higherIsBetter: boolean;
  reliability: number | null;
  referenceSd: number | null;
  cutoff: number | null;
}

export interface MeasurementRow {
  scaleId: string;
  respondent: string;
  point: string;
  measuredOn: string;
  value: number;
}

/**
 * One young person's before/after per scale and respondent: the start rating against the end
 * rating, or, while no end rating exists, against the latest later one. Pairs without a start
 * rating have no "before" and are left out. Ordered by scale name, then respondent.
 */
export function personChanges(scales: ReadonlyMap<string, ScaleRow>, measurements: readonly MeasurementRow[]): Change[] {
  const byPair = new Map<string, MeasurementRow[]>();
  for (const m of measurements) {
    const key = `${m.scaleId}|${m.respondent}`;
    byPair.set(key, [...(byPair.get(key) ?? []), m]);
  }
  const out: Change[] = [];
  for (const rows of byPair.values()) {
    const first = rows[0] as MeasurementRow;
    const scale = scales.get(first.scaleId);
    const start = rows.find((r) => r.point === "start");
    if (!scale || !start) continue;
    const later = rows.filter((r) => r !== start && r.measuredOn >= start.measuredOn);
    const after =
      later.find((r) => r.point === "end") ??
      later
        .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))
        .filter((r) => r.point !== "after_6" && r.point !== "after_12")
        .at(-1);
    if (!after) continue;
    out.push({
      scaleId: scale.id,
      scaleName: scale.name,
      respondent: first.respondent as Respondent,
      higherIsBetter: scale.higherIsBetter,
      beforeOn: start.measuredOn,
      afterOn: after.measuredOn,
      afterPoint: after.point as MeasurementPoint,
      ...personChange(scale, start.value, after.value),
    });
  }
  const order = (r: string) => RESPONDENTS.indexOf(r as Respondent);
  return out.sort((a, b) => a.scaleName.localeCompare(b.scaleName, "sv") || order(a.respondent) - order(b.respondent));
}

/** Goals assessed and reached at a follow-up ("ej_bedomt" is not assessed). */
export function goalCounts(results: readonly { attainment: GoalAttainment }[] | undefined): {
  assessed: number;
  reached: number;
} {
  const assessed = (results ?? []).filter((r) => r.attainment !== "ej_bedomt");
  return { assessed: assessed.length, reached: assessed.filter((r) => r.attainment === "uppnatt").length };
}
