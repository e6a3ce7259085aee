/**
 * Vocabulary of the intervention (insats) register: the catalogue's classifications, the kinds of
 * insats, and the codes recorded at start, end and follow-up. Codes are stable ASCII identifiers;
 * the labels carry the Swedish wording shown to users and an English gloss.
 */

export type Label = { sv: string; en: string };

/** Who provides the insats. */
export const PROVIDER_KINDS = ["egen_regi", "region_bup", "extern"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const PROVIDER_KIND_LABELS: Record<ProviderKind, Label> = {
  egen_regi: { sv: "Egen regi", en: "Provided by the municipality" },
  region_bup: { sv: "Regionen (BUP)", en: "Region (child and adolescent psychiatry)" },
  extern: { sv: "Extern utförare", en: "External provider" },
};

/** Prevention level: universal (everyone), selective (risk groups), indicated (individuals with problems). */
export const PREVENTION_LEVELS = ["universell", "selektiv", "indikerad"] as const;
export type PreventionLevel = (typeof PREVENTION_LEVELS)[number];
export const PREVENTION_LEVEL_LABELS: Record<PreventionLevel, Label> = {
  universell: { sv: "Universell prevention", en: "Universal prevention" },
  selektiv: { sv: "Selektiv prevention", en: "Selective prevention" },
  indikerad: { sv: "Indikerad prevention", en: "Indicated prevention" },
};

/** Evidence status after Socialstyrelsen's guidance; "avrads" = Socialstyrelsen advises against it. */
export const EVIDENCE_STATUSES = ["rekommenderad", "lovande", "saknar_evidens", "avrads"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, Label> = {
  rekommenderad: { sv: "Rekommenderad av Socialstyrelsen", en: "Recommended by the National Board of Health and Welfare" },
  lovande: { sv: "Lovande – effekten ännu inte säkerställd", en: "Promising – effect not yet established" },
  saknar_evidens: { sv: "Vetenskapligt stöd saknas", en: "No scientific evidence" },
  avrads: { sv: "Socialstyrelsen avråder", en: "Advised against by the National Board of Health and Welfare" },
};

/**
 * The legal form an insats is given in:
 * - bistand: granted by a decision (4 kap. 1 § SoL (2001:453));
 * - service: a serviceinsats given without a decision (SoL);
 * - lvu: care without consent under lag (1990:52) med särskilda bestämmelser om vård av unga — the
 *   nämnd decides how and where care is given (11 §); the process and its clocks are src/domain/lvu;
 * - pafoljd: carried out by the social services as a påföljd a court has imposed under brottsbalken
 *   32 kap.: ungdomsvård (1 §, with an ungdomskontrakt or, under LVU, a vårdplan), ungdomstjänst
 *   (2 §), ungdomsövervakning (3 a §).
 * Only bistånd is a decision under SoL that must be carried out within three months (16 kap. 6 f §).
 */
export const LEGAL_FORMS = ["bistand", "service", "lvu", "pafoljd"] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export const LEGAL_FORM_LABELS: Record<LegalForm, Label> = {
  bistand: { sv: "Bistånd enligt SoL (efter beslut)", en: "Granted assistance under SoL (by decision)" },
  service: { sv: "Serviceinsats enligt SoL (utan beslut)", en: "Service under SoL (without a decision)" },
  lvu: { sv: "Vård enligt LVU", en: "Compulsory care under LVU" },
  pafoljd: { sv: "Påföljd enligt BrB 32 kap.", en: "Sentence under the Penal Code, chapter 32" },
};

export const INSATS_KINDS = [
  "oppenvard",
  "placering_hvb",
  "placering_familjehem",
  "placering_sis",
  "kontaktperson",
  "program",
  "ungdomsvard",
  "ungdomstjanst",
  "ungdomsovervakning",
  "ovrigt",
] as const;
export type InsatsKind = (typeof INSATS_KINDS)[number];
export const INSATS_KIND_LABELS: Record<InsatsKind, Label> = {
  oppenvard: { sv: "Öppenvård", en: "Non-residential care" },
  placering_hvb: { sv: "Placering på HVB", en: "Placement in residential care (HVB)" },
  placering_familjehem: { sv: "Placering i familjehem", en: "Placement in foster family" },
  placering_sis: { sv: "Placering på SiS särskilda ungdomshem", en: "Placement in a SiS special youth home" },
  kontaktperson: { sv: "Kontaktperson/kontaktfamilj", en: "Contact person/contact family" },
  program: { sv: "Program", en: "Programme" },
  ungdomsvard: { sv: "Ungdomsvård (BrB 32 kap. 1 §)", en: "Youth care sentence (Penal Code 32:1)" },
  ungdomstjanst: { sv: "Ungdomstjänst (BrB 32 kap. 2 §)", en: "Youth service sentence (Penal Code 32:2)" },
  ungdomsovervakning: { sv: "Ungdomsövervakning (BrB 32 kap. 3 a §)", en: "Youth supervision sentence (Penal Code 32:3 a)" },
  ovrigt: { sv: "Övrig insats", en: "Other intervention" },
};

/** The kinds that are placements outside the home: they need a vårdplan and an övervägande every 6 months. */
export const PLACEMENT_KINDS = [
  "placering_hvb",
  "placering_familjehem",
  "placering_sis",
] as const satisfies readonly InsatsKind[];
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export function isPlacement(kind: InsatsKind): kind is PlacementKind {
  return (PLACEMENT_KINDS as readonly InsatsKind[]).includes(kind);
}

/** Goal attainment at follow-up; "ej_bedomt" means not assessed and is left out of shares. */
export const GOAL_ATTAINMENT = ["uppnatt", "delvis", "ej_uppnatt", "ej_bedomt"] as const;
export type GoalAttainment = (typeof GOAL_ATTAINMENT)[number];
/** Attainment of one goal at a follow-up. */
export const GOAL_ATTAINMENT_LABELS: Record<GoalAttainment, Label> = {
  uppnatt: { sv: "Uppnått", en: "Reached" },
  delvis: { sv: "Delvis uppnått", en: "Partly reached" },
  ej_uppnatt: { sv: "Inte uppnått", en: "Not reached" },
  ej_bedomt: { sv: "Inte bedömt", en: "Not assessed" },
};

/** Reason an insats ended (orsakskod vid avslut). */
export const END_REASONS = [
  "mal_uppnatt",
  "avbrutet_av_den_unge",
  "avbrutet_av_vardnadshavare",
  "flytt",
  "annan_insats",
  "placering",
  "ovrigt",
] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, Label> = {
  mal_uppnatt: { sv: "Målen uppnådda", en: "Goals achieved" },
  avbrutet_av_den_unge: { sv: "Avbrutet av den unge", en: "Ended by the young person" },
  avbrutet_av_vardnadshavare: { sv: "Avbrutet av vårdnadshavare", en: "Ended by the guardians" },
  flytt: { sv: "Flytt från kommunen", en: "Moved out of the municipality" },
  annan_insats: { sv: "Ersatt av annan insats", en: "Replaced by another intervention" },
  placering: { sv: "Placering utanför hemmet", en: "Placement outside the home" },
  ovrigt: { sv: "Annan orsak", en: "Other reason" },
};

/** Why a decision was not executed (verkställt) — reported to IVO and the nämnd (16 kap. 6 f–6 h §§ SoL). */
export const NOT_STARTED_REASONS = [
  "resursbrist",
  "den_unge_tackar_nej",
  "vardnadshavare_tackar_nej",
  "vantelista",
  "ovrigt",
] as const;
export type NotStartedReason = (typeof NOT_STARTED_REASONS)[number];
export const NOT_STARTED_REASON_LABELS: Record<NotStartedReason, Label> = {
  resursbrist: { sv: "Resursbrist hos nämnden", en: "Lack of resources" },
  den_unge_tackar_nej: { sv: "Den unge har tackat nej", en: "The young person declined" },
  vardnadshavare_tackar_nej: { sv: "Vårdnadshavare har tackat nej", en: "The guardians declined" },
  vantelista: { sv: "Väntelista hos utföraren", en: "Waiting list at the provider" },
  ovrigt: { sv: "Annat skäl", en: "Other reason" },
};
