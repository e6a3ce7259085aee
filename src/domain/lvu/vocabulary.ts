/**
 * The words of an LVU process (lag (1990:52) med särskilda bestämmelser om vård av unga). Pure.
 */

/**
 * The grounds for care: 2 § (miljöfall: misshandel, otillbörligt utnyttjande, brister i omsorgen
 * eller något annat förhållande i hemmet) and 3 § (beteendefall: the young person's own missbruk,
 * brottslig verksamhet or annat socialt nedbrytande beteende).
 */
export const LVU_GROUNDS = ["2", "3"] as const;
export type LvuGround = (typeof LVU_GROUNDS)[number];

/** The behaviours 3 § names; criminal activity is the one this system's target group is about. */
export const LVU_BEHAVIOURS = ["missbruk", "brottslig_verksamhet", "annat_socialt_nedbrytande"] as const;
export type LvuBehaviour = (typeof LVU_BEHAVIOURS)[number];

/**
 * Who took a decision:
 * - namnd: socialnämnden, or the särskild avdelning (utskott) of its members it has given the
 *   matter to (SoL (2001:453) 10 kap. 4 §; the LVU decisions may not go to one member or to staff;
 *   Högsta förvaltningsdomstolen held in 2021 that not even appealing a court's upphävande of an
 *   omedelbart omhändertagande can be delegated to staff). SoL (2025:400), in force 2025-07-01,
 *   carries the rule over; its new chapter and section were not found in the sources searched and
 *   are to be checked before they are cited here;
 * - ordforande / ledamot: the chair or another member the nämnd has appointed, when the nämnd's
 *   decision cannot be awaited (LVU 6 § andra stycket; kommunallagen (2017:725) 6 kap. 39 § for
 *   other urgent matters) — reported to the nämnd at its next meeting;
 * - tjansteman: the signed-in member of staff, under the district's delegationsordning.
 */
export const DECISION_MAKERS = ["namnd", "ordforande", "ledamot", "tjansteman"] as const;
export type DecisionMakerKind = (typeof DECISION_MAKERS)[number];
export const URGENT_MAKERS: readonly DecisionMakerKind[] = ["ordforande", "ledamot"];

/** Where the young person is placed (LVU 11 §: the nämnd decides how and where care is given). */
export const PLACEMENT_FORMS = ["familjehem", "jourhem", "hvb", "sis", "stodboende", "hemmet"] as const;
export type PlacementForm = (typeof PLACEMENT_FORMS)[number];

export const UNDERSTALLNING_OUTCOMES = ["faststallt", "upphavt"] as const;
export const JUDGMENT_OUTCOMES = ["bifall", "avslag"] as const;
/** 13 §: övervägande (care under 2 §) and prövning (care under 3 §). */
export const REVIEW_FORMS = ["overvagande", "provning"] as const;
export type ReviewForm = (typeof REVIEW_FORMS)[number];
export const REVIEW_OUTCOMES = ["fortsatt", "upphora"] as const;

/** The steps of the process, in the order they usually come. */
export const LVU_STEP_KINDS = [
  "omedelbart_beslut",
  "verkstallt",
  "anmalt_till_namnd",
  "understalld",
  "understallning_provad",
  "ansokningstid_forlangd",
  "ansokan",
  "dom",
  "laga_kraft",
  "vard_paborjad",
  "placering",
  "vardplan",
  "overvagande",
  "upphorande",
  "avslutad",
] as const;
export type LvuStepKind = (typeof LVU_STEP_KINDS)[number];

/** The decisions of the process and the decision type each is recorded as (src/domain/case-flow.ts). */
export const LVU_DECISIONS = {
  omedelbart_beslut: "lvu_omedelbart_omhandertagande",
  ansokan: "lvu_ansokan",
  placering: "lvu_placering",
  overvagande: "lvu_overvagande",
  upphorande: "lvu_upphorande",
} as const;
export type LvuDecisionStep = keyof typeof LVU_DECISIONS;

/**
 * Who may take each decision, by law:
 * - omedelbart omhändertagande: the nämnd (6 § första stycket), or, when its decision cannot be
 *   awaited, the chair or an appointed member (6 § andra stycket);
 * - ansökan om vård (4 §), övervägande/prövning (13 §) and upphörande (21 §): the nämnd or its
 *   särskild avdelning only (SoL (2001:453) 10 kap. 4 §);
 * - placering (11 §): the nämnd, staff under the delegationsordning, or in an urgent case the chair
 *   or an appointed member (kommunallagen 6 kap. 39 §).
 */
export const ALLOWED_MAKERS: Record<LvuDecisionStep, readonly DecisionMakerKind[]> = {
  omedelbart_beslut: ["namnd", "ordforande", "ledamot"],
  ansokan: ["namnd"],
  overvagande: ["namnd"],
  upphorande: ["namnd"],
  placering: ["namnd", "ordforande", "ledamot", "tjansteman"],
};

export function isDecisionStep(kind: LvuStepKind): kind is LvuDecisionStep {
  return kind in LVU_DECISIONS;
}

/** The review form 13 § requires for care on a ground: övervägande for 2 §, prövning for 3 §. */
export function reviewFormOf(ground: LvuGround): ReviewForm {
  return ground === "2" ? "overvagande" : "provning";
}
