/**
 * The definition of each handling-time indicator, in words, written once: the page shows it beside
 * the figure and the exports carry it, so a reader never has to guess what a share is a share of.
 * The rules themselves are in clock-outcome.ts, investigation-time.ts and handling-times.ts; a
 * change there is a change here.
 */
export type Lang = "sv" | "en";
type Text = Record<Lang, string>;

export type IndicatorId =
  | "skyddsbedomning"
  | "forhandsbedomning"
  | "utredningWithin4Months"
  | "utredningWithin4MonthsOrExtended"
  | "linkedToOngoingInvestigation"
  | "reReferrals";

export interface IndicatorDefinition {
  name: Text;
  definition: Text;
}

/** How every "share within time" is counted (clock-outcome.ts): part of each clock indicator's definition. */
export const SHARE_RULE: IndicatorDefinition = {
  name: { sv: "Andel inom tid", en: "Share within time" },
  definition: {
    sv: "Andelen räknas på alla vars tid har avgjorts: gjorda i tid, gjorda för sent och ej gjorda där tiden redan har gått ut (de räknas som ej inom tid). Ej gjorda där tiden ännu inte har gått ut visas för sig som väntande och ingår inte i andelen. Läget bedöms när rapporten tas fram.",
    en: "The share is taken over every item whose time has been decided: done in time, done late, and not done although the time has run out (counted as not within). Items not done whose time is still running are shown apart as pending and are not in the share. The state is assessed when the report is made.",
  },
};

/** The days beside each share. */
export const DAYS_RULE: IndicatorDefinition = {
  name: { sv: "Dagar", en: "Days" },
  definition: {
    sv: "Median, medelvärde och 90:e percentil av dagarna för de gjorda (för utredningar: de avslutade). Ej gjorda ingår inte; de syns i antalet ej gjorda.",
    en: "Median, mean and 90th percentile of the days of those done (for investigations: those completed). Those not done are not included; they show in the count not done.",
  },
};

/**
 * Each indicator's own definition. A clock indicator's share is further counted by SHARE_RULE and
 * its days by DAYS_RULE; the page shows those once beside the table, the exports list them with
 * the definitions.
 */
export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  skyddsbedomning: {
    name: { sv: "Skyddsbedömning inom 24 timmar", en: "Protection assessment within 24 hours" },
    definition: {
      sv: "Anmälningar mottagna under perioden. Inom tid: skyddsbedömningen gjord senast 24 timmar efter mottagandet (11 kap. 1 a § SoL). Dagar: från mottagande till skyddsbedömning, på tiondels dag.",
      en: "Reports received in the period. Within time: the protection assessment made at the latest 24 hours after receipt (ch. 11 sec. 1 a SoL). Days: from receipt to the assessment, to a tenth of a day.",
    },
  },
  forhandsbedomning: {
    name: { sv: "Förhandsbedömning inom 14 dagar", en: "Pre-assessment within 14 days" },
    definition: {
      sv: "Anmälningar mottagna under perioden. Inom tid: beslut om att inleda utredning eller inte (eller att koppla anmälan till pågående utredning) senast den 14:e kalenderdagen efter mottagandet, svensk tid (11 kap. 1 a § SoL). Dagar: kalenderdagar från mottagande till beslut.",
      en: "Reports received in the period. Within time: the decision whether to open an investigation (or to link the report to an ongoing one) at the latest on the 14th calendar day after receipt, Swedish time (ch. 11 sec. 1 a SoL). Days: calendar days from receipt to the decision.",
    },
  },
  utredningWithin4Months: {
    name: { sv: "Utredning inom 4 månader", en: "Investigation within 4 months" },
    definition: {
      sv: "Utredningar vars lagstadgade slutdag (inledd + 4 månader, 11 kap. 2 § SoL) infaller under perioden: varje utredning räknas i exakt en period, oavsett hur och när den avslutas. Inom tid: avslutad senast den dagen; förlängning räknas inte. Avslutad senare, eller ännu öppen när dagen har passerat: ej inom tid. Öppen och slutdagen ännu inte passerad: väntande. Dagar: kalenderdagar från inledande till avslut.",
      en: "Investigations whose statutory last day (opened + 4 months, ch. 11 sec. 2 SoL) falls in the period: each investigation counts in exactly one period, however and whenever it ends. Within time: completed on or before that day; extensions do not count. Completed later, or still open once the day has passed: not within. Open before the day has passed: pending. Days: calendar days from opening to completion.",
    },
  },
  utredningWithin4MonthsOrExtended: {
    name: {
      sv: "Utredning inom 4 månader eller beslutad förlängning",
      en: "Investigation within 4 months or a decided extension",
    },
    definition: {
      sv: "Samma utredningar. Inom tid: avslutad senast den lagstadgade slutdagen eller senast det slutdatum som en förlängning beslutad i tid har satt. En förlängning räknas bara när den beslutades innan den slutdag som då gällde hade passerat. En förlängning beslutad efter att tiden gått ut gör inte utredningen i tid: den räknas som sen och redovisas som sent beslutad förlängning.",
      en: "The same investigations. Within time: completed on or before the statutory last day, or on or before the end date set by an extension decided in time. An extension counts only when decided before the last day then in force had passed. An extension decided after the time had run out does not make the investigation in time: it counts as late and is reported as a late extension.",
    },
  },
  linkedToOngoingInvestigation: {
    name: { sv: "Kopplade till pågående utredning", en: "Linked to an ongoing investigation" },
    definition: {
      sv: "Anmälningar mottagna under perioden som vid förhandsbedömningen kopplades till en redan pågående utredning.",
      en: "Reports received in the period that the pre-assessment linked to an investigation already under way.",
    },
  },
  reReferrals: {
    name: { sv: "Återaktualiseringar inom 12 månader", en: "Re-referrals within 12 months" },
    definition: {
      sv: "Anmälningar mottagna under perioden som kom inom 12 månader efter att den unges senaste ärende i distriktet avslutades (markeras när anmälan registreras), av alla anmälningar mottagna under perioden.",
      en: "Reports received in the period that came within 12 months of the young person's last closed case in the district (marked when the report is registered), out of all reports received in the period.",
    },
  },
};

/** Every definition an export carries: the indicators, then the rules they share. */
export const ALL_DEFINITIONS: readonly IndicatorDefinition[] = [...Object.values(INDICATORS), SHARE_RULE, DAYS_RULE];
