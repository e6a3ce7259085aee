/**
 * The words of avvikelsehantering (deviation management) and lex Sarah: what kind of deviation,
 * how severe, whether it is a missförhållande in the sense of lex Sarah, why it happened, and where
 * a report came from. Codes are stored; labels are shown, Swedish first. Pure data.
 */
export type Label = { sv: string; en: string };

/** What the deviation concerns: the reporter picks one, the classification may change it. */
export const DEVIATION_KINDS = [
  "handlaggning",
  "tidsfrist",
  "dokumentation",
  "bemotande",
  "sekretess",
  "insats",
  "samverkan",
  "vald_hot",
  "ovrigt",
] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];
export const DEVIATION_KIND_LABELS: Record<DeviationKind, Label> = {
  handlaggning: { sv: "Handläggning", en: "Case handling" },
  tidsfrist: { sv: "Tidsfrist överskriden", en: "Deadline exceeded" },
  dokumentation: { sv: "Dokumentation", en: "Documentation" },
  bemotande: { sv: "Bemötande", en: "Treatment of the person" },
  sekretess: { sv: "Sekretess och personuppgifter", en: "Confidentiality and personal data" },
  insats: { sv: "Insats och verkställighet", en: "Intervention and execution" },
  samverkan: { sv: "Samverkan och informationsöverföring", en: "Collaboration and hand-over" },
  vald_hot: { sv: "Våld eller hot", en: "Violence or threat" },
  ovrigt: { sv: "Övrigt", en: "Other" },
};

export const SEVERITIES = ["lag", "medel", "hog"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, Label> = {
  lag: { sv: "Låg", en: "Low" },
  medel: { sv: "Medel", en: "Medium" },
  hog: { sv: "Hög", en: "High" },
};

/**
 * Lex Sarah: a missförhållande, or a påtaglig risk för ett missförhållande, concerning someone who
 * receives or may receive insatser (SoL 2001:453 14 kap. 3 §; SoL 2025:400 27 kap. 2 §). "none" is
 * an ordinary deviation handled in the quality system only.
 */
export const LEX_SARAH_KINDS = ["none", "missforhallande", "risk"] as const;
export type LexSarahKind = (typeof LEX_SARAH_KINDS)[number];
export const LEX_SARAH_LABELS: Record<LexSarahKind, Label> = {
  none: { sv: "Ingen lex Sarah (avvikelse)", en: "Not lex Sarah (deviation)" },
  missforhallande: { sv: "Missförhållande (lex Sarah)", en: "Impropriety (lex Sarah)" },
  risk: { sv: "Påtaglig risk för missförhållande (lex Sarah)", en: "Evident risk of impropriety (lex Sarah)" },
};

/** Why it happened, as the investigation concludes (one main cause). */
export const ROOT_CAUSES = [
  "rutin_saknas",
  "rutin_ej_foljd",
  "kompetens",
  "kommunikation",
  "bemanning",
  "it_system",
  "samverkan",
  "annat",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];
export const ROOT_CAUSE_LABELS: Record<RootCause, Label> = {
  rutin_saknas: { sv: "Rutin saknas eller är otydlig", en: "Routine missing or unclear" },
  rutin_ej_foljd: { sv: "Rutin följdes inte", en: "Routine not followed" },
  kompetens: { sv: "Kunskap eller kompetens", en: "Knowledge or competence" },
  kommunikation: { sv: "Kommunikation eller information", en: "Communication or information" },
  bemanning: { sv: "Bemanning eller arbetsbelastning", en: "Staffing or workload" },
  it_system: { sv: "IT-system eller teknik", en: "IT system or technology" },
  samverkan: { sv: "Samverkan med andra aktörer", en: "Collaboration with other agencies" },
  annat: { sv: "Annan orsak", en: "Other cause" },
};

/** Where the report came from: a person's own report, or a finding of an egenkontroll. */
export const DEVIATION_SOURCES = ["manual", "late_deadline", "file_review", "log_review"] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];
export const DEVIATION_SOURCE_LABELS: Record<DeviationSource, Label> = {
  manual: { sv: "Rapport", en: "Report" },
  late_deadline: { sv: "Sen tidsfrist", en: "Late deadline" },
  file_review: { sv: "Aktgranskning", en: "File review" },
  log_review: { sv: "Loggkontroll", en: "Log review" },
};
