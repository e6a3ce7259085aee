import type { Label } from "../interventions/vocabulary";
import type {
  ControlArea,
  ControlFrequency,
  ControlMethod,
  ControlMetric,
  NamndReport,
  ResultOutcome,
  RiskLevel,
} from "./internal-control";
import type { AccessFlag } from "./log-review";
import type { DecisionLevel, DocumentKind, DocumentStatus, ProcessStep, ReviewState } from "./styrdokument";

/** Words for the governance vocabularies, shared by the pages and the nämnd PDF. */

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Label> = {
  rutin: { sv: "Rutin", en: "Routine" },
  riktlinje: { sv: "Riktlinje", en: "Guideline" },
  delegationsordning: { sv: "Delegationsordning", en: "Delegation order" },
  policy: { sv: "Policy", en: "Policy" },
  instruktion: { sv: "Instruktion", en: "Instruction" },
  checklista: { sv: "Checklista", en: "Checklist" },
  overenskommelse: { sv: "Överenskommelse", en: "Agreement" },
};

export const DECISION_LEVEL_LABELS: Record<DecisionLevel, Label> = {
  namnd: { sv: "Nämnd", en: "Committee" },
  forvaltning: { sv: "Förvaltning", en: "Administration" },
  enhet: { sv: "Enhet", en: "Unit" },
};

export const PROCESS_STEP_LABELS: Record<ProcessStep, Label> = {
  aktualisering: { sv: "Aktualisering", en: "Intake" },
  skyddsbedomning: { sv: "Skyddsbedömning", en: "Protection assessment" },
  forhandsbedomning: { sv: "Förhandsbedömning", en: "Pre-assessment" },
  utredning: { sv: "Utredning", en: "Investigation" },
  beslut: { sv: "Beslut", en: "Decision" },
  verkstallighet: { sv: "Verkställighet", en: "Execution" },
  genomforande: { sv: "Genomförande och planer", en: "Implementation and plans" },
  uppfoljning: { sv: "Uppföljning", en: "Follow-up" },
  avslut: { sv: "Avslut", en: "Closing" },
  samverkan: { sv: "Samverkan", en: "Collaboration" },
  hela_processen: { sv: "Hela processen", en: "The whole process" },
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, Label> = {
  utkast: { sv: "Utkast", en: "Draft" },
  publicerad: { sv: "Publicerad", en: "Published" },
  upphavd: { sv: "Upphävd", en: "Revoked" },
};

export const REVIEW_STATE_LABELS: Record<ReviewState, Label> = {
  ok: { sv: "I tid", en: "In time" },
  due_soon: { sv: "Revideras snart", en: "Review due soon" },
  due: { sv: "Revideras i dag", en: "Review due today" },
  overdue: { sv: "Revision försenad", en: "Review overdue" },
  none: { sv: "Inget revisionsdatum", en: "No review date" },
};

export const ACCESS_FLAG_LABELS: Record<AccessFlag, Label> = {
  protected_identity: { sv: "Skyddade personuppgifter", en: "Protected identity" },
  other_district: { sv: "Annat distrikts person", en: "Another district's person" },
  many_persons: { sv: "Många personer på kort tid", en: "Many persons in a short time" },
  no_case_relation: { sv: "Inget ärende på personen", en: "No case on the person" },
  outside_hours: { sv: "Utanför arbetstid", en: "Outside working hours" },
};

export const CONTROL_AREA_LABELS: Record<ControlArea, Label> = {
  handlaggning: { sv: "Handläggning", en: "Case handling" },
  dokumentation: { sv: "Dokumentation", en: "Documentation" },
  utredningstider: { sv: "Utredningstider", en: "Investigation times" },
  verkstallighet: { sv: "Verkställighet av beslut", en: "Execution of decisions" },
  genomforandeplaner: { sv: "Genomförandeplaner", en: "Implementation plans" },
  bedomningsinstrument: { sv: "Bedömningsinstrument", en: "Assessment instruments" },
  delegation: { sv: "Delegationsbeslut", en: "Delegated decisions" },
  lvu: { sv: "LVU-processen", en: "LVU process" },
  loggkontroll: { sv: "Loggkontroll", en: "Log review" },
  avvikelser: { sv: "Avvikelser", en: "Deviations" },
  styrdokument: { sv: "Styrdokument och rutiner", en: "Governing documents" },
  placeringar: { sv: "Placeringar", en: "Placements" },
  ekonomi: { sv: "Ekonomi", en: "Finance" },
  annat: { sv: "Annat", en: "Other" },
};

export const CONTROL_METHOD_LABELS: Record<ControlMethod, Label> = {
  manuell: { sv: "Manuell kontroll", en: "Manual check" },
  aktgranskning: { sv: "Aktgranskning i Vägval", en: "File review in Vägval" },
  nyckeltal: { sv: "Nyckeltal från Vägval", en: "Figure from Vägval" },
};

export const CONTROL_METRIC_LABELS: Record<ControlMetric, Label> = {
  utredning_inom_4_manader: {
    sv: "Andel utredningar klara inom 4 månader (eller förlängda i tid)",
    en: "Share of investigations done within 4 months (or extended in time)",
  },
  skyddsbedomning_inom_24_timmar: {
    sv: "Andel skyddsbedömningar inom 24 timmar",
    en: "Share of protection assessments within 24 hours",
  },
  forhandsbedomning_inom_14_dagar: {
    sv: "Andel förhandsbedömningar inom 14 dagar",
    en: "Share of pre-assessments within 14 days",
  },
  sena_frister: { sv: "Antal överskridna frister (skydd, förhand, utredning)", en: "Number of missed deadlines" },
  sena_forlangningar: { sv: "Antal förlängningar beslutade för sent", en: "Number of extensions decided too late" },
};

export const CONTROL_FREQUENCY_LABELS: Record<ControlFrequency, Label> = {
  manad: { sv: "Varje månad", en: "Monthly" },
  kvartal: { sv: "Varje kvartal", en: "Quarterly" },
  tertial: { sv: "Varje tertial", en: "Every four months" },
  halvar: { sv: "Varje halvår", en: "Every six months" },
  ar: { sv: "En gång per år", en: "Yearly" },
  lopande: { sv: "Löpande", en: "Continuously" },
};

export const NAMND_REPORT_LABELS: Record<NamndReport, Label> = {
  tertial_1: { sv: "Tertialrapport 1", en: "First four-month report" },
  delarsrapport: { sv: "Delårsrapport", en: "Interim report" },
  arsrapport: { sv: "Årsrapport", en: "Annual report" },
};

export const RESULT_OUTCOME_LABELS: Record<ResultOutcome, Label> = {
  utan_anmarkning: { sv: "Utan anmärkning", en: "No remarks" },
  mindre_brister: { sv: "Mindre brister", en: "Minor deficiencies" },
  vasentliga_brister: { sv: "Väsentliga brister", en: "Substantial deficiencies" },
  ej_genomford: { sv: "Ej genomförd", en: "Not carried out" },
  ej_bedombar: { sv: "Kan inte bedömas", en: "Cannot be judged" },
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, Label> = {
  lag: { sv: "Låg", en: "Low" },
  medel: { sv: "Medel", en: "Medium" },
  hog: { sv: "Hög", en: "High" },
};
