/**
 * Statistics of avvikelser per kind, unit and month of a period, and how many took the lex Sarah
 * path: counts only, every one through the disclosure module (publish.ts: cell-key perturbation,
 * counts 1–4 hidden) and secondary suppression over the sums the report shows (sum-table.ts). No
 * free text, no person, no date finer than the month reaches a figure. Pure, no I/O.
 */
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { DEVIATION_KINDS, type DeviationKind, type LexSarahKind } from "./vocabulary";

/** One avvikelse as the statistics see it. */
export interface DeviationStatItem {
  /** The deviation's cell key (record-keys.ts). */
  key: number;
  kind: DeviationKind;
  unitId: string;
  lexSarah: LexSarahKind;
  serious: boolean;
  /** The Stockholm month it was reported, 'YYYY-MM'. */
  month: string;
}

type Cell = { count: number | null };

export interface DeviationFigures {
  total: number | null;
  byKind: ({ kind: DeviationKind } & Cell)[];
  byUnit: ({ unitId: string } & Cell)[];
  byMonth: ({ month: string } & Cell)[];
  lexSarah: {
    none: number | null;
    lexSarah: number | null;
    missforhallande: number | null;
    risk: number | null;
    serious: number | null;
    notSerious: number | null;
  };
  /** The filter left too few avvikelser to publish anything. */
  protectedWhole: boolean;
}

/** The months of [from, to] as 'YYYY-MM', in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function tally(items: readonly DeviationStatItem[], keep: (i: DeviationStatItem) => boolean): Tally {
  const t = new Tally();
  for (const i of items) if (keep(i)) t.add(i.key);
  return t;
}

/**
 * The figures of the avvikelser of a period. `unitIds` are the units to list (every unit of the
 * districts reported on, so a unit without avvikelser shows 0 rather than vanishing).
 */
export function deviationFigures(
  items: readonly DeviationStatItem[],
  period: { from: string; to: string; unitIds: readonly string[] },
  publisher: Publisher = disclosure,
): DeviationFigures {
  const cell = (keep: (i: DeviationStatItem) => boolean): Cell => ({ count: publisher.count(tally(items, keep)) });
  const isLex = (i: DeviationStatItem) => i.lexSarah !== "none";
  const total = cell(() => true);
  const byKind = DEVIATION_KINDS.map((kind) => ({ kind, ...cell((i) => i.kind === kind) }));
  const byUnit = [...new Set([...period.unitIds, ...items.map((i) => i.unitId)])].map((unitId) => ({
    unitId,
    ...cell((i) => i.unitId === unitId),
  }));
  const byMonth = monthsOf(period.from, period.to).map((month) => ({ month, ...cell((i) => i.month === month) }));
  const none = cell((i) => !isLex(i));
  const lexSarah = cell(isLex);
  const missforhallande = cell((i) => i.lexSarah === "missforhallande");
  const risk = cell((i) => i.lexSarah === "risk");
  const serious = cell((i) => isLex(i) && i.serious);
  const notSerious = cell((i) => isLex(i) && !i.serious);
  const protectedWhole = publisher.populationTooSmall(items.length);

  if (protectedWhole) {
    for (const c of [total, none, lexSarah, missforhallande, risk, serious, notSerious, ...byKind, ...byUnit, ...byMonth])
      c.count = null;
  } else if (publisher.protects) {
    // The total is the sum of its kinds, of its units, of its months, and of ordinary + lex Sarah;
    // lex Sarah is the sum of its two kinds and of serious + not serious. Every sum a reader could
    // use to recover a hidden cell is declared, so none gives one away.
    new SumTable()
      .sum("count", total, byKind)
      .sum("count", total, byUnit)
      .sum("count", total, byMonth)
      .sum("count", total, [none, lexSarah])
      .sum("count", lexSarah, [missforhallande, risk])
      .sum("count", lexSarah, [serious, notSerious])
      .protect();
  }
  return {
    total: total.count,
    byKind,
    byUnit,
    byMonth,
    lexSarah: {
      none: none.count,
      lexSarah: lexSarah.count,
      missforhallande: missforhallande.count,
      risk: risk.count,
      serious: serious.count,
      notSerious: notSerious.count,
    },
    protectedWhole,
  };
}
