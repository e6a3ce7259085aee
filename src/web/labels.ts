import type { Lang } from "./i18n";

type Labels = Record<string, { sv: string; en: string }>;

export const GENDER_LABELS: Labels = {
  pojke: { sv: "Pojke", en: "Boy" },
  flicka: { sv: "Flicka", en: "Girl" },
  annat: { sv: "Annat", en: "Other" },
  okant: { sv: "Okänt", en: "Unknown" },
};
export const KIND_LABELS: Labels = {
  ung: { sv: "Barn/ungdom", en: "Child/young person" },
  vardnadshavare: { sv: "Vårdnadshavare", en: "Guardian" },
};
export const CLOCK_LABELS: Labels = {
  skyddsbedomning: { sv: "Skyddsbedömning (24 h)", en: "Protection assessment (24 h)" },
  forhandsbedomning: { sv: "Förhandsbedömning (14 dagar)", en: "Pre-assessment (14 days)" },
  utredning: { sv: "Utredning (4 månader)", en: "Investigation (4 months)" },
  uppfoljning: { sv: "Uppföljning (2 månader)", en: "Follow-up (2 months)" },
};
export const STATE_LABELS: Labels = {
  overdue: { sv: "Försenad", en: "Overdue" },
  due_soon: { sv: "Snart", en: "Due soon" },
  due: { sv: "Löpande", en: "Running" },
  met: { sv: "Klar i tid", en: "Met" },
  met_late: { sv: "Klar för sent", en: "Met late" },
};
export const UNIT_KIND_LABELS: Labels = {
  mottagning: { sv: "Mottagning", en: "Intake" },
  utredning: { sv: "Utredning", en: "Investigation" },
  oppenvard: { sv: "Öppenvård", en: "Outpatient care" },
  forebyggande: { sv: "Förebyggande/fält", en: "Prevention/outreach" },
  familjehem: { sv: "Familjehem", en: "Foster care" },
  ledning: { sv: "Ledning", en: "Management" },
  kvalitet: { sv: "Kvalitet", en: "Quality" },
  annan: { sv: "Annan", en: "Other" },
};

export function label(labels: Labels, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}
