/**
 * The criteria of a file review (aktgranskning), as the auditors of Stockholm 2024 (seed 001) and
 * Skärholmen's own follow-up (seed 003) checked the files: each with a code, what it checks, the
 * rule in words and where the rule comes from. The verdicts are computed in criteria.ts (the LVU
 * criteria, which an investigation's file has when its case has an LVU process, in lvu-criteria.ts).
 * Pure data.
 */
import type { Label } from "../interventions/vocabulary";

/** What a file is: an utredning (with the reports it rests on) or an insats (with its plan). */
export const FILE_KINDS = ["utredning", "insats"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What a review samples: investigations, insatser, or both in one population. */
export const REVIEW_KINDS = ["utredningar", "insatser", "both"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const VERDICTS = ["met", "not_met", "not_applicable", "manual"] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What a reviewer may answer: every verdict but "manual", which means "not yet answered". */
export const ANSWERS = ["met", "not_met", "not_applicable"] as const;
export type Answer = (typeof ANSWERS)[number];

export const VERDICT_LABELS: Record<Verdict, Label> = {
  met: { sv: "Uppfyllt", en: "Met" },
  not_met: { sv: "Ej uppfyllt", en: "Not met" },
  not_applicable: { sv: "Ej tillämpligt", en: "Not applicable" },
  manual: { sv: "Bedöms manuellt", en: "Manual" },
};

export const CRITERION_CODES = [
  "skyddsbedomning",
  "forhandsbedomning",
  "beslut_inleda",
  "koppling",
  "utredningstid",
  "strukturerad_bedomning",
  "barnets_syn_utredning",
  "analys_kvalitet",
  "lvu_understallning",
  "lvu_ansokan",
  "lvu_overvagande",
  "lvu_beslutsfattare",
  "verkstallighet",
  "genomforandeplan",
  "uppfoljning",
  "barnets_syn_insats",
  "vardplan",
  "overvagande",
  "plan_kvalitet",
] as const;
export type CriterionCode = (typeof CRITERION_CODES)[number];

/**
 * Where a rule comes from. `sol` is the section in SoL (2001:453); null when the rule is not SoL's
 * (the LVU criteria cite lag (1990:52) in `other`, a law that was not renumbered in 2025).
 */
export interface RuleSource {
  sol: string | null;
  /** Besides or instead of the law: a regulation, a handbook, the district's own rule. */
  other: Label | null;
}

export interface CriterionDefinition {
  code: CriterionCode;
  fileKind: FileKind;
  /** False for the checklist the reviewer fills in (a judgement no record can give). */
  automatic: boolean;
  name: Label;
  rule: Label;
  source: RuleSource;
}

const def = (
  code: CriterionCode,
  fileKind: FileKind,
  automatic: boolean,
  name: Label,
  rule: Label,
  source: RuleSource,
): CriterionDefinition => ({ code, fileKind, automatic, name, rule, source });

const NONE = null;

export const CRITERIA: Record<CriterionCode, CriterionDefinition> = {
  skyddsbedomning: def(
    "skyddsbedomning",
    "utredning",
    true,
    { sv: "Skyddsbedömning inom 24 timmar", en: "Protection assessment within 24 hours" },
    {
      sv: "Varje anmälan i akten (den som ledde till utredningen och de som kom in medan den pågick) har en skyddsbedömning gjord senast 24 timmar efter att anmälan kom in; precis 24 timmar är i tid.",
      en: "Every report in the file (the one that led to the investigation and those received while it ran) has a protection assessment made at the latest 24 hours after receipt; exactly 24 hours is in time.",
    },
    { sol: "11 kap. 1 a §", other: NONE },
  ),
  forhandsbedomning: def(
    "forhandsbedomning",
    "utredning",
    true,
    { sv: "Förhandsbedömning inom 14 dagar", en: "Pre-assessment within 14 days" },
    {
      sv: "Beslut om att inleda utredning eller inte (eller att koppla anmälan till pågående utredning) senast den 14:e kalenderdagen efter att anmälan kom in, svensk tid. Lagen tillåter längre tid vid synnerliga skäl, men Vägval har inget fält för synnerliga skäl: ett senare beslut räknas som ej uppfyllt, och granskaren kan notera skälen i kommentaren.",
      en: "The decision whether to open an investigation (or to link the report to an ongoing one) at the latest on the 14th calendar day after receipt, Swedish time. The law allows longer for synnerliga skäl, but Vägval has no field for them: a later decision counts as not met, and the reviewer may note the reasons in the comment.",
    },
    { sol: "11 kap. 1 a §", other: NONE },
  ),
  beslut_inleda: def(
    "beslut_inleda",
    "utredning",
    true,
    { sv: "Dokumenterat beslut att inleda utredning", en: "Documented decision to open the investigation" },
    {
      sv: "Utredningen vilar på ett beslut av typen inleda utredning, med beslutsfattare, tidpunkt och motivering.",
      en: "The investigation rests on a decision to open it, with who decided, when, and the reasons.",
    },
    { sol: "11 kap. 1 § och 11 kap. 5 §", other: NONE },
  ),
  koppling: def(
    "koppling",
    "utredning",
    true,
    { sv: "Koppling till pågående utredning dokumenterad", en: "Link to the ongoing investigation documented" },
    {
      sv: "Varje anmälan som kom in medan utredningen pågick har en förhandsbedömning som kopplar den till utredningen. Inga sådana anmälningar: ej tillämpligt.",
      en: "Every report received while the investigation ran has a pre-assessment linking it to the investigation. No such reports: not applicable.",
    },
    {
      sol: "11 kap. 5 §",
      other: {
        sv: "Socialstyrelsens handbok för utredning av barn och unga",
        en: "Socialstyrelsen's handbook on investigating children and young people",
      },
    },
  ),
  utredningstid: def(
    "utredningstid",
    "utredning",
    true,
    { sv: "Utredning inom 4 månader eller förlängning i tid", en: "Investigation within 4 months or extension in time" },
    {
      sv: "Avslutad senast fyra kalendermånader efter att den inleddes, eller senast den dag ett beslut om förlängning satt — men bara en förlängning beslutad innan tiden gick ut räknas. En förlängning beslutad efter slutdagen gör inte utredningen i tid. Pågår och tiden har inte gått ut: ej tillämpligt än.",
      en: "Completed at the latest four calendar months after it opened, or by the day a förlängning set — but only a förlängning decided before the time ran out counts. A förlängning decided after the last day does not make the investigation in time. Still running and the time not run out: not applicable yet.",
    },
    { sol: "11 kap. 2 §", other: NONE },
  ),
  strukturerad_bedomning: def(
    "strukturerad_bedomning",
    "utredning",
    true,
    { sv: "Strukturerad bedömning eller dokumenterat skäl", en: "Structured assessment or documented reason" },
    {
      sv: "När anmälningarna gäller brott eller våld: en signerad strukturerad bedömning på utredningen, eller ett dokumenterat skäl till att ingen gjordes. Andra utredningar och pågående utredningar utan bedömning: ej tillämpligt.",
      en: "When the reports concern crime or violence: a signed structured assessment on the investigation, or a documented reason why none was made. Other investigations, and running ones without an assessment: not applicable.",
    },
    {
      sol: NONE,
      other: {
        sv: "Socialstyrelsens kunskapsstöd (standardiserade bedömningsmetoder) och distriktets riktlinje",
        en: "Socialstyrelsen's guidance (standardised assessment methods) and the district's guideline",
      },
    },
  ),
  barnets_syn_utredning: def(
    "barnets_syn_utredning",
    "utredning",
    false,
    { sv: "Barnets syn dokumenterad", en: "The child's view documented" },
    {
      sv: "Utredningen visar att barnet fått framföra sina åsikter, eller varför inte. Barnets syn (eller skälet till att barnet inte hörts) dokumenteras på ärendet och krävs för att avsluta en utredning; granskaren bedömer om den är tillräcklig utifrån den, journalen och utredningen.",
      en: "The investigation shows that the child could give their views, or why not. The child's view (or why the child was not heard) is documented on the case and required to complete an investigation; the reviewer judges whether it suffices from it, the journal and the investigation.",
    },
    { sol: "11 kap. 10 §", other: NONE },
  ),
  analys_kvalitet: def(
    "analys_kvalitet",
    "utredning",
    false,
    { sv: "Analys och bedömning av god kvalitet", en: "Analysis and assessment of good quality" },
    {
      sv: "Utredningens analys knyter ihop det som kommit fram med behov, risker och skyddsfaktorer och leder fram till förslaget. Granskarens bedömning.",
      en: "The investigation's analysis ties what was found to needs, risks and protective factors and leads to the proposal. The reviewer's judgement.",
    },
    { sol: NONE, other: { sv: "BBIC och Socialstyrelsens handbok", en: "BBIC and Socialstyrelsen's handbook" } },
  ),
  lvu_understallning: def(
    "lvu_understallning",
    "utredning",
    true,
    { sv: "LVU: underställning inom en vecka", en: "LVU: submitted to the court within one week" },
    {
      sv: "Ett beslut om omedelbart omhändertagande är underställt förvaltningsrätten senast en vecka från den dag det fattades (samma veckodag veckan efter, flyttat till nästa vardag enligt lag (1930:173)). Senare: omhändertagandet upphörde att gälla. Inget omedelbart omhändertagande, eller omhändertagandet upphörde innan tiden gick ut, eller tiden löper: ej tillämpligt.",
      en: "A decision on omedelbart omhändertagande has been submitted to the administrative court within one week of the day it was taken (the same weekday the week after, moved to the next working day under lag (1930:173)). Later: the omhändertagande lapsed. No omedelbart omhändertagande, or it ended before the time ran out, or the time still runs: not applicable.",
    },
    { sol: NONE, other: { sv: "7 § första stycket LVU (1990:52)", en: "LVU (1990:52) 7 § first paragraph" } },
  ),
  lvu_ansokan: def(
    "lvu_ansokan",
    "utredning",
    true,
    { sv: "LVU: ansökan om vård inom fyra veckor", en: "LVU: application for care within four weeks" },
    {
      sv: "Efter ett omedelbart omhändertagande har ansökan om vård kommit in till förvaltningsrätten senast fyra veckor från den dag omhändertagandet verkställdes, eller senast den dag rätten förlängt tiden till. Senare: omhändertagandet upphörde (9 § LVU). Inget omedelbart omhändertagande, inte verkställt, upphört innan tiden gick ut, eller tiden löper: ej tillämpligt.",
      en: "After an omedelbart omhändertagande, the application for care has reached the administrative court within four weeks of the day it was carried out, or by the day the court extended the time to. Later: the omhändertagande lapsed (9 § LVU). No omedelbart omhändertagande, not carried out, ended before the time ran out, or the time still runs: not applicable.",
    },
    { sol: NONE, other: { sv: "8 § LVU (1990:52)", en: "LVU (1990:52) 8 §" } },
  ),
  lvu_overvagande: def(
    "lvu_overvagande",
    "utredning",
    true,
    { sv: "LVU: övervägande och prövning var sjätte månad", en: "LVU: review every six months" },
    {
      sv: "Vård med stöd av 2 § övervägs, och vård med stöd av 3 § prövas, senast sex månader efter att vården började och sedan efter det senaste övervägandet eller prövningen, så länge vården pågår. Ingen påbörjad vård, eller ingen tid har gått ut: ej tillämpligt.",
      en: "Care under 2 § is considered (övervägande), and care under 3 § tried (prövning), at the latest six months after care began and then after the latest review, as long as the care lasts. No care begun, or no time run out: not applicable.",
    },
    { sol: NONE, other: { sv: "13 § LVU (1990:52)", en: "LVU (1990:52) 13 §" } },
  ),
  lvu_beslutsfattare: def(
    "lvu_beslutsfattare",
    "utredning",
    true,
    { sv: "LVU: beslut av behörig beslutsfattare", en: "LVU: decisions by someone entitled to take them" },
    {
      sv: "Varje beslut i LVU-processen är fattat av den som får fatta det (nämnden; ordföranden eller en förordnad ledamot bara när nämndens beslut inte kan avvaktas; en tjänsteman bara för placering enligt delegationsordningen), och varje brådskande beslut av ordföranden eller en ledamot är anmält vid nämndens nästa sammanträde — det nämndbeslut i processen som följer efter det brådskande beslutet visar att nämnden sammanträtt. Anmälan som ännu inte gjorts när nämnden inte har sammanträtt: ej tillämpligt. Inga beslut: ej tillämpligt.",
      en: "Every decision of the LVU process was taken by someone entitled to take it (the nämnd; the chair or an appointed member only when the nämnd's decision cannot be awaited; staff only for a placement under the delegationsordning), and every urgent decision of the chair or a member was reported at the nämnd's next meeting — the nämnd decision of the process that follows the urgent one shows that the nämnd has met. A report not yet made while the nämnd has not met: not applicable. No decisions: not applicable.",
    },
    {
      sol: "10 kap. 4 §",
      other: {
        sv: "6 § LVU (1990:52); 6 kap. 39–40 §§ kommunallagen (2017:725)",
        en: "LVU (1990:52) 6 §; Local Government Act (2017:725) ch. 6 ss. 39–40",
      },
    },
  ),
  verkstallighet: def(
    "verkstallighet",
    "insats",
    true,
    { sv: "Verkställt inom 3 månader eller rapporterat till IVO", en: "Executed within 3 months or reported to IVO" },
    {
      sv: "Ett biståndsbeslut verkställs (insatsen startar) senast tre kalendermånader efter beslutet. Senare eller inte alls: ej uppfyllt — om skälet för IVO-rapporten är dokumenterat blir kriteriet manuellt, så att granskaren kontrollerar att rapporten till IVO och nämnden lämnats. Insatser utan biståndsbeslut (serviceinsatser, vård enligt LVU, påföljder): ej tillämpligt.",
      en: "A bistånd decision is executed (the insats starts) at the latest three calendar months after the decision. Later or not at all: not met — when the reason for the IVO report is documented the criterion becomes manual, so the reviewer checks that the report to IVO and the nämnd was made. Insatser without a bistånd decision (services, care under LVU, sentences): not applicable.",
    },
    { sol: "16 kap. 6 f §", other: NONE },
  ),
  genomforandeplan: def(
    "genomforandeplan",
    "insats",
    true,
    { sv: "Genomförandeplan signerad inom tidsgränsen", en: "Implementation plan signed within the limit" },
    {
      sv: "En genomförandeplan är signerad senast det antal dagar efter insatsens start som distriktet bestämt (normalt 14). Insatsen har inte startat, eller tiden har inte gått ut: ej tillämpligt.",
      en: "An implementation plan is signed at the latest the number of days after the start the district has set (normally 14). The insats has not started, or the time has not run out: not applicable.",
    },
    {
      sol: "11 kap. 3 §",
      other: {
        sv: "För öppna insatser: stadens riktlinjer för handläggning och dokumentation (distriktets tidsgräns)",
        en: "For open insatser: the city's guidelines on case handling and documentation (the district's limit)",
      },
    },
  ),
  uppfoljning: def(
    "uppfoljning",
    "insats",
    true,
    { sv: "Uppföljningar i tid", en: "Follow-ups on time" },
    {
      sv: "Varje uppföljningsdag i den gällande genomförandeplanen som har passerat har en uppföljning gjord senast den dagen. Ingen signerad plan eller inga passerade dagar: ej tillämpligt.",
      en: "Every follow-up day of the plan in force that has passed has a follow-up done on or before it. No signed plan or no day passed: not applicable.",
    },
    {
      sol: NONE,
      other: { sv: "Genomförandeplanen; Socialstyrelsens handbok", en: "The implementation plan; Socialstyrelsen's handbook" },
    },
  ),
  barnets_syn_insats: def(
    "barnets_syn_insats",
    "insats",
    true,
    { sv: "Barnets syn i genomförandeplanen", en: "The child's view in the implementation plan" },
    {
      sv: "Den signerade genomförandeplanen har den unges synpunkter ifyllda. Ingen signerad plan: ej tillämpligt (planen bedöms i sitt eget kriterium).",
      en: "The signed implementation plan has the young person's views filled in. No signed plan: not applicable (the plan has a criterion of its own).",
    },
    { sol: "11 kap. 10 §", other: NONE },
  ),
  vardplan: def(
    "vardplan",
    "insats",
    true,
    { sv: "Vårdplan före placering", en: "Care plan before placement" },
    {
      sv: "En placering har en vårdplan upprättad senast den dag placeringen började. Andra insatser: ej tillämpligt.",
      en: "A placement has a care plan established at the latest on the day it began. Other insatser: not applicable.",
    },
    { sol: "11 kap. 3 §", other: NONE },
  ),
  overvagande: def(
    "overvagande",
    "insats",
    true,
    { sv: "Övervägande var sjätte månad", en: "Review every six months" },
    {
      sv: "En placering övervägs senast sex kalendermånader efter starten och sedan efter det senaste övervägandet, så länge den pågår. Andra insatser, vård enligt LVU (bedöms i LVU-kriterierna, 13 § LVU) eller ingen tid har gått ut: ej tillämpligt.",
      en: "A placement is reviewed at the latest six calendar months after its start and then after the latest review, as long as it lasts. Other insatser, care under LVU (judged by the LVU criteria, 13 § LVU), or no time run out: not applicable.",
    },
    { sol: "6 kap. 8 §", other: NONE },
  ),
  plan_kvalitet: def(
    "plan_kvalitet",
    "insats",
    false,
    { sv: "Genomförandeplanen fullständig", en: "Implementation plan complete" },
    {
      sv: "Planen säger vad som ska göras, av vem, med vilka mätbara mål och när det följs upp. Granskarens bedömning.",
      en: "The plan says what is to be done, by whom, with which measurable goals and when it is followed up. The reviewer's judgement.",
    },
    {
      sol: NONE,
      other: {
        sv: "Stadens riktlinjer för handläggning och dokumentation",
        en: "The city's guidelines on case handling and documentation",
      },
    },
  ),
};

export const criteriaOf = (kind: FileKind): CriterionDefinition[] =>
  CRITERION_CODES.map((c) => CRITERIA[c]).filter((c) => c.fileKind === kind);

export const fileKindsOf = (kind: ReviewKind): FileKind[] =>
  kind === "utredningar" ? ["utredning"] : kind === "insatser" ? ["insats"] : ["utredning", "insats"];

// ── The law in force at the event's date ────────────────────────────────────────────────────────

/** The new socialtjänstlag (2025:400) applies to what happens from this day. */
export const SOL_2025_FROM = "2025-07-01";

/**
 * The citation of a criterion for an event on `day` ('YYYY-MM-DD'): the law in force that day.
 * Before 2025-07-01, the section of SoL (2001:453). From then on SoL (2025:400), which renumbered
 * the chapters: the citation names the new law and the section of the old one it carries on, as
 * the new numbering of each section has not been checked against the law's text here.
 */
export function citation(code: CriterionCode, day: string, lang: "sv" | "en" = "sv"): string {
  const { sol, other } = CRITERIA[code].source;
  const law =
    sol === null
      ? null
      : day < SOL_2025_FROM
        ? `${sol} SoL (2001:453)`
        : lang === "sv"
          ? `SoL (2025:400), motsvarande ${sol} i SoL (2001:453)`
          : `SoL (2025:400), corresponding to ${sol} of SoL (2001:453)`;
  return [law, other?.[lang]].filter(Boolean).join("; ");
}
