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
  verkstallighet: { sv: "Verkställighet (3 månader)", en: "Execution of decision (3 months)" },
  genomforandeplan: { sv: "Genomförandeplan (signerad)", en: "Implementation plan (signed)" },
  insats_uppfoljning: { sv: "Uppföljning av insats", en: "Follow-up of intervention" },
  overvagande: { sv: "Övervägande (6 månader)", en: "Review of placement (6 months)" },
  lul_yttrande: { sv: "Yttrande LUL (sista dag enligt begäran)", en: "LUL statement (due as requested)" },
  lvu_understallning: { sv: "LVU underställning (7 §, en vecka)", en: "LVU submission to court (7 §, one week)" },
  lvu_ansokan: { sv: "LVU ansökan om vård (8 §, fyra veckor)", en: "LVU application for care (8 §, four weeks)" },
  lvu_vardstart: { sv: "LVU vården påbörjad (5 §, fyra veckor)", en: "LVU care begun (5 §, four weeks)" },
  lvu_overvagande: { sv: "LVU övervägande (13 §, 6 månader)", en: "LVU consideration (13 §, 6 months)" },
  lvu_provning: { sv: "LVU prövning (13 §, 6 månader)", en: "LVU trial of ending care (13 §, 6 months)" },
  lvu_aldersgrans: { sv: "LVU åldersgräns (21 §)", en: "LVU age limit (21 §)" },
  ungdomstjanst_start: {
    sv: "Ungdomstjänst påbörjad (dag enligt dom/plan)",
    en: "Youth service started (day set by judgment/plan)",
  },
  ungdomstjanst_slut: {
    sv: "Ungdomstjänst fullgjord (dag enligt dom/plan)",
    en: "Youth service completed (day set by judgment/plan)",
  },
  ungdomsovervakning_uppfoljning: {
    sv: "Ungdomsövervakning uppföljning (enligt plan)",
    en: "Youth supervision follow-up (as planned)",
  },
  atgardsplan_uppgift: { sv: "Åtgärdsplan: uppgift (enligt plan)", en: "Action plan: task (as planned)" },
  atgardsplan_uppfoljning: { sv: "Åtgärdsplan: uppföljning (enligt plan)", en: "Action plan: follow-up (as planned)" },
  avhopp_uppfoljning: { sv: "Avhopp: uppföljning (planerad dag)", en: "Exit programme: follow-up (planned day)" },
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

