import { ASSESSMENT_CONCERNS, NO_ASSESSMENT_REASONS, type NoAssessmentReason } from "../../src/domain/assessment-policy";
import { addCalendarDays, addCalendarMonths, daysBetween } from "../../src/domain/clocks";
import type { InstrumentDefinition } from "../../src/domain/instruments/definition";
import { fitsAge } from "../../src/domain/instruments/definition";
import { type Answers, score } from "../../src/domain/instruments/scoring";
import { SHIPPED_DEFINITIONS } from "../../src/domain/instruments/shipped";
import { startOfStockholmDay } from "../../src/domain/time";
import type { assessments, instrumentTrainings } from "../../src/server/db/schema/index";
import type { CaseRows } from "./case-history";
import type { SynthDistrict, SynthUser } from "./organisation";
import type { PersonRow } from "./persons";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];
/** An assessment row that names its instrument by key: ids are only known once the instruments are stored. */
export type SynthAssessment = Omit<Row<typeof assessments>, "instrumentId"> & { id: string; instrumentKey: string };
export type SynthTraining = Row<typeof instrumentTrainings>;

/**
 * How much a district uses structured assessments. The first district (the demo's) barely does,
 * the second has made it routine, the rest are in between, so the statistics have contrast.
 */
interface UsageProfile {
  /** Share of handläggare with a training. */
  trainedShare: number;
  /** Instruments the district trains in, each with the chance a trained handläggare holds it. */
  keys: Record<string, number>;
  /** Chance that a completed crime/violence investigation gets an assessment. */
  assessRate: number;
}
const FIRST: UsageProfile = { trainedShare: 0.15, keys: { savry: 0.8, "earl-20b": 0.6 }, assessRate: 0.1 };
const SECOND: UsageProfile = {
  trainedShare: 0.7,
  keys: { savry: 0.85, "yls-cmi": 0.5, "earl-20b": 0.6, "earl-21g": 0.6, adad: 0.4 },
  assessRate: 0.6,
};
const OTHER: UsageProfile = {
  trainedShare: 0.35,
  keys: { savry: 0.8, "yls-cmi": 0.3, "earl-20b": 0.5, "earl-21g": 0.5, adad: 0.2 },
  assessRate: 0.25,
};
export const usageProfile = (districtIndex: number): UsageProfile =>
  districtIndex === 0 ? FIRST : districtIndex === 1 ? SECOND : OTHER;

const TRAINERS = ["Extern utbildare (licensierad)", "Regional utvecklingsenhet (licensierad)", "Intern utbildare (certifierad)"];
const RE_ASSESSMENT_RATE = 0.1;
/** Among undocumented-looking investigations, the share that did record why no assessment was made. */
const REASON_RATE = 0.4;
const NOTE = "Syntetiskt skäl";

const definitions = new Map(SHIPPED_DEFINITIONS.map((def) => [def.id, def]));
function definition(key: string): InstrumentDefinition {
  const def = definitions.get(key);
  if (!def) throw new Error(`no shipped instrument "${key}"`);
  return def;
}

/** Instruments a practitioner would reach for, by age and gender; each is still checked with fitsAge. */
function candidateKeys(rng: Random, person: PersonRow, on: string): string[] {
  const keys: string[] = [];
  const earl =
    person.gender === "pojke" ? "earl-20b" : person.gender === "flicka" ? "earl-21g" : rng.pick(["earl-20b", "earl-21g"]);
  keys.push(earl, "savry", "yls-cmi", "adad");
  return keys.filter((k) => fitsAge(definition(k), person.birthDate, on));
}

/** Weekend days move back to the Friday before, unless that is before `earliest`. */
function workday(date: string, earliest: string): string {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  const friday = dow === 6 ? addCalendarDays(date, -1) : dow === 0 ? addCalendarDays(date, -2) : date;
  return friday >= earliest ? friday : date;
}

const validOn = (t: SynthTraining, on: string) => t.trainedOn <= on && (t.validUntil == null || on <= t.validUntil);

/**
 * A training 0–3 years back; about one in ten already expired and one in ten running out within
 * 60 days. `state` forces one of those, so even a small district's register shows both.
 */
function trainingDates(rng: Random, today: string, state?: "expired" | "expiring"): { trainedOn: string; validUntil: string } {
  const r = state === "expired" ? 0 : state === "expiring" ? 0.15 : rng.next();
  const trainedOn =
    r < 0.1
      ? addCalendarMonths(addCalendarDays(today, -rng.int(1, 300)), -36)
      : r < 0.2
        ? addCalendarMonths(addCalendarDays(today, rng.int(1, 59)), -36)
        : addCalendarDays(today, -rng.int(0, 3 * 365 - 70));
  return { trainedOn, validUntil: addCalendarMonths(trainedOn, 36) };
}

/**
 * Answers on each item's scale around one severity: most items near it, some either side, so
 * totals and bands spread. Protective items lean the other way.
 */
