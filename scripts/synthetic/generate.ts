import { and, eq } from "drizzle-orm";
import { addCalendarMonths } from "../../src/domain/clocks";
import { STARTER_QUESTIONS } from "../../src/domain/effects/starter";
import { startOfStockholmDay, stockholmDate } from "../../src/domain/time";
import type { Database } from "../../src/server/db/connection";
import {
  assessments,
  cases,
  decisions,
  districts,
  insatsCatalogue,
  insatser,
  insatsFollowUps,
  insatsPlans,
  instrumentTrainings,
  investigations,
  isuMeasurements,
  isuSelfReportLinks,
  isuSurveyResponses,
  journalEntries,
  lulYttranden,
  lvuProcesses,
  lvuSteps,
  overvaganden,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
  units,
  userRoles,
  users,
} from "../../src/server/db/schema/index";
import { ensureShippedInstruments } from "../../src/server/modules/assessments/shipped";
import { ensureStarterIsu } from "../../src/server/modules/effects/starter";
import { ensureStarterCatalogue, offerCatalogueInDistrict } from "../../src/server/modules/interventions/catalogue.service";
import { hashPassword } from "../../src/server/platform/passwords";
import { buildActionPlans, insertActionPlans } from "./action-plans";
import { buildAssessments } from "./assessments";
import { buildAvhopp, insertAvhopp } from "./avhopp";
import { insertBatched } from "./batch-insert";
import { emptyCaseRows, simulatePerson } from "./case-history";
import { buildFieldwork, insertFieldwork } from "./fieldwork";
import { buildGuardians, insertGuardians } from "./guardians";
import { buildInsatser, type SynthInsats } from "./insatser";
import { buildIsu, type IsuRows } from "./isu";
import { buildOrganisation, DEMO_ACCOUNTS } from "./organisation";
import { PersonnummerPool } from "./personnummer-pool";
import { guardian, type PersonRow, youngPerson } from "./persons";
import { Random } from "./random";
import { buildSamverkan, insertSamverkan } from "./samverkan";
import { buildYouthSanctions, insertYouthSanctions } from "./ungdomspafoljder";
import { buildYoungOffenders, type YoungOffenderRows } from "./young-offenders";

export { DEMO_ACCOUNTS };
export const DEFAULT_DEMO_PASSWORD = "syntetisk-demo-2026";

export type Scale = "small" | "city" | "nation";
/**
 * Reports a year and districts. City is Stockholm's ~40,000 reports; nation Sweden's ~430,000,
 * which the personnummer test series can just hold (see PersonnummerPool).
 */
export const SCALES: Record<Scale, { reportsPerYear: number; districts: number }> = {
  small: { reportsPerYear: 1_500, districts: 3 },
  city: { reportsPerYear: 40_000, districts: 14 },
  nation: { reportsPerYear: 430_000, districts: 60 },
};
/** Months of history before `asOf`: a full year for the reports plus three for earlier cases. */
const HISTORY_MONTHS = 15;
/** Reports per young person and year: ~430,000 reports about ~200,000 children. */
const REPORTS_PER_PERSON = 2.15;

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  staffPassword: string;
  /** The day the history runs up to; the same seed and day give the same data. Default: now. */
  asOf?: Date;
}
export interface GenerateSummary {
  districts: number;
  users: number;
  persons: number;
  cases: number;
  reports: number;
  investigations: number;
  decisions: number;
  journalEntries: number;
  assessments: number;
  trainings: number;
  insatser: number;
  insatsPlans: number;
  isuMeasurements: number;
  isuLinks: number;
  isuResponses: number;
  lvuProcesses: number;
  lulYttranden: number;
}

/** 1 + a geometric draw: most young people are reported once or twice, a few many times. */
function reportCount(rng: Random): number {
  const p = 1 / REPORTS_PER_PERSON;
  let n = 1;
  while (!rng.chance(p) && n < 25) n++;
  return n;
}

async function centralUnits(database: Database) {
  const { db } = database;
  let [central] = await db.select().from(districts).where(eq(districts.code, "central"));
  if (!central) [central] = await db.insert(districts).values({ code: "central", name: "Kommungemensamt" }).returning();
  if (!central) throw new Error("could not create the central district");
  const find = async (name: string) => {
    const [u] = await db
      .select()
      .from(units)
      .where(and(eq(units.districtId, central.id), eq(units.name, name)));
    if (u) return u.id;
    const [created] = await db.insert(units).values({ districtId: central.id, name, kind: "ledning" }).returning();
    return (created as { id: string }).id;
  };
  return { system: await find("Systemförvaltning"), analys: await find("Analys och statistik") };
}

