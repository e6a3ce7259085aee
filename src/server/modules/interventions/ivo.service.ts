import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { IvoNamndReport, IvoReport, ivoQuery } from "../../../contracts/interventions";
import { disclosureNote, populationTooSmall, publishCount, Tally } from "../../../domain/disclosure/publish";
import { SumTable } from "../../../domain/disclosure/sum-table";
import { ivoDueDate, type Quarter, quarterRange } from "../../../domain/interventions/rules";
import { NOT_STARTED_REASON_LABELS, NOT_STARTED_REASONS, type NotStartedReason } from "../../../domain/interventions/vocabulary";
import type { Database } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";

export type IvoVersion = "ivo" | "namnd";
type Query = z.infer<typeof ivoQuery>;

/**
 * Whether a bistånd decision belongs in the report for the quarter [from, to] (16 kap. 6 f § SoL:
 * every gynnande beslut not executed within three months of the decision day is reported, per
 * quarter, and again each quarter until it is executed or ends). The quarter counts as ending at
 * the close of its last day `to`, and `due` = ivoDueDate(decidedOn) is the last day on which the
 * decision is executed in time (30 Nov → 28/29 Feb). A decision is listed when due ≤ to (the three
 * months had run out by the end of the quarter) and either:
 *   (a) it was not executed by the end of the quarter (no start, or a start after `to`), unless it
 *       was ended without execution before the quarter began or on/before its due date (nothing
 *       unexecuted remained to report in this quarter); or
 *   (b) it was executed within the quarter (from ≤ start ≤ to) but after the due date: the late
 *       execution is reported in the quarter it happened.
 * Not listed: executed on or before the due date; executed late in an earlier quarter (reported
 * then); decided fewer than three months before the quarter's end; serviceinsatser (no decision).
 * A start after the quarter's end is shown as "not started" (the report describes the quarter).
 */
export function ivoListed(
  i: { decidedOn: string; startedOn: string | null; endedOn: string | null },
  from: string,
  to: string,
): boolean {
  const due = ivoDueDate(i.decidedOn);
  if (due > to) return false;
  const started = i.startedOn !== null && i.startedOn <= to ? i.startedOn : null;
  if (started === null) {
    if (i.endedOn !== null && (i.endedOn < from || i.endedOn <= due)) return false;
    return true;
  }
  return started >= from && started > due;
}

/** The bistånd decisions that may be listed for [from, to] in these districts (ivoListed picks). */
function candidatesWhere(districtIds: string[], from: string, to: string): SQL {
  return and(
    districtIds.length ? inArray(insatser.districtId, districtIds) : sql`false`,
    eq(insatser.legalForm, "bistand"),
    lte(insatser.decidedOn, to),
    or(isNull(insatser.startedOn), sql`${insatser.startedOn} >= ${from}::date`),
  ) as SQL;
}

/**
 * The quarter's list of decisions not executed within three months, for IVO (ivo:read): it names
 * the young people, and every person listed gets an audit row. The nämnd gets counts instead
 * (ivoNamndReport).
 */
