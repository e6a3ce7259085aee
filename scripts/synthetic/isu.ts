import { createHash } from "node:crypto";
import { addCalendarDays, addCalendarMonths, daysBetween } from "../../src/domain/clocks";
import { dueMeasurements } from "../../src/domain/effects/schedule";
import { STARTER_PLAN } from "../../src/domain/effects/starter";
import { SELF_REPORT_DEFAULT_DAYS } from "../../src/domain/effects/vocabulary";
import { type CatalogueEntry, STARTER_CATALOGUE } from "../../src/domain/interventions/catalogue";
import type { EvidenceStatus } from "../../src/domain/interventions/vocabulary";
import { startOfStockholmDay, stockholmDate } from "../../src/domain/time";
import type { isuMeasurements, isuSelfReportLinks, isuSurveyResponses } from "../../src/server/db/schema/index";
import type { SynthInsats } from "./insatser";
import type { SynthUser } from "./organisation";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];
export type SynthIsuMeasurement = Row<typeof isuMeasurements> & { id: string };
export type SynthIsuLink = Row<typeof isuSelfReportLinks> & { id: string };
export type SynthIsuResponse = Row<typeof isuSurveyResponses> & { id: string };

export interface IsuRows {
  links: SynthIsuLink[];
  measurements: SynthIsuMeasurement[];
  responses: SynthIsuResponse[];
}

/**
 * How complete the measuring is. Start ratings are mostly taken (the first meeting is booked
 * anyway); interim ratings depend on the unit's routine; the end rating is missed when the young
 * person stops coming, and the follow-up six months after the end mostly never happens.
 */
const START_RATE = 0.85;
const INTERIM_RATE = 0.6;
/** Without a used link: with the ~40 % answered through the survey link, about 70 % of ended insatser get an end rating. */
const END_RATE = 0.5;
const AFTER_6_RATE = 0.35;
/** The provider's own rating is sometimes left out when the young person's is taken. */
const STAFF_MISSING_RATE = 0.05;
/** Ended insatser that get a link to the satisfaction survey, and the share of links used. */
const SURVEY_RATE = 0.75;
const SURVEY_ANSWER_RATE = 0.6;
const GUARDIAN_LINK_RATE = 0.1;

/**
 * Mean change from start to end, in steps on the 1–10 scales, by evidence status (sd 2.0 in all).
 * Recommended programmes move young people most; the one advised against not at all.
 */
const CHANGE_MEAN: Record<EvidenceStatus, number> = {
  rekommenderad: 2.0,
  lovande: 1.2,
  saknar_evidens: 0.5,
  avrads: -0.2,
};
/** The change is shared between the scales in part (the insats works or it does not): √(1.2² + 1.6²) = 2.0. */
const INSATS_SD = 1.2;
const SCALE_SD = 1.6;
/** Staff see a bit more progress than the young person does. */
const STAFF_OPTIMISM = 0.4;
/** Mean satisfaction (1–5) by evidence status, before the person's own leaning. */
const SATISFACTION_MEAN: Record<EvidenceStatus, number> = {
  rekommenderad: 4.1,
  lovande: 3.8,
  saknar_evidens: 3.5,
  avrads: 2.9,
};

