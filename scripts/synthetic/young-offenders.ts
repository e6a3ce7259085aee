/**
 * Young-offender histories for the synthetic municipality: LVU processes (lag (1990:52)) behind
 * the investigations that ended in an application for care, LUL yttranden (lag (1964:167)) asked by
 * prosecutors, police and courts about young suspects, and the insatser that follow — LVU
 * placements (HVB, SiS, familjehem) and ungdomsvård (brottsbalken 32 kap. 1 §) under an
 * ungdomskontrakt. With the lateness real files show: a few late underställningar and
 * applications, late prövningar, urgent decisions reported late, yttranden sent after their day.
 * Pure: rows only, drawn from `rng` in a fixed order.
 */
import { addCalendarDays, addCalendarMonths } from "../../src/domain/clocks";
import { STARTER_CATALOGUE } from "../../src/domain/interventions/catalogue";
import { weeksFromDay } from "../../src/domain/legal-time";
import type { LvuStep } from "../../src/domain/lvu/process";
import { ageOn } from "../../src/domain/personnummer";
import { startOfStockholmDay, stockholmDate } from "../../src/domain/time";
import type { lulYttranden, lvuProcesses, lvuSteps } from "../../src/server/db/schema/index";
import type { CaseRows } from "./case-history";
import { type SynthInsats, type SynthPlan, syntheticAgeReason } from "./insatser";
import type { SynthDistrict } from "./organisation";
import type { PersonRow } from "./persons";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface YoungOffenderRows {
  lvuProcesses: Row<typeof lvuProcesses>[];
  lvuSteps: Row<typeof lvuSteps>[];
  lulYttranden: Row<typeof lulYttranden>[];
  insatser: SynthInsats[];
  plans: SynthPlan[];
}

export interface YoungOffenderInput {
  rng: Random;
  /** The Stockholm date of asOf. */
  today: string;
  districts: SynthDistrict[];
  people: PersonRow[];
  rows: CaseRows;
}

/** Share of reports about crime concerning someone 15–20 that a prosecutor, the police or a court asks a yttrande on. */
const YTTRANDE_RATE = 0.06;
/** Share of applications for care preceded by an omedelbart omhändertagande (6 §). */
const OMEDELBART_RATE = 0.6;
/** Share of omedelbara omhändertaganden the chair decides because the nämnd cannot be awaited. */
const URGENT_RATE = 0.45;

const PLACEMENT_CODES: Record<"hvb" | "sis" | "familjehem", string> = {
  hvb: "LVU_HVB",
  sis: "LVU_SIS",
  familjehem: "LVU_FAMILJEHEM",
};

/** An instant in the Stockholm office day. */
const officeAt = (rng: Random, day: string) => new Date(startOfStockholmDay(day).getTime() + rng.int(8 * 60, 16 * 60) * 60_000);

