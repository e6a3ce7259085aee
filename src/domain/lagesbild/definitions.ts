/**
 * Lägesbild and åtgärdsplan under lag (2023:196) om kommuners ansvar för brottsförebyggande
 * arbete: what the law asks, and the definition of every figure the report shows, written once —
 * the page shows it beside the figure and the exports carry it.
 *
 * The law (text checked, SFS 2023:196, in force 2023-07-01):
 * - 3 §: the municipality takes a position on the need for crime-preventive measures from a
 *   knowledge-based basis (kunskapsbaserat underlag).
 * - 4 §: the municipality makes a lägesbild of the crime within its geographical area. It holds
 *   1. a mapping (kartläggning) of the crime, its extent and consequences,
 *   2. other information of significance in the context, and
 *   3. an analysis of the mapping and of the other information.
 *   Vägval's sections follow these three points: its own figures and the fältarbete (1), the
 *   manual sources with their origin (2), the analysis text (3).
 * - 5 § (prop. 2022/23:43, the law's summary): from the lägesbild the municipality takes a
 *   position on the need for measures and decides an åtgärdsplan.
 * Who decides (kommunstyrelse or fullmäktige) and how often a new lägesbild is made are not
 * enforced here: the decision is recorded with the body that took it and its date, and a year's
 * lägesbild is locked once decided.
 */
import { CONCERNS, REPORTER_CATEGORIES } from "../case-flow";
import { AGE_GROUPS } from "../interventions/rules";
import { INSATS_KIND_LABELS, INSATS_KINDS } from "../interventions/vocabulary";

export type Lang = "sv" | "en";
export type Text = Record<Lang, string>;

export const LAW: Text = {
  sv: "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete",
  en: "Act (2023:196) on municipalities' responsibility for crime prevention",
};

/** The three parts of a lägesbild (4 § 1–3) and the åtgärdsplan (5 §), as the report's headings. */
export const LAW_PARTS = {
  mapping: {
    sv: "Kartläggning (4 § 1): brottsligheten, dess omfattning och konsekvenser",
    en: "Mapping (sec. 4 (1)): crime, its extent and consequences",
  },
  otherInformation: {
    sv: "Annan information av betydelse (4 § 2)",
    en: "Other information of significance (sec. 4 (2))",
  },
  analysis: {
    sv: "Analys av kartläggningen och den andra informationen (4 § 3)",
    en: "Analysis of the mapping and the other information (sec. 4 (3))",
  },
  plan: {
    sv: "Åtgärdsplan (5 §): prioriterade områden och problem, åtgärder, ansvar och uppföljning",
    en: "Action plan (sec. 5): prioritised areas and problems, measures, responsibility and follow-up",
  },
} satisfies Record<string, Text>;

export type IndicatorId =
  | "reportsByReporter"
  | "reportsByConcern"
  | "reportsByAge"
  | "reportsByDistrict"
  | "insatserByKind"
  | "fieldwork";

export interface IndicatorDefinition {
  name: Text;
  definition: Text;
}

/** Each table's one definition. */
export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  reportsByReporter: {
    name: { sv: "Orosanmälningar per anmälarkategori", en: "Reports of concern by reporter category" },
    definition: {
      sv: "Orosanmälningar (inte ansökningar) mottagna under året i lägesbildens distrikt, efter den anmälarkategori som registrerades vid aktualiseringen. Pojkar och flickor efter den unges registrerade kön; övriga i egen kolumn.",
      en: "Reports of concern (not applications) received during the year in the lägesbild's districts, by the reporter category recorded at intake. Boys and girls by the young person's recorded gender; others in a column of their own.",
    },
  },
  reportsByConcern: {
    name: { sv: "Orosanmälningar per oro", en: "Reports of concern by concern" },
    definition: {
      sv: "Samma anmälningar efter vad oron gäller (brott, våld, missbruk …). En anmälan kan gälla flera slag av oro och räknas då på varje rad: raderna summerar inte till totalen.",
      en: "The same reports by what the concern is about (crime, violence, substance use …). A report may name several concerns and then counts on each row: the rows do not add up to the total.",
    },
  },
  reportsByAge: {
    name: { sv: "Orosanmälningar per åldersgrupp", en: "Reports of concern by age group" },
    definition: {
      sv: "Samma anmälningar efter den unges ålder i hela år den dag anmälan togs emot (svensk tid).",
      en: "The same reports by the young person's age in whole years on the day the report was received (Swedish time).",
    },
  },
  reportsByDistrict: {
    name: { sv: "Orosanmälningar per distrikt", en: "Reports of concern by district" },
    definition: {
      sv: "Samma anmälningar efter det distrikt som tog emot dem.",
      en: "The same reports by the district that received them.",
    },
  },
  insatserByKind: {
    name: { sv: "Påbörjade insatser per slag", en: "Interventions started by kind" },
    definition: {
      sv: "Insatser vars startdag infaller under året i lägesbildens distrikt, efter insatsens slag i katalogen. Pojkar och flickor efter den unges registrerade kön.",
      en: "Interventions whose start day falls in the year in the lägesbild's districts, by the kind of the catalogue entry. Boys and girls by the young person's recorded gender.",
    },
  },
  fieldwork: {
    name: { sv: "Fältarbete per område", en: "Outreach work by area" },
    definition: {
      sv: "Fältpass som började under året, per område: antal pass, anonyma kontakter (flickor och pojkar för sig) och godkända händelserapporter. Ett pass i flera områden räknas i vart och ett, så områdena summerar inte till kommunens total.",
      en: "Outreach shifts begun during the year, by area: shifts, anonymous contacts (girls and boys apart) and approved incident reports. A shift covering several areas counts in each, so the areas do not add up to the municipality's total.",
    },
  },
};