/**
 * Fills an empty database with a synthetic municipality: districts and units, staff with the
 * demo accounts, young people with test-series personnummer, and 15 months of case history.
 * History is written as data, not through the API, so it carries no audit rows of its own.
 */
export async function generateMunicipality(database: Database, options: GenerateOptions): Promise<GenerateSummary> {
  const { reportsPerYear, districts: districtCount } = SCALES[options.scale];
  const rng = new Random(options.seed);
  const asOf = options.asOf ?? new Date();
  const today = stockholmDate(asOf);
  const windowStart = startOfStockholmDay(addCalendarMonths(today, -HISTORY_MONTHS));

  const org = buildOrganisation(rng, districtCount, reportsPerYear);
  const central = await centralUnits(database);
  // Each district is its own data controller: the central analyst holds the analytiker role (aggregates
  // only) in every district's quality unit, so the municipality-wide figures can be compared.
  org.demo("analytiker", "Amir Analytiker (demo)", [
    { unitId: central.analys, role: "analytiker" },
    ...org.districts.map((d) => ({ unitId: d.units.kvalitet.id, role: "analytiker" as const })),
  ]);
  org.demo("sysadmin", "Sam Systemförvaltare (demo)", [{ unitId: central.system, role: "systemadministrator" }]);

  const pool = new PersonnummerPool(today);
  const people: PersonRow[] = [];
  const rows = emptyCaseRows();
  const youngTotal = Math.round((reportsPerYear * (HISTORY_MONTHS / 12)) / REPORTS_PER_PERSON);
  const weights = org.districts.map((d) => d.weight);
  const demoDistrict = org.districts[0];
  if (!demoDistrict) throw new Error("no districts");
  const demoHandlaggare = demoDistrict.utredare[0];

  // The two people the README's walk-through finds by name, with a history each.
  const named = [
    youngPerson(rng, pool, demoDistrict, today, {
      firstName: "Alva",
      lastName: "Andersson",
      gender: "flicka",
      age: 14,
      protectedIdentity: false,
    }),
    youngPerson(rng, pool, demoDistrict, today, {
      firstName: "Elias",
      lastName: "Berg",
      gender: "pojke",
      age: 15,
      protectedIdentity: true,
    }),
  ];
  for (const p of named) {
    people.push(p);
    simulatePerson({ rng, asOf, windowStart, district: demoDistrict, out: rows }, p, 3, demoHandlaggare);
  }
  for (let i = named.length; i < youngTotal; i++) {
    const district = org.districts[rng.weighted(weights)] ?? demoDistrict;
    const p = youngPerson(rng, pool, district, today);
    people.push(p);
    simulatePerson(
      { rng, asOf, windowStart, district, out: rows },
      p,
      reportCount(rng),
      district === demoDistrict ? demoHandlaggare : undefined,
    );
    if (rng.chance(0.4)) people.push(guardian(rng, pool, district, today));
  }

  // Drawn after the case history, so adding it left the earlier data unchanged for a given seed.
  const structured = buildAssessments({ rng, today, districts: org.districts, demoHandlaggare, people, rows });
  // Likewise drawn after the assessments.
  const insatsRows = buildInsatser({ rng, today, asOf, districts: org.districts, users: org.users, people, rows });

  let isu: IsuRows = { links: [], measurements: [], responses: [] };
  let youngOffenders: YoungOffenderRows = { lvuProcesses: [], lvuSteps: [], lulYttranden: [], insatser: [], plans: [] };

  const passwordHash = await hashPassword(options.staffPassword);
  await database.db.transaction(async (tx) => {
    await insertBatched(
      tx,
      districts,
      org.districts.map((d) => ({ id: d.id, code: d.code, name: d.name })),
    );
    await insertBatched(
      tx,
      units,
      org.districts.flatMap((d) =>
        Object.values(d.units).map((u) => ({ id: u.id, districtId: u.districtId, name: u.name, kind: u.kind })),
      ),
    );
    await insertBatched(
      tx,
      users,
      org.users.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        protectedIdentityAccess: u.protectedIdentityAccess,
      })),
    );
    await insertBatched(
      tx,
      userRoles,
      org.users.flatMap((u) => u.roles.map((r) => ({ userId: u.id, unitId: r.unitId, role: r.role }))),
    );
    // Every generated district offers the whole catalogue.
    await ensureStarterCatalogue(tx);
    for (const d of org.districts) await offerCatalogueInDistrict(tx, d.id);
    await insertBatched(tx, persons, people);
    await insertBatched(tx, cases, rows.cases);
    await insertBatched(tx, reports, rows.reports);
    await insertBatched(tx, protectionAssessments, rows.protectionAssessments);
    await insertBatched(tx, investigations, rows.investigations);
    await insertBatched(tx, decisions, rows.decisions);
    await insertBatched(tx, preAssessments, rows.preAssessments);
    await insertBatched(tx, journalEntries, rows.journalEntries);
    await insertBatched(tx, instrumentTrainings, structured.trainings);
    const instrumentIds = await ensureShippedInstruments(tx);
    await insertBatched(
      tx,
      assessments,
      structured.assessments.map(({ instrumentKey, ...a }) => {
        const instrumentId = instrumentIds.get(instrumentKey);
        if (!instrumentId) throw new Error(`instrument "${instrumentKey}" was not stored`);
        return { ...a, instrumentId };
      }),
    );
    const catalogueIds = new Map(
      (await tx.select({ id: insatsCatalogue.id, code: insatsCatalogue.code }).from(insatsCatalogue)).map((c) => [c.code, c.id]),
    );
    const withCatalogueId = ({ catalogueCode, ...i }: SynthInsats) => {
      const catalogueId = catalogueIds.get(catalogueCode);
      if (!catalogueId) throw new Error(`catalogue entry "${catalogueCode}" was not stored`);
      return { ...i, catalogueId };
    };
    await insertBatched(tx, insatser, insatsRows.insatser.map(withCatalogueId));
    await insertBatched(tx, insatsPlans, insatsRows.plans);
    await insertBatched(tx, insatsFollowUps, insatsRows.followUps);
    await insertBatched(tx, overvaganden, insatsRows.overvaganden);
    // ISU histories, drawn last (the scale ids are only known once the starter scales are stored).
    const scaleIds = await ensureStarterIsu(tx);
    isu = buildIsu({
      rng,
      seed: options.seed,
      today,
      asOf,
      insatser: insatsRows.insatser,
      users: org.users,
      scaleIds,
      questionKeys: STARTER_QUESTIONS.map((q) => q.key),
    });
    await insertBatched(tx, isuSelfReportLinks, isu.links);
    await insertBatched(tx, isuMeasurements, isu.measurements);
    await insertBatched(tx, isuSurveyResponses, isu.responses);
    // LVU processes, LUL yttranden and ungdomsvård, drawn last so the data above is unchanged for a seed.
    youngOffenders = buildYoungOffenders({ rng, today, districts: org.districts, people, rows });
    await insertBatched(tx, insatser, youngOffenders.insatser.map(withCatalogueId));
    await insertBatched(tx, insatsPlans, youngOffenders.plans);
    await insertBatched(tx, lvuProcesses, youngOffenders.lvuProcesses);
    await insertBatched(tx, lvuSteps, youngOffenders.lvuSteps);
    await insertBatched(tx, lulYttranden, youngOffenders.lulYttranden);
    // Ungdomstjänst and ungdomsövervakning follow from the yttranden, drawn after them.
    await insertYouthSanctions(tx, buildYouthSanctions({ rng, today, yttranden: youngOffenders.lulYttranden }));
    // Forums, meetings and consents (issue 21), from a random source of their own.
    const samverkan = buildSamverkan({ seed: options.seed, today, districts: org.districts, users: org.users, people });
    await insertSamverkan(tx, samverkan);
    // Joint action plans (issue 21 point 3), only for persons whose consent is in force.
    await insertActionPlans(tx, buildActionPlans({ seed: options.seed, today, samverkan }));
    // Avhopp processes (issue 21 point 4), from a random source of their own.
    await insertAvhopp(tx, buildAvhopp({ seed: options.seed, today, districts: org.districts, people, cases: rows.cases }));
    // Fältarbete areas, shifts and händelserapporter (issue 21 point 5), from a random source of their own.
    await insertFieldwork(tx, buildFieldwork({ seed: options.seed, today, asOf, districts: org.districts, users: org.users }));
    // Guardians, guardians informed and the child's view (issue 18 point 3), from a random source of their own.
    await insertGuardians(tx, buildGuardians({ seed: options.seed, today, districts: org.districts, people, rows, pool }));
  });
  return {
    districts: org.districts.length,
    users: org.users.length,
    persons: people.length,
    cases: rows.cases.length,
    reports: rows.reports.length,
    investigations: rows.investigations.length,
    decisions: rows.decisions.length,
    journalEntries: rows.journalEntries.length,
    assessments: structured.assessments.length,
    trainings: structured.trainings.length,
    insatser: insatsRows.insatser.length + youngOffenders.insatser.length,
    insatsPlans: insatsRows.plans.length + youngOffenders.plans.length,
    isuMeasurements: isu.measurements.length,
    isuLinks: isu.links.length,
    isuResponses: isu.responses.length,
    lvuProcesses: youngOffenders.lvuProcesses.length,
    lulYttranden: youngOffenders.lulYttranden.length,
  };
}
