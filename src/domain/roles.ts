/** The roles of DOMAIN.md. A user holds roles per unit. */
export const ROLES = [
  "handlaggare",
  "samordnare",
  "insatsutforare",
  "enhetschef",
  "kvalitet",
  "analytiker",
  "systemadministrator",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  handlaggare: { sv: "Handläggare", en: "Case worker" },
  samordnare: { sv: "Samordnare", en: "Coordinator" },
  insatsutforare: { sv: "Insatsutförare", en: "Intervention provider" },
  enhetschef: { sv: "Enhetschef", en: "Unit manager" },
  kvalitet: { sv: "Kvalitet / internkontroll", en: "Quality / internal control" },
  analytiker: { sv: "Analytiker", en: "Analyst" },
  systemadministrator: { sv: "Systemadministratör", en: "System administrator" },
};

/**
 * Every endpoint declares one permission; this table says which roles hold it. It is the single
 * place that decides who may do what (the access scope then decides on which records).
 */
export const PERMISSIONS = {
  /** Signed-in user's own account: me, logout, change password. */
  self: ROLES,
  /** Read and search persons (personal data) within the scope. */
  "person:read": ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet"],
  /** Register and update persons. */
  "person:write": ["handlaggare", "samordnare", "enhetschef"],
  /** Share a person's data with a user or unit outside the owning district. */
  "person:share": ["enhetschef"],
  /** Read cases (reports, assessments, investigations, decisions, journal) in scope. */
  "case:read": ["handlaggare", "samordnare", "enhetschef", "kvalitet"],
  /** Register reports, record assessments, run investigations, write the journal, take decisions (as delegated). */
  "case:write": ["handlaggare", "enhetschef"],
  /** Assign cases to handläggare and see caseloads. */
  "case:assign": ["enhetschef"],
  /** Aggregated figures without personal data: handling times and other reports. */
  "stats:read": ["enhetschef", "kvalitet", "analytiker"],
  /** Read the audit log of persons in scope. */
  "audit:read": ["enhetschef", "kvalitet", "systemadministrator"],
  /** Verify the audit chain. */
  "audit:verify": ["kvalitet", "systemadministrator"],
  /** Read the organisation (districts, units) for pickers. */
  "organisation:read": ROLES,
  /** Read structured-assessment instrument definitions (configuration, no personal data). */
  "instrument:read": ROLES,
  /** Import, export and retire instrument definitions. */
  "instrument:manage": ["systemadministrator"],
  /** See the training register of the staff in one's districts. */
  "training:read": ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet", "systemadministrator"],
  /** Register trainings for the staff in one's districts. */
  "training:manage": ["enhetschef", "systemadministrator"],
  /** See insatser: the case's staff in their districts; insatsutförare only the uppdrag of their unit. */
  "insats:read": ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet"],
  /** Give an insats as an uppdrag, record why it has not started, övervägande, vårdplan, end it. */
  "insats:manage": ["handlaggare", "enhetschef"],
  /** Carry out an uppdrag: write and sign the genomförandeplan, record the start and the follow-ups. */
  "insats:provide": ["insatsutforare", "handlaggare", "enhetschef"],
  /** The IVO list of decisions not executed within 3 months, with personnummer. */
  "ivo:read": ["enhetschef", "kvalitet"],
  /** Egenkontroll: file reviews (aktgranskning), the late-deadline list, the internal control plan. Case references, so personal-data roles only. */
  "review:manage": ["enhetschef", "kvalitet"],
  /** Report an avvikelse (deviation): anyone who works with the cases. */
  "deviation:report": ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet"],
  /** Classify, investigate, act on and close avvikelser, lex Sarah included. */
  "deviation:manage": ["enhetschef", "kvalitet"],
  /** Read the styrdokument register (routines and guidelines in force). */
  "document:read": ROLES,
  /** Register, version, decide and publish styrdokument. */
  "document:manage": ["enhetschef", "kvalitet", "systemadministrator"],
  /** Log review (loggkontroll): draw samples of the audit log, judge flagged access. */
  "logreview:manage": ["kvalitet"],
  /** Samverkan: forums (SSPF, SIG …) of one's district, their meetings, agendas and minutes. */
  "forum:manage": ["samordnare", "enhetschef"],
  /** Record and revoke a person's samtycke and the disclosures made under it (reading follows person:read). */
  "consent:manage": ["handlaggare", "samordnare", "enhetschef"],
  /**
   * Fältarbete (no personal data): log shifts and write händelserapporter in one's district. There
   * is no field-worker role: fältassistenter hold samordnare, fritidsledare insatsutförare.
   */
  "fieldwork:log": ["samordnare", "insatsutforare", "enhetschef"],
  /** Manage the district's fältarbete areas (polygons) and approve or return händelserapporter. */
  "fieldwork:manage": ["samordnare", "enhetschef"],
  /** See the areas, the shift log and the heat per area (aggregates through the disclosure module). */
  "fieldwork:read": ["samordnare", "insatsutforare", "enhetschef", "kvalitet", "analytiker"],
  /** Lägesbild and åtgärdsplan (lag 2023:196): read the report (aggregates only, through disclosure control). */
  "lagesbild:read": ["samordnare", "enhetschef", "kvalitet", "analytiker"],
  /** Create a lägesbild, write its analysis and manual sources, keep the åtgärdsplan and its follow-up. */
  "lagesbild:manage": ["samordnare", "enhetschef"],
  /** Record that the lägesbild was decided (by the kommunstyrelse or nämnd): locks it. */
  "lagesbild:decide": ["enhetschef"],
  /** Manage the insats catalogue and where each insats is offered. */
  "catalogue:manage": ["systemadministrator"],
  /** Manage districts, units, users and role assignments. */
  admin: ["systemadministrator"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles whose holders see personal data of their own districts. Analytiker only sees aggregates. */
export const PERSONAL_DATA_ROLES: readonly Role[] = PERMISSIONS["person:read"];
