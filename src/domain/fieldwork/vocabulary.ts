/**
 * The fixed vocabularies of fältarbete: the age bands and genders anonymous contacts are counted
 * in, the tags a shift's observations carry and the categories of a händelserapport. Data, so the
 * web page and the API offer the same lists. Pure.
 */

/** Age bands as fältassistenter estimate them: child, early teens, the ages of LUL and of the young adults. */
export const AGE_BANDS = ["under13", "13-15", "16-17", "18-20", "21plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ["flicka", "pojke", "annat"] as const;
export type Gender = (typeof GENDERS)[number];

/** What a shift saw, to count per area (lägesbild enligt lag 2023:196). */
export const FIELD_TAGS = [
  "rekrytering",
  "vapen",
  "narkotika",
  "alkohol",
  "vald",
  "hot",
  "skadegorelse",
  "otrygghet",
  "skolfranvaro",
  "sent-ute",
  "konflikt-grupper",
  "sociala-medier",
] as const;
export type FieldTag = (typeof FIELD_TAGS)[number];

export const INCIDENT_CATEGORIES = [
  "vald",
  "hot",
  "rekrytering",
  "vapen",
  "narkotika",
  "skadegorelse",
  "brand",
  "ordningsstorning",
  "annat",
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_STATUSES = ["submitted", "returned", "approved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

type Label = { sv: string; en: string };

export const AGE_BAND_LABELS: Record<AgeBand, Label> = {
  under13: { sv: "Under 13", en: "Under 13" },
  "13-15": { sv: "13–15", en: "13–15" },
  "16-17": { sv: "16–17", en: "16–17" },
  "18-20": { sv: "18–20", en: "18–20" },
  "21plus": { sv: "21 och äldre", en: "21 and older" },
};

export const GENDER_LABELS: Record<Gender, Label> = {
  flicka: { sv: "Flicka", en: "Girl" },
  pojke: { sv: "Pojke", en: "Boy" },
  annat: { sv: "Annat / okänt", en: "Other / unknown" },
};

export const FIELD_TAG_LABELS: Record<FieldTag, Label> = {
  rekrytering: { sv: "Rekrytering", en: "Recruitment" },
  vapen: { sv: "Vapen", en: "Weapons" },
  narkotika: { sv: "Narkotika", en: "Narcotics" },
  alkohol: { sv: "Alkohol", en: "Alcohol" },
  vald: { sv: "Våld", en: "Violence" },
  hot: { sv: "Hot", en: "Threats" },
  skadegorelse: { sv: "Skadegörelse", en: "Vandalism" },
  otrygghet: { sv: "Otrygghet", en: "Feeling unsafe" },
  skolfranvaro: { sv: "Skolfrånvaro", en: "School absence" },
  "sent-ute": { sv: "Unga ute sent", en: "Young people out late" },
  "konflikt-grupper": { sv: "Konflikt mellan grupper", en: "Conflict between groups" },
  "sociala-medier": { sv: "Sociala medier", en: "Social media" },
};

export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, Label> = {
  vald: { sv: "Våld", en: "Violence" },
  hot: { sv: "Hot", en: "Threats" },
  rekrytering: { sv: "Rekrytering", en: "Recruitment" },
  vapen: { sv: "Vapen", en: "Weapons" },
  narkotika: { sv: "Narkotika", en: "Narcotics" },
  skadegorelse: { sv: "Skadegörelse", en: "Vandalism" },
  brand: { sv: "Brand", en: "Fire" },
  ordningsstorning: { sv: "Ordningsstörning", en: "Public disorder" },
  annat: { sv: "Annat", en: "Other" },
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, Label> = {
  submitted: { sv: "Inskickad", en: "Submitted" },
  returned: { sv: "Återskickad", en: "Returned" },
  approved: { sv: "Godkänd", en: "Approved" },
};

/** Whether a string is one of the tags: for data read back from the database. */
export const isFieldTag = (s: string): s is FieldTag => (FIELD_TAGS as readonly string[]).includes(s);