function drawAnswers(rng: Random, def: InstrumentDefinition, severity: number): Answers {
  const answers: Answers = {};
  for (const item of def.items) {
    const values = item.scale.values;
    const s = item.direction === "protective" ? 1 - severity : severity;
    const x = s + (rng.next() - 0.5) * 0.7;
    const idx = Math.min(values.length - 1, Math.max(0, Math.floor(x * values.length)));
    answers[item.id] = values[idx] as number;
  }
  return answers;
}

/** A judgement level, usually the one at the same relative position as the score. */
function judgementFor(rng: Random, def: InstrumentDefinition, result: ReturnType<typeof score>): string | null {
  if (!def.judgement) return null;
  const levels = def.judgement.levels;
  let position: number;
  const bandIndex = result.band ? def.bands.findIndex((b) => b.id === result.band?.id) : -1;
  if (bandIndex >= 0 && def.bands.length > 1) position = bandIndex / (def.bands.length - 1);
  else {
    const max = def.items
      .filter((i) => i.direction === "risk")
      .reduce((a, i) => a + (i.scale.values[i.scale.values.length - 1] as number), 0);
    position = max > 0 ? result.riskTotal / max : 0;
  }
  let idx = Math.min(levels.length - 1, Math.floor(position * levels.length));
  if (rng.chance(0.2)) idx = Math.min(levels.length - 1, Math.max(0, idx + rng.pick([-1, 1])));
  return (levels[idx] as { id: string }).id;
}

export interface AssessmentInput {
  rng: Random;
  /** The Stockholm date of asOf. */
  today: string;
  districts: SynthDistrict[];
  /** The demo account that must be able to sign SAVRY and EARL-20B. */
  demoHandlaggare: SynthUser | undefined;
  people: PersonRow[];
  /** Case history; investigations get their no-assessment reason filled in place. */
  rows: CaseRows;
}

/**
 * A training register and structured assessments for the case history: completed crime and
 * violence investigations assessed at each district's rate, signed by someone trained on the day
 * (else left as a draft), some re-assessed three months on, and for a share of the rest a
 * documented reason for not assessing; the remainder stay undocumented like pre-policy history.
 */