/** How every figure is protected: shown beside the tables and in the exports. */
export const DISCLOSURE_RULE: IndicatorDefinition = {
  name: { sv: "Röjandeskydd", en: "Disclosure control" },
  definition: {
    sv: "Alla antal från Vägvals egna data går genom röjandeskyddet: antal 1–4 visas aldrig (–), övriga antal är slumpmässigt justerade med högst ±2 och fler celler döljs där en summa annars skulle avslöja en dold. Manuella källor visas som de lämnades av källan.",
    en: "Every count from Vägval's own data passes disclosure control: counts of 1–4 are never shown (–), other counts are perturbed by at most ±2, and further cells are hidden where a sum would otherwise give a hidden one away. Manual sources are shown as their source gave them.",
  },
};

export const ALL_DEFINITIONS: readonly IndicatorDefinition[] = [...Object.values(INDICATORS), DISCLOSURE_RULE];

// ── Labels of the rows ────────────────────────────────────────────────────────────────────────────

export const REPORTER_LABELS: Record<(typeof REPORTER_CATEGORIES)[number], Text> = {
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

export const CONCERN_LABELS: Record<(typeof CONCERNS)[number], Text> = {
  brott: { sv: "Brott", en: "Crime" },
  vald: { sv: "Våld", en: "Violence" },
  missbruk: { sv: "Missbruk", en: "Substance use" },
  skolfranvaro: { sv: "Skolfrånvaro", en: "School absence" },
  hemforhallanden: { sv: "Hemförhållanden", en: "Home conditions" },
  psykisk_ohalsa: { sv: "Psykisk ohälsa", en: "Mental ill-health" },
  annat: { sv: "Annat", en: "Other" },
};

export const AGE_LABELS: Record<(typeof AGE_GROUPS)[number], Text> = Object.fromEntries(
  AGE_GROUPS.map((g) => [g, { sv: `${g.replace("-", "–")} år`, en: `${g.replace("-", "–")} years` }]),
) as Record<(typeof AGE_GROUPS)[number], Text>;

export const KIND_LABELS: Record<(typeof INSATS_KINDS)[number], Text> = INSATS_KIND_LABELS;

// ── The åtgärdsplan's vocabulary ──────────────────────────────────────────────────────────────────

export const MEASURE_STATUSES = ["planerad", "pagar", "genomford", "installd"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Text> = {
  planerad: { sv: "Planerad", en: "Planned" },
  pagar: { sv: "Pågår", en: "Ongoing" },
  genomford: { sv: "Genomförd", en: "Done" },
  installd: { sv: "Inställd", en: "Cancelled" },
};

/** Units a manual figure may be given in. */
export const SOURCE_UNITS = ["antal", "procent", "per_1000", "index", "annat"] as const;
export const SOURCE_UNIT_LABELS: Record<(typeof SOURCE_UNITS)[number], Text> = {
  antal: { sv: "antal", en: "count" },
  procent: { sv: "procent", en: "per cent" },
  per_1000: { sv: "per 1 000 invånare", en: "per 1,000 inhabitants" },
  index: { sv: "index", en: "index" },
  annat: { sv: "annat", en: "other" },
};
