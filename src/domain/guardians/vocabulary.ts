/**
 * The words of guardians and the child's voice (issue 18 point 3): how a person is related to a
 * child, how a guardian was told of an investigation and what they said, at which step the
 * child's view was documented and why a child was not heard. Swedish first, like the rest.
 */

/** A related person's relation to the child. */
export const RELATIONS = [
  "forelder",
  "sarskilt_forordnad_vardnadshavare",
  "familjehemsforalder",
  "syskon",
  "kontaktperson",
  "annan",
] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, { sv: string; en: string }> = {
  forelder: { sv: "Förälder", en: "Parent" },
  sarskilt_forordnad_vardnadshavare: { sv: "Särskilt förordnad vårdnadshavare", en: "Appointed guardian" },
  familjehemsforalder: { sv: "Familjehemsförälder", en: "Foster parent" },
  syskon: { sv: "Syskon", en: "Sibling" },
  kontaktperson: { sv: "Kontaktperson", en: "Contact person" },
  annan: { sv: "Annan närstående", en: "Other related person" },
};
/**
 * Relations that can carry vårdnad (custody): a parent or a särskilt förordnad vårdnadshavare
 * (föräldrabalken 6 kap.). A foster parent, a sibling or a contact person holds none by that
 * relation; one appointed guardian is recorded with that relation instead.
 */
export const CUSTODY_RELATIONS: readonly Relation[] = ["forelder", "sarskilt_forordnad_vardnadshavare"];
/** A child has at most two vårdnadshavare: both parents jointly, or two appointed together. */
export const MAX_CUSTODIANS = 2;

/** How a guardian was told that an investigation had been opened. */
export const INFORM_METHODS = ["brev", "mote", "telefon", "digitalt"] as const;
export type InformMethod = (typeof INFORM_METHODS)[number];
export const INFORM_METHOD_LABELS: Record<InformMethod, { sv: string; en: string }> = {
  brev: { sv: "Brev", en: "Letter" },
  mote: { sv: "Möte", en: "Meeting" },
  telefon: { sv: "Telefon", en: "Telephone" },
  digitalt: { sv: "Digitalt", en: "Digitally" },
};

/** The guardian's position on the investigation (or on the help offered), where it is needed. */
export const GUARDIAN_POSITIONS = ["samtycker", "samtycker_inte", "ingen_installning"] as const;
export type GuardianPosition = (typeof GUARDIAN_POSITIONS)[number];
export const GUARDIAN_POSITION_LABELS: Record<GuardianPosition, { sv: string; en: string }> = {
  samtycker: { sv: "Samtycker", en: "Consents" },
  samtycker_inte: { sv: "Samtycker inte", en: "Does not consent" },
  ingen_installning: { sv: "Har inte tagit ställning", en: "Has not taken a position" },
};

/** The steps where the child's view is documented. */
export const CHILD_VIEW_STAGES = ["forhandsbedomning", "utredning", "uppfoljning"] as const;
export type ChildViewStage = (typeof CHILD_VIEW_STAGES)[number];
export const CHILD_VIEW_STAGE_LABELS: Record<ChildViewStage, { sv: string; en: string }> = {
  forhandsbedomning: { sv: "Förhandsbedömning", en: "Pre-assessment" },
  utredning: { sv: "Utredning", en: "Investigation" },
  uppfoljning: { sv: "Uppföljning", en: "Follow-up" },
};

/** Why the child was not heard. Every code is explained in a note. */
export const NOT_HEARD_REASONS = ["barnet_avstod", "alder_mognad", "skadligt_for_barnet", "ej_antraffbar", "annat"] as const;
export type NotHeardReason = (typeof NOT_HEARD_REASONS)[number];
export const NOT_HEARD_REASON_LABELS: Record<NotHeardReason, { sv: string; en: string }> = {
  barnet_avstod: { sv: "Barnet ville inte framföra sina åsikter", en: "The child did not want to give their views" },
  alder_mognad: { sv: "Barnets ålder eller mognad", en: "The child's age or maturity" },
  skadligt_for_barnet: { sv: "Ett samtal bedömdes kunna skada barnet", en: "Talking to the child was judged harmful" },
  ej_antraffbar: { sv: "Barnet gick inte att nå", en: "The child could not be reached" },
  annat: { sv: "Annat skäl", en: "Other reason" },
};
