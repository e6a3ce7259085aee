/**
 * An integer-programming reader: given the true composition of published cells (each a sum of
 * "atoms", the finest groups a reader could ask about) and what was published for them, it finds
 * the smallest and largest value any sum of atoms can take in a population consistent with every
 * publication. A protected cell is safe when that range holds more than one value. Used by the
 * tests (small random populations) and bench/ (larger ones); HiGHS (MILP, WebAssembly) solves.
 */
import loadHighs from "highs";
import { MAX_NOISE, MIN_COUNT } from "./publish";

/** What the reader knows of one published figure: which atoms it sums, and what it showed. */
export interface Observation {
  atoms: readonly number[];
  /** The published value: a number, or null for hidden. */
  shown: number | null;
}

/** A known bound on a sum of atoms (e.g. "the filter left 1–9 records", said by the report). */
export interface KnownBound {
  atoms: readonly number[];
  min: number;
  max: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Highs> | null = null;
const highs = () => {
  solver ??= loadHighs();
  return solver;
};

/**
 * The bounds a published value puts on its true sum, as the disclosure rules define them: 0 is
 * exact; a shown count is at least MIN_COUNT and within MAX_NOISE of the truth; a hidden one says
 * nothing (it may be a small count, or a large one hidden by secondary suppression).
 */
function boundsOf(shown: number | null, noise: number): { min: number; max: number } | null {
  if (shown === null) return null;
  if (shown === 0) return { min: 0, max: 0 };
  return { min: Math.max(MIN_COUNT, shown - noise), max: shown + noise };
}

const key = (atoms: readonly number[]) => [...atoms].sort((a, b) => a - b).join(",");

/**
 * The linear system of everything published: one row per distinct sum of atoms (the same record
 * set always gets the same perturbation, so repeated publications of one sum agree), bounded by the
 * intersection of what each publication allowed.
 */
export class Reader {
  private readonly rows = new Map<string, { atoms: number[]; min: number; max: number }>();

  /** `noise`: how far a shown count may lie from the truth, as the publisher says (MAX_NOISE). */
  constructor(
    private readonly atomCount: number,
    private readonly atomMax: number,
    private readonly noise: number = MAX_NOISE,
  ) {}

  private bound(atoms: readonly number[], min: number, max: number): void {
    const unique = [...new Set(atoms)];
    if (unique.length === 0) return;
    const k = key(unique);
    const row = this.rows.get(k);
    if (row) {
      row.min = Math.max(row.min, min);
      row.max = Math.min(row.max, max);
    } else {
      this.rows.set(k, { atoms: unique, min, max });
    }
  }

  observe(o: Observation): void {
    const b = boundsOf(o.shown, this.noise);
    if (b) this.bound(o.atoms, b.min, b.max);
  }

  know(b: KnownBound): void {
    this.bound(b.atoms, b.min, b.max);
  }

  private model(sense: "Minimize" | "Maximize", target: readonly number[]): string {
    const v = (a: number) => `x${a}`;
    const lines = [sense, ` obj: ${[...new Set(target)].map(v).join(" + ")}`, "Subject To"];
    let i = 0;
    for (const row of this.rows.values()) {
      const sum = row.atoms.map(v).join(" + ");
      if (row.min === row.max) lines.push(` e${i}: ${sum} = ${row.min}`);
      else {
        if (row.min > 0) lines.push(` l${i}: ${sum} >= ${row.min}`);
        if (row.max < this.atomMax * row.atoms.length) lines.push(` u${i}: ${sum} <= ${row.max}`);
      }
      i++;
    }
    lines.push("Bounds");
    for (let a = 0; a < this.atomCount; a++) lines.push(` 0 <= ${v(a)} <= ${this.atomMax}`);
    lines.push("Generals", ` ${Array.from({ length: this.atomCount }, (_, a) => v(a)).join(" ")}`, "End");
    return lines.join("\n");
  }

  /**
   * Whether the sum of `target` atoms can take another value than `truth` in an integer solution
   * (one solve in the common case: the maximum; the minimum only when the maximum is the truth).
   */
  async ambiguous(target: readonly number[], truth: number): Promise<boolean> {
    const h = await highs();
    const solve = (sense: "Minimize" | "Maximize") => {
      const r = h.solve(this.model(sense, target), { output_flag: false });
      if (r.Status !== "Optimal") throw new Error(`reader's model: ${r.Status}`);
      return Math.round(r.ObjectiveValue);
    };
    const max = solve("Maximize");
    if (max < truth) throw new Error("reader unsound: the truth is infeasible");
    if (max > truth) return true;
    return solve("Minimize") < truth;
  }
}