export function buildAssessments(input: AssessmentInput): { trainings: SynthTraining[]; assessments: SynthAssessment[] } {
  const { rng, today, districts, demoHandlaggare, people, rows } = input;
  const trainings: SynthTraining[] = [];
  const byUser = new Map<string, SynthTraining[]>();
  const addTraining = (user: SynthUser, key: string, dates: { trainedOn: string; validUntil: string }) => {
    const t: SynthTraining = {
      id: rng.uuid(),
      userId: user.id,
      instrumentKey: key,
      instrumentVersion: definition(key).version,
      trainedOn: dates.trainedOn,
      trainedBy: rng.pick(TRAINERS),
      validUntil: dates.validUntil,
      registeredAt: startOfStockholmDay(dates.trainedOn),
    };
    trainings.push(t);
    byUser.set(user.id, [...(byUser.get(user.id) ?? []), t]);
  };

  const staffByDistrict = new Map<string, SynthUser[]>();
  districts.forEach((district, i) => {
    const profile = usageProfile(i);
    const staff = [...district.utredare, ...district.mottagning];
    staffByDistrict.set(district.id, staff);
    const forced: ("expired" | "expiring")[] = ["expired", "expiring"];
    for (const user of staff) {
      if (user === demoHandlaggare) {
        // Long enough ago to cover the whole history, and valid well past asOf.
        for (const key of ["savry", "earl-20b"]) {
          const trainedOn = addCalendarDays(today, -rng.int(480, 700));
          addTraining(user, key, { trainedOn, validUntil: addCalendarMonths(trainedOn, 36) });
        }
        continue;
      }
      if (!rng.chance(profile.trainedShare)) continue;
      const entries = Object.entries(profile.keys);
      let keys = entries.filter(([, p]) => rng.chance(p)).map(([k]) => k);
      if (keys.length === 0) keys = [rng.pick(entries)[0]];
      for (const key of keys) addTraining(user, key, trainingDates(rng, today, forced.shift()));
    }
  });

  const trainedFor = (districtId: string, key: string, on: string) =>
    (staffByDistrict.get(districtId) ?? []).filter((u) =>
      (byUser.get(u.id) ?? []).some((t) => t.instrumentKey === key && validOn(t, on)),
    );

  const personById = new Map(people.map((p) => [p.id, p]));
  const caseById = new Map(rows.cases.map((c) => [c.id as string, c]));
  const districtIndex = new Map(districts.map((d, i) => [d.id, i]));
  const concerned = new Set(
    rows.reports.filter((r) => (r.concerns ?? []).some((c) => ASSESSMENT_CONCERNS.includes(c as never))).map((r) => r.caseId),
  );
  const investigationsByCase = new Map<string, CaseRows["investigations"]>();
  for (const inv of rows.investigations) {
    investigationsByCase.set(inv.caseId, [...(investigationsByCase.get(inv.caseId) ?? []), inv]);
  }

  const out: SynthAssessment[] = [];
  const record = (a: {
    key: string;
    person: PersonRow;
    caseId: string;
    investigationId: string | null;
    districtId: string;
    on: string;
    severity: number;
    preferred: string | null | undefined;
  }) => {
    const def = definition(a.key);
    const answers = drawAnswers(rng, def, a.severity);
    const result = score(def, answers);
    const trained = trainedFor(a.districtId, a.key, a.on);
    const signer = trained.find((u) => u.id === a.preferred) ?? (trained.length > 0 ? rng.pick(trained) : null);
    const dayStart = startOfStockholmDay(a.on).getTime();
    const createdAt = new Date(dayStart + rng.int(8 * 60, 13 * 60) * 60_000);
    const signedAt = signer ? new Date(dayStart + 15 * 3_600_000) : null;
    const row: SynthAssessment = {
      id: rng.uuid(),
      caseId: a.caseId,
      investigationId: a.investigationId,
      personId: a.person.id,
      districtId: a.districtId,
      instrumentKey: a.key,
      assessedOn: a.on,
      answers,
      score: result,
      computedBand: result.band?.id ?? null,
      judgement: judgementFor(rng, def, result),
      judgementReason: def.judgement ? "Syntetisk bedömning" : null,
      createdBy: signer?.id ?? a.preferred ?? (staffByDistrict.get(a.districtId)?.[0]?.id as string),
      createdAt,
      updatedAt: signedAt ?? createdAt,
      signedBy: signer?.id ?? null,
      signedAt,
    };
    out.push(row);
    return row;
  };

  const yesterday = addCalendarDays(today, -1);
  for (const inv of rows.investigations) {
    if (!inv.completedOn || !concerned.has(inv.caseId)) continue;
    const district = districts[districtIndex.get(inv.districtId) ?? -1];
    const person = personById.get(inv.personId);
    if (!district || !person) continue;
    const profile = usageProfile(districtIndex.get(inv.districtId) as number);
    const caseRow = caseById.get(inv.caseId);
    const lastDay = inv.completedOn < yesterday ? inv.completedOn : yesterday;
    const on = workday(addCalendarDays(inv.openedOn, rng.int(0, Math.max(0, daysBetween(inv.openedOn, lastDay)))), inv.openedOn);
    const candidates = candidateKeys(rng, person, on);

    if (rng.chance(profile.assessRate) && candidates.length > 0) {
      // Districts use what their staff are trained in; without anyone trained it stays a draft.
      const usable = candidates.filter((k) => trainedFor(district.id, k, on).length > 0);
      const pool = usable.length > 0 ? usable : candidates;
      const key = pool[rng.weighted(pool.map((k) => (k === "adad" ? 0.3 : 1)))] as string;
      const severity = rng.next();
      const first = record({
        key,
        person,
        caseId: inv.caseId,
        investigationId: inv.id as string,
        districtId: district.id,
        on,
        severity,
        preferred: caseRow?.assignedTo,
      });

      if (first.signedBy && rng.chance(RE_ASSESSMENT_RATE)) {
        const again = workday(addCalendarDays(addCalendarMonths(on, 3), rng.int(-10, 10)), on);
        if (again <= yesterday && fitsAge(definition(key), person.birthDate, again)) {
          // On whichever investigation of the case is open then, else on the case during the insats.
          const current = (investigationsByCase.get(inv.caseId) ?? []).find(
            (i) => i.openedOn <= again && again <= (i.completedOn ?? today),
          );
          record({
            key,
            person,
            caseId: inv.caseId,
            investigationId: (current?.id as string | undefined) ?? null,
            districtId: district.id,
            on: again,
            severity: Math.min(1, Math.max(0, severity + (rng.next() - 0.65) * 0.5)),
            preferred: first.signedBy,
          });
        }
      }
      continue;
    }

    if (!rng.chance(REASON_RATE)) continue;
    const anyTrained = candidates.some((k) => trainedFor(district.id, k, on).length > 0);
    let reason: NoAssessmentReason;
    if (candidates.length === 0) reason = "ej_tillampligt_alder";
    else if (!anyTrained && rng.chance(0.7)) reason = "ingen_utbildad_personal";
    else if (inv.guardiansDeclined && rng.chance(0.6)) reason = "vardnadshavare_den_unge_avbojt";
    else {
      const others = NO_ASSESSMENT_REASONS.filter((r) => r !== "ej_tillampligt_alder");
      reason = others[rng.weighted(others.map((r) => (r === "annan" ? 0.5 : 1)))] as NoAssessmentReason;
    }
    inv.noAssessmentReason = reason;
    inv.noAssessmentNote = NOTE;
  }

  return { trainings, assessments: out };
}
