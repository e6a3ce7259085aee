import { and, eq, inArray, sql } from "drizzle-orm";
import { disclosure, type Publisher } from "../../../domain/disclosure/publish";
import { ageGroup } from "../../../domain/interventions/rules";
import { genderOf } from "../../../domain/lagesbild/figures";
import { type FieldworkArea, type LagesbildFigures, lagesbildFigures } from "../../../domain/lagesbild/report";
import { startOfStockholmDay } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { districts, insatsCatalogue, insatser, persons, reports } from "../../db/schema/index";
import { recordKeys } from "../../platform/record-keys";
import { fieldworkForLagesbild } from "../fieldwork/lagesbild-source";

export interface ComputedFigures extends LagesbildFigures {
  /** The polygons of the fältarbete's areas (for the map), in the order of `fieldwork`. */
  polygons: Record<string, unknown>;
}

/**
 * The raw rows of the lägesbild's own figures for the districts and [from, to] (Stockholm days):
 * orosanmälningar received and insatser started. Exported for the benchmark's comparison.
 */
export function reportRows(db: Db | Tx, districtIds: string[], from: string, to: string) {
  const start = sql`(${from}::date)::timestamp at time zone 'Europe/Stockholm'`;
  const end = sql`(${to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`;
  return db
    .select({
      id: reports.id,
      districtId: reports.districtId,
      reporterCategory: reports.reporterCategory,
      concerns: reports.concerns,
      gender: persons.gender,
      age: sql<number>`date_part('year', age((${reports.receivedAt} at time zone 'Europe/Stockholm')::date, ${persons.birthDate}))::int`,
    })
    .from(reports)
    .innerJoin(persons, eq(persons.id, reports.personId))
    .where(
      and(
        inArray(reports.districtId, districtIds),
        eq(reports.kind, "orosanmalan"),
        sql`${reports.receivedAt} >= ${start}`,
        sql`${reports.receivedAt} < ${end}`,
      ),
    );
}

export function insatsRows(db: Db | Tx, districtIds: string[], from: string, to: string) {
  return db
    .select({ id: insatser.id, kind: insatsCatalogue.kind, gender: persons.gender })
    .from(insatser)
    .innerJoin(persons, eq(persons.id, insatser.personId))
    .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
    .where(
      and(
        inArray(insatser.districtId, districtIds),
        sql`${insatser.startedOn} >= ${from}::date`,
        sql`${insatser.startedOn} <= ${to}::date`,
      ),
    );
}

const dayAfter = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/**
 * The lägesbild's computed figures, published. No access check: the caller has checked that the
 * actor may read the lägesbild, whose districts these are. Only the benchmark passes another publisher.
 */
export async function computeFigures(
  database: Database,
  districtIds: string[],
  from: string,
  to: string,
  publisher: Publisher = disclosure,
): Promise<ComputedFigures> {
  const { db } = database;
  const [reportList, insatsList, districtList, fieldwork, keyOf] = await Promise.all([
    reportRows(db, districtIds, from, to),
    insatsRows(db, districtIds, from, to),
    db
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .where(inArray(districts.id, districtIds))
      .orderBy(districts.name),
    // The year as Stockholm days: the instants its first and its day after begin at.
    fieldworkForLagesbild(
      db,
      districtIds,
      startOfStockholmDay(from).toISOString(),
      startOfStockholmDay(dayAfter(to)).toISOString(),
    ),
    publisher.protects ? recordKeys(database) : Promise.resolve(() => 0),
  ]);
  const names = new Map(fieldwork.areas.map((a) => [a.id, a.name]));
  const areas: FieldworkArea[] = fieldwork.byArea.map((c) => ({
    id: c.areaId,
    name: names.get(c.areaId) ?? "",
    shifts: c.shifts,
    contacts: c.contacts,
    girls: c.girls,
    boys: c.boys,
    incidents: c.incidents,
    tags: c.tags,
  }));
  const figures = lagesbildFigures(
    {
      reports: reportList.map((r) => ({
        key: keyOf(r.id),
        districtId: r.districtId,
        reporterCategory: r.reporterCategory,
        concerns: r.concerns,
        gender: genderOf(r.gender),
        ageGroup: ageGroup(Math.max(0, Number(r.age))),
      })),
      insatser: insatsList.map((i) => ({ key: keyOf(i.id), kind: i.kind, gender: genderOf(i.gender) })),
      districts: districtList,
      fieldwork: fieldwork.areas.length ? areas : null,
      cellKey: (name) => keyOf(`lagesbild:${from}:${to}:${name}`),
    },
    publisher,
  );
  return { ...figures, polygons: Object.fromEntries(fieldwork.areas.map((a) => [a.id, a.polygon])) };
}
