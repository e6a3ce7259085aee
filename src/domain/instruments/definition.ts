import { z } from "zod";

/**
 * Instrument definitions are importable configuration, not code: the municipality loads the
 * structure of an instrument it holds a licence for. For copyrighted instruments the repository
 * only ships the structure (codes, scales, domains); the item texts stay in the licensed manual.
 */
export const INSTRUMENT_FORMAT = "vagval.instrument/1";

/** What the instrument is used to assess; matches the case system's areas of concern. */
export const PURPOSES = ["brott", "vald", "missbruk", "behov"] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, "must be a lowercase slug (a-z, 0-9, -)");
// Item and domain codes follow the manuals ("H1", "1.3", "SEV2"), so dots and capitals are allowed.
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, "must be a code of 1-20 letters, digits, _ . -");
const age = z.number().int().min(0).max(30);

const scaleSchema = z
  .strictObject({
    values: z.array(z.number().int()).min(2).max(11),
    labels: z.array(z.string().min(1).max(60)).optional(),
  })
  .superRefine((scale, ctx) => {
    // Strictly ascending implies distinct, and lets the first value serve as "no concern".
    scale.values.forEach((v, i) => {
      const prev = scale.values[i - 1];
      if (prev !== undefined && v <= prev) {
        ctx.addIssue({
          code: "custom",
          path: ["values", i],
          message: `scale values must be strictly ascending (${prev} then ${v})`,
        });
      }
    });
    if (scale.labels !== undefined && scale.labels.length !== scale.values.length) {
      ctx.addIssue({
        code: "custom",
        path: ["labels"],
        message: `scale has ${scale.values.length} values but ${scale.labels.length} labels`,
      });
    }
  });

const itemSchema = z.strictObject({
  id: code,
  domain: code,
  label: z.string().min(1).max(300),
  scale: scaleSchema,
  critical: z.boolean().default(false),
  direction: z.enum(["risk", "protective"]).default("risk"),
  required: z.boolean().default(true),
});

const labelled = z.strictObject({ id: code, label: z.string().min(1).max(120) });

const judgementSchema = z.strictObject({
  levels: z.array(labelled).min(2),
  reasonRequired: z.boolean(),
});

const gasSettingsSchema = z.strictObject({
  // ρ is the assumed correlation between goal scores; 0.3 is Kiresuk & Sherman's conventional value.
  rho: z.number().min(0).lt(1).default(0.3),
  minGoals: z.number().int().min(1),
  maxGoals: z.number().int().min(1).max(10),
});

type Ctx = z.core.$RefinementCtx<unknown>;

/** Reports every repeated id at its own position, so the editor can point at the offending row. */
function checkUnique(ctx: Ctx, list: { id: string }[], at: string[], what: string): void {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.id))
      ctx.addIssue({ code: "custom", path: [...at, i, "id"], message: `duplicate ${what} id "${entry.id}"` });
    seen.add(entry.id);
  });
}

export const instrumentDefinitionSchema = z
  .strictObject({
    format: z.literal(INSTRUMENT_FORMAT),
    id: slug,
    name: z.string().min(1).max(120),
    version: z.string().min(1).max(20),
    publisher: z.string().max(200).optional(),
    licence: z.enum(["free", "requires_licence"]),
    ageRange: z.strictObject({ min: age, max: age }),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    kind: z.enum(["items", "gas"]),
    domains: z.array(labelled),
    items: z.array(itemSchema),
    bands: z.array(z.strictObject({ id: code, label: z.string().min(1).max(120), min: z.number() })),
    judgement: judgementSchema.nullable(),
    reassessmentMonths: z.number().int().min(1).max(60).nullable(),
    // Exclusive bounds: the Reliable Change Index divides by sqrt(1 - r) and r = 0 means no information.
    reliability: z.number().gt(0).lt(1).nullable(),
    gas: gasSettingsSchema.optional(),
  })
  .superRefine((def, ctx) => {
    if (def.ageRange.min > def.ageRange.max) {
      ctx.addIssue({
        code: "custom",
        path: ["ageRange", "min"],
        message: `minimum age ${def.ageRange.min} is above maximum age ${def.ageRange.max}`,
      });
    }
    const purposes = new Set<string>();
    def.purposes.forEach((p, i) => {
      if (purposes.has(p)) ctx.addIssue({ code: "custom", path: ["purposes", i], message: `duplicate purpose "${p}"` });
      purposes.add(p);
    });

    checkUnique(ctx, def.domains, ["domains"], "domain");
    checkUnique(ctx, def.items, ["items"], "item");
    checkUnique(ctx, def.bands, ["bands"], "band");

    def.bands.forEach((band, i) => {
      const prev = def.bands[i - 1];
      if (prev !== undefined && band.min <= prev.min) {
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "min"],
          message: `band "${band.id}" starts at ${band.min}, not above the previous band's ${prev.min}`,
        });
      }
    });

    if (def.judgement) checkUnique(ctx, def.judgement.levels, ["judgement", "levels"], "judgement level");

    if (def.kind === "items") {
      if (def.domains.length === 0)
        ctx.addIssue({ code: "custom", path: ["domains"], message: "an item instrument needs at least one domain" });
      if (def.items.length === 0)
        ctx.addIssue({ code: "custom", path: ["items"], message: "an item instrument needs at least one item" });
      const domainIds = new Set(def.domains.map((d) => d.id));
      def.items.forEach((item, i) => {
        if (!domainIds.has(item.domain)) {
          ctx.addIssue({
            code: "custom",
            path: ["items", i, "domain"],
            message: `item "${item.id}" is in unknown domain "${item.domain}"`,
          });
        }
      });
      if (def.gas !== undefined)
        ctx.addIssue({ code: "custom", path: ["gas"], message: 'gas settings are only allowed when kind is "gas"' });
    } else {
      // GAS goals are written per case, so the definition itself has no items or domains.
      if (def.items.length > 0)
        ctx.addIssue({ code: "custom", path: ["items"], message: "a GAS instrument must not define items" });
      if (def.domains.length > 0)
        ctx.addIssue({ code: "custom", path: ["domains"], message: "a GAS instrument must not define domains" });
      if (def.gas === undefined) {
        ctx.addIssue({ code: "custom", path: ["gas"], message: 'gas settings are required when kind is "gas"' });
      } else if (def.gas.minGoals > def.gas.maxGoals) {
        ctx.addIssue({
          code: "custom",
          path: ["gas", "minGoals"],
          message: `minGoals ${def.gas.minGoals} is above maxGoals ${def.gas.maxGoals}`,
        });
      }
    }
  });

export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;

export interface DefinitionIssue {
  path: string;
  message: string;
}

/** Validates an uploaded definition and flattens zod's issues into "items.3.id"-style paths for the UI. */
export function parseDefinition(
  input: unknown,
): { ok: true; definition: InstrumentDefinition } | { ok: false; issues: DefinitionIssue[] } {
  const result = instrumentDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  };
}

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Age in whole years on a calendar date. Compared as (month, day) so no time zone is involved;
 * a child born on 29 February therefore turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = parseDate(birthDate);
  const [y, m, d] = parseDate(onDate);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Both ends are inclusive: an instrument for 12-18 still fits the day before the 19th birthday. */
export function fitsAge(def: InstrumentDefinition, birthDate: string, onDate: string): boolean {
  const age = ageOn(birthDate, onDate);
  return age >= def.ageRange.min && age <= def.ageRange.max;
}
