/**
 * The lägesbild's figures from Vägval's own records, pure: every count passes the disclosure
 * module (domain/disclosure/publish.ts) and the secondary suppression over the sums the tables
 * show (sum-table.ts). A hidden figure is null.
 */
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import type { Text } from "./definitions";

export type Gender = "pojke" | "flicka" | "other";
export const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/** One counted record: its cell key, the row it falls in, the young person's gender. */
export interface CountedRecord {
  key: number;
  row: string;
  gender: Gender;
}

export interface TableRow {
  key: string;
  label: Text;
  all: number | null;
  boys: number | null;
  girls: number | null;
  other: number | null;
}

/**
 * The sums of one report (several tables may share figures' parts), protected together: SumTable
 * hides cells, then each table writes its cells back.
 */
export class Sums {
  readonly table = new SumTable();
  private readonly done: (() => void)[] = [];
  private readonly groups = new Map<string, { n: number | null }[]>();
  afterProtect(f: () => void) {
    this.done.push(f);
  }
  /**
   * Cells that are the same count shown in several tables (the reports' total under each
   * breakdown): one hidden means all hidden, else the shown one gives the hidden one away.
   */
  same(group: string, cell: { n: number | null }) {
    const cells = this.groups.get(group) ?? [];
    const first = cells[0];
    if (first) this.table.sum("n", first, [cell]).sum("n", cell, [first]);
    cells.push(cell);
    this.groups.set(group, cells);
  }
  protect() {
    this.table.protect();
    for (const f of this.done) f();
  }
}

export interface PublishedTable {
  rows: TableRow[];
  /** Null when the rows do not add up to a total (a record may be on several rows). */
  total: TableRow | null;
}

interface RawRow {
  all: Tally;
  boys: Tally;
  girls: Tally;
  other: Tally;
}
const rawRow = (): RawRow => ({ all: new Tally(), boys: new Tally(), girls: new Tally(), other: new Tally() });
function addTo(r: RawRow, rec: CountedRecord) {
  r.all.add(rec.key);
  if (rec.gender === "pojke") r.boys.add(rec.key);
  else if (rec.gender === "flicka") r.girls.add(rec.key);
  else r.other.add(rec.key);
}

/**
 * A table of counts by row and gender. `exclusive`: every record is on exactly one row, so the
 * rows add up to the total shown beneath them; otherwise no total row is shown (it would be the
 * number of records, not of row entries) and only each row's gender split is a sum.
 * `protectWhole`: the report's population was too small — every figure hidden.
 */
export function countTable(
  records: readonly CountedRecord[],
  rows: readonly { key: string; label: Text }[],
  options: {
    exclusive: boolean;
    protectWhole?: boolean;
    publisher?: Publisher;
    sums?: Sums;
    /** Tables of the same records: their totals are one count, protected alike. */
    totalGroup?: string;
  },
): PublishedTable {
  const p = options.publisher ?? disclosure;
  const raw = new Map(rows.map((r) => [r.key, rawRow()]));
  const total = rawRow();
  for (const rec of records) {
    const r = raw.get(rec.row);
    if (!r) continue;
    addTo(r, rec);
    if (options.exclusive) addTo(total, rec);
  }
  const publish = (key: string, label: Text, r: RawRow): TableRow =>
    options.protectWhole
      ? { key, label, all: null, boys: null, girls: null, other: null }
      : { key, label, all: p.count(r.all), boys: p.count(r.boys), girls: p.count(r.girls), other: p.count(r.other) };
  const shown = rows.map((row) => publish(row.key, row.label, raw.get(row.key) as RawRow));
  const totalRow = options.exclusive ? publish("total", { sv: "Totalt", en: "Total" }, total) : null;

  if (p.protects && !options.protectWhole) {
    const sums = options.sums ?? new Sums();
    protectRows(sums, shown, totalRow, options.totalGroup);
    if (!options.sums) sums.protect();
  }
  return { rows: shown, total: totalRow };
}

const COLUMNS = ["all", "boys", "girls", "other"] as const;
type Cell = { n: number | null };

/**
 * Registers the table's sums with SumTable: in every row all = boys + girls + other, and with a
 * total, each column of the total = the sum of the rows. SumTable sums one key across objects, so
 * each figure is a cell object of its own, written back into the row once SumTable has hidden what
 * it must (the write-back runs after `protect()`, which the caller may defer to cover several tables).
 */
function protectRows(sums: Sums, rows: TableRow[], total: TableRow | null, totalGroup?: string) {
  const cellsOf = (row: TableRow) => {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, { n: row[c] }])) as Record<(typeof COLUMNS)[number], Cell>;
    sums.table.sum("n", cells.all, [cells.boys, cells.girls, cells.other]);
    return cells;
  };
  const rowCells = rows.map(cellsOf);
  const totalCells = total ? cellsOf(total) : null;
  if (totalCells && totalGroup) for (const c of COLUMNS) sums.same(`${totalGroup}:${c}`, totalCells[c]);
  if (totalCells)
    for (const c of COLUMNS)
      sums.table.sum(
        "n",
        totalCells[c],
        rowCells.map((r) => r[c]),
      );
  sums.afterProtect(() => {
    rows.forEach((row, i) => {
      for (const c of COLUMNS) row[c] = (rowCells[i] as Record<string, Cell>)[c]?.n ?? null;
    });
    if (total && totalCells) for (const c of COLUMNS) total[c] = totalCells[c].n;
  });
}

// ── Counts without records (fältarbete) ───────────────────────────────────────────────────────────

/** A count whose records Vägval does not hold one by one: its cell key is derived from its cell's name. */
export function publishAnonymousCount(n: number, cellKey: number, publisher: Publisher = disclosure): number | null {
  const t = new Tally();
  if (n > 0) t.add(cellKey, n);
  return publisher.count(t);
}
