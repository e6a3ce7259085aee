import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppress } from "../interventions/rules";
import { SumTable } from "./sum-table";

type Cell = { n: number | null };
const cells = (...values: (number | null)[]): Cell[] => values.map((n) => ({ n }));
const shown = (list: Cell[]) => list.map((c) => c.n);

describe("SumTable", () => {
  it("hides the smallest other part when one hidden part could be worked out from the total", () => {
    const all = { n: 40 };
    const parts = cells(20, 17, null); // other: 3
    new SumTable().sum("n", all, parts).protect();
    expect(shown(parts)).toEqual([20, null, null]);
    expect(all.n).toBe(40);
  });

  it("hides a part of a hidden total whose parts are all shown", () => {
    // The total was hidden to protect another sum; its parts would give it back.
    const total = { n: null };
    const parts = cells(6, 9);
    new SumTable().sum("n", total, parts).protect();
    expect(shown(parts)).toEqual([null, 9]);
  });

  it("follows a hidden cell through the sums it is part of (two insatser × boys/girls with margins)", () => {
    const fftBoys: Cell = { n: 17 };
    const fftGirls: Cell = { n: null }; // 3
    const mstBoys: Cell = { n: 5 };
    const mstGirls: Cell = { n: 15 };
    const fft: Cell = { n: 20 };
    const mst: Cell = { n: 20 };
    const boys: Cell = { n: 22 };
    const girls: Cell = { n: 18 };
    const all: Cell = { n: 40 };
    new SumTable()
      .sum("n", fft, [fftBoys, fftGirls])
      .sum("n", mst, [mstBoys, mstGirls])
      .sum("n", boys, [fftBoys, mstBoys])
      .sum("n", girls, [fftGirls, mstGirls])
      .sum("n", all, [fft, mst])
      .sum("n", all, [boys, girls])
      .protect();
    // FFT girls (3) can be worked out neither from FFT's row nor from the girls' column.
    expect(fftGirls.n).toBeNull();
    expect(fftBoys.n === null || fft.n === null).toBe(true);
    expect(mstGirls.n === null || girls.n === null).toBe(true);
  });

  it("never leaves a sum that gives a hidden count away (property, a table with its margins)", () => {
    const table = fc.array(fc.array(fc.nat({ max: 25 }), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(table, (raw) => {
        const width = Math.min(...raw.map((r) => r.length));
        const grid = raw.map((r) => r.slice(0, width).map((v) => ({ n: suppress(v), raw: v })));
        const rowTotals = raw.map((r) => {
          const v = r.slice(0, width).reduce((a, b) => a + b, 0);
          return { n: suppress(v), raw: v };
        });
        const colTotals = Array.from({ length: width }, (_, j) => {
          const v = raw.reduce((a, r) => a + (r[j] as number), 0);
          return { n: suppress(v), raw: v };
        });
        const g = rowTotals.reduce((a, r) => a + r.raw, 0);
        const grand = { n: suppress(g), raw: g };
        const t = new SumTable();
        grid.forEach((row, i) => t.sum("n", rowTotals[i] as Cell, row));
        colTotals.forEach((col, j) =>
          t.sum(
            "n",
            col,
            grid.map((row) => row[j] as Cell),
          ),
        );
        t.sum("n", grand, rowTotals).sum("n", grand, colTotals);
        t.protect();
        const sums: [{ n: number | null; raw: number }, { n: number | null; raw: number }[]][] = [
          ...grid.map((row, i) => [rowTotals[i], row] as never),
          ...colTotals.map((col, j) => [col, grid.map((row) => row[j])] as never),
          [grand, rowTotals],
          [grand, colTotals],
        ];
        for (const [total, parts] of sums) {
          for (const c of [total, ...parts]) if (c.n !== null) expect(c.n).toBe(c.raw);
          const hidden = parts.filter((p) => p.n === null);
          if (total.n !== null && hidden.length > 0) {
            const hiddenSum = hidden.reduce((a, p) => a + p.raw, 0);
            expect(hiddenSum === 0 || (hidden.length > 1 && hiddenSum >= 5)).toBe(true);
          }
          if (total.n === null) expect(hidden.length > 0 || total.raw === 0).toBe(true);
        }
      }),
    );
  });
});