export async function ivoReport({ db }: Database, actor: Actor, query: Query, now: Date): Promise<IvoReport> {
  const allowed = districtsWithPermission(actor, "ivo:read");
  if (allowed.length === 0) throw notFound();
  if (query.districtId && !allowed.includes(query.districtId)) {
    throw badRequest("district_not_in_scope", "Inte ditt distrikt / Not your district", [
      { path: "querystring.districtId", message: "Välj ett av dina distrikt" },
    ]);
  }
  const districtIds = query.districtId ? [query.districtId] : allowed;
  const quarter = query.quarter as Quarter;
  const { from, to } = quarterRange(query.year, quarter);

  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({
        insatsId: insatser.id,
        caseId: insatser.caseId,
        personId: insatser.personId,
        personnummer: persons.personnummer,
        personName: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`,
        gender: persons.gender,
        insatsName: insatsCatalogue.name,
        decidedOn: insatser.decidedOn,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        reason: insatser.notStartedReason,
        note: insatser.notStartedNote,
        districtName: districts.name,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(districts, eq(districts.id, insatser.districtId))
      .where(candidatesWhere(districtIds, from, to))
      .orderBy(asc(districts.name), asc(insatser.decidedOn), asc(persons.lastName), asc(persons.firstName));
    const listed = candidates.filter((c) => ivoListed(c, from, to));

    const byPerson = new Map<string, string[]>();
    for (const r of listed) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.insatsId]);
    await audit(
      tx,
      actor,
      [...byPerson].map(([personId, ids]) => ({
        action: "insats.ivo_report",
        permission: "ivo:read" as const,
        personId,
        recordType: "insats",
        recordId: ids[0],
        details: { year: query.year, quarter, insatser: ids },
      })),
    );

    return {
      year: query.year,
      quarter,
      from,
      to,
      version: "ivo" as const,
      generatedAt: now.toISOString(),
      rows: listed.map((r) => {
        const startedOn = r.startedOn !== null && r.startedOn <= to ? r.startedOn : null;
        return {
          insatsId: r.insatsId,
          caseId: r.caseId,
          personnummer: r.personnummer,
          personName: r.personName,
          gender: r.gender,
          insatsName: r.insatsName,
          decidedOn: r.decidedOn,
          dueOn: ivoDueDate(r.decidedOn),
          startedOn,
          endedOn: startedOn === null && r.endedOn !== null && r.endedOn <= to ? r.endedOn : null,
          reason: r.reason ? (NOT_STARTED_REASON_LABELS[r.reason as NotStartedReason]?.sv ?? r.reason) : null,
          note: r.note,
          districtName: r.districtName,
        };
      }),
    };
  });
}

// ── The nämnd version: counts only ────────────────────────────────────────────────────────────────

export type IvoGender = "pojke" | "flicka" | "other";
export type IvoReason = NotStartedReason | "none";
export const IVO_GENDERS: readonly IvoGender[] = ["pojke", "flicka", "other"];
export const IVO_REASONS: readonly IvoReason[] = [...NOT_STARTED_REASONS, "none"];

/** One listed decision as the nämnd's counts see it: no person, no dates, no free text. */
export interface IvoNamndItem {
  /** The insats's cell key (record-keys.ts). */
  key: number;
  districtId: string;
  catalogueCode: string;
  gender: IvoGender;
  reason: IvoReason;
  /** Executed in the quarter after its due date; otherwise not executed by the quarter's end. */
  executedLate: boolean;
}

type Counts = { listed: number | null; executedLate: number | null; notExecuted: number | null };
const OUTCOMES = ["listed", "executedLate", "notExecuted"] as const;
type Outcome = (typeof OUTCOMES)[number];

export interface IvoNamndFigures {
  total: Counts;
  byDistrict: Counts[];
  byInsats: Counts[];
  byGender: Counts[];
  byReason: Counts[];
  protectedWhole: boolean;
}

/**
 * The nämnd's counts of the quarter's listed decisions, pure: in total and by district (`districtIds`
 * in order), insats (`catalogueCodes` in order), gender (IVO_GENDERS) and reason category
 * (IVO_REASONS; "none" when no reason was recorded), each split into executed late in the quarter and
 * not executed by its end (a decision ended without execution in the quarter counts as not executed).
 * Every count through publishCount with the insatser's cell keys; then secondary suppression over
 * every sum the report shows — each breakdown adds up to the total, and in every row listed =
 * executed late + not executed — so no hidden count is a total minus shown parts. A quarter with
 * fewer than MIN_POPULATION listed decisions hides every figure (`protectedWhole`).
 */
export function ivoNamndFigures(
  items: readonly IvoNamndItem[],
  districtIds: readonly string[],
  catalogueCodes: readonly string[],
): IvoNamndFigures {
  const protectedWhole = populationTooSmall(items.length);
  // One holder per count, so that SumTable can tie counts of different outcomes (listed = late + not).
  type Holder = Record<Outcome, { n: number | null }>;
  const group = (members: readonly IvoNamndItem[]): Holder => {
    const t = { listed: new Tally(), executedLate: new Tally(), notExecuted: new Tally() };
    for (const i of members) {
      t.listed.add(i.key);
      (i.executedLate ? t.executedLate : t.notExecuted).add(i.key);
    }
    const n = (tally: Tally) => ({ n: protectedWhole ? null : publishCount(tally) });
    return { listed: n(t.listed), executedLate: n(t.executedLate), notExecuted: n(t.notExecuted) };
  };
  const total = group(items);
  const dimensions = [
    districtIds.map((d) => group(items.filter((i) => i.districtId === d))),
    catalogueCodes.map((c) => group(items.filter((i) => i.catalogueCode === c))),
    IVO_GENDERS.map((g) => group(items.filter((i) => i.gender === g))),
    IVO_REASONS.map((r) => group(items.filter((i) => i.reason === r))),
  ] as const;

  if (!protectedWhole) {
    const table = new SumTable();
    for (const rows of dimensions) {
      for (const o of OUTCOMES) {
        table.sum(
          "n",
          total[o],
          rows.map((r) => r[o]),
        );
      }
    }
    for (const h of [total, ...dimensions.flat()]) table.sum("n", h.listed, [h.executedLate, h.notExecuted]);
    table.protect();
  }
  const counts = (h: Holder): Counts => ({ listed: h.listed.n, executedLate: h.executedLate.n, notExecuted: h.notExecuted.n });
  const [byDistrict, byInsats, byGender, byReason] = dimensions.map((rows) => rows.map(counts)) as [
    Counts[],
    Counts[],
    Counts[],
    Counts[],
  ];
  return { total: counts(total), byDistrict, byInsats, byGender, byReason, protectedWhole };
}

const genderOf = (g: string): IvoGender => (g === "pojke" || g === "flicka" ? g : "other");
const reasonOf = (r: string | null): IvoReason =>
  r !== null && (NOT_STARTED_REASONS as readonly string[]).includes(r) ? (r as NotStartedReason) : "none";

/**
 * The quarter's report to the nämnd (stats:read): counts of the decisions not executed within three
 * months (ivoNamndFigures), audited as one statistics read. Nothing about a person leaves: the query
 * reads no personnummer, name, free-text note or id other than the insats's for its cell key, and the
 * response holds no dates but the quarter's. A quarter is whole months, so reportScope's
 * granularity never refuses it.
 */
export async function ivoNamndReport(database: Database, actor: Actor, query: Query, now: Date): Promise<IvoNamndReport> {
  const { db } = database;
  const quarter = query.quarter as Quarter;
  const { from, to } = quarterRange(query.year, quarter);
  const { districtIds, granularity } = reportScope(actor, { from, to, districtId: query.districtId });

  const [candidates, districtRows, keyOf] = await Promise.all([
    db
      .select({
        insatsId: insatser.id,
        districtId: insatser.districtId,
        gender: persons.gender,
        code: insatsCatalogue.code,
        name: insatsCatalogue.name,
        decidedOn: insatser.decidedOn,
        startedOn: insatser.startedOn,
        endedOn: insatser.endedOn,
        reason: insatser.notStartedReason,
      })
      .from(insatser)
      .innerJoin(persons, eq(persons.id, insatser.personId))
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .where(candidatesWhere(districtIds, from, to)),
    districtIds.length
      ? db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, districtIds))
      : Promise.resolve([]),
    recordKeys(database),
    audit(db, actor, {
      action: "stats.ivo_namnd",
      permission: "stats:read",
      recordType: "insats",
      details: { year: query.year, quarter, districts: districtIds },
    }),
  ]);

  const listed = candidates.filter((c) => ivoListed(c, from, to));
  const entries = new Map<string, string>();
  for (const c of listed) entries.set(c.code, c.name);
  const insatsRows = [...entries].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const districtList = [...districtRows].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const figures = ivoNamndFigures(
    listed.map((c) => ({
      key: keyOf(c.insatsId),
      districtId: c.districtId,
      catalogueCode: c.code,
      gender: genderOf(c.gender),
      reason: reasonOf(c.reason),
      executedLate: c.startedOn !== null && c.startedOn <= to,
    })),
    districtList.map((d) => d.id),
    insatsRows.map((e) => e.code),
  );

  return {
    year: query.year,
    quarter,
    from,
    to,
    version: "namnd",
    generatedAt: now.toISOString(),
    districtIds,
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    total: figures.total,
    byDistrict: districtList.map((d, i) => ({ districtId: d.id, districtName: d.name, ...(figures.byDistrict[i] as Counts) })),
    byInsats: insatsRows.map((e, i) => ({ code: e.code, name: e.name, ...(figures.byInsats[i] as Counts) })),
    byGender: IVO_GENDERS.map((gender, i) => ({ gender, ...(figures.byGender[i] as Counts) })),
    byReason: IVO_REASONS.map((reason, i) => ({ reason, ...(figures.byReason[i] as Counts) })),
  };
}
