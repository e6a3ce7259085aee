/**
 * The lägesbild's computed part (4 § 1 of lag 2023:196, see definitions.ts): Vägval's own records
 * for the year and the districts, and the fältarbete by area, as published tables. Pure.
 */
import { CONCERNS, REPORTER_CATEGORIES } from "../case-flow";
import { disclosure, type Publisher } from "../disclosure/publish";
import { AGE_GROUPS, type AgeGroup } from "../interventions/rules";
import { INSATS_KINDS } from "../interventions/vocabulary";
import { AGE_LABELS, CONCERN_LABELS, KIND_LABELS, REPORTER_LABELS, type Text } from "./definitions";
import { type CountedRecord, countTable, type Gender, type PublishedTable, publishAnonymousCount, Sums } from "./figures";

export interface ReportRecord {
  key: number;
  districtId: string;
  reporterCategory: string;
  concerns: readonly string[];
  gender: Gender;
  ageGroup: AgeGroup;
}
export interface InsatsRecord {
  key: number;
  kind: string;
  gender: Gender;
}
export interface FieldworkArea {
  id: string;
  name: string;
  shifts: number;
  contacts: number;
  girls: number;
  boys: number;
  incidents: number;
  tags: Record<string, number>;
}

export interface FieldworkRow {
  areaId: string;
  name: string;
  shifts: number | null;
  contacts: number | null;
  girls: number | null;
  boys: number | null;
  incidents: number | null;
  tags: { tag: string; count: number | null }[];
}

export interface LagesbildFigures {
  /** Every figure hidden: too few reports and insatser together to publish anything. */
  protectedWhole: boolean;
  reportsByReporter: PublishedTable;
  reportsByConcern: PublishedTable;
  reportsByAge: PublishedTable;
  reportsByDistrict: PublishedTable;
  insatserByKind: PublishedTable;
  fieldwork: FieldworkRow[] | null;
}

const rowsOf = <K extends string>(keys: readonly K[], labels: Record<K, Text>) =>
  keys.map((key) => ({ key, label: labels[key] }));

/**
 * `cellKey` gives a fixed key for a named cell (the fältarbete's counts are sums the log holds
 * per shift, not records one by one); the server derives it with the disclosure secret.
 */
export function lagesbildFigures(
  input: {
    reports: readonly ReportRecord[];
    insatser: readonly InsatsRecord[];
    districts: readonly { id: string; name: string }[];
    fieldwork: readonly FieldworkArea[] | null;
    cellKey: (name: string) => number;
  },
  publisher: Publisher = disclosure,
): LagesbildFigures {
  const protectedWhole = publisher.populationTooSmall(input.reports.length + input.insatser.length);
  const sums = new Sums();
  const by = (row: (r: ReportRecord) => string) =>
    input.reports.map((r): CountedRecord => ({ key: r.key, row: row(r), gender: r.gender }));
  const options = (exclusive: boolean) => ({ exclusive, protectWhole: protectedWhole, publisher, sums, totalGroup: "reports" });

  const reportsByReporter = countTable(
    by((r) => r.reporterCategory),
    rowsOf(REPORTER_CATEGORIES, REPORTER_LABELS),
    options(true),
  );
  const concernRecords = input.reports.flatMap((r) =>
    r.concerns.map((c): CountedRecord => ({ key: r.key, row: c, gender: r.gender })),
  );
  const reportsByConcern = countTable(concernRecords, rowsOf(CONCERNS, CONCERN_LABELS), options(false));
  const reportsByAge = countTable(
    by((r) => r.ageGroup),
    rowsOf(AGE_GROUPS, AGE_LABELS),
    options(true),
  );
  const reportsByDistrict = countTable(
    by((r) => r.districtId),
    input.districts.map((d) => ({ key: d.id, label: { sv: d.name, en: d.name } })),
    options(true),
  );
  const insatserByKind = countTable(
    input.insatser.map((i) => ({ key: i.key, row: i.kind, gender: i.gender })),
    rowsOf(INSATS_KINDS, KIND_LABELS),
    { ...options(true), totalGroup: "insatser" },
  );
  const fieldwork = input.fieldwork ? fieldworkRows(input.fieldwork, input.cellKey, publisher, sums) : null;
  if (publisher.protects) sums.protect();
  return { protectedWhole, reportsByReporter, reportsByConcern, reportsByAge, reportsByDistrict, insatserByKind, fieldwork };
}

function fieldworkRows(
  areas: readonly FieldworkArea[],
  cellKey: (name: string) => number,
  p: Publisher,
  sums: Sums,
): FieldworkRow[] {
  return areas.map((a) => {
    const count = (measure: string, n: number) => publishAnonymousCount(n, cellKey(`${a.id}:${measure}`), p);
    const other = Math.max(0, a.contacts - a.girls - a.boys);
    const row: FieldworkRow = {
      areaId: a.id,
      name: a.name,
      shifts: count("shifts", a.shifts),
      contacts: count("contacts", a.contacts),
      girls: count("girls", a.girls),
      boys: count("boys", a.boys),
      incidents: count("incidents", a.incidents),
      tags: Object.entries(a.tags)
        .sort(([x], [y]) => x.localeCompare(y, "sv"))
        .map(([tag, n]) => ({ tag, count: count(`tag:${tag}`, n) })),
    };
    if (p.protects) {
      // contacts = girls + boys + others (unknown gender): a lone small complement must not show.
      const cells = {
        contacts: { n: row.contacts },
        girls: { n: row.girls },
        boys: { n: row.boys },
        other: { n: count("other", other) },
      };
      sums.table.sum("n", cells.contacts, [cells.girls, cells.boys, cells.other]);
      sums.afterProtect(() => {
        row.contacts = cells.contacts.n;
        row.girls = cells.girls.n;
        row.boys = cells.boys.n;
      });
    }
    return row;
  });
}
