/**
 * The words of samverkan and samtycke (issue 21): forum types, the agencies information may go
 * to, the categories of information, who can give a consent and how. Swedish first, like the rest.
 */
export const FORUM_TYPES = ["sspf", "sig", "avhopp", "natverksmote", "bup_samverkan", "annat"] as const;
export type ForumType = (typeof FORUM_TYPES)[number];
export const FORUM_TYPE_LABELS: Record<ForumType, { sv: string; en: string }> = {
  sspf: { sv: "SSPF (skola, socialtjänst, polis, fritid)", en: "SSPF (school, social services, police, leisure)" },
  sig: { sv: "SIG (sociala insatsgrupper)", en: "SIG (social intervention group)" },
  avhopp: { sv: "Avhopparverksamhet", en: "Exit programme" },
  natverksmote: { sv: "Nätverksmöte", en: "Network meeting" },
  bup_samverkan: { sv: "BUP-samverkan", en: "Child psychiatry collaboration" },
  annat: { sv: "Annat forum", en: "Other forum" },
};

export const AGENCIES = ["skola", "polis", "fritid", "halsa_bup", "annan"] as const;
export type Agency = (typeof AGENCIES)[number];
export const AGENCY_LABELS: Record<Agency, { sv: string; en: string }> = {
  skola: { sv: "Skola", en: "School" },
  polis: { sv: "Polis", en: "Police" },
  fritid: { sv: "Fritid", en: "Leisure" },
  halsa_bup: { sv: "Hälso- och sjukvård / BUP", en: "Health care / child psychiatry" },
  annan: { sv: "Annan aktör", en: "Other party" },
};

export const INFORMATION_CATEGORIES = [
  "kontaktuppgifter",
  "skolsituation",
  "familjesituation",
  "insatser",
  "brott_risk",
  "halsa",
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];
export const INFORMATION_CATEGORY_LABELS: Record<InformationCategory, { sv: string; en: string }> = {
  kontaktuppgifter: { sv: "Namn och kontaktuppgifter", en: "Name and contact details" },
  skolsituation: { sv: "Skolsituation", en: "School situation" },
  familjesituation: { sv: "Familjesituation", en: "Family situation" },
  insatser: { sv: "Pågående insatser", en: "Ongoing interventions" },
  brott_risk: { sv: "Brottslighet och riskbeteenden", en: "Offending and risk behaviour" },
  halsa: { sv: "Hälsa", en: "Health" },
};

/** Who gave the consent: the young person, and each vårdnadshavare on their own. */
export const CONSENT_GIVERS = ["den_unge", "vardnadshavare_1", "vardnadshavare_2"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const CONSENT_GIVER_LABELS: Record<ConsentGiver, { sv: string; en: string }> = {
  den_unge: { sv: "Den unge", en: "The young person" },
  vardnadshavare_1: { sv: "Vårdnadshavare 1", en: "Guardian 1" },
  vardnadshavare_2: { sv: "Vårdnadshavare 2", en: "Guardian 2" },
};

/** Joint custody (both guardians decide together) or one guardian alone. */
export const GUARDIANSHIPS = ["gemensam", "ensam"] as const;
export type Guardianship = (typeof GUARDIANSHIPS)[number];
export const GUARDIANSHIP_LABELS: Record<Guardianship, { sv: string; en: string }> = {
  gemensam: { sv: "Gemensam vårdnad", en: "Joint custody" },
  ensam: { sv: "Ensam vårdnad", en: "Sole custody" },
};

export const CONSENT_METHODS = ["skriftligt", "muntligt"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, { sv: string; en: string }> = {
  skriftligt: { sv: "Skriftligt", en: "In writing" },
  muntligt: { sv: "Muntligt", en: "Orally" },
};