export function buildYoungOffenders(input: YoungOffenderInput): YoungOffenderRows {
  const { rng, today, districts, people, rows } = input;
  const out: YoungOffenderRows = { lvuProcesses: [], lvuSteps: [], lulYttranden: [], insatser: [], plans: [] };
  const personById = new Map(people.map((p) => [p.id, p]));
  const districtById = new Map(districts.map((d) => [d.id, d]));
  const caseById = new Map(rows.cases.map((c) => [c.id as string, c]));
  const staffOf = (c: CaseRows["cases"][number], d: SynthDistrict) => (c.assignedTo ?? d.utredare[0]?.id) as string;

  const insats = (a: {
    code: string;
    legalForm: "lvu" | "pafoljd";
    caseRow: CaseRows["cases"][number];
    district: SynthDistrict;
    decidedOn: string;
    startedOn: string;
    carePlanOn: string | null;
    endedOn: string | null;
  }): SynthInsats => {
    const entry = STARTER_CATALOGUE.find((e) => e.code === a.code);
    const birthDate = personById.get(a.caseRow.personId)?.birthDate;
    const row: SynthInsats = {
      id: rng.uuid(),
      caseId: a.caseRow.id as string,
      personId: a.caseRow.personId,
      districtId: a.district.id,
      catalogueCode: a.code,
      decisionId: null,
      legalForm: a.legalForm,
      decidedOn: a.decidedOn,
      providerUnitId: a.district.units.oppenvard.id,
      advisedAgainstReason: null,
      // A reason, as the app asks for, should the start fall outside the entry's target ages.
      ageOutsideReason: entry && birthDate ? syntheticAgeReason(entry, birthDate, a.startedOn) : null,
      startedOn: a.startedOn,
      notStartedReason: null,
      notStartedNote: null,
      carePlanOn: a.carePlanOn,
      endedOn: a.endedOn,
      endReason: a.endedOn ? "mal_uppnatt" : null,
      endOutcome: a.endedOn ? "Vården eller påföljden har fullföljts." : null,
      endContradictionNote: null,
      createdBy: staffOf(a.caseRow, a.district),
      createdAt: officeAt(rng, a.decidedOn),
    };
    out.insatser.push(row);
    return row;
  };

  // ── LVU: every investigation that ended in an application for care has its process ──────────
  const casesWithProcess = new Set<string>();
  for (const decision of rows.decisions) {
    if (decision.type !== "lvu_ansokan" || casesWithProcess.has(decision.caseId)) continue;
    const caseRow = caseById.get(decision.caseId);
    const person = caseRow ? personById.get(caseRow.personId) : undefined;
    const district = caseRow ? districtById.get(caseRow.districtId) : undefined;
    if (!caseRow || !person || !district) continue;
    const ansokanOn = stockholmDate(decision.decidedAt);
    const age = ageOn(person.birthDate, ansokanOn);
    if (age >= 20) continue;
    casesWithProcess.add(decision.caseId);
    const ground = age >= 12 && rng.chance(0.8) ? ("3" as const) : ("2" as const);
    if (age >= 18 && ground === "2") continue;
    const recorder = staffOf(caseRow, district);
    const processId = rng.uuid();
    const steps: { step: LvuStep; decisionId?: string }[] = [];
    const add = (step: LvuStep, decisionId?: string) => {
      const day = "on" in step ? step.on : stockholmDate(step.decidedAt);
      if (day > today) return false;
      steps.push({ step, decisionId });
      return true;
    };
    const namnd = { kind: "namnd" as const, paragraph: `§ ${rng.int(1, 180)}` };
    // HVB and SiS take young people from 12; younger children are placed in a familjehem.
    const form = age < 12 ? "familjehem" : ((["hvb", "sis", "familjehem"] as const)[rng.weighted([5, 3, 2])] as "hvb" | "sis");
    let placedOn: string | null = null;

    if (rng.chance(OMEDELBART_RATE)) {
      // Most applications reach the court within the four weeks of 8 §; a few do not.
      const decidedOn = addCalendarDays(ansokanOn, -(rng.chance(0.04) ? rng.int(29, 35) : rng.int(8, 24)));
      const urgent = rng.chance(URGENT_RATE);
      add({
        kind: "omedelbart_beslut",
        decidedAt: officeAt(rng, decidedOn),
        maker: urgent ? { kind: "ordforande", memberName: "Ordföranden (syntetisk)" } : namnd,
        reason: "Rättens beslut kan inte avvaktas med hänsyn till risken för den unges hälsa och utveckling.",
      });
      const verkstalltOn = addCalendarDays(decidedOn, rng.chance(0.8) ? 0 : 1);
      add({ kind: "verkstallt", on: verkstalltOn });
      // Reported at the next meeting, usually; sometimes only at the one after.
      if (urgent)
        add({
          kind: "anmalt_till_namnd",
          on: addCalendarDays(decidedOn, rng.chance(0.85) ? rng.int(2, 7) : rng.int(25, 40)),
          decisionSeq: 1,
        });
      const understalldOn = addCalendarDays(decidedOn, rng.chance(0.95) ? rng.int(1, 6) : rng.int(8, 10));
      if (add({ kind: "understalld", on: understalldOn }))
        add({ kind: "understallning_provad", on: addCalendarDays(understalldOn, rng.int(2, 6)), outcome: "faststallt" });
      if (
        add({
          kind: "placering",
          decidedAt: officeAt(rng, verkstalltOn),
          maker: { kind: "tjansteman" },
          form,
          place: "Syntetiskt hem",
          from: verkstalltOn,
        })
      )
        placedOn = verkstalltOn;
      const due = weeksFromDay(verkstalltOn, 4).lastDay;
      if (due < ansokanOn && rng.chance(0.5))
        add({ kind: "ansokningstid_forlangd", on: addCalendarDays(due, -3), until: ansokanOn });
    }
    add(
      {
        kind: "ansokan",
        decidedAt: decision.decidedAt,
        maker: namnd,
        submittedOn: ansokanOn,
        reason: ground === "3" ? "Brottslig verksamhet (3 § LVU)" : "Brister i omsorgen (2 § LVU)",
      },
      decision.id as string,
    );
    add({ kind: "vardplan", on: addCalendarDays(ansokanOn, rng.int(0, 10)) });
    const domOn = addCalendarDays(ansokanOn, rng.int(14, 35));
    const granted = rng.chance(0.9);
    let endedOn: string | null = null;
    if (add({ kind: "dom", on: domOn, outcome: granted ? "bifall" : "avslag", grounds: granted ? [ground] : [] })) {
      if (!granted) endedOn = domOn;
      const lagaKraftOn = addCalendarDays(domOn, rng.int(21, 25));
      if (granted && add({ kind: "laga_kraft", on: lagaKraftOn })) {
        const careOn = placedOn ? lagaKraftOn : addCalendarDays(lagaKraftOn, rng.int(0, 10));
        if (add({ kind: "vard_paborjad", on: careOn })) {
          if (
            !placedOn &&
            add({
              kind: "placering",
              decidedAt: officeAt(rng, careOn),
              maker: namnd,
              form,
              place: "Syntetiskt hem",
              from: careOn,
            })
          )
            placedOn = careOn;
          // 13 §: a review every six months, most in time; care ends after 6–18 months.
          const endOn = addCalendarMonths(careOn, rng.int(6, 18));
          let last = careOn;
          for (;;) {
            const due = addCalendarMonths(last, 6);
            const held = rng.chance(0.85) ? addCalendarDays(due, -rng.int(0, 30)) : addCalendarDays(due, rng.int(1, 30));
            if (held >= endOn || held > today) break;
            add({
              kind: "overvagande",
              decidedAt: officeAt(rng, held),
              maker: namnd,
              form: ground === "2" ? "overvagande" : "provning",
              outcome: "fortsatt",
            });
            last = held;
          }
          if (
            add({
              kind: "upphorande",
              decidedAt: officeAt(rng, endOn),
              maker: namnd,
              reason: "Vården behövs inte längre (21 § LVU).",
            })
          )
            endedOn = endOn;
        }
      }
    }
    const first = steps[0];
    if (!first) continue;
    const firstDay = "on" in first.step ? first.step.on : stockholmDate(first.step.decidedAt);
    out.lvuProcesses.push({
      id: processId,
      caseId: caseRow.id as string,
      personId: person.id,
      districtId: district.id,
      grounds: [ground],
      behaviours: ground === "3" ? ["brottslig_verksamhet"] : [],
      openedAt: officeAt(rng, firstDay),
      openedBy: recorder,
      endedOn,
    });
    steps.forEach(({ step, decisionId }, i) => {
      const day = "on" in step ? step.on : stockholmDate(step.decidedAt);
      out.lvuSteps.push({
        processId,
        seq: i + 1,
        kind: step.kind,
        occurredOn: day,
        // Stored as the API stores a step body: instants as ISO strings.
        data: "decidedAt" in step ? { ...step, decidedAt: step.decidedAt.toISOString() } : step,
        decisionId: decisionId ?? null,
        recordedBy: recorder,
        recordedAt: officeAt(rng, day),
      });
    });
    if (placedOn) {
      const carePlanOn = steps.find((s) => s.step.kind === "vardplan");
      insats({
        code: PLACEMENT_CODES[form],
        legalForm: "lvu",
        caseRow,
        district,
        decidedOn: placedOn,
        startedOn: placedOn,
        carePlanOn: carePlanOn && "on" in carePlanOn.step ? carePlanOn.step.on : null,
        endedOn,
      });
    }
  }

  // ── LUL yttranden about young suspects, and the ungdomsvård that follows some ────────────────
  for (const report of rows.reports) {
    if (!report.concerns?.includes("brott") || !rng.chance(YTTRANDE_RATE)) continue;
    const caseRow = caseById.get(report.caseId as string);
    const person = personById.get(report.personId as string);
    const district = caseRow ? districtById.get(caseRow.districtId) : undefined;
    if (!caseRow || !person || !district) continue;
    const askedOn = addCalendarDays(stockholmDate(report.receivedAt as Date), rng.int(10, 60));
    const age = ageOn(person.birthDate, askedOn);
    if (askedOn > today || age < 15 || age > 20) continue;
    const requester = (["aklagare", "polis", "domstol"] as const)[rng.weighted([6, 2, 2])] as "aklagare" | "polis" | "domstol";
    const dueOn = addCalendarDays(askedOn, rng.int(14, 28));
    const sentOn = rng.chance(0.85) ? addCalendarDays(dueOn, -rng.int(0, 7)) : addCalendarDays(dueOn, rng.int(1, 10));
    const sent = sentOn <= today;
    const signed = sent || rng.chance(0.4);
    const measure = (
      [
        "ungdomsvard_ungdomskontrakt",
        "ungdomsvard_vardplan",
        "ungdomstjanst",
        "ungdomsvard_och_ungdomstjanst",
        "inget_sarskilt_behov",
      ] as const
    )[rng.weighted([4, 1, 3, 2, 3])] as string;
    const writer = staffOf(caseRow, district);
    out.lulYttranden.push({
      caseId: caseRow.id as string,
      personId: person.id,
      districtId: district.id,
      requesterKind: requester,
      requesterReference: `${requester === "domstol" ? "B" : "AM"}-${rng.int(10_000, 99_999)}-${askedOn.slice(2, 4)}`,
      offenceCategory: (["stold_snatteri", "ran", "vald_mot_person", "narkotika", "skadegorelse", "hot_ofredande"] as const)[
        rng.weighted([4, 2, 3, 2, 2, 2])
      ] as string,
      askedOn,
      dueOn,
      previousMeasures: signed ? "Tidigare insatser enligt akten (syntetiskt)." : null,
      needAssessment: signed ? "Särskilt behov av åtgärder bedöms föreligga (syntetiskt)." : null,
      plannedMeasures: signed ? "Nämnden planerar insatser enligt ungdomskontraktet (syntetiskt)." : null,
      youngPersonsView: signed && rng.chance(0.7) ? "Den unge är positiv till stöd (syntetiskt)." : null,
      proposedMeasure: signed ? measure : null,
      signedAt: signed ? officeAt(rng, sent ? sentOn : minDay(addCalendarDays(askedOn, rng.int(3, 10)), today)) : null,
      signedBy: signed ? writer : null,
      sentOn: sent ? sentOn : null,
      createdBy: writer,
      createdAt: officeAt(rng, askedOn),
    });
    // The court imposes ungdomsvård in some of the cases where the nämnd proposed it.
    if (!sent || !measure.startsWith("ungdomsvard_") || measure === "ungdomsvard_vardplan" || !rng.chance(0.7)) continue;
    const domOn = addCalendarDays(sentOn, rng.int(14, 50));
    const startedOn = addCalendarDays(domOn, rng.int(0, 14));
    if (startedOn > today) continue;
    const endOn = addCalendarMonths(startedOn, rng.int(4, 9));
    const row = insats({
      code: "UNGDOMSVARD",
      legalForm: "pafoljd",
      caseRow,
      district,
      decidedOn: domOn,
      startedOn,
      carePlanOn: null,
      endedOn: endOn <= today ? endOn : null,
    });
    // The ungdomskontrakt the court relied on becomes the genomförandeplan, signed as the care starts.
    const signedAt = officeAt(rng, minDay(addCalendarDays(startedOn, rng.int(0, 7)), today));
    const followUp = addCalendarMonths(startedOn, 2);
    out.plans.push({
      id: rng.uuid(),
      insatsId: row.id,
      version: 1,
      goals: [
        {
          id: "m1",
          text: "Den unge deltar i skolan enligt ungdomskontraktet",
          measure: "Närvaro enligt skolan",
          followUpOn: followUp,
        },
        { id: "m2", text: "Den unge fullföljer samtalen hos öppenvården", measure: "Genomförda samtal", followUpOn: followUp },
      ],
      activities: [{ what: "Samtal enligt ungdomskontraktet (BrB 32 kap. 1 §)", who: "Öppenvården" }],
      youngPersonViews: "Den unge har samtyckt till ungdomskontraktet.",
      guardianViews: "Vårdnadshavarna stödjer kontraktet.",
      plannedStart: startedOn,
      followUpDates: [followUp],
      createdBy: writer,
      createdAt: signedAt,
      updatedAt: signedAt,
      signedBy: writer,
      signedAt,
    });
  }
  return out;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
