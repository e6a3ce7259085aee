import { addCalendarDays } from "../../src/domain/clocks";
import {
  GUARDIAN_POSITIONS,
  INFORM_METHODS,
  NOT_HEARD_REASON_LABELS,
  NOT_HEARD_REASONS,
} from "../../src/domain/guardians/vocabulary";
import { stockholmDate } from "../../src/domain/time";
import type { Tx } from "../../src/server/db/connection";
import { childViews, guardianNotices, personRelations, persons } from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import type { CaseRows } from "./case-history";
import type { SynthDistrict } from "./organisation";
import type { PersonnummerPool } from "./personnummer-pool";
import { guardian, type PersonRow } from "./persons";
import { Random } from "./random";

/** Share of completed investigations where the child was heard; the rest document why not. */
const HEARD_SHARE = 0.8;
/** Share of förhandsbedömningar that opened an investigation where the child's view is documented. */
const PRE_ASSESSMENT_VIEW_SHARE = 0.5;

export interface GuardianRows {
  persons: PersonRow[];
  relations: (typeof personRelations.$inferInsert)[];
  notices: (typeof guardianNotices.$inferInsert)[];
  childViews: (typeof childViews.$inferInsert)[];
}

const VIEWS = [
  "Vill ha hjälp att komma tillbaka till skolan.",
  "Tycker att det är bråkigt hemma och vill att det blir lugnare.",
  "Vill inte byta skola men vill ha någon att prata med.",
  "Säger att kompisarna är viktigast och vill inte ha kontakt med socialtjänsten.",
  "Vill att mamma och pappa får stöd.",
];
const NOT_HEARD_NOTES: Record<(typeof NOT_HEARD_REASONS)[number], string> = {
  barnet_avstod: "Barnet ville inte träffas; inställningen klarlagd genom skolkuratorn.",
  alder_mognad: "Barnets inställning klarlagd genom observation och samtal med förskolan.",
  skadligt_for_barnet: "Samtal bedömdes kunna skada barnet; inställningen klarlagd via BUP.",
  ej_antraffbar: "Barnet gick inte att nå trots upprepade försök; inställningen via vårdnadshavare.",
  annat: "Barnets inställning klarlagd via mentor.",
};

/**
 * Guardians and the child's voice (issue 18 point 3), from a random source of their own so the
 * data drawn before is unchanged for a seed: each synthetic guardian linked with custody to the
 * young person generated just before them (as generate.ts draws them), two guardians for the
 * walk-through's Alva Andersson, the child's view in every completed investigation (completing
 * requires it) and at half the förhandsbedömningar that opened one, and the custodial guardians
 * informed of each investigation.
 */
export function buildGuardians(input: {
  seed: number;
  today: string;
  districts: SynthDistrict[];
  people: PersonRow[];
  rows: CaseRows;
  pool: PersonnummerPool;
}): GuardianRows {
  const rng = new Random(input.seed + 183);
  const out: GuardianRows = { persons: [], relations: [], notices: [], childViews: [] };
  const custodians = new Map<string, { relationId: string; guardianId: string }[]>();
  const link = (childId: string, guardianId: string) => {
    const relationId = rng.uuid();
    out.relations.push({ id: relationId, childId, relatedPersonId: guardianId, relation: "forelder", custody: true });
    custodians.set(childId, [...(custodians.get(childId) ?? []), { relationId, guardianId }]);
  };
  input.people.forEach((p, i) => {
    const before = input.people[i - 1];
    if (p.kind === "vardnadshavare" && before?.kind === "ung") link(before.id, p.id);
  });
  const demo = input.people[0];
  const demoDistrict = input.districts.find((d) => d.id === demo?.districtId);
  if (demo && demoDistrict && !custodians.has(demo.id)) {
    for (let n = 0; n < 2; n++) {
      const g = guardian(rng, input.pool, demoDistrict, input.today);
      out.persons.push({ ...g, lastName: demo.lastName });
      link(demo.id, g.id);
    }
  }

  const staff = new Map(input.districts.map((d) => [d.id, d.utredare[0] ?? d.chefer.utredning]));
  const recorder = (districtId: string) => (staff.get(districtId) ?? input.districts[0]?.chefer.utredning)?.id as string;
  const childView = (heard: boolean) => {
    if (heard) return { view: rng.pick(VIEWS), notHeardReason: null, notHeardNote: null };
    const reason = rng.pick(NOT_HEARD_REASONS);
    return { view: null, notHeardReason: reason, notHeardNote: NOT_HEARD_NOTES[reason] ?? NOT_HEARD_REASON_LABELS[reason].sv };
  };

  const reports = new Map(input.rows.reports.map((r) => [r.id as string, r]));
  for (const pre of input.rows.preAssessments) {
    if (pre.outcome !== "inleda" || !rng.chance(PRE_ASSESSMENT_VIEW_SHARE)) continue;
    const report = reports.get(pre.reportId);
    if (!report) continue;
    out.childViews.push({
      id: rng.uuid(),
      caseId: report.caseId,
      personId: report.personId,
      stage: "forhandsbedomning",
      reportId: pre.reportId,
      recordedOn: stockholmDate(pre.decidedAt),
      recordedBy: pre.decidedBy,
      ...childView(rng.chance(HEARD_SHARE)),
    });
  }
  for (const inv of input.rows.investigations) {
    const id = inv.id as string;
    const by = recorder(inv.districtId);
    const lastDay = inv.completedOn ?? input.today;
    for (const c of custodians.get(inv.personId) ?? []) {
      if (!rng.chance(0.9)) continue;
      const informedOn = addCalendarDays(inv.openedOn, rng.int(0, 5));
      if (informedOn > lastDay) continue;
      out.notices.push({
        id: rng.uuid(),
        investigationId: id,
        guardianId: c.guardianId,
        relationId: c.relationId,
        informedOn,
        method: rng.pick(INFORM_METHODS),
        position: rng.chance(0.6) ? rng.pick(GUARDIAN_POSITIONS) : null,
        recordedBy: by,
      });
    }
    if (!inv.completedOn) continue;
    const recordedOn = addCalendarDays(inv.completedOn, -rng.int(1, 20));
    out.childViews.push({
      id: rng.uuid(),
      caseId: inv.caseId,
      personId: inv.personId,
      stage: "utredning",
      investigationId: id,
      recordedOn: recordedOn < inv.openedOn ? inv.openedOn : recordedOn,
      recordedBy: by,
      ...childView(rng.chance(HEARD_SHARE)),
    });
  }
  return out;
}

export async function insertGuardians(tx: Tx, rows: GuardianRows): Promise<void> {
  await insertBatched(tx, persons, rows.persons);
  await insertBatched(tx, personRelations, rows.relations);
  await insertBatched(tx, guardianNotices, rows.notices);
  await insertBatched(tx, childViews, rows.childViews);
}