const entries = new Map(STARTER_CATALOGUE.map((e) => [e.code, e]));
function entry(code: string): CatalogueEntry {
  const e = entries.get(code);
  if (!e) throw new Error(`no catalogue entry "${code}"`);
  return e;
}
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const rate = (v: number) => clamp(Math.round(v), 1, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** A standard normal draw (Box–Muller), from the generator so it repeats with the seed. */
function normal(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** A unique, deterministic token hash. No real token is behind it, so no link can be opened. */
export const syntheticTokenHash = (seed: number, index: number) =>
  createHash("sha256").update(`synthetic-${seed}-${index}`).digest("hex");

export interface IsuInput {
  rng: Random;
  seed: number;
  /** The Stockholm date of asOf. */
  today: string;
  asOf: Date;
  insatser: SynthInsats[];
  users: SynthUser[];
  /** Starter scale ids by key (ensureStarterIsu). */
  scaleIds: Map<string, string>;
  /** The survey's question keys. */
  questionKeys: readonly string[];
}

/**
 * ISU histories for the started insatser: the four starter scales rated by the young person and
 * the provider at start, every six months while it runs, at the end and six months after, with
 * the gaps real follow-up has; and the satisfaction survey at the end through a self-report link.
 * The change from start to end follows the insats's evidence status. Pure: rows only, drawn from
 * `rng` in a fixed order.
 */
export function buildIsu(input: IsuInput): IsuRows {
  const { rng, seed, today, asOf, insatser, users, scaleIds, questionKeys } = input;
  const out: IsuRows = { links: [], measurements: [], responses: [] };
  // By key, so the draws do not depend on the order the database returned the scales in.
  const scales = [...scaleIds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, id]) => id);
  const utforareByUnit = new Map<string, string[]>();
  for (const u of users) {
    for (const r of u.roles) {
      if (r.role === "insatsutforare") utforareByUnit.set(r.unitId, [...(utforareByUnit.get(r.unitId) ?? []), u.id]);
    }
  }
  /** An instant in the Stockholm office day, never after asOf. */
  const at = (day: string, fromMinute = 8 * 60, toMinute = 16 * 60) => {
    const t = new Date(startOfStockholmDay(day).getTime() + rng.int(fromMinute, toMinute) * 60_000);
    return t > asOf ? asOf : t;
  };
  const plan = { points: STARTER_PLAN.points, intervalMonths: STARTER_PLAN.intervalMonths };

  for (const insats of insatser) {
    const startedOn = insats.startedOn;
    if (!startedOn || startedOn > today) continue;
    const endedOn = insats.endedOn ?? null;
    const e = entry(insats.catalogueCode);
    const staff = utforareByUnit.get(insats.providerUnitId as string) ?? [];
    const writer = staff.length > 0 ? rng.pick(staff) : insats.createdBy;

    // The young person's true state per scale at start, and where the insats takes it by the end.
    const effect = CHANGE_MEAN[e.evidenceStatus] + INSATS_SD * normal(rng);
    const latent = scales.map((scaleId) => {
      const start = 4 + 1.3 * normal(rng);
      return { scaleId, start, change: effect + SCALE_SD * normal(rng), staffBias: 0.3 * normal(rng) };
    });
    const months = endedOn ? Math.max(1, daysBetween(startedOn, endedOn) / 30.4) : Math.max(1, e.typicalLengthMonths);
    /** The latent value at a share of the way through the insats, as each respondent sees it. */
    const value = (l: (typeof latent)[number], progress: number, respondent: "ungdom" | "utforare", noise: number) =>
      rate(
        l.start +
          l.change * progress +
          (respondent === "utforare" ? l.staffBias + STAFF_OPTIMISM * progress : 0) +
          noise * normal(rng),
      );

    const hasStart = rng.chance(START_RATE);
    const hasInterim = rng.chance(INTERIM_RATE);
    const ended = endedOn !== null && endedOn <= today;
    const hasAfter = ended && rng.chance(AFTER_6_RATE);
    const staffMissing = rng.chance(STAFF_MISSING_RATE);

    // The survey link at the end: created on the end day, valid a week, used by about six in ten.
    let link: SynthIsuLink | null = null;
    if (ended && rng.chance(SURVEY_RATE)) {
      const respondent = rng.chance(GUARDIAN_LINK_RATE) ? "vardnadshavare" : "ungdom";
      const createdAt = at(endedOn as string);
      const expiresAt = new Date(createdAt.getTime() + SELF_REPORT_DEFAULT_DAYS * 86_400_000);
      const usedCandidate = new Date(createdAt.getTime() + rng.int(10, SELF_REPORT_DEFAULT_DAYS * 24 * 60 - 10) * 60_000);
      const used = rng.chance(SURVEY_ANSWER_RATE) && usedCandidate <= asOf;
      link = {
        id: rng.uuid(),
        insatsId: insats.id,
        personId: insats.personId,
        districtId: insats.districtId,
        respondent,
        point: "end",
        scaleIds: respondent === "ungdom" ? scales : [],
        includeSurvey: true,
        tokenHash: syntheticTokenHash(seed, out.links.length),
        expiresAt,
        usedAt: used ? usedCandidate : null,
        createdBy: writer,
        createdAt,
      };
      out.links.push(link);
      if (used) {
        const mean = SATISFACTION_MEAN[e.evidenceStatus] + 0.15 * effect + 0.6 * normal(rng);
        const answers: Record<string, number> = {};
        for (const key of questionKeys) answers[key] = clamp(Math.round(mean + 0.5 * normal(rng)), 1, 5);
        out.responses.push({
          id: rng.uuid(),
          insatsId: insats.id,
          districtId: insats.districtId,
          linkId: link.id,
          respondent,
          answeredOn: stockholmDate(usedCandidate),
          answers,
          createdAt: usedCandidate,
        });
      }
    }

    // The young person's end rating comes through the survey link when they used it.
    const endLink = link?.usedAt && link.respondent === "ungdom" ? link : null;
    const hasEnd = ended && (endLink !== null || rng.chance(END_RATE));

    const record = (
      point: "start" | "interim" | "end" | "after_6",
      measuredOn: string,
      progress: number,
      viaLink: SynthIsuLink | null,
      staffOn = measuredOn,
    ) => {
      const createdAt = viaLink?.usedAt ?? at(measuredOn);
      for (const l of latent) {
        out.measurements.push({
          id: rng.uuid(),
          insatsId: insats.id,
          personId: insats.personId,
          districtId: insats.districtId,
          scaleId: l.scaleId,
          point,
          respondent: "ungdom",
          measuredOn,
          value: value(l, progress, "ungdom", 0.7),
          linkId: viaLink?.id ?? null,
          recordedBy: viaLink ? null : writer,
          createdAt,
        });
        if (staffMissing) continue;
        out.measurements.push({
          id: rng.uuid(),
          insatsId: insats.id,
          personId: insats.personId,
          districtId: insats.districtId,
          scaleId: l.scaleId,
          point,
          respondent: "utforare",
          measuredOn: staffOn,
          value: value(l, progress, "utforare", 0.6),
          linkId: null,
          recordedBy: writer,
          createdAt: at(staffOn),
        });
      }
    };

    for (const due of dueMeasurements(plan, { startedOn, endedOn: ended ? endedOn : null }, today)) {
      if (due.point === "start") {
        if (hasStart) record("start", minDate(addCalendarDays(startedOn, rng.int(0, 10)), endedOn ?? today), 0, null);
      } else if (due.point === "interim") {
        if (!hasInterim || due.dueOn > today) continue;
        const on = addCalendarDays(due.dueOn, rng.int(-7, 7));
        if (on <= startedOn || on > today || (ended && on >= (endedOn as string))) continue;
        record("interim", on, Math.min(1, daysBetween(startedOn, on) / 30.4 / months), null);
      } else if (due.point === "end") {
        if (!hasEnd) continue;
        const on = endedOn as string;
        record("end", endLink ? stockholmDate(endLink.usedAt as Date) : on, 1, endLink, on);
      } else if (due.point === "after_6") {
        if (!hasAfter || addCalendarMonths(endedOn as string, 6) > today) continue;
        const on = minDate(addCalendarDays(due.dueOn, rng.int(-10, 25)), today);
        // Six months on, some of the gain has faded for some and grown for others.
        record("after_6", on, 0.9 + 0.2 * rng.next(), null);
      }
    }
  }
  return out;
}