export const REPORT_KIND_LABELS: Labels = {
  orosanmalan: { sv: "Orosanmälan", en: "Report of concern" },
  ansokan: { sv: "Ansökan", en: "Application" },
};
export const REPORTER_CATEGORY_LABELS: Labels = {
  polis: { sv: "Polis", en: "Police" },
  skola: { sv: "Skola", en: "School" },
  forskola: { sv: "Förskola", en: "Preschool" },
  halso_sjukvard: { sv: "Hälso- och sjukvård", en: "Health care" },
  bup: { sv: "BUP", en: "Child and adolescent psychiatry" },
  socialtjanst: { sv: "Socialtjänst", en: "Social services" },
  fritid_civilsamhalle: { sv: "Fritid/civilsamhälle", en: "Leisure/civil society" },
  familj_anhorig: { sv: "Familj/anhörig", en: "Family/relative" },
  den_unge: { sv: "Den unge själv", en: "The young person" },
  anonym: { sv: "Anonym", en: "Anonymous" },
  annan: { sv: "Annan", en: "Other" },
};
export const CONCERN_LABELS: Labels = {
  brott: { sv: "Brott", en: "Crime" },
  vald: { sv: "Våld", en: "Violence" },
  missbruk: { sv: "Missbruk", en: "Substance abuse" },
  skolfranvaro: { sv: "Skolfrånvaro", en: "School absence" },
  hemforhallanden: { sv: "Hemförhållanden", en: "Home situation" },
  psykisk_ohalsa: { sv: "Psykisk ohälsa", en: "Mental ill-health" },
  annat: { sv: "Annat", en: "Other" },
};
export const PRE_OUTCOME_LABELS: Labels = {
  inleda: { sv: "Inleda utredning", en: "Open an investigation" },
  inte_inleda: { sv: "Inte inleda utredning", en: "Do not open an investigation" },
  overlamna: { sv: "Överlämna", en: "Hand over" },
  koppla: { sv: "Koppla till pågående utredning", en: "Link to the ongoing investigation" },
};
export const DECISION_TYPE_LABELS: Labels = {
  inleda_utredning: { sv: "Inleda utredning", en: "Open investigation" },
  inte_inleda_utredning: { sv: "Inte inleda utredning", en: "Not open investigation" },
  forlangning: { sv: "Förlängning av utredningstid", en: "Extension of investigation" },
  bistand: { sv: "Bistånd", en: "Assistance granted" },
  avslag: { sv: "Avslag", en: "Refusal" },
  ingen_atgard: { sv: "Ingen åtgärd", en: "No action" },
  uppfoljning: { sv: "Uppföljning", en: "Follow-up" },
  lvu_ansokan: { sv: "Ansökan om vård enligt LVU", en: "Application for care under LVU" },
  lul_yttrande: { sv: "Yttrande enligt LUL", en: "Statement under LUL" },
  lvu_placering: { sv: "Placering enligt LVU (11 §)", en: "Placement under LVU (11 §)" },
  lvu_omedelbart_omhandertagande: { sv: "Omedelbart omhändertagande (6 § LVU)", en: "Immediate custody (LVU 6 §)" },
  lvu_overvagande: { sv: "Övervägande/prövning (13 § LVU)", en: "Review (LVU 13 §)" },
  lvu_upphorande: { sv: "Upphörande av vård (21 § LVU)", en: "Ending care (LVU 21 §)" },
};
export const JOURNAL_STEP_LABELS: Labels = {
  aktualisering: { sv: "Aktualisering", en: "Referral" },
  skyddsbedomning: { sv: "Skyddsbedömning", en: "Protection assessment" },
  forhandsbedomning: { sv: "Förhandsbedömning", en: "Pre-assessment" },
  utredning: { sv: "Utredning", en: "Investigation" },
  beslut: { sv: "Beslut", en: "Decision" },
  uppfoljning: { sv: "Uppföljning", en: "Follow-up" },
  avslut: { sv: "Avslut", en: "Closing" },
  ovrigt: { sv: "Övrigt", en: "Other" },
};

export function label(labels: Labels, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}

export const PURPOSE_LABELS: Labels = {
  brott: { sv: "Brott", en: "Crime" },
  vald: { sv: "Våld", en: "Violence" },
  missbruk: { sv: "Missbruk", en: "Substance abuse" },
  behov: { sv: "Behov", en: "Needs" },
};
/** Plural forms for statistics tables ("Pojkar", "Flickor"). */
export const GENDER_PLURAL_LABELS: Labels = {
  pojke: { sv: "Pojkar", en: "Boys" },
  flicka: { sv: "Flickor", en: "Girls" },
  annat: { sv: "Annat kön", en: "Other gender" },
  okant: { sv: "Okänt kön", en: "Unknown gender" },
};

/** The genomförandeplan's state on an insats (see domain/interventions/rules planState). */
export const PLAN_STATE_LABELS: Labels = {
  ok: { sv: "Plan finns", en: "Plan in place" },
  late: { sv: "Plan sen", en: "Plan late" },
  missing: { sv: "Plan saknas", en: "Plan missing" },
  not_due: { sv: "Ej aktuell ännu", en: "Not due yet" },
};
export const PLAN_STATUS_LABELS: Labels = {
  draft: { sv: "Utkast", en: "Draft" },
  signed: { sv: "Signerad", en: "Signed" },
};
