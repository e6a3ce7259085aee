import { addCalendarDays, addCalendarMonths, daysBetween } from "../../src/domain/clocks";
import { type CatalogueEntry, STARTER_CATALOGUE } from "../../src/domain/interventions/catalogue";
import { ageOutsideTarget, endContradictsGoals, goalStatus } from "../../src/domain/interventions/guards";
import {
  DECISION_TO_START_TARGET_DAYS,
  ivoDueDate,
  OVERVAGANDE_MONTHS,
  PLAN_DUE_DAYS_DEFAULT,
} from "../../src/domain/interventions/rules";
import {
  type EndReason,
  type EvidenceStatus,
  type GoalAttainment,
  isPlacement,
  type NotStartedReason,
} from "../../src/domain/interventions/vocabulary";
import { startOfStockholmDay, stockholmDate } from "../../src/domain/time";
import type { insatser, insatsFollowUps, insatsPlans, overvaganden } from "../../src/server/db/schema/index";
import type { CaseRows } from "./case-history";
import type { SynthDistrict, SynthUser } from "./organisation";
import type { PersonRow } from "./persons";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];
/** An insats row that names its catalogue entry by code: ids are only known once the catalogue is stored. */
export type SynthInsats = Omit<Row<typeof insatser>, "catalogueId"> & { id: string; catalogueCode: string };
export type SynthPlan = Row<typeof insatsPlans> & { id: string };
export type SynthFollowUp = Row<typeof insatsFollowUps>;
export type SynthOvervagande = Row<typeof overvaganden>;

export interface InsatsRows {
  insatser: SynthInsats[];
  plans: SynthPlan[];
  followUps: SynthFollowUp[];
  overvaganden: SynthOvervagande[];
}

/**
 * What the seeds report. Stockholm's own check: 79 % of 384 insatser had no genomförandeplan.
 * Kalmar's decision→start indicator (42 days): most in time, many late. Decisions not carried out
 * after 7 months exist (IVO reports). Follow-up of the plan's goals mostly missing.
 */
const START = { inTime: 0.68, late: 0.24 }; // the rest (~8 %) never start; recent ones are simply still pending
const PLAN = { inTime: 0.21, late: 0.1 }; // the rest of the started insatser get no signed plan
const DRAFT_RATE = 0.15; // among those without a signed plan, an unsigned draft left lying
const REVISION_RATE = 0.25;
const FOLLOW_UP_RATE = 0.5;
const SECOND_INSATS_RATE = 0.15;
const CARE_PLAN_RATE = 0.85;
const OVERVAGANDE_RATE = 0.8;
/** Share of cases of 6–12 year olds that get a parent programme as service, without a decision. */
const SERVICE_RATE = 0.15;
const SIG_RATE = 0.03;
/** Socialstyrelsen advises against it: very rare, but the samlad bild should be able to show it. */
const AVRADS_RATE = 0.004;

/** Relative weights of the bistånd entries a handläggare reaches for; each still has to fit the age. */
const BISTAND_WEIGHTS: Record<string, number> = {
  FFT: 3,
  MST: 2,
  BSFT: 1.5,
  OPPENVARD_KBT: 3,
  KONTAKTPERSON: 2.5,
  FAMILJEBEHANDLING: 3,
  REPULSE: 0.8,
  PA_RATT_VAG: 0.6,
  TFCO: 0.2,
  PLACERING_HVB: 0.5,
  PLACERING_FAMILJEHEM: 0.35,
  PLACERING_SIS: 0.2,
};
const PARENT_PROGRAMMES = ["KOMET", "ABC", "COPE", "DOA", "TRIPLE_P"];

/** Attainment weights (uppnatt, delvis, ej_uppnatt, ej_bedomt): recommended programmes reach goals more often. */
const ATTAINMENT: Record<EvidenceStatus, number[]> = {
  rekommenderad: [45, 33, 14, 8],
  lovande: [34, 36, 22, 8],
  saknar_evidens: [26, 37, 29, 8],
  avrads: [12, 30, 48, 10],
};
const ATTAINMENTS: GoalAttainment[] = ["uppnatt", "delvis", "ej_uppnatt", "ej_bedomt"];

