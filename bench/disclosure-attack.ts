/**
 * npm run bench:attack [-- --runs 2 --districts 3 --months 6 --size 120]
 * The integer-programming reader (src/domain/disclosure/attacker.ts) over larger random populations
 * than the test suite's, against the disclosure module and, for comparison, against the rules that
 * came before it (counts 1–4 hidden, the others exact, secondary suppression over the sums). Writes
 * its section of bench/BENCHMARKS.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { disclosure, MIN_COUNT, type Publisher } from "../src/domain/disclosure/publish";
import { AGES, type AttackInsats, attackSamladBild, CATALOGUE, GENDERS } from "../src/domain/disclosure/samlad-bild-attack";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "2" },
    districts: { type: "string", default: "3" },
    months: { type: "string", default: "6" },
    size: { type: "string", default: "120" },
  },
});
const runs = Number(values.runs);
const shape = { districts: Number(values.districts), months: Number(values.months) };
const size = Number(values.size);

/** The rules before the disclosure module: small counts hidden, every other figure exact. */
const suppressionOnly: Publisher = {
  count: (t) => (t.n === 0 || t.n >= MIN_COUNT ? t.n : null),
  share: (n, d) => (d.n === 0 || (n.n > 0 && n.n < MIN_COUNT) || d.n < MIN_COUNT ? null : n.n / d.n),
  mean: (v) => (v.length < MIN_COUNT ? null : v.reduce((a, b) => a + b, 0) / v.length),
  statistic: (value, n) => (n < MIN_COUNT ? null : value),
  populationTooSmall: () => false,
  protects: true,
};

const insats = fc.record({
  district: fc.integer({ min: 0, max: shape.districts - 1 }),
  gender: fc.integer({ min: 0, max: GENDERS.length - 1 }),
  age: fc.integer({ min: 0, max: AGES.length - 1 }),
  catalogue: fc.integer({ min: 0, max: CATALOGUE.length - 1 }),
  month: fc.integer({ min: 0, max: shape.months - 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  personKey: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});
const populations = fc.sample(fc.array(insats, { minLength: size, maxLength: size }), { seed: 20261204, numRuns: runs });

const rows: string[] = [];
let totals = { newTargets: 0, newPinned: 0, oldTargets: 0, oldPinned: 0 };
const started = Date.now();
for (const [n, population] of populations.entries()) {
  const t0 = Date.now();
  const now = await attackSamladBild(population as AttackInsats[], shape, disclosure);
  const before = await attackSamladBild(population as AttackInsats[], shape, suppressionOnly, 0);
  totals = {
    newTargets: totals.newTargets + now.targets,
    newPinned: totals.newPinned + now.pinned.length,
    oldTargets: totals.oldTargets + before.targets,
    oldPinned: totals.oldPinned + before.pinned.length,
  };
  const line = `| ${n + 1} | ${population.length} | ${before.pinned.length} of ${before.targets} | ${now.pinned.length} of ${now.targets} | ${((Date.now() - t0) / 1000).toFixed(1)} s |`;
  console.log(line);
  rows.push(line);
}

const body = [
  `## Disclosure: an integer-programming reader of the samlad bild, run ${new Date().toISOString().slice(0, 16)}Z`,
  "",
  `${runs} random populations of ${size} insatser over ${shape.districts} districts × 2 genders × 2 age groups × 2 insatser × ${shape.months} months;`,
  `each published for every filter an aggregate-only role may ask for (each district and all, each insats and none, each calendar`,
  `month, quarter, tertial and half-year), then read at once by a MILP reader (HiGHS) that tries every published cell and every`,
  `finest cell of 1–4 insatser. "Before": counts 1–4 hidden, the others exact, secondary suppression over the sums.`,
  "",
  "| run | insatser | worked out exactly, suppression only (before) | worked out exactly, disclosure module | time |",
  "|---:|---:|---:|---:|---:|",
  ...rows,
  "",
  `In all: **${totals.oldPinned} of ${totals.oldTargets}** small cells worked out exactly under suppression alone, ` +
    `**${totals.newPinned} of ${totals.newTargets}** under the disclosure module (${((Date.now() - started) / 1000).toFixed(0)} s).`,
].join("\n");
console.log(body);

const file = path.join(import.meta.dirname, "BENCHMARKS.md");
const begin = "<!-- disclosure-attack -->";
const end = "<!-- /disclosure-attack -->";
const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
const block = `${begin}\n${body}\n${end}`;
const at = current.indexOf(begin);
writeFileSync(
  file,
  at >= 0
    ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length)
    : `${current.trimEnd()}\n\n${block}\n`,
);
