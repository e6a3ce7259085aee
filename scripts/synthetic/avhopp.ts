import {
  type AvhoppStep,
  applyStep,
  avhoppPhase,
  type Custody,
  checkStep,
  initialState,
  openProblem,
} from "../../src/domain/avhopp/process";
import { addCalendarDays } from "../../src/domain/clocks";
import { ageOn } from "../../src/domain/personnummer";
import { stockholmDate } from "../../src/domain/time";
import type { Tx } from "../../src/server/db/connection";
import { avhoppFollowUps, avhoppProcesses, avhoppSteps, type cases } from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import type { SynthDistrict } from "./organisation";
import type { PersonRow } from "./persons";
import { Random } from "./random";

/** A few processes in the first districts: enough for the demo's list and case pages, cheap at any scale. */
const DISTRICTS_WITH_AVHOPP = 3;
const PROCESSES_PER_DISTRICT = 4;

export interface AvhoppRows {
  processes: (typeof avhoppProcesses.$inferInsert)[];
  steps: (typeof avhoppSteps.$inferInsert)[];
  followUps: (typeof avhoppFollowUps.$inferInsert)[];
}

const CUSTODIES: Custody[] = ["ingen", "anstalt", "hakte", "ingen"];

/**
 * Avhopp processes on open cases of young people aged 15–25 in the first districts, at different
 * stages: one just asked for, one agreed, one with insatser and a follow-up planned (some done),
 * one closed; some begun in custody. Every step passes the domain's state machine, so the data is
 * what the API would have accepted. Drawn from a random source of its own, so the rest of the
 * municipality is the same for a seed with or without it.
 */
export function buildAvhopp(input: {
  seed: number;
  today: string;
  districts: SynthDistrict[];
  people: PersonRow[];
  cases: (typeof cases.$inferInsert)[];
}): AvhoppRows {
  const rng = new Random(input.seed + 24);
  const out: AvhoppRows = { processes: [], steps: [], followUps: [] };
  const { today } = input;
  const byId = new Map(input.people.map((p) => [p.id, p]));
  for (const district of input.districts.slice(0, DISTRICTS_WITH_AVHOPP)) {
    const worker = district.utredare[0] ?? district.mottagning[0];
    if (!worker) continue;
    const by = worker.id;
    const eligible = input.cases.filter((c) => {
      const p = byId.get(c.personId);
      if (c.districtId !== district.id || c.closedAt || !p || p.kind !== "ung" || p.protectedIdentity) return false;
      const age = ageOn(p.birthDate, addCalendarDays(today, -120));
      return age >= 15 && age <= 25;
    });
    for (const [i, c] of eligible.slice(0, PROCESSES_PER_DISTRICT).entries()) {
      const person = byId.get(c.personId) as PersonRow;
      const contactOn = addCalendarDays(today, -rng.int(60, 120));
      const custody = CUSTODIES[i % CUSTODIES.length] as Custody;
      const facts = { birthDate: person.birthDate, contactOn, custody };
      if (openProblem(facts, today)) continue;
      const processId = rng.uuid();
      const followUpId = rng.uuid();
      const minor = ageOn(person.birthDate, contactOn) < 18;
      const day = (n: number) => addCalendarDays(contactOn, n);
      const plan: AvhoppStep[] = [
        {
          kind: "kartlaggning",
          on: day(7),
          riskLevel: rng.chance(0.5) ? "hog" : "medel",
          summary: "Hot- och riskbedömning gjord (syntetisk).",
        },
        {
          kind: "overenskommelse",
          on: day(14),
          goals: "Lämna nätverket, boende och sysselsättning (syntetisk).",
          guardiansAgreed: minor,
        },
        { kind: "insats", on: day(15), insats: custody === "ingen" ? "skyddat_boende" : "stodsamtal", description: "" },
        { kind: "insats", on: day(20), insats: "sysselsattning", description: "" },
        { kind: "uppfoljning", on: day(45), followUpId, progress: "battre", summary: "Följer överenskommelsen (syntetisk)." },
        { kind: "avslut", on: day(55), reason: "genomfort", summary: "" },
      ];
      // Stage by index: asked for, agreed, insatser with a follow-up done and one due, closed.
      const stepsTaken = [0, 2, 5, 6][i % 4] as number;
      let state = initialState(facts);
      const followUps: (typeof avhoppFollowUps.$inferInsert)[] = [];
      if (stepsTaken >= 5) {
        followUps.push({ id: followUpId, processId, dueOn: day(45), purpose: "Första uppföljningen", createdBy: by });
        if (stepsTaken === 5)
          followUps.push({
            id: rng.uuid(),
            processId,
            dueOn: addCalendarDays(today, rng.int(3, 30)),
            purpose: "Andra uppföljningen",
            createdBy: by,
          });
      }
      const steps: (typeof avhoppSteps.$inferInsert)[] = [];
      for (const [seq, step] of plan.slice(0, stepsTaken).entries()) {
        if (checkStep(facts, state, step, today, [followUpId])) throw new Error("synthetic avhopp step breaks the rules");
        state = applyStep(state, step);
        steps.push({ processId, seq: seq + 1, kind: step.kind, occurredOn: step.on, data: step, recordedBy: by });
        if (step.kind === "uppfoljning") {
          const f = followUps.find((x) => x.id === followUpId);
          if (f) Object.assign(f, { doneOn: step.on, doneSeq: seq + 1 });
        }
      }
      out.processes.push({
        id: processId,
        caseId: c.id as string,
        personId: c.personId,
        districtId: district.id,
        contactOn,
        channel: custody === "ingen" ? "egen" : "kriminalvard",
        openingCustody: custody,
        custody: state.custody,
        phase: avhoppPhase(state),
        background: "Vill lämna ett kriminellt nätverk (syntetisk).",
        openedAt: new Date(`${contactOn}T10:00:00+01:00`),
        openedBy: by,
        endedOn: state.ended?.on ?? null,
      });
      out.steps.push(...steps);
      out.followUps.push(...followUps);
    }
  }
  if (out.processes.some((p) => stockholmDate(p.openedAt as Date) > today)) throw new Error("synthetic avhopp in the future");
  return out;
}

export async function insertAvhopp(tx: Tx, rows: AvhoppRows): Promise<void> {
  await insertBatched(tx, avhoppProcesses, rows.processes);
  await insertBatched(tx, avhoppSteps, rows.steps);
  await insertBatched(tx, avhoppFollowUps, rows.followUps);
}