const GOALS = [
  { text: "Minskad konflikt i familjen", measure: "Skattning av konfliktnivå (0–10) av den unge och vårdnadshavare" },
  { text: "Regelbunden skolnärvaro", measure: "Närvaro enligt skolans register, mål minst 80 %" },
  { text: "Inga nya brott under insatsen", measure: "Uppgifter från polis och den unges egen redovisning" },
  { text: "Den unge hanterar ilska utan våld", measure: "Antal incidenter rapporterade av skola och hem" },
  { text: "Meningsfull fritid minst två dagar i veckan", measure: "Den unges veckoschema, följs upp vid samtal" },
  { text: "Vårdnadshavarna sätter gränser konsekvent", measure: "Föräldraskattning och behandlarens observation" },
  { text: "Drogfrihet", measure: "Urinprov och samtal, överenskommen frekvens" },
  { text: "Bryta kontakten med kriminellt umgänge", measure: "Den unges och nätverkets redovisning vid uppföljning" },
];
const ACTIVITIES = [
  "Familjesamtal varannan vecka",
  "Individuella samtal en gång i veckan",
  "Nätverksmöte med skolan",
  "Färdighetsträning i problemlösning",
  "Stöd till fritidsaktivitet",
  "Hembesök",
];
const NEXT_STEPS = [
  "Insatsen fortsätter enligt plan.",
  "Planen revideras med nya delmål.",
  "Intensiteten ökas under nästa period.",
  "Avslut planeras till nästa uppföljning.",
  "Samverkansmöte med skolan bokas.",
];
const NOT_STARTED_NOTES: Record<NotStartedReason, string> = {
  resursbrist: "Ingen ledig behandlare i öppenvården; extern utförare upphandlas.",
  den_unge_tackar_nej: "Den unge har inte kommit till bokade träffar och avböjer nu insatsen.",
  vardnadshavare_tackar_nej: "Vårdnadshavarna har inte samtyckt till start.",
  vantelista: "Väntelista hos utföraren; start erbjuds när plats blir ledig.",
  ovrigt: "Syntetiskt skäl: insatsen har inte kunnat verkställas.",
};
const END_OUTCOMES: Record<EndReason, string> = {
  mal_uppnatt: "Målen i huvudsak uppnådda; den unge och familjen bedömer att behovet är tillgodosett.",
  avbrutet_av_den_unge: "Den unge avbröt insatsen; målen inte uppnådda.",
  avbrutet_av_vardnadshavare: "Vårdnadshavarna avbröt insatsen.",
  flytt: "Familjen har flyttat från kommunen; ärendet överlämnat.",
  annan_insats: "Insatsen ersätts av en annan insats som bättre svarar mot behovet.",
  placering: "Den unge har placerats utanför hemmet.",
  ovrigt: "Insatsen avslutad av annan orsak.",
};
const CONCLUSIONS = [
  "Vården behövs fortfarande; placeringen fortsätter.",
  "Vården fortsätter; umgänget med vårdnadshavarna utökas.",
  "Placeringen fortsätter; hemflytt planeras till nästa övervägande.",
];

const entries = new Map(STARTER_CATALOGUE.map((e) => [e.code, e]));
function entry(code: string): CatalogueEntry {
  const e = entries.get(code);
  if (!e) throw new Error(`no catalogue entry "${code}"`);
  return e;
}
/** Whole years of age on a day. */
function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
const fits = (e: CatalogueEntry, age: number) => e.targetAgeMin <= age && age <= e.targetAgeMax;
const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The reason the app asks for when an insats starts outside its entry's target ages (chosen to fit
 * at the decision, a young person may pass the upper age before the start), or null when it fits.
 */
export function syntheticAgeReason(e: CatalogueEntry, birthDate: string, startedOn: string): string | null {
  const outside = ageOutsideTarget(birthDate, startedOn, { min: e.targetAgeMin, max: e.targetAgeMax });
  return outside ? `Syntetiskt skäl: insatsen beslutades när den unge var inom målgruppen (${outside.age} år vid starten)` : null;
}
/** The note the app asks for when "målen uppnådda" contradicts the follow-ups. */
export const SYNTHETIC_CONTRADICTION_NOTE =
  "Syntetisk anteckning: vid avslutet bedömdes även de mål som inte var uppnådda vid senaste uppföljningen som uppnådda.";
const maxDate = (a: string, b: string) => (a > b ? a : b);

export interface InsatsInput {
  rng: Random;
  /** The Stockholm date of asOf. */
  today: string;
  asOf: Date;
  districts: SynthDistrict[];
  users: SynthUser[];
  people: PersonRow[];
  rows: CaseRows;
}

/**
 * Insats histories for the case history: every bistånd decision carried out by one insats (sometimes
 * two), some parent programmes as service without a decision, and the lateness the seeds report —
 * late starts, decisions never carried out, missing genomförandeplaner, follow-ups not done,
 * missed överväganden. Pure: rows only, drawn from `rng` in a fixed order.
 */
export function buildInsatser(input: InsatsInput): InsatsRows {
  const { rng, today, asOf, districts, users, people, rows } = input;
  const out: InsatsRows = { insatser: [], plans: [], followUps: [], overvaganden: [] };
  const personById = new Map(people.map((p) => [p.id, p]));
  const districtById = new Map(districts.map((d) => [d.id, d]));
  const caseById = new Map(rows.cases.map((c) => [c.id as string, c]));
  const utforareByUnit = new Map<string, SynthUser[]>();
  for (const u of users) {
    for (const r of u.roles) {
      if (r.role === "insatsutforare") utforareByUnit.set(r.unitId, [...(utforareByUnit.get(r.unitId) ?? []), u]);
    }
  }
  /** An instant in the Stockholm office day, never after asOf. */
  const at = (day: string, fromMinute = 8 * 60, toMinute = 16 * 60) => {
    const t = new Date(startOfStockholmDay(day).getTime() + rng.int(fromMinute, toMinute) * 60_000);
    return t > asOf ? asOf : t;
  };

  const add = (a: {
    code: string;
    caseRow: CaseRows["cases"][number];
    district: SynthDistrict;
    decisionId: string | null;
    decidedOn: string;
    createdAt: Date;
    birthDate: string;
  }) => {
    const e = entry(a.code);
    const service = e.legalForm === "service";
    const providerUnitId = service ? a.district.units.forebyggande.id : a.district.units.oppenvard.id;
    const handlaggare = (a.caseRow.assignedTo ?? a.district.utredare[0]?.id) as string;
    const insats: SynthInsats = {
      id: rng.uuid(),
      caseId: a.caseRow.id as string,
      personId: a.caseRow.personId,
      districtId: a.district.id,
      catalogueCode: a.code,
      decisionId: a.decisionId,
      legalForm: e.legalForm,
      decidedOn: a.decidedOn,
      providerUnitId,
      // An insats advised against is only chosen with a written reason, as the app requires.
      advisedAgainstReason: e.evidenceStatus === "avrads" ? "Syntetiskt skäl: vårdnadshavarna önskade programmet" : null,
      ageOutsideReason: null,
      startedOn: null,
      notStartedReason: null,
      notStartedNote: null,
      carePlanOn: null,
      endedOn: null,
      endReason: null,
      endOutcome: null,
      endContradictionNote: null,
      createdBy: handlaggare,
      createdAt: a.createdAt,
    };
    out.insatser.push(insats);

    // Decision → start: most within 42 days, many later, some never.
    const r = rng.next();
    let plannedStart: string | null;
    if (service)
      plannedStart =
        r < 0.85 ? addCalendarDays(a.decidedOn, rng.int(0, 30)) : r < 0.95 ? addCalendarDays(a.decidedOn, rng.int(31, 90)) : null;
    else if (r < START.inTime) plannedStart = addCalendarDays(a.decidedOn, rng.int(0, DECISION_TO_START_TARGET_DAYS));
    else if (r < START.inTime + START.late)
      plannedStart = addCalendarDays(a.decidedOn, rng.int(DECISION_TO_START_TARGET_DAYS + 1, 120));
    else plannedStart = null;
    if (plannedStart === null || plannedStart > today) {
      // Not carried out: past the IVO date a reason is recorded, as the report to IVO asks for.
      const overdue = !service && today > ivoDueDate(a.decidedOn);
      if (!service && (plannedStart === null ? overdue || rng.chance(0.4) : overdue && rng.chance(0.7))) {
        const reason = (["resursbrist", "den_unge_tackar_nej", "vardnadshavare_tackar_nej", "vantelista", "ovrigt"] as const)[
          rng.weighted([3, 2, 2, 4, 1])
        ] as NotStartedReason;
        insats.notStartedReason = reason;
        insats.notStartedNote = NOT_STARTED_NOTES[reason];
      }
      return;
    }
    const start = plannedStart;
    insats.startedOn = start;
    // Chosen to fit the age at the decision; a reason, as the app asks for, when the start falls outside.
    insats.ageOutsideReason = syntheticAgeReason(e, a.birthDate, start);
    const placement = isPlacement(e.kind);
    if (placement && rng.chance(CARE_PLAN_RATE)) {
      insats.carePlanOn = minDate(addCalendarDays(a.decidedOn, rng.int(0, 30)), maxDate(start, a.decidedOn));
    }

    // End: after the typical length ± noise, or early when broken off.
    const months = e.typicalLengthMonths ?? 6;
    const dropout = rng.chance(0.15);
    const lengthDays = dropout
      ? Math.max(7, Math.round(months * 30 * (0.2 + rng.next() * 0.4)))
      : daysBetween(start, addCalendarMonths(start, months)) + rng.int(-21, 45);
    const plannedEnd = addCalendarDays(start, lengthDays);
    const ended = plannedEnd <= today;
    if (ended) {
      const reason = (
        dropout
          ? (["avbrutet_av_den_unge", "avbrutet_av_vardnadshavare", "flytt"] as const)[rng.weighted([5, 3, 1])]
          : (["mal_uppnatt", "annan_insats", "placering", "ovrigt", "flytt"] as const)[
              rng.weighted([62, 14, placement ? 0 : 6, 10, 4])
            ]
      ) as EndReason;
      insats.endedOn = plannedEnd;
      insats.endReason = reason;
      insats.endOutcome = END_OUTCOMES[reason];
    }
    const lastDay = ended ? plannedEnd : today;
    const utforare = utforareByUnit.get(providerUnitId) ?? [];
    const writer = utforare.length > 0 ? rng.pick(utforare).id : handlaggare;

    // Genomförandeplan: a fifth signed in time, a tenth late, the rest none (a few drafts).
    const p = rng.next();
    const signedOn =
      p < PLAN.inTime
        ? addCalendarDays(start, rng.int(0, PLAN_DUE_DAYS_DEFAULT))
        : p < PLAN.inTime + PLAN.late
          ? addCalendarDays(start, rng.int(PLAN_DUE_DAYS_DEFAULT + 1, 90))
          : null;
    if (signedOn === null || signedOn > lastDay) {
      if (rng.chance(DRAFT_RATE)) {
        const draftOn = minDate(addCalendarDays(start, rng.int(0, 20)), lastDay);
        const createdAt = at(draftOn);
        out.plans.push({
          ...planContent(draftOn, plannedEnd, start),
          id: rng.uuid(),
          insatsId: insats.id,
          version: 1,
          createdBy: writer,
          createdAt,
          updatedAt: createdAt,
          signedBy: null,
          signedAt: null,
        });
      }
    } else {
      const versions: { plan: SynthPlan; signedOn: string }[] = [];
      const sign = (version: number, on: string) => {
        const createdAt = at(maxDate(addCalendarDays(on, -rng.int(0, 7)), start), 8 * 60, 11 * 60);
        const signedAt = at(on, 13 * 60, 16 * 60);
        const plan: SynthPlan = {
          ...planContent(on, plannedEnd, start),
          id: rng.uuid(),
          insatsId: insats.id,
          version,
          createdBy: writer,
          createdAt: createdAt > signedAt ? signedAt : createdAt,
          updatedAt: signedAt,
          signedBy: writer,
          signedAt,
        };
        out.plans.push(plan);
        versions.push({ plan, signedOn: on });
      };
      sign(1, signedOn);
      if (rng.chance(REVISION_RATE)) {
        const revisedOn = addCalendarDays(signedOn, rng.int(45, 120));
        if (revisedOn <= lastDay) sign(2, revisedOn);
      }
      // Follow-ups on about half the due dates, some late; each against the plan in force.
      const firstFollowUp = out.followUps.length;
      versions.forEach((v, i) => {
        const until = versions[i + 1]?.signedOn ?? lastDay;
        const goals = v.plan.goals as { id: string }[];
        for (const due of v.plan.followUpDates as string[]) {
          if (due > until || !rng.chance(FOLLOW_UP_RATE)) continue;
          const doneOn = minDate(
            maxDate(rng.chance(0.7) ? addCalendarDays(due, -rng.int(0, 5)) : addCalendarDays(due, rng.int(1, 40)), v.signedOn),
            today,
          );
          out.followUps.push({
            id: rng.uuid(),
            insatsId: insats.id,
            planId: v.plan.id as string,
            dueOn: due,
            doneOn,
            results: goals.map((g) => ({
              goalId: g.id,
              attainment: ATTAINMENTS[rng.weighted(ATTAINMENT[e.evidenceStatus])] as GoalAttainment,
              comment: "",
            })),
            nextStep: rng.pick(NEXT_STEPS),
            recordedBy: writer,
            createdAt: at(doneOn),
          });
        }
      });
      // "Målen uppnådda" against follow-ups that say otherwise carries the note the app asks for.
      const inForce = versions.at(-1)?.plan.goals as { id: string }[] | undefined;
      const followUps = out.followUps
        .slice(firstFollowUp)
        .sort((x, y) => x.doneOn.localeCompare(y.doneOn) || (x.createdAt as Date).getTime() - (y.createdAt as Date).getTime())
        .map((f) => ({ results: f.results as { goalId: string; attainment: GoalAttainment }[] }));
      const status = goalStatus(
        (inForce ?? []).map((g) => g.id),
        followUps,
      );
      if (insats.endReason && endContradictsGoals(insats.endReason as EndReason, status)) {
        insats.endContradictionNote = SYNTHETIC_CONTRADICTION_NOTE;
      }
    }

    // Placements: an övervägande every six months, some missed.
    if (placement) {
      for (let k = 1; ; k++) {
        const due = addCalendarMonths(start, OVERVAGANDE_MONTHS * k);
        if (due > lastDay) break;
        if (!rng.chance(OVERVAGANDE_RATE)) continue;
        const decidedOn = minDate(maxDate(addCalendarDays(due, rng.int(-25, 5)), start), lastDay);
        out.overvaganden.push({
          id: rng.uuid(),
          insatsId: insats.id,
          decidedOn,
          conclusion: rng.pick(CONCLUSIONS),
          decidedBy: handlaggare,
          createdAt: at(decidedOn),
        });
      }
    }
  };

  /** Goals, activities and follow-up dates for a plan written on `on`, up to the planned end. */
  function planContent(on: string, plannedEnd: string, start: string) {
    const followUpDates: string[] = [];
    for (let d = addCalendarDays(on, rng.int(42, 70)); followUpDates.length < 4; d = addCalendarDays(d, rng.int(56, 84))) {
      followUpDates.push(d);
      if (d >= plannedEnd) break;
    }
    const n = rng.int(1, 3);
    const goals: { id: string; text: string; measure: string; followUpOn: string }[] = [];
    const used = new Set<number>();
    while (goals.length < n) {
      const i = rng.int(0, GOALS.length - 1);
      if (used.has(i)) continue;
      used.add(i);
      const g = GOALS[i] as { text: string; measure: string };
      goals.push({ id: `m${goals.length + 1}`, ...g, followUpOn: rng.pick(followUpDates) });
    }
    return {
      goals,
      activities: Array.from({ length: rng.int(1, 2) }, () => ({ what: rng.pick(ACTIVITIES), who: "Behandlare" })),
      youngPersonViews: rng.chance(0.6) ? "Den unge vill komma tillbaka till skolan och slippa bråk hemma." : "",
      guardianViews: rng.chance(0.6) ? "Vårdnadshavarna önskar stöd i att sätta gränser." : "",
      plannedStart: start,
      followUpDates,
    };
  }

  // Every bistånd decision is carried out by an insats that fits the young person's age.
  for (const decision of rows.decisions) {
    if (decision.type !== "bistand") continue;
    const caseRow = caseById.get(decision.caseId);
    const person = caseRow ? personById.get(caseRow.personId) : undefined;
    const district = caseRow ? districtById.get(caseRow.districtId) : undefined;
    if (!caseRow || !person || !district) continue;
    const decidedAt = decision.decidedAt as Date;
    const decidedOn = stockholmDate(decidedAt);
    const age = ageOn(person.birthDate, decidedOn);
    const codes = Object.keys(BISTAND_WEIGHTS).filter((c) => fits(entry(c), age));
    if (codes.length === 0) continue;
    const count = rng.chance(SECOND_INSATS_RATE) && codes.length > 1 ? 2 : 1;
    const chosen: string[] = [];
    while (chosen.length < count) {
      const left = codes.filter((c) => !chosen.includes(c));
      chosen.push(left[rng.weighted(left.map((c) => BISTAND_WEIGHTS[c] as number))] as string);
    }
    for (const code of chosen) {
      const createdAt = new Date(decidedAt.getTime() + rng.int(10, 180) * 60_000);
      add({
        code,
        caseRow,
        district,
        decisionId: decision.id as string,
        decidedOn,
        createdAt: createdAt > asOf ? asOf : createdAt,
        birthDate: person.birthDate,
      });
    }
  }

  // Service without decision: parent programmes for 6–12 year olds, a few SIG, very rarely the one advised against.
  for (const caseRow of rows.cases) {
    const person = personById.get(caseRow.personId);
    const district = districtById.get(caseRow.districtId);
    if (!person || !district) continue;
    const opened = stockholmDate(caseRow.openedAt as Date);
    const closed = caseRow.closedAt ? stockholmDate(caseRow.closedAt as Date) : today;
    const decidedOn = addCalendarDays(opened, rng.int(0, Math.max(0, daysBetween(opened, minDate(closed, today)))));
    const age = ageOn(person.birthDate, decidedOn);
    const offers: string[] = [];
    if (age >= 6 && age <= 12 && rng.chance(SERVICE_RATE)) {
      const fitting = PARENT_PROGRAMMES.filter((c) => fits(entry(c), age));
      if (fitting.length > 0) offers.push(rng.pick(fitting));
    }
    if (fits(entry("SIG"), age) && rng.chance(SIG_RATE)) offers.push("SIG");
    if (fits(entry("SCARED_STRAIGHT"), age) && rng.chance(AVRADS_RATE)) offers.push("SCARED_STRAIGHT");
    for (const code of offers)
      add({ code, caseRow, district, decisionId: null, decidedOn, createdAt: at(decidedOn), birthDate: person.birthDate });
  }
  return out;
}
